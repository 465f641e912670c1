"""Crash safety: a killed or interrupted ingest leaves a consistent database that a rerun completes; a locked or
read-only database gives one clear line; a reviewer's verdicts written during an ingest are all kept."""
from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEEDS, SHARED
from sqlalchemy import func, select

from tracker.cli import main
from tracker.db import make_engine, session_factory, upgrade
from tracker.models import Claim, Document, Verdict
from tracker.readers import read_paths
from tracker.services.ingest import ingest
from tracker.services.review import record_verdict

BBC = SHARED / "corpus" / "bbc"
ARTICLES = 80

# every test here reads ../shared (the BBC corpus)
pytestmark = pytest.mark.shared


@pytest.fixture
def articles(tmp_path) -> Path:
    """ARTICLES real articles, no two alike, in one folder: enough that an interruption once the first documents
    are stored still cuts the run off part way."""
    folder = tmp_path / "articles"
    folder.mkdir()
    texts: set[bytes] = set()
    for path in sorted((BBC / "entertainment").glob("*.txt")):
        if len(texts) == ARTICLES:
            break
        if path.read_bytes() not in texts:
            texts.add(path.read_bytes())
            shutil.copy(path, folder / path.name)
    return folder


def start_ingest(url: str, folder: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tracker", "--db", url, "ingest", "--quiet", str(folder)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def documents_stored(url: str) -> int:
    """Counted with the driver directly (sqlite3 on SQLite), so the test holds nothing open between counts."""
    if url.startswith("postgresql"):
        engine = make_engine(url)
        try:
            with engine.connect() as conn:
                return conn.exec_driver_sql("SELECT count(*) FROM documents").scalar_one()
        finally:
            engine.dispose()
    path = url.removeprefix("sqlite:///")
    if not os.path.exists(path):
        return 0
    with sqlite3.connect(path, timeout=15) as conn:
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        except sqlite3.OperationalError:  # the schema is not made yet
            return 0


def wait_for_documents(url: str, proc: subprocess.Popen, at_least: int) -> int:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        n = documents_stored(url)
        if n >= at_least:
            return n
        time.sleep(0.005)
    raise AssertionError(f"ingest ended or stalled before {at_least} documents were stored")


def children_of(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                        found.append(int(entry))
            except (OSError, IndexError):
                continue
    return found


def claims_per_text(url: str) -> dict[str, int]:
    engine = make_engine(url)
    with session_factory(engine)() as s:
        rows = s.execute(select(Document.sha256, func.count(Claim.id)).outerjoin(Claim).group_by(Document.sha256))
        result = {sha: n for sha, n in rows}
    engine.dispose()
    return result


@pytest.fixture
def reference(articles, tmp_path) -> dict[str, int]:
    """What an uninterrupted ingest of the same folder stores."""
    url = f"sqlite:///{tmp_path / 'reference.db'}"
    engine = make_engine(url)
    upgrade(engine)
    ingest(session_factory(engine), read_paths([articles]), workers=1)
    engine.dispose()
    return claims_per_text(url)


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGINT])
def test_interrupted_ingest_is_consistent_and_a_rerun_completes_it(articles, reference, tmp_path, how):
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    interrupt_and_rerun(url, articles, reference, how)


@pytest.mark.postgres
def test_killed_ingest_on_postgresql_is_consistent_and_a_rerun_completes_it(articles, reference, pg_url):
    engine = make_engine(pg_url)
    upgrade(engine)  # before the race: the count below needs the tables
    engine.dispose()
    interrupt_and_rerun(pg_url, articles, reference, signal.SIGKILL)


