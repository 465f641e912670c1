"""Article versions: a document stored with the origin of a current one and other text is its next version.

:func:`supersede` runs inside ingest's transaction for the new document (so a version is stored whole or not
at all): it chains the new document after the current one, matches their claims (tracker.analysis.reanchor),
records what became of each (``claim_changes``), carries verdicts over to unchanged and moved claims as history
rows saying so, and drops the old version's unreviewed automatic links (the link run that follows ingest links
the new version instead). The stored texts and the old claims are never changed: an old version stays readable
and exportable.
"""
from __future__ import annotations

import difflib
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Table, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session

from ..errors import NotFound
from ..models import Claim, ClaimChange, ClaimLink, Document, Verdict, utcnow
from ..readers.limits import MAX_ID

if TYPE_CHECKING:
    from ..analysis.reanchor import Match

_documents = cast(Table, Document.__table__)
_claims = cast(Table, Claim.__table__)
_changes = cast(Table, ClaimChange.__table__)
_links = cast(Table, ClaimLink.__table__)
_verdicts = cast(Table, Verdict.__table__)

#: who is recorded on a verdict carried over from the previous version (the note names the original reviewer)
CARRIER = "tracker"


@dataclass(slots=True)
class Superseded:
    """What storing a new version did."""

    previous_id: int
    version: int
    outcomes: Counter[str] = field(default_factory=Counter)
    carried: int = 0


def _lock_origin(session: Session, origin: str) -> None:
    """On PostgreSQL, one transaction at a time settles the versions of an origin (released at commit); on SQLite
    the document's insert already holds the database's write lock."""
    if session.get_bind().dialect.name == "postgresql":
        key = int.from_bytes(hashlib.sha256(origin.encode()).digest()[:8], "big", signed=True)
        session.execute(select(func.pg_advisory_xact_lock(key)))


def supersede(session: Session, document_id: int, origin: str) -> Superseded | None:
    """Make document ``document_id`` (just stored, in the caller's transaction) the next version of the current
    document with the same origin, if there is one."""
    from ..analysis.reanchor import Span, reanchor  # only when storing: reading versions needs no analysis

    _lock_origin(session, origin)
    previous = session.execute(
        select(Document.id, Document.version, Document.text)
        .where(Document.origin == origin, Document.current.is_(True), Document.id != document_id)
        .order_by(Document.id.desc()).limit(1)).first()
    if previous is None:
        return None
    new_text = session.scalar(select(Document.text).where(Document.id == document_id))
    assert new_text is not None
    # Core statements, not the ORM's: nothing in the session's identity map needs synchronizing, and the ORM's
    # evaluation of it cost more than the matching
    session.execute(update(_documents).where(_documents.c.id == previous.id).values(current=False))
    version = previous.version + 1
    session.execute(update(_documents).where(_documents.c.id == document_id)
                    .values(previous_id=previous.id, version=version))
    old = session.execute(select(Claim.id, Claim.start, Claim.end, Claim.status)
                          .where(Claim.document_id == previous.id).order_by(Claim.start)).all()
    new = session.execute(select(Claim.id, Claim.start, Claim.end)
                          .where(Claim.document_id == document_id).order_by(Claim.start)).all()
    matches = reanchor(previous.text, [Span(r.id, r.start, r.end) for r in old],
                       new_text, [Span(r.id, r.start, r.end) for r in new])
    status = {r.id: r.status for r in old}
    result = Superseded(previous.id, version)
    now = utcnow()
    changes = []
    carry = []
    for match in matches:
        result.outcomes[match.outcome] += 1
        reviewed = match.old is not None and status[match.old] != "unreviewed"
        changes.append({"document_id": document_id, "old_claim_id": match.old, "new_claim_id": match.new,
                        "outcome": match.outcome, "method": match.method, "reason": match.reason,
                        "reviewed": reviewed, "created_at": now})
        if reviewed and match.outcome in ("unchanged", "moved"):
            carry.append(match)
    if changes:
        session.execute(insert(_changes), changes)
    result.carried = _carry(session, carry, previous.version, now)
    old_ids = [r.id for r in old]
    if old_ids:
        session.execute(delete(_links).where(
            _links.c.origin == "auto", _links.c.decision.is_(None),
            or_(_links.c.a_id.in_(old_ids), _links.c.b_id.in_(old_ids))))
    return result


