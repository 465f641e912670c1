"""Dates in news text, resolved against the publication date (python-dateutil does the arithmetic).

Without a publication date, anything relative ("Tuesday", "in July", "Sept. 27" without a year) keeps its
text and gets no value: never guess.
"""
from __future__ import annotations

import re
from calendar import isleap
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta

from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from .drafts import ValueDraft
from .holidays import find_holidays
from .lexicon import en
from .numbers import SPOKEN_YEAR, WORD_NUMBER, spoken_year, words_value
from .periods import day_references, find_periods, year_references
from .wordre import alternation, at_word_starts, find_all

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": MO, "tuesday": TU, "wednesday": WE, "thursday": TH, "friday": FR, "saturday": SA,
            "sunday": SU}
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "dozen": 12, "a dozen": 12,
}
# days of the month as ordinal words ("the fourth of July")
ORDINAL_DAYS = {w: n for n, w in enumerate(
    ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
     "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth twenty-first twenty-second twenty-third "
     "twenty-fourth twenty-fifth twenty-sixth twenty-seventh twenty-eighth twenty-ninth thirtieth "
     "thirty-first").split(), start=1)}
_M = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
      r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)")
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUMW = r"(?:\d{1,3}|" + "|".join(sorted((w for w in NUMBER_WORDS if " " not in w), key=len, reverse=True)) + ")"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_PREP = (r"(?:in|since|by|until|till|from|during|of|before|after|early|late|mid-|mid|around|through|"
         r"throughout|between|last|next|this|until|circa|as of|as early as|starting)")

# "2030-10-09" (ISO 8601) and "10/9/2030" (month first, as American English writes it; day first when the first
# number cannot be a month: "22/04/2030")
_ISO_DATE = re.compile(rf"(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\d-])")
_NUMERIC_JOIN = re.compile(r"[-/](?=\d)")
_SLASH_DATE = re.compile(rf"(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>{_YEAR})(?![\d/])")
# "10/1/2030 - 10/7/2030", "10/1-10/7/2030": a span of days, as "March 3-5" is
_SLASH_RANGE = re.compile(rf"(?P<a1>\d{{1,2}})/(?P<b1>\d{{1,2}})(?:/(?P<y1>{_YEAR}))?\s*[-–]\s*"
                          rf"(?P<a2>\d{{1,2}})/(?P<b2>\d{{1,2}})/(?P<y2>{_YEAR})(?![\d/])")
_MONTH_ANCHOR = re.compile(rf"{_M}(?:[’']s)?(?![\w’'])")  # "November's election" too
# month names in lower case, as chat and comments write them ("july 4th", "28 june"): found by str.find on their
# first three letters, since a pattern starting with lower-case letters is tried almost everywhere
MONTHS_IN_FULL = ("may", "june", "july")  # the months whose full name is four letters or fewer
_LOWER_MONTH = re.compile(rf"(?:{alternation(m for m in MONTHS if len(m) > 4 or m in MONTHS_IN_FULL)}"
                          rf"|{alternation(m for m in MONTHS if len(m) <= 4 and m not in MONTHS_IN_FULL)}\.?)"
                          r"(?![\w’'])")
_LOWER_MONTH_STEMS = tuple(sorted({m[:3] for m in MONTHS}))
# what must stand beside a lower-case month that is also a word ("may", "march", "dec"): a day or a year
_HOMOGRAPH_AFTER = re.compile(
    rf"\s+(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)\b|\d{{1,2}}(?=\s*(?:[.,;:!?)]|$|{_YEAR}\b))"
    rf"|(?:of\s+|in\s+)?{_YEAR}\b|{alternation(ORDINAL_DAYS)}\b)")
_FIGURE_AFTER = re.compile(r"[\s-]*\d")
_FIGURE_BEFORE = re.compile(r"\d(?:st|nd|rd|th)?[\s-]+(?:of\s+)?$")
_HOMOGRAPH_BEFORE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)\s+(?:of\s+)?$|\b\d{1,2}\s+of\s+$")
_AFTER_MONTH = re.compile(
    rf"\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,\d|\.\d|:\d)(?:\s*(?P<sep>-|–|to|through|until|and)\s*(?:(?P<mon2>{_M})\s+)?"
    rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b)?(?:(?:\s?,?\s+(?:of\s+)?|\s+in\s+)(?P<year>{_YEAR})\b)?|(?:\s+of|\s+in)?\s+(?P<yonly>{_YEAR})\b")
_SPOKEN_ORDINALS = alternation([w.replace("-", " ") for w in ORDINAL_DAYS if "-" in w])  # "twenty second"
# "3 March", "the third of March", "the 15th day of June", "the twenty-third day of September"
_DAY_BEFORE_MONTH = re.compile(
    rf"(?:(?<![\d,.])(?P<day>\d{{1,2}})(?:st|nd|rd|th)?|\b(?P<word>{alternation(ORDINAL_DAYS)}|{_SPOKEN_ORDINALS}))"
    rf"\s+(?:day\s+)?(?:of\s+)?$", re.I)
# a day something ended on has passed ("the quarter ended June 30")
_ENDED_BACK = re.compile(r"\b(?:ended|expired)\s+(?:on\s+)?$")
# "June 28, 2030", "28 June of 2030", "28 June in 2030"
_ON_BEFORE = re.compile(r"\b[Oo]n\s+$")
_MONTH_SPAN_AFTER = re.compile(rf"\s?[-–]\s?(?P<m2>{_M})(?![\w’'])\s+(?P<year>{_YEAR})\b")
_MID_BACK = re.compile(r"\b(?:[Mm]id-?\s*|[Tt]he\s+middle\s+of\s+)$")
_YEAR_AFTER = re.compile(rf"(?:,?\s+(?:of\s+)?|\s+in\s+)(?P<year>{_YEAR})\b")
_PREP_BEFORE = re.compile(rf"\b(?:{_PREP}|to|the|a)\s+(?:(?:early|late|mid-?)\s*)?$|\bmid-$", re.I)
_WEEKDAY_ANCHOR = re.compile(rf"{_WD}\b")
# a weekday in lower case ("on friday"), found from its "day"
_LOWER_WEEKDAY_BACK = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)$")
_LOWER_WEEKDAY = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")
_WEEKDAY_BEFORE = re.compile(
    r"(?:\b(?P<part>[Ll]ate|[Ee]arly)\s+(?:on\s+)?)?(?:\b(?P<prep>[Oo]n|by|until|till|starting|from|since|"
    r"beginning|next|last|this|before|after|through|previous|following|coming|as\s+early\s+as|as\s+soon\s+as)\s+)?"
    r"(?:\(?\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am|pm|noon)\s+(?:[A-Z]{2,4}\s+)?)?$")  # "until 9 a.m. EST Tuesday"
