"""Speaker phrases to names: pronouns, surnames, roles and epithets resolved; titles and appositives kept
as descriptors; news agencies told apart as relays."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .drafts import SpeakerDraft
from .lexicon import en, forms_with
from .mentions import Mentions
from .names import (
    KNOWN_OUTLETS,
    ORG_HEAD_BEFORE,
    ORG_WORDS,
    OUTLET_WORDS,
    PARTICIPLE_OBJECT,
    PREPOSITIONS,
    PRONOUNS,
    TITLES,
    VERB_IN_PHRASE,
    classify,
    runs,
    split_title,
)
from .wordre import alternation

_RELAY_CUES = forms_with("relay")


@dataclass(slots=True)
class Speaker:
    name: str
    kind: str
    descriptor: str | None
    resolved_from: str | None = None  # the pronoun or surname the article used
    relay: Speaker | None = None  # "said Tom Arko per Valley Radio": who passed it on


def speaker_of(phrase: str, position: int, mentions: Mentions, recent: list[tuple[str, str]]) -> Speaker | None:
    """Turn a speaker phrase into a name: a pronoun or surname resolved, a title or appositive kept as
    the descriptor. ``recent`` holds the latest speakers (for "it" and "they")."""
    text = _clean(phrase)
    if not text:
        return None
    relayed = _PER.search(text)
    if relayed:
        # "Tom Arko per Valley Radio", "the mayor, via a spokesman": the speaker, and who relayed the words
        found = speaker_of(text[:relayed.start()], position, mentions, recent)
        if found is not None:
            found.relay = speaker_of(text[relayed.end():], position + relayed.end(), mentions, recent)
            return found
    low = text.lower()
    if low in PRONOUNS:
        return _pronoun(text, position, mentions, recent)
    if low in _NOT_SPEAKERS:
        return None
    if _COORDINATED.match(text) and not any(w.lower() in ORG_WORDS or w.lower() in TITLES for w in text.split()):
        # "The US and Europe denounced …": both speak; the phrase names them together
        return Speaker(text, "group", None)
    meant = mentions.role(text, position)
    if meant:
        return Speaker(meant[0], meant[1], None, text)
    source = _DOCUMENT_OF.match(text)
    if source and _DOCUMENT_SOURCE.search(text, source.end()):
        # "a statement from the ministry", "recent research by the Pew Internet Project": the author speaks
        found = speaker_of(text[source.end():], position, mentions, recent)
        if found is not None:
            return Speaker(found.name, found.kind, found.descriptor or text[: source.end()].strip(), text)
    return _named(text, mentions) or _described(text)


_SUBJECT_PRONOUNS = frozenset(("he", "she", "they", "we", "i", "it"))
_PER = re.compile(r",?\s+(?:per|via|through)\s+(?=(?:the\s+|a\s+)?[A-Z])")
_NOT_SPEAKERS = frozenset({"this", "that", "which", "who", "what", "there"})
_LEADING_ADVERB = re.compile(rf"^(?:[a-z]+ly|then|now|also|still|so|{alternation(en.SUBORDINATORS)})\s+(?=\S)", re.I)


def _clean(phrase: str) -> str:
    """The phrase without a sentence adverb ("However he hopes …", "Then Brafman said") or its period."""
    text = phrase.strip(" ,;:_")
    if text[:1] in "HBAYSMNIT" and _SENTENCE_ADVERB.match(text):
        text = _SENTENCE_ADVERB.sub("", text)  # "However he hopes …" is his hope
    if " " in text and _LEADING_ADVERB.match(text):
        text = _LEADING_ADVERB.sub("", text)  # "Then Brafman said", "naturally he said"
    words = text.split()
    if len(words) > 1 and words[-1].lower() in _SUBJECT_PRONOUNS and all(w.islower() for w in words[:-1]):
        text = words[-1]  # "as often as not he seemed": the adverbial before the pronoun is no part of it
    if text.endswith(".") and "." not in text.rsplit(None, 1)[-1][:-1]:
        text = text.rstrip(".")  # the sentence's period, not an abbreviation's ("the U.S.")
    return text


def _pronoun(text: str, position: int, mentions: Mentions, recent: list[tuple[str, str]]) -> Speaker | None:
    """"he" and "she": the person in the foreground; "it": the organization speaking or named last; "they" and
    "we": the group or organization that spoke last, else the pronoun itself, a speaker of this article only."""
    low = text.lower()
    want = PRONOUNS[low]
    if want == "person":
        hit = mentions.resolve(low, position)
        return Speaker(hit[0], hit[1], None, text) if hit else None
    for name, kind in reversed(recent):
        if kind != "person":
            return Speaker(name, kind, None, text)
    if want == "org":
        hit = mentions.latest_org(position)
        return Speaker(hit[0], hit[1], None, text) if hit else None
    return Speaker(low, "group", None, text)


def _named(text: str, mentions: Mentions) -> Speaker | None:
    """The person (else the organization) a phrase names; the rest of the phrase is the descriptor."""
    chosen = _best_name(text, mentions)
    if chosen is None:
        return None
    nm, kind, s, e = chosen
    before, after = text[:s].strip(" ,"), text[e:].strip(" ,")
    if before.lower() in ("the", "a", "an"):
        before = ""  # "the Institute …": the article belongs to the name
    rest = re.sub(r"\s+", " ", ", ".join(p for p in (before, after) if p)) or None
    return Speaker(nm, kind, rest, None if nm == text else text)


def _name_kind(text: str, s: int, name: list[str], title: list[str], mentions: Mentions) -> tuple[str, str]:
    """(the fullest name, its kind) of a capitalized run's name words."""
    nm = " ".join(name)
    kind = classify(name)
    if len(name) == 1 and name[0] in mentions.surnames:
        nm, kind = mentions.surnames[name[0]], "person"
    elif len(name) == 1 and name[0] in mentions.acronyms:
        nm, kind = mentions.acronyms[name[0]], "organization"  # "NGE said", after "Northgate Energy (NGE)"
    elif len(name) == 1 and (title and title[-1].lower().strip(".") in _HONORIFICS
                             or text[:s].rstrip().rsplit(None, 1)[-1:] and
                             text[:s].rstrip().rsplit(None, 1)[-1].lower().strip(".") in _HONORIFICS | _KIN):
        # "Mr Barrioneuvo", "his daughter Jill": a person, though the article never gave a full name
        kind = "person"
    if kind in ("person", "group") and ORG_HEAD_BEFORE.search(text, max(0, s - 30), s):
        kind = "organization"  # "security firm Saint Bernard Software": what it is comes first
    return nm, kind


