"""Handing claims out to reviewers: ``tracker assign``, the queue's "mine" filter, who holds a claim.

A hold gives one reviewer a claim until a time (``HOLD_HOURS`` by default). Meanwhile others see who holds it
and their verdicts on it are refused; once it expires it counts for nothing, so no claim is blocked for ever by
someone who went home. The holder's own verdict ends the hold (a double review then wants someone else).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import cast

from sqlalchemy import CursorResult, delete, func, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from ..errors import TrackerError
from ..models import Claim, Hold, utcnow
from .claims import ClaimFilter, filtered
from .rounds import voted_in_open_round

#: how long a claim handed out stays with its reviewer unless ``--hours`` says otherwise
HOLD_HOURS = 8.0
#: the longest hold: a week (a hold is meant to end)
MAX_HOLD_HOURS = 24.0 * 7
#: PostgreSQL advisory lock key held by an assignment's transaction ("tasg")
ASSIGN_LOCK = 0x74617367


class ClaimHeld(TrackerError):
    """A verdict on a claim someone else holds."""


@dataclass(frozen=True, slots=True)
class HoldView:
    """Who holds a claim, until when (UTC)."""

    claim_id: int
    reviewer: str
    expires_at: datetime

    def line(self) -> str:
        return f"held by {self.reviewer} until {self.expires_at:%Y-%m-%d %H:%M} UTC"


@dataclass(frozen=True, slots=True)
class Assignment:
    """What ``tracker assign`` did."""

    reviewer: str
    claim_ids: tuple[int, ...]
    #: claims the filter matched that someone else holds, left alone
    held_by_others: int
    expires_at: datetime

    def line(self) -> str:
        skipped = f"; {self.held_by_others} held by others left alone" if self.held_by_others else ""
        return (f"{len(self.claim_ids)} claims assigned to {self.reviewer} until "
                f"{self.expires_at:%Y-%m-%d %H:%M} UTC{skipped}")


def _aware(moment: datetime) -> datetime:
    # SQLite hands timestamps back without their zone; every one is stored in UTC
    return moment if moment.tzinfo else moment.replace(tzinfo=utcnow().tzinfo)


def holder(session: Session, claim_id: int) -> HoldView | None:
    """Who holds the claim now (None: nobody, or the hold expired)."""
    hold = session.get(Hold, claim_id)
    if hold is None or _aware(hold.expires_at) <= utcnow():
        return None
    return HoldView(claim_id, hold.reviewer, _aware(hold.expires_at))


def check_hold(session: Session, claim_id: int, reviewer: str) -> None:
    """Refuse ``reviewer``'s verdict on a claim someone else holds."""
    hold = holder(session, claim_id)
    if hold is not None and hold.reviewer != reviewer:
        raise ClaimHeld(f"claim {claim_id} is {hold.line()}: ask them, or wait until then")


def end_hold(session: Session, claim_id: int, reviewer: str) -> None:
    """The holder has judged the claim: the hold ends (in the caller's transaction)."""
    session.execute(delete(Hold).where(Hold.claim_id == claim_id, Hold.reviewer == reviewer))


def assign(session: Session, flt: ClaimFilter, reviewer: str, *, assigned_by: str, limit: int | None = None,
           hours: float = HOLD_HOURS, exclude_judged_by: bool = True) -> Assignment:
    """Hand the claims of ``flt`` (at most ``limit``, in document order) to ``reviewer`` for ``hours``.

    Claims someone else holds are left alone; ``reviewer``'s own holds are renewed; expired holds are replaced.
    With ``exclude_judged_by``, claims whose open double review ``reviewer`` has already voted on are left out (a
    second verdict must come from someone else). One transaction, one assignment at a time; a hold committed
    meanwhile is never replaced (the insert passes over its claim).
    """
    if not 0 < hours <= MAX_HOLD_HOURS:
        raise TrackerError(f"a hold lasts more than 0 and at most {MAX_HOLD_HOURS:g} hours, not {hours:g}")
    if session.get_bind().dialect.name == "postgresql":
        # one assignment at a time: the next one then sees the holds the last committed and takes other claims
        # (on SQLite the write lock does the same); held to the end of this transaction
        session.execute(select(func.pg_advisory_xact_lock(ASSIGN_LOCK)))
    now = utcnow()
    expires = now + timedelta(hours=hours)
    others = select(Hold.claim_id).where(Hold.reviewer != reviewer, Hold.expires_at > now)
    stmt = filtered(select(Claim.id), flt)
    if exclude_judged_by:
        stmt = stmt.where(~voted_in_open_round(reviewer))
    held_by_others = session.scalar(select(func.count()).select_from(
        stmt.where(Claim.id.in_(others)).subquery())) or 0
    free = stmt.where(Claim.id.not_in(others)).order_by(Claim.document_id, Claim.start, Claim.id).limit(limit)
    candidates = list(session.scalars(free))
    chosen: list[int] = []
    try:
        for i in range(0, len(candidates), 500):
            part = candidates[i:i + 500]
            # only my own holds and expired ones make way; a hold another assignment has just committed stays,
            # and the claim it holds is not taken (the insert below passes over it)
            session.execute(delete(Hold).where(Hold.claim_id.in_(part),
                                               or_(Hold.reviewer == reviewer, Hold.expires_at <= now)))
            rows = [{"claim_id": c, "reviewer": reviewer, "assigned_by": assigned_by, "taken_at": now,
                     "expires_at": expires} for c in part]
            won = set(session.scalars(_insert_new(session).returning(Hold.claim_id), rows))
            chosen.extend(c for c in part if c in won)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return Assignment(reviewer, tuple(chosen), held_by_others, expires)


def _insert_new(session: Session):
    """An insert of holds that passes over a claim someone holds already (its primary key), on either engine."""
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(Hold).on_conflict_do_nothing(index_elements=["claim_id"])
    return sqlite.insert(Hold).on_conflict_do_nothing(index_elements=["claim_id"])


def release(session: Session, flt: ClaimFilter, reviewer: str | None = None) -> int:
    """End the holds on the claims of ``flt`` (only ``reviewer``'s when given); how many ended."""
    stmt = delete(Hold).where(Hold.claim_id.in_(filtered(select(Claim.id), flt)))
    if reviewer is not None:
        stmt = stmt.where(Hold.reviewer == reviewer)
    try:
        ended = cast(CursorResult, session.execute(stmt)).rowcount
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return ended

