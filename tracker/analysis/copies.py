"""Near-copies compared through their first copy, so that links grow with the copies, not with their square.

A wire story republished eight times, each with a line changed, repeats most sentences word for word in every
copy. Compared pair by pair, each repeated sentence links to its seven repeats (28 links where one sentence
stood) and every claim of another article that matches it links eight times. A repeat says nothing its first
occurrence does not: it is linked to that occurrence (``same``, one source) and to nothing else, and the first
occurrence carries the links to other articles. A sentence a copy changed or added is compared as any other.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .features import Features
from .stories import Stories

_SPACES = re.compile(r"\s+")


def repeated_claims(features: Iterable[Features], stories: Stories) -> dict[int, int]:
    """Claims of a near-copy that repeat, word for word (case and spacing aside), a claim of an earlier copy of
    the same article among ``features``: claim id -> the id of that earlier claim (the first occurrence)."""
    if not stories.copy_of:
        return {}
    in_copies = set(stories.copy_of) | set(stories.copy_of.values())
    first: dict[tuple[int, str], int] = {}
    repeats: dict[int, int] = {}
    for f in sorted(features, key=lambda f: f.id):
        doc = f.fact.document_id
        if doc not in in_copies:
            continue
        key = (stories.root(doc), _SPACES.sub(" ", f.fact.quote.strip().casefold()))
        earlier = first.setdefault(key, f.id)
        if earlier != f.id:
            repeats[f.id] = earlier
    return repeats


def through_first_occurrence(pairs: Iterable[tuple[Features, Features]], repeats: dict[int, int]
                             ) -> Iterator[tuple[Features, Features]]:
    """The pairs worth comparing: a repeated claim only against its first occurrence (see the module's note)."""
    if not repeats:
        yield from pairs
        return
    for a, b in pairs:
        ra, rb = repeats.get(a.id), repeats.get(b.id)
        if (ra is None and rb is None) or ra == b.id or rb == a.id:
            yield a, b
