"""Names in speaker phrases: people, organizations, outlets and groups, and who a pronoun or surname means.

No lexicon of real names: a person is a run of two or more capitalized words with no organization or place
word in it, a title before it ("President", "foreign minister", "Ms") is a descriptor, and a later surname
or pronoun is resolved to the fullest earlier mention.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .drafts import SpeakerDraft
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
_OUTLET_HEADS = en.OUTLET_HEADS
PLACE_WORDS = en.PLACE_WORDS
OUTLET_WORDS = en.OUTLET_WORDS
KNOWN_OUTLETS = en.KNOWN_OUTLETS
PRONOUNS = en.PRONOUNS
_NOT_NAMES = en.NOT_NAMES
# the head noun of a descriptor: the word before its first preposition ("a top occupation official in Kherson")
_ROLE_HEAD = re.compile(r"(?:(?:an?|the|its|their|his|her)\s+)?(?:[\w’'-]+\s+){0,4}?([a-z][a-z-]+)"
                        r"(?=\s+(?:at|of|for|in|on|with|from|and|to|who)\b|\s*$|\s*,)", re.I)
_DEFINITE_ROLE = re.compile(r"(?:the|this|that)\s+(?:[\w-]+\s+){0,3}([\w-]+)$")
ORG_HEADS = _ORG_HEADS = en.ORG_HEADS
_HEADS = alternation(_ORG_HEADS)
# an organization named by what it is: "Castlemere, the supermarket chain," / "supermarket chain Castlemere",
# so that "the company said" can mean it later, though its name holds no organization word
# (the appositive's head must be the organization noun: "the head of the charity" is a person)
ORG_APPOSITIVE = re.compile(rf",\s+(?:the|a|an|[A-Z][\w]*[’']s)\s+(?:(?!(?:of|at|for|in|from|with|to)\s)[\w-]+\s+){{0,4}}?"
                            rf"(?:{_HEADS})"
                            rf"(?=\s*[,.;]|\s+(?:which|that|whose|said|says)\b)")
ORG_HEAD_BEFORE = re.compile(rf"\b(?:{_HEADS})\s+$")
_BUSINESS_HEADS = en.BUSINESS_HEADS
_PUBLIC_BODY = re.compile(rf"\b(?:{alternation(en.PUBLIC_BODY_WORDS)})\b")
# nouns that can only mean a person: "the Dutchman", "the 26-year-old", "the veteran", "the striker"
_EPITHET_ENDINGS = en.EPITHET_ENDINGS
DEMONYMS = en.DEMONYMS
_AGE_AFTER = re.compile(r",\s*\d{1,3},?\s*$")
_POSSESSIVE_ENDS = ("’s", "'s", "s'", "s’")
_WEEKDAYS = en.WEEKDAYS  # "The Sunday Times"
_PARTY_MEMBERS = en.PARTY_MEMBERS
_PARTICLES = en.NAME_PARTICLES
VERB_IN_PHRASE = re.compile(r"\b(?:is|are|was|were|has|have|had|been|will|would|could|should|can|may|might|"
                             r"must|did|does|do)\b")
PREPOSITIONS = en.PREPOSITIONS
PARTICIPLE_OBJECT = en.PARTICIPLE_OBJECT
_FEMALE_TITLES = en.FEMALE_TITLES
_MALE_TITLES = en.MALE_TITLES


def strip_possessive(word: str) -> str:
    return _POSSESSIVE.sub("", word) if word.endswith(("’s", "'s", "’", "'")) else word


@dataclass(slots=True)
class Name:
    """A name found in a phrase: its words, what it is, and the title or descriptor words before it."""

    text: str
    kind: str
    title: str = ""


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


@dataclass
class Mentions:
    """People and organizations an article has named so far, for pronouns and surnames."""

    #: surname -> fullest full name
    surnames: dict[str, str] = field(default_factory=dict)
    #: (position, name, kind, prominent), in text order; prominent: a speaker or a sentence's subject
    seen: list[tuple[int, str, str, bool]] = field(default_factory=list)
    gender: dict[str, str] = field(default_factory=dict)
    #: where the current and the previous sentence start
    sentence_at: int = 0
    previous_sentence_at: int = 0
    #: role noun -> the person it last described ("minister" -> "Dmytro Kuleba"), for "the minister said"
    roles: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, set[str]] = field(default_factory=dict)

    def add(self, position: int, name: str, kind: str, title: str = "", prominent: bool = False) -> str:
        """Record a mention; returns the fullest form known for it (a bare surname becomes the full name)."""
        words = name.split()
        if kind == "person" or (len(words) == 1 and words[0] in self.surnames):
            if len(words) == 1:
                full = self.surnames.get(words[0])
                if full:
                    self.aliases.setdefault(full, set()).add(name)
                    name, kind = full, "person"
            else:
                last = words[-1]
                known = self.surnames.get(last)
                if not known or len(name) > len(known):
                    self.surnames[last] = name
            t = title.lower().split()[-1].strip(".") if title else ""
            if t and t not in _FEMALE_TITLES and t not in _MALE_TITLES and t not in ("dr", "former", "acting"):
                self.roles[t] = name
            if t in _FEMALE_TITLES:
                self.gender[name] = "f"
            elif t in _MALE_TITLES:
                self.gender[name] = "m"
        self.seen.append((position, name, kind, prominent))
        return name

    def new_sentence(self, start: int) -> None:
        self.previous_sentence_at, self.sentence_at = self.sentence_at, start

    def describe(self, name: str, descriptor: str) -> None:
        """Remember the role a descriptor gives a person: "a research fellow at Chatham House" -> fellow."""
        m = _ROLE_HEAD.match(descriptor)
        if m:
            self.roles[m.group(1).lower()] = name

    def role(self, phrase: str, position: int) -> tuple[str, str] | None:
        """The person a definite description means: "the foreign minister" when a role says so; "the
        Dutchman", "the 26-year-old", "the striker": the latest person in the foreground."""
        m = _DEFINITE_ROLE.match((_AGE_AFTER.sub("", phrase) if "," in phrase else phrase).lower())  # "The Brazilian, 45," is the Brazilian
        if not m:
            return None
        head = m.group(1)
        if head in self.roles:
            return self.roles[head], "person"
        if head in _OUTLET_HEADS:
            hit = next(((name, kind) for pos, name, kind, _p in reversed(self.seen)
                        if pos < position and kind == "outlet"), None)
            if hit:
                return hit
        if head in _ORG_HEADS:
            # "the network said": an organization whose name ends in "Network", else the one in the foreground
            for pos, name, kind, _prom in reversed(self.seen):
                if pos < position and kind in ("organization", "outlet") and name.lower().endswith(head):
                    return name, kind
            if head in _BUSINESS_HEADS:
                # "the company" is not the statistics office or the regulator quoted in between
                for prominent in (True, False):
                    for pos, name, kind, prom in reversed(self.seen):
                        if pos < position and kind == "organization" and (prom or not prominent) \
                                and not _PUBLIC_BODY.search(name):
                            return name, kind
                return None
            return self.latest_org(position)
        if head.endswith(_EPITHET_ENDINGS) or head in TITLES or (head in DEMONYMS and m.group().count(" ") == 1):
            return self._latest("person", None, position, True) or self._latest("person", None, position, False)
        return None

    def foreground_person(self, position: int) -> tuple[str, str] | None:
        """The one person the sentence before was about (its subject or speaker), if there is exactly one."""
        found = {(name, prom) for pos, name, kind, prom in self.seen
                 if kind == "person" and self.previous_sentence_at <= pos < self.sentence_at}
        names = {name for name, _p in found}
        return (names.pop(), "person") if len(names) == 1 and any(p for _n, p in found) else None

    def full(self, name: str) -> str:
        return self.surnames.get(name, name)

    def latest_org(self, position: int) -> tuple[str, str] | None:
        """The organization in the foreground before ``position`` (for "it" when no speaker was just heard)."""
        return self._latest("org", None, position, True) or self._latest("org", None, position, False)

    def resolve(self, pronoun: str, position: int) -> tuple[str, str] | None:
        """The entity a pronoun at ``position`` most likely means: the latest fitting mention before it."""
        want = PRONOUNS.get(pronoun.lower())
        if want is None:
            return None
        sex = en.PRONOUN_SEX.get(pronoun.lower())
        if want == "person":
            # the one person the sentence before named ("One dissenting opinion came from Brian Gammage. He
            # said: …"), when it named exactly one and nobody is the subject of this sentence yet
            here = self._latest(want, sex, position, True, since=self.sentence_at)
            if here:
                return here
            before = {name for pos, name, kind, _p in self.seen
                      if kind == "person" and self.previous_sentence_at <= pos < self.sentence_at}
            fitting = [n for n in before if not sex or self.gender.get(n, sex) == sex]
            if len(fitting) == 1:
                if sex:
                    self.gender.setdefault(fitting[0], sex)
                return fitting[0], "person"
        # otherwise the latest person who was a subject or a speaker, not one named in passing ("its Creative
        # Zen players"); anyone named will do when no such person is found
        for wanted_prominence in (True, False):
            hit = self._latest(want, sex, position, wanted_prominence)
            if hit:
                return hit
        return None

    def _latest(self, want: str, sex: str | None, position: int, prominent: bool,
                since: int = 0) -> tuple[str, str] | None:
        for pos, name, kind, prom in reversed(self.seen):
            if pos < since:
                break
            if pos >= position or (prominent and not prom):
                continue
            if want == "person" and kind == "person":
                if sex and self.gender.get(name, sex) != sex:
                    continue
                if sex:
                    self.gender.setdefault(name, sex)
                return name, kind
            if want == "org" and kind in ("organization", "outlet"):
                return name, kind
            if want == "group" and kind in ("group", "organization"):
                return name, kind
        return None

    def draft(self, name: str, kind: str) -> SpeakerDraft:
        return SpeakerDraft(name=name, kind=kind, aliases=tuple(sorted(self.aliases.get(name, ()))))
