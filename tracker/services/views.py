"""Plain views of a claim and its links, built once here and read by every face: the review UI, ``show``, the
exports, the report and ClaimReview. No ORM object leaves this module's builders, so nothing lazy-loads later
(or on the UI thread), and a claim's outlet, source, speaker and history are worded the same everywhere.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import Claim, ClaimLink, ClaimValue, Document, Verdict
from ..readers.limits import MAX_ID
from .claims import get_claim, links_of, paragraph_bounds
from .versions import changed_since_reviewed

#: how a document without an outlet is named
UNKNOWN_OUTLET = "unknown outlet"
#: the same, in a narrow table column
UNKNOWN_OUTLET_SHORT = "(unknown)"
#: the speaker shown for an attributed claim whose speaker the article does not name
UNNAMED = "(unnamed)"
#: characters of the paragraph shown on each side of a claim's span in a report
CONTEXT = 240


def outlet_name(document: Document) -> str | None:
    """The outlet's name, or None when the document has none (the one place this is worked out)."""
    return document.outlet.name if document.outlet else None


def body_start(text: str) -> int:
    """Where the article begins: after the reader's ``date YYYY-MM-DD`` header, which is furniture, not text."""
    from ..extract.furniture import DATE_HEADER  # here, not at the top: reading claims needs no extractor

    header = DATE_HEADER.match(text)
    return header.end() if header else 0


def utc(moment: datetime) -> datetime:
    """An aware UTC time: SQLite hands back naive UTC, PostgreSQL an aware time in the session's zone."""
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class SourceView:
    """The document a claim comes from, named by its origin (path or URL) and title wherever it is cited."""

    id: int
    name: str
    origin: str
    title: str | None
    outlet: str | None
    published: date | None
    sha256: str

    @property
    def is_url(self) -> bool:
        return self.origin.startswith(("http://", "https://"))

    @property
    def cited(self) -> str:
        """``origin “title”``: two documents never share it, unlike their base names (``sport/009.txt``)."""
        return f"{self.origin} “{self.title}”" if self.title else self.origin

    @property
    def outlet_or_unknown(self) -> str:
        return self.outlet or UNKNOWN_OUTLET

    def record(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "origin": self.origin, "title": self.title, "outlet": self.outlet,
                "published": self.published.isoformat() if self.published else None, "sha256": self.sha256}


@dataclass(frozen=True, slots=True)
class ValueView:
    type: str
    text: str
    #: the normalised value: ``value``, ``start``/``end``, ``low``/``high``, ``unit`` (see :func:`value_fields`)
    fields: dict[str, Any]
    span: tuple[int, int]

    def words(self) -> str:
        return f"{self.type} “{self.text}” " + " ".join(f"{k}={v}" for k, v in self.fields.items())


def _number(x: float | None) -> float | int | None:
    return int(x) if x is not None and float(x).is_integer() else x


def value_fields(value: ClaimValue) -> dict[str, Any]:
    record: dict[str, Any] = {}
    if value.type == "date":
        record["value"] = value.date
    elif value.type == "date_range":
        record["start"], record["end"] = value.date, value.date_end
    elif value.type == "quantity_range":
        record["low"], record["high"] = value.low, value.high
    else:
        record["value"] = _number(value.number)
    if value.unit:
        record["unit"] = value.unit
    return record


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One verdict row: a status, a note, a piece of evidence or an undo, by whom and when (aware, UTC)."""

    id: int
    status: str
    note: str | None
    evidence: str | None
    reviewer: str
    at: datetime
    undoes_id: int | None
    #: for an undo row, what it took back in words ("ann's corroborated of 2022-09-21 10:30")
    undoes: str | None = None

    @property
    def shown_note(self) -> str | None:
        """The note as a reader wants it: an undo row says what it took back, not a verdict's row id."""
        if self.is_undo:
            return f"undo of {self.undoes}" if self.undoes else "undo"
        return self.note

    @property
    def is_undo(self) -> bool:
        return self.undoes_id is not None

    @property
    def evidence_claim(self) -> int | None:
        """The claim id evidence names (stored as ``claim:17``), else None."""
        if self.evidence and self.evidence.startswith("claim:") and self.evidence[6:].isdigit():
            return int(self.evidence[6:])
        return None

    def record(self) -> dict[str, Any]:
        return {"status": self.status, "note": self.note, "evidence": self.evidence, "reviewer": self.reviewer,
                "at": self.at.isoformat(timespec="seconds"), "undo": self.is_undo}


