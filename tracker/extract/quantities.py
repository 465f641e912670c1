"""Numbers in news text: counts with their unit, percentages, fractions, money, durations and ranges.

Speed: every pattern is anchored on something cheap to find (a digit, a unit word, a fraction word) and
looks backwards over a few characters for what may precede it ("nearly", "between", "one-"), because a
pattern that starts with optional words is tried at every character of the text.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .dates import NUMBER_WORDS, Taken
from .drafts import ValueDraft
from .lexicon import en
from .numbers import SCALE_WORDS, SCALES, SPELLED_NUMBER, WORD_NUMBER, words_value
from .units import symbol_unit, word_unit
from .wordre import alternation, at_word_starts, find_all

_HEDGE_BACK = re.compile(
    r"\b(?:roughly|about|around|approximately|nearly|almost|some|more\s+than|less\s+than|fewer\s+than|over|"
    r"under|at\s+least|at\s+most|up\s+to|just\s+over|just\s+under|as\s+many\s+as|as\s+much\s+as|"
    r"an\s+estimated|close\s+to|upwards\s+of|only|just|barely|well\s+over)\s+$", re.I)
_WORD_LIST = sorted((w for w in NUMBER_WORDS if " " not in w and w not in ("hundred", "dozen")), key=len,
                    reverse=True)
_WORDS = "|".join(_WORD_LIST + [w.capitalize() for w in _WORD_LIST])
# a power of ten after a figure: "4e14", "9.83e-3", "2.48×10−5", "3 x 10^8"
_TIMES_TEN = r"(?:[eE][-−+]?\d{1,3}|\s?[×x]\s?10(?:\^[-−+]?\d{1,3}|[-−]\d{1,3}))(?![\w.])"
_DIGITS = rf"\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?(?:{_TIMES_TEN})?"
_SCIENTIFIC = re.compile(r"(?P<m>[\d.]+)(?:[eE]|\s?[×x]\s?10\^?)(?P<e>[-+]?\d+)")
_SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6,
                "mn": 1e6, "k": 1e3, "tn": 1e12, "b": 1e9, "t": 1e12,
                # as Indian English counts: a lakh is 100,000, a crore 10 million
                "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7, "lakh crore": 1e12}
# the scale letters US money takes ("$5M", "$2.1B", "$1.2T"): a scale only after a currency
_MONEY_LETTERS = frozenset({"M", "B", "T", "K"})
_SCALE = r"(?:\s?(?:thousand|million|billion|trillion|bn|mn|tn|m|k|lakh\s+crore|lakhs?|crores?)\b|(?:M|B|T|K|Bn|BN)\b)"
_CURRENCY = {"$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "a$": "AUD", "c$": "CAD",
             "hk$": "HKD", "nz$": "NZD", "s$": "SGD", "₹": "INR", "rs": "INR", "inr": "INR", "chf": "CHF"}
_CUR = r"(?:US\$|A\$|C\$|HK\$|NZ\$|S\$|\$|£|€|¥|₹\s?|Rs\.?\s?|INR\s?|CHF\s?)"
# currency written as letters before a figure ("Rs 500", "INR 2 crore", "CHF 45"): where the figure's match starts
_CUR_LETTERS_BACK = re.compile(r"(?:\bRs\.?\s?|\bINR\s?|\bCHF\s?)$")
_CUR_WORDS = {"dollars": "USD", "dollar": "USD", "pounds": "GBP", "pound": "GBP", "euros": "EUR",
              "euro": "EUR", "yen": "JPY", "rubles": "RUB", "roubles": "RUB", "hryvnias": "UAH", "yuan": "CNY",
              "won": "KRW", "rand": "ZAR", "naira": "NGN", "ringgit": "MYR", "baht": "THB", "rupiah": "IDR",
              "shekels": "ILS", "zloty": "PLN", "kronor": "SEK", "renminbi": "CNY"}
_PCT = r"(?:\s?%|\s?per\s?cent\b|\s?percent\b|\s+percentage\s+points?\b|pc\b)"  # "12pc", as British papers write
_TIME_UNITS = {"seconds": "second", "minutes": "minute", "hours": "hour", "days": "day", "weeks": "week",
               "months": "month", "years": "year", "decades": "decade", "centuries": "century",
               "fortnights": "fortnight", "nights": "night", "weekends": "weekend"}
_TIME = (r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|years?|decades?|century|"
         r"centuries)")
# the words of _TIME, for a prefix tree
TIME_WORDS = ("second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "night", "nights", "week",
              "weeks", "weekend", "weekends", "fortnight", "fortnights", "month", "months", "year", "years",
              "decade", "decades", "century", "centuries")
# units of measure that are units of time: a number with one is a duration ("3h", "90 sec")
DURATION_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "millisecond"})

# a number written in digits, perhaps with a currency before it: the anchor of most quantities
_DIGIT_ANCHOR = re.compile(r"[\d$£€¥₹]")
_INSIDE_A_FIGURE = frozenset("0123456789,")
_AMOUNT = re.compile(
    rf"(?P<cur>{_CUR})?(?P<num>{_DIGITS})(?P<scale>{_SCALE})?(?P<pct>{_PCT})?(?P<pence>p(?!\w))?"
    rf"(?!\w|\.\d|\s?[-–]\s?\d|:\d|(?<!%)/\d)(?:[\s-](?P<unit>[a-z][a-z]+|[kMGT]Wh?\b|[A-Z][a-z]+s\b))?")
_RANGE_FORWARD = re.compile(
    rf"(?P<cur>{_CUR})?(?P<a>{_DIGITS})(?P<sa>{_SCALE})?(?P<pa>{_PCT})?\s?(?P<sep>-|–|to|and)\s?"
    rf"(?:(?:roughly|about|around|nearly|almost|more\s+than|less\s+than|over|under|just)\s+)?"
    rf"(?P<cur2>{_CUR})?(?P<neg>(?<=\s)[−-](?=\d))?(?P<b>{_DIGITS})(?P<sb>{_SCALE})?(?P<pb>{_PCT})?(?!\w)")
_SECOND_MEASURE = re.compile(rf"\s?(?P<sep>-|–|to|and)\s?(?P<neg>(?<=\s)[−-](?=\d))?(?P<b>{_DIGITS})")
_BETWEEN_BACK = re.compile(r"\b(?:between|from)\s+(?:(?:roughly|about|around|nearly|almost|some|more\s+than|"
                           r"less\s+than|over|under|just)\s+)?$", re.I)
# a unit of time, found by its first letters; the number before it is looked for backwards
_UNIT_ANCHOR = re.compile(rf"(?P<unit>{alternation(TIME_WORDS)})\b(?:-long|-old)?")
_DURATION_BACK = re.compile(rf"(?:(?:(?P<whole>\d+)\s)?(?P<fn>[1-9])/(?P<fd>[2-9])|(?P<num>{_DIGITS})"
                            rf"|\b(?P<word>{WORD_NUMBER}|an?|An?))"
                            rf"(?:\s+(?:more|additional|extra|further|trading|business|working))?$")
# words before "30s" that make it a decade ("in their 30s", "the 80s", "his early 40s")
_DECADE_BACK = re.compile(r"\b(?:their|his|her|its|my|our|your|the|early|mid|late)[\s-]+$", re.I)
# what comes before "a day" or "an hour" that makes it a rate: a figure and its noun ("40 flights a day", "$15 an
# hour", "3% a year") or a count of times ("twice a week", "three times a day")
_RATE_BACK = re.compile(r"(?:(?P<fig>\d[\d,.]*)\s?(?:%|[A-Za-z]+)?(?:\s+[a-z]+)?|\b(?:once|twice|thrice|times))\s+$")
# "an hour and a half", "two years and a half": half a unit more
_AND_A_HALF = re.compile(r"\s+and\s+(?:a\s+)?half\b")
_HALF_BACK = re.compile(r"\b[Hh]alf\s+$")  # "half an hour"
# "between 5 and 7 years", "5-7 years": a range of durations, not a lone number and a duration
_DURATION_RANGE_BACK = re.compile(rf"(?:\b(?:between|from)\s+(?P<a>{_DIGITS}|{_WORDS})\s+(?:and|to)\s+"
                                  rf"|(?<![\w.,])(?P<b>{_DIGITS})\s?[-–]\s?"
                                  rf"|(?:(?<![\w.,])(?P<c>{_DIGITS})|\b(?P<w>{WORD_NUMBER}))\s+(?:to|or)\s+)$")
# a capitalised word before a number, not at a sentence's start: a name the number belongs to ("Boeing 737")
_NAME_BEFORE = re.compile(r"(?<![.!?\n]\s)(?<![.!?\n])(?<!^)\b[A-Z][A-Za-z]+\s$")
# what comes before a word inside a sentence (not a sentence's first word)
_IN_SENTENCE = re.compile(r"[a-z,;]\s+$")
# "three and two bags", "two or three days": numbers sharing the noun after the last
_COORDINATED = re.compile(rf"\s+(?P<conj>and|or)\s+(?P<n>{WORD_NUMBER}|{_DIGITS})\s+(?P<noun>[a-z]+)\b")
# "two more." closing a clause
_MORE_AFTER = re.compile(r"\s+more\b(?=\s*[.,;:!?)\]”\"]|\s*$)")
# a number, or a fraction with a slash, before a unit written against it
_BARE_NUMBER = re.compile(rf"(?:(?P<fn>\d{{1,2}})/(?P<fd>\d{{1,3}})|(?P<num>{_DIGITS}))(?![\d/])")
_WORD_ANCHOR_TAIL = (
    rf"(?:\s+|-(?=[a-z]+\b))(?P<name>(?:[A-Z][\w-]*\s+){{1,3}}(?:[A-Z]?\d[\w-]*\s+)?)?(?:(?:of\s+the|of\s+these|of\s+those|more|other|further|"
    # "one of the nine turbines": a number word is never what another counts (the nine turbines are the count)
    rf"extra|additional)\s+)?(?P<unit>(?!(?:{WORD_NUMBER})\b)[a-z][a-z-]+)\b")
_WORD_ANCHOR = re.compile(rf"(?P<num>{SPELLED_NUMBER}){_WORD_ANCHOR_TAIL}")
# "a hundred people", "a million dollars": matched where str.find meets a scale word after "a"
_A_SCALE_ANCHOR = re.compile(rf"(?P<num>{WORD_NUMBER}){_WORD_ANCHOR_TAIL}")
_DOZEN = re.compile(rf"(?P<n>[Hh]alf\s+a|[Aa]|[Oo]ne|{WORD_NUMBER}|\d{{1,3}})\s+dozen\s+(?P<noun>[a-z]+)\b")
# a number in words, then a measure written as one word with its number ("20-litre"), then what is counted
_MEASURED_COMPOUND = re.compile(r"\d[\d.,]*-[a-z]+(?:-[a-z]+)?\s+(?P<noun>[a-z]+s)\b")
_COUNT_BEFORE_COMPOUND = re.compile(rf"\b(?P<num>{WORD_NUMBER})\s+$")
_FRACTION_ANCHOR = re.compile(r"(?P<d>half|Half|halves|thirds?|quarters?|fifths?|sixths?|tenths?)\b")
# the beginnings of the words _FRACTION_ANCHOR matches, to find them with str.find
_FRACTION_STEMS = ("half", "Half", "third", "quarter", "fifth", "sixth", "tenth")
_AND_A_BACK = re.compile(r"\band[\s-]+an?[\s-]+$")
_NUMERATOR_BACK = re.compile(r"\b(?P<n>[Aa]|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Nn]ine)[\s-]$")
# anchored on the word's tail ("…ousands of"): a leading [Hh] would make the engine try every position
# what "one in five" holds, cheap to look for first
_ONE_IN_WORDS = ("one in ", "One in ", "1 in ", "2 in ", "3 in ", "two in ", "Two in ", "three in ", "Three in ")
_ONE_IN = re.compile(rf"(?P<n>{alternation(['one', 'One', 'two', 'Two', 'three', 'Three', '1', '2', '3'])})"
                     rf"\s+in\s+(?P<d>\d{{1,3}}(?:,\d{{3}})*|{alternation(_WORD_LIST)})\b(?![.,]\d)")
_VAGUE = re.compile(r"(?:undreds|housands|illions|ozens|ens)(?:\s+of\s+(?:thousands|millions))?(?=\s+of\b)")
_VAGUE_TAILS = ("undreds", "housands", "illions", "ozens", "ens of", "ens  of")  # where _VAGUE can match
_VAGUE_HEADS = {"undreds": "Hh", "housands": "Tt", "illions": "MmBb", "ozens": "Dd", "ens": "Tt"}
_NOT_A_SHARE = re.compile(r"\b(?:the|first|second|third|final|this|that|each|per|latter|former|opening|closing)\s+$",
                          re.I)
_BY_BEFORE = re.compile(r"\bby\s+$")  # "cut by half"
# words before "two quarters" that make them quarters of a year
_QUARTERS_OF_TIME = re.compile(r"\b(?:past|last|next|previous|coming|first|final|consecutive|straight|successive|"
                               r"recent|few)\s+$", re.I)
_OF_AFTER = re.compile(r"\s+of\b")
_SHARE_OF = re.compile(r"\s+(?:of|the|a|an|their|its|his|her|our|all|that|those|these)\b")
_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
                 "fifths": 5, "sixth": 6, "sixths": 6, "tenth": 10, "tenths": 10}
_VAGUE_VALUES = {"hundreds of thousands": 1e5, "tens of thousands": 1e4, "hundreds of millions": 1e8,
                 "tens of millions": 1e7, "millions": 1e6, "thousands": 1e3, "hundreds": 100, "dozens": 12,
                 "billions": 1e9}
# what a count in millions counts: people and plural nouns ("18m people", "5m homes"), not "100m hurdles"
_COUNTED = re.compile(r"^(?:people|men|women|children|(?!hurdles|metres|meters|miles)[a-z]+[^s]s)$")
_NOT_UNITS = frozenset(
    "of the a an and or to in on at by for from with as is are was were has have had will would that which who "
    "than per percent said says against after before since during between into more less last this next ago "
    "each every earlier later up down over under because but if so though although while where when who it they "
    "he she we you most".split())
# what may come just before a figure: space, an opening mark, or a sign of approximation or comparison ("∼2 m",
# "≈0.5°", "<10 s", "±3%")
_BEFORE_OK = frozenset(" \t\n(“\"'‘[~∼≈⩽⩾≤≥<>±")
_MINUS = frozenset("-−")
# fractions written as one character, and their value
VULGAR_FRACTIONS = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅛": 0.125}
_VULGAR = re.compile(r"(?:(?P<whole>\d{1,4})\s?)?(?P<f>[½⅓⅔¼¾⅕⅛])")
_TIME_AFTER = re.compile(rf"[\s-](?P<unit>{_TIME})\b")
_TRAILING_CURRENCY = frozenset("€£")
_MIXED = re.compile(r"(?P<whole>\d{1,3})\s(?P<fn>[1-9])/(?P<fd>[2-9]|1[0-6])(?![\d/])")


def _currency(cur: str | None) -> str | None:
    """The ISO 4217 code of a currency sign or its letters ("$", "Rs.", "₹ ")."""
    return _CURRENCY.get((cur or "").lower().rstrip(". "))


def _parse(num: str, scale: str | None = None) -> float:
    num = num.strip()
    if num[0].isdigit():
        sci = _SCIENTIFIC.fullmatch(num.replace("−", "-"))
        value = float(f"{sci['m']}e{sci['e']}") if sci else float(num.replace(",", ""))
    else:
        value = words_value(num) or float(NUMBER_WORDS.get(num.lower(), 0))
    if scale and scale.strip():
        value *= _SCALE_WORDS[" ".join(scale.lower().split())]
    return value


def _singular(word: str) -> str:
    w = word.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zzes")) and len(w) > 4:
        return w[:-2]  # "crosses", "matches", "taxes"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def _year_like(num: str) -> bool:
    return len(num) == 4 and num.isdigit() and 1800 <= int(num) <= 2100


def _hedged_start(text: str, s: int) -> int:
    """Move a value's start back over a hedge before it ("nearly 90%"), so the hedge is in its text."""
    m = _HEDGE_BACK.search(text, max(0, s - 24), s)
    return m.start() if m else s


