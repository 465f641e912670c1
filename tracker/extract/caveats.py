"""Caveats (the outlet could not verify; it was unclear) and hedges (may, could, appears)."""
from __future__ import annotations

import re

from .wordre import alternation

# "NBC News has not verified the claim", "could not be independently confirmed", "unable to verify"
VERIFY = re.compile(
    r"\b(?:(?:has|have|had|could|can|did|does|do|was|were|is|are|cannot)(?:\s*not|n[’']t)?\s+"
    r"(?:not\s+|never\s+)?(?:yet\s+)?(?:been\s+)?(?:able\s+to\s+)?(?:independently\s+)?"
    r"(?:verif(?:y|ied)|confirm(?:ed)?|corroborat(?:e|ed)|authenticat(?:e|ed))"
    r"|(?:unable|not\s+able)\s+to\s+(?:independently\s+)?(?:verify|confirm|corroborate|authenticate)"
    r"|no\s+independent\s+(?:verification|confirmation)"
    r"|(?:could|can)\s*(?:not|n[’']t)\s+be\s+(?:independently\s+)?(?:verified|confirmed|corroborated))", re.I)
_NEGATED = re.compile(r"\bnot\b|n[’']t\b|\bnever\b|\bunable\b|\bno\s+independent\b|\bcannot\b", re.I)
# "It was unclear what impact…", "It wasn't clear if…", "It is not known whether…"
UNCERTAIN = re.compile(
    r"^\W*(?:but\s+|and\s+|still,?\s+)?(?:it|that)\s+(?:was|is|remains|remained|had|has)(?:\s*n[’']t|\s+not)?\s+"
    r"(?:still\s+|yet\s+|also\s+|been\s+)?(?:immediately\s+|entirely\s+|not\s+)?"
    r"(?:unclear|clear|uncertain|unknown|known|too\s+early\s+to\s+say)\b", re.I)
# case-sensitive on purpose (a case-insensitive alternation is several times slower): sentence-initial
# forms are listed, and capitalized "May" is the month
HEDGE = re.compile(r"\b" + alternation(
    "may might could reportedly allegedly apparently appear appears appeared seem seems seemed suggest suggests "
    "suggested suggesting likely unlikely possibly perhaps probably purportedly Might Could Reportedly "
    "Allegedly Apparently Perhaps Possibly Probably Likely".split()) + r"\b")
_VERIFY_WORD = re.compile(r"verif|confirm|corroborat|authenticat")


def verification_caveat(clause: str) -> str | None:
    """The phrase that makes a clause a verification caveat ("has not verified"), or None."""
    if not _VERIFY_WORD.search(clause):
        return None
    m = VERIFY.search(clause)
    if m and _NEGATED.search(m.group()):
        return m.group()
    return None


def uncertainty_caveat(clause: str) -> str | None:
    m = UNCERTAIN.match(clause)
    if not m:
        return None
    said = m.group().lower()
    # "it was clear" is no caveat; "it was unclear" / "it wasn't clear" is
    if ("unclear" in said or "uncertain" in said or "unknown" in said or "too early" in said
            or "not" in said or "n't" in said or "n’t" in said):
        return m.group().strip()
    return None


def hedged(clause: str) -> bool:
    return HEDGE.search(clause) is not None
