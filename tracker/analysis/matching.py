"""Suggest links between claims of different documents: what their values, names and words say.

Contradictions come only from arithmetic and logic a person can check from the reason: a range's length
against a stated duration, a range's end against a stated end date, "entire X" against "not fully any of X".
Agreements need the same value and the same kind of event, and a shared name where a single date is all
they share. Everything else is at most "related".
"""
from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from rapidfuzz import fuzz

from .blocking import candidate_pairs
from .clusters import independence_line
from .facts import ClaimFact, SuggestedLink
from .features import Features, content_tokens, features_of_all
from .names import spelled
from .quantifiers import whole_vs_none
from .values import fmt_number

#: publication dates further apart than this are taken as different stories
STORY_DAYS = 31
#: rapidfuzz token-set similarity (0-100) at which two quotes say nearly the same words
SAME_WORDS = 90
#: at which two quotes about the same names and event are worth a reviewer's look
RELATED_WORDS = 60
#: at which two sentences giving a number for the same thing are taken to be about the same fact
AMOUNT_WORDS = 75
#: at which two sentences with the same year or month (not day) and event are taken to tell one happening
COARSE_DATE_WORDS = 50


@dataclass(frozen=True, slots=True)
class Finding:
    relation: str
    score: float
    reason: str


def _names(names: frozenset[str], a: Features, b: Features) -> str:
    return spelled(names, a.fact.quote, b.fact.quote, a.fact.context, b.fact.context)


def _near_in_time(a: Features, b: Features) -> bool | None:
    if a.published is None or b.published is None:
        return None
    return abs((a.published - b.published).days) <= STORY_DAYS


def _same_story(a: Features, b: Features) -> bool:
    """Same kind of event, named in at least one quote, and close in time or sharing a name."""
    if not ((a.families & b.all_families) or (b.families & a.all_families)):
        return False
    near = _near_in_time(a, b)
    if near is False:
        return False
    return near is True or bool(a.all_names & b.all_names)


def _event(a: Features, b: Features) -> str:
    fams = (a.families & b.all_families) | (b.families & a.all_families)
    return "/".join(sorted(fams)) or "event"


def _days(n: float) -> str:
    return f"{fmt_number(n)} day{'s' * (n != 1)}"


def _range_rules(r_side: Features, other: Features) -> Finding | None:
    """A date range against the other claim's end date, start date, duration or range."""
    for r in r_side.ranges:
        head = f"{r.days} days from {r.start.isoformat()} ends {r.end.isoformat()}"
        for d in other.dates:
            day = d.day
            if day is None or d.role is None:
                continue
            if d.role == "end" and day != r.end and abs((day - r.end).days) <= 7:
                return Finding("contradicts", 0.93, f"{head}; the other says it concludes {day.isoformat()} "
                                                    f"(“{d.text}”)")
            if d.role == "start" and day != r.start and abs((day - r.start).days) <= 7:
                return Finding("contradicts", 0.9, f"“{r.text}” starts {r.start.isoformat()}; the other says it "
                                                   f"begins {day.isoformat()} (“{d.text}”)")
        for du in other.durations:
            if du.unit != "day":
                continue
            if not (du.amount.low <= r.days <= du.amount.high):
                return Finding("contradicts", 0.92, f"{head}; the other says it lasts {_days(du.amount.central)} "
                                                    f"(“{du.text}”)")
        for r2 in other.ranges:
            if (r2.start, r2.end) != (r.start, r.end) and abs((r2.start - r.start).days) <= 7:
                return Finding("contradicts", 0.9, f"{head}; the other runs {r2.start.isoformat()} to "
                                                   f"{r2.end.isoformat()} (“{r2.text}”)")
    return None


def _range_agreements(r_side: Features, other: Features) -> Finding | None:
    for r in r_side.ranges:
        for d in other.dates:
            if d.day is not None and d.role == "start" and d.day == r.start:
                return Finding("corroborates", 0.85, f"both put the start on {r.start.isoformat()} "
                                                     f"(“{r.text}”, “{d.text}”)")
            if d.day is not None and d.role == "end" and d.day == r.end:
                return Finding("corroborates", 0.85, f"both put the end on {r.end.isoformat()} "
                                                     f"(“{r.text}”, “{d.text}”)")
        for du in other.durations:
            if du.unit == "day" and du.amount.exact and du.amount.central == r.days:
                return Finding("corroborates", 0.85, f"both give {_days(r.days)} (“{r.text}”, “{du.text}”)")
        for r2 in other.ranges:
            if (r2.start, r2.end) == (r.start, r.end):
                return Finding("corroborates", 0.9, f"both give {r.start.isoformat()} to {r.end.isoformat()}")
    return None


