"""Clause splitting: one sentence, several claims, where its clauses say separate things or come from
different sources ("Officials … said …, while President Vladimir Putin urged …")."""
from __future__ import annotations

import re

from .attribution import CUE, Cue
from .caveats import VERIFY_WORD, verification_caveat

# connectors that start a new clause; which ones really do is decided by what follows them
_SPLIT = re.compile(
    r"(?P<c>,\s+(?:while|whereas|although|though)\s+|;\s+|,\s+with\s+|,\s+in\s+what\s+|,\s+(?=which\s|who\s|where\s)"
    r"|,\s+(?=[a-z]+ing\s+that\s)"
    r"|,?\s+(?:and|but)\s+|,?\s+(?:after|because|when|before|as)\s+(?=(?:it|he|she|they|the|its|their)\s))")
# "… fell 8% after it warned that …": a subordinate clause is a claim of its own when a new source speaks in it
# "a plan which her administration says would …": no comma, a cue right after the subject of "which"
_REL_SAY = re.compile(r"(?P<rel>\s)which\s+(?:[\w’'-]+\s+){1,3}?(?:says|say|said|claims|claim|claimed|believes|"
                      r"believe|estimates|estimate|estimated)\s+(?:would|will|could|can|is|are|was|were|has|have|had)\s")
_SUBORDINATE = frozenset({"after", "because", "when", "before", "as"})
_RANGE_OPEN = re.compile(r"\bbetween\s+(?:\w+\s+){0,2}?[\w$£€%.,]+$", re.I)
_COMMA = re.compile(r",\s+")
_WORD = re.compile(r"[\w’'-]+|[^\w\s]")
_SUBJECT_START = frozenset(
    "the a an its their his her this these those some many most only all both no several few our my "
    "he she it they we i you one two three four five each every neither either such half none".split())
# a quantity can be the subject ("… and nearly half of that came from a state grant"), not an adverb ("… and
# nearly scored"): these words start a subject only before a number
_APPROX = frozenset("nearly almost about roughly around more fewer less over under just some".split())
_NUMBERISH = re.compile(r"\d|half|third|quarter|a$|an$|one|two|three|four|five|six|seven|eight|nine|ten|"
                        r"twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|[$£€]", re.I)
_THERE_VERB = frozenset("is are was were has have had will would could may might".split())
# a same-subject verb phrase after ", and" is a fact of its own ("filed the lawsuit on Dec. 2, …, and had asked
# the court to …"); without the comma it is usually one act ("was arrested and has been charged")
_AUX_AFTER_COMMA = frozenset("has have had is are was were will would could".split())
# "the drug costs about €4,500": a present-tense verb, told from a plural noun by what follows it
_PRESENT_OBJECT = frozenset("about around nearly almost more less the a an its their his her some up".split())
_FINITE = frozenset(
    "is are was were has have had will would could can may might should must does did do shall "
    "isn't aren't wasn't weren't hasn't haven't hadn't won't wouldn't couldn't can't didn't doesn't don't "
    "isn’t aren’t wasn’t weren’t hasn’t haven’t hadn’t won’t wouldn’t couldn’t can’t didn’t doesn’t don’t".split())
_STOPS = frozenset("where which who that when whom whose if because as and or".split())
_IRREGULAR_PAST = frozenset(
    "won went took made said gave got came saw set put ran fell rose began became held left lost met paid sold "
    "told thought brought bought built kept led meant sent spent stood struck wrote hit cut let read spread cost "
    "grew knew drew threw flew chose spoke broke froze drove rode shot fought caught taught sought found".split())


def has_verb(words: list[str]) -> bool:
    """Whether a stretch of words has a finite verb, by its form: an auxiliary, "-ed", a common past form."""
    for w in words:
        lw = w.lower()
        if lw in _FINITE or lw in _IRREGULAR_PAST or (lw.endswith("ed") and len(lw) > 4) or CUE.fullmatch(lw):
            return True
    return False


