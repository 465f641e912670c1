"""Finding claims: the filters the CLI's ``claims`` command and the review queue share."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, joinedload, selectinload

from ..errors import NotFound
from ..models import Attribution, Claim, ClaimLink, Document, Entity, Hold, Outlet, Relay, utcnow
from ..readers.limits import MAX_ID
from .rounds import stage_condition
from .search import QuoteMatches


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """Each field narrows the set; None means any. Text fields match case-insensitively as substrings."""

    outlet: str | None = None
    kind: str | None = None
    status: str | None = None
    speaker: str | None = None
    text: str | None = None
    #: free-text search over claim text (full-text index where the database has one)
    search: str | None = None
    document_id: int | None = None
    #: only claims of documents whose outlet is not known
    unknown_outlet: bool = False
    #: only claims this reviewer holds, unexpired (the queue's "mine"; see services.holds)
    held_by: str | None = None
    #: only claims at this stage of a double review: ``second`` (one verdict in) or ``disputed`` (see rounds)
    stage: str | None = None
    #: also the claims of articles' older versions (by default only current versions' claims, unless a document
    #: is named)
    all_versions: bool = False


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped.lower()}%"


def filtered(stmt: Select, flt: ClaimFilter) -> Select:
    """Apply ``flt`` to a select over Claim."""
    if flt.kind:
        stmt = stmt.where(Claim.kind == flt.kind)
    if flt.status:
        stmt = stmt.where(Claim.status == flt.status)
    if flt.document_id is not None:
        stmt = stmt.where(Claim.document_id == flt.document_id)
    elif not flt.all_versions:
        # an older version is some document's previous one: few rows, read from the unique index on previous_id
        stmt = stmt.where(Claim.document_id.not_in(
            select(Document.previous_id).where(Document.previous_id.is_not(None))))
    if flt.unknown_outlet:
        stmt = stmt.where(Claim.document_id.in_(select(Document.id).where(Document.outlet_id.is_(None))))
    if flt.outlet:
        stmt = stmt.where(Claim.document_id.in_(
            select(Document.id).join(Outlet).where(func.lower(Outlet.name).like(_like(flt.outlet), escape="\\"))))
    if flt.speaker:
        speakers = select(Entity.id).where(func.lower(Entity.name).like(_like(flt.speaker), escape="\\"))
        stmt = stmt.where(Claim.id.in_(
            select(Attribution.claim_id).where(or_(
                Attribution.speaker_id.in_(speakers),
                Attribution.id.in_(select(Relay.attribution_id).where(Relay.entity_id.in_(speakers)))))))
    if flt.text:
        stmt = stmt.where(func.lower(Claim.quote).like(_like(flt.text), escape="\\"))
    if flt.search:
        stmt = stmt.where(QuoteMatches(flt.search))
    if flt.held_by:
        stmt = stmt.where(Claim.id.in_(select(Hold.claim_id).where(Hold.reviewer == flt.held_by,
                                                                   Hold.expires_at > utcnow())))
    if flt.stage:
        stmt = stmt.where(stage_condition(flt.stage))
    return stmt


def with_details(stmt: Select) -> Select:
    """Eager-load what a claim is shown with, so no lazy loads happen later (or in another thread)."""
    return stmt.options(
        joinedload(Claim.document).joinedload(Document.outlet),
        selectinload(Claim.attribution).options(
            joinedload(Attribution.speaker),
            selectinload(Attribution.relays).joinedload(Relay.entity),
        ),
        selectinload(Claim.values),
        selectinload(Claim.verdicts),
    )


def list_claims(
    session: Session, flt: ClaimFilter = ClaimFilter(), limit: int | None = None, offset: int = 0
) -> list[Claim]:
    stmt = with_details(filtered(select(Claim), flt)).order_by(Claim.document_id, Claim.start, Claim.id)
    if limit is not None:
        stmt = stmt.limit(limit).offset(offset)
    return list(session.scalars(stmt).unique())


#: claims loaded (with their details) at a time by a command that walks every claim (report, audit): its memory is
#: bounded by this, not by the database
BATCH = 500


def loaded_in_order(session: Session, ids: Iterable[int], batch: int = BATCH) -> Iterator[Claim]:
    """The claims ``ids`` with their details, in that order, ``batch`` at a time: a batch's objects are dropped
    (the session holds them weakly) before the next is read."""
    ids = list(ids)
    for i in range(0, len(ids), batch):
        chunk = ids[i:i + batch]
        loaded = {c.id: c for c in session.scalars(with_details(select(Claim).where(Claim.id.in_(chunk)))).unique()}
        yield from (loaded[x] for x in chunk if x in loaded)
        del loaded


def live_link_rows(session: Session) -> list[Any]:
    """Links a reviewer has not dismissed, as column rows in id order (the rows of
    :func:`tracker.services.audit.live_links`, without ORM objects)."""
    stmt = (select(ClaimLink.id, ClaimLink.a_id, ClaimLink.b_id, ClaimLink.relation, ClaimLink.reason,
                   ClaimLink.score, ClaimLink.origin, ClaimLink.decision)
            .where(or_(ClaimLink.decision.is_(None), ClaimLink.decision != "dismissed")).order_by(ClaimLink.id))
    return list(session.execute(stmt))


def count_claims(session: Session, flt: ClaimFilter = ClaimFilter()) -> int:
    return session.scalar(filtered(select(func.count(Claim.id)), flt)) or 0


def get_claim(session: Session, claim_id: int) -> Claim:
    if not 0 < claim_id <= MAX_ID:  # no row has it, and the drivers cannot even send it
        raise NotFound(f"no claim with id {claim_id}")
    claim = session.scalars(with_details(select(Claim).where(Claim.id == claim_id))).unique().one_or_none()
    if claim is None:
        raise NotFound(f"no claim with id {claim_id}")
    return claim


def links_of(session: Session, claim_id: int) -> list[ClaimLink]:
    """Links touching a claim, the other side's document loaded."""
    stmt = (select(ClaimLink)
            .where(or_(ClaimLink.a_id == claim_id, ClaimLink.b_id == claim_id))
            .options(joinedload(ClaimLink.a).joinedload(Claim.document).joinedload(Document.outlet),
                     joinedload(ClaimLink.b).joinedload(Claim.document).joinedload(Document.outlet))
            .order_by(ClaimLink.score.desc()))
    return list(session.scalars(stmt).unique())


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph (text between line breaks) holding ``start``..``end``."""
    p_start = text.rfind("\n", 0, start) + 1
    p_end = text.find("\n", end)
    return p_start, len(text) if p_end == -1 else p_end
