"""Canonical entities and outlets across documents: one row per speaker however it is spelled."""
from __future__ import annotations

import re
import unicodedata

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..extract.drafts import SpeakerDraft
from ..models import Outlet

_LEADING_ARTICLE = re.compile(r"^(?:the)\s+")
_VOWELS = re.compile(r"[aeiouy]+")
_DOUBLES = re.compile(r"(\w)\1+")
# words this long are names spelt many ways ("Volodymyr"/"Volodomyr", "Zelenskyy"/"Zelenskiy"/"Zelensky");
# shorter ones keep their vowels, where dropping them would join different names ("Martin"/"Morton")
_TRANSLITERATED = 7


_ENDING = re.compile(r"(?:iy|yy|ii|ij|y)$")


def _skeleton(word: str) -> str:
    """A long word without its inner vowels and doubled letters: transliteration variants agree on it.
    Shorter words only fold their ending ("Dmitry"/"Dmitri")."""
    if len(word) < _TRANSLITERATED or not word.isalpha():
        return _ENDING.sub("i", word) if len(word) > 3 and word.isalpha() else word
    return _DOUBLES.sub(r"\1", word[0] + _VOWELS.sub("", word[1:]))


def entity_key(name: str) -> str:
    """Lookup key for a name: accents folded, lower case, a leading "the" and punctuation dropped, and long
    words reduced to their consonant skeleton, so spellings of one name share one key."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    folded = folded.replace("\u2019", "'")
    folded = re.sub(r"[^\w\s'-]", " ", folded)
    folded = re.sub(r"\s+", " ", folded).strip()
    folded = _LEADING_ARTICLE.sub("", folded)
    return " ".join(_skeleton(w) for w in folded.split(" "))


_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def is_generic(name: str, kind: str) -> bool:
    """A speaker named by common nouns ("analysts", "Russian officials", "the company"): the analysts of one
    article are not those of another, so such a speaker is an entity of its own document only."""
    if kind == "person":
        return False
    words = _ARTICLE.sub("", name.strip()).split()
    if not words or any(w[:1].isupper() for w in words[1:]):
        return False
    return len(words) > 1 or not words[0][:1].isupper()


def scoped_key(key: str, draft: SpeakerDraft, scope: str | None) -> str:
    """``key``, confined to the document ``scope`` names when the speaker is generic."""
    return f"{key} @{scope}" if scope and is_generic(draft.name, draft.kind) else key


def outlet_named(session: Session, name: str) -> Outlet:
    """The Outlet row called ``name`` (matched case-insensitively), created if new."""
    wanted = name.strip()
    for outlet in session.scalars(select(Outlet)):
        if outlet.name.casefold() == wanted.casefold() or wanted in (outlet.aliases or []):
            return outlet
    outlet = Outlet(name=wanted, aliases=[])
    session.add(outlet)
    session.flush()
    return outlet
