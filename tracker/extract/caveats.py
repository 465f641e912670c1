"""Caveats (the outlet could not verify; it was unclear) and hedges (may, could, appears)."""
from __future__ import annotations

import re

from .lexicon import en, verb_forms
from .wordre import alternation

_VERIFIED = alternation(verb_forms(v, en.IRREGULAR_VERBS)[1] for v in en.VERIFICATION_VERBS)  # "corroborated"
_VERIFY_BASE = alternation(en.VERIFICATION_VERBS)
_VERIFY_ANY = f"{_VERIFY_BASE}|{_VERIFIED}"
_INDEPENDENTLY = r"(?:independently\s+|immediately\s+)*"
# "NBC News has not verified the claim", "could not be independently confirmed", "unable to verify"
VERIFY = re.compile(
    r"\b(?:(?:has|have|had|could|can|did|does|do|was|were|is|are|cannot)(?:\s*not|n[’']t)?\s+"
    rf"(?:not\s+|never\s+)?(?:yet\s+)?(?:been\s+)?(?:able\s+to\s+)?{_INDEPENDENTLY}(?:{_VERIFY_ANY})"
    rf"|(?:unable|not\s+able|not\s+possible)\s+to\s+{_INDEPENDENTLY}(?:{_VERIFY_BASE})"
    r"|no\s+independent\s+(?:verification|confirmation)"
    rf"|(?:could|can)\s*(?:not|n[’']t)\s+be\s+{_INDEPENDENTLY}(?:{_VERIFIED}))\b", re.I)
# a negated "confirm" is a caveat only when it is about the reporting itself: passive ("could not be
# verified"), "independently", an outlet as subject, or the claim/footage/figures as object ("Ukraine did not
# confirm the attack" is news, not a caveat)
_ABOUT_REPORTING = re.compile(
    rf"\s+(?:the|these|those|this|that|its|their|his|her|such)?\s*(?:\w+\s+)?(?:{alternation(en.REPORTING_OBJECTS)})"
    r"s?\b", re.I)
_OUTLET_SUBJECT = re.compile(
    r"\b(?:News|Times|Post|Journal|Reuters|AP|AFP|BBC|CNN|NBC|CBS|ABC|Associated Press|Bloomberg|Guardian|"
    r"Telegraph|Independent|we|We)\b")
_NEGATED = re.compile(r"\bnot\b|n[’']t\b|\bnever\b|\bunable\b|\bno\s+independent\b|\bcannot\b", re.I)
# "It was unclear what impact…", "It wasn't clear if…", "It is not known whether…"
UNCERTAIN = re.compile(
    r"^\W*(?:but\s+|and\s+|still,?\s+)?(?:it|that)(?:[’']s|\s+(?:was|is|remains|remained|had|has))"
    r"(?:\s*n[’']t|\s+not)?\s+"
    r"(?:still\s+|yet\s+|also\s+|been\s+)?(?:immediately\s+|entirely\s+|not\s+)?"
    r"(?:unclear|clear|uncertain|unknown|known|too\s+early\s+to\s+say|to\s+be\s+seen)\b", re.I)
HEDGE = re.compile(rf"\b{alternation(en.HEDGES)}\b")
VERIFY_WORD = re.compile(r"verif|confirm|corroborat|authenticat")  # a cheap test before VERIFY


def verification_caveat(clause: str) -> str | None:
    """The phrase that makes a clause a verification caveat ("has not verified"), or None."""
    if not VERIFY_WORD.search(clause):
        return None
    m = VERIFY.search(clause)
    if not m or not _NEGATED.search(m.group()):
        return None
    said = m.group().lower()
    if (" be " in said or "independently" in said or "no independent" in said or "possible" in said
            or _ABOUT_REPORTING.match(clause, m.end()) or _OUTLET_SUBJECT.search(clause, 0, m.start())):
        return m.group()
    return None


# "Whether the votes will be recognised remains unclear.": an open question as the subject
_REMAINS_UNCLEAR = re.compile(
    r"^\W*(?:but\s+|and\s+)?(?:whether|what|how|who|why|when|if)\b.{0,200}?\b(?:remains?|remained|is|was)\s+"
    r"(?:still\s+|yet\s+)?(?:unclear|uncertain|unknown|to\s+be\s+seen)\b", re.I | re.S)


# "A man whose identity remains uncertain", "its cause was unknown": something about the claim is not known
_ATTRIBUTE_UNKNOWN = re.compile(
    r"\b(?:whose|its|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:remains?|remained|is|was|are|were)\s+"
    r"(?:still\s+|as\s+yet\s+)?(?:unclear|uncertain|unknown|unconfirmed|not\s+known)\b", re.I)


_UNKNOWN_WORD = re.compile(r"unclear|uncertain|unknown|unconfirmed|not known")  # a cheap test before the pattern


def uncertainty_caveat(clause: str) -> str | None:
    m = UNCERTAIN.match(clause)
    if not m:
        r = _REMAINS_UNCLEAR.match(clause) or (_ATTRIBUTE_UNKNOWN.search(clause) if _UNKNOWN_WORD.search(clause)
                                                else None)
        return r.group() if r else None
    said = m.group().lower()
    # "it was clear" is no caveat; "it was unclear" / "it wasn't clear" is
    if ("unclear" in said or "uncertain" in said or "unknown" in said or "too early" in said or "seen" in said
            or "not" in said or "n't" in said or "n’t" in said):
        return m.group().strip()
    return None


def hedged(clause: str) -> bool:
    return HEDGE.search(clause) is not None


# limits of a figure stated by the outlet: "The survey had a margin of error of plus or minus 3 percentage
# points.", "The ministry's count does not distinguish between civilians and fighters."
_LIMIT = re.compile(r"\bmargin\s+of\s+error\b|\b(?:does|do|did)\s*(?:not|n[’']t)\s+(?:distinguish|differentiate)\b"
                    r"|\bdoes\s*(?:not|n[’']t)\s+(?:specify|say)\s+how\s+many\b", re.I)
# a verification caveat about numbers qualifies the figure before it
FIGURES = re.compile(r"\b(?:figures?|numbers?|toll|tolls|casualt\w+|count|tally|estimates?|statistics)\b", re.I)


def limit_caveat(clause: str) -> str | None:
    """The phrase that makes a clause a stated limit of a figure ("margin of error"), or None."""
    if "margin" not in clause and "istinguish" not in clause and "ifferentiate" not in clause \
            and "how many" not in clause:
        return None
    m = _LIMIT.search(clause)
    return m.group() if m else None
