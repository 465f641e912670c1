"""Names in a claim's text, folded so that "Russian" finds "Russia" and "Crimean" finds "Crimea"."""
from __future__ import annotations

import re

_CAPITALIZED = re.compile(r"\b[A-Z][a-zA-Z'’-]+")

# Capitalized words that are not names: sentence openers, pronouns, calendar words, titles.
_NOT_NAMES = frozenset("""
a an the this that these those there their they them it its he she his her we our you your i
in on at of for from to by with as and but or nor so yet if when while after before since until
what which who whom whose where why how neither either both all some many most no not one two
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september sept october november december jan feb mar
apr jun jul aug sep oct nov dec mr mrs ms dr president prime minister secretary general said says
today tomorrow yesterday last next new old state media news
""".split())


def name_key(word: str) -> str:
    """A name's matching key: "Russian" and "Russia", "Crimean" and "Crimea" share one."""
    word = word.lower().replace("’", "'").split("'")[0]
    return word[:6]


_OPENS_AFTER = frozenset('.!?:;"“‘(-–—')


def names_and_openers(text: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(keys of capitalized words inside sentences, lower-cased capitalized words that open one, every
    capitalized word lower-cased).

    "Growth slowed" may name nothing: whether an opener is a name is decided against a whole corpus
    (see :func:`tracker.analysis.features.drop_common_openers`)."""
    inside, openers, capitalized = set(), set(), set()
    for m in _CAPITALIZED.finditer(text):
        word = m.group()
        lower = word.lower()
        capitalized.add(lower)
        if lower.split("’")[0] in _NOT_NAMES:
            continue
        j = m.start() - 1
        while j >= 0 and text[j] == " ":
            j -= 1
        if j < 0 or text[j] in _OPENS_AFTER:
            openers.add(lower)
        else:
            inside.add(name_key(word))
    return frozenset(inside), frozenset(openers), frozenset(capitalized)


def names_in(text: str) -> frozenset[str]:
    return frozenset(name_key(w) for w in _CAPITALIZED.findall(text) if w.lower().split("’")[0] not in _NOT_NAMES)


def spelled(keys: frozenset[str] | set[str], *texts: str) -> str:
    """Keys as the texts spell them ("Luhansk, Russia"), for reasons a person reads."""
    found: dict[str, str] = {}
    for text in texts:
        for word in _CAPITALIZED.findall(text):
            key = name_key(word)
            if key in keys and (key not in found or len(word) < len(found[key])):
                found[key] = word.rstrip("’'")
    return ", ".join(sorted(found.get(k, k.capitalize()) for k in keys))
