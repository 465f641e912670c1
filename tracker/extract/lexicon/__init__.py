"""Language data for extraction, one module a language (``en.py``), and what is derived from it once.

The data modules hold words only: cue verbs with their properties, titles, organisation words, hedges and the
like. Algorithms import the derived views here (every inflected form of a cue verb, the forms carrying a
property) so that adding a cue verb is one line in the language's table.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from types import ModuleType

from . import en

LANGUAGES: dict[str, ModuleType] = {"en": en}


class UnknownLanguage(ValueError):
    """Extraction was asked for a language it has no data for."""


def language(code: str) -> ModuleType:
    """The data module of a language, or :class:`UnknownLanguage` naming the ones there are."""
    try:
        return LANGUAGES[code]
    except KeyError:
        known = ", ".join(sorted(LANGUAGES))
        raise UnknownLanguage(f"no extraction rules for language {code!r} (known: {known})") from None


_VOWELS = frozenset("aeiou")


def verb_forms(lemma: str, irregular: dict[str, tuple[str, str, str]]) -> tuple[str, str, str]:
    """(third person singular, past, present participle) of an English verb: "argue" -> argues, argued,
    arguing; "deny" -> denies, denied, denying; "admit" -> admits, admitted, admitting; irregular ones listed;
    an idiom inflects its first word ("make clear" -> makes clear, made clear, making clear)."""
    if " " in lemma:
        head, rest = lemma.split(" ", 1)
        third, past, ing = verb_forms(head, irregular)
        return f"{third} {rest}", f"{past} {rest}", f"{ing} {rest}"
    if lemma in irregular:
        return irregular[lemma]
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2] not in _VOWELS:
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    if lemma.endswith("e"):
        past, ing = lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("y") and lemma[-2] not in _VOWELS:
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    elif _doubles(lemma):
        past, ing = lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"
    else:
        past, ing = lemma + "ed", lemma + "ing"
    return third, past, ing


def _doubles(lemma: str) -> bool:
    """Whether the last consonant doubles before -ed/-ing: one-syllable "vow" no, "admit"/"plan" yes (stressed
    final syllable ending consonant-vowel-consonant; the lexicon lists the others as irregular)."""
    if len(lemma) < 3 or lemma[-1] in "wxy" or lemma[-1] in _VOWELS:
        return False
    return lemma[-2] in _VOWELS and lemma[-3] not in _VOWELS and lemma in en.DOUBLING_VERBS


@dataclass(frozen=True, slots=True)
class CueVerb:
    """One inflected form of a cue verb and the properties of its lemma."""

    form: str
    lemma: str
    flags: frozenset[str]


@cache
def cue_verbs(code: str = "en") -> dict[str, CueVerb]:
    """Every form of every cue verb of a language -> its entry. The bare form only where the table says
    ``base`` ("they say"; "the report" is a noun)."""
    data = language(code)
    out: dict[str, CueVerb] = {}
    for lemma, spec in data.CUE_VERBS.items():
        flags = frozenset(spec.split())
        forms = verb_forms(lemma, data.IRREGULAR_VERBS)
        for form in ((lemma, *forms) if "base" in flags else forms):
            if ("no-ing" in flags and form == forms[2]) or ("no-s" in flags and form == forms[0]):
                continue
            out.setdefault(form, CueVerb(form, lemma, flags))
    for form, lemma in data.EXTRA_VERB_FORMS.items():
        out.setdefault(form, CueVerb(form, lemma, frozenset(data.CUE_VERBS[lemma].split())))
    return out


@cache
def cue_lemmas(code: str = "en") -> dict[str, CueVerb]:
    """Every cue verb's bare form -> its entry, whether or not the bare form is a cue on its own: after an
    auxiliary ("would support", "did tell", "went on to say") every one is."""
    data = language(code)
    return {lemma: CueVerb(lemma, lemma, frozenset(spec.split())) for lemma, spec in data.CUE_VERBS.items()}


def forms_with(flag: str, code: str = "en") -> frozenset[str]:
    """The cue-verb forms whose lemma carries ``flag``, the bare forms included."""
    return frozenset(f for table in (cue_verbs(code), cue_lemmas(code)) for f, v in table.items() if flag in v.flags)
