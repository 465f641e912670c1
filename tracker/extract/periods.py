"""Calendar periods longer than a day, resolved against the publication date: quarters and halves of a year,
seasons, weekends, decades and centuries, fiscal years, and the periods a text names by reference to one it
named before ("a year earlier", "the year-ago quarter", "the following year").

Every period is a ``date_range`` from its first to its last day (a decade from its first to its last year),
so it compares with a day or a month by the days it covers. A season is the meteorological one (summer: June to
August); winter is the one that begins in December of the year before.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from .drafts import CALENDAR_WEEK
from .lexicon import en
from .numbers import WORD_NUMBER, words_value
from .wordre import at_word_starts, find_all

# ordinals of a quarter or a half ("third-quarter", "the 2nd quarter")
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
            "last": -1, "final": -1, "latter": -1}
# the year a possessive names: "this year's third quarter", "last year's quarter"
YEAR_SHIFT = {"this": 0, "last": -1, "next": 1, "previous": -1, "prior": -1, "preceding": -1, "following": 1,
              "later": 1, "after": 1, "earlier": -1, "before": -1}
# the quarter a word before "quarter" means, counted from the quarter holding the publication date
QUARTER_SHIFT = {"this": 0, "current": 0, "next": 1, "coming": 1, "last": -1, "previous": -1, "prior": -1,
                 "preceding": -1}
# words before "quarter" that refer back to the quarter the text is about ("the latest quarter")
QUARTER_BACK_WORDS = frozenset({"the", "that", "latest", "same", "recent", "most recent", "its", "their", "reporting"})
# the step of a span ending or starting at publication, in dateutil's terms
SPAN_UNITS = {"day": ("days", 1), "week": ("weeks", 1), "month": ("months", 1), "year": ("years", 1),
              "decade": ("years", 10), "century": ("years", 100)}
# the day a reference moves to: "the following day", "the day before"
DAY_SHIFT = {"following": 1, "next": 1, "after": 1, "previous": -1, "prior": -1, "preceding": -1, "before": -1}
# the first three letters of a month name, for "the quarter ended Sept. 30"
MONTH_STARTS = {m: n for n, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
# characters back to the quarter a text is about, for "the quarter" and "a year earlier"
REFERENCE_REACH = 1200
# seasons and their TIMEX3 codes (winter YYYY runs from December of the year before to February)
SEASON_CODES = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# the month each season begins
SEASON_STARTS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
# decade words ("the nineties") and their decade within the century
DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70,
                "eighties": 80, "nineties": 90}
# parts of a decade or century: the years of it they cover
DECADE_PARTS = {"early": (0, 3), "mid": (4, 6), "mid-": (4, 6), "late": (7, 9)}
# ordinals of a century ("the 20th century", "the eleventh century")
CENTURY_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                 "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
                 "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
                 "nineteenth": 19, "twentieth": 20, "twenty-first": 21}
# the year "the last fiscal year", "the latest fiscal year", "next fiscal year" name, from the publication year's
FISCAL_SHIFT = {"last": -1, "latest": -1, "most recent": -1, "previous": -1, "prior": -1, "next": 1, "coming": 1}
# cue words that a period lies ahead
FUTURE_CUES = r"will|shall|’ll|'ll|expects?|expected|forecasts?|plans?|scheduled|due|would|outlook|projected"

_ORD = r"(?i:first|second|third|fourth|1st|2nd|3rd|4th|last|final|latter)"
_QUARTER = re.compile(r"quarters?\b(?!-final|\s+finals?|\s+of\s+(?:a|an|all|the|its|their|his|her|those|these)\b)")
_QUARTER_BACK = re.compile(
    r"(?:\b(?P<det>[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir|[Ll]ast|[Nn]ext|[Cc]urrent)\s+)?"
    r"(?:(?P<rel>latest|current|same|recent|most\s+recent|previous|prior|preceding|coming|next|reporting|"
    r"(?:comparable\s+|corresponding\s+)?year-(?:ago|earlier))\s+)?"
    r"(?:(?P<yr>(?:19|20)\d\d)(?:[’']s)?\s+|(?P<poss>[Tt]his|[Ll]ast|[Nn]ext)\s+year[’']s\s+|(?P<yago>year-(?:ago|earlier))\s+)?"
    r"(?:fiscal[\s-]+)?(?:(?P<ord>" + _ORD + r")[\s-]+)?(?:fiscal[\s-]+)?$")
_QUARTER_AFTER = re.compile(
    r"\s+(?:(?:ended|ending|that\s+ended|which\s+ended|to)\s+(?P<mon>[A-Z][a-z]{2,8})\.?\s+\d|of\s+(?:fiscal\s+)?(?P<yr>(?:19|20)\d\d)\b|(?P<yago>a\s+year\s+(?:ago|earlier)|last\s+year|of\s+last\s+year)\b"
    r"|of\s+(?P<poss>this|next|last)\s+year\b)")
# quarters and halves written as codes: "Q1 2030", "Q3", "Q4 of 2031", "2030 Q2", "2030-Q1", "H1 2030"
_QUARTER_CODE = re.compile(r"(?:(?P<yr0>(?:19|20)\d\d)[\s-])?(?P<k>[QH])(?P<n>[1-4])(?![\w-])"
                           r"(?:\s+(?:of\s+)?(?P<yr>(?:19|20)\d\d)\b)?")
_CODE_WORDS = ("Q1", "Q2", "Q3", "Q4", "H1", "H2")
# a capitalised word inside a sentence before a code: the name of what it numbers
_MODEL_NAME_BEFORE = re.compile(r"(?<![.!?\n]\s)(?<![.!?\n])(?<!^)\b(?!(?:In|By|For|During|Since|Until|Through)\b)"
                                r"[A-Z][A-Za-z]+\s$")
_HALF = re.compile(r"half\s+of\s+(?:(?P<yr>(?:19|20)\d\d)|(?P<poss>this|next|last|the)\s+year)\b")
_HALF_BACK = re.compile(r"\b(?:[Tt]he\s+)?(?P<ord>first|second|last|latter)\s+$")
_SEASON = re.compile(r"(?P<s>spring|summer|fall|autumn|winter)\b(?:\s+of\s+(?P<yr>(?:19|20)\d\d)\b)?")
_SEASON_BACK = re.compile(
    r"\b(?:(?P<which>[Tt]his|[Ll]ast|[Nn]ext|[Tt]his\s+past|[Tt]his\s+coming)|(?P<det>[Tt]he|[Ii]n|[Oo]ver|[Dd]uring|"
    r"[Bb]y|[Uu]ntil|[Ss]ince|[Tt]hrough))\s+(?:(?:early|late|mid-?)\s*)?(?:(?P<yr>(?:19|20)\d\d)\s+)?$")
# "the last week of July", "the second week of March 2030"
_WEEK_OF_MONTH = re.compile(
    r"\b(?:[Tt]he\s+)?(?P<ord>first|second|third|fourth|last|final|1st|2nd|3rd|4th)\s+week\s+of\s+"
    r"(?P<mon>(?i:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?))(?![\w])(?:,?\s+(?P<yr>(?:19|20)\d\d)\b)?")
# "the first week of 2030", "the third month of next year", "the last day of 2030": one part of a named year,
# counted in ISO weeks, months or days. "The first nine months of 2030" stays a duration and a year, as TIMEX3
# annotates it (the length is what a results story compares)
_PART_OF_NAMED_YEAR = re.compile(
    r"\b(?:[Tt]he\s+)?(?P<ord>[Ff]irst|[Ll]ast|final|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"eleventh|twelfth|\d{1,3}(?:st|nd|rd|th))\s+(?P<n>)"
    r"(?P<unit>week|month|day)\s+of\s+(?:(?P<yr>(?:19|20)\d\d)|(?P<rel>this|last|next)\s+year)\b")
_PART_WORDS = (" week of ", " month of ", " day of ")
_PART_YEAR_AFTER = re.compile(r"(?:(?:19|20)\d\d|this|last|next)\b")
_WEEK_WORDS = ("week",)
_WEEKEND = re.compile(r"weekend\b(?![-\s](?:trip|break|of)\b)")
_WEEKEND_BACK = re.compile(r"\b(?P<which>[Tt]he|[Tt]his|[Ll]ast|[Nn]ext|[Tt]hat|[Cc]oming|[Pp]ast)\s+$")
_DECADE = re.compile(r"(?P<d>(?:1[0-9]|20)\d0|[’']\d0|" + "|".join(DECADE_WORDS) + r")s?\b(?<=s)")
_DECADE_BACK = re.compile(r"\b(?:[Tt]he\s+(?:(?P<part>early|mid|late)[\s-]+)?|(?P<mid>mid-))$")
_CENTURY = re.compile(r"century\b")
_CENTURY_BACK = re.compile(
    r"\b(?:(?P<this>[Tt]his|[Ll]ast|[Nn]ext)|(?:[Tt]he\s+)?(?:(?P<part>early|mid|late)[\s-]+)?"
    r"(?P<n>\d{1,2})(?:st|nd|rd|th)|(?:[Tt]he\s+)?(?P<w>" + "|".join(CENTURY_WORDS) + r"))[\s-]$")
_FISCAL = re.compile(r"[Ff]iscal\s+(?:year\s+)?(?P<yr>(?:19|20)\d\d)\b|\bFY\s?(?P<yr2>(?:19|20)?\d\d)\b")
_SPAN = re.compile(
    rf"\b(?P<the>[Tt]he\s+)?(?P<dir>[Pp]ast|[Ll]ast|[Nn]ext|[Cc]oming)\s+(?:(?P<n>\d{{1,3}}|{WORD_NUMBER}|few|several)\s+)?"
    r"(?P<unit>days?|weeks?|months?|years?|decades?|century|centuries)\b(?![-’'])")
# "a year earlier", "the year-ago period", "the same period last year": the period discussed, a year before
_YEAR_BEFORE = re.compile(
    r"\b(?:(?:[Aa]\s+)?year\s+(?:earlier|ago|before)|(?:[Tt]he\s+)?(?:comparable\s+|corresponding\s+|same\s+)?"
    r"(?:year-(?:ago|earlier)(?:\s+(?:period|quarter))?|period\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year)))\b"
    r"(?![-’'])")
# months of a year other than the quarter a text is about ("for the nine months", "the first half")
_PART_OF_YEAR = re.compile(r"\b(?:nine|six|first\s+(?:nine|six))\s+months\b|\bfirst\s+half\b|\bthe\s+year\b")
# a count before "year later" or "year after"
_COUNT_BEFORE = re.compile(rf"(?:\b\d+|\b{WORD_NUMBER})\s+$", re.I)
_REF_YEAR = re.compile(
    r"\b(?:[Tt]hat\s+year|[Tt]he\s+same\s+year|(?:[Tt]he\s+)?(?P<dir>following|next|previous|prior|preceding)\s+year"
    r"|(?:[Aa]\s+)?year\s+(?P<dir2>later|after|earlier|before))\b(?![-’'])")
_THE_YEAR = re.compile(r"\b(?P<w>[Tt]he|[Tt]his|[Ll]ast|[Nn]ext)\s+(?:(?P<rel>current|latest|most\s+recent|previous|"
                       r"prior|coming)\s+)?(?:full|fiscal|financial|calendar|whole|entire)(?:\s+(?:fiscal|financial))?\s+year\b(?![-’'])"
                       r"|\b(?:[Tt]he|[Tt]his)\s+(?P<rel2>current|coming)\s+year\b(?![-’'])"
                       r"|\b[Tt]he\s+year\b(?![-’']|\s+(?:before|after|ago|earlier|later|to|of|in|when|that|since))")
# "the year ended June 30": a year's length (a fiscal year), not the calendar year
_YEAR_LENGTH = re.compile(r"\s+(?:ended|ending|to|through)\b")
_PERIOD = re.compile(r"\b(?:[Tt]he\s+)?(?:(?P<yr>(?:19|20)\d\d)|latest|same|comparable)\s+period\b")
_FUTURE_CUE = re.compile(rf"\b(?:{FUTURE_CUES})\b")
# the words the patterns above hold, cheap to find
_SPAN_LEAD_WORDS = ("past", "Past", "last", "Last")
_YEAR_WORDS = ("year", "decade", "century")
_DAY_WORDS = ("day",)
_PERIOD_WORDS = ("period",)
_FISCAL_WORDS = ("fiscal", "Fiscal", "FY")
_DECADE_WORDS = ("0s", "ties")  # found inside a word: "1990s", "nineties"
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s|\n")


def _near(pattern: re.Pattern, words: tuple[str, ...], text: str, start: int, reach: int = 40,
          inside: bool = False):
    """Matches of ``pattern`` that hold one of ``words``: the words are found with ``str.find`` (fast), and the
    pattern is only tried around them (a pattern starting with optional words would be tried at every character).
    A word must begin a word unless ``inside`` ("1990s" holds "0s")."""
    hits = []
    for w in words:
        i = text.find(w, start)
        while i >= 0:
            if inside or i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_"):
                hits.append(i)
            i = text.find(w, i + 1)
    done = start
    for k in sorted(hits):
        if k < done:
            continue
        m = pattern.search(text, max(done, k - reach), k + reach)
        if m is not None and m.start() <= k < m.end():
            done = m.end()
            yield m



def _quarter(year: int, q: int) -> str:
    return f"{year:04d}-Q{q}"


def _shift_quarter(year: int, q: int, shift: int) -> tuple[int, int]:
    n = year * 4 + q - 1 + shift
    return n // 4, n % 4 + 1


class Periods:
    """The passes over one text, sharing the quarters found so far (a text about one quarter's results
    calls it "the quarter" and compares with "a year earlier")."""

    def __init__(self, text: str, published: date | None, start: int, taken, add) -> None:
        self.text, self.published, self.start, self.taken, self.add = text, published, start, taken, add
        self.quarters: list[tuple[int, int, int]] = []  # (position, year, quarter), in text order

    def run(self) -> None:
        self.fiscal_years()
        if "Q" in self.text or "H1" in self.text or "H2" in self.text:  # (a one-letter scan is fast)
            self.quarter_codes()
        self.quarters_named()
        self.halves()
        self.year_before()
        self.seasons()
        self.weekends()
        self.parts_of_years()
        self.weeks_of_months()
        self.decades()
        self.centuries()
        self.periods()
        self.past_spans()
        self.the_year()

    def _emit(self, s: int, e: int, first: date | None, last: date | None) -> None:
        self.add(s, e, type="date_range", date=first.isoformat() if first else None,
                 date_end=last.isoformat() if last else None)

    def _future(self, s: int) -> bool:
        lead = self.text[max(0, s - 80):s]
        cut = max((m.end() for m in _SENTENCE_END.finditer(lead)), default=0)
        return bool(_FUTURE_CUE.search(lead, cut))

    def fiscal_years(self) -> None:
        for m in _near(_FISCAL, _FISCAL_WORDS, self.text, self.start):
            if not self.taken.free(*m.span()):
                continue
            y = m["yr"] or m["yr2"]
            year = int(y) if len(y) == 4 else 1900 + int(y) + (100 if int(y) < 50 else 0)
            self.add(m.start(), m.end(), type="date", date=f"{year:04d}")

    def quarter_codes(self) -> None:
        """"Q1 2030", "2030-Q1", "H2 2029"; "Q3" alone this year's once it has begun, else last year's."""
        for m in _near(_QUARTER_CODE, _CODE_WORDS, self.text, self.start, 14):
            s = m.start()
            if s and (self.text[s - 1].isalnum() or self.text[s - 1] == "_") or not self.taken.free(s, m.end()):
                continue
            if not m["yr0"] and _MODEL_NAME_BEFORE.search(self.text, max(0, s - 20), s):
                continue  # "the Audi Q3": a model's name
            k, n = m["k"], int(m["n"])
            if k == "H" and n > 2:
                continue
            year = int(m["yr"] or m["yr0"] or 0) or None
            pub = self.published
            if year is None and pub is not None:
                first_month = 3 * n - 2 if k == "Q" else 6 * n - 5
                year = pub.year if date(pub.year, first_month, 1) <= pub or self._future(s) else pub.year - 1
            if k == "Q" and year is not None:
                self.quarters.append((s, year, n))
            self.add(s, m.end(), type="date", date=f"{year:04d}-{k}{n}" if year is not None else None)

    def _quarter_year(self, b: re.Match, a: re.Match | None, q: int, s: int) -> int | None:
        pub = self.published
        if b["yr"]:
            return int(b["yr"])
        if a is not None and a["yr"]:
            return int(a["yr"])
        if pub is None:
            return None
        if a is not None and a["mon"] and a["mon"][:3].lower() in MONTH_STARTS:
            # "the second quarter ended June 30": the latest such day that has passed
            return pub.year if MONTH_STARTS[a["mon"][:3].lower()] <= pub.month else pub.year - 1
        poss = b["poss"] or (a["poss"] if a is not None else None)
        if poss and poss.lower() in YEAR_SHIFT:
            return pub.year + YEAR_SHIFT[poss.lower()]
        started = date(pub.year, 3 * q - 2, 1) <= pub
        year = pub.year if started or self._future(s) else pub.year - 1
        if b["yago"] or (a is not None and a["yago"]) or (b["rel"] or "").startswith(("year-", "comparable", "corr")):
            year -= 1
        return year

    def _quarter_of(self, b: re.Match, s: int, e: int) -> tuple[int, int, int] | None:
        """(year, quarter, end of the phrase) of a quarter named without its number."""
        pub = self.published
        rel = (b["rel"] or "").lower()
        det = (b["det"] or "").lower()
        word = rel if rel in QUARTER_SHIFT else det if det in QUARTER_SHIFT and not rel else ""
        a = _QUARTER_AFTER.match(self.text, e)
        if a is not None and a["mon"] and pub is not None and a["mon"][:3].lower() in MONTH_STARTS:
            month = MONTH_STARTS[a["mon"][:3].lower()]
            year = pub.year if month <= pub.month else pub.year - 1
            return year, (month - 1) // 3 + 1, e
        if rel in ("latest", "most recent") and pub is not None:
            y, q = _shift_quarter(pub.year, (pub.month - 1) // 3 + 1, -1)
            return y, q, e
        if b["poss"] or b["yr"]:
            ref = self._reference(s)
            named = int(b["yr"]) if b["yr"] else (pub.year + YEAR_SHIFT[b["poss"].lower()] if pub else None)
            if ref is None or named is None:
                return None
            return named, ref[1], e
        if rel.startswith(("year-", "comparable", "corresponding")) or b["yago"]:
            ref = self._reference(s)
            return (ref[0] - 1, ref[1], e) if ref else None
        if word and pub is not None:
            y, q = _shift_quarter(pub.year, (pub.month - 1) // 3 + 1, QUARTER_SHIFT[word])
            return y, q, e
        if (rel or det) in QUARTER_BACK_WORDS or rel in QUARTER_BACK_WORDS:
            ref = self._reference(s)
            if ref:
                return ref[0], ref[1], e
            if pub is not None:  # the last quarter that has ended: the one a company reports on
                y, q = _shift_quarter(pub.year, (pub.month - 1) // 3 + 1, -1)
                return y, q, e
        return None

    def _reference(self, s: int) -> tuple[int, int] | None:
        i = bisect_left(self.quarters, (s,))
        if i and s - self.quarters[i - 1][0] < REFERENCE_REACH:
            return self.quarters[i - 1][1], self.quarters[i - 1][2]
        return None

    def quarters_named(self) -> None:
        text = self.text
        for m in at_word_starts(_QUARTER, text, self.start):
            s, e = m.span()
            b = _QUARTER_BACK.search(text, max(0, s - 60), s)
            if b is None or b.start() == s or m.group().endswith("s"):
                continue
            a = _QUARTER_AFTER.match(text, e)
            year: int | None
            if b["ord"]:
                q = ORDINALS[b["ord"].lower()]
                if q < 0:
                    found = self._quarter_of(b, s, e)  # "the last quarter": the one before this one
                    if found is None:
                        continue
                    year, q, _ = found
                else:
                    year = self._quarter_year(b, a, q, s)
                # "the third quarter ended Sept. 30": the day it ended is a date of its own
                end = a.end() if a is not None and not a["mon"] else e
            else:
                found = self._quarter_of(b, s, e)
                if found is None:
                    continue
                year, q, end = found
            bs = b.start() if b.start() < s else s
            if not self.taken.free(bs, end):
                continue
            if year is not None and not (b["yago"] or (b["rel"] or "").startswith(("year-", "comparable", "corr"))):
                self.quarters.append((bs, year, q))  # a quarter the text is about, not the one it compares with
            self.add(bs, end, type="date", date=_quarter(year, q) if year is not None else None)

    def halves(self) -> None:
        for m in at_word_starts(_HALF, self.text, self.start):
            b = _HALF_BACK.search(self.text, max(0, m.start() - 16), m.start())
            if b is None or not self.taken.free(b.start(), m.end()):
                continue
            year = int(m["yr"]) if m["yr"] else (self.published.year + YEAR_SHIFT.get(m["poss"].lower(), 0)
                                                 if self.published else None)
            h = 1 if b["ord"].lower() == "first" else 2
            self.add(b.start(), m.end(), type="date", date=f"{year:04d}-H{h}" if year else None)

    def year_before(self) -> None:
        """"a year earlier": the quarter the text is about, a year before; else the year before the last year
        the text named (or the publication year)."""
        for m in _near(_YEAR_BEFORE, _YEAR_WORDS, self.text, self.start):
            s, e = m.span()
            if not self.taken.free(s, e):
                continue
            ref = self._reference(s)
            if ref is None:
                continue  # a year before some day: the ago and year passes decide
            part = _PART_OF_YEAR.search(self.text, self.quarters[bisect_left(self.quarters, (s,)) - 1][0], s)
            if part is not None:
                # "for the nine months, … a year earlier": the same months of the year before
                self.add(s, e, type="date", date=f"{ref[0] - 1:04d}")
                continue
            self.add(s, e, type="date", date=_quarter(ref[0] - 1, ref[1]))

    def seasons(self) -> None:
        pub = self.published
        for m in at_word_starts(_SEASON, self.text, self.start):
            s, e = m.span()
            b = _SEASON_BACK.search(self.text, max(0, s - 30), s)
            if b is None and not m["yr"]:
                continue
            bs = b.start() if b else s
            if b and b["det"]:
                bs = s if not b["yr"] else b.start("yr")
                if b["det"].lower() == "the":
                    bs = b.start()
            if not self.taken.free(bs, e):
                continue
            year = int(m["yr"] or (b["yr"] if b and b["yr"] else 0)) or None
            if year is None and pub is not None:
                which = (b["which"] or "").lower() if b else ""
                year = pub.year + {"last": -1, "next": 1}.get(which.split()[0] if which else "", 0)
                if which == "this past" and SEASON_STARTS[m["s"]] > pub.month:
                    year -= 1
            self.add(bs, e, type="date", date=f"{year:04d}-{SEASON_CODES[m['s']]}" if year else None)

    def weekends(self) -> None:
        pub = self.published
        for m in at_word_starts(_WEEKEND, self.text, self.start):
            b = _WEEKEND_BACK.search(self.text, max(0, m.start() - 10), m.start())
            if b is None or not self.taken.free(b.start(), m.end()):
                continue
            first = None
            if pub is not None:
                which = b["which"].lower()
                ahead = which in ("next", "coming") or (which in ("this", "the") and (
                    self._future(m.start()) or pub.weekday() >= 5))
                saturday = pub + timedelta(days=5 - pub.weekday())  # this week's Saturday
                if not ahead and saturday > pub:
                    saturday -= timedelta(days=7)
                if which == "next" and pub.weekday() >= 5:
                    saturday += timedelta(days=7)
                first = saturday
            self.add(b.start(), m.end(), type="date_range", date=first.isoformat() if first else None,
                     date_end=(first + timedelta(days=1)).isoformat() if first else None, unit=CALENDAR_WEEK)

    def weeks_of_months(self) -> None:
        """"the last week of July": the ISO week holding the month's last Thursday (the first week, its first)."""
        pub = self.published
        for m in _near(_WEEK_OF_MONTH, _WEEK_WORDS, self.text, self.start):
            if not self.taken.free(*m.span()):
                continue
            month = MONTH_STARTS[m["mon"][:3].lower()]
            year = int(m["yr"]) if m["yr"] else None
            if year is None and pub is not None:
                year = pub.year if month <= pub.month or self._future(m.start()) else pub.year - 1
            value = None
            if year is not None:
                n = ORDINALS[m["ord"].lower()]
                first_thursday = date(year, month, 1) + timedelta(days=(3 - date(year, month, 1).weekday()) % 7)
                if n < 0:
                    nxt = date(year + month // 12, month % 12 + 1, 1)
                    thursday = nxt - timedelta(days=(nxt.weekday() - 3) % 7 or 7)
                else:
                    thursday = first_thursday + timedelta(weeks=n - 1)
                iso = thursday.isocalendar()
                value = f"{iso[0]:04d}-W{iso[1]:02d}"
            self.add(m.start(), m.end(), type="date", date=value)

    def _parts_named(self):
        """Matches of _PART_OF_NAMED_YEAR, tried only where " week of " and the like come before a year's name."""
        text, done = self.text, self.start
        hits = sorted(k + len(w) for w in _PART_WORDS for k in find_all(text, w, self.start))
        for k in hits:
            if k < done or not _PART_YEAR_AFTER.match(text, k):
                continue
            m = _PART_OF_NAMED_YEAR.search(text, max(done, k - 40), k + 12)
            if m is not None:
                done = m.end()
                yield m

    def parts_of_years(self) -> None:
        """"the first week of 2030" (ISO week 1), "the third month of next year", "the last four months of 2030"."""
        for m in self._parts_named():
            if not self.taken.free(*m.span()):
                continue
            if m["yr"]:
                year: int | None = int(m["yr"])
            else:
                year = self.published.year + YEAR_SHIFT[m["rel"]] if self.published else None
            value = _part_of_year(year, m["ord"].lower(), m["n"], m["unit"].rstrip("s")) if year else None
            if value is None and year is not None:
                continue
            first, last = value or (None, None)
            if first is not None and first == last:
                self.add(m.start(), m.end(), type="date", date=first.isoformat())
            elif first is not None and last is not None and m["unit"] == "week" and (last - first).days == 6:
                iso = first.isocalendar()
                self.add(m.start(), m.end(), type="date", date=f"{iso[0]:04d}-W{iso[1]:02d}")
            elif first is not None and last is not None and m["unit"].startswith("month") and \
                    (first.year, first.month) == (last.year, last.month):
                self.add(m.start(), m.end(), type="date", date=f"{first.year:04d}-{first.month:02d}")
            else:
                self._emit(m.start(), m.end(), first, last)

    def decades(self) -> None:
        pub = self.published
        for m in _near(_DECADE, _DECADE_WORDS, self.text, self.start, 12, inside=True):
            s, e = m.span()
            if s and (self.text[s - 1].isalnum() or self.text[s - 1] in "$£€"):
                continue
            b = _DECADE_BACK.search(self.text, max(0, s - 12), s)
            d = m["d"]
            if b is None and not d[0].isdigit():
                continue
            if d[0] in "’'":
                century = (pub.year // 100 * 100) if pub and int(d[1:]) <= pub.year % 100 else 1900
                first = century + int(d[1:])
            elif d.isdigit():
                first = int(d)
            else:
                first = (pub.year // 100 * 100 if pub and DECADE_WORDS[d] <= pub.year % 100 else 1900) + DECADE_WORDS[d]
            bs = b.start() if b else s
            if not self.taken.free(bs, e):
                continue
            lo, hi = DECADE_PARTS.get(((b["part"] or b["mid"]) or "").lower(), (0, 9)) if b else (0, 9)
            self.add(bs, e, type="date_range", date=f"{first + lo:04d}", date_end=f"{first + hi:04d}")

    def centuries(self) -> None:
        pub = self.published
        for m in at_word_starts(_CENTURY, self.text, self.start):
            b = _CENTURY_BACK.search(self.text, max(0, m.start() - 24), m.start())
            if b is None or not self.taken.free(b.start(), m.end()):
                continue
            if b["this"]:
                if pub is None:
                    self.add(b.start(), m.end(), type="date_range")
                    continue
                n = (pub.year - 1) // 100 + 1 + {"this": 0, "last": -1, "next": 1}[b["this"].lower()]
            else:
                n = int(b["n"]) if b["n"] else CENTURY_WORDS[b["w"].lower()]
            first = (n - 1) * 100
            lo, hi = {"early": (0, 30), "mid": (40, 60), "late": (70, 99)}.get((b["part"] or "").lower(), (0, 99))
            self.add(b.start(), m.end(), type="date_range", date=f"{first + lo:04d}", date_end=f"{first + hi:04d}")

    def periods(self) -> None:
        """"the 1989 period", "the latest period": the quarter the text is about (in that year)."""
        for m in _near(_PERIOD, _PERIOD_WORDS, self.text, self.start):
            s, e = m.span()
            ref = self._reference(s)
            if not self.taken.free(s, e):
                continue
            if ref is None:
                if m["yr"]:
                    self.add(s, e, type="date", date=m["yr"])
                continue
            year = int(m["yr"]) if m["yr"] else ref[0]
            self.add(s, e, type="date", date=_quarter(year, ref[1]))

    def past_spans(self) -> None:
        """"the past year", "the last decade": the span ending on the publication day."""
        pub = self.published
        for m in _near(_SPAN, _SPAN_LEAD_WORDS, self.text, self.start):
            s, e = m.span()
            ahead = m["dir"].lower() in ("next", "coming")
            if not self.taken.free(s, e) or m["n"] or ahead or not (m["the"] or m["dir"].lower() == "past"):
                # "last year", "next week": the calendar's; "the next year" refers back; "the past three years" says
                # how long (a duration, as TIMEX3 and quantity sets read it)
                continue
            unit = m["unit"].lower().rstrip("s").replace("centurie", "century")
            if pub is None:
                self.add(s, e, type="date_range")
                continue
            try:
                first = pub - relativedelta(**{SPAN_UNITS[unit][0]: SPAN_UNITS[unit][1]})
            except (ValueError, OverflowError):
                continue
            self._emit(s, e, first, pub)

    def the_year(self) -> None:
        """"the year", "the current year": the publication year; "that year", "the following year": the year of
        the date named before it."""
        pub = self.published
        for m in _near(_THE_YEAR, _YEAR_WORDS, self.text, self.start):
            if not self.taken.free(*m.span()):
                continue
            if _YEAR_LENGTH.match(self.text, m.end()):
                self.add(m.start(), m.end(), type="duration", number=1.0, unit="year")
                continue
            shift = FISCAL_SHIFT.get((m["rel"] or m["rel2"] or m["w"] or "").lower(), 0)
            self.add(m.start(), m.end(), type="date", date=f"{pub.year + shift:04d}" if pub else None)


_REF_DAY = re.compile(
    r"\b(?:(?:[Ll]ater|[Ee]arlier)\s+(?:that|the\s+same)\s+day|[Tt]hat\s+(?:same\s+)?day|[Tt]he\s+same\s+day"
    r"|[Tt]he\s+(?P<dir>following|next|previous|prior|preceding)\s+day|[Tt]he\s+day\s+(?P<dir2>before|after)"
    r"(?!\s+(?:yesterday|tomorrow)))\b")
_DAY_AROUND_TODAY = re.compile(r"\b[Tt]he\s+day\s+(?P<dir>before\s+yesterday|after\s+tomorrow)\b")


def day_references(text: str, published: date | None, start: int, taken, add,
                   dated: list[tuple[int, str]]) -> None:
    """"later that day", "the day before", "the same day": the day of the nearest full date before it, moved;
    "the day after tomorrow" two days after publication."""
    for m in _near(_DAY_AROUND_TODAY, _DAY_WORDS, text, start):
        if taken.free(*m.span()):
            days = 2 if m["dir"].startswith("after") else -2
            add(m.start(), m.end(), type="date",
                date=(published + timedelta(days=days)).isoformat() if published else None)
    days_only = [(p, v) for p, v in dated if len(v) == 10]
    for m in _near(_REF_DAY, _DAY_WORDS, text, start):
        s, e = m.span()
        if not taken.free(s, e):
            continue
        i = bisect_left(days_only, (s,))
        if not i or s - days_only[i - 1][0] > 1500:
            continue
        direction = (m["dir"] or m["dir2"] or "").lower()
        day = date.fromisoformat(days_only[i - 1][1]) + timedelta(days=DAY_SHIFT.get(direction, 0))
        add(s, e, type="date", date=day.isoformat())


def _part_of_year(year: int, ord_word: str, count: str | None, unit: str) -> tuple[date, date] | None:
    """First and last day of the ``count`` weeks, months or days a part of ``year`` names: "first"/"last"
    ``count`` of them, or the one an ordinal counts to (weeks are ISO weeks, from the one holding January 4)."""
    n = words_value(count) if count and not count.isdigit() else (int(count) if count else 1)
    if not n or n != int(n):
        return None
    n = int(n)
    if ord_word in ("first", "last", "final"):
        k = 1 if ord_word == "first" else None
    else:
        k = en.ORDINAL_WORDS.get(ord_word) or int(ord_word.rstrip("stndrh") or 0)
        if count:
            return None  # "the second two weeks of 2030": no such phrase
    units = {"week": 53 if date(year, 12, 28).isocalendar()[1] == 53 else 52, "month": 12,
             "day": (date(year + 1, 1, 1) - date(year, 1, 1)).days}[unit]
    k = units - n + 1 if k is None else k
    if not 1 <= k or k + n - 1 > units:
        return None
    if unit == "week":
        return date.fromisocalendar(year, k, 1), date.fromisocalendar(year, k + n - 1, 7)
    if unit == "month":
        end = date(year + (k + n - 1) // 12, (k + n - 1) % 12 + 1, 1) - timedelta(days=1)
        return date(year, k, 1), end
    return date(year, 1, 1) + timedelta(days=k - 1), date(year, 1, 1) + timedelta(days=k + n - 2)


def find_periods(text: str, published: date | None, start: int, taken, add) -> None:
    """Quarters, halves, seasons, weekends, decades, centuries, fiscal years and "a year earlier" in
    ``text[start:]``, each given to ``add`` as a date or date_range."""
    Periods(text, published, start, taken, add).run()


def year_references(text: str, start: int, taken, add, dated: list[tuple[int, str]],
                    published: date | None = None) -> None:
    """"that year", "the following year", "a year later": the year of the nearest date before it, moved; "a year
    earlier" with no date before it in its sentence, the year before publication.
    ``dated``: (position, ISO value) of the dates found, in text order."""
    for m in _near(_REF_YEAR, _YEAR_WORDS, text, start):
        s, e = m.span()
        if not taken.free(s, e) or _COUNT_BEFORE.search(text, max(0, s - 20), s):
            continue  # "one year after he was killed": a length of time from an event, not a date
        direction = (m["dir"] or m["dir2"] or "").lower()
        i = bisect_left(dated, (s,))
        near = bool(i) and s - dated[i - 1][0] <= 1500
        same_sentence = near and not _SENTENCE_END.search(text, dated[i - 1][0], s)
        if m["dir2"] and direction in ("earlier", "before") and not same_sentence and published is not None:
            add(s, e, type="date", date=f"{published.year - 1:04d}")
            continue
        if not near:
            continue
        year = int(dated[i - 1][1][:4]) + YEAR_SHIFT.get(direction, 0)
        add(s, e, type="date", date=f"{year:04d}")
