"""Words as linking compares them: one form for "mobilisation" and "mobilization", "Russia's" and "Russia",
"killed" and "kills", "reservists" and "reserves".

The forms are not English lemmas a dictionary would give; they only need to be the same on both sides of a
comparison, so every rule here is applied to every word alike.
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")

#: words too common to say what a sentence is about
STOP_WORDS = frozenset("""
a about above after again against all also although am an and another any are around as at away back be became
because become been before being below between both but by came can cannot could did do does doing done down
during each either else even ever every few first for from further get gets getting got had has have having he
her here hers herself him himself his how however i if in into is it its itself just last late later least less
like made make makes many may me might more most much must my myself near neither never new next no nor not now
of off often on once one only onto or other others our ours out over own per put rather said same say saying says
see seen several she should since so some still such take taken than that the their theirs them then there these
they thing things this those though three through thus to told too two under until up upon us very via was way
we well were what whatever when where whether which while who whom whose why will with within without would yet
you your yours year years day days week weeks time times today yesterday tomorrow monday tuesday wednesday
thursday friday saturday sunday january february march april june july august september october november december
mr mrs ms dr people percent cent told according report reported reports reporting news
""".split())

#: irregular forms a suffix rule cannot reach, to the form the rules give the base word
IRREGULAR = {
    "took": "take", "taken": "take", "fled": "flee", "won": "win", "lost": "lose", "held": "hold", "left": "leave",
    "struck": "strike", "hit": "hit", "shot": "shoot", "fell": "fall", "fallen": "fall", "rose": "rise",
    "risen": "rise", "began": "begin", "begun": "begin", "went": "go", "gone": "go", "came": "come", "ran": "run",
    "caught": "catch", "brought": "bring", "bought": "buy", "sold": "sell", "paid": "pay", "found": "find",
    "gave": "give", "given": "give", "wrote": "write", "written": "write", "spoke": "speak", "spoken": "speak",
    "chose": "choose", "chosen": "choose", "drove": "drive", "driven": "drive", "broke": "break",
    "broken": "break", "stole": "steal", "stolen": "steal", "sank": "sink", "sunk": "sink", "died": "die",
    "dead": "die", "death": "die", "deaths": "die", "men": "man", "women": "woman", "children": "child",
    "quit": "quit", "led": "lead", "met": "meet", "sent": "send", "spent": "spend", "built": "build",
    "fought": "fight", "sought": "seek", "thought": "think", "kept": "keep", "felt": "feel", "meant": "mean",
}

#: British spellings, as endings, to the American form (applied to whole words of at least six letters)
BRITISH_ENDINGS = (
    ("isation", "ization"), ("isations", "izations"), ("ised", "ized"), ("ises", "izes"), ("ising", "izing"),
    ("ise", "ize"), ("yse", "yze"), ("ysed", "yzed"), ("our", "or"), ("ours", "ors"), ("oured", "ored"),
    ("tre", "ter"), ("tres", "ters"), ("ence", "ense"), ("ogue", "og"), ("amme", "am"), ("ammes", "ams"),
)
_BRITISH = sorted(BRITISH_ENDINGS, key=lambda p: -len(p[0]))

#: words that name one thing two ways ("reservists" and "reserves" are both called up), to one of them
WORD_SYNONYMS = {"reservist": "reserve", "troops": "soldiers", "fatalities": "deaths", "killed": "died",
                 "quake": "earthquake", "tremor": "earthquake", "rehabilitation": "rehab", "jailed": "imprisoned",
                 "jail": "prison", "gunman": "shooter", "nation": "country", "fired": "sacked", "axed": "sacked",
                 "purchase": "buy", "acquire": "buy", "acquisition": "buy"}


def american(word: str) -> str:
    """"mobilisation" -> "mobilization", "centre" -> "center", "travelled" -> "traveled"."""
    if len(word) < 6:
        return word
    for british, us in _BRITISH:
        if word.endswith(british):
            return word[: -len(british)] + us
    return word


def _strip_suffix(word: str) -> str:
    for suffix, keep in (("ies", "y"), ("ied", "y"), ("ying", "y"), ("ing", ""), ("ed", ""), ("es", ""),
                         ("s", ""), ("ly", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)] + keep
            if suffix in ("es", "s") and (word.endswith("ss") or word.endswith("us") or word.endswith("is")):
                return word
            if suffix == "es" and not re.search(r"(?:sh|ch|x|z|ss)$", stem):
                stem = word[:-1]
            # "stopped" -> "stop", "planning" -> "plan"
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
                stem = stem[:-1]
            return stem
    return word


def _drop_final_e(word: str) -> str:
    # "ruled" -> "rul", "rule" -> "rul": the same form either way
    stem = word.rstrip("e")
    return stem if len(stem) >= 3 else word


def _form(word: str) -> str:
    w = word.lower().replace("’", "'")
    w = w.split("'")[0] if "'" in w else w
    if w in IRREGULAR:
        w = IRREGULAR[w]
    # "travelled" and "traveled", "kills" and "killed": every double l is one
    return _drop_final_e(_strip_suffix(american(w))).replace("ll", "l")


_SYNONYM_FORMS = {_form(a): _form(b) for a, b in WORD_SYNONYMS.items()}
_CACHE: dict[str, str] = {}


def lemma(word: str) -> str:
    """One form for a word's inflections and spellings: "Russia's" -> "russia", "mobilised" -> "mobiliz"."""
    try:
        return _CACHE[word]
    except KeyError:
        pass
    form = _form(word)
    form = _SYNONYM_FORMS.get(form, form)
    if len(_CACHE) < 200_000:
        _CACHE[word] = form
    return form