# words before a figure that make it a change ("rose 5%", "up by 3 points") and nouns after it ("a 4% rise")
CHANGE_VERBS = ("up", "down", "rose", "rise", "rises", "risen", "fell", "fall", "falls", "fallen", "increased",
                "increase", "increases", "decreased", "decrease", "decreases", "dropped", "drop", "drops",
                "climbed", "climbs", "jumped", "jumps", "gained", "gains", "gain", "slipped", "slid", "grew",
                "grow", "grows", "shrank", "declined", "declines", "plunged", "soared", "surged", "tumbled",
                "lost", "added", "shed", "cut", "raised", "lowered", "boosted", "reduced", "widened", "narrowed")
CHANGE_NOUNS = ("rise", "increase", "fall", "drop", "decline", "gain", "jump", "cut", "hike", "reduction",
                "growth", "loss", "slump", "surge", "climb", "decrease")
_CHANGE_BACK = re.compile(rf"\b(?:{alternation(CHANGE_VERBS)})\s+(?:by\s+)?(?:(?:about|around|nearly|almost|some|"
                          rf"roughly|just|more\s+than|less\s+than|over|only)\s+)?$", re.I)
_CHANGE_AFTER = re.compile(rf"[\s-](?:{alternation(CHANGE_NOUNS)})\b")
# a verb of change before "from": "rose from £3 to £5" names two levels, not a range
_CHANGE_FROM = re.compile(rf"\b(?:{alternation(CHANGE_VERBS)})\s+$", re.I)


