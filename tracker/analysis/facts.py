"""What analysis reads and returns: plain dataclasses, filled by the services from the database."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class ValueFact:
    """A normalized value, as :class:`tracker.models.ClaimValue` holds it."""

    type: str
    text: str
    date: str | None = None
    date_end: str | None = None
    number: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimFact:
    """One claim with what matching needs to know about it."""

    id: int
    document_id: int
    quote: str
    outlet: str | None = None
    published: date | None = None
    kind: str = "event"
    hedged: bool = False
    speaker: str | None = None
    #: person, organization, outlet or group
    speaker_kind: str | None = None
    #: relays between the speaker and the outlet, nearest the speaker first
    via: tuple[str, ...] = ()
    values: tuple[ValueFact, ...] = ()
    #: the sentence around the claim: a clause often leaves out the event or place its sentence names
    context: str = ""


@dataclass(frozen=True, slots=True)
class SuggestedLink:
    """A link the matcher proposes; ``a_id`` < ``b_id``."""

    a_id: int
    b_id: int
    relation: str
    score: float
    reason: str
