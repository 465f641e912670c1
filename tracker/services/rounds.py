"""Double review, as queries: which claims need two independent verdicts, and the votes of a claim's open round.

A claim needs two verdicts when the database's ``double_review`` setting is on, or when it was assigned with
``--double``. Its votes (``ReviewVote``) belong to a round: the count of its verdict rows when they were cast. A
round is settled by the verdict it leads to (two votes agreeing, or a third reviewer deciding a disagreement),
which adds a verdict row and so opens the next round. Nothing here changes the database.
"""
from __future__ import annotations

from sqlalchemy import ColumnElement, ScalarSelect, and_, exists, func, select
from sqlalchemy.orm import Session, aliased

from ..models import Claim, DoubleReview, ReviewVote, Setting, Verdict

#: the setting that asks two verdicts of every claim
DOUBLE_REVIEW = "double_review"
ON = "on"


def double_review_on(session: Session) -> bool:
    setting = session.get(Setting, DOUBLE_REVIEW)
    return setting is not None and setting.value == ON


def needs_two(session: Session, claim_id: int) -> bool:
    """Whether a verdict on the claim must come from two independent reviewers."""
    return double_review_on(session) or session.get(DoubleReview, claim_id) is not None


def round_of(session: Session, claim_id: int) -> int:
    """The claim's open round: how many verdict rows it has."""
    return session.scalar(select(func.count(Verdict.id)).where(Verdict.claim_id == claim_id)) or 0


def open_round() -> ScalarSelect:
    """The open round of the Claim of the enclosing query, as SQL."""
    return select(func.count(Verdict.id)).where(Verdict.claim_id == Claim.id).correlate(Claim).scalar_subquery()


def open_votes(session: Session, claim_id: int) -> list[ReviewVote]:
    """The votes of the claim's open round, oldest first."""
    stmt = (select(ReviewVote).where(ReviewVote.claim_id == claim_id,
                                     ReviewVote.round == round_of(session, claim_id)).order_by(ReviewVote.id))
    return list(session.scalars(stmt))


def awaiting_second() -> ColumnElement[bool]:
    """SQL on Claim: exactly one vote in its open round (a second reviewer is wanted)."""
    votes = (select(func.count(ReviewVote.id))
             .where(ReviewVote.claim_id == Claim.id, ReviewVote.round == open_round())
             .correlate(Claim).scalar_subquery())
    return votes == 1


def disputed() -> ColumnElement[bool]:
    """SQL on Claim: two votes of its open round disagree (the resolution queue: a third reviewer decides)."""
    other = aliased(ReviewVote)
    return exists().where(ReviewVote.claim_id == Claim.id, ReviewVote.round == open_round(),
                          exists().where(and_(other.claim_id == ReviewVote.claim_id, other.round == ReviewVote.round,
                                              other.status != ReviewVote.status)))


def voted_in_open_round(reviewer: str) -> ColumnElement[bool]:
    """SQL on Claim: ``reviewer`` has voted in its open round."""
    return exists().where(ReviewVote.claim_id == Claim.id, ReviewVote.reviewer == reviewer,
                          ReviewVote.round == open_round())


#: the queue's review stages: ``second`` awaits a second verdict, ``disputed`` a third reviewer's decision
STAGES = ("second", "disputed")


def stage_condition(stage: str) -> ColumnElement[bool]:
    return awaiting_second() if stage == "second" else disputed()