class _Out:
    def __init__(self, text: str, taken: Taken):
        self.text, self.taken = text, taken
        self.values: list[ValueDraft] = []
        #: where figures after a space start, as the digit pass meets them ("three 20-litre drums" looks there)
        self.figures: list[int] = []

    def add(self, s: int, e: int, **kw) -> None:
        if kw.get("type", "").startswith("quantity") and (
                _CHANGE_BACK.search(self.text, max(0, s - 40), s) or _CHANGE_AFTER.match(self.text, e)):
            kw["change"] = True  # "up 5%", "fell by 3 points", "a 4% rise": a change, not a level
        self.values.append(ValueDraft(text=self.text[s:e], start=s, end=e, **kw))
        self.taken.take(s, e)


# "a 10- to 15-minute walk", "8- to 16-metre rods": the first figure's hyphen waits for the unit after the second
_SUSPENDED = re.compile(r"(?<![\w.])(?P<a>\d[\d,]*(?:\.\d+)?)-\s+to\s+(?P<b>\d[\d,]*(?:\.\d+)?)(?=-[A-Za-z])")


def _suspended_ranges(text: str, start: int, out: _Out) -> None:
    for m in _SUSPENDED.finditer(text, start):
        unit = word_unit(text, m.end())
        if unit is None or not out.taken.free(m.start(), unit[1]):
            continue
        a, b = _parse(m["a"]), _parse(m["b"])
        out.add(m.start(), unit[1], type="quantity_range", low=min(a, b), high=max(a, b), unit=unit[0])


