"""Canonical entities and outlets across documents: one row per speaker however it is spelled."""
from __future__ import annotations

import re
import unicodedata

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..extract.drafts import SpeakerDraft
from ..models import Entity, Outlet

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


class EntityResolver:
    """Finds or creates the Entity for a speaker draft within one Session, caching what it has seen."""

    def __init__(self, session: Session):
        self.session = session
        self._cache: dict[str, Entity] = {}

    def resolve(self, draft: SpeakerDraft) -> Entity:
        keys = [entity_key(draft.name), *(entity_key(a) for a in draft.aliases)]
        for key in keys:
            if key in self._cache:
                return self._remember(self._cache[key], draft)
        entity = self.session.scalar(select(Entity).where(Entity.key == keys[0]))
        if entity is None:
            entity = Entity(name=draft.name, kind=draft.kind, key=keys[0], aliases=[])
            self.session.add(entity)
        return self._remember(entity, draft)

    def _remember(self, entity: Entity, draft: SpeakerDraft) -> Entity:
        self._cache[entity.key] = entity
        new = [a for a in (draft.name, *draft.aliases) if a != entity.name and a not in entity.aliases]
        if new:
            entity.aliases = [*entity.aliases, *new]
        return entity


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
