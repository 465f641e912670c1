"""Who an article has named so far, and who a pronoun, a surname or a role means (coreference).

``Mentions`` is the article's memory of names; the functions here feed it from each sentence's capitalized runs
and resolve, at the end, a speaker first described ("a county judge") to the person named later.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice

from .drafts import AttributionDraft, ClaimDraft, SpeakerDraft
from .lexicon import en
from .names import ORG_APPOSITIVE, ORG_HEAD_BEFORE, ORG_HEADS, PRONOUNS, classify, runs, split_title
from .wordre import alternation

# the head noun of a descriptor: the word before its first preposition ("a top occupation official in Kherson")
_ROLE_HEAD = re.compile(r"(?:(?:an?|the|its|their|his|her)\s+)?(?:[\w’'-]+\s+){0,4}?([a-z][a-z-]+)"
                        r"(?=\s+(?:at|of|for|in|on|with|from|and|to|who)\b|\s*$|\s*,)", re.I)
_DEFINITE_ROLE = re.compile(r"(?:the|this|that)\s+(?:[\w-]+\s+){0,3}([\w-]+)$")
_AGE_AFTER = re.compile(r",\s*\d{1,3},?\s*$")
# "The network will present its findings …": a definite subject names who is in the foreground
DEFINITE_SUBJECT = re.compile(r"\W*(?:The|the)\s+(?:[a-z-]+\s+){0,2}?[a-z-]+(?=\s+(?:[a-z]+ed|is|was|has|had|will|"
                               r"would|said|says|also|[a-z]+s)\b)")
_PUBLIC_BODY = re.compile(rf"\b(?:{alternation(en.PUBLIC_BODY_WORDS)})\b")
#: how many of the latest mentions a description or a pronoun may mean: far more than a news article names,
#: and what keeps a huge document's extraction linear in its size
LOOKBACK = 400


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
    #: acronym -> the name it was introduced for: "Northgate Energy (NGE)"
    acronyms: dict[str, str] = field(default_factory=dict)

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
            if t and t not in en.FEMALE_TITLES and t not in en.MALE_TITLES and t not in ("dr", "former", "acting"):
                self.roles[t] = name
            if t in en.FEMALE_TITLES:
                self.gender[name] = "f"
            elif t in en.MALE_TITLES:
                self.gender[name] = "m"
        self.seen.append((position, name, kind, prominent))
        return name

    def recent(self) -> Iterator[tuple[int, str, str, bool]]:
        """The latest :data:`LOOKBACK` mentions, the latest first."""
        return islice(reversed(self.seen), LOOKBACK)

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
        # "The Brazilian, 45," is the Brazilian
        m = _DEFINITE_ROLE.match((_AGE_AFTER.sub("", phrase) if "," in phrase else phrase).lower())
        if not m:
            return None
        head = m.group(1)
        if head in self.roles:
            return self.roles[head], "person"
        if head in en.OUTLET_HEADS:
            hit = next(((name, kind) for pos, name, kind, _p in self.recent()
                        if pos < position and kind == "outlet"), None)
            if hit:
                return hit
        if head in en.ORG_HEADS:
            # "the network said": an organization whose name ends in "Network", else the one in the foreground
            for pos, name, kind, _prom in self.recent():
                if pos < position and kind in ("organization", "outlet") and name.lower().endswith(head):
                    return name, kind
            if head in en.BUSINESS_HEADS:
                # "the company" is not the statistics office or the regulator quoted in between
                for prominent in (True, False):
                    for pos, name, kind, prom in self.recent():
                        if pos < position and kind == "organization" and (prom or not prominent) \
                                and not _PUBLIC_BODY.search(name):
                            return name, kind
                return None
            return self.latest_org(position)
        if head.endswith(en.EPITHET_ENDINGS) or head in en.TITLES \
                or (head in en.DEMONYMS and m.group().count(" ") == 1):
            return self._latest("person", None, position, True) or self._latest("person", None, position, False)
        return None

    def foreground_person(self) -> tuple[str, str] | None:
        """The one person the sentence before was about (its subject or speaker), if there is exactly one."""
        found = {(name, prom) for pos, name, kind, prom in self.recent()
                 if kind == "person" and self.previous_sentence_at <= pos < self.sentence_at}
        names = {name for name, _p in found}
        return (names.pop(), "person") if len(names) == 1 and any(p for _n, p in found) else None

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
            before = {name for pos, name, kind, _p in self.recent()
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
        for pos, name, kind, prom in self.recent():
            if pos < since:
                break
            if pos >= position or (prominent and not prom):
                continue
            if want == "person" and kind in ("person", "role"):
                if sex and self.gender.get(name, sex) != sex:
                    continue
                if sex:
                    self.gender.setdefault(name, sex)
                # a person named by a role ("the director of the water board") stays a speaker of this article
                return name, "person" if kind == "person" else "group"
            if want == "org" and kind in ("organization", "outlet"):
                return name, kind
            if want == "group" and kind in ("group", "organization"):
                return name, kind
        return None

    def draft(self, name: str, kind: str) -> SpeakerDraft:
        return SpeakerDraft(name=name, kind=kind, aliases=tuple(sorted(self.aliases.get(name, ()))))


def remember_names(mentions: Mentions, masked: str, offset: int) -> None:
    """Record the names a sentence mentions (a person, an organization, a subject in the foreground)."""
    lead = len(masked) - len(masked.lstrip(" “\"‘'(_")) + 30
    subject = DEFINITE_SUBJECT.match(masked)
    if subject:
        # "The network will present its findings …": the organization or person it means is in the foreground
        meant = mentions.role(subject.group(), offset)
        if meant:
            mentions.add(offset, meant[0], meant[1], prominent=True)
    surnames = mentions.surnames
    for s, _e, run in map(_without_gerund, runs(masked)):
        if not run:
            continue
        if described_as_org(masked, s, s + len(run)):
            mentions.add(offset + s, run, "organization", prominent=s < lead)
            continue
        if " " not in run and run not in surnames:
            if s < lead and (_acronym(run) or _one_word_company(masked, s, run)):
                # "HSBC cut 300 jobs", "Castlemere cut 300 jobs": an organization as the subject ("the bank said",
                # "the company said", "it said" later)
                mentions.add(offset + s, mentions.acronyms.get(run, run), "organization", prominent=True)
            continue  # one capitalized word is a name only when it is a known surname
        _remember_acronym(mentions, masked, s, run)
        words = run.split()
        title, name = split_title(words)
        if not name:
            continue
        kind = classify(name)
        if kind == "person" or (len(name) == 1 and name[0] in mentions.surnames):
            mentions.add(offset + s, " ".join(name), "person", " ".join(title), prominent=s < lead)
        elif kind in ("organization", "outlet") and len(name) > 1:
            mentions.add(offset + s, " ".join(name), kind, prominent=s < lead)


def _without_gerund(found: tuple[int, int, str]) -> tuple[int, int, str]:
    """A capitalized run without the gerund that opens its sentence: "Entrusting Donald Trump with …" names Donald
    Trump; given names that end in -ing ("Sterling Brown") stay."""
    s, e, run = found
    first, _, rest = run.partition(" ")
    if len(first) > 5 and first.endswith("ing") and first.lower() not in en.GIVEN_NAMES_IN_ING:
        return s + len(first) + 1, e, rest
    return found


_ACRONYM_AFTER = re.compile(r"\s*\((?P<acronym>[A-Z][A-Z&]{1,7})\)")
_BUSINESS_CONTEXT = re.compile(rf"\b(?:{alternation(en.BUSINESS_CONTEXT)})\b")


def _acronym(run: str) -> bool:
    return run.isupper() and 2 <= len(run) <= 6 and run not in en.PLACE_ACRONYMS


def _one_word_company(masked: str, s: int, run: str) -> bool:
    """"Castlemere cut 300 jobs": a one-word name as the subject of business news (jobs, shares, profits …)."""
    low = run.lower()
    if len(run) < 3 or not run[1:].islower() or low in en.NOT_NAMES or low in en.DEMONYMS or low in en.MONTHS:
        return False
    return _BUSINESS_CONTEXT.search(masked, s + len(run), s + len(run) + 80) is not None


def _remember_acronym(mentions: Mentions, masked: str, s: int, run: str) -> None:
    """"Northgate Energy (NGE)": NGE later means Northgate Energy."""
    m = _ACRONYM_AFTER.match(masked, s + len(run))
    if m:
        mentions.acronyms[m["acronym"]] = run
        mentions.aliases.setdefault(run, set()).add(m["acronym"])


def described_as_org(masked: str, s: int, e: int) -> bool:
    """Whether the words around a name say it is a firm: "supermarket chain Castlemere", "Castlemere, the
    British supermarket chain," (cheap string tests first: this runs for every capitalized run)."""
    if masked.startswith(", ", e) and ORG_APPOSITIVE.match(masked, e):
        return True
    before = masked[max(0, s - 16):s].rsplit(None, 1)
    return bool(before) and before[-1].lower() in ORG_HEADS and ORG_HEAD_BEFORE.search(masked, max(0, s - 30), s) \
        is not None


_INDEFINITE = re.compile(r"(?:An?|One)\s")
_LATER_NAME_REACH = 1500  # characters: a name a few paragraphs on still means "a judge" before it


def name_later(mentions: Mentions, claims: list[ClaimDraft]) -> None:
    """"A county judge ruled …" and, later, "Circuit Judge Alan Pruett …": a speaker introduced by an indefinite
    description is the person the article names with that role soon after (and nobody before)."""
    roles = mentions.roles
    if not roles:
        return
    first_seen: dict[str, int] = {}
    for pos, name, kind, _p in mentions.seen:
        if kind == "person":
            first_seen.setdefault(name, pos)
    for c in claims:
        sp = c.attribution.speaker
        if sp is None or sp.kind != "group" or not _INDEFINITE.match(sp.name):
            continue
        person = roles.get(sp.name.rsplit(None, 1)[-1].lower())
        if person and c.start <= first_seen.get(person, -1) <= c.start + _LATER_NAME_REACH:
            a = c.attribution
            c.attribution = AttributionDraft(mentions.draft(person, "person"), a.cue, a.mode,
                                             a.descriptor or sp.name, a.via)
            c.reason.setdefault("features", []).append(f"named later:{sp.name}")