def find_quantities(text: str, start: int = 0, taken: Taken | None = None) -> list[ValueDraft]:
    """Every quantity in ``text[start:]`` not already inside a date (``taken``)."""
    taken = taken if taken is not None else Taken(len(text))
    out = _Out(text, taken)
    _durations(text, start, out)  # first: "an hour and a half" is one duration
    if "dozen " in text:
        _dozens(text, start, out)  # before fractions: "half a dozen boats"
    _fractions_and_vague(text, start, out)
    _one_in(text, start, out)
    if "- to " in text:
        _suspended_ranges(text, start, out)
    if any(c in text for c in VULGAR_FRACTIONS):
        _vulgar_fractions(text, start, out)
    _digits(text, start, out)
    _word_numbers(text, start, out)
    return _shared_units(text, out.values)


# what joins the figures of a list whose last one carries the unit ("2, 5 and 10 mg")
_LIST_JOIN = re.compile(r"\s*,\s*|,?\s+(?:and|or)\s+")
_BARE_FIGURE = re.compile(rf"[−-]?(?:{_DIGITS})")


def _shared_units(text: str, values: list[ValueDraft]) -> list[ValueDraft]:
    """"2, 5 and 10 mg", "50 and 100 ms": the figures of a list take the unit written after the last one."""
    values.sort(key=lambda v: v.start)
    for i in range(len(values) - 2, -1, -1):
        v, nxt = values[i], values[i + 1]
        if v.type == "quantity" and v.unit is None and nxt.unit and nxt.type in ("quantity", "duration") \
                and _BARE_FIGURE.fullmatch(v.text) and nxt.text[:1].isdigit() \
                and _LIST_JOIN.fullmatch(text, v.end, nxt.start):
            values[i] = replace(v, type=nxt.type, unit=nxt.unit)
    return values


def _vulgar_fractions(text: str, start: int, out: _Out) -> None:
    """"1½ hours", "¾ mile", "2 ¼ inches": a fraction written as one character, perhaps after a whole number."""
    for m in _VULGAR.finditer(text, start):
        s = m.start()
        if s > 0 and text[s - 1].isalnum():
            continue
        value = int(m["whole"] or 0) + VULGAR_FRACTIONS[m["f"]]
        time = _TIME_AFTER.match(text, m.end())
        found = (_TIME_UNITS.get(time["unit"].lower(), time["unit"].lower()), time.end()) if time else \
            symbol_unit(text, m.end()) or word_unit(text, m.end())
        if found is None or not out.taken.free(s, found[1]):
            continue
        kind = "duration" if found[0] in DURATION_UNITS or time else "quantity"
        out.add(_hedged_start(text, s), found[1], type=kind, number=round(value, 4), unit=found[0])


def _fraction_words(text: str, start: int):
    """Matches of _FRACTION_ANCHOR in text order, tried only where one of its words begins (``str.find`` is several
    times faster than the regex trying every position)."""
    hits = sorted({k for w in _FRACTION_STEMS for k in find_all(text, w, start)})
    for k in hits:
        m = _FRACTION_ANCHOR.match(text, k)
        if m is not None:
            yield m



def _ordinal_before_noun(text: str, e: int, d: str) -> bool:
    """"a third term", "a fifth straight win": after "a", an ordinal (not "half" or "quarter") before a word that
    is neither a preposition nor a verb ("a third of voters", "a third said", "a third were") is a rank."""
    if d.startswith(("half", "halv", "quarter")):
        return False
    m = _NEXT_WORD.match(text, e)
    if m is None:
        return False
    w = m[1]
    return not (w in en.PREPOSITIONS or w in en.FINITE or w in en.IRREGULAR_PAST or w.endswith(("ed", "ly"))
                or w in en.FILLER
                or w in en.AFTER_A_SHARE)


def _add_share(text: str, s: int, e: int, value: float, out: _Out) -> None:
    """A fraction: of the unit after it ("a half hour", "one-half miles"), else a share ("a third of voters")."""
    measure = word_unit(text, e)
    if measure is not None and out.taken.free(s, measure[1]):
        out.add(_hedged_start(text, s), measure[1], type="duration" if measure[0] in DURATION_UNITS else "quantity",
                number=value, unit=measure[0])
        return
    out.add(_hedged_start(text, s), e, type="quantity", number=value, unit="fraction")


def _fractions_and_vague(text: str, start: int, out: _Out) -> None:
    for m in _fraction_words(text, start):
        s, e = m.span()
        if s > 0 and text[s - 1].isalpha():
            continue
        if _AND_A_BACK.search(text, max(0, s - 7), s):
            continue  # "nine-and-a-half million": part of a number in words
        d = _DENOMINATORS[m["d"].lower()]
        n = _NUMERATOR_BACK.search(text, max(0, s - 7), s)
        if n is None and (m["d"].lower() != "half" or (s > 0 and text[s - 1] == "-")
                          or _NOT_A_SHARE.search(text, max(0, s - 12), s)
                          or not (_SHARE_OF.match(text, e) or _BY_BEFORE.search(text, max(0, s - 4), s))):
            continue  # "third" alone is an ordinal, "a third" a fraction; "fly-half", "the second half" are not
        if n is not None and n["n"].lower() == "a" and _ordinal_before_noun(text, e, m["d"].lower()) \
                and not _BY_BEFORE.search(text, max(0, n.start() - 4), n.start()):
            continue  # "a third term", "a fourth straight win": an ordinal, not a share
        if n is not None:
            s = n.start()
        if not out.taken.free(s, e):
            continue
        word = n["n"].lower() if n else "a"
        numer = 1 if word in ("a", "one") else NUMBER_WORDS[word]
        if m["d"].startswith("quarter") and _QUARTERS_OF_TIME.search(text, max(0, s - 16), s) \
                and not _OF_AFTER.match(text, e):
            # "the past two quarters": three months each, not a share
            out.add(_hedged_start(text, s), e, type="duration", number=float(numer), unit="quarter")
            continue
        _add_share(text, s, e, round(numer / d, 4), out)
    for k in sorted({k for w in _VAGUE_TAILS for k in find_all(text, w, start)}):
        m = _VAGUE.match(text, k)
        if m is None:
            continue
        s = m.start() - 1
        tail = m.group().split(None, 1)[0]
        if s < 0 or text[s] not in _VAGUE_HEADS[tail] or (s > 0 and text[s - 1].isalpha()):
            continue
        if out.taken.free(s, m.end()):
            key = re.sub(r"\s+", " ", text[s:m.end()].lower())
            if key not in _VAGUE_VALUES:
                continue  # "tens of" something else: no number to give
            out.add(_hedged_start(text, s), m.end(), type="quantity", number=_VAGUE_VALUES[key],
                    unit="approximate")


