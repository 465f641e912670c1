"""Suggest links between claims of different documents: what their values, names and words say.

Contradictions come only from arithmetic and logic a person can check from the reason: a range's length
against a stated duration, a range's end against a stated end date, "entire X" against "not fully any of X".
Agreements need the same value and the same kind of event, and a shared name where a single date is all
they share. Everything else is at most "related".
"""
from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from .amounts import compare_amounts
from .blocking import candidate_pairs
from .clusters import independence_line
from .copies import repeated_claims, through_first_occurrence
from .facts import ClaimFact, SuggestedLink
from .features import Features, content_tokens, features_of_all
from .names import name_key, spelled
from .quantifiers import whole_vs_none
from .stories import Stories
from .values import durations_of, fmt_number
from .words import lemma, words_of

#: publication dates further apart than this are taken as different stories
STORY_DAYS = 31
#: rapidfuzz token-set similarity (0-100) at which two quotes say nearly the same words
SAME_WORDS = 90
#: at which two quotes about the same names and event are worth a reviewer's look
RELATED_WORDS = 60
#: at which two sentences with the same year or month (not day) and event are taken to tell one happening
COARSE_DATE_WORDS = 50
#: the same, in one story, without an event word or a name in common
STORY_WORDS = 65
#: names two dated documents close in time must share to tell one story (one more when undated)
STORY_NAMES = 2
#: rapidfuzz token-sort similarity at which two undated sentences with clashing figures report one thing
CLASH_WORDS = 60
#: words two claims of one story must share to be related by their words alone
OVERLAP_WORDS = 2
#: the weight (summed inverse document frequency) those shared words must reach
OVERLAP_WEIGHT = 12.0
#: and their share of the lighter claim's weight
OVERLAP_SHARE = 0.2
#: the weight that words shared besides names (what happened, to what) reach when they relate two claims of one
#: story on their own, lighter than :data:`OVERLAP_WEIGHT`: names shared say two claims are about the same people,
#: other words that they say the same of them. On ECB+ (claim pairs linked over those about one event; links right
#: among those joining claims on annotated sentences): none 0.208 with 0.936 right, 6 0.246 with 0.920, 5 0.265
#: with 0.920, 4 0.275 with 0.917 and more than twice the links
SAID_WEIGHT = 5.0


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
            if x.role not in ("start", "end") or x.role != y.role or x.day is None or y.day is None:
                continue
            if x.day == y.day:
                return Finding("corroborates", 0.8, f"both put the {x.role} on {x.day.isoformat()}")
            if abs((x.day - y.day).days) <= 7:
                return Finding("contradicts", 0.8, f"one puts the {x.role} on {x.day.isoformat()} (“{x.text}”), "
                                                   f"the other on {y.day.isoformat()} (“{y.text}”)")
    return None


def _same_date_rule(a: Features, b: Features, similarity: Callable[[], float]) -> Finding | None:
    """The same date (or year, or month) for the same happening: the same kind of event and a name in both
    quotes, or, in one story, words in common. A year or a month holds many happenings, so then the
    sentences must be alike too."""
    events = a.families & b.families
    names = a.names & b.names
    for x in a.dates:
        for y in b.dates:
            short, long_ = sorted((x.value, y.value), key=len)
            if not long_.startswith(short):
                continue
            what = "year" if len(short) == 4 else "month" if len(short) == 7 else "date"
            day = len(short) == 10
            if events and names and (day or similarity() >= COARSE_DATE_WORDS):
                return Finding("corroborates", min(0.7 + 0.05 * len(names), 0.9),
                               f"same {what} {short}, same event ({'/'.join(sorted(events))}); "
                               f"both name {_names(names, a, b)}")
            if not _one_story(a, b):
                continue
            if day:
                # a day holds many happenings: a shared date with words in common corroborates no two different
                # kinds of event ("the ceasefire held on Thursday" says nothing of Thursday's death toll)
                if a.families and b.families and not events:
                    continue
                stems = _stems(a) & _stems(b)
                if len(stems) >= 2:
                    words = sorted(t for t in a.tokens if t[:6] in stems)[:4]
                    return Finding("corroborates", 0.7, f"same date {short} in one story; both say "
                                                        f"{', '.join(words)}")
            elif similarity() >= STORY_WORDS:
                return Finding("corroborates", 0.7, f"same {what} {short} in one story; the sentences are "
                                                    f"{similarity():.0f}% alike")
    return None