def _new_subject_clause(rest: str) -> bool:
    """Whether ``rest`` begins with a subject and its finite verb ("the country’s parliament approved …"),
    not a second verb of the same subject ("… and has been battling …") or a list item."""
    words = _WORD.findall(rest[:120])
    if not words:
        return False
    first = words[0]
    low = first.lower()
    if low in _FINITE or low in _STOPS or low.endswith("ing") or (low.endswith("ed") and not first[0].isupper()):
        return False
    for w in words[1:4]:
        if not w[0].isalnum():
            break
        if CUE.fullmatch(w.lower()) and not w.endswith("ing"):
            return True  # "…, but advocates say …": a new source
    if low in _APPROX and len(words) > 1 and _NUMBERISH.match(words[1]):
        pass
    elif low == "there" and len(words) > 1 and words[1].lower() in _THERE_VERB:
        return True
    elif not (low in _SUBJECT_START or first[0].isupper() or first[0].isdigit() or low.endswith(("’s", "'s"))):
        return False
    for i, w in enumerate(words[1:12], 1):
        lw = w.lower()
        if i >= 2 and lw.endswith("s") and not lw.endswith(("ss", "us", "is", "'s", "’s")) and w.islower() \
                and low in _SUBJECT_START and i + 1 < len(words) \
                and (words[i + 1].lower() in _PRESENT_OBJECT or words[i + 1][0].isdigit() or words[i + 1] in "$£€"):
            return True
        if w == ",":
            if low in _SUBJECT_START:
                continue  # "… and the civil protection minister, Yannis Kostakis, said …": an appositive
            return False  # "… Kato Lefka and Platanos, agency spokesman … told": a list, then a new clause
        if lw == "that" and words[i - 1].lower() == "of":
            continue  # "nearly half of that came …": a pronoun, not a relative
        if lw in _STOPS or w in ";:" or set(w) == {"_"}:
            return False
        if lw.endswith("ed") and i + 1 < len(words) and words[i + 1] == "by":
            continue  # "a house in Houston owned by its finance chief": a participle, not the verb
        if lw in _FINITE or lw in _IRREGULAR_PAST or (lw.endswith("ed") and len(lw) > 4) \
                or (CUE.fullmatch(lw) and not lw.endswith("ing")):
            return True
    return False


_NAMED_BY_COPULA = re.compile(r"\b(?:is|was|are|were|remains|remained|became|becomes)\s+"
                              r"(?:(?!(?:by|of|with|to|from|for|at|in|on|ahead|behind)\b)[a-z]+(?<!ed)\s+){0,2}?"
                              r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*\s*$")
_PARTICIPLE_THAT = re.compile(r"[a-z]+ing\s+that\s")
_LAST_COMMA = re.compile(r",(?!\d)")


_FIGURE = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
                     r"forty|fifty|hundred|thousand|million|billion|dozen|half|third|quarter)\b", re.I)
_CLAUSE_END = re.compile(r",(?!\d)|;|\s(?:and|but|while)\s")


def _clause_end(rest: str) -> int:
    m = _CLAUSE_END.search(rest)
    return m.start() if m else len(rest)


def w_is_verb(word: str) -> bool:
    """A past or present-tense verb by its form, for a verb phrase after "and" ("closed", "cut", "operates")."""
    w = word.lower()
    if not word.islower() or w in _STOPS or w in _FINITE:
        return False
    return w in _IRREGULAR_PAST or (w.endswith("ed") and len(w) > 4) \
        or (w.endswith(("es", "ts", "ps", "ks", "ys", "ns", "ls", "rs", "ds")) and not w.endswith(("ss", "ness", "ies"))
            and len(w) > 4)


_NAME_LIST_START = frozenset("that both between and or while whether said says told , ( : the".split())


