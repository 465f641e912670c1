"""Claims of a new version of an article matched to the claims of the old one (pure: no database).

Three stages, each only on what the earlier ones left: the exact span (same offsets, same text), the same quote
elsewhere chosen by the text around it (prefix and suffix), then a bounded fuzzy match (the pairs are few: a
claim is compared only with claims of similar length and shared words, scored by rapidfuzz). A fuzzy pair whose
facts differ (numbers, dates, names, negation; see :func:`facts_of`) is ``changed``, never re-anchored: the old
verdict does not carry over to text that says something else. What is left of the old claims is ``removed``,
of the new ones ``new``.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..extract.lexicon import en

OUTCOMES = ("unchanged", "moved", "changed", "removed", "new")
#: characters of text either side of a quote that tell two copies of it apart
CONTEXT = 40
#: the least rapidfuzz ratio (0-100) for two quotes to be one claim reworded
FUZZY_MIN = 70.0
#: a fuzzy pair's lengths differ by at most this factor
LENGTH_FACTOR = 1.6
#: at most this many fuzzy comparisons per old claim (the most word-sharing candidates first)
FUZZY_CANDIDATES = 8


@dataclass(frozen=True, slots=True)
class Span:
    """A claim of one version: ``key`` is the caller's id for it (a claim id, a draft's index)."""

    key: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Match:
    """What became of one claim: ``old`` and ``new`` are keys (None for a new or a removed claim); ``method`` is
    how it was found (span, context, fuzzy); ``reason`` says what differs for a changed claim."""

    old: int | None
    new: int | None
    outcome: str
    method: str | None = None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Facts:
    """What a quote asserts that a rewording must keep: a change in any of these changes the claim."""

    numbers: tuple[str, ...]
    dates: tuple[str, ...]
    names: tuple[str, ...]
    negations: int


_TOKEN = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_]+(?:['’][^\W\d_]+)*|n['’]t", re.UNICODE)
_DATE_WORDS = en.MONTHS | en.WEEKDAYS | en.RELATIVE_DAYS


def _number(token: str) -> str:
    return token.replace(",", "").rstrip(".")


def facts_of(quote: str) -> Facts:
    """The numbers (digits and number words), date words, names (capitalised words after the first) and the
    count of negations in ``quote``."""
    numbers: list[str] = []
    dates: list[str] = []
    names: list[str] = []
    negations = 0
    for index, match in enumerate(_TOKEN.finditer(quote)):
        token = match.group()
        lower = token.lower().replace("’", "'")
        if token[0].isdigit():
            (dates if len(token) == 4 and token.startswith(("19", "20")) else numbers).append(_number(token))
        elif lower in _DATE_WORDS:
            dates.append(lower)
        elif lower in en.NUMBER_WORDS:
            numbers.append(lower)
        elif lower in en.NEGATIONS or lower.endswith("n't"):
            negations += 1
        elif index > 0 and token[0].isupper() and not _after_stop(quote, match.start()):
            names.append(token)
    return Facts(tuple(sorted(numbers)), tuple(sorted(dates)), tuple(sorted(names)), negations)


def _after_stop(text: str, at: int) -> bool:
    """Whether the word at ``at`` opens a sentence (capitalised for that reason, not as a name)."""
    before = text[:at].rstrip(" “\"‘'(")
    return not before or before[-1] in ".!?:"


def difference(old: Facts, new: Facts) -> str:
    """What differs between two quotes' facts, in words ("" when nothing does)."""
    parts = []
    for what in ("numbers", "dates", "names"):
        a, b = getattr(old, what), getattr(new, what)
        if a != b:
            gone = sorted((Counter(a) - Counter(b)).elements())
            came = sorted((Counter(b) - Counter(a)).elements())
            parts.append(f"{what}: {', '.join(gone) or '-'} → {', '.join(came) or '-'}")
    if old.negations != new.negations:
        parts.append(f"negation: {old.negations} → {new.negations}")
    return "; ".join(parts)


