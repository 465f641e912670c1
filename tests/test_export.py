"""The export formats other tools rely on: field names and shapes."""
from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner
from sqlalchemy import select

from tracker.cli import main
from tracker.models import Claim, ClaimLink
from tracker.services.export import CLAIM_CSV_FIELDS

CLAIM_FIELDS = {"id", "source", "start", "end", "quote", "kind", "check_worthiness", "hedged", "attribution",
                "values", "caveat_of", "status"}
SOURCE_FIELDS = {"id", "name", "outlet", "published", "sha256"}
ATTRIBUTION_FIELDS = {"speaker", "speaker_type", "cue", "mode", "via"}


def export(url, *args):
    result = CliRunner().invoke(main, ["--db", url, "export", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_claims_jsonl_has_the_documented_fields(seeded, engine):
    url = engine.url.render_as_string(hide_password=False)
    lines = export(url, "claims", "--format", "jsonl").splitlines()
    with seeded() as s:
        assert len(lines) == len(s.scalars(select(Claim.id)).all())
        texts = {c.id: c.document.text for c in s.scalars(select(Claim))}
    for line in lines:
        record = json.loads(line)
        assert CLAIM_FIELDS <= set(record)
        assert SOURCE_FIELDS <= set(record["source"])
        assert ATTRIBUTION_FIELDS <= set(record["attribution"])
        assert isinstance(record["attribution"]["via"], list)
        assert record["quote"] == texts[record["id"]][record["start"]:record["end"]]
        assert record["source"]["name"] in {"000_ac5c500a06c3e345.txt", "004_8a0afc7fede724e1.txt"}
        assert record["status"] == "unreviewed"
        for value in record["values"]:
            assert {"type", "text"} <= set(value)


def test_claims_csv_has_a_header_and_one_row_per_claim(seeded, engine, tmp_path):
    url = engine.url.render_as_string(hide_password=False)
    out = tmp_path / "claims.csv"
    export(url, "claims", "--format", "csv", "-o", str(out))
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert tuple(rows[0].keys()) == CLAIM_CSV_FIELDS
    with seeded() as s:
        assert len(rows) == len(s.scalars(select(Claim.id)).all())


def test_links_jsonl_has_the_documented_fields(seeded, engine):
    with seeded() as s, s.begin():
        a, b = s.scalars(select(Claim).order_by(Claim.id).limit(2)).all()
        s.add(ClaimLink(a_id=a.id, b_id=b.id, relation="contradicts", score=0.9, reason="test", origin="reviewer"))
    url = engine.url.render_as_string(hide_password=False)
    records = [json.loads(line) for line in export(url, "links").splitlines()]
    assert any(r["a"] == a.id and r["b"] == b.id and r["relation"] == "contradicts" for r in records)
    assert all({"a", "b", "relation", "score", "reason", "origin"} <= set(r) for r in records)


def test_ingest_and_export_work_on_postgresql(pg_url):
    runner = CliRunner()
    from conftest import SEEDS

    ingested = runner.invoke(main, ["--db", pg_url, "ingest", "--quiet", str(SEEDS)], catch_exceptions=False)
    assert ingested.exit_code == 0, ingested.stderr
    records = [json.loads(line) for line in export(pg_url, "claims").splitlines()]
    assert {r["source"]["outlet"] for r in records} == {"NBC News", "Bloomberg"}
    assert all(r["quote"] for r in records)
    again = runner.invoke(main, ["--db", pg_url, "ingest", "--quiet", str(SEEDS)], catch_exceptions=False)
    assert "0 new documents, 2 already present" in again.stderr
