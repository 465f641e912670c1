"""Outlet and entity ids remembered for one ingest run, so each name costs a query once per run, not per claim.

The one entity mechanism of ingest: an entity is found by the lookup key (``entities.entity_key``) of its name
or any alias among those already seen, else by the key of the draft's name in the database, else created; new
spellings become aliases. What a document adds stays pending until its transaction commits, so
a rolled-back document leaves no ids in the cache that the database does not have.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from ..extract.drafts import AttributionDraft, SpeakerDraft
from .entities import entity_key, outlet_named, scoped_key


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

    def entity_ids(self, session: Session, drafts: list[SpeakerDraft], scope: str | None = None) -> list[int]:
        """The entity id of each draft, in order, with a few queries for the lot; generic speakers ("analysts")
        are looked up within the document ``scope`` names."""
        keyed = [(d, [scoped_key(self._key(n), d, scope) for n in (d.name, *d.aliases)]) for d in drafts]
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
            # cached under the entity's own key: an alias key is only a way to find it
            self._pending_entities[known.key] = known
            ids.append(known.id)
        if renamed:
            connection = session.connection()
            mark = _placeholder(connection)
            json_mark = mark if connection.dialect.name == "sqlite" else f"CAST({mark} AS json)"
            connection.exec_driver_sql(f"UPDATE entities SET aliases = {json_mark} WHERE id = {mark}",
                                       [(json.dumps(a), i) for i, a in renamed.items()])
        return ids

    def attribution_entities(self, session: Session, atts: list[AttributionDraft], scope: str | None = None
                             ) -> tuple[list[int | None], list[list[int]]]:
        """For each attribution its speaker's entity id (None: the outlet's voice) and its relays' ids, every
        name of the document resolved in one go: a few queries, not a few per claim."""
        drafts = [a.speaker for a in atts if a.speaker] + [v for a in atts for v in a.via]
        ids = iter(self.entity_ids(session, drafts, scope) if drafts else ())
        speakers = [next(ids) if a.speaker else None for a in atts]
        relays = [[next(ids) for _ in a.via] for a in atts]
        return speakers, relays

    def learn_keys(self, keys: dict[str, str]) -> None:
        """Lookup keys of names, computed elsewhere (by the extraction workers)."""
        self._keys.update(keys)

    def _key(self, name: str) -> str:
        key = self._keys.get(name)
        if key is None:
            key = self._keys[name] = entity_key(name)
        return key

    def _cached(self, key: str) -> _Known | None:
        return self._pending_entities.get(key) or self.entities.get(key)

    def _load_or_create(self, session: Session, wanted: dict[str, SpeakerDraft]) -> dict[str, _Known]:
        connection = session.connection()
        found = self._load(connection, list(wanted))
        missing = [(d.name, d.kind, k) for k, d in wanted.items() if k not in found]
        if missing:
            # another ingest may add the same key at the same moment: skip those, then read every row back
            mark = _placeholder(connection)
            connection.exec_driver_sql(
                f"INSERT INTO entities (name, kind, key, aliases) VALUES ({mark}, {mark}, {mark}, '[]') "
                "ON CONFLICT (key) DO NOTHING", missing)
            found.update(self._load(connection, [k for _n, _k, k in missing]))
        return found

    @staticmethod
    def _load(connection: Connection, keys: list[str]) -> dict[str, _Known]:
        found = {}
        mark = _placeholder(connection)
        for i in range(0, len(keys), 500):  # SQLite allows a limited number of parameters a statement
            part = keys[i:i + 500]
            rows = connection.exec_driver_sql(
                f"SELECT id, key, name, aliases FROM entities WHERE key IN ({', '.join([mark] * len(part))})",
                tuple(part))
            for entity_id, key, name, aliases in rows:
                if isinstance(aliases, str):  # SQLite hands JSON back as text
                    aliases = json.loads(aliases)
                found[key] = _Known(entity_id, key, name, list(aliases or []))
        return found


def _placeholder(connection: Connection) -> str:
    return "?" if connection.dialect.paramstyle == "qmark" else "%s"


def cache_of(session: Session) -> RowCache:
    """The run's cache, kept on the Session so it lives as long as the run's Session does."""
    cache = session.info.get("tracker_row_cache")
    if cache is None:
        cache = session.info["tracker_row_cache"] = RowCache()
    return cache
