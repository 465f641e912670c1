"""Numbers two documents of one story give for the same thing: a death toll, people missing, money pledged.

"The same thing" is read from the words around each number (its window) and its unit. A clash (14 at least
against 11) needs the same kind of event right by both numbers ("killed", "death toll"), the same unit or a
bare number that is no age or name, and no different periods ("in the fourth quarter", "last year"). An
agreement (the same figure, or a range holding the other) needs the same unit and an event or a word in
common by the numbers, or, in documents of the same days, a large figure in the same unit. Any agreement
between two claims wins over a clash, since their other numbers may count other things.

What a number counts is the event word nearest it ("killed at least 14 people and left dozens missing" counts
the dead) and its noun: "57 children" or "57 were among the dead" is a part, never set against a toll. A
later, higher figure that says it grew ("rose to 230", "at least 230" a day after 212) is an update, not a
clash; a lower later figure for the same count is a clash, with the source and dates in the reason.
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
_UNIT_SYNONYMS = {"people": "person", "persons": "person", "individual": "person", "individuals": "person",
                  "resident": "person", "residents": "person", "inhabitant": "person", "inhabitants": "person",
                  "villager": "person", "villagers": "person", "euro": "eur", "euros": "eur", "€": "eur",
                  "dollar": "usd", "dollars": "usd", "$": "usd", "pound": "gbp", "pounds": "gbp", "£": "gbp",
                  "per cent": "percent", "%": "percent"}
#: what a bare number ("put the death toll at 186") may count when set against a counted noun: people in
#: general, never a group of them ("57 children" is part of a toll, not another toll)
_GENERAL = frozenset({None, "person"})
# "57 children were among the dead", "including 12 soldiers": a part of a total, never set against it
_PART_BEFORE = re.compile(r"\b(?:including|includes|included|of whom|of them|among them)\s+(?:\w+\s+){0,2}$",
                          re.I)
_PART_AFTER = re.compile(r"[\w\s-]{0,30}?\b(?:(?:were|was|are|is) among|among the)\b", re.I)
# "the toll rose to 230": a later, higher figure that updates the earlier one
_RISE = re.compile(r"\b(?:ros[ea]|risen|rising|climb\w*|increas\w*|jump\w*|grew|grown|mount\w*|soar\w*|"
                   r"swell\w*|swollen|reach\w*|now)\b[^.;]{0,30}$", re.I)
#: how far around a number its window of words reaches, in characters
WINDOW = 45
#: how close an event word must stand to the number to say what it counts
NEAR = 30
#: an equal number this large, in the same unit and story, is taken as the same fact even without other words
DISTINCTIVE = 100
#: below this, an equal count of a thing ("two men", "a third") is too common to corroborate anything unless the
#: same event stands by both ("two men were killed"): in a hand check of 50 BBC corroborations, "two men" and
#: "a third" were two of the five wrong
SMALL_COUNT = 10


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
    #: the number is part of a total ("57 children were among the dead")
    part: bool = False
    #: the words before the number say a count grew to it ("the toll rose to 230")
    risen: bool = False
    #: the event family of the event word nearest the number: "killed at least 14 people and left dozens
    #: missing" counts the dead, not the missing
    nearest: str | None = None


_PERIODS = {"day": "day", "daily": "day", "week": "week", "weekly": "week", "month": "month", "monthly": "month",
            "quarter": "quarter", "quarterly": "quarter", "year": "year", "annual": "year", "annually": "year"}
# "aged 73", ", 42," after a name, a number right after a capitalized word
_LABEL = re.compile(r"(?:\baged?\s+$|[A-Z]\w+,?\s*$)")
#: words that make a distance the name of a race ("the 100m title", "women's 60m hurdles"), not a measure
RACE_WORDS = frozenset("title titles champion champions championship gold silver bronze medal medals medallist "
                       "medalist final finals heat heats race races hurdles relay freestyle backstroke breaststroke "
                       "butterfly sprint record crown".split())
_LENGTH_UNITS = frozenset({"m", "metre", "meter", "metres", "meters", "km", "kilometre", "kilometer", "kilometres",
                           "mile", "miles", "yard", "yards"})
_RACE_BEFORE = re.compile(r"(?:\b(?:the|men's|women's|men’s|women’s)\s+(?:\w+\s+)?)$", re.I)
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")


def names_a_race(quote: str, at: int, end: int, unit: str | None) -> bool:
    """"the 200m title", "won silver in the 100m": a distance that names a race. Two such agree on the race,
    not on any figure."""
    if unit not in _LENGTH_UNITS:
        return False
    if not RACE_WORDS.isdisjoint(w.lower() for w in re.findall(r"[A-Za-z]+", quote[at:end])):
        return True  # the value's own text runs on into the race: "200m champion"
    after = _NEXT_WORD.match(quote, end)
    if after and after.group(1).lower() in RACE_WORDS:
        return True
    return bool(_RACE_BEFORE.search(quote[max(0, at - 25):at])) and not after


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
        if names_a_race(quote, at, end, unit):
            continue
        words = content_tokens(window) - _NUMBER_WORDS - content_tokens(am.text) - {unit or ""}
        label = unit is None and bool(_LABEL.search(quote[max(0, at - 20):at]))
        periods = frozenset(_PERIODS[w] for w in content_tokens(window) if w in _PERIODS)
        part = bool(_PART_BEFORE.search(quote[max(0, at - 30):at]) or _PART_AFTER.match(quote, end))
        risen = bool(_RISE.search(quote[max(0, at - 40):at]))
        families = families_in(near)
        nearest = _nearest_family(quote, at, end) if len(families) > 1 else next(iter(families), None)
        out.append(Counted(am, unit, words, families, label, periods, part, risen, nearest))
    return out


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")


def _nearest_family(text: str, start: int, end: int) -> str | None:
    """The family of the event word closest to ``text[start:end]`` within :data:`NEAR` characters."""
    best: tuple[int, str] | None = None
    for m in _WORD.finditer(text, max(0, start - NEAR), min(len(text), end + NEAR)):
        if start <= m.start() < end:
            continue
        fams = families_in(m.group())
        if fams:
            gap = start - m.end() if m.end() <= start else m.start() - end
            if best is None or gap < best[0]:
                best = (gap, min(fams))
    return best[1] if best else None


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
    #: not a clash but a count that grew ("rose to 230" a day after 212): related, not contradicting
    update: bool = False


def source_key(f: Features) -> str | None:
    """The speaker's head word ("the health ministry" and "the ministry" are one source), lower case."""
    words = (f.fact.speaker or "").lower().split()
    return words[-1] if words else None


