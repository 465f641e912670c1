"""Property tests (issue 15): random bytes, JSON Lines and CSV fed to ingest, random archives fed to import. Whatever
comes in, ingest reports each input as new, present or failed and never raises; every stored claim's quote is its
document's text between its offsets; import stores a whole archive or nothing and raises only ArchiveError."""
from __future__ import annotations

import csv
import io
import json
import os
import uuid
from pathlib import Path

import pytest
from conftest import _pg_admin_url
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from tracker.db import make_engine, session_factory, upgrade
from tracker.models import Claim, Document
from tracker.readers import read_paths
from tracker.services.archive import ArchiveError, import_archive
from tracker.services.ingest import ingest

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

WORDS = st.sampled_from(["The", "mayor", "said", "12", "people", "[/bold]", "\x1b[2J", "\u0000", "\ud800", "=1+1",
                         "naïve", "\x0c", "\x1c", '"', ",", "\n", "1" * 400, "per cent", "on Monday", "{", "}"])
TEXT = st.lists(WORDS, max_size=30).map(" ".join) | st.text(max_size=300)


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def sessions(request, tmp_path_factory):
    """One database per engine for the whole module (hypothesis runs many examples against it)."""
    if request.param == "sqlite":
        yield from _sessions(f"sqlite:///{tmp_path_factory.mktemp('props') / 'tracker.db'}")
        return
    admin_url = make_url(_pg_admin_url())
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001 - unreachable, as conftest's pg_url says
        admin.dispose()
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL unreachable: {exc.__class__.__name__}")
        pytest.skip(f"PostgreSQL unreachable: {exc.__class__.__name__}")
    name = f"tracker_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield from _sessions(admin_url.set(database=name).render_as_string(hide_password=False))
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _sessions(url: str):
    engine = make_engine(url)
    upgrade(engine)
    yield session_factory(engine)
    engine.dispose()


def ingest_file(sessions, folder: Path, name: str, content: bytes) -> None:
    path = folder / f"{uuid.uuid4().hex}-{name}"
    path.write_bytes(content)
    items = list(read_paths([path]))
    summary = ingest(sessions, items, workers=1)
    assert summary.new + summary.present + summary.failed >= 1
    with sessions() as session:
        for quote, start, end, text in session.execute(
                select(Claim.quote, Claim.start, Claim.end, Document.text).join(Document)):
            assert quote == text[start:end]


@SETTINGS
@given(content=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".jsonl", ".csv", ".html"]))
def test_random_bytes_never_break_ingest(sessions, tmp_path, content, suffix):
    ingest_file(sessions, tmp_path, "random" + suffix, content)


ROW = st.dictionaries(st.sampled_from(["text", "title", "outlet", "url", "date", "other"]),
                      TEXT | st.integers() | st.none() | st.floats(), max_size=5)


@SETTINGS
@given(rows=st.lists(ROW | st.just([]) | st.integers(), max_size=5))
def test_random_json_lines_never_break_ingest(sessions, tmp_path, rows):
    body = "".join(json.dumps(r) + "\n" for r in rows)
    ingest_file(sessions, tmp_path, "rows.jsonl", body.encode("utf-8", "surrogatepass"))


@SETTINGS
@given(header=st.lists(st.sampled_from(["text", "title", "outlet", "date", "x"]), min_size=1, max_size=4),
       rows=st.lists(st.lists(TEXT, max_size=4), max_size=5), raw=st.booleans())
def test_random_csv_never_breaks_ingest(sessions, tmp_path, header, rows, raw):
    out = io.StringIO()
    if raw:  # fields joined by hand: quotes left open, separators where they please
        out.write(",".join(header) + "\n" + "\n".join(",".join(r) for r in rows))
    else:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)
    ingest_file(sessions, tmp_path, "rows.csv", out.getvalue().encode("utf-8", "surrogatepass"))


VALUE = st.none() | st.integers(min_value=-2**70, max_value=2**70) | TEXT | st.floats() | st.booleans()
RECORD = st.fixed_dictionaries({"table": st.sampled_from(["documents", "claims", "outlets", "nowhere"]),
                                "row": st.dictionaries(st.sampled_from(["id", "text", "quote", "start", "end",
                                                                        "document_id", "caveat_of_id", "name"]),
                                                       VALUE, max_size=6)}) | st.just([1]) | st.integers()


@SETTINGS
@given(records=st.lists(RECORD, max_size=5), header_ok=st.booleans(), end=st.booleans())
def test_random_archives_are_imported_whole_or_refused(tmp_path, records, header_ok, end):
    from tracker.db import head_revision

    engine = make_engine(f"sqlite:///{tmp_path / uuid.uuid4().hex}.db")
    upgrade(engine)
    header = {"format": "tracker-archive", "version": 1, "schema": head_revision()} if header_ok else {"x": 1}
    lines = [json.dumps(header)] + [json.dumps(r) for r in records]
    if end:
        lines.append(json.dumps({"end": True, "counts": {}}))
    sessions = session_factory(engine)
    with sessions() as session:
        try:
            import_archive(session, io.StringIO("\n".join(lines) + "\n"))
        except ArchiveError:
            with sessions() as check:
                assert check.scalar(select(func.count()).select_from(Document)) == 0
    engine.dispose()