def _duration_rules(a: Features, b: Features) -> Finding | None:
    """Two stated lengths of the same kind of event (named in both quotes): any agreement wins over a clash."""
    if not (a.families & b.families):
        return None
    clash = None
    for x in a.durations:
        for y in b.durations:
            if x.unit != y.unit:
                continue
            unit = f"{x.unit}s"
            if x.amount.central == y.amount.central or (x.amount.overlaps(y.amount) and not (x.amount.exact and
                                                                                           y.amount.exact)):
                return Finding("corroborates", 0.8, f"both give {fmt_number(x.amount.central)} {unit} for the "
                                                    f"{_event(a, b)} (“{x.text}”, “{y.text}”)")
            if clash is None and not x.amount.overlaps(y.amount):
                clash = Finding("contradicts", 0.85,
                                f"one says the {_event(a, b)} lasts {fmt_number(x.amount.central)} {unit} "
                                f"(“{x.text}”), the other {fmt_number(y.amount.central)} (“{y.text}”)")
    return clash


def _date_role_rules(a: Features, b: Features) -> Finding | None:
    """Two dates that both say when an event starts (or ends)."""
    for x in a.dates:
        for y in b.dates:
            if x.role is None or x.role != y.role or x.day is None or y.day is None:
                continue
            if x.day == y.day:
                return Finding("corroborates", 0.8, f"both put the {x.role} on {x.day.isoformat()}")
            if abs((x.day - y.day).days) <= 7:
                return Finding("contradicts", 0.8, f"one puts the {x.role} on {x.day.isoformat()} (“{x.text}”), "
                                                   f"the other on {y.day.isoformat()} (“{y.text}”)")
    return None


def _same_date_rule(a: Features, b: Features, similarity: Callable[[], float]) -> Finding | None:
    """Same date or year, same kind of event in both quotes, a name in common: the same happening. A year or a
    month holds many happenings, so then the sentences must be alike too."""
    events = a.families & b.families
    names = a.names & b.names
    if not events or not names:
        return None
    for x in a.dates:
        for y in b.dates:
            short, long_ = sorted((x.value, y.value), key=len)
            if long_.startswith(short):
                if len(short) < 10 and similarity() < COARSE_DATE_WORDS:
                    continue
                what = "year" if len(short) == 4 else "month" if len(short) == 7 else "date"
                return Finding("corroborates", min(0.7 + 0.05 * len(names), 0.9),
                               f"same {what} {short}, same event ({'/'.join(sorted(events))}); "
                               f"both name {_names(names, a, b)}")
    return None


def _counted(f: Features, value_text: str) -> frozenset[str]:
    """The words right after a number: what it counts ("45% of people", "300,000 reservists")."""
    at = f.fact.quote.find(value_text)
    if at < 0:
        return frozenset()
    return content_tokens(f.fact.quote[at:at + len(value_text) + 30]) - content_tokens(value_text) | (
        content_tokens(value_text) - _NUMBER_WORDS)


_NUMBER_WORDS = frozenset("percent per cent hundred hundreds thousand thousands million millions billion billions "
                          "half third quarter fifth dozen dozens nearly almost about around roughly some more less "
                          "than over under".split())