def _best_name(text: str, mentions: Mentions) -> tuple[str, str, int, int] | None:
    """The first person a phrase names, else its first organization or outlet that is not governed by a
    preposition ("officials in Kherson" are not Kherson)."""
    org: tuple[str, str, int, int] | None = None
    for s, e, run, head_only in _with_heads(runs(text)):
        title, name = split_title(run.split())
        if not name or e > s + len(run) or _MODIFIER_NEXT.match(text, s + len(run)):
            # the possessor is not the speaker ("the head of President Zelenskyy’s office"); nor is a name used
            # as an adjective ("Liberal Democrat spokeswoman Sandra Gidley")
            continue
        nm, kind = _name_kind(text, s, name, title, mentions)
        if head_only and kind != "person":
            continue  # only a person is named by the words before "of": "Institute of Sociology" is whole
        before = text[:s].split()
        if kind == "person":
            if before and before[-1].lower() in PREPOSITIONS:
                continue  # "a spokesman for Johnson, Raj Shah": the one spoken for is not the speaker
            return nm, kind, s, e
        if kind in ("organization", "outlet") and org is None and _speaks_for_itself(text, s, kind):
            org = (nm, kind, s, e)
    return org


def modifies_a_noun(text: str, s: int, e: int, run: str) -> bool:
    """Whether a name in a sentence only describes the people after it: "Sanders protesters", "the Ruiz campaign",
    "Bennett's younger sister" (a possessive: its run ends before ``e``); not "Trump returned …"."""
    if e > s + len(run):
        return True
    nxt = _NEXT_WORD.match(text, s + len(run))
    return nxt is not None and (nxt[1] in en.ANIMATE_NOUNS or nxt[1].endswith(en.ANIMATE_SUFFIXES))


_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")


def _speaks_for_itself(text: str, s: int, kind: str) -> bool:
    """"Russia's state news agency Tass" is Tass; "officials in Kherson" and "economists polled by Reuters" are
    not Kherson or Reuters."""
    lead = text[:s].lower().split()
    after_preposition = bool(lead) and lead[-1] in PREPOSITIONS
    return not any(w in PREPOSITIONS for w in lead) or (kind == "outlet" and not after_preposition)