def words_of(text: str) -> list[str]:
    """Every word of ``text`` as written (hyphenated words split)."""
    return [p for w in _WORD.findall(text) for p in w.split("-") if p]


# word as written -> its lemma, or None for a word that says nothing; remembered (a corpus repeats its words)
_CONTENT: dict[str, str | None] = {}


def _content_lemma(word: str) -> str | None:
    lw = word.lower().replace("’", "'").split("'")[0]
    return None if len(lw) < 3 or lw in STOP_WORDS else lemma(lw)


def content_lemmas(text: str) -> frozenset[str]:
    """The lemmas of the words that say something (no stop words, no one- or two-letter words)."""
    out = set()
    for w in _WORD.findall(text):
        for part in w.split("-"):
            try:
                form = _CONTENT[part]
            except KeyError:
                form = _CONTENT[part] = _content_lemma(part) if part else None
                if len(_CONTENT) > 200_000:
                    _CONTENT.clear()
            if form:
                out.add(form)
    return frozenset(out)


_YEAR = re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b")


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_MONTH = r"(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# "18 September 2013", "18th September 2013", "March 3, 2009", "Tue March 3, 2009"
_DATELINE = re.compile(rf"\b(?:(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+{_MONTH}\s+(?P<y1>(?:19|20)\d\d)|"
                       rf"{_MONTH.replace('month', 'month2')}\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?,?\s+"
                       rf"(?P<y2>(?:19|20)\d\d))\b", re.I)
#: how far into a text a date is taken as the date it was published ("Last updated: 28 November 2005")
DATELINE_REACH = 200


def opening_date(text: str) -> date | None:
    """The full date a text gives in its first lines, as a dateline or a "published" line does."""
    m = _DATELINE.search(text[:DATELINE_REACH])
    if not m:
        return None
    month = (m.group("month") or m.group("month2")).lower()[:3]
    number = next(i for i, name in enumerate(_MONTHS, 1) if name.startswith(month))
    try:
        return date(int(m.group("y1") or m.group("y2")), number, int(m.group("d1") or m.group("d2")))
    except ValueError:
        return None


_CAPITALIZED = re.compile(r"\b[A-Z][a-zA-Z'’-]+")
# a figure standing alone: "5.6", "23", "35,000" (not part of a time, a date or a longer number)
_FIGURE = re.compile(r"(?<![\d.,:/])\d{1,3}(?:,\d{3})+(?![\d]|[.,:/]\d)|(?<![\d.,:/])\d+(?:\.\d+)?(?![\d]|[.,:/]\d)")
#: figures below this say nothing of which happening a text tells (list numbers, "one of two")
FIGURE_FLOOR = 4
#: characters a figure kept as a key may have: longer runs of digits are codes or noise, not counts (and a key
#: is stored in a column of 80)
FIGURE_LENGTH = 15


def figures(text: str) -> set[str]:
    """The figures a text gives, as written without separators, leaving out years and small numbers: "a 5.6
    magnitude quake", "23 pirates", "$35,000" tell one happening from another of the same kind."""
    out = set()
    for m in _FIGURE.findall(text):
        f = m.replace(",", "")
        if len(f) > FIGURE_LENGTH or _YEAR.fullmatch(f) or float(f) < FIGURE_FLOOR:
            continue
        out.add(f)
    return out


def doc_keys(text: str) -> frozenset[str]:
    """What a document is about, as keys: its names ("n:reid") and those it repeats ("p:reid"), its content
    words ("w:rehab"), the years it gives ("y:2008") and the date its first lines state ("d:2013-09-18").
    Two documents of one story share many of the rare ones."""
    from .names import name_key, names_and_openers
    inside, _, _ = names_and_openers(text)
    keys = {f"n:{n}" for n in inside}
    # the names it repeats: whom and where it is about
    counts = Counter(name_key(w) for w in _CAPITALIZED.findall(text))
    keys.update(f"p:{n}" for n in inside if counts[n] >= 2)
    keys.update(f"w:{w}" for w in content_lemmas(text))
    keys.update(f"y:{y}" for y in _YEAR.findall(text))
    keys.update(f"#:{f}" for f in figures(text))
    stated = opening_date(text)
    if stated:
        keys.add(f"d:{stated.isoformat()}")
    return frozenset(keys)
