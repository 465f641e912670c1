"""Values read together once each is found: a week named by a day ("the week of April 10") and a date given
as a distance from another ("three days after January 12", "two weeks from today", "three weeks from now").
A length of time after "in" where the sentence looks ahead is the day it ends on ("the bridge will open in two
years"). "1 hour and 30 minutes" stays two durations, as quantity sets count them.
Two dates joined by "to" stay two values, as TIMEX3 annotates them, except two calendar days after "from" or
"between" ("from 26 June to 28 June", "between May 3 and May 9"): the days from one to the other.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta

from .dates import iso_week, looks_ahead
from .drafts import ValueDraft

# the units a distance between two dates is counted in, in dateutil's terms
OFFSET_UNITS = {"day": "days", "week": "weeks", "month": "months", "year": "years", "fortnight": "weeks",
                "hour": "hours", "minute": "minutes"}
# how many of the dateutil unit one of ours is
OFFSET_SCALE = {"fortnight": 2}
# words between a distance and its date, and the direction they give
OFFSET_WORDS = {"after": 1, "from": 1, "later than": 1, "before": -1, "earlier than": -1, "prior to": -1}

# days that are not calendar days: "eight trading days after Oct. 12" is no date we can count to
_NOT_CALENDAR = re.compile(r"\b(?:trading|business|working|school)\b")
_WEEK_OF = re.compile(r"\b(?:[Tt]he\s+)?week\s+(?:of|beginning|starting|commencing)(?:\s+on)?\s+$|\bw/c\s+$")
_OFFSET_GAP = re.compile(r"\s+(?P<w>after|from|later\s+than|before|earlier\s+than|prior\s+to)\s+"
                         r"(?:(?:next|last|this|[Tt]he\s+(?:next|last|previous|following))\s+)?")  # "after next Friday"
# a hedged distance ("nearly four weeks after") is no exact count of days
_HEDGED = re.compile(r"^(?:about|around|nearly|almost|some|roughly|approximately|more|less|over|under|at|up|just)\b",
                     re.I)
_FROM_NOW = re.compile(r"\s+from\s+now\b")
# "in two weeks", "in three years' time": the day that far ahead
_IN_BACK = re.compile(r"\b[Ii]n\s+$")
# "the highest level in five years", "the first time in a decade", "its worst week in two years": a length of time
# looked back over, whatever the tense
_SUPERLATIVE_BACK = re.compile(r"\b(?:[a-z]{2,}est|best|worst|first|last|most|least|record|only)\b[^,;.]{0,30}$")
_TIME_AFTER = re.compile(r"[’']?\s+time\b")
# how precisely a day that far ahead is known: to the day, the month or the year
IN_TIME_PRECISION = {"hour": 10, "minute": 10, "day": 10, "week": 10, "fortnight": 10, "month": 7, "year": 4}


def _day(v: ValueDraft) -> date | None:
    if v.type == "date" and v.date and len(v.date) == 10:
        try:
            return date.fromisoformat(v.date)
        except ValueError:
            return None
    return None


# "from 26 June to 28 June", "between May 3 and May 9": a span of days
_DAY_SPAN_BACK = re.compile(r"\b(?P<w>[Ff]rom|[Bb]etween)\s+(?:the\s+)?$")
_DAY_SPAN_GAP = re.compile(r"\s*(?:to|till|until|through|and|[-–])\s+(?:the\s+)?")
# a day named by its number or ordinal, not by a word standing for one ("today", "Friday")
_CALENDAR_DAY = re.compile(r"\d|(?:first|second|third|th)\b", re.I)


# "between January 2019 and now", "from 2010 to date": from a date to the publication day
_TO_NOW = re.compile(r"\s+(?:and|to|till|until|through)\s+(?:now|the\s+present(?:\s+day)?|date|the\s+current\s+date)\b")


def join_values(text: str, values: list[ValueDraft], published: date | None) -> list[ValueDraft]:
    """``values`` (sorted by start) with weeks and distances from a date read as one value each."""
    out: list[ValueDraft] = []
    i = 0
    while i < len(values):
        v = values[i]
        nxt = values[i + 1] if i + 1 < len(values) else None
        joined = _joined(text, v, nxt)
        if joined is not None:
            out.append(joined)
            i += 2
            continue
        out.append(_week_of(text, v) or _from_now(text, v, published) or _in_time(text, v, published)
                   or _up_to_now(text, v, published) or v)
        i += 1
    return out


def _joined(text: str, v: ValueDraft, nxt: ValueDraft | None) -> ValueDraft | None:
    if nxt is not None and v.type == "date":
        return _day_span(text, v, nxt)
    if nxt is None or v.type != "duration" or nxt.start - v.end > 16:
        return None
    gap = text[v.end:nxt.start]
    last = _day(nxt)
    g = _OFFSET_GAP.fullmatch(gap)
    if g and v.type == "duration" and last is not None and not _NOT_CALENDAR.search(v.text) \
            and not _HEDGED.match(v.text):
        moved = _move(last, v, OFFSET_WORDS[" ".join(g["w"].split())])
        if moved is not None:
            return _value(text, v.start, nxt.end, type="date", date=moved.isoformat())
    return None


def _up_to_now(text: str, v: ValueDraft, published: date | None) -> ValueDraft | None:
    """"between January 2019 and now", "from 2010 to date": the first day of the date to the publication day
    ("between now and November 15" stays a date, as TIMEX3 annotates it: "now" is the present)."""
    if v.type != "date" or published is None or not v.date or not v.date[:4].isdigit():
        return None
    span = _days_of(v.date)
    if span is None:
        return None
    back = _DAY_SPAN_BACK.search(text, max(0, v.start - 14), v.start)
    now = _TO_NOW.match(text, v.end)
    if back is not None and now is not None and span[0] <= published:
        return _value(text, back.start(), now.end(), type="date_range", date=span[0].isoformat(),
                      date_end=published.isoformat())
    return None


def _days_of(value: str) -> tuple[date, date] | None:
    """The first and last day of an ISO date, month or year ("2019", "2019-01", "2019-01-22")."""
    try:
        if len(value) == 4:
            return date(int(value), 1, 1), date(int(value), 12, 31)
        if len(value) == 7:
            first = date(int(value[:4]), int(value[5:]), 1)
            return first, first + relativedelta(day=31)
        if len(value) == 10:
            day = date.fromisoformat(value)
            return day, day
    except ValueError:
        return None
    return None


def _day_span(text: str, v: ValueDraft, nxt: ValueDraft) -> ValueDraft | None:
    """"from 26 June to 28 June": the days from the first to the second (the first a year earlier where its own
    year was only a guess and it would fall after the second: "from Dec. 28 to Jan. 3")."""
    first, last = _day(v), _day(nxt)
    if first is None or last is None or not _DAY_SPAN_GAP.fullmatch(text, v.end, nxt.start):
        return None
    back = _DAY_SPAN_BACK.search(text, max(0, v.start - 14), v.start)
    if back is None or not (_CALENDAR_DAY.search(v.text) and _CALENDAR_DAY.search(nxt.text)):
        return None
    if first > last and not re.search(r"\d{4}", v.text):
        try:
            first = first.replace(year=last.year - (first.replace(year=last.year) > last))
        except ValueError:
            return None  # February 29 in a year without one
    if first > last:
        return None
    return _value(text, back.start(), nxt.end, type="date_range", date=first.isoformat(), date_end=last.isoformat())


def _move(day: date, v: ValueDraft, sign: int) -> date | None:
    unit = OFFSET_UNITS.get(v.unit or "")
    if unit is None or v.number is None or v.number != int(v.number):
        return None
    try:
        moved = day + sign * relativedelta(**{unit: int(v.number) * OFFSET_SCALE.get(v.unit or "", 1)})
    except (ValueError, OverflowError):
        return None
    return moved.date() if isinstance(moved, datetime) else moved  # hours from midnight: the day they reach


def _week_of(text: str, v: ValueDraft) -> ValueDraft | None:
    """"the week of April 10": the ISO week holding that day; "the week beginning April 10": seven days from it."""
    lead = text[max(0, v.start - 30):v.start]
    if v.type != "date" or ("week" not in lead and "w/c" not in lead):
        return None
    first = _day(v)
    b = _WEEK_OF.search(text, max(0, v.start - 30), v.start) if first else None
    if b is None or first is None:
        return None
    if b.group().rstrip().endswith(" of"):
        # "the week of April 10": the calendar week that holds it
        return _value(text, b.start(), v.end, type="date", date=iso_week(first))
    try:
        last = first + timedelta(days=6)
    except OverflowError:
        return None
    return _value(text, b.start(), v.end, type="date_range", date=first.isoformat(), date_end=last.isoformat())


def _from_now(text: str, v: ValueDraft, published: date | None) -> ValueDraft | None:
    """"two weeks from now": the day that far after publication."""
    m = _FROM_NOW.match(text, v.end) if v.type == "duration" else None
    if m is None:
        return None
    moved = _move(published, v, 1) if published else None
    return _value(text, v.start, m.end(), type="date", date=moved.isoformat() if moved else None)


def _in_time(text: str, v: ValueDraft, published: date | None) -> ValueDraft | None:
    """"The bridge will open in two years": 2033 for an article of 2031; only where the sentence looks ahead
    ("the race was won in two hours" is a length of time)."""
    if v.type != "duration" or v.unit not in IN_TIME_PRECISION or published is None:
        return None
    if _IN_BACK.search(text, max(0, v.start - 4), v.start) is None or not looks_ahead(text, v.start):
        return None
    if _SUPERLATIVE_BACK.search(text, max(0, v.start - 40), v.start):
        return None
    moved = _move(published, v, 1)
    if moved is None:
        return None
    t = _TIME_AFTER.match(text, v.end)
    return _value(text, v.start, t.end() if t else v.end, type="date",
                  date=moved.isoformat()[:IN_TIME_PRECISION[v.unit or ""]])


def _value(text: str, s: int, e: int, **kw) -> ValueDraft:
    return replace(ValueDraft(type=kw.pop("type"), text=text[s:e], start=s, end=e), **kw)