def _durations(text: str, start: int, out: _Out) -> None:
    for m in at_word_starts(_UNIT_ANCHOR, text, start):
        if m.start() == 0 or not (text[m.start() - 1].isspace() or text[m.start() - 1] == "-"):
            continue
        b = _DURATION_BACK.search(text, max(0, m.start() - 25), m.start() - 1)
        if b is None or not (b["num"] or b["word"] or b["fn"]):
            continue
        s, e = b.start(), m.end()
        if b["fn"]:
            # "2 1/2 years": a whole number and a fraction
            if s > 0 and (text[s - 1].isalnum() or text[s - 1] in ".,$£€") or not out.taken.free(s, e):
                continue
            whole = int(b["whole"] or 0) + int(b["fn"]) / int(b["fd"])
            out.add(_hedged_start(text, s), e, type="duration", number=whole,
                    unit=_TIME_UNITS.get(m["unit"].lower(), m["unit"].lower()))
            continue
        half = _AND_A_HALF.match(text, e)
        if s > 0 and (text[s - 1].isalnum() or text[s - 1] in ".,$£€"):
            continue
        if not out.taken.free(s, e):
            continue
        num = b["num"] or b["word"]
        unit = m["unit"].lower()
        if num.lower() in ("a", "an") and (unit == "second" or _a_rate(text, s)):
            continue  # "for a second week": an ordinal; "$15 an hour", "twice a week": a rate, not a length
        if _year_like(num) and not unit.endswith("s") and text[m.start() - 1] == " ":
            continue  # "the Labor Day 2030 weekend": a year before a singular noun counts nothing
        value = 1.0 if num.lower() in ("a", "an") else _parse(num)
        halved = _HALF_BACK.search(text, max(0, s - 6), s) if num.lower() in ("a", "an") else None
        if halved is not None:
            s, value = halved.start(), 0.5  # "half an hour"
        r = _DURATION_RANGE_BACK.search(text, max(0, s - 24), s) if b["num"] or b["word"] else None
        if r and not m.group().endswith(("-long", "-old")) and out.taken.free(r.start(), s):
            low = _parse(r["a"] or r["b"] or r["c"] or r["w"])
            if low < value:
                out.add(_hedged_start(text, r.start()), e, type="quantity_range", low=low, high=value,
                        unit=_TIME_UNITS.get(unit, unit))
                continue
        if half:
            value, e = value + 0.5, half.end()
        # "a 45-year-old": an age, a quantity of years, not how long something lasts
        kind = "quantity" if m.group().endswith("-old") else "duration"
        out.add(_hedged_start(text, s), e, type=kind, number=value, unit=_TIME_UNITS.get(unit, unit))


def _a_rate(text: str, s: int) -> bool:
    """Whether "a day" at ``s`` says how often ("40 flights a day", "twice a week"), not how long; a year before it
    is no figure of a rate ("In 2019 a week of talks failed")."""
    r = _RATE_BACK.search(text, max(0, s - 30), s)
    return r is not None and not (r["fig"] and _year_like(r["fig"]))


def _digits(text: str, start: int, out: _Out) -> None:
    for m in _DIGIT_ANCHOR.finditer(text, start):
        s = m.start()
        if s and text[s - 1] in _INSIDE_A_FIGURE:
            continue  # a figure's later digits: its first was read
        if text[s] == "$" and s > 0 and text[s - 1] in "SACKZ":
            s -= 2 if text[s - 2:s] in ("US", "HK", "NZ") else 1  # "US$5", "A$3", "NZ$30"
        elif s > 1 and (text[s - 1] in "s.RF" or text[s - 1] == " " and text[s - 2] in "s.RF") \
                and (letters := _CUR_LETTERS_BACK.search(text, max(0, s - 5), s)):
            s = letters.start()  # "Rs 500", "Rs. 2 crore", "CHF 45"
        if _minus_before(text, s):
            n0 = len(out.values)
            _digits_at(text, s, out)
            _negate(text, s, n0, out)
            continue
        if s > 0 and text[s - 1] not in _BEFORE_OK:
            continue
        out.figures.append(s)
        _digits_at(text, s, out)


def _minus_before(text: str, s: int) -> bool:
    """A minus sign written against a number, after a space or at the start: "fell to -18 °C", "−0.5%"."""
    return s > 0 and text[s - 1] in _MINUS and text[s].isdigit() and (s == 1 or text[s - 2] in _BEFORE_OK)


def _negate(text: str, s: int, n0: int, out: _Out) -> None:
    """The values just read from ``s``, below zero: their span takes in the minus sign."""
    for k in range(n0, len(out.values)):
        v = out.values[k]
        if v.start == s and v.type == "quantity" and v.number is not None:
            out.values[k] = replace(v, start=s - 1, text=text[s - 1:v.end], number=-v.number)
            out.taken.take(s - 1, s)
        elif v.type == "quantity_range" and v.start <= s < v.end and v.low is not None and v.high is not None:
            # "-18 °C to -34 °C": the first figure's sign; the second kept its own
            first = _BARE_NUMBER.match(text, s)
            a = _parse(first["num"]) if first is not None and first["num"] else None
            if a is None or a not in (v.low, v.high):
                continue
            other = v.high if v.low == a else v.low
            begin = min(v.start, s - 1)
            out.values[k] = replace(v, start=begin, text=text[begin:v.end], low=min(-a, other), high=max(-a, other))
            out.taken.take(s - 1, s)


