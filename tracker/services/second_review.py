"""Judging a claim, with double review where it is asked for: two independent verdicts, a third on disagreement.

:func:`judge` is what ``tracker mark`` and the review UI's keys call. On a claim that needs one verdict it
records it. On one that needs two (see :mod:`.rounds`) the first reviewer's verdict is a vote nobody else sees;
the second reviewer's vote settles the round when both agree (a verdict row naming both), else the claim goes
to the resolution queue (``--stage disputed``), where a third reviewer's verdict decides. Votes are append-only
rows, so every step is history.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from ..analysis.agreement import agreement
from ..errors import StaleClaim
from ..models import DoubleReview, ReviewVote, Setting, Verdict
from .holds import check_hold, end_hold
from .review import BadReviewInput, _append, _load, _record, check_evidence, check_reviewer
from .rounds import DOUBLE_REVIEW, ON, needs_two, open_votes, round_of
from .statuses import resolve_status


@dataclass(frozen=True, slots=True)
class Judgement:
    """What a reviewer's verdict did. ``id`` is the verdict row's id, or the vote's while the round is open."""

    claim_id: int
    id: int
    #: the claim's status now (a first vote leaves it as it was)
    status: str
    #: ``verdict`` (single review), ``first`` (a vote, awaiting a second), ``agreed``, ``disputed``, ``resolved``
    stage: str
    reviewer: str
    label: str | None = None

    def line(self) -> str:
        given = self.label or self.status
        return {
            "verdict": f"claim {self.claim_id}: {given} (verdict {self.id} by {self.reviewer})",
            "first": f"claim {self.claim_id}: your verdict is recorded (vote {self.id}); it stays hidden until a "
                     "second reviewer has judged the claim",
            "agreed": f"claim {self.claim_id}: {given}: both reviewers agree (verdict {self.id})",
            "disputed": f"claim {self.claim_id}: the two reviewers disagree (vote {self.id}); it goes to the "
                        "resolution queue, where a third reviewer decides",
            "resolved": f"claim {self.claim_id}: {given}: disagreement resolved by {self.reviewer} "
                        f"(verdict {self.id})",
        }[self.stage]


def judge(session: Session, claim_id: int, status: str, *, reviewer: str, expected_version: int | None = None,
          note: str | None = None, evidence: str | None = None) -> Judgement:
    """Record ``reviewer``'s verdict (a status of the three or of the database's own) on the claim."""
    check_reviewer(reviewer)
    base, label = resolve_status(session, status)
    if base == "unreviewed" or not needs_two(session, claim_id):
        verdict = _record(session, claim_id, base, reviewer=reviewer, expected_version=expected_version,
                          note=note, evidence=evidence, label=label)
        return Judgement(claim_id, verdict.id, verdict.status, "verdict", reviewer, label)
    claim = _load(session, claim_id, expected_version)
    if evidence:
        evidence = check_evidence(session, evidence, claim_id)
    check_hold(session, claim_id, reviewer)
    votes = open_votes(session, claim_id)
    voters = list(dict.fromkeys(v.reviewer for v in votes))
    if len({v.status for v in votes}) > 1:
        if reviewer in voters:
            raise BadReviewInput(f"claim {claim_id}: {' and '.join(voters)} disagree on it; a third reviewer "
                                 "decides")
        sides = "; ".join(f"{v.reviewer}: {v.label or v.status}" for v in votes)
        end_hold(session, claim_id, reviewer)
        verdict = _append(session, claim, Verdict(
            claim_id=claim_id, status=base, label=label, reviewer=reviewer, evidence=evidence or None,
            note=_joined(f"resolves a disagreement ({sides})", note)))
        return Judgement(claim_id, verdict.id, verdict.status, "resolved", reviewer, label)
    if reviewer in voters:
        raise BadReviewInput(f"you ({reviewer}) have already judged claim {claim_id}; a second verdict must come "
                             "from another reviewer")
    vote = ReviewVote(claim_id=claim_id, round=round_of(session, claim_id), reviewer=reviewer, status=base,
                      label=label, note=note or None, evidence=evidence or None)
    end_hold(session, claim_id, reviewer)
    session.add(vote)
    if votes and votes[0].status == base:
        first = votes[0]
        verdict = _append(session, claim, Verdict(
            claim_id=claim_id, status=base, label=label if label == first.label else None, reviewer=reviewer,
            evidence=evidence or first.evidence, note=_joined(f"double review: {first.reviewer} and {reviewer} "
                                                              "agree", first.note, note)))
        return Judgement(claim_id, verdict.id, verdict.status, "agreed", reviewer, verdict.label)
    _commit_vote(session, claim)
    return Judgement(claim_id, vote.id, claim.status, "disputed" if votes else "first", reviewer, label)


