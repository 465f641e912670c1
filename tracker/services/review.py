"""Reviewing claims: verdicts, notes, evidence, undo, reset, link decisions, and the rows the review queue shows.

Every change is one transaction, committed before the function returns. Verdicts are append-only rows; the
claim's ``status`` mirrors the latest one. A change based on a claim version other than the current one is
refused with :class:`StaleClaim` (optimistic concurrency on ``Claim.version``), never silently applied.
"""
from __future__ import annotations

import difflib
import getpass
import os
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, case, exists, func, literal, or_, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from ..errors import NotFound, StaleClaim, TrackerError
from ..models import (
    LINK_DECISIONS,
    STATUSES,
    Attribution,
    Claim,
    ClaimChange,
    ClaimLink,
    ClaimValue,
    Document,
    Entity,
    Hold,
    Outlet,
    Verdict,
    utcnow,
)
from ..readers.limits import MAX_ID, MAX_REVIEWER
from .claims import ClaimFilter, filtered
from .holds import check_hold, end_hold
from .rounds import needs_two, open_votes
from .views import UNNAMED, ClaimView, claim_document_id, load_claim_view


class BadReviewInput(TrackerError):
    """A status, evidence or decision the review service cannot record."""


def default_reviewer() -> str:
    """The OS user: who is recorded on a verdict unless a name is given."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        # getuser fails in containers whose uid has no passwd entry; the uid still tells reviewers apart
        return f"uid{os.getuid()}"


def check_status(status: str) -> str:
    """The status as stored: any case and surrounding spaces accepted; a near miss gets a suggestion."""
    wanted = status.strip().lower()
    if wanted in STATUSES:
        return wanted
    close = difflib.get_close_matches(wanted, STATUSES, n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]}?" if close else ""
    raise BadReviewInput(f"unknown status {status!r}: expected one of {', '.join(STATUSES)}{hint}")


#: another claim named as evidence: ``17``, ``#17``, ``claim 17``, or ``claim:17`` as it is stored
_CLAIM_REF = re.compile(r"(?:claim\s*[:#]?\s*|#)?(\d+)", re.IGNORECASE)


def evidence_problem(evidence: str, claim_id: int | None = None) -> str | None:
    """What is wrong with typed evidence before the database is asked (None: nothing): the review UI's dialog
    says it and keeps the text, so a typo is fixed rather than typed again."""
    evidence = evidence.strip()
    if re.match(r"https?://\S+$", evidence):
        return None
    ref = _CLAIM_REF.fullmatch(evidence)
    if ref is None:
        return f"evidence {evidence!r} is neither a URL (http…) nor a claim id"
    if int(ref.group(1)) == claim_id:
        return f"claim {claim_id} cannot be its own evidence: name another claim or a URL"
    return None


def check_evidence(session: Session, evidence: str, claim_id: int | None = None) -> str:
    """Evidence is a URL or another claim's id, stored as ``claim:17``; ``claim_id``, the claim judged, cannot be
    its own evidence."""
    evidence = evidence.strip()
    if re.match(r"https?://\S+$", evidence):
        return evidence
    ref = _CLAIM_REF.fullmatch(evidence)
    if ref is None:
        raise BadReviewInput(f"evidence {evidence!r} is neither a URL (http…) nor a claim id")
    other = int(ref.group(1))
    if other == claim_id:
        raise BadReviewInput(f"claim {claim_id} cannot be its own evidence: name another claim or a URL")
    if not 0 < other <= MAX_ID or session.get(Claim, other) is None:
        raise NotFound(f"evidence names claim {other}, which does not exist")
    return f"claim:{other}"


def _load(session: Session, claim_id: int, expected_version: int | None) -> Claim:
    claim = session.get(Claim, claim_id) if 0 < claim_id <= MAX_ID else None
    if claim is None:
        raise NotFound(f"no claim with id {claim_id}")
    if expected_version is not None and claim.version != expected_version:
        raise StaleClaim(f"claim {claim_id} was changed by someone else since you loaded it "
                         f"(now version {claim.version}, yours {expected_version}); it has been reloaded")
    return claim


def check_reviewer(reviewer: str) -> str:
    """A reviewer's name as both engines store it: 1 to MAX_REVIEWER characters, no NUL."""
    if not reviewer or not reviewer.strip():
        raise BadReviewInput("the reviewer's name is empty")
    if len(reviewer) > MAX_REVIEWER:
        raise BadReviewInput(f"the reviewer's name is {len(reviewer):,} characters long, over the limit of "
                             f"{MAX_REVIEWER}")
    if "\x00" in reviewer:
        raise BadReviewInput("the reviewer's name holds a NUL character")
    return reviewer