def _carry(session: Session, matches: list[Match], old_version: int, now: datetime) -> int:
    """Each old claim's verdict as a new history row on its match, saying where it came from; returns how many."""
    if not matches:
        return 0
    olds = [m.old for m in matches]
    last: dict[int, Any] = {}
    evidence: dict[int, str] = {}
    for row in session.execute(select(Verdict.claim_id, Verdict.id, Verdict.status, Verdict.reviewer,
                                      Verdict.evidence).where(Verdict.claim_id.in_(olds)).order_by(Verdict.id)):
        last[row.claim_id] = row
        if row.evidence:
            evidence[row.claim_id] = row.evidence
    rows, statuses = [], []
    for match in matches:
        old = match.old
        verdict = last.get(old) if old is not None else None
        if verdict is None or old is None:
            continue
        how = "at the same place" if match.outcome == "unchanged" else f"moved ({match.method} match)"
        rows.append({"claim_id": match.new, "status": verdict.status, "evidence": evidence.get(old),
                     "reviewer": CARRIER, "created_at": now,
                     "note": f"carried over from claim {match.old} of version {old_version}, {how}; "
                             f"verdict {verdict.id} by {verdict.reviewer}"})
        statuses.append({"cid": match.new, "status": verdict.status})
    if rows:
        session.execute(insert(_verdicts), rows)
        session.execute(update(_claims).where(_claims.c.id == bindparam("cid"))
                        .values(status=bindparam("status"), version=_claims.c.version + 1), statuses)
    return len(rows)


# --- reading -----------------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class VersionRow:
    id: int
    version: int
    current: bool
    ingested_at: datetime
    sha256: str
    claims: int
    #: what became of the previous version's claims in this one (empty for version 1)
    outcomes: dict[str, int]


def _document(session: Session, document_id: int) -> Document:
    document = session.get(Document, document_id) if 0 < document_id <= MAX_ID else None
    if document is None:
        raise NotFound(f"no document with id {document_id}")
    return document


def chain_of(session: Session, document_id: int) -> list[Document]:
    """Every version of the article document ``document_id`` belongs to, oldest first."""
    document = _document(session, document_id)
    first = document
    while first.previous_id is not None:
        first = _document(session, first.previous_id)
    chain = [first]
    while (following := session.scalars(select(Document).where(Document.previous_id == chain[-1].id)).first()):
        chain.append(following)
    return chain


def list_versions(session: Session, document_id: int) -> list[VersionRow]:
    chain = chain_of(session, document_id)
    ids = [d.id for d in chain]
    counts = dict(session.execute(select(Claim.document_id, func.count(Claim.id))
                                  .where(Claim.document_id.in_(ids)).group_by(Claim.document_id)).all())
    outcomes: dict[int, dict[str, int]] = {}
    for doc_id, outcome, n in session.execute(
            select(ClaimChange.document_id, ClaimChange.outcome, func.count(ClaimChange.id))
            .where(ClaimChange.document_id.in_(ids)).group_by(ClaimChange.document_id, ClaimChange.outcome)):
        outcomes.setdefault(doc_id, {})[outcome] = n
    return [VersionRow(d.id, d.version, d.current, d.ingested_at, d.sha256, counts.get(d.id, 0),
                       outcomes.get(d.id, {})) for d in chain]


@dataclass(frozen=True, slots=True)
class ClaimDiff:
    outcome: str
    #: how it was matched: span, context (the same text elsewhere), fuzzy (reworded); None for removed and new
    method: str | None
    old_id: int | None
    new_id: int | None
    old_quote: str | None
    new_quote: str | None
    reason: str
    reviewed: bool


@dataclass(frozen=True, slots=True)
class VersionDiff:
    old: Document
    new: Document
    #: the text's changed lines, unified-diff style
    text: list[str]
    #: the claims' fates (only between consecutive versions, where they were matched)
    claims: list[ClaimDiff]