_DAYS_TAIL = (rf"\s+(?P<w>starting|from|beginning|commencing)(?:\s+(?:on|from))?\s+(?:(?P<next>next)\s+)?"
              rf"(?:(?P<wd>{_WD})|(?P<mon>{_M})\s+(?P<day>\d{{1,2}}))\b")
# one pattern a unit, each starting with its word (a literal the engine finds fast)
_DAYS_ANCHORS = (re.compile(rf"(?P<u>days){_DAYS_TAIL}"), re.compile(rf"(?P<u>weeks){_DAYS_TAIL}"))
_DAYS_BEFORE = re.compile(rf"\b(?P<the>(?:[Tt]he|[Ff]or)\s+)?(?:(?P<which>next|following|first)\s+)?(?P<n>{_NUMW})\s+$")
_YEAR_ANCHOR = re.compile(rf"{_YEAR}\b(?!,\d|\.\d|\s*(?:%|per\b))")
# "2019-24", "1990–1995": one span of years; "from 1991 to 1997" and "between 1994 and 1997" stay two years, as
# TIMEX3 annotates them (offsets.py keeps "to" between two days apart the same way)
_YEAR_RANGE_AFTER = re.compile(rf"\s*(?:-|–)\s*(?P<y2>{_YEAR}|\d\d)\b(?![\d,])")
_YEAR_BEFORE = re.compile(
    rf"\b(?:{_PREP}|the|of|year|in the|a|an|its|his|her|their|our|both|into|for|due|than)\s+$|\bmid-$|\w[’']s\s+$",
    re.I)
# words before a year that make it one even before a plural noun ("the 1990 elections", "in 1990 voters")
_STRONG_YEAR_BEFORE = re.compile(
    r"\b(?:the|its|his|her|their|our|this|that|in|since|by|until|during|before|after|early|late|mid)\s+$|\w[’']s\s+$",
    re.I)
# a lower-case word after a year, and the word before it
_SINGULAR_AFTER = re.compile(r"\s(?P<w>[a-z]{3,})\b(?![-’'])")
_WORD_BEFORE = re.compile(r"\b(?P<w>[A-Za-z]+)\s$")
# a plural noun after a number: what it counts
_COUNT_AFTER = re.compile(r"\s+(?:people|men|women|children|[a-z]+[^s\W]s)\b")
# words one of which a year read aloud holds ("nineteen ninety-six", "two thousand"): cheap to look for first
_SPOKEN_YEAR_WORDS = ("ineteen", "ighteen", "wenty", "thousand")
_UNIT_AFTER = re.compile(r"\s+(?:years?|days?|months?|weeks?|people|dollars|times)\b")
_MONTH_BACK = re.compile(rf"\b(?P<m>{_M})\s+(?:of\s+)?$")
# a day of the month in figures, words or an ordinal, then its month, or the month first: before a spoken year
_DAY_WORD = (rf"(?:\d{{1,2}}(?:st|nd|rd|th)?|{alternation(ORDINAL_DAYS)}|"
             rf"{_SPOKEN_ORDINALS}|{WORD_NUMBER})")
# words that may follow a day named by an ordinal ("on March the third at noon"), not a noun it qualifies
# ("the March second round")
_AFTER_A_DAY = ("in", "at", "on", "and", "or", "to", "when", "after", "before", "from", "until", "by", "for", "with",
                "this", "next", "last", "is", "was", "will", "would")
_ORDINAL_INITIALS = frozenset("fstenFSTEN")  # first … twelfth, twenty-…, thirty-…, "the"
_ORDINAL_AFTER = re.compile(
    rf"\s+(?:the\s+)?(?P<w>{alternation(ORDINAL_DAYS)}|{_SPOKEN_ORDINALS})"
    rf"\b(?:,?\s+(?P<year>{_YEAR})\b)?(?![\w-])(?=\s*(?:[.,;:!?)\"”]|$|\s(?:{alternation(_AFTER_A_DAY)})\b))", re.I)
# "on the 18th", "by the 3rd": a day of the month named alone, near the publication date
_THE_NTH = re.compile(r"the\s+(?P<d>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)(?![\w-])(?=\s*(?:[.,;:!?)\"”]|$|\s(?:"
                      + alternation(_AFTER_A_DAY) + r")\b))")
_NTH_PREP_BACK = re.compile(r"\b(?:[Oo]n|[Bb]y|[Uu]ntil|[Tt]ill|[Ss]ince|[Ff]rom|[Bb]efore|[Aa]fter)\s+$")
# "the year to date", "year-to-date": from January 1 to the publication date
_YEAR_TO_DATE = re.compile(r"(?:[Tt]he\s+)?[Yy]ear[\s-]to[\s-]date\b")
_SPOKEN_DAY_BACK = re.compile(rf"(?:\b(?P<m1>{_M})\s+(?:the\s+)?(?P<d1>{_DAY_WORD})|\b(?:the\s+)?(?P<d2>{_DAY_WORD})\s+"
                              rf"(?:of\s+)?(?P<m2>{_M}))\s+$", re.I)
_YEAR_MONTH = re.compile(r"\d{4}-\d\d")
_BARE_MONTH = re.compile(rf"(?:(?:early|late|mid-?)\s*)?{_M}")
_MONTH_JOIN = re.compile(r"\s*(?:to|through|until|till|and|-|–)\s*")
_FROM_BETWEEN = re.compile(r"\b(?:[Ff]rom|[Bb]etween)\s+$")
_THE_YEAR_BACK = re.compile(r"\b[Tt]he\s+year\s+$")
# "in 2024 and 2025", "from 1991 to 1997": a year after a year
_LISTED_YEAR_BEFORE = re.compile(rf"\b{_YEAR},?\s+(?:and|or|to|through|till|until)\s+$|\b{_YEAR},\s+$")
_BETWEEN = re.compile(r"\bbetween\s+$", re.I)
_DATE_AFTER_WEEKDAY = re.compile(rf",?\s+(?:{_M}\s+\d|\d{{1,2}}(?:st|nd|rd|th)?\s+{_M})")
# "Friday the 26th", "Monday 13th", "Tuesday the eleventh": a weekday and its day of the month
_NTH_AFTER_WEEKDAY = re.compile(
    rf",?\s+(?:the\s+(?P<w>{alternation(ORDINAL_DAYS)}|{_SPOKEN_ORDINALS})\b(?!-)"
    rf"|(?:the\s+)?(?P<d>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b)"
    rf"(?=\s*(?:[.,;:!?)\"”]|$|\s(?:{alternation(_AFTER_A_DAY)})\b))", re.I)