def _digits_at(text: str, s: int, out: _Out) -> None:
    """The quantity a figure starting at ``s`` begins, if any."""
    if not out.taken.free(s, s + 1) or _mixed_fraction(text, s, out) or _range_at(text, s, out):
        return
    a = _AMOUNT.match(text, s)
    if a is None:
        _attached_measure(text, s, out)  # "10kg", "4km^2", "1/4 inch"
        return
    if not out.taken.free(a.start("num"), a.end("num")):
        return
    if not (a["cur"] or a["pct"]) and _measure_at(text, s, a, out):
        return
    num = a["num"]
    if len(num) == 4 and num.isdigit() and 1800 <= int(num) <= 2100 and not (a["cur"] or a["scale"] or a["pct"]) \
            and not (a["unit"] and _COUNTED.search(a["unit"]) and a["unit"] not in _NOT_UNITS):
        return  # a year that no date pattern took ("about 1900 workers" is a count)
    if not (a["cur"] or a["pct"] or a["scale"]) and _NAME_BEFORE.search(text, max(0, s - 30), s):
        return  # "Boeing 737 jets", "a Category 5 storm": part of a name, not a count
    _amount_at(text, s, a, out)


def _mixed_fraction(text: str, s: int, out: _Out) -> bool:
    """"2 1/2 miles", "3 1/4 inches": a whole number and a fraction before a unit."""
    m = _MIXED.match(text, s) if text.find("/", s + 2, s + 7) > 0 else None
    if m is None or int(m["fn"]) >= int(m["fd"]):
        return False
    found = symbol_unit(text, m.end()) or word_unit(text, m.end())
    if found is None or not out.taken.free(s, found[1]):
        return False
    value = int(m["whole"]) + int(m["fn"]) / int(m["fd"])
    out.add(_hedged_start(text, s), found[1], type="duration" if found[0] in DURATION_UNITS else "quantity",
            number=round(value, 4), unit=found[0])
    return True


def _attached_measure(text: str, s: int, out: _Out) -> None:
    """A number written against its unit ("10kg", "25lbs", "4km^2") or a fraction before one ("1/4 inch")."""
    n = _BARE_NUMBER.match(text, s)
    if n is None or (n["fd"] and int(n["fd"]) == 0):
        return
    value = int(n["fn"]) / int(n["fd"]) if n["fd"] else _parse(n["num"])
    found = symbol_unit(text, n.end()) or word_unit(text, n.end())
    if found is None or not out.taken.free(s, found[1]) or (n["fd"] and not 0 < value < 10):
        return
    if found[0] == "second" and text.startswith("0s", n.end() - 1) and _DECADE_BACK.search(text, max(0, s - 8), s):
        return  # "in their 30s", "highs in the 80s": a decade of life or of a scale, not seconds
    out.add(_hedged_start(text, s), found[1], type="duration" if found[0] in DURATION_UNITS else "quantity",
            number=float(f"{value:.6g}"), unit=found[0])


def _measure_at(text: str, s: int, a: re.Match, out: _Out) -> bool:
    """A number with a unit of measure after it ("20 °C", "4 square kilometres", "1.2 mW m−2")."""
    scale = (a["scale"] or "").strip()
    pos = a.end("scale") if scale and scale not in ("m", "k") else a.end("num")
    found = symbol_unit(text, pos) or word_unit(text, pos)
    if found is None and scale in ("m", "k"):
        found = word_unit(text, a.end("scale"))  # "0.5k miles": a scale, then the unit
        scale = {"m": "million", "k": "thousand"}[scale] if found else scale
    if found is None or (scale in ("m", "k") and found[1] <= a.end("scale")):
        return False
    unit, end = found
    if not out.taken.free(s, end):
        return False
    number = _parse(a["num"], scale if scale not in ("m", "k") else None)
    r = _SECOND_MEASURE.match(text, end)
    if r is not None and (r["sep"] != "and" or _between_back(text, s)):
        second = symbol_unit(text, r.end()) or word_unit(text, r.end())
        if second is not None and second[0] == unit and out.taken.free(s, second[1]):
            # "44 mg to 50 mg", "between 5 K and 10 K": a range with its unit on both ends
            back = _between_back(text, s)
            high = _second(r)
            out.add(back.start() if back else _hedged_start(text, s), second[1], type="quantity_range",
                    low=min(number, high), high=max(number, high), unit=unit)
            return True
    out.add(_hedged_start(text, s), end, type="duration" if unit in DURATION_UNITS else "quantity", number=number,
            unit=unit)
    return True


def _between_back(text: str, s: int) -> re.Match | None:
    """"between" or "from" before the figure at ``s`` (and its minus sign: "from -18 °C")."""
    return _BETWEEN_BACK.search(text, max(0, s - 30), s - 1 if _minus_before(text, s) else s)


def _second(r: re.Match) -> float:
    """The second figure of a range, below zero after a minus sign ("from -18 °C to -34 °C")."""
    scale = r.groupdict().get("sb")
    return (-1 if r["neg"] else 1) * _parse(r["b"], scale)


def _currency_word(text: str, pos: int) -> tuple[str, int] | None:
    """"4 to 6 dollars": money named by a word after the second figure, as (ISO code, end)."""
    m = _NEXT_WORD.match(text, pos)
    return (_CUR_WORDS[m[1]], m.end()) if m is not None and m[1] in _CUR_WORDS else None


