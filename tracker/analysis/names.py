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
    return word.lower().replace("’", "'").split("'")[0][:6]


# a capitalized word at the start of the text or after a sentence's end, a colon, a quote mark or a dash
_OPENING = re.compile(r"(?:^|[.!?:;\"“‘(\-–—])\s*([A-Z][a-zA-Z'’-]+)")


def names_and_openers(text: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(keys of capitalized words inside sentences, lower-cased capitalized words that open one, every
    capitalized word lower-cased).

    "Growth slowed" may name nothing: whether an opener is a name is decided against a whole corpus
    (see :func:`tracker.analysis.features.drop_common_openers`)."""
    capitalized = {w.lower() for w in _CAPITALIZED.findall(text)}
    if not capitalized:
        return frozenset(), frozenset(), frozenset()
    openers = {w.lower() for w in _OPENING.findall(text)}
    # a word that both opens a sentence and stands inside one is judged as an opener: rare, and harmless
    # since a real name is never written in lower case
    inside = frozenset(name_key(w) for w in capitalized - openers if w.split("’")[0] not in _NOT_NAMES)
    return inside, frozenset(w for w in openers if w.split("’")[0] not in _NOT_NAMES), frozenset(capitalized)


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