_OF_WEEK = re.compile(r"\s+of\s+(?P<w>last|this|next)\s+week\b")
_WEEKDAY_TO = re.compile(rf"\s+(?:to|through|until|till|and|-|–)\s+(?P<wd>{_WD})\b")
_AGO = re.compile(r"ago\b")
_OR_SO_BACK = re.compile(r"\s+or\s+so\s+$")  # "a week or so ago"
_AGO_BEFORE = re.compile(rf"\b(?P<n>{_NUMW}|an?|A)\s+(?P<unit>days?|weeks?|months?|years?|decades?)\s+$")
# "yesterday", "today", "tomorrow"; "last/this/next" before "year", "month", "week" (found by the unit word)
_RELATIVE_DAY = re.compile(alternation(["yesterday", "today", "tomorrow", "tonight", "Yesterday", "Today", "Tomorrow",
                                        "Tonight"]) + r"\b")
# parts of a day after "this" or "last": "this morning" is the publication day, "last night" the day before
PARTS_OF_DAY = ("morning", "afternoon", "evening", "night")
_PART_OF_DAY_BACK = re.compile(r"(?<![Tt]he )\b(?P<w>[Ll]ast|[Tt]his)\s+$")
_PART_OF_DAY = re.compile(alternation(PARTS_OF_DAY) + r"\b")
_RELATIVE_UNIT = re.compile(r"(?:year|month|week)\b")
# "today", "tomorrow", "yesterday" less their first letter (which may be a capital)
_RELATIVE_TAILS = ("oday", "omorrow", "esterday", "onight")
_RELATIVE_BACK = re.compile(r"\b(?P<w>[Ll]ast|[Tt]his|[Nn]ext)\s+$")
# "by the end of the year", "the end of next month", "the end of this week": anchored on its words, then back over
# "by the"
_END_OF_YEAR = re.compile(r"end\s+of\s+(?P<w>the|this|next|last)\s+(?P<u>year|month|week)\b")
# the unit "the end of the …" shifts by, from the one holding the publication date
_END_SHIFT = {"the": 0, "this": 0, "next": 1, "last": -1}
# "by year-end", "since year end", "by year's end": the last day of this year (of last year after "since")
_YEAR_END = re.compile(r"year(?:-|\s|[’']s\s+)end\b")
_YEAR_END_BACK = re.compile(r"\b(?P<prep>by|since|at|before|until|after|around|from|to|through)\s+$", re.I)
_END_BACK = re.compile(r"(?:\b[Bb]y\s+)?\b[Tt]he\s+$")
# "Last year's budget was signed … in August": a month in a sentence about last year is last year's
_LAST_YEAR = re.compile(r"\b[Ll]ast\s+year\b")
# past tense around a month with no year ("closed in October"): the most recent such month that has passed
_PAST = re.compile(r"\b(?:was|were|had|did|said|went|came|took|made|fell|rose|won|lost|began|[a-z]{3,}ed)\b")
# a reporting verb or past tense after a future cue: the weekday dates the report, not what it looks ahead to
_REPORTED = re.compile(r"\b(?:says|told|said|was|were|had|did|went|came|took|made|fell|rose|won|lost|began)\b"
                       r"|(?<!\bbe )(?<!\bbeen )(?<!\ba )(?<!\ban )(?<!\bthe )(?<!\bstill )(?<!\byet )\b[a-z]{3,}ed\b")
# "will be held", "a still unspecified date", "the revised plan": no past tense, the sentence still looks ahead
# words that make a clause a supposition; the marks that end the clause before it
_HYPOTHESIS = re.compile(r"(?:^|[,;:(“\"]\s*|\b(?:even|and|but|or|that)\s+)(?:[Ii]f|[Uu]nless)\b"
                         r"|\b(?:[Ss]uppose|[Ss]upposing|[Ii]magine|[Ww]ere\s+it|[Hh]ad\s+it)\b")
_CLAUSE_BACK = re.compile(r"[.;:!?“\"(]|,\s+(?:but|and|while)\b")
_SENTENCE_BACK = re.compile(r"(?<![ap]\.m)[.!?][\"”’']?\s+(?=[A-Z“\"‘'])|\n")  # a paragraph break ends one too
_FUTURE = re.compile(r"\b(?:will|shall|’ll|'ll|is to|are to|set to|due to|scheduled|expected\s+(?:to|in|by|on)|"
                     r"expects? to|intends? to|aims? to|hopes? to|to be \w+ed|going to|plans? to|planned|"
                     r"planning\s+(?:to|for)|would|(?:agreed|agreement|decided|voted|promised|pledged|vowed)\s+to\s+"
                     r"(?!(?:the|an?|this|that|these|those|its|their|his|her|our|some|all|it|them|him)\b)[a-z]+|"
                     r"next(?!\s+to\b)|upcoming|coming)\b")
# where a sentence opens: before "On Tuesday, …"
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?][\"”’']?\s+|\n)(?:[Oo]n\s+|[Bb]y\s+)?$")
# present-tense verbs of a timetable: before a weekday they say it is still to come ("the panel meets Friday")
SCHEDULE_VERBS = frozenset(
    "meet meets begin begins start starts open opens resume resumes reopen reopens close closes end ends "
    "return returns arrive arrives visit visits vote votes convene convenes kick kicks expire expires "
    "travel travels".split())
_SCHEDULED_BACK = re.compile(r"\b(?P<v>[a-z]+)\s+(?:(?:again|separately|formally|jointly|off|back)\s+)?(?:on\s+)?$")
# past tenses that report what someone said rather than what happened
REPORTING_PAST = frozenset({"said", "told", "announced", "reported", "added", "stated", "warned", "confirmed",
                            "disclosed", "revealed"})
_MONTH_WORD_BACK = re.compile(r"\b(?P<w>[Tt]his|[Ll]ast|[Nn]ext|by|until|till|through)\s+(?:(?:early|late|mid-?)\s*)?$")
# "next Friday", "last Wednesday": a weekday of the calendar week after or before the publication's
WEEK_SHIFT = {"next": 1, "last": -1, "previous": -1}
_FUTURE_PREP = frozenset({"by", "until", "till", "starting", "beginning", "next", "as early as", "as soon as"})


# the days "yesterday", "tonight" and the like lie from the publication day
_DAY_SHIFTS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}