@dataclass(frozen=True, slots=True)
class LinkView:
    """A link seen from one of its claims: the other claim's id, text, outlet and speaker come with it."""

    id: int
    relation: str
    score: float
    reason: str
    origin: str
    decision: str | None
    other_id: int
    other_quote: str
    other_outlet: str | None
    other_speaker: str | None
    other_status: str

    @property
    def state(self) -> str:
        """accepted / dismissed, else pending (a suggestion) or reviewer (a link a reviewer made)."""
        return self.decision or ("pending" if self.origin == "auto" else "reviewer")


@dataclass(frozen=True, slots=True)
class ClaimView:
    """Everything a face shows of a claim, as plain values."""

    id: int
    version: int
    kind: str
    status: str
    quote: str
    start: int
    end: int
    check_worthiness: float
    hedged: bool
    caveat_of_id: int | None
    source: SourceView
    #: the article's text (shared, not copied) and where its body begins, after any date header
    text: str = field(repr=False)
    body_start: int
    speaker: str | None
    speaker_kind: str | None
    mode: str
    cue: str | None
    descriptor: str | None
    #: relays from the speaker's side to the outlet's: "X said, according to Tass" is via ("Tass",)
    via: tuple[str, ...]
    values: tuple[ValueView, ...]
    reason: dict[str, Any]
    history: tuple[HistoryEntry, ...]
    links: tuple[LinkView, ...] = ()
    #: claims that are caveats of this one: (id, quote)
    caveats: tuple[tuple[int, str], ...] = ()
    #: changed since reviewed: (the previous version's claim id, its quote, what differs)
    changed_from: tuple[int, str, str] | None = None

    # ---- words ---------------------------------------------------------------------------------------------

    @property
    def attributed(self) -> bool:
        return self.mode in ("direct", "indirect")

    @property
    def speaker_label(self) -> str:
        """The queue's and the table's short name: the speaker, "(unnamed)", or "(outlet)" for its own voice."""
        return self.speaker or (UNNAMED if self.attributed else "(outlet)")

    @property
    def speaker_words(self) -> str:
        if self.speaker:
            return f"{self.speaker} ({self.speaker_kind})" if self.speaker_kind else self.speaker
        if self.attributed:
            return "not named in the article (quoted or reported from someone unnamed)"
        return "the outlet's own voice"

    @property
    def chain(self) -> str:
        """Who said it, through whom, in which outlet: "both regions, via Tass, in NBC News"; "NBC News, in its
        own voice" when nobody is named."""
        outlet = self.source.outlet or self.source.cited
        parts = []
        if self.speaker:
            parts.append(self.speaker)
        elif not self.via and self.attributed:
            parts.append("someone the article does not name")
        elif not self.via:
            return f"{outlet}, in its own voice"
        if self.via:
            parts.append("via " + " and ".join(self.via))
        parts.append(f"in {outlet}")
        return ", ".join(parts)

    @property
    def why(self) -> str:
        return why_in_words(self.reason)

    # ---- history -------------------------------------------------------------------------------------------

    @property
    def verdict(self) -> HistoryEntry | None:
        """The row that set the current status: a later note or evidence keeps the status and is not the verdict.
        None while the claim is unreviewed."""
        setter = None
        previous = "unreviewed"
        for entry in self.history:
            bare = not (entry.note or entry.evidence or entry.is_undo)
            if entry.status != previous or bare:
                setter = entry
            previous = entry.status
        return setter if self.status != "unreviewed" else None

    @property
    def notes(self) -> tuple[HistoryEntry, ...]:
        """Every row that carries a note or evidence, oldest first; undo rows speak for themselves elsewhere."""
        return tuple(e for e in self.history if (e.note or e.evidence) and not e.is_undo)

    # ---- the span in its text -----------------------------------------------------------------------------

    def paragraph(self) -> tuple[int, int]:
        """The paragraph holding the span, never reaching back into the date header."""
        p_start, p_end = paragraph_bounds(self.text, self.start, self.end)
        return max(p_start, min(self.body_start, self.start)), p_end

    def context(self, chars: int = CONTEXT) -> dict[str, str]:
        """The span with up to ``chars`` characters of its paragraph on each side, "…" where it is cut."""
        p_start, p_end = self.paragraph()
        before_start = max(p_start, self.start - chars)
        after_end = min(p_end, self.end + chars)
        return {"before": ("…" if before_start > p_start else "") + self.text[before_start:self.start],
                "span": self.text[self.start:self.end],
                "after": self.text[self.end:after_end] + ("…" if after_end < p_end else "")}


_FEATURE_WORDS = {"hedged": "hedged wording", "relay": "relayed by another source"}
_VALUE_WORDS = {"date": "date", "date_range": "date range", "quantity": "quantity", "quantity_range": "range",
                "duration": "duration", "money": "amount of money", "percent": "percentage"}


