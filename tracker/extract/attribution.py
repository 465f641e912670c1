"""Cues of attribution in a clause: verbs of saying, "according to", and the speaker phrase before or after them.

Works on a *masked* clause: quoted words are blanked out (same length), so a "said" inside a quotation is
never taken for a cue and offsets stay those of the text.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .lexicon import cue_lemmas, cue_verbs, en, forms_with, verb_forms
from .names import PREPOSITIONS, PRONOUNS, VERB_IN_PHRASE, classify, split_title
from .segment import overlapping
from .wordre import alternation

_CUE_FORMS = cue_verbs()
# every cue verb's bare form: a cue after an auxiliary ("would support", "went on to say") where not on its own
_LEMMAS = cue_lemmas()
_ENTRIES = {**_LEMMAS, **_CUE_FORMS}
_AUX_BEFORE = re.compile(rf"(?:\b(?:{alternation(en.AUXILIARY_PHRASES)})|(?<![\w’'])(?:{alternation(en.AUXILIARIES)})"
                         rf"|(?<=\w)(?:{alternation(en.CONTRACTED_AUXILIARIES)}))"
                         r"(?:\s+(?:\w+ly|also|later|then|now|again|still|first|simply))?\s+$", re.I)
# third-person forms ("states", "calls") that are also plural nouns; "says" and "tells" are always verbs
_THIRD_PERSON = frozenset(f for f, v in _CUE_FORMS.items() if f == verb_forms(v.lemma, en.IRREGULAR_VERBS)[0]
                          and f.endswith("s") and "verb-s" not in v.flags)
_NUMBER_BEFORE = re.compile(rf"(?:\d|\b(?:{alternation(en.NUMBER_WORDS)}))\s+$", re.I)
# "seemed to", "appears that", "appeared as", "looks like": a view; other uses are presence or look
_NEEDS_TO = forms_with("to")
_ANSWERS = forms_with("answer")
_TO_FOLLOWS = re.compile(r"\s+(?:\w+ly\s+)?(?:to|that|as|like)\b|,")
_POSSESSIVE_BEFORE = re.compile(r"(?:\b(?:his|her|its|their|our|my|your)|[\w.-][’']s?|s[’'])\s+$", re.I)
# the bare forms that are cues ("they say", "polls show")
# bare forms that are not also a past tense ("read", "put it" are both)
_BARE_FORMS = frozenset(f for f, v in _CUE_FORMS.items()
                        if f == v.lemma and f != verb_forms(v.lemma, en.IRREGULAR_VERBS)[1])
_PLURAL_BEFORE = re.compile(r"(?:^|\s)(?P<w>[\w’'-]+)\s+$")
# "a plan which her administration says would …" ("says" right before a verb is otherwise a noun's plural)
_WHICH_BEFORE = re.compile(r"(?<=\w)\s+which\s+(?:[\w’'-]+\s+){1,3}$")
_NEEDS_AS = forms_with("as")
_NEEDS_TOPIC = forms_with("topic")
_RESEARCH_BEFORE = re.compile(rf"\b(?:{alternation(en.RESEARCH_NOUNS)})\b[^,;:.]*$", re.I)
_TOPIC_FOLLOWS = re.compile(rf"\s+(?:\w+ly\s+)?(?:{alternation(en.TOPIC_WORDS)})\b|\s*(?:that\b|:|[“\"_])")
_AS_SOON = re.compile(r"(?:\s+[\w’'.-]+){0,8}?\s+as\b|\s+that\b")
CUE = re.compile(rf"(?<![\w-]){alternation([*_CUE_FORMS, *_LEMMAS, *en.ACCORDING_TO])}\b")
# the cue forms that are verbs whatever their neighbours: what clause cutting may take for a verb ("military
# support" and "roll calls" are nouns)
_NOUN_FORMS = frozenset(f for f, v in _CUE_FORMS.items()
                        if "noun" in v.flags and f in (v.lemma, verb_forms(v.lemma, en.IRREGULAR_VERBS)[0]))
VERB_FORMS = frozenset(f for f in _CUE_FORMS if f not in _NOUN_FORMS)
_THINK_SET = forms_with("animate")
_DATA_CUES = forms_with("data")
_PARTICIPLE_LEAD = frozenset(f for f in forms_with("leads") if f.endswith("ing"))
# "urged X to do" and "asked X to do" are acts, not statements; they report speech only before "that",
# a colon, a quotation or a question word, or right after a quotation ("“…,” she continued")
_URGE = forms_with("speech")
_DEMANDS = forms_with("demand")
_DEMAND_FOLLOWS = re.compile(r"\s+for\s+(?:the|a|an|his|her|its|their|[A-Z\w])")
_AFTER_QUOTE = re.compile(r"[”\"],?\s*(?:[\w.’'-]+\s+){0,4}$")
# what follows a verb of speech when it reports words: "that", a colon, a quotation (after a comma or an object:
# "continued, “…”", "called the plan “reckless”", "telling reporters, “…”") or a question word
_QUOTE_AFTER_OBJECT = r"\s*,?\s*[“\"]|\s+(?:[\w’'.-]+\s+){0,3}[\w’'.-]+,?\s*[“\"]"
_URGE_FOLLOWS = re.compile(rf"\s*(?:that\b|:|[“\"_]|whether\b|if\b|why\b|how\b|what\b|when\b)|{_QUOTE_AFTER_OBJECT}"
                           r"|\s+(?:(?!to\b|for\b|with\b)[\w’'.-]+\s+){1,4}?(?:whether|if|why|how|what)\b")
_AMOUNT_NEXT = re.compile(r"\s+(?:(?:about|some|nearly|almost|another|a\s+further|more\s+than)\s+)?[\d$£€¥]")
_NOUN_BEFORE_VERB = re.compile(r"\s+(?:was|were|is|are|have|had|will|would|could|can|may)\b")
# "found that", not "found a body"; "ruled that", not "ruled the country"
_NEEDS_THAT = forms_with("that")
_NEEDS_THAT_PAST = frozenset(f for f in _NEEDS_THAT if f == verb_forms(_ENTRIES[f].lemma, en.IRREGULAR_VERBS)[1])
# "Harwick claimed their first win", "the team claimed the title": a claim verb with a plain noun object is
# winning, not saying; "claimed the vote was rigged" has a reported clause (a finite verb) after the noun
_CLAIM_WORDS = forms_with("claim") | {"claim"}
_NOUN_OBJECT = re.compile(r"\s+(?:the|a|an|their|his|her|its|our|my|your|this|these|those|another|[\w’'-]+[’']s|"
                          rf"\d[\w.,]*|{alternation(en.CLAIM_OBJECTS)})\b")
# what is won or taken, never said: "claimed the title", "claimed the lives of 40 people"
_WON = re.compile(rf"\b(?:{alternation(en.WON)}|clean\s+sheet)\b")
_NUMBER_IN = re.compile(rf"\d|\b(?:{alternation(en.NUMBER_WORDS)})\b")
_CLAUSE_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|could|can|may|might|should|must|did|"
                          r"does|do|[a-z]{2,}ed|[a-z]+n[’']t)\b")
# "…, the survey found.": the finding came before its cue
_CLOSES = re.compile(r"\s*[.,;]")
_THAT_FOLLOWS = re.compile(r"\s*(?:(?:on|late|early|last|this|in)\s+[\w.]+\s+(?:\d+\s+)?)?(?:that\b|:)")
# other participles report speech only before "that", a colon or a quotation ("adding to honours" does not)
_PARTICIPLE_FOLLOWS = re.compile(rf"\s*(?:that\b|:|[“\"_,])|{_QUOTE_AFTER_OBJECT}")
_PASSIVE_BEFORE = re.compile(r"\b(?:be|been|being|is|was|were|are)\s+(?:\w+ly\s+|also\s+|not\s+)?$")
_NOT_A_VERB_BEFORE = re.compile(r"\b(?:to|a|an|the|its|their|his|her|An|A|The|Its|Their|His|Her)\s+$")
# "Ecologists are warning MSPs that …", "the agency is warning": progressive, the subject speaks
_PROGRESSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|has\s+been|have\s+been)\s+(?:\w+ly\s+|also\s+|now\s+)?$")
_PARTICLE_AFTER = re.compile(r"\s+(?:back|up|out|off|away)\b")
SUBORDINATORS = en.SUBORDINATORS
_AGENT = re.compile(r"\s+by\s+(?=[A-Z]|the\s|a\s|an\s|its\s|their\s)")
_TOKEN = re.compile(r"\d[\d,.]*\d|[\w’'.-]+|[^\w\s]")  # "100,000" is one token: its comma is no boundary
_BOUNDARY_WORDS = en.BOUNDARY_WORDS
_FILLER = en.FILLER
# a subject does not hold these: "Interest in the IPO has been fuelled by hopes" names no speaker
_ANIMATE_NOUNS = en.ANIMATE_NOUNS
_POST_CUES = forms_with("inverts")
_PUNCT_STOP = ",;:“”\"()—–[]"
_PEOPLE_BEFORE_PARTICIPLE = en.ANIMATE_NOUNS | en.PEOPLE_PRONOUNS_AND_NOUNS
_DASHES = frozenset(("—", "–", "--", "-"))
_QUOTE_MARKS = frozenset("'’")


@dataclass(slots=True)
class Cue:
    """One attribution found in a clause: speaker phrase, cue, and where the phrase sits."""

    cue: str
    start: int  # of the cue, in text offsets
    end: int
    phrase: str | None = None
    phrase_start: int = -1
    #: before / after / according / participle / relative (", which has warned") / share ("41% said")
    position: str = "before"


def mask_quotes(text: str, start: int, end: int, regions: list[tuple[int, int]]) -> str:
    """``text[start:end]`` with the inside of every quotation blanked: same length, same offsets."""
    parts: list[str] = []
    pos = start
    for qs, qe in overlapping(regions, start, end):
        a, b = max(qs + 1, pos), min(qe - 1, end)
        if a < b:
            # whole slices through two C-level substitutions, not a Python loop over characters
            parts += (text[pos:a], _INK.sub("_", text[a:b]).translate(_ONE_SPACE))
            pos = b
    if not parts:
        return text[start:end].translate(_NO_BREAK)
    parts.append(text[pos:end])
    return "".join(parts).translate(_NO_BREAK)


_INK = re.compile(r"\S")
_ONE_SPACE = {c: " " for c in range(0x3001) if chr(c).isspace()}
# no-break and thin spaces read as spaces ("this\u00a0source told"), one character for one
_NO_BREAK = {0xA0: " ", 0x2007: " ", 0x2009: " ", 0x200A: " ", 0x202F: " "}


def _tokens(s: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in _TOKEN.finditer(s)]


#: how far before a cue its subject is looked for first, in characters: the whole text before it only when the
#: phrase runs to the edge of that stretch, so that a sentence holding thousands of cues is read in linear time
_PHRASE_REACH = 400


def _phrase_before(masked: str, cue_at: int) -> tuple[int, int, str]:
    """The noun phrase ending right before the cue: ``(start, end, boundary)`` in masked coordinates;
    the boundary says what stopped it (a punctuation mark, a word, or "" at the clause start)."""
    lo = cue_at - _PHRASE_REACH
    if lo > 0:
        found, edge = _subject_phrase([(m.start(), m.group()) for m in _TOKEN.finditer(masked, lo, cue_at)])
        if not edge:  # its first token, perhaps cut by the stretch's edge, was never looked at
            return found
    return _subject_phrase(_tokens(masked[:cue_at]))[0]


def _subject_phrase(toks: list[tuple[int, str]]) -> tuple[tuple[int, int, str], bool]:
    """:func:`_phrase_before` over the tokens before the cue, and whether it looked as far back as the first."""
    found = _subject_tokens(toks)
    return found[:3], found[3] <= 0


def _subject_tokens(toks: list[tuple[int, str]]) -> tuple[int, int, str, int]:
    i = len(toks) - 1
    # skip the auxiliaries and time words between subject and verb ("Pushilin late Thursday warned")
    while i >= 0 and (toks[i][1].lower() in _FILLER or (toks[i][1].endswith("ly") and toks[i][1].islower())):
        i -= 1
    if i < len(toks) - 1 and i > 0 and _PAST_VERB.fullmatch(toks[i][1]) and toks[i][1] not in _CUE_FORMS:
        i -= 1  # "The report published Tuesday showed": the participle before the time describes the noun
    if i > 0 and toks[i][1] in _DASHES:
        # "Joyce — who is listed as an attorney — told …": the aside between dashes describes the subject before it
        opening = next((k for k in range(i - 1, max(-1, i - 40), -1) if toks[k][1] in _DASHES), -1)
        if opening > 0:
            i = opening - 1
    if i >= 0 and toks[i][1] == ")":
        # "Sen. Patty Murray (D-Wash.) said": the parenthesis belongs to the name before it
        depth = 0
        while i >= 0:
            depth += {")": 1, "(": -1}.get(toks[i][1], 0)
            i -= 1
            if depth == 0:
                break
    end = toks[i][0] + len(toks[i][1]) if i >= 0 else 0
    if i >= 0 and toks[i][1].islower() and (toks[i][1].endswith("ing") or toks[i][1].endswith("ed")) \
            and toks[i][1] not in en.ING_NOUNS and not (i > 0 and toks[i - 1][1].lower() in _PEOPLE_BEFORE_PARTICIPLE):
        # "started getting reports", "proved claims": a verb before a noun, no subject ("those surveyed say",
        # "voters polled said": a participle after the people it describes)
        return end, end, "verb", i
    j = i
    words = 0
    while j >= 0:
        tok = toks[j][1]
        low = tok.lower()
        if tok in _PUNCT_STOP or set(tok) == {"_"} or not set(tok) - _QUOTE_MARKS:
            break  # a stray quote mark ends it too (quotations opened and closed by doubled apostrophes)
        if low in _BOUNDARY_WORDS and not (low == "with" and j > 0 and toks[j - 1][1] != ","):
            break  # ", with analysts suggesting" starts a phrase; "a person familiar with the matter" goes on
        if j < i and low in _CUE_FORMS:
            break  # "…, saying it condemned …": another verb of saying ends the subject
        # "and" ends the phrase, except between names: "the US and Europe"
        if low == "and" and not (j + 1 <= i and j > 0 and toks[j + 1][1][:1].isupper()
                                 and toks[j - 1][1][:1].isupper()):
            break
        words += 1
        if words > 14:
            return end, end, "too long", j
        j -= 1
    start = toks[j + 1][0] if j + 1 <= i else end
    boundary = toks[j][1] if j >= 0 else ""
    return start, end, boundary, min(i, j)


def _antecedent(masked: str, comma_at: int) -> tuple[int, int]:
    """The noun phrase a ", which"/", who" refers back to: the words after the last preposition or verb."""
    toks = _tokens(masked[:comma_at])
    j = len(toks) - 1
    n = 0
    while j >= 0 and n < 6:
        low = toks[j][1].lower()
        if toks[j][1] in _PUNCT_STOP or low in PREPOSITIONS or low in _BOUNDARY_WORDS or low.endswith("ed"):
            break
        n += 1
        j -= 1
    if j + 1 >= len(toks):
        return comma_at, comma_at
    return toks[j + 1][0], toks[-1][0] + len(toks[-1][1])


_NEW_SUBJECT = en.NEW_SUBJECTS
_DETERMINER = en.DETERMINERS
_SPACED_WORD = re.compile(r"\S+")


def _clause_after_name(masked: str, s: int, e: int) -> int:
    """Where a clause begins right after an "according to" source with no comma between ("According to eBay
    UK there are …", "according to Reuters the toll rose …"), or ``e``."""
    comma = masked.find(",", s, e)
    if comma >= 0:
        return e  # the source ends at its comma ("…, a U.S.-based think tank" describes it)
    prev = ""
    for k, m in enumerate(_SPACED_WORD.finditer(masked, s, e)):
        w = m.group().lower()
        if k and (w in _NEW_SUBJECT or (w in _DETERMINER and prev[:1].isupper())):
            return m.start()
        prev = m.group()
    return e


_PHRASE_COMMA = re.compile(r",(?!\d)")  # "a survey of 2,000 adults": a number's comma ends nothing
_REST = re.compile(r"\s*(.*?)\s*[.!?]*[\"”’')\]]*\s*$", re.S)
_APPOSITIVE = re.compile(r"\s*(?:a|an|the|its|his|her|their|one|[A-Z])")


def _phrase_after(masked: str, at: int) -> tuple[int, int]:
    """The speaker phrase after a cue or "according to": a name up to the first comma, and the appositive
    after it when there is one ("…, a research fellow at Chatham House"), not a new clause (", with …")."""
    m = _REST.match(masked, at)
    if m is None:
        return at, at
    s, e = m.start(1), m.end(1)
    comma = next((c.start() for c in _PHRASE_COMMA.finditer(masked, s, e)), -1)
    if comma < 0:
        return s, e
    rest = masked[comma + 1:e]
    nxt = rest.find(",")
    segment = rest if nxt < 0 else rest[:nxt]
    if _APPOSITIVE.match(segment) and not _FINITE_AFTER.search(segment) and len(segment.split()) <= 16:
        return s, comma + 1 + len(segment.rstrip())
    return s, comma


# "The agency put the death toll at 11": an estimate is its maker's claim, like "estimated"
_PUT_AT = re.compile(rf"\bput(?:s|ting)?\s+(?:the|its|their)\s+(?:[\w-]+\s+){{0,3}}?"
                     rf"(?:{alternation(en.ESTIMATE_NOUNS)})"
                     r"(?:\s+of\s+[\w-]+(?:\s+[\w-]+)?)?\s+at\s+[\d$£€a-z]")  # "put the number of dead at 30"
# "for a fee the club put at €40m", "a toll Reuters put at 11": the estimate's maker right before "put at"
_PUT_AT_AFTER_NOUN = re.compile(r"\b(?P<who>(?:the|its|their)\s+[a-z-]+(?:\s+[a-z-]+)?"
                                r"|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)"
                                r"\s+(?P<put>puts?)\s+at\s+(?:about\s+|around\s+|some\s+|nearly\s+)?[\d$£€]")


def find_cues(masked: str, offset: int) -> list[Cue]:
    """Every attribution cue in a masked clause with its speaker phrase (text offsets = masked + offset)."""
    cues = _estimates(masked, offset)
    cues += colon_speech(masked, offset) if ":" in masked else []
    cues += _nominal(masked, offset) if "that" in masked else []
    for m in CUE.finditer(masked):
        low = m.group().lower()
        at = m.start()
        if low in _LEMMAS:
            aux = _AUX_BEFORE.search(masked, max(0, at - 32), at)
            if aux is not None:
                at = aux.start()  # "she would support", "Ruiz went on to say": the subject is before the auxiliary
            elif low not in _CUE_FORMS:
                continue
        if any(refuses(masked, m, low) for refuses in _GUARDS.get(low, ())):
            continue
        cue = _placed(masked, m, low, offset, at)
        if cue is not None:
            cues.append(cue)
    return sorted(cues, key=lambda c: c.start)  # in reading order: the first cue is the clause's own


def _estimates(masked: str, offset: int) -> list[Cue]:
    """"The agency put the death toll at 11", "a fee the club put at €40m": the estimate's maker speaks."""
    cues: list[Cue] = []
    for m in _PUT_AT.finditer(masked) if "put" in masked else ():
        s, e, boundary = _phrase_before(masked, m.start())
        if e > s and boundary != "too long" and not VERB_IN_PHRASE.search(masked[s:e]):
            cues.append(Cue("put", m.start() + offset, m.start() + offset + 3, masked[s:e], s + offset))
    for m in _PUT_AT_AFTER_NOUN.finditer(masked) if " put at " in masked or " puts at " in masked else ():
        if not any(c.start == m.start("put") + offset for c in cues):
            cues.append(Cue("put", m.start("put") + offset, m.end("put") + offset, m["who"], m.start("who") + offset))
    return cues


# "the mayor's claim that …", "her warning that …": a noun of saying or thinking, its possessor the speaker
_NOMINAL = re.compile(rf"\b(?P<noun>{alternation(en.SAYING_NOUNS)})\s+that\b")
_POSSESSOR = re.compile(r"(?P<who>\b(?:his|her|their|its)"
                        r"|(?:(?:the|a)\s+[\w.-]+|[A-Z][\w.-]*)(?:\s+[A-Z][\w.-]*)*[’']s?)\s+"
                        r"(?:[a-z-]+\s+)?$")
_POSSESSIVE_PRONOUN = {"his": "he", "her": "she", "their": "they", "its": "it"}


def _nominal(masked: str, offset: int) -> list[Cue]:
    """"The mayor's claim that the pier was safe", "her warning that …": the possessor said or thinks it."""
    cues = []
    for m in _NOMINAL.finditer(masked):
        p = _POSSESSOR.search(masked, max(0, m.start() - 60), m.start())
        if p is None:
            continue
        who = p["who"]
        phrase = _POSSESSIVE_PRONOUN.get(who.lower()) or re.sub(r"[’']s?$", "", who)
        cues.append(Cue(m["noun"], m.start("noun") + offset, m.end("noun") + offset, phrase, p.start("who") + offset))
    return cues


# "Mayor Jonas Berg: “…”", "Sanders: We will win": a name and a colon open what the named one said
_COLON_SPEECH = re.compile(r"\s*(?P<who>(?:[A-Z][\w’'.-]*\s+){0,4}[A-Z][\w’'.-]*)\s*:\s+(?=\S)")


def colon_speech(masked: str, offset: int) -> list[Cue]:
    """Speech with no verb: a name (a person or an organization, never a heading word) and a colon."""
    m = _COLON_SPEECH.match(masked)
    if m is None:
        return []
    words = m["who"].split()
    _title, name = split_title(words)
    if not name or words[0].lower() in en.NOT_NAMES or words[0].lower() in en.HEADING_WORDS:
        return []
    if classify(name) not in ("person", "organization", "outlet") and len(name) > 1:
        return []  # one word will do ("Sanders: …"), several must make a name
    colon = masked.index(":", m.end("who"))
    return [Cue(":", colon + offset, colon + 1 + offset, m["who"], m.start("who") + offset)]


# --- words that look like cues and are not: each guard named for what it refuses ---------------------------------
def _act_not_speech(masked: str, m: re.Match, low: str) -> bool:
    """"urged them to go", "asked for time": an act unless speech follows or a quotation comes before."""
    return low in _URGE and not _URGE_FOLLOWS.match(masked, m.end()) \
        and not _AFTER_QUOTE.search(masked, max(0, m.start() - 40), m.start()) \
        and not (low in _DEMANDS and _DEMAND_FOLLOWS.match(masked, m.end()))


def _judgement_without_as(masked: str, m: re.Match, low: str) -> bool:
    """"dismissed the lawsuit" (not "dismissed the plan as desperate")."""
    return low in _NEEDS_AS and not _AS_SOON.match(masked, m.end())


def _no_topic(masked: str, m: re.Match, low: str) -> bool:
    """"spoke for an hour", "spoke on Monday" (not "spoke about the plan")."""
    return low in _NEEDS_TOPIC and not _TOPIC_FOLLOWS.match(masked, m.end())


def _finding_without_that(masked: str, m: re.Match, low: str) -> bool:
    """"found a body", "ruled the country" (not "found that …")."""
    if low not in _NEEDS_THAT or _THAT_FOLLOWS.match(masked, m.end()):
        return False
    if _AFTER_QUOTE.search(masked, max(0, m.start() - 40), m.start()):
        return False  # "“…,” the senator concludes.": a quotation came before
    # "…, the survey found.": a finding closed by its cue, in the past tense ("of the judge's ruling." is a noun)
    if low in _NEEDS_THAT_PAST and _CLOSES.match(masked, m.end()):
        return False
    # "a poll released Wednesday found Ruiz leads by 15 points": a study's finding needs no "that"
    return not (_RESEARCH_BEFORE.search(masked, max(0, m.start() - 80), m.start()) and _claim_clause(masked, m.end()))


def _won_not_said(masked: str, m: re.Match, low: str) -> bool:
    """"claimed their first win of the season": won, not said."""
    return low in _CLAIM_WORDS and _NOUN_OBJECT.match(masked, m.end()) is not None \
        and not _claim_clause(masked, m.end()) \
        and not masked[max(0, m.start() - 3):m.start()].rstrip().endswith((",", "”", "\""))


def _a_rise_not_a_remark(masked: str, m: re.Match, low: str) -> bool:
    """"revenues added 4% to 142bn euros"."""
    return low in ("added", "adds") and _AMOUNT_NEXT.match(masked, m.end()) is not None


def _after_a_number(masked: str, m: re.Match, _low: str) -> bool:
    """"30 states", "270 pledged delegates": a noun or an adjective after a number."""
    return _NUMBER_BEFORE.search(masked, max(0, m.start() - 12), m.start()) is not None


def _a_plural_noun(masked: str, m: re.Match, low: str) -> bool:
    """"percentage points", "his remarks", "follow-up questions", "… in 30 states.": a verb that needs what it
    reports does not end its clause."""
    if low not in _THIRD_PERSON:
        return False
    if _AFTER_QUOTE.search(masked, max(0, m.start() - 40), m.start()):
        return False  # "“…,” the suit reads.": a verb right after its quotation
    if _plural_noun(masked, m.start(), m.end()):
        return True
    return low not in _POST_CUES and _CLOSES.match(masked, m.end()) is not None


def _after_a_possessive(masked: str, m: re.Match, _low: str) -> bool:
    """"Breitbart's reporting team", "her warning", "the mayor's claims": a noun after a possessive."""
    return _POSSESSIVE_BEFORE.search(masked, max(0, m.start() - 30), m.start()) is not None


_CONTRACTION = re.compile(r"[’'](?:ll|d)$")


def _bare_form_after_a_name(masked: str, m: re.Match, low: str) -> bool:
    """"the Daily show on radio", "Latino support": a bare verb form needs a plural subject, not one name."""
    if low not in _BARE_FORMS or _THAT_FOLLOWS.match(masked, m.end()):
        return False  # "Sepa predict that …": British plural agreement with a name
    before = _PLURAL_BEFORE.search(masked, max(0, m.start() - 30), m.start())
    if before is None:
        return False
    w = _CONTRACTION.sub("", before["w"])  # "He’ll say": the subject is "He"
    if w.lower() in PRONOUNS or w.lower() in ("i", "you", "we", "they") or w.lower().endswith("s"):
        return False
    if w.lower() in en.PLURALS_WITHOUT_S:
        return False  # "Police say …": a plural at the sentence's start, not a name
    return w[:1].isupper() and " and " not in masked[max(0, m.start() - 40):m.start()]


def _presence_not_a_view(masked: str, m: re.Match, low: str) -> bool:
    """"appeared at the debate" (not "appeared to back the plan")."""
    return low in _NEEDS_TO and not _TO_FOLLOWS.match(masked, m.end())


def _a_noun_before_its_verb(masked: str, m: re.Match, low: str) -> bool:
    """"One of his election pledges was to …", "the claims were rejected"."""
    return low[-1] == "s" and not (low == "says" and _WHICH_BEFORE.search(masked, max(0, m.start() - 40), m.start())) \
        and _NOUN_BEFORE_VERB.match(masked, m.end()) is not None


_DEEDS_AFTER = re.compile(rf"\s+(?:{alternation(en.ANSWERED_IN_DEEDS)})\b")


def _answered_in_deeds(masked: str, m: re.Match, low: str) -> bool:
    """"Firefighters responded within minutes": they arrived, they did not reply."""
    return low in _ANSWERS and _DEEDS_AFTER.match(masked, m.end()) is not None


Guard = Callable[[str, re.Match, str], bool]
# each guard, named for what it refuses, and the cue forms it can refuse (None: any)
NOT_A_CUE: tuple[tuple[str, Guard, frozenset[str] | None], ...] = (
    ("an act, not speech", _act_not_speech, _URGE),
    ("a judgement without 'as'", _judgement_without_as, _NEEDS_AS),
    ("speaking without a topic", _no_topic, _NEEDS_TOPIC),
    ("a finding without 'that'", _finding_without_that, _NEEDS_THAT),
    ("won, not said", _won_not_said, _CLAIM_WORDS),
    ("a rise, not a remark", _a_rise_not_a_remark, frozenset({"added", "adds"})),
    ("a word after a number", _after_a_number, None),
    ("a plural noun", _a_plural_noun, _THIRD_PERSON),
    ("a presence, not a view", _presence_not_a_view, _NEEDS_TO),
    ("a noun before its verb", _a_noun_before_its_verb, None),
    ("answered in deeds", _answered_in_deeds, _ANSWERS),
    ("a noun after a possessive", _after_a_possessive, None),
    ("a bare form after one name", _bare_form_after_a_name, _BARE_FORMS),
)
# the guards each cue form meets, in order
_GUARDS: dict[str, tuple[Guard, ...]] = {
    form: tuple(g for _n, g, forms in NOT_A_CUE if forms is None or form in forms) for form in _ENTRIES}


# --- where the speaker of a cue is --------------------------------------------------------------------------------
def _placed(masked: str, m: re.Match, low: str, offset: int, at: int) -> Cue | None:
    """The cue with its speaker phrase, wherever the sentence puts it; None when it reports nobody. ``at`` is
    where the verb group starts (an auxiliary before the cue: "would support")."""
    cue = Cue(m.group(), m.start() + offset, m.end() + offset)
    agent = _AGENT.match(masked, m.end()) if (low.endswith("ed") and low not in _THINK_SET) or low in ("told", "said") \
        else None
    if agent:
        # "proposals announced by the Trade and Industry Secretary Patricia Hewitt": the agent speaks
        return _with_phrase(cue, masked, *_phrase_after(masked, agent.end()), offset, "after")
    aux = None
    if _PASSIVE_BEFORE.search(masked, max(0, at - 30), at):
        aux = _PROGRESSIVE_BEFORE.search(masked, max(0, at - 30), at) \
            if low.endswith("ing") and low != "according" else None
        if aux is None:
            return None  # "a 30GB version has also been added": passive, nobody speaks
    if _NOT_A_VERB_BEFORE.search(masked, max(0, at - 8), at) or (
            _PARTICLE_AFTER.match(masked, m.end()) and _lemma(low) not in en.PARTICLE_CUES):
        return None  # "declined to say", "an estimated $125m", "reports back": no statement reported
    if low == "according to":
        return _according(cue, masked, m, offset)
    s, e, boundary = _phrase_before(masked, aux.start() if aux else at)
    if aux is not None:
        # "Ecologists are warning MSPs that …": progressive, a subject that can speak
        ok = e > s and boundary != "too long" and _animate(masked[s:e])
        return _with_phrase(cue, masked, s, e, offset) if ok else None
    if e > s and boundary != "too long":
        placed = _subject(cue, masked, low, s, e, boundary, offset)
        if placed is None and _object_then_participle(masked, m, low, s, e):
            cue.position = "participle"  # "His office put out a statement saying …": the subject speaks
            return cue
        return placed
    if e == s:
        return _no_subject_before(cue, masked, m, low, s, boundary, offset)
    return None


def _lemma(low: str) -> str:
    entry = _ENTRIES.get(low)
    return entry.lemma if entry else low


def _object_then_participle(masked: str, m: re.Match, low: str, s: int, e: int) -> bool:
    """"issued a statement saying …", "wrote a letter arguing that …", "began by talking about …": a participle of
    saying after the object of the sentence's verb or after "by", so the sentence's subject speaks."""
    words = masked[s:e].split()[1:]
    if low.endswith("ing") and words and words[-1] == "by":
        return True  # "began by talking about …", "answered by saying …": the subject speaks
    return low in _PARTICIPLE_LEAD and any(w in en.IRREGULAR_PAST or _PAST_VERB.fullmatch(w) for w in words) \
        and (low == "saying" or _PARTICIPLE_FOLLOWS.match(masked, m.end()) is not None)


def _with_phrase(cue: Cue, masked: str, s: int, e: int, offset: int, position: str | None = None) -> Cue | None:
    if e <= s:
        return None
    cue.phrase, cue.phrase_start = masked[s:e], s + offset
    if position:
        cue.position = position
    return cue


def _according(cue: Cue, masked: str, m: re.Match, offset: int) -> Cue | None:
    """"according to Reuters", "According to eBay UK there are …": the source after it."""
    s, e = _phrase_after(masked, m.end())
    if e - s > 12:
        e = _clause_after_name(masked, s, e)
    if e <= s or masked[s:e].split(None, 1)[0].lower() in _BOUNDARY_WORDS:
        return None
    return _with_phrase(cue, masked, s, e, offset, "according")


def _subject(cue: Cue, masked: str, low: str, s: int, e: int, boundary: str, offset: int) -> Cue | None:
    """The subject phrase before the cue speaks, when it can: "The ministry said", "analysts believe"."""
    phrase = masked[s:e]
    first = phrase.split(None, 1)[0].lower()
    if first in PREPOSITIONS and not _SHARE.match(phrase):  # "About 9 percent said …" is a share, not a place
        # "In a radio interview Ruiz said", "In 2010 she said": the subject after a fronted phrase with no comma;
        # "In responding, …", "at a rally in Oslo": none
        s = _subject_after_fronted(masked, s, e)
        if s < 0:
            return None
        phrase = masked[s:e]
        first = phrase.split(None, 1)[0].lower()
    if first.endswith("ing") and " " not in phrase.strip() and phrase[:1].isupper() and first not in en.ING_NOUNS:
        return None  # "Having announced that …, Judge Berman …": a fronted participle, no subject of its own
    if first in PRONOUNS and " " in phrase.strip() and not (
            boundary in ("which", "that") and first in _POSSESSIVE_DETERMINERS and low in _RELATIVE_SAY):
        return None  # "he strengthened his selection claims": a noun, not a verb of saying
    if VERB_IN_PHRASE.search(phrase) or (first.endswith("ed") and phrase[0].islower()
                                         and not _ADJECTIVE_BEFORE_NAME.match(phrase)):
        if boundary == "who" and len([w for w in phrase.split() if not VERB_IN_PHRASE.fullmatch(w)]) >= 2:
            # "people who have battled fraud say …": the relative clause describes who speaks ("leaders who can
            # support …" is the relative clause's own verb)
            a, b = _restrictive_antecedent(masked, s)
            return _with_phrase(cue, masked, a, b, offset)
        return None
    if (low.endswith("ing") or (" " not in phrase.strip() and phrase.strip().islower())) and not _animate(phrase) \
            and phrase.strip().lower() not in en.SOURCE_NOUNS:
        return None  # "incredibly sharp writing", "three warning letters": not someone speaking ("records show" is)
    if _SHARE.match(phrase):
        # "41% said they would cycle more": the pollster's finding (or the outlet's), never 41%'s words
        return _with_phrase(cue, masked, s, e, offset, "share")
    if low in _THINK_SET and not _animate(phrase) and not (low in _DATA_CUES and _source_head(phrase)):
        return None  # "the data suggests …" speaks; "the data believes …" does not
    return _with_phrase(cue, masked, s, e, offset)


# "retired general Lloyd Newton", "embattled Mayor Ana Ruiz": a participle as an adjective of a name, not a verb
_ADJECTIVE_BEFORE_NAME = re.compile(r"[a-z]+ed\s+(?:[a-z-]+\s+){0,2}[A-Z][\w’'.-]*\s+[A-Z]")


def _subject_after_fronted(masked: str, s: int, e: int) -> int:
    """Where the subject starts after a fronted phrase ("In a radio interview Ruiz"): a closing pronoun or run of
    capitalized words; -1 when there is none."""
    toks = _tokens(masked[s:e])
    j = len(toks)
    if toks and toks[-1][1].lower() in PRONOUNS:
        j -= 1
    else:
        while j > 1 and toks[j - 1][1][:1].isupper():
            j -= 1
    return s + toks[j][0] if 0 < j < len(toks) else -1


def _no_subject_before(cue: Cue, masked: str, m: re.Match, low: str, s: int, boundary: str,
                       offset: int) -> Cue | None:
    """No subject right before the cue: a relative pronoun, a participle, a second verb of the sentence's
    subject, an inverted cue ("…, said Ana Ruiz") or an appositive between subject and verb."""
    if boundary in ("which", "who"):
        return _relative(cue, masked, low, s, offset)
    if low in _PARTICIPLE_LEAD or low.endswith("ing"):
        if low == "saying" or _PARTICIPLE_FOLLOWS.match(masked, m.end()) or (
                low in _PARTICIPLE_LEAD and _clause_soon(masked, m.end())):
            cue.position = "participle"
            return cue
        return None
    if boundary in ("and", "but"):
        # "Nicola Sturgeon, welcomed the move but added that …": the sentence's subject speaks again
        cue.position = "participle"
        return cue
    if boundary == "," and _aside_after_subject(masked, s):
        return _appositive_head(cue, masked, s, offset)  # "Ted Cruz, by contrast, wrote an op-ed …"
    if low in _POST_CUES and (boundary in (",", "”", "\"", "") or not set(boundary) - _QUOTE_MARKS):
        a, b = _phrase_after(masked, m.end())
        if _name_phrase(masked[a:b]):
            return _with_phrase(cue, masked, a, b, offset, "after")
    if boundary == ",":
        return _appositive_head(cue, masked, s, offset)
    return None


def _aside_after_subject(masked: str, s: int) -> bool:
    """Whether a short lower-case aside sits between a sentence-opening name and its verb: "Ted Cruz, by contrast,
    wrote …", "The union, for its part, said …" (not "The toll rose to 11, said Ana Ruiz")."""
    comma = masked.rfind(",", 0, max(0, s - 1))
    if comma <= 0:
        return False
    aside = masked[comma + 1:s].strip(" ,").split()
    subject = masked[:comma].split()
    return 0 < len(aside) <= 4 and all(w.islower() and not _verb_like(w) for w in aside) \
        and 0 < len(subject) <= 5 and "," not in masked[:comma] and subject[0][:1].isupper() \
        and not any(_verb_like(w) for w in subject[1:])


def _verb_like(word: str) -> bool:
    return word in _CUE_FORMS or word in en.FINITE or word in en.IRREGULAR_PAST \
        or _PAST_VERB.fullmatch(word) is not None


def _relative(cue: Cue, masked: str, low: str, s: int, offset: int) -> Cue | None:
    """"…, which has warned", "experts who say": the speaker is what "which" or "who" refers to."""
    k = masked.rfind(",", 0, s)
    if k <= 0 or masked[k + 1:s].replace("which", "").replace("who", "").strip(" _"):
        a, b = _restrictive_antecedent(masked, s)
    else:
        a, b = _antecedent(masked, k)
    if b <= a or (low in _THINK_SET and not _animate(masked[a:b])):
        return None
    return _with_phrase(cue, masked, a, b, offset, "relative")


# a share of people as a subject: "41%", "one in five", "three-fourths", "a majority", "most"
_SHARE = re.compile(rf"\s*(?:(?:about|nearly|almost|some|roughly|only|just)\s+)?"
                    rf"(?:(?:[\d.,]+|(?:{alternation(en.NUMBER_WORDS)})(?:-(?:{alternation(en.NUMBER_WORDS)}))?)\s*"
                    rf"(?:%|percent\b|per\s+cent\b)"
                    rf"|(?:{alternation(en.NUMBER_WORDS)})\s+(?:in|out\s+of)\s+\w+"
                    rf"|(?:{alternation(en.NUMBER_WORDS)})-(?:{alternation(en.SHARE_WORDS)})"
                    rf"|(?:a|the)?\s*(?:{alternation(en.SHARE_WORDS)})\s*$)", re.I)
_WHO_BEFORE = re.compile(r"\s(?:who|that)\s*$")


def _restrictive_antecedent(masked: str, s: int) -> tuple[int, int]:
    """"security experts who say …", "people who have battled fraud say …": the noun phrase before a "who" that
    has no comma before it (the relative clause ends at ``s``)."""
    m = _WHO_BEFORE.search(masked, max(0, s - 8), s)
    if m is None:
        return s, s
    a, b = _antecedent(masked, m.start())  # "angered business leaders who say …": the leaders, not the verb before
    return (a, b) if b > a and _animate(masked[a:b]) else (s, s)


def _appositive_head(cue: Cue, masked: str, s: int, offset: int) -> Cue | None:
    """"Kirill Stremousov, a top occupation official in Kherson, said": an appositive, then its head."""
    k = masked.rfind(",", 0, s - 1)
    while k > 0 and masked[k + 1:k + 2].isdigit() and masked[k - 1:k].isdigit():
        k = masked.rfind(",", 0, k)  # "which represents 40,000 workers,": a number's comma
    if k <= 0:
        return None
    hs, he, hb = _phrase_before(masked, k)
    for _ in range(3):
        # "Ruiz, speaking at a rally in Oslo, Norway, warned", "Ruiz, now 81 and retired in Oslo, Norway, said": a
        # participle's phrase or the end of a coordinated one is no head; the one before is
        words = masked[hs:he].split(None, 2) if he > hs else [""]
        first = words[0].lower()
        no_head = first in PREPOSITIONS or _participle_opens(words) or hb == "and" \
            or (first.endswith("ed") and words[0].islower()) or (first.isdigit() and len(words) == 1)
        k = masked.rfind(",", 0, hs - 1) if no_head else -1
        if k <= 0:
            break
        hs, he, hb = _phrase_before(masked, k)
    if he <= hs or hb == "too long":
        return None
    cue.phrase, cue.phrase_start = masked[hs:s].rstrip(" ,"), hs + offset
    return cue


def _participle_opens(words: list[str]) -> bool:
    """Whether a phrase opens with a participle ("speaking at a rally", "Citing Reuters") rather than a name that
    ends in -ing ("Playing Field Promotions", "Sterling Brown")."""
    first = words[0]
    if not (first.endswith("ing") and first.isalpha()):
        return False
    return first.islower() or first.lower() in _CUE_FORMS or len(words) < 2 or not words[1][:1].isupper()


def _clause_soon(masked: str, at: int) -> bool:
    """Whether a reported clause follows within a few words, with no "that": "arguing she had no choice"."""
    words = masked[at:at + 80].split(",", 1)[0].split()[:6]
    if not words or words[0].lower() in PREPOSITIONS:
        return False  # "adding to honours it has won": a phrase, not a clause
    head = " ".join(words)
    return _CLAUSE_VERB.search(head) is not None and _CLAUSE_VERB.match(head) is None


def _claim_clause(masked: str, at: int) -> bool:
    """Whether a reported clause follows a claim verb's noun ("claimed the vote was rigged"): a finite verb
    within a few words, before any punctuation; "responsibility for" is an act whatever follows."""
    rest = masked[at:at + 140]
    stop = next((i for i, ch in enumerate(rest) if ch in ",;:“”\"()" or (ch == "." and rest[i + 1:i + 2] in ("", " "))),
                len(rest))
    head = rest[:stop]
    if _CLAUSE_VERB.search(head) is not None:
        return not re.match(r"\s+(?:responsibility|credit)\b", head)
    # "CCTV claims an audience of more than a billion": a figure asserted, unless it is one won
    return _NUMBER_IN.search(head) is not None and _WON.search(head) is None


# "a plan which her administration says would …": the relative clause is its subject's statement
_POSSESSIVE_DETERMINERS = en.POSSESSIVE_DETERMINERS
_RELATIVE_SAY = forms_with("relative")


_PAST_VERB = re.compile(r"[a-z]{3,}ed")
_FINITE_AFTER = re.compile(
    r"\b(?:that|is|are|was|were|has|have|had|will|would|could|can|may|might|should|must|did|does|do|it|they|"
    r"he|she|we|there)\b|\b(?:it|that|there|he|she|what|who|here)[’']s\b|_")


def _name_phrase(after: str) -> bool:
    """Whether the words after a cue name its speaker ("said Alexander Baunov, a senior fellow at …", "said
    former governor Ana Ruiz (D)", "said one party activist") rather than go on with what was said ("said the
    referendums are …", "said Monday that …")."""
    head = after.split(",", 1)[0]
    words = head.split()
    if not words or len(words) > 12 or _FINITE_AFTER.search(head):
        return False
    first = words[0]
    if first.lower() in PREPOSITIONS or first.lower() in _FILLER:
        return False  # "…, said on Monday.": when, not who
    if any(_PAST_VERB.fullmatch(w) and words[k - 1].lower() not in _DETERMINER for k, w in enumerate(words) if k):
        return False  # "said the family deserved better": a clause, not a speaker ("said the embattled mayor" is)
    return first[0].isupper() or first.lower() in en.SPEAKER_DETERMINERS or any(w[:1].isupper() for w in words[1:])


def _animate(phrase: str) -> bool:
    words = phrase.split()
    if not words:
        return False
    if words[-1].lower() in PRONOUNS:
        return True
    if any(w[:1].isupper() for w in words[1:]) or (len(words) == 1 and words[0][:1].isupper()
                                                    and words[0].lower() not in {"this", "that", "it"}):
        return True
    last = words[-1].lower().strip(".,;:’'\"")
    return last in _ANIMATE_NOUNS or (last.endswith(en.ANIMATE_SUFFIXES) and last.isalpha())


def _source_head(phrase: str) -> bool:
    """Whether a phrase is headed by a poll, a study, data or records: "a new national poll", "early ratings data"."""
    words = phrase.split()
    return bool(words) and words[-1].lower().strip(".,;:’'\"") in en.SOURCE_NOUNS


def _plural_noun(masked: str, start: int, end: int) -> bool:
    """Whether a third-person form ("states", "points", "remarks") is a plural noun here: the word before it is
    a determiner, a possessive, an adjective-like compound or a plural, not a subject ("the senator states")."""
    m = _PLURAL_BEFORE.search(masked, max(0, start - 30), start)
    if m is None:
        return False
    w = m["w"]
    low = w.lower()
    if low.endswith(("’s", "'s", "s’", "s'")) or low in PREPOSITIONS:
        return True  # "the senator's remarks", "Valls’ comments", "in states"
    if low in PRONOUNS or low in ("who", "which", "that") or w[:1].isupper() and not w.isupper():
        return low in en.DETERMINERS_BEFORE_NOUN
    if low in en.DETERMINERS_BEFORE_NOUN or "-" in low:
        return True
    return low.endswith("s") and not low.endswith(("ss", "us", "is")) and low not in _ANIMATE_NOUNS \
        or masked.startswith((" of ", " from ", " with ", " for ", " in "), end)