def iso_week(day: date) -> str:
    """The ISO week holding ``day``, as TIMEX3 writes it: "2031-W15"."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _number(word: str) -> int | None:
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word.lower())


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _year_for(month: int, published: date | None, context: str, day: int | None = None,
              passed: bool = False) -> int | None:
    """The year of a date named without one: the nearest to the publication date, news being mostly about
    the recent past, so a date to come counts as farther away unless the words around it look ahead
    ("in February" in a September story is the February before; "by March 9" in a February story is the
    coming one). ``passed``: the words say the day has gone ("the quarter ended June 30")."""
    if published is None:
        return None
    if passed:
        return published.year if (month, day or 1) <= (published.month, published.day) else published.year - 1
    weight = 1.0 if _FUTURE.search(context) else 2.5
    best, cost = published.year, None
    years: Iterable[int] = (published.year - 1, published.year, published.year + 1)
    if (month, day) == (2, 29):
        years = [y for y in range(published.year - 4, published.year + 5) if isleap(y)]  # a leap day's year
    for year in years:
        delta = (date(year, month, min(day or 15, 29 if (month, day) == (2, 29) else 28)) - published).days
        c = -delta if delta <= 0 else delta * weight
        if cost is None or c < cost:
            best, cost = year, c
    return best


def _weekday_date(name: str, published: date, future: bool, strict: bool) -> date:
    wd = WEEKDAYS[name.lower()]
    if future:
        d = published + relativedelta(weekday=wd(+1))
        return d + timedelta(days=7) if strict and d == published else d
    d = published + relativedelta(weekday=wd(-1))
    return d - timedelta(days=7) if strict and d == published else d


class Taken:
    """Characters already used by a value, so a later pattern does not read them again (one byte a
    character: a look-up is a C-level scan, not a walk over every value found so far)."""

    def __init__(self, size: int) -> None:
        self.mask = bytearray(size)

    def free(self, s: int, e: int) -> bool:
        return self.mask.find(1, s, e) < 0

    def take(self, s: int, e: int) -> None:
        self.mask[s:e] = b"\x01" * (e - s)


def find_dates(text: str, published: date | None, start: int = 0, taken: Taken | None = None) -> list[ValueDraft]:
    """Every date and date range in ``text[start:]``; relative ones without a value when ``published`` is
    None. Each pattern is anchored on a month, weekday or year name and looks back a few characters."""
    taken = taken if taken is not None else Taken(len(text))
    out: list[ValueDraft] = []
    if published is not None and not _ANCHORABLE[0] <= published <= _ANCHORABLE[1]:
        published = None  # too near the calendar's ends to count days from: no relative values, not a crash

    def add(s: int, e: int, **kw) -> None:
        out.append(ValueDraft(text=text[s:e], start=s, end=e, **kw))
        taken.take(s, e)

    _numeric_dates(text, start, taken, add)
    _day_spans(text, published, start, taken, add)
    _spoken_years(text, start, taken, add)
    find_holidays(text, published, start, taken, add, _looks_ahead, _past_tense)
    _end_of_year(text, published, start, taken, add)
    _year_end(text, published, start, taken, add)
    find_periods(text, published, start, taken, add)
    day_references(text, published, start, taken, add, [])  # "the day after tomorrow" before "tomorrow"
    _ago(text, published, start, taken, add)
    if "the " in text:
        _days_of_the_month(text, published, start, taken, add)
    if "to date" in text or "to-date" in text:
        _year_to_date(text, published, start, taken, add)
    _months(text, published, start, taken, add)
    _years(text, start, taken, add)
    _weekdays(text, published, start, taken, add)
    for rs, re_, which in _relatives(text, start):
        if not taken.free(rs, re_):
            continue
        value = None
        if published is not None and not _hypothetical(text, rs):
            if which.endswith("week"):
                # "last week": the ISO week (Monday to Sunday) before this one; "this week", "next week" likewise
                shift = {"last": -1, "this": 0, "next": 1}[which.split()[0]]
                value = iso_week(published + timedelta(weeks=shift))
                add(rs, re_, type="date", date=value)
                continue
            elif which in _DAY_SHIFTS:
                value = (published + timedelta(days=_DAY_SHIFTS[which])).isoformat()
            else:
                shift = {"last": -1, "this": 0, "next": 1}[which.split()[0]]
                if which.endswith("year"):
                    value = f"{published.year + shift:04d}"
                else:
                    d = published + relativedelta(months=shift)
                    value = f"{d.year:04d}-{d.month:02d}"
        add(rs, re_, type="date", date=value)
    out = _month_pairs(text, out)
    dated = sorted((v.start, v.date) for v in out if v.date and v.date[:4].isdigit())
    year_references(text, start, taken, add, dated, published)
    day_references(text, published, start, taken, add, dated)
    return out


_ANCHORABLE = (date(2, 1, 1), date(9998, 12, 31))


def _safe_date(year: int | None, month: int, day: int) -> date | None:
    if not year:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _numeric_dates(text, start, taken, add) -> None:
    """"2030-10-09", "10/9/2030", "22/04/2030": a day written in figures, with its year."""
    # the patterns are tried only where a hyphen or slash comes before a digit (found fast), at the few places a
    # date holding it could start
    for h in _NUMERIC_JOIN.finditer(text, start):
        k = h.start()
        for s in ((k - 4,) if text[k] == "-" else (k - 2, k - 1)):
            if s < start or (s and (text[s - 1].isalnum() or text[s - 1] == "_")) or not text[s].isdigit():
                continue
            _numeric_date_at(text, s, taken, add)


def _numeric_date_at(text, s, taken, add) -> None:
    m = _ISO_DATE.match(text, s)
    if m is not None:
        d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        if d is not None and taken.free(*m.span()):
            add(m.start(), m.end(), type="date", date=d.isoformat())
        return
    m = _SLASH_RANGE.match(text, s)
    if m is not None:
        d2 = _slash_day(m["a2"], m["b2"], m["y2"])
        d1 = _slash_day(m["a1"], m["b1"], m["y1"] or m["y2"])
        if d1 is not None and d2 is not None and d1 < d2 and taken.free(*m.span()):
            add(m.start(), m.end(), type="date_range", date=d1.isoformat(), date_end=d2.isoformat())
            return
    m = _SLASH_DATE.match(text, s)
    if m is not None:
        d = _slash_day(m["a"], m["b"], m["y"])
        if d is not None and taken.free(*m.span()):
            add(m.start(), m.end(), type="date", date=d.isoformat())


def _slash_day(a: str, b: str, year: str) -> date | None:
    """Month first, as American English writes it; day first when the first number cannot be a month."""
    x, y = int(a), int(b)
    month, day = (y, x) if x > 12 else (x, y)
    return _safe_date(int(year), month, day)


def _day_spans(text, published, start, taken, add) -> None:
    """"the four days starting Friday": that Friday through the following Monday; "two weeks starting May 20"."""
    for m in (m for anchor in _DAYS_ANCHORS for m in at_word_starts(anchor, text, start)):
        b = _DAYS_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if b is None or not taken.free(b.start(), m.end()):
            continue
        if m["w"] == "from" and not (b["the"] or b["which"]):
            continue  # "three days from Tuesday" is the Friday, a distance from a day (offsets.py)
        n = _number(b["n"])
        first = None
        if published is not None and n:
            if m["mon"]:
                first = _safe_date(published.year, _month(m["mon"]), int(m["day"]))
            else:
                first = _weekday_date(m["wd"], published, future=True, strict=bool(m["next"]))
        days = (n or 1) * (7 if m["u"] == "weeks" else 1)
        add(b.start(), m.end(), type="date_range", date=first.isoformat() if first else None,
            date_end=(first + timedelta(days=days - 1)).isoformat() if first else None)


def _month_anchors(text: str, start: int) -> list[re.Match]:
    """Month names in text order: capitalised, and in lower case where a day or a year makes them a month."""
    found = list(at_word_starts(_MONTH_ANCHOR, text, start))
    lower = [m for stem in _LOWER_MONTH_STEMS for k in find_all(text, stem, start)
             if not (k and (text[k - 1].isalnum() or text[k - 1] == "_"))
             and (m := _LOWER_MONTH.match(text, k)) is not None and _lower_month_dated(text, m)]
    return sorted(found + lower, key=lambda m: m.start()) if lower else found


def _lower_month_dated(text: str, m: re.Match) -> bool:
    """Whether a month name in lower case is one: "july" always; "may", "march" or "dec" only beside a day or a
    year ("may 5th", "the 9th of march", "dec 2030")."""
    word = m.group().rstrip(".")
    if word not in en.MONTH_HOMOGRAPHS:
        # a short form ("dec", "sept.") only against a figure: "dec 3", "sept. 2030", "5 oct"
        return len(word) > 4 or word in MONTHS_IN_FULL or bool(
            _FIGURE_AFTER.match(text, m.end()) or _FIGURE_BEFORE.search(text, max(0, m.start() - 8), m.start()))
    return bool(_HOMOGRAPH_AFTER.match(text, m.end())
                or _HOMOGRAPH_BEFORE.search(text, max(0, m.start() - 10), m.start()))


def _months(text, published, start, taken, add) -> None:
    for m in _month_anchors(text, start):
        s, e = m.span()
        if not taken.free(s, e):
            continue
        mon = _month(m.group().removesuffix("’s").removesuffix("'s"))
        span = _MONTH_SPAN_AFTER.match(text, e)
        if span is not None and taken.free(s, span.end()):
            # "June-August 2030", "Nov-Feb 2031": the first day of one month to the last of the other
            year, mon2 = int(span["year"]), _month(span["m2"])
            first = date(year - (mon > mon2), mon, 1)
            add(s, span.end(), type="date_range", date=first.isoformat(),
                date_end=(date(year, mon2, 1) + relativedelta(day=31)).isoformat())
            continue
        context = text[max(0, s - 40):e + 40]
        f = _AFTER_MONTH.match(text, e)
        if f and f["d1"]:
            yr = int(f["year"]) if f["year"] else _year_for(mon, published, context, int(f["d1"]),
                                                            _ENDED_BACK.search(text, max(0, s - 12), s) is not None)
            if f["d2"] and f["sep"] == "and" and not _BETWEEN.search(text, max(0, s - 10), s):
                # "on Sept. 23 and 27" names two days, not the days between them
                d = _safe_date(yr, mon, int(f["d1"]))
                add(s, f.end("d1"), type="date", date=d.isoformat() if d else None)
                d2 = _safe_date(yr, _month(f["mon2"]) if f["mon2"] else mon, int(f["d2"]))
                add(f.start("mon2") if f["mon2"] else f.start("d2"), f.end("d2"), type="date",
                    date=d2.isoformat() if d2 else None)
            elif f["d2"]:
                a, b = _day_pair(yr, mon, int(f["d1"]), _month(f["mon2"]) if f["mon2"] else mon, int(f["d2"]),
                                 bool(f["year"]))
                add(s, f.end(), type="date_range", date=a.isoformat() if a else None,
                    date_end=b.isoformat() if b else None)
            else:
                d = _safe_date(yr, mon, int(f["d1"]))
                add(s, f.end(), type="date", date=d.isoformat() if d else None)
            continue
        # (an ordinal word or "the" comes next: tried only then, months being frequent)
        spoken = _ORDINAL_AFTER.match(text, e) if text[e + 1:e + 2] in _ORDINAL_INITIALS else None
        if spoken and (mon != 5 or _PREP_BEFORE.search(text, max(0, s - 24), s)
                       or _ON_BEFORE.search(text, max(0, s - 4), s)):
            # "February twenty-second", "March the third, 2030"
            day = _day_number(spoken["w"])
            yr = int(spoken["year"]) if spoken["year"] else _year_for(mon, published, context, day)
            d = _safe_date(yr, mon, day)
            add(s, spoken.end(), type="date", date=d.isoformat() if d else None)
            continue
        before = _DAY_BEFORE_MONTH.search(text, max(0, s - 28), s)
        if before:
            day = int(before["day"]) if before["day"] else _day_number(before["word"])
            y = _YEAR_AFTER.match(text, e)
            yr = int(y["year"]) if y else _year_for(mon, published, context, day)
            d = _safe_date(yr, mon, day)
            add(before.start(), y.end() if y else e, type="date", date=d.isoformat() if d else None)
            continue
        if f and f["yonly"]:
            add(s, f.end(), type="date", date=f"{int(f['yonly']):04d}-{mon:02d}")
            continue
        possessive = m.group().endswith(("’s", "'s"))
        if not possessive and not _PREP_BEFORE.search(text, max(0, s - 24), s):
            continue  # "May" alone is the modal verb; a bare month name without a preposition is too vague
        yr = _bare_month_year(text, s, e, mon, published) if published is not None else None
        mid = _MID_BACK.search(text, max(0, s - 18), s)
        if mid is not None:
            # "mid-November", "the middle of October": its 10th to its 20th
            add(mid.start(), e, type="date_range", date=f"{yr:04d}-{mon:02d}-10" if yr else None,
                date_end=f"{yr:04d}-{mon:02d}-20" if yr else None)
            continue
        add(s, e, type="date", date=f"{yr:04d}-{mon:02d}" if yr else None)


def _day_pair(yr: int | None, mon: int, d1: int, mon2: int, d2: int,
              year_named: bool) -> tuple[date | None, date | None]:
    """The first and last day of "Dec. 28 to Jan. 3": across a new year, the named year is the last day's, a
    guessed one the first day's."""
    a, b = _safe_date(yr, mon, d1), _safe_date(yr, mon2, d2)
    if a is not None and b is not None and b < a:
        a, b = (_safe_date(a.year - 1, mon, d1), b) if year_named else (a, _safe_date(b.year + 1, mon2, d2))
    return a, b