def _coordinated_names(left: str) -> bool:
    """Whether "and" joins two names of one subject or object ("… while Clive Owen and Sophie Okonedo failed",
    "… that Grokster and Morpheus are …", "X-Men, The Hulk and Daredevil have …"): the capitalized words
    before it follow a boundary, with no verb of their own."""
    words = _WORD.findall(left[-80:])
    k = len(words) - 1
    if k < 0 or not (words[k][0].isupper() or words[k].lower() in ("he", "she", "i", "we", "they", "you")):
        return False
    while k >= 0 and (words[k][0].isupper() or words[k] in ("-", "of", "de", "The")):
        k -= 1
    if k < 0:
        return True
    if words[k].lower() in ("he", "she", "we", "they", "you"):
        k -= 1
    return k < 0 or words[k].lower() in _NAME_LIST_START or CUE.fullmatch(words[k].lower()) is not None


def _two_figures(masked: str, m: re.Match, rest: str, offset: int, cuts: list) -> bool:
    """Whether "and" joins two verb phrases of one subject that each carry a figure."""
    first = rest.split(None, 1)[0] if rest.strip() else ""
    return w_is_verb(first) and _FIGURE.search(rest, 0, _clause_end(rest)) is not None \
        and _FIGURE.search(masked, cuts[-1][1] - offset if cuts else 0, m.start()) is not None


def _same_subject_fact(masked: str, m: re.Match, rest: str, cues: list[Cue], offset: int, cuts: list) -> bool:
    """Whether ``and``/``but`` opens a second fact of the sentence's subject: another verb of saying ("… and
    said about 50 people were still missing"), a second complement of the cue before it ("said the guidance
    was … but that the price cuts could pay off"), or, after a comma, a verb phrase of its own ("…, and had
    asked the court to …")."""
    words = _WORD.findall(rest[:60])
    if not words:
        return False
    low = words[0].lower()
    if CUE.fullmatch(low) and not low.endswith("ing") and any(c.start == m.end() + offset for c in cues):
        return True
    if low == "that":
        if len(words) < 2 or words[1].lower() in _FINITE or has_verb(words[1:2]):
            return False  # "… a problem and that will worsen": "that" is the subject, not a new complement
        return any(c.start < m.start() + offset and c.position not in ("after", "according")
                   and c.start >= (cuts[-1][1] if cuts else offset) for c in cues)
    if _two_figures(masked, m, rest, offset, cuts):
        return True  # "The company cut 300 jobs and closed two plants": two figures, two checkable facts
    if low in _AUX_AFTER_COMMA and masked[m.start()] == "," and len(words) > 3:
        nxt = words[1].lower()
        return nxt not in ("to", "a", "an", "the", "not") and (has_verb(words[1:3]) or nxt.endswith("ing"))
    return False


# "…, who declined to be named.": why a source is anonymous, nothing to check
_ANONYMITY = re.compile(r"(?:declined|asked|refused|did not want|spoke on condition|was not authori[sz]ed)\b")


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
            if lw in _STOPS or not w[0].isalnum():
                return False
            if lw in _FINITE or lw in _IRREGULAR_PAST or (lw.endswith("ed") and len(lw) > 4):
                return True
        return False
    words = _WORD.findall(after[:80])
    if len(words) < 5 or _LAST_COMMA.search(after) or not words[0].islower() or _ANONYMITY.match(after):
        return False
    first = words[0].lower()
    return first in _FINITE or first in _IRREGULAR_PAST or (first.endswith("ed") and len(first) > 4) \
        or (pronoun == "who" and first.endswith("s") and not first.endswith("ss"))


def _new_source_clause(rest: str) -> bool:
    """Whether ``rest`` opens with a subject and a verb of saying right after it ("it warned that …")."""
    words = _WORD.findall(rest[:80])
    return any(CUE.fullmatch(w.lower()) and not w.endswith("ing") for w in words[1:4])