def interrupt_and_rerun(url: str, articles: Path, reference: dict[str, int], how: signal.Signals) -> None:
    proc = start_ingest(url, articles)
    wait_for_documents(url, proc, at_least=3)
    workers = children_of(proc.pid)
    proc.send_signal(how)
    _, err = proc.communicate(timeout=30)
    if how == signal.SIGINT:
        assert proc.returncode == 130
        assert err.strip().splitlines()[-1].startswith("tracker: error: interrupted")
        assert "Traceback" not in err
    else:
        assert proc.returncode == -signal.SIGKILL
    partial = claims_per_text(url)
    assert 3 <= len(partial) < len(reference), "the ingest was not cut off part way"
    # every document stored before the interruption has all its claims, none has a partial set
    assert all(reference[sha] == n for sha, n in partial.items())
    # extraction workers do not outlive the process that started them
    deadline = time.monotonic() + 5
    while any(os.path.exists(f"/proc/{pid}") for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in workers if os.path.exists(f"/proc/{pid}")]

    rerun = start_ingest(url, articles)
    _, err = rerun.communicate(timeout=60)
    assert rerun.returncode == 0, err
    assert f"{len(reference) - len(partial)} new documents, {len(partial)} already present (duplicates)" in err
    assert claims_per_text(url) == reference


def test_locked_database_is_one_clear_line(sqlite_url, monkeypatch):
    monkeypatch.setenv("TRACKER_SQLITE_TIMEOUT", "0.5")  # give up on the lock quickly
    engine = make_engine(sqlite_url)
    upgrade(engine)
    engine.dispose()
    holder = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process in the middle of a write
    try:
        result = CliRunner().invoke(main, ["--db", sqlite_url, "ingest", "--quiet", str(SEEDS)])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert lines == [f"tracker: error: {sqlite_url}: the database is locked by another process; try again"]


def test_read_only_database_is_one_clear_line(tmp_path):
    path = tmp_path / "tracker.db"
    writable = f"sqlite:///{path}"
    assert CliRunner().invoke(main, ["--db", writable, "ingest", "--quiet",
                                     str(SEEDS / "000_ac5c500a06c3e345.txt")]).exit_code == 0
    read_only = f"sqlite:///file:{path}?mode=ro&uri=true"
    result = CliRunner().invoke(main, ["--db", read_only, "ingest", "--quiet", str(SEEDS)])
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("tracker: error: ") and line.endswith("the database is read-only")
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    # reading still works
    assert CliRunner().invoke(main, ["--db", read_only, "claims", "--limit", "1"]).exit_code == 0


def test_verdicts_written_during_an_ingest_are_all_kept(articles, tmp_path):
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    engine = make_engine(url)
    upgrade(engine)
    sessions = session_factory(engine)
    ingest(sessions, read_paths([SEEDS]))
    with sessions() as s:
        claim_ids = s.scalars(select(Claim.id).order_by(Claim.id)).all()
    proc = start_ingest(url, articles)
    written: list[tuple[int, str]] = []
    stop = threading.Event()

    def review() -> None:
        statuses = ("corroborated", "contradicted", "unverified")
        i = 0
        while not stop.is_set():
            claim_id, status = claim_ids[i % len(claim_ids)], statuses[i % 3]
            with sessions() as s:
                record_verdict(s, claim_id, status, reviewer="reviewer", note=f"verdict {i}")
            written.append((claim_id, status))
            i += 1

    reviewer = threading.Thread(target=review)
    reviewer.start()
    try:
        _, err = proc.communicate(timeout=120)
    finally:
        stop.set()
        reviewer.join()
    assert proc.returncode == 0, err
    assert len(written) > 3
    with sessions() as s:
        notes = s.scalars(select(Verdict.note).order_by(Verdict.id)).all()
        assert notes == [f"verdict {i}" for i in range(len(written))]
        last = {}
        for claim_id, status in written:
            last[claim_id] = status
        for claim_id, status in last.items():
            assert s.get(Claim, claim_id).status == status
        assert s.scalar(select(func.count(Document.id))) == 2 + ARTICLES
    engine.dispose()


@pytest.mark.parametrize("database", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_two_ingests_of_the_same_folder_at_once_store_each_text_once(articles, reference, tmp_path, request,
                                                                     database):
    url = f"sqlite:///{tmp_path / 'tracker.db'}" if database == "sqlite" else request.getfixturevalue("pg_url")
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    first, second = start_ingest(url, articles), start_ingest(url, articles)
    results = [p.communicate(timeout=120) for p in (first, second)]
    assert first.returncode == 0 and second.returncode == 0, results
    new = [int(err.strip().splitlines()[-1].split(" new document")[0]) for _out, err in results]
    assert sum(new) == len(reference)  # each text stored by exactly one of them
    assert claims_per_text(url) == reference
