"""`export all` / `import`: a database with verdict history and decided links, SQLite -> PostgreSQL -> SQLite,
compared row by row; a bad archive or a non-empty database changes nothing."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import SEEDS, SHARED
from sqlalchemy import func, select

from tracker.cli import main
from tracker.db import make_engine, session_factory
from tracker.models import Claim, ClaimLink, Document
from tracker.readers import read_paths
from tracker.services.archive import TABLES, table_rows
from tracker.services.ingest import ingest
from tracker.services.review import decide_link, record_verdict, undo_last

# every test here reads ../shared (the BBC corpus)
pytestmark = pytest.mark.shared


def run(url: str, *args: str):
    return CliRunner().invoke(main, ["--db", url, *args])


def rows_of(url: str) -> dict[str, list[dict]]:
    engine = make_engine(url)
    with session_factory(engine)() as s:
        snapshot = {t.name: list(table_rows(s, t)) for t in TABLES}
    engine.dispose()
    return snapshot


@pytest.fixture
def reviewed(sqlite_url):
    """Seeds and two BBC articles, linked, with verdicts (one undone), a note and a decided link."""
    result = run(sqlite_url, "ingest", "--quiet", str(SEEDS), str(SHARED / "corpus" / "bbc" / "politics" / "001.txt"))
    assert result.exit_code == 0, result.stderr
    sessions = session_factory(make_engine(sqlite_url))
    with sessions() as s:
        first, second = s.scalars(select(Claim.id).order_by(Claim.id).limit(2)).all()
        link_id = s.scalar(select(ClaimLink.id).order_by(ClaimLink.id))
    with sessions() as s:
        record_verdict(s, first, "contradicted", reviewer="alice", note="the ministry says otherwise",
                       evidence="https://example.org/statement")
    with sessions() as s:
        record_verdict(s, second, "corroborated", reviewer="bob")
    with sessions() as s:
        undo_last(s, second, reviewer="bob")
    if link_id is not None:
        with sessions() as s:
            decide_link(s, link_id, "accepted", reviewer="alice")
    return sqlite_url


def test_round_trip_sqlite_postgresql_sqlite_is_exact(reviewed, pg_url, tmp_path):
    original = rows_of(reviewed)
    assert original["verdicts"] and original["claims"] and original["relays"] and original["claim_values"]
    assert original["claim_links"] and any(link["decision"] for link in original["claim_links"])
    first, second, back = tmp_path / "1.jsonl", tmp_path / "2.jsonl", f"sqlite:///{tmp_path / 'back.db'}"

    assert run(reviewed, "export", "all", "-o", str(first)).exit_code == 0
    result = run(pg_url, "import", str(first))
    assert result.exit_code == 0, result.stderr
    assert rows_of(pg_url) == original
    assert run(pg_url, "export", "all", "-o", str(second)).exit_code == 0
    result = run(back, "import", str(second))
    assert result.exit_code == 0, result.stderr
    returned = rows_of(back)
    for table in original:  # row by row, so a difference names its table and row
        assert len(returned[table]) == len(original[table]), table
        for a, b in zip(original[table], returned[table], strict=True):
            assert a == b, table
    # the archives differ only in when they were written
    assert first.read_text().splitlines()[1:] == second.read_text().splitlines()[1:]


def test_postgresql_ids_continue_after_an_import(reviewed, pg_url, tmp_path):
    archive = tmp_path / "a.jsonl"
    run(reviewed, "export", "all", "-o", str(archive))
    assert run(pg_url, "import", str(archive)).exit_code == 0
    before = rows_of(pg_url)
    result = run(pg_url, "ingest", "--quiet", str(SHARED / "corpus" / "bbc" / "tech" / "001.txt"))
    assert result.exit_code == 0, result.stderr
    sessions = session_factory(make_engine(pg_url))
    with sessions() as s:
        assert s.scalar(select(func.max(Document.id))) == max(d["id"] for d in before["documents"]) + 1
        assert s.scalar(select(func.count(Claim.id))) > len(before["claims"])


def test_import_refuses_a_database_that_is_not_empty(reviewed, tmp_path):
    archive = tmp_path / "a.jsonl"
    run(reviewed, "export", "all", "-o", str(archive))
    before = rows_of(reviewed)
    result = run(reviewed, "import", str(archive))
    assert result.exit_code == 1
    assert "not empty" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert rows_of(reviewed) == before


@pytest.mark.parametrize("damage, message", [
    (lambda lines: lines[:-3], "cut off"),
    (lambda lines: lines[:5] + ["{broken"] + lines[5:], "not valid JSON"),
    (lambda lines: [lines[0].replace('"version": 1', '"version": 99')] + lines[1:], "version 99"),
    (lambda lines: ["hello"] + lines[1:], "not a tracker archive"),
    (lambda lines: lines[:-1] + [lines[-3]] + lines[-1:], "counts"),
])
def test_a_bad_archive_leaves_the_database_as_it_was(reviewed, tmp_path, damage, message):
    archive = tmp_path / "a.jsonl"
    run(reviewed, "export", "all", "-o", str(archive))
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(damage(archive.read_text().splitlines())) + "\n")
    target = f"sqlite:///{tmp_path / 'target.db'}"
    result = run(target, "import", str(bad))
    assert result.exit_code == 1
    assert message in result.stderr and "Traceback" not in result.stderr
    assert all(rows == [] for rows in rows_of(target).values())


def test_rows_that_do_not_fit_roll_back_everything(reviewed, tmp_path, any_url):
    archive = tmp_path / "a.jsonl"
    run(reviewed, "export", "all", "-o", str(archive))
    lines = archive.read_text().splitlines()
    # a relay pointing at an entity that is not there: found only when the rows are inserted
    index = next(i for i, line in enumerate(lines) if '"table": "relays"' in line)
    record = json.loads(lines[index])
    record["row"]["entity_id"] = 999_999
    lines[index] = json.dumps(record)
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(lines) + "\n")
    # on SQLite, any_url is the reviewed database itself: import into a file of its own
    target = any_url if any_url.startswith("postgresql") else f"sqlite:///{tmp_path / 'target.db'}"
    result = run(target, "import", str(bad))
    assert result.exit_code == 1 and "do not fit" in result.stderr and "Traceback" not in result.stderr
    assert all(rows == [] for rows in rows_of(target).values())


def test_ingest_again_after_import_finds_everything_present(reviewed, tmp_path):
    archive = tmp_path / "a.jsonl"
    run(reviewed, "export", "all", "-o", str(archive))
    target = f"sqlite:///{tmp_path / 'target.db'}"
    assert run(target, "import", str(archive)).exit_code == 0
    summary = ingest(session_factory(make_engine(target)), read_paths([SEEDS]))
    assert (summary.new, summary.present) == (0, 2)


class WritesDuringExport:
    """An output file that lets another process ingest a document while the export is half way."""

    def __init__(self, url: str, path):
        self.url, self.path, self.lines, self.done = url, path, [], False

    def write(self, text: str) -> None:
        self.lines.append(text)
        if not self.done and '"table": "documents"' in text:
            self.done = True
            result = run(self.url, "ingest", "--quiet", str(self.path))
            assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("database", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_export_reads_one_snapshot_while_others_write(reviewed, request, database):
    from tracker.services.archive import export_archive

    url = reviewed if database == "sqlite" else request.getfixturevalue("pg_url")
    if database == "postgresql":
        run(url, "ingest", "--quiet", str(SEEDS))
    engine = make_engine(url)
    before = rows_of(url)
    out = WritesDuringExport(url, SHARED / "corpus" / "bbc" / "tech" / "002.txt")
    with session_factory(engine)() as s:
        counts = export_archive(s, out)
    engine.dispose()
    assert out.done and len(rows_of(url)["documents"]) == len(before["documents"]) + 1
    assert counts["documents"] == len(before["documents"]) and counts["claims"] == len(before["claims"])
