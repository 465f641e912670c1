"""Writing one extracted document as rows, with bulk inserts (PostgreSQL: see store_postgresql).

The ORM's unit of work costs more than extraction at corpus scale, so rows go in as few statements as
possible: ids are taken up front (so children can point at parents without RETURNING), then each table's rows
go in one executemany on SQLite or one COPY on PostgreSQL. The caller owns the transaction: everything here
happens inside it, so a failure leaves nothing of the document behind.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import JSON, Connection, Table, bindparam, insert, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from ..extract import Extraction
from ..models import Attribution, Claim, ClaimValue, Document, Relay, SkippedSpan, utcnow
from ..readers import Article
from .fit import fit
from .row_cache import cache_of
from .store_postgresql import store_postgresql

_documents = Document.__table__
_claims = Claim.__table__
_attributions = Attribution.__table__
_relays = Relay.__table__
_values = ClaimValue.__table__
_skipped = SkippedSpan.__table__


@dataclass(frozen=True, slots=True)
class Stored:
    document_id: int
    claims: int


def store(session: Session, article: Article, extraction: Extraction, outlet: str | None = None) -> Stored:
    """Insert one document with its claims, attributions, relays, values and skipped spans.

    ``outlet`` is the outlet's name as the caller decided it (``--outlet``, the page's metadata or the text).
    The caller owns the transaction and tells the run's cache (``row_cache.cache_of``) how it ended.
    """
    extraction = fit(extraction)  # nothing a column cannot hold faithfully, on either engine
    cache = cache_of(session)
    outlet_id = cache.outlet_id(session, outlet) if outlet else None
    if session.get_bind().dialect.name == "postgresql":
        return Stored(store_postgresql(session, article, extraction, outlet_id), len(extraction.claims))
    now = utcnow()
    document_id = session.connection().execute(insert(_documents).returning(_documents.c.id), {
        "outlet_id": outlet_id,
        "title": article.title, "published": article.published, "origin": article.origin, "name": article.name,
        "format": article.format, "text": article.text, "sha256": article.sha256, "ingested_at": now,
    }).scalar_one()
    drafts = extraction.claims
    if drafts:
        claim_ids = _new_ids(session, _claims, len(drafts))
        body = article.text
        bulk_insert(session, _claims, _CLAIM_COLUMNS, [
            (cid, document_id, d.start, d.end, body[d.start:d.end], d.kind, round(float(d.check_worthiness), 3),
             bool(d.hedged), "unreviewed", 1, d.reason, now)
            for cid, d in zip(claim_ids, drafts, strict=True)])
        _insert_attributions(session, claim_ids, extraction, scope=article.sha256[:16])
        bulk_insert(session, _values, _VALUE_COLUMNS, [
            (cid, v.type, v.text, v.start, v.end, v.date, v.date_end, v.number, v.low, v.high, v.unit)
            for cid, d in zip(claim_ids, drafts, strict=True) for v in d.values])
        caveats = [{"cid": cid, "of": claim_ids[d.caveat_of]}
                   for cid, d in zip(claim_ids, drafts, strict=True) if d.caveat_of is not None]
        if caveats:
            session.connection().execute(update(_claims).where(_claims.c.id == bindparam("cid"))
                                         .values(caveat_of_id=bindparam("of")), caveats)
    bulk_insert(session, _skipped, ("document_id", "start", "end", "reason"),
                 [(document_id, s.start, s.end, s.reason) for s in extraction.skipped])
    return Stored(document_id, len(drafts))


_CLAIM_COLUMNS = ("id", "document_id", "start", "end", "quote", "kind", "check_worthiness", "hedged", "status",
                  "version", "reason", "created_at")
_VALUE_COLUMNS = ("claim_id", "type", "text", "span_start", "span_end", "date", "date_end", "number", "low", "high",
                  "unit")


def _insert_attributions(session: Session, claim_ids: list[int], extraction: Extraction, scope: str) -> None:
    atts = [d.attribution for d in extraction.claims]
    speaker_ids, relay_entities = cache_of(session).attribution_entities(session, atts, scope)
    if not any(relay_entities):
        bulk_insert(session, _attributions, ("claim_id", "speaker_id", "cue", "mode", "descriptor"),
                     [(cid, sid, a.cue, a.mode, a.descriptor)
                      for cid, sid, a in zip(claim_ids, speaker_ids, atts, strict=True)])
        return
    attribution_ids = _new_ids(session, _attributions, len(atts))
    bulk_insert(session, _attributions, ("id", "claim_id", "speaker_id", "cue", "mode", "descriptor"),
                 [(aid, cid, sid, a.cue, a.mode, a.descriptor)
                  for aid, cid, sid, a in zip(attribution_ids, claim_ids, speaker_ids, atts, strict=True)])
    bulk_insert(session, _relays, ("attribution_id", "position", "entity_id"),
                 [(aid, i, eid) for aid, chain in zip(attribution_ids, relay_entities, strict=True)
                  for i, eid in enumerate(chain)])


def _new_ids(session: Session, table: Table, n: int) -> list[int]:
    """``n`` fresh primary keys for ``table`` on SQLite, so child rows can point at their parents without
    reading ids back. The document's insert took the database's write lock, so nobody else can take these ids
    before we commit; without AUTOINCREMENT, SQLite itself would hand out max(id) + 1 next."""
    top = session.connection().exec_driver_sql(f"SELECT coalesce(max(id), 0) FROM {table.name}").scalar_one()
    return list(range(top + 1, top + 1 + n))


def bulk_insert(session: Session, table: Table, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """Insert ``rows`` (tuples in the order of ``columns``) in the session's transaction: one COPY on
    PostgreSQL, one driver-level executemany on SQLite, values converted by the columns' SQLAlchemy types."""
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    quoted = ", ".join(f'"{c}"' for c in columns)
    if dialect.name == "postgresql":
        as_json = [i for i, c in enumerate(columns) if isinstance(table.c[c].type, JSON)]
        sql = f"COPY {table.name} ({quoted}) FROM STDIN"
        with _as_sqlalchemy_errors(connection, sql), connection.connection.driver_connection.cursor() as cursor, \
                cursor.copy(sql) as copy:
            for row in rows:
                if as_json:
                    row = list(row)
                    for i in as_json:
                        row[i] = json.dumps(row[i])
                copy.write_row(row)
        return
    if dialect.paramstyle != "qmark":
        session.execute(insert(table), [dict(zip(columns, row, strict=True)) for row in rows])
        return
    converted = [(i, p) for i, c in enumerate(columns) if (p := table.c[c].type._cached_bind_processor(dialect))]
    if converted:
        changed = []
        for row in rows:
            values = list(row)
            for i, process in converted:
                values[i] = process(values[i])
            changed.append(tuple(values))
        rows = changed
    # straight to the driver's cursor, on the session's own connection and transaction: SQLAlchemy's per-statement
    # bookkeeping costs more than these small inserts
    sql = f"INSERT INTO {table.name} ({quoted}) VALUES ({', '.join('?' * len(columns))})"
    cursor = connection.connection.dbapi_connection.cursor()
    try:
        with _as_sqlalchemy_errors(connection, sql):
            cursor.executemany(sql, rows)
    finally:
        cursor.close()


@contextmanager
def _as_sqlalchemy_errors(connection: Connection, sql: str) -> Iterator[None]:
    """A driver error raised past SQLAlchemy, turned into the exception SQLAlchemy would have raised
    (IntegrityError, OperationalError, ...), so callers and the CLI handle it as any other."""
    base = connection.dialect.loaded_dbapi.Error
    try:
        yield
    except base as exc:
        raise DBAPIError.instance(sql, None, exc, base, dialect=connection.dialect) from exc