def _amount_rules(a: Features, b: Features) -> Finding | None:
    """Numbers for the same thing in two documents of one story (see :mod:`tracker.analysis.amounts`)."""
    if not (a.amounts and b.amounts and _one_story(a, b)):
        return None
    found = compare_amounts(a, b, len(a.tokens & b.tokens), bool(_near_in_time(a, b)))
    if found is None:
        return None
    if found.agrees:
        return Finding("corroborates", 0.8, found.reason)
    # figures change as a story unfolds and a corpus holds many stories: a clash needs two documents of the
    # same days, or, undated, two sentences in nearly the same words; so does a count that grew
    if _near_in_time(a, b) or fuzz.token_sort_ratio(a.fact.quote.lower(), b.fact.quote.lower()) >= CLASH_WORDS:
        return Finding("related", 0.6, found.reason) if found.update else Finding("contradicts", 0.8, found.reason)
    return None


def _since_rule(a: Features, b: Features) -> Finding | None:
    """"Not upgraded since 2009" and "for sixteen years" in a 2025 article: the same span of time."""
    for since_side, other in ((a, b), (b, a)):
        if other.published is None:
            continue
        for d in since_side.dates:
            if d.role != "since" or len(d.value) != 4:
                continue
            for du in durations_of(other.fact.values):
                years = du.amount.central / 12
                if du.unit == "month" and du.amount.exact and years.is_integer() and _FOR.search(
                        other.fact.quote[:max(0, other.fact.quote.find(du.text))]) and (
                        other.published.year - int(years) == int(d.value)):
                    return Finding("corroborates", 0.75, f"“{du.text}” before {other.published.year} is "
                                                         f"{d.value}, as “since {d.value}” says")
    return None


_FOR = re.compile(r"\b(?:for|(?:over|in) the (?:past|last))\s+$", re.I)


def _stems(f: Features) -> frozenset[str]:
    """Content words cut to six letters ("inspect", "inspected"), leaving out the words of the claim's values."""
    value_words = content_tokens(" ".join(v.text for v in f.fact.values))
    return frozenset(t[:6] for t in f.tokens - value_words)


def _one_story(a: Features, b: Features) -> bool:
    """Documents close in time (or undated) that share several names tell one story."""
    near = _near_in_time(a, b)
    if near is False:
        return False
    return len(a.doc_names & b.doc_names) >= (STORY_NAMES if near else STORY_NAMES + 1)


def _value_rules(a: Features, b: Features, arguable: bool, similarity: Callable[[], float]) -> Finding | None:
    if _same_story(a, b):
        if arguable:
            for found in (_range_rules(a, b), _range_rules(b, a), _date_role_rules(a, b)):
                if found:
                    return found
        for found in (_range_agreements(a, b), _range_agreements(b, a), _duration_rules(a, b)):
            if found and (arguable or found.relation != "contradicts"):
                return found
    amounts = _amount_rules(a, b)
    if amounts and amounts.relation == "contradicts":
        return amounts if arguable else None
    return _same_date_rule(a, b, similarity) or amounts or _since_rule(a, b)


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
        denial = one_sided_denial(a.fact.quote, b.fact.quote)
        if denial:
            return Finding("related", round(0.6 * similarity() / 100, 2),
                           f"nearly the same words ({similarity():.0f}% alike), but only one says “{denial}”")
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


def _copy_rule(a: Features, b: Features, stories: Stories) -> Finding | None:
    """Two claims of near-copies of one article: the same sentence is the same source, never corroboration."""
    if fuzz.token_sort_ratio(a.fact.quote.lower(), b.fact.quote.lower()) < SAME_WORDS:
        return None
    return Finding("same", 0.95, f"the same sentence in a near-copy of one article (documents "
                                 f"{stories.root(a.fact.document_id)} and "
                                 f"{max(a.fact.document_id, b.fact.document_id)}): one source")


def _copy_overlap(a: Features, b: Features, found: Finding, stories: Stories) -> Finding:
    return Finding("same", found.score, f"a sentence reworded in a near-copy of one article (documents "
                                        f"{stories.root(a.fact.document_id)} and "
                                        f"{max(a.fact.document_id, b.fact.document_id)}): one source; "
                                        f"{found.reason.removeprefix('in one story, ')}")


#: words that deny or prevent what a sentence otherwise says ("the ban will prevent her from challenging")
DENIALS = frozenset("not no never none nobody nothing neither nor cannot can't won't didn't doesn't don't isn't "
                    "wasn't aren't weren't hasn't haven't couldn't wouldn't shouldn't prevent prevents prevented "
                    "preventing bar barred bars deny denies denied refuse refused refuses without unable fail failed "
                    "fails".split())