def reanchor(old_text: str, old: Sequence[Span], new_text: str, new: Sequence[Span]) -> list[Match]:
    """One :class:`Match` per old claim (unchanged, moved, changed, removed) and per new claim left (new)."""
    free = {s.key: s for s in new}
    matches: list[Match] = []
    pending: list[Span] = []
    by_span = {(s.start, s.end): s for s in new}
    for span in old:
        quote = old_text[span.start:span.end]
        same = by_span.get((span.start, span.end))
        if same is not None and same.key in free and new_text[span.start:span.end] == quote:
            del free[same.key]
            matches.append(Match(span.key, same.key, "unchanged", "span"))
        else:
            pending.append(span)
    pending = _by_context(old_text, pending, new_text, free, matches)
    pending = _by_fuzz(old_text, pending, new_text, free, matches)
    matches.extend(Match(span.key, None, "removed") for span in pending)
    matches.extend(Match(None, span.key, "new") for span in sorted(free.values(), key=lambda s: s.start))
    return matches


def _context_score(old_text: str, old: Span, new_text: str, new: Span) -> tuple[int, float]:
    """How well the text around two copies of a quote agrees (characters shared next to it), then nearness."""
    before_old = old_text[max(0, old.start - CONTEXT):old.start]
    before_new = new_text[max(0, new.start - CONTEXT):new.start]
    after_old, after_new = old_text[old.end:old.end + CONTEXT], new_text[new.end:new.end + CONTEXT]
    shared = _common_suffix(before_old, before_new) + _common_prefix(after_old, after_new)
    where_old = old.start / max(1, len(old_text))
    where_new = new.start / max(1, len(new_text))
    return shared, -abs(where_old - where_new)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])


def _by_context(old_text: str, pending: list[Span], new_text: str, free: dict[int, Span],
                matches: list[Match]) -> list[Span]:
    """The same quote somewhere else: the copy whose surroundings agree best. Returns the claims still unmatched."""
    by_quote: dict[str, list[Span]] = {}
    for span in free.values():
        by_quote.setdefault(new_text[span.start:span.end], []).append(span)
    left = []
    for span in pending:
        candidates = [s for s in by_quote.get(old_text[span.start:span.end], ()) if s.key in free]
        if not candidates:
            left.append(span)
            continue
        best = max(candidates, key=lambda s: _context_score(old_text, span, new_text, s))
        del free[best.key]
        outcome = "unchanged" if (best.start, best.end) == (span.start, span.end) else "moved"
        matches.append(Match(span.key, best.key, outcome, "context"))
    return left


def _words(text: str) -> frozenset[str]:
    return frozenset(t.lower() for t in _TOKEN.findall(text))


def _by_fuzz(old_text: str, pending: list[Span], new_text: str, free: dict[int, Span],
             matches: list[Match]) -> list[Span]:
    """A reworded claim: the best-scoring pairs first, each claim in one pair at most. A pair whose facts differ
    is ``changed``; one whose facts agree is ``moved`` (the same assertion, worded otherwise)."""
    quotes = {s.key: new_text[s.start:s.end] for s in free.values()}
    words = {key: _words(q) for key, q in quotes.items()}
    scored: list[tuple[float, int, int]] = []
    for span in pending:
        quote = old_text[span.start:span.end]
        mine = _words(quote)
        near = [key for key, q in quotes.items()
                if max(len(q), len(quote)) <= LENGTH_FACTOR * min(len(q), len(quote)) and mine & words[key]]
        near.sort(key=lambda key: -len(mine & words[key]))
        for key in near[:FUZZY_CANDIDATES]:
            score = fuzz.ratio(quote, quotes[key])
            if score >= FUZZY_MIN:
                scored.append((score, span.key, key))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    olds = {s.key: s for s in pending}
    for _, old_key, new_key in scored:
        if old_key not in olds or new_key not in free:
            continue
        old_quote = old_text[olds[old_key].start:olds[old_key].end]
        why = difference(facts_of(old_quote), facts_of(quotes[new_key]))
        matches.append(Match(old_key, new_key, "changed" if why else "moved", "fuzzy", why))
        del olds[old_key], free[new_key]
    return [s for s in pending if s.key in olds]
