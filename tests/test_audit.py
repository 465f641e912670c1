"""The outlet audit on the gold seed claims, linked."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from seed_gold import gold_database

from tracker.cli import main
from tracker.services.audit import build_audit
from tracker.services.link import relink


@pytest.fixture
def audited(sessions):
    ids = gold_database(sessions)
    relink(sessions)
    with sessions() as session:
        return ids, build_audit(session)


def _cluster_of(audit, claim_id):
    return next(c for c in audit["clusters"] if claim_id in c["claims"])


def test_a_cluster_shows_what_each_outlet_said_and_its_sources(audited):
    ids, audit = audited
    four_days = next(i for a, i in ids.items() if "four days starting Friday" in a)
    cluster = _cluster_of(audit, four_days)
    outlets = {o["outlet"]: o["claims"] for o in cluster["outlets"]}
    assert set(outlets) == {"NBC News", "Bloomberg"}
    nbc = next(x for x in outlets["NBC News"] if x["id"] == four_days)
    assert nbc["via"] == ["Tass"]
    assert "the four days starting Friday = 2022-09-23..2022-09-26" in nbc["values"]
    assert any("five days = 5 day" in v for x in outlets["Bloomberg"] for v in x["values"])
    assert cluster["relations"]["contradicts"] >= 2
    assert cluster["independence"].startswith("2 outlets, ")


def test_per_outlet_kinds_attribution_relays_and_caveats(audited):
    _, audit = audited
    nbc = next(o for o in audit["outlets"] if o["outlet"] == "NBC News")
    assert nbc["relays"] == {"Tass": 2}
    assert len(nbc["caveats"]) == 3 and nbc["kinds"]["caveat"] == 3
    assert nbc["attributed"] + nbc["own_voice"] == nbc["claims"]
    assert 0 < nbc["attributed_share"] < 1


def test_per_speaker_where_and_how_quoted(audited):
    _, audit = audited
    lutsevych = next(s for s in audit["speakers"] if s["speaker"] == "Orysia Lutsevych")
    assert lutsevych["outlets"] == {"NBC News": 2} and lutsevych["modes"] == {"direct": 2}
    tass = next(s for s in audit["speakers"] if s["speaker"] == "Tass")
    assert tass["as_relay"] == 2


def test_audit_command_formats(sqlite_url, sessions):
    gold_database(sessions)
    runner = CliRunner()
    assert runner.invoke(main, ["--db", sqlite_url, "link"]).exit_code == 0
    as_json = runner.invoke(main, ["--db", sqlite_url, "audit", "--format", "json"])
    assert as_json.exit_code == 0 and json.loads(as_json.stdout)["clusters"]
    as_csv = runner.invoke(main, ["--db", sqlite_url, "audit", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert {r["section"] for r in rows} == {"cluster", "outlet", "speaker"}
    table = runner.invoke(main, ["--db", sqlite_url, "audit"])
    assert table.exit_code == 0 and "Clusters of matching claims" in table.stdout
