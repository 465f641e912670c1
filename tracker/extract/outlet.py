"""Which outlet a text comes from, when the text itself says so."""
from __future__ import annotations

import re

# "(Bloomberg) --", "(Reuters) -", "WASHINGTON (AP) —": a dateline credit at the start of the text
_DATELINE = re.compile(r"^[^\n]{0,80}?\((?P<name>[A-Z][\w&.' ]{1,40}?)\)\s*(?:--|[-\u2013\u2014])")
# "NBC News has not verified the claim", "CNN could not independently confirm": an outlet naming itself
_SELF_NAMING = re.compile(
    r"\b(?P<name>(?:[A-Z][\w&.']*\s){0,3}?(?:[A-Z]{2,}[\w.]*|[A-Z]\w+\s(?:News|Times|Post|Journal)))\s"
    r"(?:has|had|could|did|was|were|is|cannot|can)\s(?:not\s|n't\s)?(?:been\s)?(?:able\s+to\s)?"
    r"(?:independently\s)?(?:verif|confirm|corroborat|authenticat)"
)


def detect_outlet(text: str) -> str | None:
    """Return the outlet a text names as its own (dateline credit or a verification sentence), or None."""
    head = text[:400]
    m = _DATELINE.search(head.lstrip())
    if m:
        return m.group("name").strip()
    m = _SELF_NAMING.search(text)
    if m:
        return m.group("name").strip()
    return None
