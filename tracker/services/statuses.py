"""A database's own statuses ("misleading", "needs context"), each standing for one of the three verdicts.

A verdict given as a custom status stores the verdict it stands for in ``status`` (what the queue, the audit and
every export count) and the custom name in ``label`` (what people read, and ClaimReview's ``alternateName``).
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import STATUSES, VERDICT_STATUSES, CustomStatus
from .review import BadReviewInput, check_reviewer

#: what a custom status may stand for: a verdict, never ``unreviewed``
MEANINGS = VERDICT_STATUSES[1:]
MAX_NAME = 60


@dataclass(frozen=True, slots=True)
class StatusView:
    name: str
    means: str


def _name(name: str) -> str:
    return " ".join(name.split()).lower()


def custom_statuses(session: Session) -> list[StatusView]:
    return [StatusView(s.name, s.means) for s in session.scalars(select(CustomStatus).order_by(CustomStatus.name))]


def add_status(session: Session, name: str, means: str, *, reviewer: str) -> StatusView:
    """Define (or redefine) a custom status; its name cannot be one of the four built in."""
    check_reviewer(reviewer)
    key, means = _name(name), means.strip().lower()
    if not key or len(key) > MAX_NAME or "\x00" in key:
        raise BadReviewInput(f"a status name is 1 to {MAX_NAME} characters, not {name!r}")
    if key in STATUSES:
        raise BadReviewInput(f"{key} is built in; a custom status needs a name of its own")
    if means not in MEANINGS:
        raise BadReviewInput(f"a custom status means one of {', '.join(MEANINGS)}, not {means!r}")
    row = session.get(CustomStatus, key)
    if row is None:
        session.add(CustomStatus(name=key, means=means, created_by=reviewer))
    else:
        row.means = means
    session.commit()
    return StatusView(key, means)


def remove_status(session: Session, name: str) -> None:
    """Forget a custom status; verdicts given as it keep their label and their verdict."""
    row = session.get(CustomStatus, _name(name))
    if row is None:
        raise BadReviewInput(f"no custom status {name!r}")
    session.delete(row)
    session.commit()


def resolve_status(session: Session, status: str) -> tuple[str, str | None]:
    """(the stored status, the custom label or None) for a status as typed: the four built in in any case, or one
    of this database's own; a near miss gets a suggestion."""
    wanted = _name(status)
    if wanted in STATUSES:
        return wanted, None
    row = session.get(CustomStatus, wanted)
    if row is not None:
        return row.means, row.name
    known = [*STATUSES, *(s.name for s in custom_statuses(session))]
    close = difflib.get_close_matches(wanted, known, n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]}?" if close else ""
    raise BadReviewInput(f"unknown status {status!r}: expected one of {', '.join(known)}{hint}")