def _check_verdict_text(verdict: Verdict) -> None:
    check_reviewer(verdict.reviewer)
    for what, value in (("note", verdict.note), ("evidence", verdict.evidence)):
        if value and "\x00" in value:
            raise BadReviewInput(f"the {what} holds a NUL character")


def _append(session: Session, claim: Claim, verdict: Verdict) -> Verdict:
    """Add ``verdict``, mirror its status on the claim and commit; a concurrent change is refused."""
    _check_verdict_text(verdict)
    claim_id = claim.id
    claim.status = verdict.status
    # a note keeps the status, yet it is still a change others must see: always bump the version
    flag_modified(claim, "status")
    session.add(verdict)
    try:
        session.commit()
    except StaleDataError as exc:
        session.rollback()
        raise StaleClaim(f"claim {claim_id} was changed by someone else while you saved; "
                         "nothing was recorded, it has been reloaded") from exc
    except BaseException:
        session.rollback()
        raise
    return verdict


def record_verdict(session: Session, claim_id: int, status: str, *, reviewer: str,
                   expected_version: int | None = None, note: str | None = None,
                   evidence: str | None = None, label: str | None = None) -> Verdict:
    """A new verdict row. ``expected_version`` is the claim version the reviewer saw (None: whatever is current).

    Refused on a claim someone else holds, and, for a verdict, on a claim that needs two independent verdicts
    (those go through :func:`tracker.services.second_review.judge`); a reset to unreviewed is always a row.
    """
    status = check_status(status)
    if status != "unreviewed" and needs_two(session, claim_id):
        raise BadReviewInput(f"claim {claim_id} needs two independent verdicts: judge it through the double "
                             "review (tracker mark, the review UI)")
    return _record(session, claim_id, status, reviewer=reviewer, expected_version=expected_version, note=note,
                   evidence=evidence, label=label)


def _record(session: Session, claim_id: int, status: str, *, reviewer: str, expected_version: int | None,
            note: str | None, evidence: str | None, label: str | None = None, ends_hold: bool = True) -> Verdict:
    claim = _load(session, claim_id, expected_version)
    if evidence:
        evidence = check_evidence(session, evidence, claim_id)
    check_hold(session, claim_id, reviewer)
    if ends_hold:
        end_hold(session, claim_id, reviewer)  # in the verdict's own transaction
    return _append(session, claim, Verdict(claim_id=claim_id, status=status, note=note or None,
                                           evidence=evidence or None, reviewer=reviewer, label=label))


def annotate(session: Session, claim_id: int, *, reviewer: str, expected_version: int | None = None,
             note: str | None = None, evidence: str | None = None) -> Verdict:
    """A note or evidence: a history row that keeps the claim's current status (and its label).

    Refused while a double review of the claim is open: the row would end its round; a note goes with the vote.
    """
    if not (note and note.strip()) and not (evidence and evidence.strip()):
        raise BadReviewInput("nothing to record: the note and the evidence are both empty")
    claim = _load(session, claim_id, expected_version)
    if open_votes(session, claim_id):
        raise BadReviewInput(f"claim {claim_id} is in double review: give your note with your verdict")
    latest = session.scalar(select(Verdict.label).where(Verdict.claim_id == claim_id).order_by(Verdict.id.desc())
                            .limit(1))
    return _record(session, claim_id, claim.status, reviewer=reviewer, expected_version=claim.version,
                   note=note.strip() if note else None, evidence=evidence, label=latest, ends_hold=False)


def reset(session: Session, claim_id: int, *, reviewer: str, expected_version: int | None = None) -> Verdict:
    """Back to ``unreviewed``, as a new history row (a double review of the claim starts again)."""
    return _record(session, claim_id, "unreviewed", reviewer=reviewer, expected_version=expected_version,
                   note=None, evidence=None, ends_hold=False)


