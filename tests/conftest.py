"""Shared fixtures: real SQLite files, a scratch PostgreSQL database, the seeds ingested."""
from __future__ import annotations

import os
import socket
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tracker.db import make_engine, session_factory, upgrade

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def require_shared(*parts: str) -> Path:
    """A path under ``../shared`` (gold, corpus). On a clone with nothing beside it the test, or the module when
    called at import, skips and says why; under CI=true, where shared/ is laid beside the clone, it fails."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        message = f"{path} is not present: this test needs the shared/ folder beside the clone"
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message, allow_module_level=True)
    return path


def pytest_runtest_setup(item):
    """A test marked ``shared`` reads ../shared (the gold, the BBC corpus): without it, it skips and says why."""
    if item.get_closest_marker("shared") is not None:
        require_shared()


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path_factory, monkeypatch):
    """No test touches the user's real database or settings."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg")))
    monkeypatch.delenv("TRACKER_DATABASE_URL", raising=False)


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'tracker.db'}"


def _pg_admin_url() -> str:
    return os.environ.get("TRACKER_TEST_POSTGRES_URL", DEFAULT_PG)


@pytest.fixture
def pg_url() -> str:
    """A fresh PostgreSQL database of this test's own, dropped afterwards.

    Under CI=true an unreachable server fails the test; elsewhere it skips with the reason.
    """
    admin_url = make_url(_pg_admin_url())
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001 - any failure to connect means "unreachable" here
        admin.dispose()
        where = admin_url.render_as_string(hide_password=True)
        message = f"PostgreSQL at {where} unreachable: {exc.__class__.__name__}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    name = f"tracker_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_url(request) -> str:
    """Each test using this runs once on SQLite and once on PostgreSQL."""
    return request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url")


@pytest.fixture
def engine(sqlite_url):
    eng = make_engine(sqlite_url)
    upgrade(eng)
    yield eng
    eng.dispose()


@pytest.fixture
def sessions(engine):
    return session_factory(engine)


@pytest.fixture
def seeded(sessions):
    """The two seed articles ingested into a fresh SQLite database; returns the session factory."""
    from tracker.readers import read_paths
    from tracker.services.ingest import ingest

    summary = ingest(sessions, read_paths([SEEDS]))
    assert summary.new == 2 and summary.failed == 0
    return sessions


@pytest.fixture
def only_this_machine(monkeypatch):
    """Nothing reaches another address: other host names fail to resolve, and no proxy is used (the fetch and
    feed tests talk to a local HTTP server only)."""
    real = socket.getaddrinfo

    def resolve(host, *args, **kwargs):
        if host not in ("127.0.0.1", "localhost", b"127.0.0.1", b"localhost"):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real("127.0.0.1", *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
