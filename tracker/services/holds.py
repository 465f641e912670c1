"""Handing claims out to reviewers: ``tracker assign``, the queue's "mine" filter, who holds a claim.

A hold gives one reviewer a claim until a time (``HOLD_HOURS`` by default). Meanwhile others see who holds it
and their verdicts on it are refused; once it expires it counts for nothing, so no claim is blocked for ever by
someone who went home. The holder's own verdict ends the hold (a double review then wants someone else).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import cast

from sqlalchemy import CursorResult, delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..errors import TrackerError
from ..models import Claim, Hold, utcnow
from .claims import ClaimFilter, filtered
from .rounds import voted_in_open_round

#: how long a claim handed out stays with its reviewer unless ``--hours`` says otherwise
HOLD_HOURS = 8.0
#: the longest hold: a week (a hold is meant to end)
MAX_HOLD_HOURS = 24.0 * 7


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
    second verdict must come from someone else). One transaction: on a clash with a concurrent assign (the same
    claim taken at once) nothing is assigned and the error says so.
    """
    if not 0 < hours <= MAX_HOLD_HOURS:
        raise TrackerError(f"a hold lasts more than 0 and at most {MAX_HOLD_HOURS:g} hours, not {hours:g}")
    now = utcnow()
    expires = now + timedelta(hours=hours)
    others = select(Hold.claim_id).where(Hold.reviewer != reviewer, Hold.expires_at > now)
    stmt = filtered(select(Claim.id), flt)
    if exclude_judged_by:
        stmt = stmt.where(~voted_in_open_round(reviewer))
    held_by_others = session.scalar(select(func.count()).select_from(
        stmt.where(Claim.id.in_(others)).subquery())) or 0
    free = stmt.where(Claim.id.not_in(others)).order_by(Claim.document_id, Claim.start, Claim.id).limit(limit)
    if session.get_bind().dialect.name == "postgresql":
        # reviewers assigning at once each take claims the others are not taking: rows another assignment has
        # locked are passed over, not waited for (on SQLite one writer at a time does the same)
        free = free.with_for_update(of=Claim, skip_locked=True)
    chosen = list(session.scalars(free))
    try:
        for i in range(0, len(chosen), 500):
            part = chosen[i:i + 500]
            session.execute(delete(Hold).where(Hold.claim_id.in_(part)))
            session.add_all(Hold(claim_id=c, reviewer=reviewer, assigned_by=assigned_by, taken_at=now,
                                 expires_at=expires) for c in part)
            session.flush()
        session.commit()
    except IntegrityError as exc:
        session.rollback()
        raise TrackerError("another assignment took some of these claims at the same moment; nothing was "
                           "assigned, run it again") from exc
    except BaseException:
        session.rollback()
        raise
    return Assignment(reviewer, tuple(chosen), held_by_others, expires)


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