def _range_at(text: str, s: int, out: _Out) -> bool:
    """"between 90% and 100%", "5-10%", "$2-3bn", "3 to 4 L"; not "2-1" (a score) nor "2014 to 2016" (years)."""
    r = _RANGE_FORWARD.match(text, s)
    if not r:
        return False
    back = _between_back(text, s)
    if back is None and r["sep"] == "to" and ((r["pa"] and r["pb"]) or (r["cur"] and r["cur2"])
                                              or (r["sa"] and r["sb"])) \
            and _CHANGE_BACK.search(text, max(0, s - 40), s):
        return _change_to_level(text, s, r, out)  # "Oil rose $1.20 to $84.50": by how much, and to what
    pct, cur = r["pa"] or r["pb"], r["cur"] or r["cur2"]
    if not cur and {(r["sa"] or "").strip(), (r["sb"] or "").strip()} & {"m", "k"}:
        after = _NEXT_WORD.match(text, r.end())
        if not (after and _COUNTED.search(after[1])):
            return _short_scale_range(text, s, r, out)  # "0–0.5 m s−1": metres, not millions
    a, b = _parse(r["a"], r["sa"]), _second(r)
    joined = r["sep"] in ("-", "–")
    years = _year_like(r["a"]) and _year_like(r["b"]) and not (pct or cur)
    measure = None if pct or cur else (symbol_unit(text, r.end()) or word_unit(text, r.end())
                                       or _currency_word(text, r.end()))
    # "a 4% to 6% rise", "$2 to $3bn": without "between" or "from", "to" joins two figures of one kind only
    alike = (r["pa"] and r["pb"] and _pct_unit(r["pa"]) == _pct_unit(r["pb"])) or (r["cur"] and r["cur2"]) or measure
    if not (back or (joined and (pct or cur or r["sb"] or measure)) or (r["sep"] == "to" and alike)) \
            or years or not out.taken.free(s, r.end()):
        return False
    if back is not None and back.group().lower().startswith("from") and r["sep"] == "to" and \
            _CHANGE_FROM.search(text, max(0, back.start() - 16), back.start()):
        # "The toll rose from £3 to £5": the level before and the level after
        unit = "percent" if pct else _currency(cur)
        if measure is not None:
            unit = measure[0]
        out.add(s, r.end("pa") if r["pa"] else r.end("sa") if r["sa"] else r.end("a"), type="quantity", number=a,
                unit=unit)
        out.add(r.start("cur2") if r["cur2"] else r.start("neg") if r["neg"] else r.start("b"),
                measure[1] if measure else r.end(), type="quantity", number=b, unit=unit)
        return True
    first = back.start() if back else s
    if r["sb"] and not r["sa"]:
        a *= _SCALE_WORDS[" ".join(r["sb"].lower().split())]
    unit = "percent" if pct else _currency(cur)
    end = r.end()
    if measure is not None:
        unit, end = measure
    elif unit is None:
        unit, end = _counted_after(text, end)  # "5-10m people", "3-4 million homes": what is counted
    out.add(first, end, type="quantity_range", low=min(a, b), high=max(a, b), unit=unit)
    return True


def _counted_after(text: str, end: int) -> tuple[str | None, int]:
    """The plural noun a range of counts counts, and where it ends; (None, end) when none follows."""
    w = _NEXT_WORD.match(text, end)
    if w is None or not _COUNTED.search(w[1]) or w[1] in _NOT_UNITS:
        return None, end
    head, head_end = _head_noun(text, w[1], w.end(), 2.0)
    return _singular(head), head_end


def _pct_unit(pct: str) -> str:
    """"%", "per cent" and "percent" are percent; "percentage points" a difference of two percentages."""
    return "percentage point" if "point" in pct else "percent"


def _change_to_level(text: str, s: int, r: re.Match, out: _Out) -> bool:
    """"fell 0.3 percentage points to 4.1%", "rose $1.20 to $84.50": the change, then the level reached."""
    end_a = r.end("pa") if r["pa"] else r.end("sa") if r["sa"] else r.end("a")
    if not out.taken.free(s, r.end()):
        return False
    sides = ((r["a"], r["sa"], r["pa"], r["cur"], _hedged_start(text, s), end_a),
             (r["b"], r["sb"], r["pb"], r["cur2"], r.start("cur2") if r["cur2"] else r.start("b"), r.end()))
    for num, scale, pct, cur, start, end in sides:
        unit = _pct_unit(pct) if pct else _currency(cur)
        short = (scale or "").strip() in ("m", "k") and not cur
        if short:
            unit, scale = {"m": "metre", "k": "kilometre"}[(scale or "").strip()], None  # "17.30m": a length
        out.add(start, end, type="quantity", number=_parse(num, scale), unit=unit)
    return True


def _short_scale_range(text: str, s: int, r: re.Match, out: _Out) -> bool:
    """"2–5 m", "0–0.5 m s−1": a range of lengths, the "m" a unit (millions only of money or of people)."""
    measure = symbol_unit(text, r.end("b"))
    if measure is None or not out.taken.free(s, measure[1]):
        return False
    a, b = _parse(r["a"]), _parse(r["b"])
    back = _between_back(text, s)
    out.add(back.start() if back else s, measure[1], type="quantity_range", low=min(a, b), high=max(a, b),
            unit=measure[0])
    return True


def _amount_at(text: str, s: int, a: re.Match, out: _Out) -> None:
    """A count, a share or a sum of money: the unit is the currency, percent or the head noun counted."""
    num = a["num"]
    unit_word = a["unit"]
    end = a.end()
    if unit_word and (unit_word in _NOT_UNITS or ((a["cur"] or a["pct"]) and unit_word not in _CUR_WORDS)):
        unit_word = None
        end = a.end("pct") if a["pct"] else a.end("scale") if a["scale"] else a.end("num")
    cur = _currency(a["cur"])
    if cur is None and not (a["pct"] or a["unit"]) and text[end:end + 1] in _TRAILING_CURRENCY:
        cur, end = _CURRENCY[text[end]], end + 1  # "15€", as much of Europe writes it
    if unit_word and unit_word in _CUR_WORDS:
        cur = _CUR_WORDS[unit_word]
    scale = a["scale"]
    if scale in _MONEY_LETTERS and not cur and not (unit_word and _COUNTED.search(unit_word)):
        return  # "the 2T": no currency and no count ("5M users" counts users in millions)
    head, head_end = unit_word, end
    if unit_word and not (cur or a["pct"] or a["pence"]):
        head, head_end = _head_noun(text, unit_word, end, 2.0)  # "178 million new PCs" counts PCs
    if scale and scale.strip() in ("m", "k") and not cur:
        if scale.strip() == "m" and "." not in num and unit_word and _COUNTED.search(head):
            scale = "million"  # "18m people", "5m new homes": a count in millions
        else:
            # "17.30m" is a length and "10k" a distance: the short scales mean millions only for money
            unit_word, scale, end = {"m": "metre", "k": "kilometre"}[scale.strip()], None, a.end("scale")
    if a["pence"] and not (cur or scale or a["pct"]):
        cur, unit_word, end = "GBp", None, a.end("pence")  # "11.2p a share": pence
    if unit_word and not (cur or a["pct"]) and _parse(num, scale) > 1 and unit_word not in ("metre", "kilometre"):
        unit_word, end = head, head_end
    if unit_word and unit_word[-1] in "Wh":
        unit = unit_word  # "12,600 MW": a symbol keeps its case
    else:
        unit = _pct_unit(a["pct"]) if a["pct"] else cur or (_singular(unit_word) if unit_word else None)
    out.add(_hedged_start(text, s), end, type="quantity", number=_parse(num, scale), unit=unit)


