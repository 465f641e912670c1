"""Writing one extracted document on PostgreSQL in three round trips: ids, names, rows.

Over a network every statement costs a round trip, and a document has rows in six tables; so the ids are drawn
from the sequences in one query, the speakers' entities resolved in one to three (fewer once the run's cache
knows them), and every row goes in with one statement of data-modifying CTEs, each fed one JSON array.
Foreign keys are checked at the end of that statement, when parents and children are all in.
"""
from __future__ import annotations

import json

from sqlalchemy.orm import Session

from ..extract import Extraction
from ..models import utcnow
from ..readers import Article
from .row_cache import cache_of

_IDS = """
SELECT nextval(pg_get_serial_sequence('documents', 'id')),
       ARRAY(SELECT nextval(pg_get_serial_sequence('claims', 'id')) FROM generate_series(1, %(n)s)),
       ARRAY(SELECT nextval(pg_get_serial_sequence('attributions', 'id')) FROM generate_series(1, %(n)s))
"""

_ROWS = """
WITH document AS (
  INSERT INTO documents (id, outlet_id, title, published, origin, name, format, "text", sha256, ingested_at)
  VALUES (%(doc)s, %(outlet)s, %(title)s, %(published)s, %(origin)s, %(name)s, %(format)s, %(text)s, %(sha)s,
          %(now)s)
), claim AS (
  INSERT INTO claims (id, document_id, "start", "end", quote, kind, check_worthiness, hedged, caveat_of_id, status,
                      version, reason, created_at)
  SELECT (c->>0)::int, %(doc)s, (c->>1)::int, (c->>2)::int, c->>3, c->>4, (c->>5)::float8, (c->>6)::bool,
         (c->>7)::int, 'unreviewed', 1, c->8, %(now)s
  FROM json_array_elements(%(claims)s::json) AS c
), attribution AS (
  INSERT INTO attributions (id, claim_id, speaker_id, cue, mode, descriptor)
  SELECT (a->>0)::int, (a->>1)::int, (a->>2)::int, a->>3, a->>4, a->>5
  FROM json_array_elements(%(attributions)s::json) AS a
), relay AS (
  INSERT INTO relays (attribution_id, "position", entity_id)
  SELECT (r->>0)::int, (r->>1)::int, (r->>2)::int FROM json_array_elements(%(relays)s::json) AS r
), claim_value AS (
  INSERT INTO claim_values (claim_id, "type", "text", span_start, span_end, "date", date_end, "number", low, high,
                            unit)
  SELECT (v->>0)::int, v->>1, v->>2, (v->>3)::int, (v->>4)::int, v->>5, v->>6, (v->>7)::float8, (v->>8)::float8,
         (v->>9)::float8, v->>10
  FROM json_array_elements(%(values)s::json) AS v
), skipped AS (
  INSERT INTO skipped_spans (document_id, "start", "end", reason)
  SELECT %(doc)s, (s->>0)::int, (s->>1)::int, s->>2 FROM json_array_elements(%(skipped)s::json) AS s
)
SELECT 1
"""


def store_postgresql(session: Session, article: Article, extraction: Extraction, outlet_id: int | None) -> int:
    """Insert the document and all its rows; returns the document's id."""
    connection = session.connection()
    drafts = extraction.claims
    document_id, claim_ids, attribution_ids = connection.exec_driver_sql(_IDS, {"n": len(drafts)}).one()
    atts = [d.attribution for d in drafts]
    speaker_ids, relay_entities = cache_of(session).attribution_entities(session, atts, scope=article.sha256[:16])
    body = article.text
    # each table's rows as one JSON text: json.dumps and the server's JSON parser are both C, where handing
    # psycopg dozens of Python lists to adapt costs more than the whole insert
    connection.exec_driver_sql(_ROWS, {
        "doc": document_id, "outlet": outlet_id, "title": article.title, "published": article.published,
        "origin": article.origin, "name": article.name, "format": article.format, "text": body,
        "sha": article.sha256, "now": utcnow(),
        "claims": json.dumps([
            (cid, d.start, d.end, body[d.start:d.end], d.kind, round(float(d.check_worthiness), 3), bool(d.hedged),
             claim_ids[d.caveat_of] if d.caveat_of is not None else None, d.reason)
            for cid, d in zip(claim_ids, drafts, strict=True)], ensure_ascii=False),
        "attributions": json.dumps([(aid, cid, sid, a.cue, a.mode, a.descriptor)
                                    for aid, cid, sid, a in zip(attribution_ids, claim_ids, speaker_ids, atts,
                                                                strict=True)],
                                   ensure_ascii=False),
        "relays": json.dumps([(aid, i, eid) for aid, chain in zip(attribution_ids, relay_entities, strict=True)
                              for i, eid in enumerate(chain)]),
        "values": json.dumps([(cid, v.type, v.text, v.start, v.end, v.date, v.date_end, v.number, v.low, v.high, v.unit)
                              for cid, d in zip(claim_ids, drafts, strict=True) for v in d.values], ensure_ascii=False),
        "skipped": json.dumps([(s.start, s.end, s.reason) for s in extraction.skipped], ensure_ascii=False),
    })
    return document_id

