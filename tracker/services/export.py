"""Exports other tools read. Field names are a contract (see DESIGN.md): keep them."""
from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import Claim, ClaimLink, ClaimValue
from .claims import with_details
from .fit import json_safe
from .safe_text import csv_row
from .views import ValueView, claim_view, value_fields

CLAIM_CSV_FIELDS = (
    "id", "source_id", "source_name", "source_origin", "source_title", "outlet", "published", "sha256", "start",
    "end", "quote", "kind",
    "check_worthiness", "hedged", "speaker", "speaker_type", "cue", "mode", "descriptor", "via", "values",
    "caveat_of", "status",
)
LINK_FIELDS = ("a", "b", "relation", "score", "reason", "origin", "decision")


def value_record(value: ClaimValue | ValueView) -> dict[str, Any]:
    """A value as exports write it: type, text, the normalised fields, span."""
    view = value if isinstance(value, ValueView) else ValueView(
        value.type, value.text, value_fields(value), (value.span_start, value.span_end))
    return {"type": view.type, "text": view.text, **view.fields, "span": list(view.span)}


def claim_record(claim: Claim) -> dict[str, Any]:
    view = claim_view(claim)
    return {
        "id": view.id,
        # name: the base name (external scorers key on it); origin: the path or URL that tells two apart
        "source": view.source.record(),
        "start": view.start,
        "end": view.end,
        "quote": view.quote,
        "kind": view.kind,
        "check_worthiness": view.check_worthiness,
        "hedged": view.hedged,
        "attribution": {
            "speaker": view.speaker,
            "speaker_type": view.speaker_kind,
            "cue": view.cue,
            "mode": view.mode,
            "descriptor": view.descriptor,
            "via": list(view.via),
        },
        "values": [value_record(v) for v in view.values],
        "caveat_of": view.caveat_of_id,
        "status": view.status,
    }


def claim_records(session: Session, batch: int = 1000) -> Iterator[dict[str, Any]]:
    """Every claim in document order, loaded in batches so memory stays flat."""
    last = 0
    while True:
        stmt = with_details(select(Claim).where(Claim.id > last)).order_by(Claim.id).limit(batch)
        claims = list(session.scalars(stmt).unique())
        if not claims:
            return
        for claim in claims:
            yield claim_record(claim)
        last = claims[-1].id
        session.expunge_all()


def link_record(link: ClaimLink) -> dict[str, Any]:
    return {"a": link.a_id, "b": link.b_id, "relation": link.relation, "score": round(link.score, 3),
            "reason": link.reason, "origin": link.origin, "decision": link.decision}


def link_records(session: Session) -> Iterator[dict[str, Any]]:
    for link in session.scalars(select(ClaimLink).order_by(ClaimLink.id)):
        yield link_record(link)


def write_jsonl(records: Iterator[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for record in records:
        out.write(json.dumps(json_safe(record), ensure_ascii=False, allow_nan=False) + "\n")
        n += 1
    return n


def flat_claim(record: dict[str, Any]) -> dict[str, Any]:
    """A claim record flattened to one CSV row (nested parts as JSON or joined text)."""
    src, att = record["source"], record["attribution"]
    return {
        "id": record["id"], "source_id": src["id"], "source_name": src["name"], "source_origin": src["origin"],
        "source_title": src["title"], "outlet": src["outlet"],
        "published": src["published"], "sha256": src["sha256"], "start": record["start"], "end": record["end"],
        "quote": record["quote"], "kind": record["kind"], "check_worthiness": record["check_worthiness"],
        "hedged": record["hedged"], "speaker": att["speaker"], "speaker_type": att["speaker_type"],
        "cue": att["cue"], "mode": att["mode"], "descriptor": att["descriptor"], "via": " > ".join(att["via"]),
        "values": json.dumps(record["values"], ensure_ascii=False), "caveat_of": record["caveat_of"],
        "status": record["status"],
    }


def write_csv(rows: Iterator[dict[str, Any]], fields: tuple[str, ...], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow(csv_row(row))
        n += 1
    return n
