"""Numbers two documents of one story give for the same thing: a death toll, people missing, money pledged.

"The same thing" is read from the words around each number (its window) and its unit. A clash (14 at least
against 11) needs the same kind of event right by both numbers ("killed", "death toll"), the same unit or a
bare number that is no age or name, and no different periods ("in the fourth quarter", "last year"). An
agreement (the same figure, or a range holding the other) needs the same unit and an event or a word in
common by the numbers, or, in documents of the same days, a large figure in the same unit. Any agreement
between two claims wins over a clash, since their other numbers may count other things.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .features import Features, content_tokens, families_in
from .values import Amount

#: words that say how a number is qualified or scaled, not what it counts
_NUMBER_WORDS = frozenset("percent per cent hundred hundreds thousand thousands million millions billion billions "
                          "half third quarter fifth dozen dozens nearly almost about around roughly some more less "
                          "than over under least most still".split())
_UNIT_SYNONYMS = {"people": "person", "persons": "person", "euro": "eur", "euros": "eur", "dollar": "usd",
                  "dollars": "usd", "pound": "gbp", "pounds": "gbp", "per cent": "percent", "%": "percent"}
#: how far around a number its window of words reaches, in characters
WINDOW = 45
#: how close an event word must stand to the number to say what it counts
NEAR = 30
#: an equal number this large, in the same unit and story, is taken as the same fact even without other words
DISTINCTIVE = 100


@dataclass(frozen=True, slots=True)
class Counted:
    amount: Amount
    unit: str | None
    #: content words by the number, other than the number's own and the unit
    words: frozenset[str]
    #: event families close by the number
    families: frozenset[str]
    #: a bare number that is an age or part of a name: "Mr Sullivan, 42,", "aged 73", "Andre 3000", "Shrek 2"
    label: bool
    #: the period a figure covers, when the words by it say ("in the fourth quarter", "last year")
    periods: frozenset[str]


_PERIODS = {"day": "day", "daily": "day", "week": "week", "weekly": "week", "month": "month", "monthly": "month",
            "quarter": "quarter", "quarterly": "quarter", "year": "year", "annual": "year", "annually": "year"}
# "aged 73", ", 42," after a name, a number right after a capitalized word
_LABEL = re.compile(r"(?:\baged?\s+$|[A-Z]\w+,?\s*$)")


def unit_key(unit: str | None) -> str | None:
    if not unit:
        return None
    u = unit.strip().lower()
    return _UNIT_SYNONYMS.get(u, u)


def counted(f: Features) -> list[Counted]:
    """What each of the claim's numbers counts, remembered on ``f``."""
    if f.counts is None:
        f.counts = _counted(f)
    return f.counts


def _counted(f: Features) -> list[Counted]:
    quote = f.fact.quote
    out = []
    for am in f.amounts:
        at = quote.find(am.text)
        if at < 0:
            continue
        end = at + len(am.text)
        window = _words_around(quote, at, end, WINDOW)
        near = _words_around(quote, at, end, NEAR)
        unit = unit_key(am.unit)
        words = content_tokens(window) - _NUMBER_WORDS - content_tokens(am.text) - {unit or ""}
        label = unit is None and bool(_LABEL.search(quote[max(0, at - 20):at]))
        periods = frozenset(_PERIODS[w] for w in content_tokens(window) if w in _PERIODS)
        out.append(Counted(am, unit, words, families_in(near), label, periods))
    return out


def _words_around(text: str, start: int, end: int, reach: int) -> str:
    """``text`` from ``reach`` characters before ``start`` to as many after ``end``, widened to whole words."""
    left, right = max(0, start - reach), min(len(text), end + reach)
    while left > 0 and text[left - 1].isalnum():
        left -= 1
    while right < len(text) and text[right].isalnum():
        right += 1
    return text[left:right]


@dataclass(frozen=True, slots=True)
class AmountFinding:
    agrees: bool
    reason: str


def compare_amounts(a: Features, b: Features, shared_words: int, same_days: bool) -> AmountFinding | None:
    """Agreement or clash between the numbers of two claims of one story, if they count the same thing.
    ``shared_words``: how many content words the two sentences have in common; ``same_days``: whether the
    two documents are dated close together."""
    clash = None
    for x in counted(a):
        for y in counted(b):
            if x.unit != y.unit and (x.unit and y.unit or x.label or y.label):
                continue
            xi, yi = x.amount.amount, y.amount.amount
            same_event = bool(x.families & y.families)
            same_unit = x.unit is not None and x.unit == y.unit
            equal = xi.central == yi.central
            if equal or _range_holds(xi, yi):
                distinctive = same_days and equal and same_unit and xi.central >= DISTINCTIVE
                if distinctive or ((same_unit or same_event) and (same_event or x.words & y.words)
                                   and shared_words >= 2):
                    return AmountFinding(True, f"“{x.amount.text}” and “{y.amount.text}” agree")
            elif (clash is None and same_event and shared_words >= 2 and not xi.overlaps(yi)
                  and not (x.periods and y.periods and x.periods.isdisjoint(y.periods))):
                clash = AmountFinding(False, f"“{x.amount.text}” against “{y.amount.text}”: "
                                             f"{'/'.join(sorted(x.families & y.families))} figures that cannot "
                                             f"both hold")
    return clash


def _range_holds(x, y) -> bool:
    """One is a stated range (between 40 and 60) holding the other's figure (about 50)."""
    return (x.high - x.low > 0 and x.low <= y.central <= x.high and y.high - y.low < x.high - x.low) or (
        y.high - y.low > 0 and y.low <= x.central <= y.high and x.high - x.low < y.high - y.low)