def _amount_rules(a: Features, b: Features, similarity: Callable[[], float]) -> Finding | None:
    """Quantities of the same thing (same unit, same words after the number) about the same names and event,
    in sentences that are close too."""
    names = a.names & b.names
    if len(names) < 2 or not (a.families & b.families):
        return None
    clash = None
    for x in a.amounts:
        for y in b.amounts:
            if x.unit != y.unit or not (_counted(a, x.text) & _counted(b, y.text)) or similarity() < AMOUNT_WORDS:
                continue
            unit = f" {x.unit}" if x.unit else ""
            if x.amount.central == y.amount.central or (not x.amount.exact and x.amount.overlaps(y.amount)
                                                        and not y.amount.exact):
                return Finding("corroborates", 0.75, f"both give {fmt_number(x.amount.central)}{unit} "
                                                     f"(“{x.text}”, “{y.text}”)")
            if clash is None and not x.amount.overlaps(y.amount):
                clash = Finding("contradicts", 0.7, f"one gives {x.text}, the other {y.text}; both about "
                                                    f"{_names(names, a, b)}")
    # any number the two agree on means the others may well be about something else
    return clash


def _value_rules(a: Features, b: Features, arguable: bool, similarity: Callable[[], float]) -> Finding | None:
    if _same_story(a, b):
        if arguable:
            for found in (_range_rules(a, b), _range_rules(b, a), _date_role_rules(a, b)):
                if found:
                    return found
        for found in (_range_agreements(a, b), _range_agreements(b, a), _duration_rules(a, b)):
            if found and (arguable or found.relation != "contradicts"):
                return found
    found = _same_date_rule(a, b, similarity) or _amount_rules(a, b, similarity)
    if found and (arguable or found.relation != "contradicts"):
        return found
    return None


def compare(a: Features, b: Features) -> Finding | None:
    """The link ``a`` and ``b`` deserve, if any."""
    cache: list[float] = []

    def similarity() -> float:
        if not cache:
            cache.append(fuzz.token_set_ratio(a.fact.quote.lower(), b.fact.quote.lower()))
        return cache[0]

    arguable = "caveat" not in (a.fact.kind, b.fact.kind)
    if a.quantified and b.quantified and arguable:
        conflict = whole_vs_none(a.quantified, b.quantified)
        if conflict:
            whole, none, places = conflict
            return Finding("contradicts", 0.88, f"“{whole}” against “{none}”: whole against not fully, both "
                                                f"about {_names(places, a, b)}")
    if a.has_values and b.has_values:
        found = _value_rules(a, b, arguable, similarity)
        if found:
            return found
    shared = len(a.tokens & b.tokens)
    if shared < 2 or shared * 2 < min(len(a.tokens), len(b.tokens)):
        return None  # too few words in common for either rule below; spares the string comparison
    if min(len(a.tokens), len(b.tokens)) >= 5 and similarity() >= SAME_WORDS:
        return Finding("corroborates", round(similarity() / 100, 2),
                       f"nearly the same words ({similarity():.0f}% alike)")
    names = a.names & b.names
    if len(names) >= 2 and (a.families & b.families) and similarity() >= RELATED_WORDS:
        return Finding("related", round(0.6 * similarity() / 100, 2),
                       f"same event ({_event(a, b)}) and names ({_names(names, a, b)}); {similarity():.0f}% alike")
    return None


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection for a while. Linking makes hundreds of thousands of small objects and no
    cycles; the collector would walk them all again and again (40% of the time on a 40,000-claim corpus)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass(slots=True)
class Matcher:
    """Suggests links for a set of claims; counts what it compared, for the benchmark."""

    pairs_compared: int = 0

    def suggest(self, claims: Iterable[ClaimFact], new_documents: set[int] | None = None) -> list[SuggestedLink]:
        with paused_gc():
            return self._suggest(claims, new_documents)

    def _suggest(self, claims: Iterable[ClaimFact], new_documents: set[int] | None) -> list[SuggestedLink]:
        features = features_of_all(claims)
        out: list[SuggestedLink] = []
        for a, b in candidate_pairs(features, new_documents):
            self.pairs_compared += 1
            finding = compare(a, b)
            if finding is None:
                continue
            reason = finding.reason
            if finding.relation == "corroborates":
                reason = f"{reason}; {independence_line([a.fact, b.fact])}"
            out.append(SuggestedLink(a.id, b.id, finding.relation, round(min(finding.score, 0.99), 2), reason))
        return out


def suggest_links(claims: Iterable[ClaimFact], new_documents: set[int] | None = None) -> list[SuggestedLink]:
    """Links among ``claims`` (only pairs touching ``new_documents`` when given), ``a_id`` < ``b_id``."""
    return Matcher().suggest(claims, new_documents)

