"""`tracker documents`, `documents set-outlet`, claims of an unknown outlet, `claims --format`, and `eval` on a
database holding none of the gold's documents. CliRunner over a real SQLite file; invented articles."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from tracker.cli import main

#: invented, with nothing that names an outlet
ARTICLE = "The council said the old bridge would reopen in May after repairs costing 3 million euros.\n"


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def db(tmp_path) -> str:
    (tmp_path / "bridge.txt").write_text(ARTICLE, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    result = invoke("--db", url, "ingest", "--quiet", str(tmp_path / "bridge.txt"))
    assert result.exit_code == 0, result.output
    return url


def total(result) -> int:
    return int(result.stderr.split(" of ")[1].split()[0])


def test_a_wrong_outlet_is_put_right_after_ingest(db):
    listed = invoke("--db", db, "documents")
    assert listed.exit_code == 0 and "(unknown)" in listed.stdout and "bridge.txt" in "".join(listed.stdout.split())
    unknown = invoke("--db", db, "claims", "--unknown-outlet")
    assert total(unknown) > 0
    assert "1 documents" in invoke("--db", db, "documents", "--unknown-outlet").stderr
    fixed = invoke("--db", db, "documents", "set-outlet", "1", "River Gazette")
    assert fixed.exit_code == 0 and "(unknown) → River Gazette" in fixed.stdout
    assert total(invoke("--db", db, "claims", "--unknown-outlet")) == 0
    assert total(invoke("--db", db, "claims", "--outlet", "gazette")) == total(unknown)
    assert "0 documents" in invoke("--db", db, "documents", "--unknown-outlet").stderr


@pytest.mark.parametrize(("args", "message"), [(("7", "X"), "no document with id 7"),
                                               (("1", "  "), "an outlet name is 1 to")])
def test_set_outlet_mistakes_are_one_line(db, args, message):
    result = invoke("--db", db, "documents", "set-outlet", *args)
    assert result.exit_code == 1 and result.stderr.startswith("tracker: error: ") and message in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_claims_as_json_lines_and_csv(db):
    as_json = invoke("--db", db, "claims", "--format", "json")
    rows = [json.loads(line) for line in as_json.stdout.splitlines()]
    assert rows and all(r["origin"].endswith("bridge.txt") and r["quote"] in ARTICLE for r in rows)
    as_csv = invoke("--db", db, "claims", "--format", "csv")
    table = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert [int(r["id"]) for r in table] == [r["id"] for r in rows]


def test_eval_with_none_of_the_golds_documents_says_so(db, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"doc": "elsewhere.txt", "anchor": "the ferry", "kind": "event"}\n', encoding="utf-8")
    result = invoke("--db", db, "eval", str(gold))
    assert result.exit_code == 1
    assert "none of the 1 documents" in result.stderr and "elsewhere.txt" in result.stderr
