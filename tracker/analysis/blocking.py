"""Candidate pairs without comparing every claim with every other.

Each claim gets a few blocking keys (its values, the names it mentions, its event words with a unit);
only claims sharing a key are compared. A key held by very many claims ("2004" in a year of news)
says little and would make cost grow with the square of the corpus, so such keys are dropped.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator

from .amounts import counted, unit_key
from .features import Features
from .values import durations_of

#: a key shared by more claims than this is too common to pick out one story
MAX_BUCKET = 25


def _day_buckets(prefix: str, ordinal: int) -> tuple[str, str]:
    # two staggered 7-day buckets: any two days at most 3 apart share at least one of them
    return f"{prefix}{ordinal // 7}", f"{prefix}+{(ordinal + 3) // 7}"


def keys_of(f: Features) -> set[str]:
    """Keys from values, quantifiers and names; see :func:`candidate_pairs` for the rare-word keys."""
    keys: set[str] = set()
    names = sorted(f.names)
    families = f.all_families if (f.ranges or f.durations) else ()
    for d in f.dates:
        keys.add(f"d:{d.value}")
        keys.update(f"dn:{d.value}|{n}" for n in names)
        if d.day:
            keys.update(_day_buckets("w", d.day.toordinal()))
    for r in f.ranges:
        for day in (r.start, r.end):
            keys.add(f"d:{day.isoformat()}")
            keys.update(_day_buckets("w", day.toordinal()))
        keys.update(f"len:day:{fam}" for fam in families)
    for du in f.durations:
        keys.update(f"len:{du.unit}:{fam}" for fam in families)
    for am in f.amounts:
        keys.add(f"q:{unit_key(am.unit)}:{am.amount.central:g}")
    for c in counted(f) if f.amounts else ():
        # "between 40 and 60 people unaccounted for" and "about 50 people missing": the same kind of count,
        # the same order of magnitude
        magnitude = int(math.log10(max(c.amount.amount.central, 1)))
        keys.update(f"qf:{fam}:{magnitude}" for fam in c.families)
    for d in f.dates:
        if d.role == "since" and len(d.value) == 4:
            keys.add(f"yr:{d.value}")
    if f.published and f.fact.values:
        # "for sixteen years" in a 2025 article meets "since 2009"
        for du in durations_of(f.fact.values):
            years = du.amount.central / 12
            if du.unit == "month" and years.is_integer():
                keys.add(f"yr:{f.published.year - int(years)}")
    if f.quantified:
        keys.update(f"ctl:{n}" for n in f.quantified.scope)
    # pairs of names pick out a story even when each name alone is common
    keys.update(f"nn:{a}|{b}" for i, a in enumerate(names) for b in names[i + 1:i + 4])
    return keys


#: a claim's rarest words, paired up as keys: near-copies of a sentence share most of them
RARE_WORDS = 3
#: within one story a word may pick out more claims than a key across the corpus
STORY_BUCKET = 1000


def _story_keys(f: Features, story: int) -> Iterator[str]:
    """Within a story: every key scoped to it, and each content word (for word overlap)."""
    for key in keys_of(f):
        yield f"{story}/{key}"
    for word in f.lemmas:
        yield f"{story}/l:{word}"


def candidate_pairs(features: Iterable[Features], new_documents: set[int] | None = None,
                    max_bucket: int = MAX_BUCKET,
                    story_of: Callable[[int], int] | None = None) -> Iterator[tuple[Features, Features]]:
    """Each pair of claims from different documents that share a key, once; with ``new_documents``, only
    pairs touching one of those documents; with ``story_of`` (document id to story id), only pairs of one
    story."""
    # in claim id order, so that an index pair (i < j) is already the link's (a, b)
    features = sorted(features, key=lambda f: f.id)
    frequency: Counter[str] = Counter()
    for f in features:
        frequency.update(f.tokens)
    # one rank per word, rarest first, ties broken by the word: the same keys on every run (sets have no order)
    words = sorted(frequency, key=lambda t: (frequency[t], t))
    rank = {t: n for n, t in enumerate(words)}.__getitem__
    # words found once come first in that order; they cannot pair two claims
    shared = sum(1 for n in frequency.values() if n == 1)
    # buckets hold indices into ``features``, appended in order, so each bucket is already sorted
    buckets: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(features):
        story = story_of(f.fact.document_id) if story_of else None
        for key in keys_of(f) if story is None else _story_keys(f, story):
            buckets[key].append(i)
        # sorting ranks (ints) is several times cheaper than sorting words by a key function
        rare = [words[r] for r in sorted(map(rank, f.tokens))[:RARE_WORDS + 2] if r >= shared][:RARE_WORDS]
        scope = "" if story is None else f"{story}/"
        for n, t in enumerate(rare):
            for u in rare[n + 1:]:
                buckets[f"{scope}tt:{t}|{u}" if t < u else f"{scope}tt:{u}|{t}"].append(i)
    docs = [f.fact.document_id for f in features]
    is_new = [new_documents is None or d in new_documents for d in docs]
    # index pairs (i, j) deduplicated in one set as the int i * size + j: cheaper to hash and sort than tuples,
    # and sorted in the same order
    size = len(features)
    pairs: set[int] = set()
    for key, idx in buckets.items():
        if len(idx) < 2 or len(idx) > (STORY_BUCKET if "/l:" in key else max_bucket):
            continue
        for n, i in enumerate(idx):
            doc_i, base = docs[i], i * size
            if is_new[i]:
                pairs.update([base + j for j in idx[n + 1:] if docs[j] != doc_i])
            else:
                pairs.update([base + j for j in idx[n + 1:] if docs[j] != doc_i and is_new[j]])
    for pair in sorted(pairs):
        i, j = divmod(pair, size)
        yield features[i], features[j]