def _one_in(text: str, start: int, out: _Out) -> None:
    """"one in five voters": a share, 0.2."""
    if not any(w in text for w in _ONE_IN_WORDS):
        return
    for m in at_word_starts(_ONE_IN, text, start):
        if not out.taken.free(*m.span()):
            continue
        n, d = _parse(m["n"]), _parse(m["d"])
        if 0 < n < d:
            out.add(_hedged_start(text, m.start()), m.end(), type="quantity", number=float(f"{n / d:.4g}"),
                    unit="fraction")


_NEXT_WORD = re.compile(r"[ -]([a-z]+|[A-Z]{2,}s)\b")  # "178 million new PCs"


def _head_noun(text: str, unit: str, end: int, number: float) -> tuple[str, int]:
    """The head of the noun phrase a count begins: "three credit rating agencies" counts agencies, "300 job
    cuts" cuts. A singular word after a plural count is a modifier; the first plural word ends the phrase."""
    if number <= 1:
        return unit, end
    for _ in range(3):
        if (unit.endswith("s") and not unit.endswith(("ous", "ss"))) or unit in ("people", "men", "women", "children"):
            break  # "two previous ceasefires": "previous" is no plural, the head comes after it
        m = _NEXT_WORD.match(text, end)
        if not m or not _noun_like(m[1]):
            break
        after = _NEXT_WORD.match(text, m.end())
        if not m[1].endswith("s") and not (after and _noun_like(after[1]) and after[1].endswith("s")):
            break
        unit, end = m[1], m.end()
    return unit, end


def _noun_like(word: str) -> bool:
    return word not in _NOT_UNITS and not word.endswith(("ed", "ly"))


def _dozens(text: str, start: int, out: _Out) -> None:
    """"a dozen people", "two dozen homes", "half a dozen boats": twelve of them a dozen."""
    for m in at_word_starts(_DOZEN, text, start):
        if m["noun"] in _NOT_UNITS or not out.taken.free(*m.span()):
            continue
        lead = m["n"].lower()
        n = 0.5 if lead.startswith("half") else 1.0 if lead in ("a", "one") else _parse(lead)
        out.add(_hedged_start(text, m.start()), m.end(), type="quantity", number=12 * n, unit=_singular(m["noun"]))


def _counts_of_measured_things(text: str, out: _Out) -> None:
    """"three 20-litre drums": three drums (the 20 litres are each drum's)."""
    for f in out.figures:
        c = _MEASURED_COMPOUND.match(text, f) if f and text[f - 1].isspace() else None
        if c is None:
            continue
        m = _COUNT_BEFORE_COMPOUND.search(text, max(0, c.start() - 40), c.start())
        if m is None or c["noun"] in _NOT_UNITS or not out.taken.free(m.start(), m.end("num")):
            continue
        out.add(_hedged_start(text, m.start()), m.end("num"), type="quantity", number=_parse(m["num"]),
                unit=_singular(c["noun"]))


def _word_numbers(text: str, start: int, out: _Out) -> None:
    _counts_of_measured_things(text, out)
    for m in _word_anchors(text, start):
        if m["num"][0].isupper() and _IN_SENTENCE.search(text, max(0, m.start() - 3), m.start()):
            continue  # "the Six Nations": a capitalised number inside a sentence belongs to a name
        unit = m["unit"]
        if unit in ("and", "or") and _coordinated(text, m, out):
            continue
        if unit in SCALES:
            # "three million, officials said": a number in words with nothing after it to count
            if out.taken.free(*m.span()):
                out.add(_hedged_start(text, m.start()), m.end(), type="quantity", number=_parse(m.group()))
            continue
        if unit in _NOT_UNITS or unit.endswith("ed") or not out.taken.free(*m.span()):
            if unit == "more" or (m["name"] is None and _MORE_AFTER.match(text, m.end("num"))):
                _count_alone(text, m, out)
            continue
        number = _parse(m["num"])
        if unit in _CUR_WORDS:
            out.add(_hedged_start(text, m.start()), m.end(), type="quantity", number=number, unit=_CUR_WORDS[unit])
            continue
        unit, end = _head_noun(text, unit, m.end(), number)
        out.add(_hedged_start(text, m.start()), end, type="quantity", number=number, unit=_singular(unit))


def _word_anchors(text: str, start: int) -> list[re.Match]:
    """Numbers in words and what they count, in text order: those starting with a number word, and "a hundred",
    "a million" found from their scale word."""
    found = list(at_word_starts(_WORD_ANCHOR, text, start))
    more = [m for w in SCALE_WORDS for k in find_all(text, w, start + 2)
            if text[k - 2:k] in ("a ", "A ") and (k == 2 or not text[k - 3].isalnum())
            and (m := _A_SCALE_ANCHOR.match(text, k - 2)) is not None]
    return sorted(found + more, key=lambda m: m.start()) if more else found


def _coordinated(text: str, m: re.Match, out: _Out) -> bool:
    """"three and two bags": each number counts the noun after the last; "two or three days" is a range."""
    c = _COORDINATED.match(text, m.end("num"))
    if c is None or c["noun"] in _NOT_UNITS:
        return False
    first, second = _parse(m["num"]), _parse(c["n"])
    noun, end = _head_noun(text, c["noun"], c.end(), 2.0)
    if c["conj"] == "or":
        if not out.taken.free(m.start(), end):
            return False
        out.add(_hedged_start(text, m.start()), end, type="quantity_range", low=min(first, second),
                high=max(first, second), unit=_singular(noun))
        return True
    if out.taken.free(m.start(), m.end("num")):
        out.add(_hedged_start(text, m.start()), m.end("num"), type="quantity", number=first, unit=_singular(noun))
    return True


def _count_alone(text: str, m: re.Match, out: _Out) -> None:
    """"Rescuers found two more.": a count whose noun is in an earlier sentence."""
    more = _MORE_AFTER.match(text, m.end("num"))
    if more is not None and out.taken.free(m.start(), more.end()):
        out.add(_hedged_start(text, m.start()), more.end(), type="quantity", number=_parse(m["num"]))