def _joined(*notes: str | None) -> str:
    return "; ".join(n.strip() for n in notes if n and n.strip())


def _commit_vote(session: Session, claim: Any) -> None:
    """Commit a vote that leaves the status as it was, bumping the claim's version all the same: a concurrent
    vote on the same claim is then refused, so two first votes can never pass each other unseen."""
    claim_id = claim.id
    flag_modified(claim, "status")
    try:
        session.commit()
    except (StaleDataError, IntegrityError) as exc:
        session.rollback()
        raise StaleClaim(f"claim {claim_id} was judged by someone else while you saved; nothing was recorded, "
                         "it has been reloaded") from exc
    except BaseException:
        session.rollback()
        raise


# ---- settings and requests ---------------------------------------------------------------------------------

def set_double_review(session: Session, on: bool) -> None:
    """Ask two independent verdicts of every claim of this database (or stop asking)."""
    setting = session.get(Setting, DOUBLE_REVIEW)
    if setting is None:
        session.add(Setting(key=DOUBLE_REVIEW, value=ON if on else "off"))
    else:
        setting.value = ON if on else "off"
    session.commit()


def request_double(session: Session, claim_ids: list[int] | tuple[int, ...], *, requested_by: str) -> int:
    """Ask two independent verdicts of these claims (in the caller's transaction); how many were new."""
    have = set(session.scalars(select(DoubleReview.claim_id).where(DoubleReview.claim_id.in_(claim_ids))))
    new = [c for c in claim_ids if c not in have]
    session.add_all(DoubleReview(claim_id=c, requested_by=requested_by) for c in new)
    return len(new)


# ---- what people may see --------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class VoteView:
    round: int
    reviewer: str
    status: str
    label: str | None
    note: str | None
    evidence: str | None
    created_at: datetime


def visible_votes(session: Session, claim_id: int, viewer: str) -> list[VoteView]:
    """The double-review votes ``viewer`` may see: every settled round's; in the open round only their own, until
    two are in (a second reviewer never sees the first verdict before giving theirs)."""
    current = round_of(session, claim_id)
    rows = list(session.scalars(select(ReviewVote).where(ReviewVote.claim_id == claim_id).order_by(ReviewVote.id)))
    open_round = [v for v in rows if v.round == current]
    shown = [v for v in rows if v.round != current or len(open_round) > 1 or v.reviewer == viewer]
    return [VoteView(v.round, v.reviewer, v.status, v.label, v.note, v.evidence, v.created_at) for v in shown]


def agreement_figures(session: Session) -> dict[str, Any]:
    """Agreement of double review: per pair of reviewers and overall, raw agreement and Cohen's kappa.

    Each round with two votes is one item; its first two voters are the pair (named in alphabetical order, their
    labels in that order). Overall, the first vote of each item is one rater and the second the other.
    """
    rounds: dict[tuple[int, int], list[ReviewVote]] = defaultdict(list)
    for vote in session.scalars(select(ReviewVote).order_by(ReviewVote.id)):
        rounds[(vote.claim_id, vote.round)].append(vote)
    overall: list[tuple[str, str]] = []
    by_pair: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for votes in rounds.values():
        if len(votes) < 2:
            continue
        a, b = votes[0], votes[1]
        overall.append((a.status, b.status))
        first, second = sorted((a, b), key=lambda v: v.reviewer)
        by_pair[(first.reviewer, second.reviewer)].append((first.status, second.status))
    return {"overall": agreement(overall).record(),
            "pairs": [{"reviewers": list(pair), **agreement(by_pair[pair]).record()} for pair in sorted(by_pair)]}
