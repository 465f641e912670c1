"""Normalized values as analysis compares them: dates with their precision, ranges with their length,
durations and quantities as intervals that honour "nearly", "more than", "about"."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ..extract.drafts import CALENDAR_WEEK
from .facts import ValueFact
from .words import WORD_SYNONYMS

# Durations compare in one unit per family; weeks are days, years are months.
_TIME_UNITS = {"day": ("day", 1), "week": ("day", 7), "month": ("month", 1), "year": ("month", 12),
               "hour": ("hour", 1), "minute": ("minute", 1)}


@dataclass(frozen=True, slots=True)
class PointDate:
    value: str  # ISO, possibly partial: 2014, 2022-07, 2022-09-23
    text: str
    #: "start" or "end" when the words around it say which end of an event it dates
    role: str | None = None

    @property
    def day(self) -> date | None:
        return date.fromisoformat(self.value) if len(self.value) == 10 else None


@dataclass(frozen=True, slots=True)
class DateRange:
    start: date
    end: date
    text: str

    @property
    def days(self) -> int:
        """Length counting both ends: Friday through Monday is four days."""
        return (self.end - self.start).days + 1


@dataclass(frozen=True, slots=True)
class Interval:
    """What a number with its qualifier allows: "nearly 7" is about 6 to 7, "more than 6" above 6."""

    central: float
    low: float
    high: float

    def overlaps(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high

    @property
    def exact(self) -> bool:
        return self.low == self.high


@dataclass(frozen=True, slots=True)
class Duration:
    amount: Interval
    unit: str  # day, month, hour, minute
    text: str


@dataclass(frozen=True, slots=True)
class Amount:
    amount: Interval
    unit: str | None
    text: str


_QUALIFIERS = (
    (re.compile(r"\b(?:nearly|almost|just under|close to|up to|less than|fewer than|under|below)\b", re.I), "below"),
    (re.compile(r"\b(?:more than|over|at least|above|upwards of|just over|exceed\w*)\b", re.I), "above"),
    (re.compile(r"\b(?:about|around|roughly|approximately|some|an estimated|estimated|almost|nearly|"
                r"hundreds|thousands|dozens|several)\b", re.I), "about"),
)


def interval(number: float, text: str) -> Interval:
    for pattern, kind in _QUALIFIERS:
        if pattern.search(text):
            if kind == "below":
                return Interval(number, number * 0.8, number)
            if kind == "above":
                return Interval(number, number + 1e-9, number * 1.5)
            return Interval(number, number * 0.85, number * 1.15)
    return Interval(number, number, number)


def _one(word: str) -> str:
    """A unit word in the singular, as far as comparing two of them needs ("fatalities" and "fatality")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


#: count nouns that name one thing two ways, to one of them: "reservists" and "reserves" count the same people
_UNIT_SYNONYMS = {_one(a): _one(b) for a, b in WORD_SYNONYMS.items()}


def _unit(unit: str | None) -> str | None:
    if not unit:
        return None
    u = _one(unit.strip().lower())
    return _UNIT_SYNONYMS.get(u, u)


def time_unit(unit: str | None) -> tuple[str, int] | None:
    return _TIME_UNITS.get(_unit(unit) or "")


def dates_of(values: Iterable[ValueFact]) -> tuple[PointDate, ...]:
    return tuple(PointDate(v.date, v.text) for v in values if v.type == "date" and v.date)


def ranges_of(values: Iterable[ValueFact]) -> tuple[DateRange, ...]:
    out = []
    for v in values:
        if v.unit == CALENDAR_WEEK:
            continue  # a window ("this week") bounds when, not how long: no span to compare
        if v.type == "date_range" and v.date and v.date_end and len(v.date) == 10 and len(v.date_end) == 10:
            start, end = date.fromisoformat(v.date), date.fromisoformat(v.date_end)
            if end >= start:
                out.append(DateRange(start, end, v.text))
    return tuple(out)


def durations_of(values: Iterable[ValueFact]) -> tuple[Duration, ...]:
    """Durations, and quantities whose unit is a unit of time (extractors differ on which type they use)."""
    out = []
    for v in values:
        tu = time_unit(v.unit)
        if v.type in ("duration", "quantity") and v.number is not None and tu:
            unit, factor = tu
            iv = interval(v.number, v.text)
            out.append(Duration(Interval(iv.central * factor, iv.low * factor, iv.high * factor), unit, v.text))
    return tuple(out)


def amounts_of(values: Iterable[ValueFact]) -> tuple[Amount, ...]:
    out = []
    for v in values:
        if v.type == "quantity" and v.number is not None and not time_unit(v.unit):
            out.append(Amount(interval(v.number, v.text), _unit(v.unit), v.text))
        elif v.type == "quantity_range" and v.low is not None and v.high is not None:
            out.append(Amount(Interval((v.low + v.high) / 2, v.low, v.high), _unit(v.unit), v.text))
    return tuple(out)


def fmt_number(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def describe(v: ValueFact) -> str:
    """A value as a reader checks it: "the four days starting Friday = 2022-09-23..2022-09-26"."""
    unit = f" {v.unit}" if v.unit else ""
    if v.type == "date":
        norm = v.date or "?"
    elif v.type == "date_range":
        norm = f"{v.date}..{v.date_end}"
    elif v.type == "quantity_range":
        norm = f"{fmt_number(v.low)}-{fmt_number(v.high)}{unit}" if v.low is not None and v.high is not None else "?"
    else:
        norm = f"{fmt_number(v.number)}{unit}" if v.number is not None else "?"
    return f"{v.text} = {norm}"