def undo_last(session: Session, claim_id: int, *, reviewer: str, expected_version: int | None = None) -> Verdict:
    """Take back ``reviewer``'s last verdict on the claim: a new row restoring the status before it.

    Refused when someone else has judged the claim since, because restoring would silently discard their verdict.
    Undoing again takes back the verdict before that one.
    """
    claim = _load(session, claim_id, expected_version)
    history = list(session.scalars(select(Verdict).where(Verdict.claim_id == claim_id).order_by(Verdict.id)))
    undone = {v.undoes_id for v in history if v.undoes_id is not None}
    for index in range(len(history) - 1, -1, -1):
        target = history[index]
        if target.reviewer == reviewer and target.undoes_id is None and target.id not in undone:
            break
    else:
        raise BadReviewInput(f"nothing of yours ({reviewer}) to undo on claim {claim_id}")
    # what came after it must be my own verdicts already taken back, or my undo rows
    blocking = [v for v in history[index + 1:]
                if v.reviewer != reviewer or (v.undoes_id is None and v.id not in undone)]
    if blocking:
        other = blocking[0]
        raise BadReviewInput(f"cannot undo on claim {claim_id}: {other.reviewer} recorded a verdict after yours")
    previous = history[index - 1].status if index > 0 else "unreviewed"
    label = history[index - 1].label if index > 0 else None
    return _append(session, claim, Verdict(claim_id=claim_id, status=previous, reviewer=reviewer, label=label,
                                           undoes_id=target.id, note=f"undo of verdict {target.id}"))


def decide_link(session: Session, link_id: int, decision: str, *, reviewer: str) -> ClaimLink:
    """Accept or dismiss a suggested link; a later decision replaces an earlier one."""
    if decision not in LINK_DECISIONS:
        raise BadReviewInput(f"unknown decision {decision!r}: expected one of {', '.join(LINK_DECISIONS)}")
    check_reviewer(reviewer)
    link = session.get(ClaimLink, link_id) if 0 < link_id <= MAX_ID else None
    if link is None:
        raise NotFound(f"no link with id {link_id}")
    link.decision, link.decided_by, link.decided_at = decision, reviewer, utcnow()
    try:
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return link


def link_decision(session: Session, link_id: int) -> str | None:
    """A link's current decision (None: pending), read before changing it so the change can be undone."""
    link = session.get(ClaimLink, link_id) if 0 < link_id <= MAX_ID else None
    if link is None:
        raise NotFound(f"no link with id {link_id}")
    return link.decision


def undo_link_decision(session: Session, link_id: int, previous: str | None, *, reviewer: str) -> ClaimLink:
    """Put back the decision a link had before ``reviewer``'s last one (``previous``, None for pending);
    refused when someone else has decided on it since."""
    check_reviewer(reviewer)
    link = session.get(ClaimLink, link_id) if 0 < link_id <= MAX_ID else None
    if link is None:
        raise NotFound(f"no link with id {link_id}")
    if link.decided_by is not None and link.decided_by != reviewer:
        raise BadReviewInput(f"cannot undo on the link of claims {link.a_id} and {link.b_id}: "
                             f"{link.decided_by} decided on it after you")
    if previous is not None and previous not in LINK_DECISIONS:
        raise BadReviewInput(f"unknown decision {previous!r}")
    link.decision = previous
    link.decided_by = reviewer if previous else None
    link.decided_at = utcnow() if previous else None
    try:
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return link


# ---- what the review queue and its panes show ------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class QueueRow:
    """One line of the review queue: plain values, safe to hand to the UI thread."""

    id: int
    version: int
    status: str
    kind: str
    outlet: str | None
    speaker: str | None
    date: str | None
    quote: str
    check_worthiness: float = 0.0
    hedged: bool = False
    #: a live (not dismissed) contradicts link touches it
    contradicted: bool = False
    #: another claim is a caveat of it
    has_caveat: bool = False
    #: who holds it now (``tracker assign``), None when nobody does or the hold expired
    holder: str | None = None
    #: changed since reviewed: the article's previous version said something else here, and it had a verdict
    changed: bool = False

    @property
    def marks(self) -> str:
        """One character a mark: ⚡ a contradiction, ⚠ a caveat, ~ hedged wording, Δ changed since reviewed
        (see MARKS)."""
        flags = (self.contradicted, self.has_caveat, self.hedged, self.changed)
        return "".join(mark for mark, on in zip(MARKS, flags, strict=True) if on)


#: the marks of a queue row, in this order: a contradiction, a caveat, a hedge, a change since reviewed
MARKS = ("⚡", "⚠", "~", "Δ")


#: the queue's sort orders; ``position`` is document order, the others fall back to it on ties; ``unreviewed``
#: puts claims nobody judged first (the review UI's default), ``worth`` the most check-worthy first
SORTS = ("unreviewed", "position", "worth", "status", "kind", "outlet", "speaker", "date", "claim")


