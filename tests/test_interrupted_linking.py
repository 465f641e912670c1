"""Linking cut off, and linking at the same time, on SQLite and PostgreSQL.

A run killed (kill -9) or interrupted (Ctrl-C) while linking leaves its documents stored and unlinked; the next
``ingest`` or ``link`` finishes the job and ends with every link a clean run makes. Two ingests ending together
link one after the other and both succeed.

The runs are real subprocesses of the command line. To stop one while it is linking (not before, not after),
it runs with a hook that, once every link is written but before the transaction commits, says so in a file and
waits: the test kills it there, or lets it go on.
"""
from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, SEEDS
from sqlalchemy import select
from sqlalchemy.orm import aliased

from tracker.cli import main
from tracker.db import make_engine, session_factory, upgrade
from tracker.models import Claim, ClaimLink, Document

HELDOUT = ROOT / "tests" / "heldout"

# runs the command line with linking paused just before its commit: ``in`` appears, then it waits for ``go``
PAUSED = """
import sys, time
from pathlib import Path
import tracker.services.link as link
flags = Path(sys.argv[1])
original = link._mark_linked
def paused(session, document_ids):
    original(session, document_ids)
    (flags / "in").write_text("linking")
    deadline = time.monotonic() + 120
    while not (flags / "go").exists() and time.monotonic() < deadline:
        time.sleep(0.02)
link._mark_linked = paused
from tracker.cli import main
main(sys.argv[2:], prog_name="tracker")
"""


def articles(folder: Path, *sources: Path) -> Path:
    folder.mkdir()
    for source in sources:
        for path in sorted(source.glob("*.txt")):
            shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture
def both(tmp_path) -> tuple[Path, Path]:
    """Two folders of articles about overlapping events: the seeds, and the held-out articles."""
    return articles(tmp_path / "seeds", SEEDS), articles(tmp_path / "heldout", HELDOUT)


