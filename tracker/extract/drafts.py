"""What extraction returns: plain dataclasses, no database.

Offsets are character offsets into the text given to :func:`tracker.extract.extract`, so
``text[draft.start:draft.end]`` is the claim's quote.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class SpeakerDraft:
    """A speaker or relay as the article names them at their fullest."""

    name: str
    #: person, organization, outlet or group
    kind: str = "person"
    #: other surface forms seen in the text ("Lutsevych", "Zelenskiy")
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AttributionDraft:
    #: None when the outlet asserts the claim in its own voice
    speaker: SpeakerDraft | None = None
    cue: str | None = None
    #: direct (a quotation), indirect (reported speech) or outlet (no attribution)
    mode: str = "outlet"
    descriptor: str | None = None
    #: relays between the speaker and the outlet: the one nearest the speaker first, nearest the outlet last
    via: tuple[SpeakerDraft, ...] = ()


#: the unit of a date_range that is a calendar window ("this week"): the time in which something happens,
#: not how long it lasts, so it says nothing about an event's duration
CALENDAR_WEEK = "calendar week"


@dataclass(frozen=True, slots=True)
class ValueDraft:
    """A normalized value. date: ``date`` (ISO, may be partial: 2022-07, 2014; or a TIMEX3 period: a week
    2022-W38, a quarter 2022-Q3, a half 2022-H1, a season 2022-SU); date_range: ``date``..``date_end``;
    quantity / duration: ``number`` + ``unit``; quantity_range: ``low``..``high`` + ``unit``."""

    type: str
    text: str
    start: int
    end: int
    date: str | None = None
    date_end: str | None = None
    number: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    #: a quantity that is a change ("up 5%", "fell by 3 points", "a 4% rise"), not a level
    change: bool = False


@dataclass(slots=True)
class ClaimDraft:
    start: int
    end: int
    kind: str
    check_worthiness: float = 0.5
    hedged: bool = False
    attribution: AttributionDraft = field(default_factory=AttributionDraft)
    values: tuple[ValueDraft, ...] = ()
    #: index, in the same Extraction's ``claims``, of the claim this caveat qualifies
    caveat_of: int | None = None
    #: why it was extracted: {"rule": ..., "features": [...]} and anything else worth showing
    reason: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class SkippedDraft:
    """A stretch of text that is not a claim (page furniture), kept so a reviewer can look."""

    start: int
    end: int
    reason: str


@dataclass(slots=True)
class Extraction:
    claims: list[ClaimDraft] = field(default_factory=list)
    skipped: list[SkippedDraft] = field(default_factory=list)
