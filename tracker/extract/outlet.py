"""Which outlet a text comes from, when the text itself says so.

Evidence, strongest first: a dateline credit ("ATHENS (Reuters) -", "LONDON, Oct 3 (Reuters) -", "(CNN) —"), a
byline credit ("By Jane Doe, CNN"), the outlet naming itself in a verification caveat ("Reuters could not
independently verify …") or as the one holding a document ("The Guardian has seen a copy of …"). Naming an
outlet as a recipient or a source is no evidence: in the BBC corpus every "told Reuters", "told The Times" and
"seen by the Financial Times" is another outlet's reporting relayed, as is "according to Reuters".
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from .lexicon import en

# "(Bloomberg) --", "(Reuters) -", "WASHINGTON (AP) —": a dateline credit at the start of the text
_DATELINE = re.compile(r"^[^\n]{0,80}?\((?P<name>[A-Z][\w&.' ]{1,40}?)\)\s*(?:--|[-\u2013\u2014])")
# "By Jane Doe, CNN" or "By Jane Doe | Reuters" on a line of its own near the top
_BYLINE = re.compile(r"^\s*By\s+[A-Z][\w.'-]*(?:\s+(?:[A-Z][\w.'-]*|and|&))*\s*[,|]\s*(?P<name>[A-Z][\w&.' ]{1,40}?)"
                     r"\s*$", re.M)
_WHO = r"(?P<name>(?:The\s)?(?:[A-Z][\w&']*\s){0,3}?(?:[A-Z]{2,}[\w.]*|[A-Z]\w+\s(?:News|Times|Post|Journal|Press)|" \
       r"Reuters|Bloomberg|The\s[A-Z]\w+))"
# "NBC News has not verified the claim", "CNN could not independently confirm": an outlet naming itself
_SELF_NAMING = re.compile(
    _WHO + r"\s(?:has|had|could|did|was|were|is|cannot|can)\s(?:not\s|n't\s)?(?:been\s)?(?:able\s+to\s)?"
    r"(?:independently\s)?(?:verif|confirm|corroborat|authenticat)"
)
# "The Guardian has seen a copy of the letter": the holder of a document is the outlet reporting it
_SAW = re.compile(_WHO + r"\s(?:has|have|had)\s(?:seen|obtained|reviewed)\s(?:(?:a|an|the)\s)?(?:[\w-]+\s)?"
                  r"(?:copy|copies|documents?|letters?|e-?mails?|memo|report|draft|recording|footage|messages?)\b")
_CANONICAL = en.OUTLET_CANONICAL
_OUTLETISH = re.compile(r"\b(?:News|Times|Post|Journal|Press|Guardian|Telegraph|Independent|Herald|Tribune|"
                        r"Reuters|Bloomberg|BBC|CNN|AP|AFP|NBC|CBS|ABC|NPR|UPI|Mail|Mirror|Sun|Observer|"
                        r"Economist|Gazette|Chronicle|Standard|Express|Agency)\b")


def canonical(name: str) -> str:
    """The name an outlet goes by: "AP" and "Associated Press" are The Associated Press."""
    name = name.strip().rstrip(".")
    return _CANONICAL.get(name.lower(), name)


def detect_outlet(text: str) -> str | None:
    """Return the outlet a text names as its own (dateline or byline credit, or a sentence where it names
    itself), or None."""
    head = text[:400].lstrip()
    m = _DATELINE.search(head)
    if m:
        return canonical(m.group("name"))
    m = _BYLINE.search(text[:600])
    if m and _OUTLETISH.search(m.group("name")):
        return canonical(m.group("name"))
    # "The Government has seen a copy": only a name that looks like an outlet's counts
    for pattern, verb in ((_SELF_NAMING, _CHECKING), (_SAW, _SEEING)):
        for m in _near(pattern, verb, text):
            name = m.group("name")
            if _OUTLETISH.search(name) or (pattern is _SELF_NAMING and not name.startswith("The ")):
                return canonical(name)
    return None


# the verbs the two sentence patterns end on: the patterns are tried only just before them (a tenth of the time
# of trying them at every position of the text)
_CHECKING = re.compile(r"(?:verif|confirm|corroborat|authenticat)")
_SEEING = re.compile(r"\b(?:seen|obtained|reviewed)\s")
_REACH = 160  # characters back from the verb where the outlet's name may start


def _near(pattern: re.Pattern[str], verb: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` ending around each occurrence of ``verb``, in text order."""
    done = 0
    for v in verb.finditer(text):
        if v.start() < done:
            continue
        start = max(done, text.rfind(" ", 0, max(0, v.start() - _REACH)) + 1)
        for m in pattern.finditer(text, start, v.end() + 80):
            done = m.end()
            yield m
