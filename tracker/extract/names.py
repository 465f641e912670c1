"""Names in speaker phrases: people, organizations, outlets and groups, and who a pronoun or surname means.

No lexicon of real names: a person is a run of two or more capitalized words with no organization or place
word in it, a title before it ("President", "foreign minister", "Ms") is a descriptor, and a later surname
or pronoun is resolved to the fullest earlier mention.
"""
from __future__ import annotations

import re

from .lexicon import en
from .wordre import alternation

_CAP = r"(?:[A-Z][\w’'.-]*|al-\w+|(?:de|van|von|bin|da|di|du|le|la|der|den|del|dos)\b)"
_CONNECT = r"(?:of|for|the|on|de|du|des|del|of the|for the|on the|and|&)"
# a capitalized run, possibly joined by "of the", "for": "Institute for the Study of War"
CAP_RUN = re.compile(rf"(?<![\w’'-])[A-Z][\w’'.-]*(?:\s+(?:{_CONNECT}\s+)?{_CAP})*")
_AND = re.compile(r" (?:and|&) ")
_POSSESSIVE = re.compile(r"[’']s?$")

TITLES = en.TITLES
ORG_WORDS = en.ORG_WORDS
NEWSPAPER_HEADS = en.NEWSPAPER_HEADS
PLACE_WORDS = en.PLACE_WORDS
OUTLET_WORDS = en.OUTLET_WORDS
KNOWN_OUTLETS = en.KNOWN_OUTLETS
PRONOUNS = en.PRONOUNS
_NOT_NAMES = en.NOT_NAMES
ORG_HEADS = _ORG_HEADS = en.ORG_HEADS
_HEADS = alternation(_ORG_HEADS)
# an organization named by what it is: "Castlemere, the supermarket chain," / "supermarket chain Castlemere",
# so that "the company said" can mean it later, though its name holds no organization word
# (the appositive's head must be the organization noun: "the head of the charity" is a person)
ORG_APPOSITIVE = re.compile(rf",\s+(?:the|a|an|[A-Z][\w]*[’']s)\s+"
                            rf"(?:(?!(?:of|at|for|in|from|with|to)\s)[\w-]+\s+){{0,4}}?"
                            rf"(?:{_HEADS})"
                            rf"(?=\s*[,.;]|\s+(?:which|that|whose|said|says)\b)")
ORG_HEAD_BEFORE = re.compile(rf"\b(?:{_HEADS})\s+$")
# nouns that can only mean a person: "the Dutchman", "the 26-year-old", "the veteran", "the striker"
_POSSESSIVE_ENDS = ("’s", "'s", "s'", "s’")
_WEEKDAYS = en.WEEKDAYS  # "The Sunday Times"
_PARTY_MEMBERS = en.PARTY_MEMBERS
_PARTICLES = en.NAME_PARTICLES
VERB_IN_PHRASE = re.compile(r"\b(?:is|are|was|were|has|have|had|been|will|would|could|should|can|may|might|"
                             r"must|did|does|do)\b")
PREPOSITIONS = en.PREPOSITIONS
PARTICIPLE_OBJECT = en.PARTICIPLE_OBJECT


def strip_possessive(word: str) -> str:
    return _POSSESSIVE.sub("", word) if word.endswith(("’s", "'s", "’", "'")) else word


def classify(words: list[str]) -> str:
    """person, organization, outlet or group, from the words of a capitalized run."""
    low = [w.lower().strip(".") for w in words]
    if any(w in KNOWN_OUTLETS for w in low) and len(low) <= 3:
        return "outlet"
    if any(w in OUTLET_WORDS for w in low[-2:]) and len(low) <= 4 and "news" in low:
        return "outlet"
    if low[-1] in NEWSPAPER_HEADS and 2 <= len(low) <= 4 and not any(w in ORG_WORDS for w in low[:-1]):
        return "outlet"
    if any(w in ORG_WORDS for w in low):
        return "organization"
    if any(w in PLACE_WORDS for w in low) or any(w.isupper() and len(w) > 1 for w in words):
        return "organization"
    if low[-1] in _PARTY_MEMBERS or (len(low) > 1 and low[-1].endswith("ists") and len(low[-1]) > 6):
        return "organization"  # "Liberal Democrats", "Scottish Nationalists": a party, not a person
    inner = " ".join(words[:-1])
    if "'s" in inner or "’s" in inner:
        return "group"  # "New York's Hot 97": a name never holds a possessive inside it
    if len(words) >= 2 and all(w[:1].isupper() or w.lower() in _PARTICLES for w in words):
        return "person"
    return "group"


def split_title(words: list[str]) -> tuple[list[str], list[str]]:
    """("Ukrainian President", "Volodomyr Zelenskiy") from the words of a run: titles lead, the name follows.
    An organization's name keeps its words ("Ukraine's General Staff"), unless a title follows it
    ("United Nations Secretary-General Antonio Guterres")."""
    last_title = last_org = -1
    for i, w in enumerate(words):
        low = w.lower().strip(".")
        if low in TITLES and i < len(words) - 1:
            last_title = i
        if low in ORG_WORDS and i > 0:
            last_org = i
    if last_org > last_title:
        return [], words
    return words[: last_title + 1], words[last_title + 1:]


def runs(phrase: str) -> list[tuple[int, int, str]]:
    """Capitalized runs in a phrase as ``(start, end, text)``, leading stop words dropped; a possessive
    ("Zelenskyy’s office") ends its run, and its ``end`` then reaches past ``start + len(text)``."""
    found = []
    for m in CAP_RUN.finditer(phrase):
        text = m.group()
        start = m.start()
        words = text.split()
        # a possessive ends the name: "Zelenskyy’s office" names Zelenskyy
        possessive = False
        if "'" in text or "’" in text:
            if len(words) > 2 and words[0].endswith(_POSSESSIVE_ENDS) and classify(words[1:]) == "person":
                # "Britain's Kelly Holmes", "Russia's Svetlana Cherkasova": the person, not the country
                start += len(words[0]) + 1
                words = words[1:]
            for i, w in enumerate(words):
                if w.endswith(_POSSESSIVE_ENDS) and (i == len(words) - 1 or not words[i + 1][:1].isupper()):
                    words = words[: i + 1]
                    words[-1] = strip_possessive(w)
                    possessive = True
                    break
        while words and words[0].lower() in _NOT_NAMES and not (
                len(words) > 1 and words[0].lower() in _WEEKDAYS and words[1].lower() in NEWSPAPER_HEADS):
            start += len(words[0]) + 1
            words = words[1:]
        while words and words[-1].lower() in {"of", "for", "the", "and", "on", "&"}:
            words = words[:-1]
        if words and len(words[-1]) > 2 and words[-1].endswith(".") and "." not in words[-1][:-1]:
            words[-1] = words[-1].rstrip(".")  # a sentence's period, not an abbreviation's ("U.S.")
        if not words:
            continue
        text = " ".join(words)
        if (" and " in text or " & " in text) and not any(w.lower() in ORG_WORDS for w in words):
            # "Tony Blair and Gordon Brown" are two names; "Pew Internet and American Life Project" is one
            offset = start
            for sep in _AND.finditer(text + " and "):
                part = text[offset - start:sep.start()]
                found.append((offset, offset + len(part), part))
                offset = start + sep.end()
            continue
        found.append((start, start + len(text) + (2 if possessive else 0), text))
    return found
