"""Mistakes get one line, and nothing is created by accident: missing databases, unwritable -o, mark's checks,
non-http URLs given to ingest, postgres:// URLs. Through click's CliRunner on real SQLite files (and PostgreSQL)."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import SEEDS
from review_data import build
from sqlalchemy import select

from tracker.cli import main
from tracker.models import Verdict


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def one_error_line(result, *fragments: str) -> str:
    """The run failed with exactly one `tracker: error:` line holding every fragment, and no traceback."""
    assert result.exit_code != 0, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("tracker: error:")]
    assert len(errors) == 1, result.stderr
    assert all(f in errors[0] for f in fragments), errors[0]
    assert "Traceback" not in result.stderr and result.exception is None or isinstance(result.exception, SystemExit)
    return errors[0]


READ_COMMANDS = [("claims",), ("show", "1"), ("report",), ("audit",), ("export", "claims"), ("export", "links"),
                 ("export", "claimreview"), ("export", "prov"), ("export", "all"), ("review",),
                 ("mark", "1", "corroborated")]


@pytest.mark.parametrize("command", READ_COMMANDS, ids=[" ".join(c) for c in READ_COMMANDS])
def test_a_read_command_on_a_missing_database_says_so_and_creates_nothing(tmp_path, command):
    target = tmp_path / "typo" / "x.db"
    result = invoke("--db", f"sqlite:///{target}", *command)
    one_error_line(result, "no database at", str(target))
    assert not (tmp_path / "typo").exists()
    assert list(tmp_path.iterdir()) == []


def test_a_read_command_in_an_existing_folder_leaves_no_file(tmp_path, monkeypatch):
    monkeypatch.setenv("TRACKER_DATABASE_URL", f"sqlite:///{tmp_path / 'x.db'}")
    one_error_line(invoke("claims"), "no database at")
    assert list(tmp_path.iterdir()) == []


def test_a_read_command_on_an_empty_database_file_says_it_is_empty(tmp_path):
    (tmp_path / "empty.db").write_bytes(b"")
    one_error_line(invoke("--db", f"sqlite:///{tmp_path / 'empty.db'}", "claims"), "is empty", "tracker ingest")


def test_db_current_on_a_missing_file_creates_nothing(tmp_path):
    result = invoke("--db", f"sqlite:///{tmp_path / 'sub' / 'x.db'}", "db", "current")
    assert result.exit_code == 0 and "no database file yet" in result.stdout
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [("ingest", "--quiet", str(SEEDS)), ("db", "upgrade")])
def test_ingest_and_db_upgrade_create_the_database_and_its_folder(tmp_path, command):
    target = tmp_path / "new" / "x.db"
    result = invoke("--db", f"sqlite:///{target}", *command)
    assert result.exit_code == 0, result.output
    assert target.is_file()


@pytest.fixture
def seeded_url(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'db' / 'tracker.db'}"
    assert invoke("--db", url, "ingest", "--quiet", str(SEEDS)).exit_code == 0
    return url


OUTPUT_COMMANDS = [("report",), ("report", "--format", "html"), ("audit",), ("audit", "--format", "json"),
                   ("export", "claims"), ("export", "links"), ("export", "claimreview"), ("export", "prov"),
                   ("export", "all")]


@pytest.mark.parametrize("command", OUTPUT_COMMANDS, ids=[" ".join(c) for c in OUTPUT_COMMANDS])
def test_output_into_a_missing_folder_is_one_line(seeded_url, tmp_path, command):
    target = tmp_path / "no" / "such" / "out.txt"
    result = invoke("--db", seeded_url, *command, "-o", str(target))
    one_error_line(result, f"cannot write {target}", "does not exist")
    assert not (tmp_path / "no").exists()


def test_output_refused_by_the_file_system_is_one_line(seeded_url):
    # /proc exists, yet nobody, not even root, may create a file in it
    result = invoke("--db", seeded_url, "export", "claims", "-o", "/proc/claims.jsonl")
    one_error_line(result, "cannot write /proc/claims.jsonl")


def test_ingest_of_a_url_that_is_not_http_is_one_line_and_the_files_still_go_in(tmp_path):
    # refused before any connection is tried: nothing here reaches the network (fetching: tests/test_fetch.py)
    url = f"sqlite:///{tmp_path / 'x.db'}"
    result = invoke("--db", url, "ingest", "--quiet", "ftp://example.org/a", str(SEEDS))
    assert result.exit_code == 1
    assert "tracker: skipped ftp://example.org/a: only http:// and https:// URLs are fetched" in result.stderr
    assert "2 new documents" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


# ---- mark ----------------------------------------------------------------------------------------------------

@pytest.fixture
def ids(sessions):
    with sessions() as session:
        return build(session)


def verdicts(sessions) -> list[tuple[int, str, str | None]]:
    with sessions() as session:
        return [(v.claim_id, v.status, v.evidence) for v in session.scalars(select(Verdict).order_by(Verdict.id))]


@pytest.mark.parametrize("typed", ["Corroborated", "CORROBORATED", " corroborated "])
def test_mark_takes_a_status_in_any_case(sqlite_url, sessions, ids, typed):
    result = invoke("--db", sqlite_url, "mark", str(ids["votes"]), typed, "--reviewer", "ann")
    assert result.exit_code == 0, result.output
    assert verdicts(sessions)[-1][:2] == (ids["votes"], "corroborated")


def test_mark_suggests_the_status_meant(sqlite_url, sessions, ids):
    before = verdicts(sessions)
    result = invoke("--db", sqlite_url, "mark", str(ids["votes"]), "corroborted")
    one_error_line(result, "unknown status 'corroborted'", "did you mean corroborated?")
    assert verdicts(sessions) == before


@pytest.mark.parametrize("given", ["claim:{}", "claim {}", "#{}", "{}", "Claim:{}"])
def test_mark_takes_evidence_in_the_stored_form_and_the_typed_ones(sqlite_url, sessions, ids, given):
    other = ids["five_days"]
    result = invoke("--db", sqlite_url, "mark", str(ids["four_days"]), "contradicted", "--reviewer", "ann",
                    "--evidence", given.format(other))
    assert result.exit_code == 0, result.output
    assert verdicts(sessions)[-1] == (ids["four_days"], "contradicted", f"claim:{other}")


@pytest.mark.parametrize("given", ["claim:{}", "#{}"])
def test_a_claim_cannot_be_its_own_evidence(sqlite_url, sessions, ids, given):
    before = verdicts(sessions)
    claim = ids["four_days"]
    result = invoke("--db", sqlite_url, "mark", str(claim), "corroborated", "--evidence", given.format(claim))
    one_error_line(result, f"claim {claim} cannot be its own evidence")
    assert verdicts(sessions) == before


@pytest.mark.parametrize("name", ["", "   "])
def test_mark_refuses_an_empty_reviewer(sqlite_url, sessions, ids, name):
    before = verdicts(sessions)
    result = invoke("--db", sqlite_url, "mark", str(ids["votes"]), "corroborated", "--reviewer", name)
    one_error_line(result, "the reviewer's name is empty")
    assert verdicts(sessions) == before


# ---- postgres:// ---------------------------------------------------------------------------------------------

@pytest.mark.postgres
@pytest.mark.parametrize("scheme", ["postgres", "postgresql"])
def test_postgres_urls_without_a_driver_work_as_postgresql(pg_url, scheme):
    url = scheme + pg_url[pg_url.index("://"):]
    assert url.startswith(f"{scheme}://")
    stored = invoke("--db", url, "ingest", "--quiet", str(SEEDS))
    assert stored.exit_code == 0, stored.output
    listed = invoke("--db", url, "claims", "--limit", "5")
    assert listed.exit_code == 0, listed.output
    assert int(listed.stderr.split(" of ")[1].split()[0]) > 0
    current = invoke("--db", url, "db", "current")
    assert "postgresql+psycopg://" in current.stdout

