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
from .views import outlet_name

CLAIM_CSV_FIELDS = (
    "id", "source_id", "source_name", "source_origin", "source_title", "outlet", "published", "sha256", "start",
    "end", "quote", "kind",
    "check_worthiness", "hedged", "speaker", "speaker_type", "cue", "mode", "descriptor", "via", "values",
    "caveat_of", "status",
)
LINK_FIELDS = ("a", "b", "relation", "score", "reason", "origin", "decision")


def value_record(value: ClaimValue) -> dict[str, Any]:
    record: dict[str, Any] = {"type": value.type, "text": value.text}
    if value.type == "date":
        record["value"] = value.date
    elif value.type == "date_range":
        record["start"], record["end"] = value.date, value.date_end
    elif value.type == "quantity_range":
        record["low"], record["high"] = value.low, value.high
    else:
        record["value"] = _number(value.number)
    if value.unit:
        record["unit"] = value.unit
    record["span"] = [value.span_start, value.span_end]
    return record


def _number(x: float | None) -> float | int | None:
    return int(x) if x is not None and float(x).is_integer() else x


def claim_record(claim: Claim) -> dict[str, Any]:
    doc = claim.document
    att = claim.attribution
    speaker = att.speaker if att else None
    return {
        "id": claim.id,
        "source": {
            # name: the base name (external scorers key on it); origin: the path or URL that tells two apart
            "id": doc.id, "name": doc.name, "origin": doc.origin, "title": doc.title,
            "outlet": outlet_name(doc),
            "published": doc.published.isoformat() if doc.published else None, "sha256": doc.sha256,
        },
        "start": claim.start,
        "end": claim.end,
        "quote": claim.quote,
        "kind": claim.kind,
        "check_worthiness": claim.check_worthiness,
        "hedged": claim.hedged,
        "attribution": {
            "speaker": speaker.name if speaker else None,
            "speaker_type": speaker.kind if speaker else None,
            "cue": att.cue if att else None,
            "mode": att.mode if att else "outlet",
            "descriptor": att.descriptor if att else None,
            "via": [r.entity.name for r in att.relays] if att else [],
        },
        "values": [value_record(v) for v in claim.values],
        "caveat_of": claim.caveat_of_id,
        "status": claim.status,
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
