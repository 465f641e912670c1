"""Holidays news names as dates: fixed days ("Christmas Day", "Independence Day") and movable ones ("Easter",
"Thanksgiving", "Labor Day"), in the year the words give ("Christmas 2029", "last Thanksgiving") or, named
alone, the nearest one, the last one in a past-tense sentence and the next one in a sentence that looks ahead.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from dateutil.easter import easter
from dateutil.relativedelta import MO, TH, TU, relativedelta

from .wordre import alternation, at_word_starts

# holidays on the same day every year: (month, day)
FIXED_HOLIDAYS = {
    "new year's day": (1, 1), "new year’s day": (1, 1), "valentine's day": (2, 14), "valentine’s day": (2, 14),
    "st patrick's day": (3, 17), "st. patrick's day": (3, 17), "st patrick’s day": (3, 17),
    "st. patrick’s day": (3, 17), "independence day": (7, 4), "bastille day": (7, 14), "halloween": (10, 31),
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25), "boxing day": (12, 26),
    "new year's eve": (12, 31), "new year’s eve": (12, 31), "armistice day": (11, 11), "veterans day": (11, 11),
    "remembrance day": (11, 11),
}


def _nth_weekday(month: int, weekday, n: int) -> Callable[[int], date]:
    return lambda year: date(year, month, 1) + relativedelta(weekday=weekday(n))


# holidays that move: the day in a given year
MOVABLE_HOLIDAYS: dict[str, Callable[[int], date]] = {
    "easter": easter, "easter sunday": easter, "easter day": easter,
    "good friday": lambda y: easter(y) - timedelta(days=2),
    "easter monday": lambda y: easter(y) + timedelta(days=1),
    "thanksgiving": _nth_weekday(11, TH, 4), "thanksgiving day": _nth_weekday(11, TH, 4),
    "labor day": _nth_weekday(9, MO, 1), "memorial day": lambda y: date(y, 5, 31) + relativedelta(weekday=MO(-1)),
    "martin luther king day": _nth_weekday(1, MO, 3), "presidents day": _nth_weekday(2, MO, 3),
    "columbus day": _nth_weekday(10, MO, 2),
    "election day": lambda y: date(y, 11, 2) + relativedelta(weekday=TU(+1)),
}
# words before a holiday that say which year's
WHICH_YEAR = {"last": -1, "next": 1, "this": 0, "this year's": 0, "last year's": -1, "next year's": 1}

_NAMES = sorted(set(FIXED_HOLIDAYS) | set(MOVABLE_HOLIDAYS), key=len, reverse=True)
_HOLIDAY = re.compile(
    r"(?P<name>" + alternation([n.title().replace("'S", "'s").replace("’S", "’s") for n in _NAMES]) + r")\b"
    r"(?!\s+(?:[Ww]eek|[Ss]eason|[Pp]arty|[Tt]ree|[Ss]hopping|[Cc]ard|[Mm]arket))"
    r"(?:,?\s+(?P<year>(?:19|20)\d\d)\b|\s+of\s+(?P<which2>this|last|next)\s+year\b)?")
_WHICH_BACK = re.compile(r"\b(?P<which>[Ll]ast|[Nn]ext|[Tt]his|(?:[Tt]his|[Ll]ast|[Nn]ext)\s+year[’']s)\s+$")


def find_holidays(text: str, published: date | None, start: int, taken, add,
                  looks_ahead: Callable[[str, int], bool], past: Callable[[str, int, int], bool]) -> None:
    """Every holiday in ``text[start:]``, given to ``add`` as a date. ``looks_ahead`` and ``past`` read the
    sentence's tense (a holiday named alone is the last one in the past tense, the next one looking ahead)."""
    for m in at_word_starts(_HOLIDAY, text, start):
        b = _WHICH_BACK.search(text, max(0, m.start() - 16), m.start())
        s = b.start() if b else m.start()
        if not taken.free(s, m.end()):
            continue
        name = m["name"].lower()
        day_in = MOVABLE_HOLIDAYS.get(name) or _fixed(*FIXED_HOLIDAYS[name])
        add(s, m.end(), type="date", date=_resolve(text, m, b, published, day_in, looks_ahead, past))


def _fixed(month: int, day: int) -> Callable[[int], date]:
    return lambda year: date(year, month, day)


def _resolve(text, m, b, published, day_in, looks_ahead, past) -> str | None:
    if m["year"]:
        return day_in(int(m["year"])).isoformat()
    if published is None:
        return None
    which = (b["which"] if b else m["which2"] or "").lower().replace("’", "'")
    if which in WHICH_YEAR and which != "last":
        return day_in(published.year + WHICH_YEAR[which]).isoformat()
    this_year = day_in(published.year)
    before = this_year if this_year <= published else day_in(published.year - 1)
    after = this_year if this_year >= published else day_in(published.year + 1)
    if which == "last":
        return before.isoformat()
    # a future cue with no report between it and the holiday wins over a past tense elsewhere in the sentence
    # ("is going to be our theme from now to Election Day,” she said")
    if looks_ahead(text, m.start()):
        return after.isoformat()
    if past(text, m.start(), m.end()):
        return before.isoformat()
    return (after if (after - published) < (published - before) else before).isoformat()