def _bare_month_year(text: str, s: int, e: int, mon: int, published: date) -> int:
    """The year of a month named alone: "this September" the publication year's; "next May" and a month the
    sentence looks ahead to ("due by May") the coming one; "last April" and any other the most recent one."""
    b = _MONTH_WORD_BACK.search(text, max(0, s - 20), s)
    word = b["w"].lower() if b else ""
    if word == "this":
        return published.year
    if word == "last":
        return published.year if mon < published.month else published.year - 1
    ahead = published.year if mon >= published.month + (word == "next") else published.year + 1
    behind = published.year if mon <= published.month else published.year - 1
    if word == "next" or word in _FUTURE_PREP or _looks_ahead(text, s):
        return ahead
    sentence = _sentence_around(text, s, e)
    if _LAST_YEAR.search(sentence):
        return published.year - 1
    months_ahead = (ahead - published.year) * 12 + mon - published.month
    months_behind = (published.year - behind) * 12 + published.month - mon
    past = {w.lower() for w in _PAST.findall(sentence)}
    if past:
        # only a report in the past tense, of next month ("told buyers of a cut in September" in August): ahead
        return ahead if months_ahead == 1 and past <= REPORTING_PAST else behind
    # no tense to go by: the nearer, leaning to the past ("in early March" in a February story is this March)
    return ahead if months_ahead * 3 < months_behind else behind


