"""Whole against none: "captured the entire X" and "don't fully control any of ... X" cannot both hold."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .names import names_in

_CONTROL = r"(?:captur\w*|seiz\w*|control\w*|occup\w*|conquer\w*|overr[au]n|h[eo]ld\w*|took|tak(?:e|en|es))"
_WHOLE = re.compile(r"\b(?:entire|entirety of|whole(?: of)?|all of|full control of|complete control of|"
                    r"total control of)\b(?P<scope>[^.;]{0,60})", re.I)
# negations of whole: "don't fully control", "not in full control of", "no longer controls all of",
# "deprived of full control", "control none of"
_NOT_WHOLE = re.compile(
    r"(?:\b(?:not|never|no longer)\b|n[’']t\b)\s+(?:\w+\s+){0,2}?(?:fully|entirely|completely|wholly|"
    r"(?:in\s+)?(?:full|complete|total)\s+control|control\w*\s+(?:all|the whole|the entire))"
    r"|\bdepriv\w*\s+(?:\w+\s+){0,3}?of\s+(?:full|complete|total)\s+control"
    r"|\b(?:none|neither)\s+of\b",
    re.I)
_CONTROL_RE = re.compile(rf"\b{_CONTROL}\b", re.I)
# a cheap first look, on every claim of a corpus: any word starting like a verb of holding ground
_CONTROL_HINT = re.compile(r"captur|seiz|control|occup|conquer|overr[au]n|h[eo]ld|took|tak[e]", re.I)


@dataclass(frozen=True, slots=True)
class Quantified:
    """A claim that something is wholly held, or that no part is wholly held."""

    whole: bool
    phrase: str
    #: the names the quantifier is about (after "entire", or anywhere in a negative claim's sentence)
    scope: frozenset[str]
    #: names before the verb: who holds it
    actor: frozenset[str]


def mentions_control(text: str) -> bool:
    return _CONTROL_HINT.search(text) is not None and _CONTROL_RE.search(text) is not None


def quantified(quote: str, context: str = "") -> Quantified | None:
    if not _CONTROL_RE.search(quote):
        return None
    neg = _NOT_WHOLE.search(quote)
    if neg:
        text = context if context and quote in context else quote
        begin = quote.rfind(" ", 0, neg.start()) + 1
        return Quantified(False, _phrase(quote, begin, len(quote)), names_in(text), names_in(quote[:begin]))
    whole = _WHOLE.search(quote)
    if whole:
        verb = _CONTROL_RE.search(quote[:whole.start()])
        actor = names_in(quote[:verb.start()]) if verb else frozenset()
        return Quantified(True, _phrase(quote, (verb or whole).start(), whole.end("scope")),
                          names_in(whole.group("scope")), actor)
    return None


def _phrase(text: str, start: int, end: int) -> str:
    words = text[start:end].split()
    return " ".join(words[:10]).rstrip(",;:")


def whole_vs_none(a: Quantified | None, b: Quantified | None) -> tuple[str, str, frozenset[str]] | None:
    """(whole phrase, not-whole phrase, shared places) when one claims all of a place and the other denies it."""
    if a is None or b is None or a.whole == b.whole:
        return None
    whole, none = (a, b) if a.whole else (b, a)
    shared = whole.scope & none.scope
    if not shared:
        return None
    if whole.actor and none.actor and not (whole.actor & none.actor):
        return None
    return whole.phrase, none.phrase, shared
