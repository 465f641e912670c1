"""What a claim's words say: names, event families, content tokens, cue words around its values."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from .facts import ClaimFact
from .names import name_key, names_and_openers
from .quantifiers import Quantified, mentions_control, quantified
from .values import Amount, DateRange, Duration, PointDate, amounts_of, dates_of, durations_of, ranges_of
from .words import content_lemmas

_LONG_WORD = re.compile(r"[a-z][a-z'’-]{2,}")

# Event families: words that name the same kind of happening, so "vote" matches "referendum" and "polling".
# A trailing * matches any ending. General news vocabulary, not tied to any one story.
EVENT_FAMILIES: dict[str, tuple[str, ...]] = {
    "vote": ("vote*", "voting", "ballot*", "polling", "referend*", "election*", "plebiscite*"),
    "war": ("war", "wars", "conflict*", "invasion*", "invade*", "fighting", "hostilities", "counteroffensive",
            "battle*"),
    "control": ("captur*", "seiz*", "control*", "occup*", "conquer*", "overran", "overrun", "annex*"),
    "mobilization": ("mobiliz*", "mobilis*", "conscript*", "reservist*", "draft", "drafted"),
    "attack": ("attack*", "airstrike*", "bomb*", "shelling", "missile*", "explosion*"),
    "casualties": ("kill*", "dead", "death*", "died", "wounded", "injured", "casualt*", "fatalit*", "bodies"),
    "talks": ("talks", "negotiat*", "summit*", "ceasefire*", "truce*", "treaty", "treaties"),
    "sanctions": ("sanction*", "embargo*", "tariff*"),
    "protest": ("protest*", "rally", "rallies", "demonstrat*"),
    "justice": ("arrest*", "charged", "convict*", "sentenc*", "trial", "lawsuit*", "sued"),
    "office": ("resign*", "appointed", "sworn", "inaugurat*", "sacked"),
    "finance": ("profit*", "revenue*", "sales", "earnings", "turnover", "dividend*"),
    "economy": ("inflation", "gdp", "unemployment", "recession*", "growth"),
    "takeover": ("takeover*", "merger*", "acquisition*", "acquire*"),
    "sport": ("match", "matches", "tournament*", "championship*", "semi-final*", "quarter-final*"),
    "release": ("album*", "film*", "premiere*", "box-office"),
    "disaster": ("flood*", "storm", "storms", "earthquake*", "quake*", "hurricane*", "wildfire*", "landslide*",
                 "drought*", "tsunami*", "cyclone*", "typhoon*", "tornado*", "eruption*"),
    "missing": ("missing", "unaccounted", "disappeared"),
    "displacement": ("evacuat*", "displac*", "fled", "flee", "fleeing", "refugee*", "uprooted", "relocat*",
                     "homeless"),
}
_FAMILY_OF = {w: fam for fam, words in EVENT_FAMILIES.items() for w in words if not w.endswith("*")}
_FAMILY_PREFIX = {w[:-1]: fam for fam, words in EVENT_FAMILIES.items() for w in words if w.endswith("*")}
_PREFIX_LENGTHS = sorted({len(p) for p in _FAMILY_PREFIX})
# verbs of holding ground outside the "control" family (they say too little on their own to name an event)
_HOLDING = frozenset("hold holds held holding took take takes taken taking".split())

_STOP = frozenset("""
a an the of in on at to for from by with as and but or that this these those it its is are was were be been
being has have had will would could should may might can said says say also than then there their they them
he she his her we our you your not no into over after before about more most some any all who which what
when where while just only new one two three four five six seven eight nine ten
""".split())

_START_CUES = re.compile(r"\b(?:began|begin|begins|beginning|start|starts|started|starting|opens?|opened|"
                         r"kick(?:s|ed)? off|launch(?:es|ed)?|from)\b[^.;]{0,25}$", re.I)
_END_CUES = re.compile(r"\b(?:conclud\w*|ends?|ended|ending|clos(?:e|es|ed|ing)|finish\w*|until|till|through|"
                       r"wrap(?:s|ped)? up|run(?:s)? to)\b[^.;]{0,25}$", re.I)


def _family_of_word(word: str) -> str | None:
    family = _FAMILY_OF.get(word)
    if family is None:
        for n in _PREFIX_LENGTHS:
            family = _FAMILY_PREFIX.get(word[:n])
            if family:
                break
    return family


# word -> family, remembered: a corpus has tens of thousands of distinct words but millions of occurrences
_SEEN: dict[str, str | None] = {}


def families_of_words(words: frozenset[str]) -> frozenset[str]:
    """Event families of lower-case words."""
    found = set()
    for word in words:
        try:
            family = _SEEN[word]
        except KeyError:
            family = _family_of_word(word)
            if len(_SEEN) < 200_000:
                _SEEN[word] = family
        if family:
            found.add(family)
    return frozenset(found)


def families_in(text: str) -> frozenset[str]:
    return families_of_words(frozenset(_LONG_WORD.findall(text.lower())))


def content_tokens(text: str) -> frozenset[str]:
    return frozenset(_LONG_WORD.findall(text.lower())) - _STOP


# "on Friday began staging": the cue can follow the date too
_START_AFTER = re.compile(r"\s*(?:\w+\s+)?(?:start\w*|beg[ai]n\w*|open(?:s|ed)?|kick\w* off|launch\w*)\b", re.I)
_END_AFTER = re.compile(r"\s*(?:\w+\s+)?(?:end(?:s|ed)?|conclud\w*|clos(?:es|ed)|finish\w*)\b", re.I)


# How long something lasts, as opposed to when it happened, how old someone is or a window of time: a length
# verb before the value ("would last for five days", "dragged on for nearly seven months"), or an adjective
# of length before an event noun ("seven-month-long invasion", "a two-day summit").
_LENGTH_BEFORE = re.compile(r"\b(?:last(?:s|ed|ing)?|dragged on|drag on|(?:went|go|goes|going|gone) on|"
                            r"run(?:s|ning)?|lasting|spanning|stretch\w*|took|take|takes)\s+(?:for\s+|over\s+)?"
                            r"(?:\w+\s+){0,2}$", re.I)
_LENGTH_AFTER = re.compile(r"(?:-long|\s+long)\b", re.I)
_LENGTH_ADJECTIVE = re.compile(r"^\S+-(?:day|week|month|year|hour)(?:-long)?$", re.I)


def is_length(text: str, value_text: str) -> bool:
    """Whether a duration in ``text`` says how long something lasts."""
    at = text.find(value_text)
    if at < 0:
        return False
    end = at + len(value_text)
    if _LENGTH_AFTER.match(text, end) or value_text.lower().endswith("-long"):
        return True
    if _LENGTH_BEFORE.search(text[max(0, at - 40):at]):
        return True
    # "a two-day summit": the adjective must qualify a word naming an event
    return bool(_LENGTH_ADJECTIVE.match(value_text)) and bool(families_in(text[end:end + 25]))


# "if the talks collapse by Friday", "suppose it were over by March": a date of what might happen, not of
# what did or will
_HYPOTHETICAL = re.compile(r"\b(?:if|unless|suppose|supposing|imagine|in case|even if|what if|were it)\b[^.;:!?]*$",
                           re.I)


def hypothetical(text: str, value_text: str) -> bool:
    """Whether ``value_text`` stands in a conditional clause of ``text`` (no linking by its date)."""
    at = text.find(value_text)
    return at > 0 and bool(_HYPOTHETICAL.search(text[max(0, at - 80):at]))


_SINCE = re.compile(r"\bsince\s+(?:\w+\s+)?$", re.I)


def role_of(quote: str, value_text: str) -> str | None:
    """"start" or "end" when a cue word next to the value says which end of an event it dates; "since" for
    "not upgraded since 2009"."""
    at = quote.find(value_text)
    if at < 0:
        return None
    before = quote[max(0, at - 40):at]
    after = quote[at + len(value_text):]
    if _SINCE.search(before):
        return "since"
    if _END_CUES.search(before) or _END_AFTER.match(after):
        return "end"
    if _START_CUES.search(before) or _START_AFTER.match(after):
        return "start"
    return None


@dataclass(slots=True)
class Features:
    """Everything matching compares, computed once per claim."""

    fact: ClaimFact
    names: frozenset[str]
    context_names: frozenset[str]
    families: frozenset[str]
    context_families: frozenset[str]
    tokens: frozenset[str]
    dates: tuple[PointDate, ...]
    ranges: tuple[DateRange, ...]
    durations: tuple[Duration, ...]
    amounts: tuple[Amount, ...]
    quantified: Quantified | None
    #: capitalized words opening a sentence; names only if the corpus never writes them in lower case
    openers: frozenset[str] = frozenset()
    context_openers: frozenset[str] = frozenset()
    names_inside: frozenset[str] = frozenset()
    context_inside: frozenset[str] = frozenset()
    #: words written in lower case, for :func:`drop_common_openers`
    lowercase: frozenset[str] = frozenset()
    #: the names of every claim of this claim's document: two documents sharing several tell one story
    doc_names: frozenset[str] = frozenset()
    #: what each number counts, worked out once when first needed (see :func:`tracker.analysis.amounts.counted`)
    counts: list | None = None
    #: the names several claims of this claim's document give: whom or what the document is about
    doc_principal: frozenset[str] = frozenset()
    #: the quote's content words in one form each (see :mod:`tracker.analysis.words`)
    lemmas: frozenset[str] = frozenset()

    @property
    def has_values(self) -> bool:
        return bool(self.fact.values)

    @property
    def id(self) -> int:
        return self.fact.id

    @property
    def published(self) -> date | None:
        return self.fact.published

    @property
    def all_names(self) -> frozenset[str]:
        return self.names | self.context_names

    @property
    def all_families(self) -> frozenset[str]:
        return self.families | self.context_families


def features_of(fact: ClaimFact) -> Features:
    words = frozenset(_LONG_WORD.findall(fact.quote.lower()))
    inside, openers, capitalized = names_and_openers(fact.quote)
    families = families_of_words(words)
    controls = ("control" in families or not words.isdisjoint(_HOLDING)) and mentions_control(fact.quote)
    # the sentence around a clause matters only to value and quantifier rules; skipping it elsewhere
    # keeps whole-corpus linking fast
    context = fact.context if (fact.values or controls) and fact.context != fact.quote else ""
    context_words = frozenset(_LONG_WORD.findall(context.lower())) if context else frozenset()
    context_inside, context_openers, _ = names_and_openers(context) if context else (frozenset(),) * 3
    values = tuple(v for v in fact.values if not hypothetical(fact.context or fact.quote, v.text))
    dates = tuple(PointDate(d.value, d.text, role_of(fact.quote, d.text) or role_of(context, d.text))
                  for d in dates_of(values)) if values else ()
    return Features(
        fact=fact,
        names=inside | frozenset(map(name_key, openers)),
        context_names=context_inside | frozenset(map(name_key, context_openers)),
        families=families,
        context_families=families_of_words(context_words) if context_words else frozenset(),
        tokens=words - _STOP,
        dates=dates,
        ranges=ranges_of(values) if values else (),
        durations=tuple(d for d in durations_of(values) if is_length(fact.quote, d.text)) if values else (),
        amounts=amounts_of(values) if values else (),
        quantified=quantified(fact.quote, context) if controls else None,
        openers=openers,
        context_openers=context_openers,
        names_inside=inside,
        context_inside=context_inside,
        # words never capitalized here (a word written both ways in one quote is missed; others will have it)
        lowercase=words - capitalized,
        lemmas=content_lemmas(fact.quote),
    )


def drop_common_openers(features: list[Features]) -> list[Features]:
    """Take "Growth", "Sales", "Looking" out of the names where they only open a sentence: a word the corpus
    also writes in lower case is an ordinary word, while "Russia" opening a sentence stays a name."""
    vocabulary: set[str] = set()
    for f in features:
        vocabulary |= f.lowercase
    for f in features:
        if not (f.openers.isdisjoint(vocabulary) and f.context_openers.isdisjoint(vocabulary)):
            f.names = f.names_inside | frozenset(name_key(w) for w in f.openers - vocabulary)
            f.context_names = f.context_inside | frozenset(name_key(w) for w in f.context_openers - vocabulary)
    return features


def features_of_all(claims) -> list[Features]:
    """Features of every claim, with sentence openers judged against the whole set and each document's names."""
    features = drop_common_openers([features_of(c) for c in claims])
    by_document: dict[int, Counter[str]] = {}
    for f in features:
        by_document.setdefault(f.fact.document_id, Counter()).update(f.names)
    frozen = {doc: frozenset(names) for doc, names in by_document.items()}
    principal = {doc: frozenset(n for n, count in names.items() if count >= 2) for doc, names in by_document.items()}
    for f in features:
        f.doc_names = frozen[f.fact.document_id]
        f.doc_principal = principal[f.fact.document_id]
    return features
