"""Writing one extracted document as rows, with bulk inserts.

The ORM's unit of work costs more than extraction at corpus scale, so rows go in as few statements as
possible: ids are taken up front (so children can point at parents without RETURNING), then each table's rows
go in one executemany on SQLite or one COPY on PostgreSQL. The caller owns the transaction: everything here
happens inside it, so a failure leaves nothing of the document behind.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import JSON, Table, bindparam, func, insert, select, text, update
from sqlalchemy.orm import Session

from ..extract import Extraction
from ..models import Attribution, Claim, ClaimValue, Document, Relay, SkippedSpan, utcnow
from ..readers import Article
from .row_cache import cache_of

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
    cache = cache_of(session)
    now = utcnow()
    document_id = session.execute(insert(_documents).returning(_documents.c.id), {
        "outlet_id": cache.outlet_id(session, outlet) if outlet else None,
        "title": article.title, "published": article.published, "origin": article.origin, "name": article.name,
        "format": article.format, "text": article.text, "sha256": article.sha256, "ingested_at": now,
    }).scalar_one()
    drafts = extraction.claims
    if drafts:
        claim_ids = _new_ids(session, _claims, len(drafts))
        text_ = article.text
        _bulk_insert(session, _claims, [
            {"id": cid, "document_id": document_id, "start": d.start, "end": d.end, "quote": text_[d.start:d.end],
             "kind": d.kind, "check_worthiness": round(float(d.check_worthiness), 3), "hedged": bool(d.hedged),
             "caveat_of_id": None, "status": "unreviewed", "version": 1, "reason": d.reason, "created_at": now}
            for cid, d in zip(claim_ids, drafts)])
        _insert_attributions(session, claim_ids, extraction)
        _bulk_insert(session, _values, [
            {"claim_id": cid, "type": v.type, "text": v.text, "span_start": v.start, "span_end": v.end,
             "date": v.date, "date_end": v.date_end, "number": v.number, "low": v.low, "high": v.high, "unit": v.unit}
            for cid, d in zip(claim_ids, drafts) for v in d.values])
        caveats = [{"cid": cid, "of": claim_ids[d.caveat_of]}
                   for cid, d in zip(claim_ids, drafts) if d.caveat_of is not None]
        if caveats:
            session.execute(update(_claims).where(_claims.c.id == bindparam("cid"))
                            .values(caveat_of_id=bindparam("of")), caveats)
    _bulk_insert(session, _skipped, [{"document_id": document_id, "start": s.start, "end": s.end, "reason": s.reason}
                                     for s in extraction.skipped])
    return Stored(document_id, len(drafts))


def _insert_attributions(session: Session, claim_ids: list[int], extraction: Extraction) -> None:
    atts = [d.attribution for d in extraction.claims]
    # every speaker and relay of the document resolved in one go: a few queries, not a few per claim
    drafts = [a.speaker for a in atts if a.speaker] + [v for a in atts for v in a.via]
    entity_ids = iter(cache_of(session).entity_ids(session, drafts) if drafts else ())
    speaker_ids = [next(entity_ids) if a.speaker else None for a in atts]
    relay_entities = [[next(entity_ids) for _ in a.via] for a in atts]
    has_relays = any(relay_entities)
    attribution_ids = _new_ids(session, _attributions, len(atts)) if has_relays else [None] * len(atts)
    rows = [{"claim_id": cid, "speaker_id": sid, "cue": a.cue, "mode": a.mode, "descriptor": a.descriptor}
            for cid, sid, a in zip(claim_ids, speaker_ids, atts)]
    if has_relays:
        for row, aid in zip(rows, attribution_ids):
            row["id"] = aid
    _bulk_insert(session, _attributions, rows)
    if has_relays:
        _bulk_insert(session, _relays, [{"attribution_id": aid, "position": i, "entity_id": eid}
                                        for aid, chain in zip(attribution_ids, relay_entities)
                                        for i, eid in enumerate(chain)])


def _new_ids(session: Session, table: Table, n: int) -> list[int]:
    """``n`` fresh primary keys for ``table``, so child rows can point at their parents without a RETURNING
    round trip per batch (that costs more than the insert itself on PostgreSQL)."""
    if session.get_bind().dialect.name == "postgresql":
        return list(session.execute(
            text(f"SELECT nextval(pg_get_serial_sequence('{table.name}', 'id')) FROM generate_series(1, :n)"),
            {"n": n}).scalars())
    # SQLite: the document's insert took the database's write lock, so nobody else can take these ids
    # before we commit; without AUTOINCREMENT, SQLite itself would hand out max(id) + 1 next
    top = session.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()
    return list(range(top + 1, top + 1 + n))


def _bulk_insert(session: Session, table: Table, rows: list[dict]) -> None:
    """Insert ``rows`` (all with the same keys) in the session's transaction: one COPY on PostgreSQL, one
    driver-level executemany elsewhere, values converted by the columns' own SQLAlchemy types."""
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    columns = list(rows[0])
    quoted = ", ".join(f'"{c}"' for c in columns)
    if dialect.name == "postgresql":
        as_json = {c for c in columns if isinstance(table.c[c].type, JSON)}
        with connection.connection.driver_connection.cursor() as cursor, \
                cursor.copy(f"COPY {table.name} ({quoted}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([json.dumps(row[c]) if c in as_json else row[c] for c in columns])
        return
    processors = [table.c[c].type._cached_bind_processor(dialect) for c in columns]
    data = [tuple(p(row[c]) if p else row[c] for c, p in zip(columns, processors)) for row in rows]
    placeholders = ", ".join("?" * len(columns)) if dialect.paramstyle == "qmark" else None
    if placeholders is None:
        session.execute(insert(table), rows)
        return
    connection.exec_driver_sql(f"INSERT INTO {table.name} ({quoted}) VALUES ({placeholders})", data)