def paused_run(url: str, flags: Path, *args: str) -> subprocess.Popen:
    flags.mkdir(exist_ok=True)
    return subprocess.Popen([sys.executable, "-c", PAUSED, str(flags), "--db", url, *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(flag: Path, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while not flag.exists():
        if proc.poll() is not None:
            raise AssertionError(f"the run ended before linking: {proc.communicate()}")
        assert time.monotonic() < deadline, "the run never reached linking"
        time.sleep(0.02)


def tracker(url: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tracker", "--db", url, *args], capture_output=True, text=True,
                          timeout=300)


def links(url: str) -> set[tuple]:
    """Every link, told by its claims' documents (by text) and spans, so that two databases compare."""
    engine = make_engine(url)
    a, b = aliased(Claim), aliased(Claim)
    da, db = aliased(Document), aliased(Document)
    with session_factory(engine)() as session:
        rows = session.execute(
            select(da.sha256, a.start, a.end, db.sha256, b.start, b.end, ClaimLink.relation, ClaimLink.score)
            .join(a, ClaimLink.a_id == a.id).join(b, ClaimLink.b_id == b.id)
            .join(da, a.document_id == da.id).join(db, b.document_id == db.id)).all()
    engine.dispose()
    return {(*sorted([(r[0], r[1], r[2]), (r[3], r[4], r[5])]), r[6], round(r[7], 6)) for r in rows}


def linked(url: str) -> tuple[int, int]:
    """Documents linked and documents stored."""
    engine = make_engine(url)
    with session_factory(engine)() as session:
        flags = session.scalars(select(Document.linked)).all()
    engine.dispose()
    return sum(flags), len(flags)


def clean_run(tmp_path: Path, name: str, *commands: tuple[str, ...]) -> set[tuple]:
    url = f"sqlite:///{tmp_path / f'{name}.db'}"
    for command in commands:
        result = CliRunner().invoke(main, ["--db", url, *command])
        assert result.exit_code == 0, result.output
    return links(url)


def fresh(url: str) -> str:
    engine = make_engine(url)
    upgrade(engine)  # before the race: the counts below need the tables
    engine.dispose()
    return url


def test_a_run_killed_while_linking_is_finished_by_the_next_ingest(any_url, both, tmp_path):
    cut_off_while_linking_then_rerun(any_url, both, tmp_path, signal.SIGKILL)


def test_a_run_interrupted_while_linking_is_finished_by_the_next_ingest(sqlite_url, both, tmp_path):
    cut_off_while_linking_then_rerun(sqlite_url, both, tmp_path, signal.SIGINT)


def cut_off_while_linking_then_rerun(url: str, both: tuple[Path, Path], tmp_path: Path, how: signal.Signals) -> None:
    folder = articles(tmp_path / "all", *both)
    reference = clean_run(tmp_path, "reference", ("ingest", "--quiet", str(folder)))
    assert len(reference) >= 10, "too few links for the comparison to mean anything"
    url = fresh(url)
    run = paused_run(url, tmp_path / "flags", "ingest", "--quiet", str(folder))
    wait_for(tmp_path / "flags" / "in", run)
    run.send_signal(how)
    _, err = run.communicate(timeout=60)
    assert run.returncode == (130 if how == signal.SIGINT else -signal.SIGKILL), err
    assert "Traceback" not in err
    # cut off with every link written but not committed: the documents are in, no link is, none is linked
    assert linked(url) == (0, 7)
    assert links(url) == set()

    rerun = tracker(url, "ingest", "--quiet", str(folder))
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stderr.strip().splitlines()[-1] == (
        f"0 new documents, 7 already present (duplicates), 0 failed; 0 claims, {len(reference)} links "
        "(with 7 documents an earlier run left unlinked)")
    assert links(url) == reference
    assert linked(url) == (7, 7)
    # and a run after that has nothing left to do
    again = tracker(url, "ingest", "--quiet", str(folder))
    assert again.stderr.strip().splitlines()[-1].endswith("0 claims, 0 links")
    assert links(url) == reference


def test_a_run_killed_while_linking_is_finished_by_tracker_link(any_url, both, tmp_path):
    folder = articles(tmp_path / "all", *both)
    reference = clean_run(tmp_path, "reference", ("ingest", "--quiet", str(folder)), ("link",))
    url = fresh(any_url)
    run = paused_run(url, tmp_path / "flags", "ingest", "--quiet", str(folder))
    wait_for(tmp_path / "flags" / "in", run)
    run.kill()
    run.communicate(timeout=60)
    assert linked(url) == (0, 7)
    relinked = tracker(url, "link")
    assert relinked.returncode == 0, relinked.stderr
    assert links(url) == reference
    assert linked(url) == (7, 7)


def test_an_ingest_killed_before_linking_is_linked_by_the_next_one_storing_new_documents(any_url, both, tmp_path):
    """Killed after storing the first folder, before linking it: the next ingest, of the second folder, links
    both, as one clean ingest of the two would."""
    first, second = both
    reference = clean_run(tmp_path, "reference", ("ingest", "--quiet", str(first), str(second)))
    url = fresh(any_url)
    run = paused_run(url, tmp_path / "flags", "ingest", "--quiet", str(first))
    wait_for(tmp_path / "flags" / "in", run)
    run.kill()
    run.communicate(timeout=60)
    assert linked(url) == (0, 2)
    rerun = tracker(url, "ingest", "--quiet", str(second))
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stderr.strip().splitlines()[-1].endswith("(with 2 documents an earlier run left unlinked)")
    assert links(url) == reference
    assert linked(url) == (7, 7)


def test_two_ingests_linking_at_once_both_succeed_and_link_everything(any_url, both, tmp_path):
    """The first is held while linking (its links written, not committed); the second stores its documents
    meanwhile (PostgreSQL) or waits to (SQLite), then links once the first has: the links are those of the two
    runs one after the other."""
    first, second = both
    reference = clean_run(tmp_path, "reference", ("ingest", "--quiet", str(first)),
                          ("ingest", "--quiet", str(second)))
    url = fresh(any_url)
    flags = tmp_path / "flags"
    held = paused_run(url, flags, "ingest", "--quiet", str(first))
    wait_for(flags / "in", held)
    other = subprocess.Popen([sys.executable, "-m", "tracker", "--db", url, "ingest", "--quiet", str(second)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if url.startswith("postgresql"):
        deadline = time.monotonic() + 120
        while linked(url)[1] < 7 and time.monotonic() < deadline:  # stored, now waiting to link
            time.sleep(0.05)
        assert linked(url) == (0, 7)
    else:
        time.sleep(1)  # waiting for the first run's write lock
    (flags / "go").write_text("")
    results = [p.communicate(timeout=120) for p in (held, other)]
    assert held.returncode == 0 and other.returncode == 0, results
    assert not any("Traceback" in err for _out, err in results)
    assert links(url) == reference
    assert linked(url) == (7, 7)


def test_a_database_from_before_linked_was_recorded_gets_it_from_its_stories(tmp_path):
    """Migration 0006: a document placed in a story was linked; one without (cut off before linking) was not,
    and the next ingest links it."""
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    from alembic import command

    from tracker.db import alembic_config

    command.upgrade(alembic_config(engine), "0005")
    with engine.begin() as conn:
        for i, story in enumerate((1, None)):
            conn.exec_driver_sql(
                "INSERT INTO documents (origin, name, format, text, sha256, ingested_at, story_id) "
                f"VALUES ('x', 'x', 'txt', 'text {i}', '{i:064d}', '2026-01-01', ?)", (story,))
    upgrade(engine)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT sha256, linked FROM documents ORDER BY id").all() == [
            (f"{0:064d}", 1), (f"{1:064d}", 0)]
    engine.dispose()



def archive_of(url: str, path: Path, schema: str | None = None) -> Path:
    """``tracker export all`` of ``url``; with ``schema``, told as written before documents.linked existed."""
    result = CliRunner().invoke(main, ["--db", url, "export", "all", "--output", str(path)])
    assert result.exit_code == 0, result.output
    if schema:
        lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        lines[0]["schema"] = schema
        for record in lines:
            if record.get("table") == "documents":
                del record["row"]["linked"]
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), encoding="utf-8")
    return path


@pytest.mark.parametrize("schema", [None, "0005"])
def test_an_imported_database_links_new_documents_as_the_original_would(any_url, both, tmp_path, schema):
    """An archive (of this schema, or of one before documents.linked) imported, then more articles ingested:
    the links are those the original database makes with the same articles."""
    first, second = both
    # one of two reports of the same floods goes in the archive, the other comes after
    wire = next(second.glob("001_*.txt"))
    shutil.move(wire, first / wire.name)
    original = f"sqlite:///{tmp_path / 'original.db'}"
    assert CliRunner().invoke(main, ["--db", original, "ingest", "--quiet", str(first)]).exit_code == 0
    archive = archive_of(original, tmp_path / "archive.jsonl", schema)
    expected = tracker(original, "ingest", "--quiet", str(second)).stderr.strip().splitlines()[-1]
    reference = links(original)
    url = fresh(any_url)
    imported = tracker(url, "import", str(archive))
    assert imported.returncode == 0, imported.stderr
    assert linked(url) == (3, 3)
    more = tracker(url, "ingest", "--quiet", str(second))
    assert more.returncode == 0, more.stderr
    assert more.stderr.strip().splitlines()[-1] == expected
    assert links(url) == reference


def test_an_ingest_with_nothing_to_link_takes_no_write_lock(tmp_path):
    """Files all stored and linked already: the ingest reports them and leaves a read-only database alone."""
    path = tmp_path / "tracker.db"
    assert CliRunner().invoke(main, ["--db", f"sqlite:///{path}", "ingest", "--quiet", str(SEEDS)]).exit_code == 0
    result = CliRunner().invoke(main, ["--db", f"sqlite:///file:{path}?mode=ro&uri=true", "ingest", "--quiet",
                                       str(SEEDS)])
    assert result.exit_code == 0, result.output
    assert result.stderr.strip().splitlines()[-1] == (
        "0 new documents, 2 already present (duplicates), 0 failed; 0 claims, 0 links")