def _hypothetical(text: str, s: int) -> bool:
    """Whether the clause before ``s`` supposes rather than reports ("if it happened tomorrow"): no date to give."""
    lead = text[max(0, s - 80):s]
    cut = max((m.end() for m in _CLAUSE_BACK.finditer(lead)), default=0)
    return bool(_HYPOTHESIS.search(lead[cut:].lstrip()))


def _looks_ahead(text: str, s: int) -> bool:
    """Whether the sentence before ``s`` looks ahead ("is due to sign … and move to Oslo on Friday"): a future cue
    with no reporting verb or past tense between it and ``s`` ("will resign, he said on Friday" is past)."""
    lead = text[max(0, s - 160):s]
    cut = max((m.end() for m in _SENTENCE_BACK.finditer(lead)), default=0)
    last = max((m.end() for m in _FUTURE.finditer(lead, cut)), default=-1)
    return last >= 0 and not _REPORTED.search(lead, last)


def looks_ahead(text: str, s: int) -> bool:
    """Whether the sentence before ``s`` looks ahead, for the rules that read values together."""
    return _looks_ahead(text, s)


def _past_tense(text: str, s: int, e: int) -> bool:
    return bool(_PAST.search(_sentence_around(text, s, e)))


def _sentence_around(text: str, s: int, e: int) -> str:
    lead = text[max(0, s - 160):s]
    cut = max((m.end() for m in _SENTENCE_BACK.finditer(lead)), default=0)
    return lead[cut:] + " " + text[e:e + 40].split(". ", 1)[0]


