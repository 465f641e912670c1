"""The two seed articles stored with their gold claims (not the extractor's), for tests of what comes
after extraction: linking, audit, reports, exports. Offsets, speakers, relays and values are the gold file's."""
from __future__ import annotations

import hashlib
import json
import re
from datetime import date

from conftest import SEEDS, require_shared
from sqlalchemy.orm import Session, sessionmaker

from tracker.models import Attribution, Claim, ClaimValue, Document, Entity, Relay
from tracker.services.entities import entity_key, outlet_named

GOLD = require_shared("gold")
OUTLETS = {"000_ac5c500a06c3e345.txt": "NBC News", "004_8a0afc7fede724e1.txt": "Bloomberg"}


def gold_rows() -> list[dict]:
    lines = (GOLD / "seeds.claims.jsonl").read_text(encoding="utf-8").splitlines()
    return [row for row in map(json.loads, lines) if row["kind"] != "not_a_claim"]


def gold_links() -> list[dict]:
    return [json.loads(line) for line in (GOLD / "seeds.links.jsonl").read_text(encoding="utf-8").splitlines()]


def _value(v: dict, text: str, near: int) -> ClaimValue:
    at = text.find(v["text"], max(0, near - 300))
    fields = {"date": v.get("value") if v["type"] == "date" else v.get("start"), "date_end": v.get("end"),
              "number": v.get("value") if v["type"] not in ("date", "date_range") else None,
              "low": v.get("low"), "high": v.get("high"), "unit": v.get("unit")}
    return ClaimValue(type=v["type"], text=v["text"], span_start=at, span_end=at + len(v["text"]), **fields)


def _speaker_kind(name: str) -> str:
    return "person" if re.fullmatch(r"(?:[A-Z]\w+ ){1,2}[A-Z]\w+", name) and " of " not in name else "group"


def _entity(session: Session, known: dict[str, Entity], name: str, kind: str) -> Entity:
    key = entity_key(name)
    if key not in known:
        known[key] = Entity(name=name, kind=kind, key=key, aliases=[])
        session.add(known[key])
    return known[key]


def store_gold(session: Session, text_of: dict[str, str] | None = None) -> dict[str, int]:
    """Add the seed documents and gold claims; returns claim ids by anchor. ``text_of`` may replace a
    document's text (the anchors must still be in it)."""
    known: dict[str, Entity] = {}
    documents = {}
    for name, outlet in OUTLETS.items():
        text = (text_of or {}).get(name) or (SEEDS / name).read_text(encoding="utf-8")
        published = re.search(r"date (\d{4}-\d\d-\d\d)", text)
        documents[name] = Document(
            outlet=outlet_named(session, outlet), name=name, origin=str(SEEDS / name), text=text,
            published=date.fromisoformat(published.group(1)) if published else None,
            sha256=hashlib.sha256(text.encode()).hexdigest())
        session.add(documents[name])
    ids: dict[str, Claim] = {}
    for row in gold_rows():
        doc = documents[row["doc"]]
        start = doc.text.index(row["anchor"])
        end = start + len(row["anchor"])
        via = row.get("via") or []
        speaker = row["speaker"] if row["speaker"] not in via else None
        claim = Claim(
            document=doc, start=start, end=end, quote=doc.text[start:end], kind=row["kind"],
            attribution=Attribution(
                speaker=_entity(session, known, speaker, _speaker_kind(speaker)) if speaker else None,
                cue=row.get("cue"), mode=row.get("mode") or "outlet",
                relays=[Relay(position=i, entity=_entity(session, known, v, "outlet"))
                        for i, v in enumerate(via)]),
            values=[_value(v, doc.text, start) for v in row.get("values") or ()])
        session.add(claim)
        ids[row["anchor"]] = claim
    session.flush()
    return {anchor: claim.id for anchor, claim in ids.items()}


def gold_database(sessions: sessionmaker[Session], text_of: dict[str, str] | None = None) -> dict[str, int]:
    with sessions() as session, session.begin():
        return store_gold(session, text_of)