def _described(text: str) -> Speaker:
    """A group named by description: "Officials in a strategic southern region", "state media"; it ends
    where a participle, a relative clause or a verb begins ("a poll posing the question …")."""
    words = text.split(",", 1)[0].split()
    # a participle ends it only when it takes an object or an agent ("a poll posing the question",
    # "officials … occupied by Russian troops"), not as an adjective ("a leading expert", "the licensed trade")
    cut = next((i for i, w in enumerate(words) if i and w.islower() and (
        w in ("who", "which", "that", "whose") or VERB_IN_PHRASE.fullmatch(w)
        or ((w.endswith("ing") or (w.endswith("ed") and len(w) > 4))
            and i + 1 < len(words) and words[i + 1].lower() in PARTICIPLE_OBJECT))), len(words))
    words = words[:min(cut, 10)]
    name = " ".join(words)
    kind = "outlet" if any(w.lower() in OUTLET_WORDS or w.lower() in KNOWN_OUTLETS for w in words) else "group"
    return Speaker(name, kind, None)


_HONORIFICS = en.HONORIFICS
_KIN = en.KIN
_SENTENCE_ADVERB = re.compile(rf"^(?:{alternation(en.SENTENCE_ADVERBS)})\b,?\s+(?=\S)")
_COORDINATED = re.compile(r"(?:[Tt]he\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*\s+(?:and|&)\s+(?:the\s+)?"
                          r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*$")
_DOCUMENT_OF = re.compile(
    r"(?:(?:an?|the|its|their|his|her|a\s+new|recent|new|latest|official|preliminary|joint|written)\s+)*"
    rf"(?:{alternation(en.DOCUMENT_NOUNS)})s?,?\s+(?:[\w,’'-]+\s+){{0,6}}?"
    r"(?:from|by|of|issued\s+by|released\s+by|published\s+by|"
    r"conducted\s+by|on\s+behalf\s+of)\s+(?=(?:the\s+)?[A-Z]|the\s+[a-z])", re.I)
# "a statement from the company": the organization the article named before, when a role resolves it
_DOCUMENT_SOURCE = re.compile(r"\s*(?:the\s+)?[A-Z]|\s*the\s+[a-z]")
_MODIFIER_NEXT = re.compile(
    r"\s+(?!(?:of|at|for|from|in|on|and|or|who|which|with|to|by|the|a|an|after|before|during|when|while|as|since|"
    r"until|last|this|yesterday|today|earlier|later|also|told|said|says|added|wrote|has|had|is|was)\b)[a-z]")
_OF = re.compile(r"\s(?:of|for|at|from|on)\s")


def _with_heads(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str, bool]]:
    """Each run, preceded by its words before "of"/"at" when it has them (flagged as such): "Lutsevych of
    Chatham House" is Lutsevych, of Chatham House, when Lutsevych is a person."""
    out = []
    for s, e, run in found:
        m = _OF.search(run)
        if m:
            out.append((s, s + m.start(), run[: m.start()], True))
        out.append((s, e, run, False))
    return out


def is_relay(speaker: Speaker | None, cue: str) -> bool:
    """Whether a speaker is passing on what someone else said: a news outlet, or a "reported" cue."""
    if speaker is None:
        return False
    return speaker.kind == "outlet" or cue.lower() in _RELAY_CUES


def speaker_draft(mentions: Mentions, sp: Speaker | None) -> SpeakerDraft | None:
    """The draft of a resolved speaker, with the surname or role the article used kept as an alias."""
    if sp is None:
        return None
    draft = mentions.draft(sp.name, sp.kind)
    if sp.resolved_from and sp.resolved_from.lower() not in ("he", "she", "it", "they", "we", "i", "him", "her"):
        if sp.resolved_from != sp.name and len(sp.resolved_from) < 60 and sp.kind == "person":
            draft = SpeakerDraft(draft.name, draft.kind, tuple(sorted({*draft.aliases, sp.resolved_from})))
    return draft


_ROLE_PHRASE = re.compile(r"(?:the|a|an|its|their)\s+(?:[\w-]+\s+){0,2}?(?P<head>[a-z-]+)(?:\s+(?:of|at|for)\s|$)",
                          re.I)


def is_role(phrase: str) -> bool:
    """Whether a described speaker is one person by role: "the director of the water board", "a spokeswoman"."""
    m = _ROLE_PHRASE.match(phrase)
    return m is not None and (m["head"].lower() in en.TITLES or m["head"].lower().endswith(en.EPITHET_ENDINGS))
