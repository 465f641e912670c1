"""Outlet and entity ids remembered for one ingest run, so each name costs a query once per run, not per claim.

The bulk counterpart of ``entities.EntityResolver``, with the same rules: an entity is found by the lookup key of
its name or any alias among those already seen, else by the key of the draft's name in the database, else
created; new spellings become aliases. What a document adds stays pending until its transaction commits, so
a rolled-back document leaves no ids in the cache that the database does not have.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from ..extract.drafts import SpeakerDraft
from ..models import Entity
from .entities import entity_key, outlet_named

_entities = Entity.__table__


@dataclass(slots=True)
class _Known:
    id: int
    key: str
    name: str
    aliases: list[str]


@dataclass
class RowCache:
    outlets: dict[str, int] = field(default_factory=dict)
    entities: dict[str, _Known] = field(default_factory=dict)
    _pending_outlets: dict[str, int] = field(default_factory=dict)
    _pending_entities: dict[str, _Known] = field(default_factory=dict)
    _keys: dict[str, str] = field(default_factory=dict)

    def committed(self) -> None:
        self.outlets.update(self._pending_outlets)
        self.entities.update(self._pending_entities)
        self.rolled_back()

    def rolled_back(self) -> None:
        self._pending_outlets.clear()
        self._pending_entities.clear()

    def outlet_id(self, session: Session, name: str) -> int:
        key = name.strip().casefold()
        found = self._pending_outlets.get(key) or self.outlets.get(key)
        if found is None:
            found = outlet_named(session, name).id
            self._pending_outlets[key] = found
        return found

    def entity_ids(self, session: Session, drafts: list[SpeakerDraft]) -> list[int]:
        """The entity id of each draft, in order, with a few queries for the lot."""
        keyed = [(d, [self._key(d.name), *(self._key(a) for a in d.aliases)]) for d in drafts]
        # first pass, without the database: which names must be looked up (or created) there
        planned: dict[str, SpeakerDraft] = {}
        for draft, keys in keyed:
            if not any(k in planned or self._cached(k) for k in keys):
                planned[keys[0]] = draft
        found = self._load_or_create(session, planned) if planned else {}
        # second pass, the same walk with the ids in hand
        ids, renamed = [], {}
        for draft, keys in keyed:
            known = next((c for k in keys if (c := self._cached(k))), None) or found[keys[0]]
            new = [a for a in (draft.name, *draft.aliases) if a != known.name and a not in known.aliases]
            if new:
                known = _Known(known.id, known.key, known.name, [*known.aliases, *new])
                renamed[known.id] = known.aliases
            # cached under the entity's own key, as EntityResolver does: an alias key is only a way to find it
            self._pending_entities[known.key] = known
            ids.append(known.id)
        if renamed:
            session.execute(update(_entities).where(_entities.c.id == bindparam("eid"))
                            .values(aliases=bindparam("new_aliases")),
                            [{"eid": i, "new_aliases": a} for i, a in renamed.items()])
        return ids

    def _key(self, name: str) -> str:
        key = self._keys.get(name)
        if key is None:
            key = self._keys[name] = entity_key(name)
        return key

    def _cached(self, key: str) -> _Known | None:
        return self._pending_entities.get(key) or self.entities.get(key)

    def _load_or_create(self, session: Session, wanted: dict[str, SpeakerDraft]) -> dict[str, _Known]:
        columns = (_entities.c.id, _entities.c.key, _entities.c.name, _entities.c.aliases)
        found = {r.key: _Known(r.id, r.key, r.name, list(r.aliases or []))
                 for r in session.execute(select(*columns).where(_entities.c.key.in_(list(wanted))))}
        missing = [{"name": d.name, "kind": d.kind, "key": k, "aliases": []} for k, d in wanted.items() if k not in found]
        if missing:
            # another ingest may add the same key at the same moment: skip those, then read every row back
            session.execute(_insert_ignoring_conflict(session), missing)
            keys = [m["key"] for m in missing]
            found.update((r.key, _Known(r.id, r.key, r.name, list(r.aliases or [])))
                         for r in session.execute(select(*columns).where(_entities.c.key.in_(keys))))
        return found


def _insert_ignoring_conflict(session: Session):
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return postgresql.insert(_entities).on_conflict_do_nothing()
    if dialect == "sqlite":
        return sqlite.insert(_entities).on_conflict_do_nothing()
    return insert(_entities)


def cache_of(session: Session) -> RowCache:
    """The run's cache, kept on the Session so it lives as long as the run's Session does."""
    cache = session.info.get("tracker_row_cache")
    if cache is None:
        cache = session.info["tracker_row_cache"] = RowCache()
    return cache