def diff_versions(session: Session, document_id: int, v1: int | None = None, v2: int | None = None) -> VersionDiff:
    """The difference between versions ``v1`` and ``v2`` of the article (default: the one before document
    ``document_id``'s and document ``document_id``'s; v1 and v2 are version numbers)."""
    chain = chain_of(session, document_id)
    by_number = {d.version: d for d in chain}
    if v1 is None and v2 is None:
        new = _document(session, document_id)
        if new.previous_id is None:
            raise NotFound(f"document {document_id} is version 1 of its article: nothing came before it")
        old = by_number[new.version - 1]
    else:
        missing = [v for v in (v1, v2) if v not in by_number]
        if missing:
            raise NotFound(f"the article has versions 1 to {len(chain)}, not {missing[0]}")
        old, new = by_number[v1], by_number[v2]  # type: ignore[index]
    text = [line.rstrip("\n") for line in difflib.unified_diff(
        old.text.splitlines(), new.text.splitlines(), f"version {old.version} (document {old.id})",
        f"version {new.version} (document {new.id})", lineterm="", n=0)]
    claims: list[ClaimDiff] = []
    if new.previous_id == old.id:
        quotes = dict(session.execute(select(Claim.id, Claim.quote)
                                      .where(Claim.document_id.in_((old.id, new.id)))).all())
        for change in session.scalars(select(ClaimChange).where(ClaimChange.document_id == new.id)
                                      .order_by(ClaimChange.id)):
            claims.append(ClaimDiff(change.outcome, change.method, change.old_claim_id, change.new_claim_id,
                                    quotes.get(change.old_claim_id or 0), quotes.get(change.new_claim_id or 0),
                                    change.reason, change.reviewed))
    return VersionDiff(old, new, text, claims)


def changed_since_reviewed(session: Session, claim_id: int) -> ClaimDiff | None:
    """For a claim of a new version whose earlier wording had a verdict and says something else now: the old and
    the new text side by side (None otherwise)."""
    change = session.scalars(select(ClaimChange).where(ClaimChange.new_claim_id == claim_id,
                                                       ClaimChange.outcome == "changed",
                                                       ClaimChange.reviewed.is_(True))).first()
    if change is None:
        return None
    quotes = dict(session.execute(select(Claim.id, Claim.quote)
                                  .where(Claim.id.in_((change.old_claim_id, claim_id)))).all())
    return ClaimDiff("changed", change.method, change.old_claim_id, claim_id, quotes.get(change.old_claim_id or 0),
                     quotes.get(claim_id), change.reason, True)


# --- edits after publication (the audit's and the report's section) ----------------------------------------------

def edits_after_publication(session: Session, document_ids: set[int] | None = None) -> list[dict[str, Any]]:
    """Per outlet, each new version of an article: when it was seen, what became of the previous version's
    claims, the changed claims (old and new text, what differs) and the verdicts it touched (carried over, or
    sent back to the queue). ``document_ids`` keeps only versions of those articles (any version's id)."""
    from .views import UNKNOWN_OUTLET, outlet_name

    stmt = select(Document).where(Document.previous_id.is_not(None)).order_by(Document.ingested_at, Document.id)
    per_outlet: dict[str, list[dict[str, Any]]] = {}
    for doc in session.scalars(stmt):
        if document_ids is not None and not {doc.id, doc.previous_id} & document_ids:
            continue
        changes = list(session.scalars(select(ClaimChange).where(ClaimChange.document_id == doc.id)
                                       .order_by(ClaimChange.id)))
        ids = {i for c in changes for i in (c.old_claim_id, c.new_claim_id) if i is not None}
        quotes = dict(session.execute(select(Claim.id, Claim.quote).where(Claim.id.in_(ids))).all()) if ids else {}
        status = dict(session.execute(select(Claim.id, Claim.status).where(Claim.id.in_(ids))).all()) if ids else {}
        outcomes = Counter(c.outcome for c in changes)
        touched = [{"old_claim": c.old_claim_id, "new_claim": c.new_claim_id, "outcome": c.outcome,
                    "verdict": status.get(c.old_claim_id or 0),
                    "effect": "carried over" if c.outcome in ("unchanged", "moved") else
                              "back to the queue" if c.outcome == "changed" else "claim removed"}
                   for c in changes if c.reviewed]
        per_outlet.setdefault(outlet_name(doc) or f"{UNKNOWN_OUTLET} ({doc.origin})", []).append({
            "document": doc.id, "previous": doc.previous_id, "version": doc.version, "origin": doc.origin,
            "title": doc.title, "seen": doc.ingested_at.isoformat(),
            "outcomes": {o: outcomes[o] for o in ("unchanged", "moved", "changed", "removed", "new") if outcomes[o]},
            "changed": [{"old_claim": c.old_claim_id, "new_claim": c.new_claim_id,
                         "old": quotes.get(c.old_claim_id or 0), "new": quotes.get(c.new_claim_id or 0),
                         "reason": c.reason} for c in changes if c.outcome == "changed"],
            "removed": [{"old_claim": c.old_claim_id, "old": quotes.get(c.old_claim_id or 0)}
                        for c in changes if c.outcome == "removed"],
            "verdicts_touched": touched})
    return [{"outlet": name, "edits": per_outlet[name]} for name in sorted(per_outlet)]