def split(masked: str, offset: int, cues: list[Cue]) -> list[tuple[int, int, str]]:
    """Clauses of one masked sentence as ``(start, end, connector)`` in text offsets; the connector is
    what opened the clause ("while", "and", "which", or "" for the first)."""
    cuts: list[tuple[int, int, str]] = []  # (cut start, clause start, connector)
    for m in _SPLIT.finditer(masked):
        conn = m.group("c").strip(" ,;")
        left = masked[: m.start()]
        rest = masked[m.end():]
        if len(_WORD.findall(rest, 0, 60)) < 4:
            continue
        left_words = _WORD.findall(left, cuts[-1][1] - offset if cuts else 0)
        if len(left_words) < 4:
            continue
        if conn in ("and", "but") and not has_verb(left_words) and not _two_figures(masked, m, rest, offset, cuts):
            continue  # "record holder and BBC pundit Jonathan Edwards believes": one subject, not two clauses
        if conn == "and" and _RANGE_OPEN.search(left):
            continue  # "between 40 and 60 people", "between 2019 and 2024": a range, not two clauses
        if conn in _SUBORDINATE:
            if not _new_source_clause(rest):
                continue  # "… after it occupied the peninsula": the same source goes on
        elif conn == "" and masked[m.start()] == "," and _PARTICIPLE_THAT.match(rest):
            # ", adding that …", ", ruling that …": a second statement by the same subject
            conn = "participle"
        elif conn in ("and", "but", "while", "whereas", "although", "though", ""):
            if conn == "" and masked[m.start()] == ";":
                ok = True
            elif conn in ("and", "but") and _same_subject_fact(masked, m, rest, cues, offset, cuts):
                ok = True
                conn = "that" if rest.startswith("that ") else conn
            elif conn == "" and masked[m.start()] == "," and rest.startswith("who ") and _NAMED_BY_COPULA.search(left):
                # "The club's record signing was Tomás Ribeiro, who cost £28m": the main clause only names who;
                # the fact is in the relative clause, and a "who cost £28m" cut off from it would say nothing
                ok = False
            elif conn == "" and masked[m.start()] == ",":
                # "…,” said Elena Papadaki, who runs a bakery": the relative clause describes the speaker
                ok = _relative_fact(rest, cues, m.end() + offset) and not any(
                    c.position == "after" and c.end <= m.start() + offset < c.end + 60 for c in cues)
            elif conn == "and" and _coordinated_names(left):
                ok = False
            else:
                ok = _new_subject_clause(rest)
            if not ok:
                continue
        else:
            # ", with analysts suggesting …", ", in what observers said …": only where a new source speaks
            if not any(c.position in ("before", "participle") and m.end() + offset <= c.start
                       and c.start < m.end() + offset + 80 and not closes_sentence(masked, c, offset) for c in cues):
                continue
        if not conn:
            conn = rest.split(None, 1)[0]
        # a relative clause keeps its pronoun ("which has warned …"): the cut is before it
        cuts.append((m.start() + offset, m.end() + offset, conn))
    for m in _REL_SAY.finditer(masked) if cues and " which " in masked else ():
        # "a plan which her administration says would cut costs": the relative clause has its own source
        if m.start() and masked[m.start() - 1].isalnum() \
                and any(m.end("rel") + offset < c.start < m.end("rel") + offset + 50 for c in cues) \
                and len(_WORD.findall(masked, cuts[-1][1] - offset if cuts else 0, m.start())) >= 4:
            cuts.append((m.start() + offset, m.end("rel") + offset, "which"))
    # "…, a claim that could not be independently verified.": the caveat is a claim of its own
    for m in _COMMA.finditer(masked) if VERIFY_WORD.search(masked) else ():
        rest = masked[m.end():]
        if len(_WORD.findall(rest)) <= 16 and verification_caveat(rest) \
                and all(m.start() + offset >= c[1] for c in cuts) and len(_WORD.findall(masked[: m.start()])) >= 4:
            cuts.append((m.start() + offset, m.end() + offset, "caveat"))
            break
    cuts.sort()
    clauses = []
    s = offset
    conn = ""
    for cut_start, clause_start, c in cuts:
        clauses.append((s, cut_start, conn))
        s, conn = clause_start, c
    clauses.append((s, offset + len(masked), conn))
    return clauses


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