def why_in_words(reason: dict[str, Any]) -> str:
    """The extractor's reason as a reader says it: 'rule “cue before content”: cue “said”, hedged wording, 2
    dates'."""
    if not reason:
        return ""
    words: list[str] = []
    values: dict[str, int] = {}
    for feature in reason.get("features") or []:
        kind, _, detail = str(feature).partition(":")
        if kind == "value" and detail:
            values[detail] = values.get(detail, 0) + 1
        elif kind == "cue" and detail:
            words.append(f"cue “{detail}”")
        elif kind == "caveat" and detail:
            words.append(f"caveat phrase “{detail}”")
        else:
            words.append(_FEATURE_WORDS.get(str(feature), str(feature).replace("_", " ").replace(":", " ")))
    for kind, n in values.items():
        noun = _VALUE_WORDS.get(kind, kind.replace("_", " "))
        words.append(f"a {noun}" if n == 1 else f"{n} {noun}s")
    extra = [f"{k} {v}" for k, v in reason.items() if k not in ("rule", "features")]
    rule = reason.get("rule")
    head = f"rule “{rule}”" if rule else "no rule named"
    rest = ", ".join(words + extra)
    return f"{head}: {rest}" if rest else head


# ---- building views --------------------------------------------------------------------------------------

def source_view(document: Document) -> SourceView:
    return SourceView(document.id, document.name, document.origin, document.title, outlet_name(document),
                      document.published, document.sha256)


def history_entry(verdict: Verdict, undone: Verdict | None = None) -> HistoryEntry:
    undoes = (f"{undone.reviewer}'s {undone.status} of {utc(undone.created_at):%Y-%m-%d %H:%M}" if undone else None)
    return HistoryEntry(verdict.id, verdict.status, verdict.note, verdict.evidence, verdict.reviewer,
                        utc(verdict.created_at), verdict.undoes_id, undoes)


def history(verdicts: list[Verdict]) -> tuple[HistoryEntry, ...]:
    """A claim's verdict rows, oldest first; an undo row names what it took back."""
    rows = sorted(verdicts, key=lambda v: v.id)
    by_id = {v.id: v for v in rows}
    return tuple(history_entry(v, by_id.get(v.undoes_id) if v.undoes_id else None) for v in rows)


def link_view(link: ClaimLink, claim_id: int) -> LinkView:
    other = link.b if link.a_id == claim_id else link.a
    att = other.attribution
    speaker = att.speaker.name if att and att.speaker else None
    return LinkView(link.id, link.relation, link.score, link.reason or "", link.origin, link.decision, other.id,
                    other.quote, outlet_name(other.document), speaker, other.status)


def claim_view(claim: Claim, links: list[ClaimLink] | tuple[()] = (), caveats: list[Claim] | tuple[()] = ()
               ) -> ClaimView:
    """The view of an eagerly loaded claim (see ``claims.with_details``); ``links`` and ``caveats`` if wanted."""
    doc = claim.document
    att = claim.attribution
    speaker = att.speaker if att else None
    return ClaimView(
        id=claim.id, version=claim.version, kind=claim.kind, status=claim.status, quote=claim.quote,
        start=claim.start, end=claim.end, check_worthiness=claim.check_worthiness, hedged=claim.hedged,
        caveat_of_id=claim.caveat_of_id, source=source_view(doc), text=doc.text, body_start=body_start(doc.text),
        speaker=speaker.name if speaker else None, speaker_kind=speaker.kind if speaker else None,
        mode=att.mode if att else "outlet", cue=att.cue if att else None,
        descriptor=att.descriptor if att else None,
        via=tuple(r.entity.name for r in att.relays) if att else (),
        values=tuple(ValueView(v.type, v.text, value_fields(v), (v.span_start, v.span_end)) for v in claim.values),
        reason=dict(claim.reason or {}),
        history=history(claim.verdicts),
        links=tuple(link_view(link, claim.id) for link in links),
        caveats=tuple((c.id, c.quote) for c in caveats),
    )


def load_claim_view(session: Session, claim_id: int) -> ClaimView:
    """One claim with its links and caveats: what ``show`` and the review UI's panes need."""
    claim = get_claim(session, claim_id)
    caveats = list(session.scalars(select(Claim).where(Claim.caveat_of_id == claim_id).order_by(Claim.start)))
    view = claim_view(claim, links_of(session, claim_id), caveats)
    change = changed_since_reviewed(session, claim_id)
    if change is not None and change.old_id is not None:
        view = replace(view, changed_from=(change.old_id, change.old_quote or "", change.reason))
    return view


def claim_document_id(session: Session, claim_id: int) -> int | None:
    """Which document holds a claim (None: no such claim): how the review UI finds a claim its filter hides."""
    if not 0 < claim_id <= MAX_ID:
        return None
    return session.scalar(select(Claim.document_id).where(Claim.id == claim_id))