def _source(a: Features, b: Features) -> str:
    """"the health ministry: " when both name the same source (the longer spelling), else nothing."""
    if source_key(a) is None or source_key(a) != source_key(b):
        return ""
    name = max(a.fact.speaker or "", b.fact.speaker or "", key=len)
    return f"{'the' + name[3:] if name.startswith('The ') else name}: "


def _when(f: Features) -> str:
    return f" ({f.published.isoformat()})" if f.published else ""


def _grew(earlier: Counted, later: Counted) -> bool:
    """The later figure is higher and says so: "rose to 230", "at least 230"."""
    figure = later.amount.amount
    # "at least 230": an interval starting above its own figure
    return figure.central > earlier.amount.amount.central and (later.risen or figure.low > figure.central)


def compare_amounts(a: Features, b: Features, shared_words: int, same_days: bool) -> AmountFinding | None:
    """Agreement or clash between the numbers of two claims of one story, if they count the same thing.
    ``shared_words``: how many content words the two sentences have in common; ``same_days``: whether the
    two documents are dated close together.

    Counts of one thing a day or two apart that disagree clash, unless the later one is higher and says it
    grew ("rose to", "climbed to", "at least"): a rising toll is an update. A part ("57 children were among
    the dead") or a group ("57 children") is never set against a total or a bare figure."""
    clash = None
    update = None
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
                common = abs(xi.central) < SMALL_COUNT and not same_event
                if distinctive or (not common and (same_unit or same_event) and (same_event or x.words & y.words)
                                   and shared_words >= 2):
                    return AmountFinding(True, f"“{x.amount.text}” and “{y.amount.text}” agree")
            elif (clash is None and same_event and shared_words >= 2 and not xi.overlaps(yi)
                  and not (x.periods and y.periods and x.periods.isdisjoint(y.periods))
                  and (x.unit == y.unit or (x.unit in _GENERAL and y.unit in _GENERAL))
                  and not (x.part or y.part) and x.nearest == y.nearest):
                what = "/".join(sorted(x.families & y.families))
                order = _order(a, b)
                earlier, later = (x, y) if order <= 0 else (y, x)
                # on the same day "at least 14" against "11" still clashes: only "rose to" says which came later
                if (_grew(earlier, later) and (order != 0 or later.risen)) or (
                        order == 0 and _grew(later, earlier) and earlier.risen):
                    earlier, later = sorted((x, y), key=lambda c: c.amount.amount.central)
                    if update is None:
                        update = AmountFinding(False, f"{_source(a, b)}{what} figure grew: “{earlier.amount.text}” "
                                                      f"then “{later.amount.text}”", update=True)
                    continue
                clash = AmountFinding(False, f"{_source(a, b)}“{x.amount.text}”{_when(a)} against "
                                             f"“{y.amount.text}”{_when(b)}: {what} figures that cannot both hold")
    return clash or update


def _order(a: Features, b: Features) -> int:
    """-1 when ``a`` was published first, 1 when ``b`` was, 0 when the same day or undated."""
    if a.published is None or b.published is None or a.published == b.published:
        return 0
    return -1 if a.published < b.published else 1


def _range_holds(x, y) -> bool:
    """One is a stated range (between 40 and 60) holding the other's figure (about 50)."""
    return (x.high - x.low > 0 and x.low <= y.central <= x.high and y.high - y.low < x.high - x.low) or (
        y.high - y.low > 0 and y.low <= x.central <= y.high and x.high - x.low < y.high - y.low)