_WORDS = re.compile(r"[a-z]+(?:['’][a-z]+)?")


def one_sided_denial(a: str, b: str) -> str | None:
    """A word of denial one sentence has and the other has not: the same words then say opposite things."""
    da = DENIALS.intersection(w.replace("’", "'") for w in _WORDS.findall(a.lower()))
    db = DENIALS.intersection(w.replace("’", "'") for w in _WORDS.findall(b.lower()))
    differ = sorted(da ^ db)
    return differ[0] if differ else None


#: sentences two documents share word for word from which the shared ones are a copied passage, one source
COPIED_SENTENCES = 3
#: how alike (rapidfuzz ratio) two sentences are to count as word for word
VERBATIM = 98


def copied_passages(out: list[SuggestedLink], quotes: dict[int, tuple[int, str]]) -> list[SuggestedLink]:
    """Corroborations between two documents that share several sentences word for word are one passage
    copied (boilerplate, a wire paragraph, a quote block reused): ``same``, one source, not corroboration."""
    verbatim: dict[tuple[int, int], list[int]] = {}
    for n, link in enumerate(out):
        (doc_a, qa), (doc_b, qb) = quotes[link.a_id], quotes[link.b_id]
        if link.relation == "corroborates" and fuzz.ratio(qa, qb) >= VERBATIM:
            verbatim.setdefault((min(doc_a, doc_b), max(doc_a, doc_b)), []).append(n)
    for (doc_a, doc_b), found in verbatim.items():
        if len(found) < COPIED_SENTENCES:
            continue
        for n in found:
            link = out[n]
            out[n] = SuggestedLink(link.a_id, link.b_id, "same", link.score,
                                   f"the same passage in documents {doc_a} and {doc_b} ({len(found)} sentences "
                                   f"word for word): one source")
    return out


def other_protagonists(a: Features, b: Features) -> bool:
    """Each claim names someone (or somewhere) the other claim's document never names: two happenings of one
    kind ("X knocked out Y" against "X knocked out Z"), not one told twice."""
    def own(x: Features, y: Features) -> bool:
        return any(len(n) > 2 for n in (x.names & x.doc_principal) - y.doc_names)

    return own(a, b) and own(b, a)


def overlap_rule(a: Features, b: Features, idf: Callable[[str], float],
                 totals: dict[int, float] | None = None) -> Finding | None:
    """Two claims of one story that share their weightiest words (rare words weigh more): ``related``, with
    the words that matched (``totals``: each claim's summed word weights, kept between calls)."""
    shared = a.lemmas & b.lemmas
    if len(shared) < OVERLAP_WORDS:
        return None
    together = sum(idf(w) for w in shared)
    if together < OVERLAP_WEIGHT and not _same_said(shared, a, b, idf):
        return None
    totals = {} if totals is None else totals
    for f in (a, b):
        if f.id not in totals:
            totals[f.id] = sum(idf(w) for w in f.lemmas)
    share = together / min(totals[a.id], totals[b.id])
    if share < OVERLAP_SHARE:
        return None
    written = {lemma(w): w.lower() for w in reversed(words_of(a.fact.quote))}
    words = [written.get(w, w) for w in sorted(shared, key=lambda w: (-idf(w), w))[:5]]
    return Finding("related", round(0.3 + 0.5 * min(share, 1.0), 3),
                   f"in one story, both say {', '.join(words)} (weighted word overlap {share:.2f})")


@lru_cache(maxsize=65536)
def _capitalized(text: str) -> tuple[frozenset[str], str, str]:
    """The lemmas of the capitalized words of ``text`` but its first (which any sentence capitalizes), and the
    first word's lemma and name key ("" when it is not capitalized)."""
    words = words_of(text)
    rest = frozenset(lemma(w) for w in words[1:] if w[0].isupper())
    if words and words[0][0].isupper():
        return rest, lemma(words[0]), name_key(words[0])
    return rest, "", ""


def name_lemmas(f: Features) -> frozenset[str]:
    """The lemmas of the names in a claim: its capitalized words, the first only when its document writes it
    capitalized inside a sentence too."""
    rest, first, key = _capitalized(f.fact.quote)
    return rest | {first} if first and key in f.doc_names else rest


def _same_said(shared: frozenset[str], a: Features, b: Features, idf: Callable[[str], float]) -> bool:
    """Two claims of one story that say the same thing of someone, not only name the same people: the words
    they share besides names (what happened, to what) are at least :data:`OVERLAP_WORDS` and weigh
    :data:`SAID_WEIGHT`."""
    said = shared - name_lemmas(a) - name_lemmas(b)
    return len(said) >= OVERLAP_WORDS and sum(idf(w) for w in said) >= SAID_WEIGHT