def _years(text, start, taken, add) -> None:
    out_years: list[int] = []  # ends of the years taken, for a list ("in 2024 and 2025")
    for m in at_word_starts(_YEAR_ANCHOR, text, start):
        s, e = m.span()
        if not taken.free(s, e) or (s > 0 and text[s - 1] in "$£€¥#"):
            continue
        r = _YEAR_RANGE_AFTER.match(text, e)
        if r:
            y1 = int(m.group())
            y2 = int(r["y2"]) if len(r["y2"]) == 4 else (y1 // 100) * 100 + int(r["y2"])
            if y2 > y1:
                add(s, r.end(), type="date_range", date=str(y1), date_end=str(y2))
                continue
        if _COUNT_AFTER.match(text, e) and not _STRONG_YEAR_BEFORE.search(text, max(0, s - 16), s):
            continue  # "for 2000 people": a count, not a year
        if _YEAR_BEFORE.search(text, max(0, s - 16), s) or _year_before_its_noun(text, s, e) or (
                out_years and out_years[-1] >= s - 12 and _LISTED_YEAR_BEFORE.search(text, max(0, s - 12), s)):
            add(s, e, type="date", date=m.group())
            out_years.append(e)


def _weekday_anchors(text: str, start: int) -> list[re.Match]:
    """Weekday names in text order, capitalised or, as chat writes them, in lower case."""
    found = list(at_word_starts(_WEEKDAY_ANCHOR, text, start))
    lower = []
    for k in find_all(text, "day", start + 3):
        b = _LOWER_WEEKDAY_BACK.search(text, max(start, k - 6), k)
        s = b.start() if b is not None else 0
        if b is not None and not (s and (text[s - 1].isalnum() or text[s - 1] == "_")) \
                and (m := _LOWER_WEEKDAY.match(text, s)) is not None:
            lower.append(m)
    return sorted(found + lower, key=lambda m: m.start()) if lower else found


def _year_before_its_noun(text: str, s: int, e: int) -> bool:
    """"his unsuccessful 1996 campaign", "That 1978 resolution": a year between a word of its noun phrase and a
    singular noun it dates (a plural one it would count: "some 1900 workers"; a unit it would measure)."""
    after, before = _SINGULAR_AFTER.match(text, e), _WORD_BEFORE.search(text, max(0, s - 24), s)
    if after is None or before is None:
        return False
    word, lead = after["w"], before["w"].lower()
    return not (word.endswith("s") or word in en.NOT_NOUNS_AFTER_A_YEAR or word in en.MEASURE_WORDS
                or lead in en.COUNT_HEDGES or lead in en.PREPOSITIONS)


def _weekdays(text, published, start, taken, add) -> None:
    for m in _weekday_anchors(text, start):
        if not taken.free(*m.span()):
            continue
        if _DATE_AFTER_WEEKDAY.match(text, m.end()):
            continue  # "Saturday, April 25": the date that follows gives the day
        nth = _NTH_AFTER_WEEKDAY.match(text, m.end())
        if nth is not None and taken.free(m.start(), nth.end()):
            day = _weekday_in_month(m.group(), int(nth["d"]) if nth["d"] else _day_number(nth["w"]), published,
                                    _looks_ahead(text, m.start()))
            add(m.start(), nth.end(), type="date", date=day.isoformat() if day else None)
            continue
        b = _WEEKDAY_BEFORE.search(text, max(0, m.start() - 40), m.start())
        prep = (b["prep"] or "").lower() if b else ""
        week = _OF_WEEK.match(text, m.end())
        if week is not None:
            _weekday_of_week(m, b, week, published, add)
            continue
        value = None
        if published is not None and not _hypothetical(text, m.start()):
            future = prep in _FUTURE_PREP or _looks_ahead(text, m.start()) or _scheduled(text, m.start()) \
                or _opens_looking_ahead(text, b.start() if b else m.start(), m.end())
            if prep in ("last", "since", "after", "previous") or text.startswith(("’s", "'s"), m.end()):
                future = False  # "Wednesday's ruling" has been made
            future = future or prep in ("following", "coming")
            value = _weekday_date(m.group(), published, future,
                                  strict=prep in ("next", "last", "previous", "following")).isoformat()
            if prep in WEEK_SHIFT:
                value = _weekday_of_shifted_week(m.group(), published, WEEK_SHIFT[prep]).isoformat()
        s = b.start("part") if b and b["part"] else m.start()
        to = _WEEKDAY_TO.match(text, m.end())
        joined = to.group().strip().split()[0] if to else ""
        gap = (WEEKDAYS[to["wd"].lower()].weekday - WEEKDAYS[m.group().lower()].weekday) % 7 if to else 0
        if joined == "and" and gap == 1:
            joined = "to"  # "on Monday and Tuesday": two days running, one period
        if to and (prep in ("from", "between") or joined in ("to", "through", "until", "till")):
            # "from Friday to Monday": the first day through the next such weekday
            end = None
            if value is not None:
                end = (date.fromisoformat(value) + relativedelta(weekday=WEEKDAYS[to["wd"].lower()](+1))).isoformat()
            add(b.start("prep") if b and b["prep"] and prep in ("from", "between") else s, to.end(),
                type="date_range", date=value, date_end=end)
            continue
        add(s, m.end(), type="date", date=value)


def _opens_looking_ahead(text: str, s: int, e: int) -> bool:
    """Whether a day opening its sentence is followed by a future cue before any past tense ("On Tuesday, the
    league plans to hold a news conference"): the verb after it gives the tense."""
    if not _SENTENCE_OPENING.search(text, max(0, s - 6), s):
        return False
    tail = text[e:e + 120]
    cue = _FUTURE.search(tail)
    if cue is None or cue.group().endswith(("ed", "would")) or _REPORTED.search(tail, 0, cue.start()) \
            or _SENTENCE_BACK.search(tail, 0, cue.start()):
        return False  # "On Friday, the government planned to pay" is past
    return not any(w in en.IRREGULAR_PAST for w in tail[:cue.start()].split())


def _weekday_in_month(name: str, n: int, published: date | None, ahead: bool) -> date | None:
    """"Friday the 26th": the nearest 26th that is a Friday, within a year either side of publication, leaning to
    the past; the next one where the sentence looks ahead."""
    if published is None:
        return None
    weekday = WEEKDAYS[name.lower()].weekday
    days = [d for d in (published + relativedelta(months=k, day=n) for k in range(-12, 13))
            if d.day == n and d.weekday() == weekday and (d >= published or not ahead)]
    return min(days, key=lambda d: abs((d - published).days) * (2.5 if d > published else 1), default=None)


def _weekday_of_shifted_week(name: str, published: date, shift: int) -> date:
    """"next Friday": the Friday of next week; "last Wednesday": the Wednesday of last week (on a Thursday, not
    yesterday), as TIMEX3 annotators and Recognizers-Text both read them."""
    monday = published - timedelta(days=published.weekday())
    return monday + timedelta(weeks=shift, days=WEEKDAYS[name.lower()].weekday)


def _scheduled(text: str, s: int) -> bool:
    """Whether a present-tense verb of a timetable comes just before a weekday ("the panel meets Friday",
    "talks resume on Monday"): news writes what is scheduled in the present."""
    b = _SCHEDULED_BACK.search(text, max(0, s - 40), s)
    return b is not None and b["v"].lower() in SCHEDULE_VERBS


def _weekday_of_week(m, b, week, published, add) -> None:
    """"Tuesday of last week": that weekday in the calendar week named."""
    s = b.start("part") if b and b["part"] else m.start()
    value = None
    if published is not None:
        monday = published - timedelta(days=published.weekday())
        shift = {"last": -1, "this": 0, "next": 1}[week["w"].lower()]
        day = monday + timedelta(weeks=shift, days=WEEKDAYS[m.group().lower()].weekday)
        value = day.isoformat()
    add(s, week.end(), type="date", date=value)


def _month_pairs(text: str, out: list[ValueDraft]) -> list[ValueDraft]:
    """"from August to October": the first month is the last such month on or before the second, whatever the
    year each would take alone."""
    months = sorted((v for v in out if v.type == "date" and v.date and _YEAR_MONTH.fullmatch(v.date)),
                    key=lambda v: v.start)
    fixed: dict[int, ValueDraft] = {}
    for a, b in zip(months, months[1:], strict=False):
        if not _MONTH_JOIN.fullmatch(text, a.end, b.start) or not _FROM_BETWEEN.search(
                text, max(0, a.start - 9), a.start):
            continue
        if not a.date or not b.date or _YEAR_AFTER.match(text, a.end) or not _BARE_MONTH.fullmatch(a.text):
            continue  # "from May 2019 to June 2020": each has its year
        year, mon, mon2 = int(b.date[:4]), int(a.date[5:]), int(b.date[5:])
        fixed[a.start] = replace(a, date=f"{year - (mon > mon2):04d}-{mon:02d}")
    return [fixed.get(v.start, v) if v.type == "date" else v for v in out]


def _relatives(text: str, start: int) -> list[tuple[int, int, str]]:
    """(start, end, lower-case words) of "yesterday", "today", "tomorrow", "last year", "this month", "next week".
    Each word is found with ``str.find`` on its tail (faster than a pattern tried at every position)."""
    found = []
    for tail in _RELATIVE_TAILS:
        for k in find_all(text, tail, start + 1):
            s = k - 1
            m = _RELATIVE_DAY.match(text, s)
            if m is not None and not (s and (text[s - 1].isalnum() or text[s - 1] == "_")):
                found.append((s, m.end(), m.group().lower()))
    for unit in ("year", "month", "week"):
        for k in find_all(text, unit, start):
            u = _RELATIVE_UNIT.match(text, k)
            b = _RELATIVE_BACK.search(text, max(0, k - 6), k) if u is not None else None
            if u is not None and b is not None:
                found.append((b.start(), u.end(), f"{b['w'].lower()} {u.group()}"))
    for part in PARTS_OF_DAY:
        for k in find_all(text, part, start):
            u = _PART_OF_DAY.match(text, k)
            b = _PART_OF_DAY_BACK.search(text, max(0, k - 10), k) if u is not None else None
            if u is not None and b is not None and (part == "night" or b["w"].lower() == "this"):
                found.append((b.start(), u.end(), "yesterday" if part == "night" and b["w"].lower() == "last"
                              else "today"))
    return sorted(found)



def _end_of_year(text, published, start, taken, add) -> None:
    """"by the end of the year", "at the end of this month", "the end of next week": the last day of that year,
    month or calendar week."""
    for m in _END_OF_YEAR.finditer(text, start) if "end of " in text else ():
        b = _END_BACK.search(text, max(0, m.start() - 12), m.start())
        if b is None or not taken.free(b.start(), m.end()):
            continue
        last = _last_day(published, m["u"], _END_SHIFT[m["w"]]) if published else None
        add(b.start(), m.end(), type="date", date=last.isoformat() if last else None)


def _last_day(published: date, unit: str, shift: int) -> date:
    """The last day of the year, month or ISO week ``shift`` away from the one holding ``published``."""
    if unit == "year":
        return date(published.year + shift, 12, 31)
    if unit == "month":
        return published + relativedelta(months=shift, day=31)
    return published + timedelta(days=6 - published.weekday(), weeks=shift)


def _year_end(text, published, start, taken, add) -> None:
    """"by year-end": the last day of the publication year; "since year-end" the last day of the year before."""
    for m in at_word_starts(_YEAR_END, text, start):
        b = _YEAR_END_BACK.search(text, max(0, m.start() - 10), m.start())
        if b is None or not taken.free(m.start(), m.end()):
            continue
        year = published.year - (b["prep"].lower() in ("since", "from")) if published else None
        add(m.start(), m.end(), type="date", date=f"{year:04d}-12-31" if year else None)


def _spoken_years(text, start, taken, add) -> None:
    """"nineteen ninety-six", "the year two thousand": years read aloud (broadcast transcripts)."""
    if not any(w in text for w in _SPOKEN_YEAR_WORDS):
        return
    for m in at_word_starts(SPOKEN_YEAR, text, start):
        s = m.start()
        back = _THE_YEAR_BACK.search(text, max(0, s - 9), s)
        month = _MONTH_BACK.search(text, max(0, s - 14), s)
        if back:
            s = back.start()
        elif m["c"] is None and month is None and not _YEAR_BEFORE.search(text, max(0, s - 16), s):
            continue  # "two thousand" alone is a number
        if _UNIT_AFTER.match(text, m.end()):
            continue  # "two thousand years": a length of time
        day = _SPOKEN_DAY_BACK.search(text, max(0, s - 40), s)
        if day is not None and taken.free(day.start(), m.end()):
            # "January twenty-five nineteen eighty-six", "13 Sept nineteen seventy-two"
            d = _safe_date(spoken_year(m), _month(day["m1"] or day["m2"]), _day_number(day["d1"] or day["d2"]))
            add(day.start(), m.end(), type="date", date=d.isoformat() if d else None)
        elif month is not None and taken.free(month.start(), m.end()):
            # "January nineteen ninety-seven"
            add(month.start(), m.end(), type="date", date=f"{spoken_year(m):04d}-{_month(month['m']):02d}")
        elif taken.free(s, m.end()):
            add(s, m.end(), type="date", date=f"{spoken_year(m):04d}")


def _day_number(word: str) -> int:
    """A day of the month in figures ("13th"), as an ordinal ("twenty-third") or a number in words ("twenty five")."""
    w = word.lower().replace(" ", "-")
    if w[0].isdigit():
        return int(w.rstrip("stndrh"))
    return ORDINAL_DAYS.get(w) or int(words_value(w.replace("-", " ")) or 0)


def _days_of_the_month(text, published, start, taken, add) -> None:
    """"on the 18th": that day of the month nearest the publication date, leaning to the past unless the sentence
    looks ahead (this month's, last month's or next month's)."""
    for m in at_word_starts(_THE_NTH, text, start):
        if not taken.free(*m.span()) or not _NTH_PREP_BACK.search(text, max(0, m.start() - 7), m.start()):
            continue
        value = None
        if published is not None and not _hypothetical(text, m.start()):
            n = int(m["d"])
            weight = 1.0 if _looks_ahead(text, m.start()) else 2.5
            days = [d for d in (published + relativedelta(months=k, day=n) for k in (-1, 0, 1)) if d.day == n]
            best = min(days, key=lambda d: (d - published).days * weight if d > published else (published - d).days,
                       default=None)
            value = best.isoformat() if best else None
        add(m.start(), m.end(), type="date", date=value)


def _year_to_date(text, published, start, taken, add) -> None:
    """"the year to date": January 1 to the publication date."""
    for m in at_word_starts(_YEAR_TO_DATE, text, start):
        if not taken.free(*m.span()):
            continue
        first = f"{published.year:04d}-01-01" if published else None
        add(m.start(), m.end(), type="date_range", date=first, date_end=published.isoformat() if published else None)


def _ago(text, published, start, taken, add) -> None:
    """"two weeks ago": counted back from the publication date."""
    for m in at_word_starts(_AGO, text, start):
        so = _OR_SO_BACK.search(text, max(0, m.start() - 9), m.start())
        b = _AGO_BEFORE.search(text, max(0, m.start() - 24), so.start() + 1 if so else m.start())
        if b is None or not taken.free(b.start(), m.end()):
            continue
        n = 1 if b["n"].lower() in ("a", "an") else _number(b["n"])
        value = None
        if published is not None and n:
            unit = b["unit"].rstrip("s")
            if unit == "decade":
                unit, n = "year", n * 10  # "a decade ago": ten years back
            try:
                then = published - relativedelta(**{unit + "s": n})
            except (ValueError, OverflowError):
                then = None  # "500 years ago" in a text dated 0300: before the calendar starts
            if then is not None:
                value = then.isoformat() if unit == "day" else iso_week(then) if unit == "week" else (
                    f"{then.year:04d}-{then.month:02d}" if unit == "month" else f"{then.year:04d}")
        add(b.start(), m.end(), type="date", date=value)
