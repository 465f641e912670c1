"""Clause splitting: one checkable fact a claim.

A sentence is cut where a clause carries a fact of its own, and only there: a new subject after and/but/while
("…, but after reviewing bookings it restored the late sailing"), a second predicate of the same subject
("suspended its night crossings and reopened the northern terminal"), a subordinate clause with a subject and
verb of its own (", when a rockslide blocked the trail"), ", with X doing …", a trailing participle that carries
a figure, a relative clause with its own fact (also mid-sentence: "Mira Tallis, who founded the club in 1998,
opened …"), a gapped clause ("…, the southern mill by 3%"), a quotation after the speaker's own words, and
clauses from a different source ("Officials … said …, while President Vladimir Putin urged …").

Never inside coordinated names, at an age or a number, at a cue verb with a plain object, at a clause that only
describes a speaker, or inside the content a cue introduces when the cut would only halve it: reported speech
is one attributed claim (its second subject gets its own claim; a second predicate does not).

``split`` returns ``(start, end, connector)``; the connector tells the caller how the clause relates to the one
before it (see ``split``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .attribution import VERB_FORMS, Cue
from .caveats import VERIFY_WORD, verification_caveat
from .lexicon import en
from .lexicon.en import (
    ADVERBS,
    APPROX,
    AUX_AFTER_COMMA,
    CLAUSE_OPENERS,
    CONTRASTING,
    COPULAS,
    FINITE,
    NAME_LIST_START,
    NEW_FACT_MODALS,
    NOT_PARTICIPLES,
    OBJECT_PRONOUNS,
    PASSIVE_PREPOSITIONS,
    PLAIN_PRONOUNS,
    PREDICATE_ADVERBS,
    PRESENT_OBJECT,
    REPORTING_PARTICIPLES,
    STOPS,
    SUBJECT_START,
    SUBORDINATING,
    THERE_VERBS,
)
from .wordre import alternation

IRREGULAR_PAST = en.IRREGULAR_PAST
NUMBER_WORD_PATTERN = alternation(en.FIGURE_WORDS)
FRACTION_WORD_PATTERN = alternation(en.FRACTION_WORDS)
# "…, who declined to be named.": why a source is anonymous, nothing to check
ANONYMITY = re.compile(r"(?:declined|asked|refused|did not want|spoke on condition|was not authori[sz]ed)\b")

# ---- patterns ---------------------------------------------------------------------------------------------

_CONTRAST = "|".join(w.replace(" ", r"\s+") for w in CONTRASTING)
_SUBORD = "|".join(SUBORDINATING)
# connectors that may start a new clause; which ones really do is decided by what follows them
_SPLIT = re.compile(
    rf"(?P<c>,\s+(?:(?:{_CONTRAST}|with|in\s+what|and|but|{_SUBORD})\s+"
    r"|(?=which\s|who\s|where\s|[a-z]+ing\s|[“\"]|(?:the|a|an|its|their|his|her)\s[^,;\d]*\d[^,;]*$))"
    rf"|\s+(?:(?:and|but)\s+|(?:{_SUBORD})\s+(?=(?:it|he|she|they|the|its|their)\s)|[—–](?=\s)|-(?=\s)"
    rf"|(?=(?:{'|'.join(REPORTING_PARTICIPLES)})\s+that\s))"
    r"|;(?![^()]*\))\s+|:\s+(?=[“\"]))")
# "a report concluding that": a noun before the participle, not an adverb or a conjunction ("and boldly claiming")
_NOUN_BEFORE = re.compile(r"(?<=[a-z])(?<!ly)(?<!\band)(?<!\bor)(?<!\bbut)\s")
# "a plan which her administration says would …": no comma, a cue right after the subject of "which"
_REL_SAY = re.compile(r"(?P<rel>\s)which\s+(?:[\w’'-]+\s+){1,3}?(?:says|say|said|claims|claim|claimed|believes|"
                      r"believe|estimates|estimate|estimated)\s+(?:would|will|could|can|is|are|was|were|has|have|had)\s")
_RANGE_OPEN = re.compile(r"\bbetween\s+(?:\w+\s+){0,2}?[\w$£€%.,]+$", re.I)
#: how far back from an "and" its "between" is looked for, in characters (not the whole sentence: linear time)
_RANGE_REACH = 200
_COMMA = re.compile(r",\s+")
_WORD = re.compile(r"[\w’'-]+|[^\w\s]")
_NUMBERISH = re.compile(rf"\d|{NUMBER_WORD_PATTERN}|a$|an$|[$£€]", re.I)
_FIGURE = re.compile(rf"\d|\b(?:{NUMBER_WORD_PATTERN})\b", re.I)
# "The goalkeeper, 19, …", "the number 23 shirt": an age or a label is no figure of a fact
_NOT_A_FIGURE = re.compile(r",\s+\d{1,2},|\b(?:number|No\.|no\.)\s+\d+")
_CLAUSE_END = re.compile(r",(?!\d)|;|\s(?:and|but|while)\s")
_LAST_COMMA = re.compile(r",(?!\d)")
_NAMED_BY_COPULA = re.compile(r"\b(?:is|was|are|were|remains|remained|became|becomes)\s+"
                              r"(?:(?!(?:by|of|with|to|from|for|at|in|on|ahead|behind)\b)[a-z]+(?<!ed)\s+){0,2}?"
                              r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*\s*$")
# a relative pronoun after a noun: what follows it sits inside the noun phrase ("a move that could …")
_RELATIVE_BEFORE = re.compile(r"[\w,]\s+(?:that|which|who)\s")
_PARTICIPLE_THAT = re.compile(r"[a-z]+ing\s+that\s")
# "Mira Tallis, who founded the rowing club in 1998, opened …": a relative pronoun with its own finite verb
_RELATIVE = re.compile(r"(?:^|[\s,])(?:who|which|whose|where)\s")
# the main predicate after a mid-sentence relative clause: ", opened …", ", also raised …"
_PREDICATE_COMMA = re.compile(r",\s+(?:(?:also|later|then|now|still|have|has|had|will|would)\s+)?([a-z][\w’'-]*)")
# "… to annex the roughly one-fifth of neighboring Ukraine it occupies": a figure with its own subject and verb
_CONTACT_FIGURE = re.compile(
    rf"\s(?P<np>(?:the\s+)?(?:(?:{'|'.join(sorted(APPROX))})\s+)?(?:[\d$£€¥][\d,.]*%?|(?:{NUMBER_WORD_PATTERN})"
    rf"(?:-(?:{FRACTION_WORD_PATTERN}))?)\s+(?:[\w’'-]+\s+){{0,5}}?(?:{'|'.join(PLAIN_PRONOUNS)})\s+"
    rf"(?:(?:{'|'.join(sorted(ADVERBS))})\s+)?"
    r"(?:[a-z]+(?:s|ed)|" + "|".join(sorted(IRREGULAR_PAST)) + r"))\s*(?=[,.;]|$)", re.I)
# its end, searched first: a pronoun and its verb before a comma or the sentence's end
_CONTACT_TAIL = re.compile(
    rf" (?:{'|'.join(PLAIN_PRONOUNS)}) (?:(?:{'|'.join(sorted(ADVERBS))})\s+)?"
    r"(?:[a-z]+(?:s|ed)|" + "|".join(sorted(IRREGULAR_PAST)) + r")\s*(?:[,.;]|$)")
# the gapped clause: a noun phrase, perhaps a preposition, a figure, and the sentence ends
_GAPPED = re.compile(r"(?P<np>(?:[\w’'-]+\s+){1,5}?)(?P<prep>by|to|at|from|with|of|in)\s+"
                     r"(?:about\s+|nearly\s+|almost\s+)?"
                     r"[$£€¥]?\d[\d,.]*\s*(?:%|per\s*cent|percent|[a-z]+)?\s*[.;]?$")
# ", as the agency reported on Monday.", ", as she said at the outset -": a source named in passing
_AS_REPORTED = re.compile(r"(?:[\w’'.-]+\s+){1,6}?(?:said|says|reported|reports|noted|notes|wrote|writes|"
                          r"put\s+it|told|tells|suggested|has\s+said|have\s+said)"
                          r"(?:\s+(?:[\w’'.-]+\s+){0,5}?[\w’'.-]+)?\s*(?:[.,;:!?—–-]|$)")
_RELATIVE_WORD = re.compile(r" (?:who|which|whose|where) ")
# a finite verb by its form anywhere in a stretch (``has_verb`` of its words, in one search)
_VERB_FORM = re.compile(rf"(?<![\w’'-])(?:{alternation(FINITE | IRREGULAR_PAST)}|[^\W\d_]{{3,}}ed)(?![\w’'-])")
_TOKEN = re.compile(r"[\w’'-]+")  # a word with its apostrophes and hyphens
_BLANKED = re.compile(r"_+")  # a quoted word, masked
_DASHES = re.compile(r"\s[—–-]\s")
_DATE_WORD = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
                        r"April|May|June|July|August|September|October|November|December|\d{4})\b")


def _is_past(lw: str) -> bool:
    """A past form by its shape: "closed", "took"; not "Oslo-based" or "UN-condemned" (adjectives)."""
    return lw in IRREGULAR_PAST or (lw.endswith("ed") and len(lw) > 4 and "-" not in lw)


def has_verb(words: list[str]) -> bool:
    """Whether a stretch of words has a finite verb, by its form: an auxiliary, "-ed", a common past form."""
    for w in words:
        lw = w.lower()
        if lw in FINITE or _is_past(lw) or (lw in VERB_FORMS):
            return True
    return False


def _verb_in(text: str, start: int, end: int) -> bool:
    """``has_verb`` of the words of ``text[start:end]``, without splitting it into words (on the lower-cased
    stretch: a case-insensitive alternation is several times slower)."""
    low = text[start:end].lower()
    if _VERB_FORM.search(low):
        return True
    return any(token in VERB_FORMS for token in _TOKEN.findall(low))


def w_is_verb(word: str) -> bool:
    """A past or present-tense verb by its form, for a verb phrase after "and" ("closed", "cut", "operates")."""
    w = word.lower()
    if not word.islower() or w in STOPS or w in FINITE:
        return False
    return _is_past(w) or (w.endswith(("es", "ts", "ps", "ks", "ys", "ns", "ls", "rs", "ds"))
                           and not w.endswith(("ss", "ness", "ies")) and len(w) > 4 and "-" not in w)


def _is_finite(lw: str) -> bool:
    return lw in FINITE or _is_past(lw) or ((lw in VERB_FORMS) and not lw.endswith("ing"))


def _bare_noun_subject(words: list[str]) -> bool:
    """"… and demand fell", "… while others have left": a noun with no determiner, then its finite verb (in
    agreement: "the country's stability and prosperity are …" is one subject of two nouns)."""
    k = 1  # "… and mortgage costs climbed": up to three nouns, then the verb
    while k < min(3, len(words) - 1) and words[k].isalpha() and words[k].islower() \
            and not _is_finite(words[k]) and words[k] not in STOPS:
        k += 1
    if len(words) < 2 or not all(w.isalpha() and w.islower() for w in words[:k]):
        return False
    noun, verb = words[k - 1].lower(), words[k].lower()
    if words[0].lower().endswith("ly") or words[0].lower() in ADVERBS or not words[k].islower():
        return False
    if verb in ("is", "was", "has"):
        return not noun.endswith("s")
    if verb in ("are", "were", "have"):
        return noun.endswith("s")
    return _is_past(verb) or verb in NEW_FACT_MODALS or verb in ("would", "could", "might")


def _subject_opens(words: list[str], bare: bool = True) -> bool | None:
    """What the first word says about a new subject: True (it is one), False (it is not), None (look on)."""
    first = words[0]
    low = first.lower()
    if low in FINITE or low in STOPS or low.endswith("ing") or (low.endswith("ed") and not first[0].isupper()):
        return False
    for w in words[1:4]:
        if not w[0].isalnum():
            break
        if (w.lower() in VERB_FORMS) and not w.endswith("ing"):
            return True  # "…, but advocates say …": a new source
    if low in APPROX and len(words) > 1 and _NUMBERISH.match(words[1]):
        return None
    if low == "there" and len(words) > 1 and words[1].lower() in THERE_VERBS:
        return True
    if low in SUBJECT_START or first[0].isupper() or first[0].isdigit() or low.endswith(("’s", "'s")):
        return None
    return bare and _bare_noun_subject(words)


def _present_verb_at(words: list[str], i: int, low: str) -> bool:
    """"the drug costs about €4,500": a present-tense verb after a determiner subject, by what follows it."""
    lw = words[i].lower()
    return i >= 2 and lw.endswith("s") and not lw.endswith(("ss", "us", "is", "'s", "’s")) and words[i].islower() \
        and low in SUBJECT_START and i + 1 < len(words) \
        and (words[i + 1].lower() in PRESENT_OBJECT or words[i + 1][0].isdigit() or words[i + 1] in "$£€")


def _new_subject_clause(rest: str, bare: bool = True, words: list[str] | None = None) -> bool:
    """Whether ``rest`` begins with a subject and its finite verb ("the country’s parliament approved …"),
    not a second verb of the same subject ("… and has been battling …") or a list item; with ``bare``, the
    subject may be a noun with no determiner ("… and demand fell"). ``words``: those of ``rest``, if known."""
    if words is None:
        words = _WORD.findall(rest[:120])
    if not words:
        return False
    opens = _subject_opens(words, bare)
    if opens is not None:
        return opens
    low = words[0].lower()
    for i, w in enumerate(words[1:12], 1):
        lw = w.lower()
        if _present_verb_at(words, i, low):
            return True
        if w == ",":
            if low in SUBJECT_START:
                continue  # "… and the civil protection minister, Yannis Kostakis, said …": an appositive
            return False  # "… Kato Lefka and Platanos, agency spokesman … told": a list, then a new clause
        if lw == "that" and words[i - 1].lower() == "of":
            continue  # "nearly half of that came …": a pronoun, not a relative
        if lw in STOPS or w in ";:" or set(w) == {"_"}:
            return False
        if lw.endswith("ed") and i + 1 < len(words) and words[i + 1] == "by":
            continue  # "a house in Houston owned by its finance chief": a participle, not the verb
        if _is_finite(lw):
            return True
    return False


def _after_interposed(rest: str) -> str:
    """``rest`` after a phrase put before its subject: "after reviewing bookings it restored …" → "it restored …";
    "in March, prices rose" → "prices rose"."""
    words = rest.split(None, 6)
    if len(words) < 3 or words[0].lower() not in CLAUSE_OPENERS | {"in", "on", "at", "by", "for", "despite",
                                                                    "amid", "during", "within"}:
        return rest
    comma = rest.find(",", 0, 60)
    if comma > 0:
        return rest[comma + 1:].lstrip()
    # no comma: the subject is the first pronoun after the phrase ("after reviewing bookings it restored")
    for k, w in enumerate(words[1:6], 1):
        if w.lower() in PLAIN_PRONOUNS and k >= 2:
            return " ".join(words[k:])
    return rest


def _clause_end(rest: str) -> int:
    m = _CLAUSE_END.search(rest)
    return m.start() if m else len(rest)


def _has_figure(s: str, start: int = 0, end: int | None = None) -> bool:
    stretch = s[start:end]
    return _FIGURE.search(_NOT_A_FIGURE.sub(" ", stretch)) is not None


def _coordinated_names(left: str) -> bool:
    """Whether "and" joins two names of one subject or object ("… while Clive Owen and Sophie Okonedo failed",
    "… that Grokster and Morpheus are …", "X-Men, The Hulk and Daredevil have …", "after the organisers and
    Harbour Trust failed"): the words before it follow a clause boundary, with no verb of their own."""
    words = _WORD.findall(left[-80:])
    k = len(words) - 1
    if k < 0:
        return False
    if not (words[k][0].isupper() or words[k].lower() in ("he", "she", "i", "we", "they", "you")):
        # "after the organisers and …": a noun phrase right after a subordinator
        j = k
        while j >= 0 and words[j][0].isalpha() and not _is_finite(words[j].lower()) \
                and words[j].lower() not in CLAUSE_OPENERS:
            j -= 1
        return 0 <= j < k and words[j].lower() in CLAUSE_OPENERS and k - j <= 4
    while k >= 0 and (words[k][0].isupper() or words[k] in ("-", "of", "de", "The")):
        k -= 1
    if k < 0:
        return True
    if words[k].lower() in ("he", "she", "we", "they", "you"):
        k -= 1
    return k < 0 or words[k].lower() in NAME_LIST_START or (words[k].lower() in VERB_FORMS)


@dataclass
class _Sentence:
    """One masked sentence being cut: its text offset, cues, and the cuts made so far."""

    masked: str
    offset: int
    cues: list[Cue]
    cuts: list[tuple[int, int, str]]
    _closing: list[bool] | None = field(default=None, init=False, repr=False)

    @property
    def closing(self) -> list[bool]:
        """Whether each cue closes the sentence (worked out once, when first asked)."""
        if self._closing is None:
            self._closing = [closes_sentence(self.masked, c, self.offset) for c in self.cues]
        return self._closing

    @property
    def clause_start(self) -> int:
        """Where the current clause starts, in masked coordinates."""
        return self.cuts[-1][1] - self.offset if self.cuts else 0

    def reported(self, at: int) -> bool:
        """Whether masked position ``at`` lies in the content of a cue: after a cue of the current clause ("X
        said A and …") or before a cue that closes the sentence ("A and B, experts said"). A cut there would only
        halve what the speaker said."""
        if not self.cues:
            return False
        start, at = self.clause_start + self.offset, at + self.offset
        for c, closing in zip(self.cues, self.closing, strict=True):
            if closing and c.start > at:
                return True
            if not closing and start <= c.start < at and c.position in ("before", "participle", "relative"):
                return True
        return False

    def after_closing_cue(self, at: int) -> bool:
        """Whether a cue closing the sentence comes before masked position ``at`` (", X said, citing …")."""
        return bool(self.cues) and any(
            c.end <= at + self.offset and closing for c, closing in zip(self.cues, self.closing, strict=True))


def _two_figures(s: _Sentence, m: re.Match, rest: str) -> bool:
    """Whether "and" joins two verb phrases of one subject that each carry a figure."""
    words = rest.split(None, 2)
    if not words or not w_is_verb(words[0]) or (len(words) > 1 and words[1] in ("by", "with")):
        return False
    return _has_figure(rest, 0, _clause_end(rest)) and _has_figure(s.masked, s.clause_start, m.start())


def _cue_with_content(rest: str) -> bool:
    """Whether the cue verb that opens ``rest`` reports something ("said about 50 people were missing",
    "confirmed that …"), not a plain object ("confirmed the goal")."""
    words = _WORD.findall(rest[:100])
    after = words[1:]
    if after[:1] == [","]:
        after = after[1:]  # "said, “No comment”"
    if not after:
        return False
    if after[0].lower() in ("that", ":", "“", '"') or set(after[0]) == {"_"}:
        return True
    stop = next((i for i, w in enumerate(after) if w in (",", ";", ".")), len(after))
    return has_verb(after[1:stop])


def _same_subject_fact(s: _Sentence, m: re.Match, rest: str, words: list[str]) -> bool:
    """Whether ``and``/``but`` opens a second fact of the sentence's subject: another verb of saying ("… and
    said about 50 people were still missing"), a second complement of the cue before it ("said the guidance
    was … but that the price cuts could pay off"), or, after a comma, a verb phrase of its own ("…, and had
    asked the court to …", "…, and has been battling …")."""
    if not words:
        return False
    low = words[0].lower()
    if (low in VERB_FORMS) and not low.endswith("ing") and any(c.start == m.end() + s.offset for c in s.cues):
        return _cue_with_content(rest)
    if low == "that":
        if len(words) < 2 or words[1].lower() in FINITE or has_verb(words[1:2]):
            return False  # "… a problem and that will worsen": "that" is the subject, not a new complement
        return any(c.start < m.start() + s.offset and c.position not in ("after", "according")
                   and c.start >= s.clause_start + s.offset for c in s.cues)
    if _two_figures(s, m, rest):
        return True  # "The company cut 300 jobs and closed two plants": two figures, two checkable facts
    if low in AUX_AFTER_COMMA and s.masked[m.start()] == "," and len(words) > 3:
        nxt = words[1].lower()
        if nxt == "been":
            return words[2].lower().endswith("ing") or _is_past(words[2].lower())
        return nxt not in ("to", "a", "an", "the", "not") and (has_verb(words[1:3]) or nxt.endswith("ing"))
    return False


def _coordinated_predicate(s: _Sentence, m: re.Match, rest: str, words: list[str] | None = None) -> bool:
    """Whether "and"/"but" opens a second predicate of the same subject with its own fact ("suspended its night
    crossings and reopened the northern terminal", "has every right … and will keep …"); not an adverb ("and
    nearly scored"), a passive gap ("and charged with fraud"), a verb of the same object ("and charged them"),
    a cue with a plain object ("and confirmed the goal"), or inside what a cue reports."""
    if words is None:
        words = _WORD.findall(rest[:120])
    if words and words[0].lower() in PREDICATE_ADVERBS:
        words = words[1:]
    if len(words) < 3 or s.reported(m.start()):
        return False
    if _RELATIVE_BEFORE.search(s.masked, s.clause_start, m.start()):
        return False  # "a move that could boost his forces but may prove unpopular": inside a noun phrase
    verb, nxt = words[0], words[1].lower()
    lv = verb.lower()
    if lv in NEW_FACT_MODALS:
        return words[1].islower() and nxt not in ("not", "be") and words[1].isalpha()
    if not verb.islower() or not _is_past(lv) or lv in FINITE:
        return False
    if nxt in OBJECT_PRONOUNS or nxt in PASSIVE_PREPOSITIONS:
        return False
    if (lv in VERB_FORMS):
        return _cue_with_content(rest)
    return True


def _and_but(s: _Sentence, m: re.Match, conn: str, rest: str, left: str, words: list[str]) -> str | None:
    if not _verb_in(left, s.clause_start, m.start()) and not _two_figures(s, m, rest):
        return None  # "record holder and BBC pundit Jonathan Edwards believes": one subject, not two clauses
    if conn == "and" and _RANGE_OPEN.search(left, max(0, len(left) - _RANGE_REACH)):
        return None  # "between 40 and 60 people", "between 2019 and 2024": a range, not two clauses
    if _same_subject_fact(s, m, rest, words):
        return "that" if rest.startswith("that ") else conn
    if conn == "and" and _coordinated_names(left):
        return None
    inside = s.reported(m.start())
    if _new_subject_clause(rest, not inside, words):
        return conn
    alt = rest if inside else _after_interposed(rest)
    if alt is not rest and _new_subject_clause(alt):
        return conn
    return conn if _coordinated_predicate(s, m, rest, words) else None


def _subordinate(s: _Sentence, m: re.Match, conn: str, rest: str) -> str | None:
    """", when a rockslide blocked the trail": a subordinate clause with its own subject and verb; without a
    comma only where a new source speaks ("… fell 8% after it warned that …")."""
    if _new_source_clause(rest):
        # not ", as Breitbart reported a few days later.": a source named in passing, with nothing said
        return conn if _WORD.findall(rest[:80])[4:5] and not _AS_REPORTED.match(rest) else None
    if s.masked[m.start()] != "," or s.reported(m.start()) or s.after_closing_cue(m.start()):
        return None
    return conn if _new_subject_clause(rest) else None


def _with_clause(s: _Sentence, m: re.Match, rest: str) -> str | None:
    """", with analysts suggesting …" (a new source) or ", with children's titles making up half of the loans"
    (a noun phrase and its participle: a fact of its own)."""
    at = m.end() + s.offset
    if any(c.position in ("before", "participle") and at <= c.start < at + 80
           and not closes_sentence(s.masked, c, s.offset) for c in s.cues):
        return "with"
    if s.reported(m.start()) or s.after_closing_cue(m.start()):
        return None
    words = _WORD.findall(rest[:100])
    for i, w in enumerate(words[:9]):
        lw = w.lower()
        if not w.isalnum() and not w.replace("’", "").replace("'", "").replace("-", "").isalnum():
            return None
        if i == 0 or lw in FINITE or lw in STOPS:
            continue
        if (lw.endswith("ing") and lw not in NOT_PARTICIPLES) or lw in ("set", "expected", "due", "likely"):
            return "with"
    return None


def _relative(s: _Sentence, m: re.Match, rest: str, left: str) -> str | None:
    """", which has warned …", a closing ", who lost the race by 212 votes": a relative clause with its own fact;
    not one that only describes the speaker ("…,” said Elena Papadaki, who runs a bakery")."""
    if rest.startswith("who ") and _NAMED_BY_COPULA.search(left):
        # "The club's record signing was Tomás Ribeiro, who cost £28m": the main clause only names who;
        # the fact is in the relative clause, and a "who cost £28m" cut off from it would say nothing
        return None
    at = m.end() + s.offset
    if not _relative_fact(rest, s.cues, at) or any(
            c.position == "after" and c.end <= m.start() + s.offset < c.end + 60 for c in s.cues):
        return None
    return rest.split(None, 1)[0]


def _participle(s: _Sentence, m: re.Match, rest: str) -> str | None:
    """", adding that …", "a report concluding that …": a statement of the subject; ", arriving 40 minutes
    ahead of schedule": a trailing participle that carries a figure or a date of its own."""
    if _PARTICIPLE_THAT.match(rest):
        if s.masked[m.start()] == ",":
            return "participle"
        return None if s.reported(m.start()) or not _NOUN_BEFORE.match(s.masked, m.start()) else "participle"
    first = rest.split(None, 1)[0].lower()
    if first in NOT_PARTICIPLES or s.reported(m.start()) or s.after_closing_cue(m.start()) \
            or _LAST_COMMA.search(rest):
        return None
    if (first in VERB_FORMS):
        return None  # ", saying …" without "that": the caller reads it as the subject's cue
    if _has_figure(rest) or _DATE_WORD.search(rest):
        return "participle_fact"
    return None


def _dash(s: _Sentence, m: re.Match, rest: str) -> str | None:
    """"Turnout fell — officials blamed the rain": a dash before a clause with its own subject and verb; not the
    dash that closes an interruption ("As talks went on — especially after the vote — the mayor …")."""
    if s.reported(m.start()) or _DASHES.search(s.masked, s.clause_start, m.start()):
        return None
    return "dash" if _new_subject_clause(rest) else None


def _colon_quote(s: _Sentence, m: re.Match) -> str | None:
    """"Reyes told reporters the count was flawed: “We found …”": the quotation after the speaker's own
    reported words is a second statement of the same speaker."""
    for c in s.cues:
        if c.position == "before" and c.end <= m.start() + s.offset and c.start >= s.clause_start + s.offset:
            said = _WORD.findall(s.masked, c.end - s.offset, m.start())
            if len(said) >= 4 and has_verb(said):
                return "that"
    return None


def _quote_goes_on(s: _Sentence, m: re.Match) -> str | None:
    """"“We will rebuild,” the mayor said, “and the bridge will reopen by June.”": a second quoted complement of
    the cue between them is a claim of its own, the same speaker's."""
    start = s.clause_start
    for c, closing in zip(s.cues, s.closing, strict=True):
        if closing and start + s.offset <= c.start and c.end <= m.start() + s.offset \
                and len(_BLANKED.findall(s.masked, start, c.start - s.offset)) >= 4 \
                and len(_BLANKED.findall(s.masked, m.end(), m.end() + 200)) >= 4:
            return "quote"  # not "“I think,” he said, “that …”": each part says something whole
    return None


def _judge(s: _Sentence, m: re.Match) -> str | None:
    """The connector of the clause ``m`` opens, or None where it opens none."""
    conn = " ".join(m.group("c").strip(" ,;:").split())
    left, rest = s.masked[: m.start()], s.masked[m.end():]
    words = _WORD.findall(rest, 0, 120)
    if len(words) < 4 or len(_WORD.findall(left, max(s.clause_start, m.start() - 60))) < 4:
        return None
    if conn in ("and", "but"):
        return _and_but(s, m, conn, rest, left, words)
    if conn in SUBORDINATING:
        return _subordinate(s, m, conn, rest)
    if conn in CONTRASTING:
        inside = s.reported(m.start())
        if conn == "even though" and inside:
            return None
        return conn if _new_subject_clause(rest, not inside) else None
    if conn == "with":
        return _with_clause(s, m, rest)
    if conn in ("—", "–", "-"):
        return _dash(s, m, rest)
    sep = s.masked[m.start()]
    if sep == ":":
        return _colon_quote(s, m)
    if sep == ";":
        return rest.split(None, 1)[0]
    if conn:  # ", in what observers said …": only where a new source speaks
        return conn if any(c.position in ("before", "participle") and m.end() + s.offset <= c.start
                           < m.end() + s.offset + 80 and not closes_sentence(s.masked, c, s.offset)
                           for c in s.cues) else None
    if rest[:1] in "“\"":
        return _quote_goes_on(s, m)
    if rest.startswith(("which ", "who ", "where ")):
        return _relative(s, m, rest, left)
    if rest[:1].isalpha() and rest.split(None, 1)[0].lower() in SUBJECT_START:
        return _gapped(s, m, rest, left)
    return _participle(s, m, rest)


def _gapped(s: _Sentence, m: re.Match, rest: str, left: str) -> str | None:
    """"The northern mill raised wages by 5%, the southern mill by 3%.": a second subject with its own figure
    and the verb left out is a fact of its own."""
    g = _GAPPED.match(rest)
    if g is None or s.reported(m.start()):
        return None
    clause = _WORD.findall(left, s.clause_start)
    if not has_verb(clause) or has_verb(_WORD.findall(g.group("np"))):
        return None
    # the same preposition and a figure in the full clause: "raised wages by 5%, the southern mill by 3%"
    if not re.search(rf"\b{g.group('prep')}\s+(?:about\s+|nearly\s+|almost\s+)?[$£€¥]?\d", left[s.clause_start:]):
        return None
    return "gap"


# ---- cuts found by a scan of their own ----------------------------------------------------------------------

def _mid_relative(s: _Sentence) -> list[tuple[int, int, str]]:
    """"Mira Tallis, who founded the rowing club in 1998, opened the new boathouse": a relative clause with its
    own verb between the subject and its predicate. The cut is before the predicate, so the first claim holds
    the subject and the relative clause, the second the main fact. Not where the predicate is a cue (the relative
    clause then only describes the speaker) and not after an age or a plain appositive."""
    masked = s.masked
    if _RELATIVE_WORD.search(masked) is None:
        return []
    first = masked.find(", ")
    if first < 0 or first > 100 or has_verb(_WORD.findall(masked, 0, first)):
        return []
    rel = _RELATIVE.search(masked, first)
    if rel is None or rel.start() > first + 120:
        return []
    m = _PREDICATE_COMMA.search(masked, rel.end())
    if m is None or m.start() - rel.end() > 160:
        return []
    inside = _WORD.findall(masked, rel.end(), m.start())
    if not (has_verb(inside) or any(w_is_verb(w) for w in inside)):
        return []  # "who, like many, …": no verb of its own
    verb_at = 2 if inside[0].lower() in ("has", "have", "had") and inside[1:2] == ["been"] else 1
    if (verb_at == 2 or inside[0].lower() in COPULAS) and not _is_past(inside[verb_at:verb_at + 1][0].lower()
                                                                       if inside[verb_at:] else ""):
        return []  # ", who has been one of the most vocal critics,": a description ("was founded in 1990" is a fact)
    verb = m.group(1)
    if s.reported(m.start()) or any(c.start >= m.start() + s.offset for c in s.cues):
        return []  # the subject speaks: the relative clause describes a speaker
    if (_is_finite(verb) or w_is_verb(verb)) and verb not in VERB_FORMS \
            and len(_WORD.findall(masked, m.end())) >= 2:
        return [(m.start() + s.offset, m.start() + 1 + s.offset, "predicate")]
    return []


def _contact_figure(s: _Sentence) -> list[tuple[int, int, str]]:
    """"… to annex the roughly one-fifth of neighboring Ukraine it occupies": a figure with a clause of its own
    ("it occupies") is a checkable fact apart from the act around it."""
    tail = _CONTACT_TAIL.search(s.masked)
    if tail is None:
        return []
    m = _CONTACT_FIGURE.search(s.masked, max(0, tail.start() - 100), tail.end() + 3)
    if m is None or s.reported(m.start()):
        return []
    before = _WORD.findall(s.masked, 0, m.start())
    if len(before) < 4 or not has_verb(before):
        return []
    return [(m.start("np") + s.offset, m.start("np") + s.offset, "figure")]


def _relative_saying(s: _Sentence) -> list[tuple[int, int, str]]:
    """"a plan which her administration says would cut costs": the relative clause has its own source."""
    cuts = []
    masked, offset = s.masked, s.offset
    for m in _REL_SAY.finditer(masked) if s.cues and " which " in masked else ():
        if m.start() and masked[m.start() - 1].isalnum() \
                and any(m.end("rel") + offset < c.start < m.end("rel") + offset + 50 for c in s.cues) \
                and len(_WORD.findall(masked, s.clause_start, m.start())) >= 4:
            cuts.append((m.start() + offset, m.end("rel") + offset, "which"))
    return cuts


def _caveat(s: _Sentence, cuts: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """"…, a claim that could not be independently verified.": the caveat is a claim of its own."""
    masked, offset = s.masked, s.offset
    for m in _COMMA.finditer(masked) if VERIFY_WORD.search(masked) else ():
        rest = masked[m.end():]
        if len(_WORD.findall(rest)) <= 16 and verification_caveat(rest) \
                and all(m.start() + offset >= c[1] for c in cuts) and len(_WORD.findall(masked[: m.start()])) >= 4:
            return [(m.start() + offset, m.end() + offset, "caveat")]
    return []


# ---- inside quotations ----------------------------------------------------------------------------------------

_QUOTED_AND = re.compile(r"\s+and\s+(?=(?:(?:also|later|then)\s+)?[a-z])")


def _quoted_facts(masked: str, offset: int, text: str) -> list[tuple[int, int, str]]:
    """“Ukraine has every right to liberate its territories and will keep liberating them …”: two facts in one
    quoted sentence, each a claim of the quotation's speaker. ``text`` is the unmasked text."""
    cuts = []
    for qs in (i for i, ch in enumerate(masked) if ch in "“\""):
        qe = masked.find("”" if masked[qs] == "“" else "\"", qs + 1)
        if qe < 0 or qe - qs < 30 or set(masked[qs + 1:qe]) - {"_", " "}:
            continue
        inner = text[offset + qs + 1: offset + qe]
        sub = _Sentence(inner, offset + qs + 1, [], [])
        for m in _QUOTED_AND.finditer(inner):
            rest, left = inner[m.end():], inner[: m.start()]
            if len(_WORD.findall(rest)) < 4 or len(_WORD.findall(left)) < 4 or not has_verb(_WORD.findall(left)):
                continue
            if _coordinated_predicate(sub, m, rest):
                cuts.append((m.start() + sub.offset, m.end() + sub.offset, "quote"))
    return cuts


def split(masked: str, offset: int, cues: list[Cue], text: str | None = None) -> list[tuple[int, int, str]]:
    """Clauses of one masked sentence as ``(start, end, connector)`` in text offsets.

    The connector says what opened the clause and how it relates to the clause before:
    "" the first clause; a conjunction or subordinator ("and", "but", "while", "when", …), a relative pronoun
    ("which", "who", "where"), "with", "dash" or the first word after ";": a clause with its own subject or
    source, attributed by its own cue, else by a cue closing the sentence, else the outlet's;
    "that": a second statement of the speaker of the clause before ("… but that …", "…: “…”");
    "participle": ", adding that …", "a report concluding that …": a statement of the sentence's subject;
    "participle_fact": ", arriving 40 minutes ahead of schedule": a fact of the main clause's subject, in the
    voice of the clause before (a closing cue's, else the outlet's), never the subject speaking;
    "predicate": the main predicate after a mid-sentence relative clause ("…, opened the new boathouse");
    "figure": a figure with its own clause ("the roughly one-fifth of Ukraine it occupies");
    "quote": the quotation's speaker: a second quoted complement of the cue before it ("“A,” she said, “but B.”"),
    or, only with ``text`` (the unmasked text), a second predicate inside one quotation ("“A and will B,” he said");
    "caveat": a verification caveat of the clause before.
    """
    s = _Sentence(masked, offset, cues, [])
    for m in _SPLIT.finditer(masked):
        conn = _judge(s, m)
        if conn:
            # a relative clause keeps its pronoun ("which has warned …"), a subordinate clause its subordinator
            # (", when a rockslide blocked …", ", with polling set to …"): the cut is before it
            keep = conn in SUBORDINATING or conn == "with"
            at = m.start() + len(m.group("c")) - len(m.group("c").lstrip(" ,")) if keep else m.end()
            s.cuts.append((m.start() + offset, at + offset, conn))
    extra = _mid_relative(s) + _contact_figure(s) + _relative_saying(s)
    if text is not None and ("“" in masked or "\"" in masked):
        extra += _quoted_facts(masked, offset, text)
    cuts = sorted(s.cuts + extra)
    cuts += _caveat(s, cuts)
    cuts = _disjoint(sorted(cuts))
    clauses = []
    start, conn = offset, ""
    for cut_start, clause_start, c in cuts:
        clauses.append((start, cut_start, conn))
        start, conn = clause_start, c
    clauses.append((start, offset + len(masked), conn))
    return clauses


def _disjoint(cuts: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Cuts in order with no two overlapping (the first found wins)."""
    out: list[tuple[int, int, str]] = []
    for cut in cuts:
        if not out or cut[0] >= out[-1][1]:
            out.append(cut)
    return out


def _relative_fact(rest: str, cues: list[Cue], at: int) -> bool:
    """Whether ", which/who/where …" opens a claim of its own: its verb is a cue (", which has warned …", ",
    which they said had not been upgraded"), "where" opens a clause with its own subject, or the relative
    clause runs to the end of the sentence with a finite verb ("…, who lost to … by 212 votes"). Not ", who
    toured the valley on Tuesday, said …", where the cue belongs to the main clause."""
    if any(at <= c.start < at + 40 and (c.position == "relative" or (c.position == "before" and c.phrase_start >= at))
           for c in cues):
        return True
    pronoun, _, after = rest.partition(" ")
    if pronoun == "where":
        # not "At Wembley, where the firm changed contractors, Multiplex will …": a fronted place, then the main clause
        if _LAST_COMMA.search(after):
            return False
        # any noun phrase can be the subject here ("where heavy rain this week has left …")
        for w in _WORD.findall(after[:60])[1:7]:
            lw = w.lower()
            if lw in STOPS or not w[0].isalnum():
                return False
            if lw in FINITE or _is_past(lw):
                return True
        return False
    words = _WORD.findall(after[:80])
    if len(words) < 5 or _LAST_COMMA.search(after) or not words[0].islower() or ANONYMITY.match(after):
        return False
    first = words[0].lower()
    return first in FINITE or _is_past(first) or (pronoun == "who" and first.endswith("s") and not first.endswith("ss"))


def _new_source_clause(rest: str) -> bool:
    """Whether ``rest`` opens with a subject and a verb of saying right after it ("it warned that …")."""
    words = _WORD.findall(rest[:80])
    return any((w.lower() in VERB_FORMS) and not w.endswith("ing") for w in words[1:4])


def closes_sentence(masked: str, cue: Cue, offset: int) -> bool:
    """Whether a cue closes its sentence (", Tass reported." / "…,” she said."): it then governs the
    clauses before it instead of starting one."""
    if cue.position in ("after", "according"):
        return True
    if cue.phrase_start < 0:
        return False
    before = masked[: cue.phrase_start - offset].rstrip()
    if not before.endswith((",", "”", "\"")) or re.search(r"\b(?:which|who|that)\s*$", before):
        return False
    # ", both regions announced they would …" starts a statement; ", Tass reported." and "…,” she said in
    # a post on Telegram." close one
    return _CLOSING.match(masked, cue.end - offset) is not None


_CLOSING = re.compile(
    r"\s*(?:[.!?,;:]|$|(?:in|on|at|during|after|before|from|via|through|late|early|yesterday|today|last|this|"
    r"earlier|later|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|recently|previously|also|"
    r"told|to|when|while|adding|citing|according|as|but|and|of|with|without|under)\b)")