@dataclass(slots=True)
class Matcher:
    """Suggests links for a set of claims; counts what it compared, for the benchmark.

    With ``stories``, only claims of one story are compared, and claims of near-copies are at most the
    ``same``; ``idf`` weighs words for :func:`overlap_rule` (rarity across documents, by lemma)."""

    stories: Stories | None = None
    idf: Callable[[str], float] | None = None
    pairs_compared: int = 0

    def suggest(self, claims: Iterable[ClaimFact], new_documents: set[int] | None = None) -> list[SuggestedLink]:
        with paused_gc():
            return self._suggest(claims, new_documents)

    def _finding(self, a: Features, b: Features) -> Finding | None:
        stories = self.stories
        if stories is not None and stories.copies(a.fact.document_id, b.fact.document_id):
            return _copy_rule(a, b, stories)
        return compare(a, b)

    def _overlap(self, a: Features, b: Features, idf: Callable[[str], float] | None,
                 totals: dict[int, float]) -> Finding | None:
        """Word overlap within a story: ``related``; between near-copies of one article, the same sentence
        reworded, so ``same`` (one source)."""
        if self.stories is None or idf is None:
            return None
        if self.stories.copies(a.fact.document_id, b.fact.document_id):
            found = overlap_rule(a, b, idf, totals)
            return _copy_overlap(a, b, found, self.stories) if found else None
        return None if other_protagonists(a, b) else overlap_rule(a, b, idf, totals)

    def _suggest(self, claims: Iterable[ClaimFact], new_documents: set[int] | None) -> list[SuggestedLink]:
        features = features_of_all(claims)
        out: list[SuggestedLink] = []
        story_of = self.stories.story.get if self.stories is not None else None
        overlaps: list[tuple[Features, Features, Finding]] = []
        idf = _remembered(self.idf) if self.idf is not None else None
        totals: dict[int, float] = {}
        pairs = candidate_pairs(features, new_documents, story_of=(lambda d: story_of(d, d)) if story_of else None)
        if self.stories is not None:
            pairs = through_first_occurrence(pairs, repeated_claims(features, self.stories))
        for a, b in pairs:
            self.pairs_compared += 1
            finding = self._finding(a, b)
            if finding is None:
                found = self._overlap(a, b, idf, totals)
                if found:
                    overlaps.append((a, b, found))
                continue
            out.append(_link(a, b, finding))
        out.extend(_link(a, b, found) for a, b, found in overlaps)
        quotes = {f.id: (f.fact.document_id, f.fact.quote) for f in features}
        return sorted(copied_passages(out, quotes), key=lambda s: (s.a_id, s.b_id))


def _remembered(idf: Callable[[str], float]) -> Callable[[str], float]:
    """``idf``, each word's weight worked out once."""
    seen: dict[str, float] = {}

    def weight(word: str) -> float:
        try:
            return seen[word]
        except KeyError:
            seen[word] = value = idf(word)
            return value

    return weight


def _link(a: Features, b: Features, finding: Finding) -> SuggestedLink:
    reason = finding.reason
    if finding.relation == "corroborates":
        reason = f"{reason}; {independence_line([a.fact, b.fact])}"
    return SuggestedLink(a.id, b.id, finding.relation, round(min(finding.score, 0.99), 2), reason)


def mutual_best(found: list[tuple[Features, Features, Finding]]) -> list[tuple[Features, Features, Finding]]:
    """Of the word-overlap findings between two documents, those where each claim is the other's best match
    in the other document: one sentence of an article is told by one sentence of another."""
    best: dict[tuple[int, int], float] = {}
    for a, b, f in found:
        for claim, other in ((a, b), (b, a)):
            key = (claim.id, other.fact.document_id)
            best[key] = max(best.get(key, 0.0), f.score)
    return [(a, b, f) for a, b, f in found
            if f.score >= best[(a.id, b.fact.document_id)] and f.score >= best[(b.id, a.fact.document_id)]]


def suggest_links(claims: Iterable[ClaimFact], new_documents: set[int] | None = None,
                  stories: Stories | None = None, idf: Callable[[str], float] | None = None) -> list[SuggestedLink]:
    """Links among ``claims`` (only pairs touching ``new_documents`` when given), ``a_id`` < ``b_id``."""
    return Matcher(stories, idf).suggest(claims, new_documents)