def _queue_select(flt: ClaimFilter, sort: str = "position") -> Select:
    first_date: ColumnElement[Any]
    if sort == "date":
        # sorting every claim by its first date: one grouped pass over the values beats a lookup per claim
        dates = (select(ClaimValue.claim_id, func.min(ClaimValue.date).label("first"))
                 .group_by(ClaimValue.claim_id).subquery())
        first_date = dates.c.first
    else:
        # a lookup per row, which the database runs only for the rows of the page when order needs no sort
        first_date = (select(func.min(ClaimValue.date)).where(ClaimValue.claim_id == Claim.id)
                      .correlate(Claim).scalar_subquery())
    # a quotation or report whose speaker the article does not name is "(unnamed)", not the outlet's own voice
    speaker = case((Entity.name.is_not(None), Entity.name),
                   (Attribution.mode.in_(("direct", "indirect")), literal(UNNAMED)), else_=None)
    caveat = aliased(Claim)
    live_contradiction = exists().where(
        or_(ClaimLink.a_id == Claim.id, ClaimLink.b_id == Claim.id), ClaimLink.relation == "contradicts",
        or_(ClaimLink.decision.is_(None), ClaimLink.decision != "dismissed"))
    stmt = (select(Claim.id, Claim.version, Claim.status, Claim.kind, Outlet.name.label("outlet"),
                   speaker.label("speaker"), first_date.label("date"), Claim.quote, Claim.check_worthiness,
                   Claim.hedged, live_contradiction.label("contradicted"),
                   exists().where(caveat.caveat_of_id == Claim.id).label("has_caveat"),
                   select(Hold.reviewer).where(Hold.claim_id == Claim.id, Hold.expires_at > utcnow())
                   .correlate(Claim).scalar_subquery().label("holder"),
                   # changed since reviewed, until someone reviews the new wording
                   exists().where(ClaimChange.new_claim_id == Claim.id, ClaimChange.outcome == "changed",
                                  ClaimChange.reviewed.is_(True), Claim.status == "unreviewed").label("changed"))
            .join(Document, Claim.document_id == Document.id)
            .outerjoin(Outlet, Document.outlet_id == Outlet.id)
            .outerjoin(Attribution, Attribution.claim_id == Claim.id)
            .outerjoin(Entity, Attribution.speaker_id == Entity.id))
    if sort == "date":
        stmt = stmt.outerjoin(dates, dates.c.claim_id == Claim.id)
    keys = {"status": Claim.status, "kind": Claim.kind, "outlet": Outlet.name, "speaker": Entity.name,
            "date": first_date, "claim": Claim.quote, "worth": Claim.check_worthiness.desc(),
            "unreviewed": case((Claim.status == "unreviewed", 0), else_=1)}
    return filtered(stmt, flt).order_by(*([keys[sort]] if sort in keys else []),
                                        Claim.document_id, Claim.start, Claim.id)


def queue_page(session: Session, flt: ClaimFilter | None = None, sort: str = "position",
               limit: int = 200, offset: int = 0) -> list[QueueRow]:
    """One page of the queue, sorted in the database so paging stays cheap on large sets."""
    if sort not in SORTS:
        raise BadReviewInput(f"unknown sort {sort!r}: expected one of {', '.join(SORTS)}")
    stmt = _queue_select(flt or ClaimFilter(), sort).limit(limit).offset(offset)
    return [QueueRow(*row) for row in session.execute(stmt)]


def count_reviewed(session: Session, flt: ClaimFilter | None = None) -> int:
    """How many claims of the filter someone has judged (status other than unreviewed)."""
    stmt = filtered(select(func.count(Claim.id)), flt or ClaimFilter()).where(Claim.status != "unreviewed")
    return session.scalar(stmt) or 0


def queue_row(session: Session, claim_id: int) -> QueueRow:
    row = (session.execute(_queue_select(ClaimFilter()).where(Claim.id == claim_id)).one_or_none()
           if 0 < claim_id <= MAX_ID else None)
    if row is None:
        raise NotFound(f"no claim with id {claim_id}")
    return QueueRow(*row)


def claim_detail(session: Session, claim_id: int) -> ClaimView:
    """What the review UI's panes show of a claim: its plain view, with links and caveats."""
    return load_claim_view(session, claim_id)


def claim_document(session: Session, claim_id: int) -> int:
    """The document holding a claim: where the review UI looks for a claim its filter hides."""
    document_id = claim_document_id(session, claim_id)
    if document_id is None:
        raise NotFound(f"no claim with id {claim_id}")
    return document_id
