"""The BBC corpus's awkward files, and extraction in worker processes giving exactly what one process gives."""
from __future__ import annotations

import hashlib

import pytest
from click.testing import CliRunner
from conftest import SEEDS, SHARED
from sqlalchemy import func, select

from tracker.cli import main
from tracker.db import make_engine, session_factory, upgrade
from tracker.models import Attribution, Claim, ClaimValue, Document, Entity, Relay, SkippedSpan
from tracker.readers import read_paths
from tracker.services.archive import table_rows
from tracker.services.ingest import ingest

BBC = SHARED / "corpus" / "bbc"
NOT_UTF8 = BBC / "sport" / "199.txt"
DUPLICATE_PAIR = (BBC / "tech" / "169.txt", BBC / "tech" / "233.txt")  # byte-identical in the corpus

# every test here reads ../shared (the BBC corpus)
pytestmark = pytest.mark.shared


def test_the_pair_really_is_a_duplicate_and_199_really_is_not_utf8():
    a, b = (p.read_bytes() for p in DUPLICATE_PAIR)
    assert hashlib.sha256(a).digest() == hashlib.sha256(b).digest()
    raw = NOT_UTF8.read_bytes()
    assert b"\xa3" in raw
    try:
        raw.decode("utf-8")
        raise AssertionError("sport/199.txt decodes as UTF-8")
    except UnicodeDecodeError:
        pass


def test_duplicate_and_non_utf8_files_among_good_ones(sqlite_url):
    files = [*DUPLICATE_PAIR, NOT_UTF8, BBC / "sport" / "198.txt", BBC / "sport" / "200.txt"]
    result = CliRunner().invoke(main, ["--db", sqlite_url, "ingest", "--quiet", *map(str, files)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("tracker: skipped")]
    reason = "not valid UTF-8 (byte 257); use --encoding if you know its encoding"
    assert errors == [f"tracker: skipped {NOT_UTF8}: {reason}"]
    assert "Traceback" not in result.stderr
    assert "3 new documents, 1 already present (duplicate), 1 failed" in result.stderr
    with session_factory(make_engine(sqlite_url))() as s:
        names = sorted(s.scalars(select(Document.name)))
    assert names == ["169.txt", "198.txt", "200.txt"]  # the first of the pair is the one stored


def test_non_utf8_file_with_encoding_is_ingested(sqlite_url):
    result = CliRunner().invoke(main, ["--db", sqlite_url, "ingest", "--quiet", "--encoding", "latin-1", str(NOT_UTF8)])
    assert result.exit_code == 0, result.stderr
    with session_factory(make_engine(sqlite_url))() as s:
        assert "£" in s.scalar(select(Document.text))


def _snapshot(url: str) -> dict[str, list[dict]]:
    """Every row of the extracted tables, without the insert timestamps."""
    engine = make_engine(url)
    with session_factory(engine)() as s:
        tables = [m.__table__ for m in (Document, Claim, Attribution, Relay, ClaimValue, SkippedSpan, Entity)]
        snap = {t.name: [{k: v for k, v in r.items() if k not in ("created_at", "ingested_at")}
                         for r in table_rows(s, t)] for t in tables}
    engine.dispose()
    return snap


def test_worker_processes_store_exactly_what_one_process_stores(tmp_path):
    files = sorted((BBC / "politics").glob("0[0-2]*.txt"))[:30]
    urls = []
    for workers in (1, 2):
        url = f"sqlite:///{tmp_path / f'w{workers}.db'}"
        engine = make_engine(url)
        upgrade(engine)
        summary = ingest(session_factory(engine), read_paths(files), workers=workers)
        assert summary.new == len(files) and summary.failed == 0
        engine.dispose()
        urls.append(url)
    one, two = (_snapshot(u) for u in urls)
    assert one["claims"] and one["attributions"]
    assert one == two


def test_every_quote_and_value_span_is_exact_after_a_pooled_ingest(sessions):
    files = sorted((BBC / "business").glob("*.txt"))[:24]
    summary = ingest(sessions, read_paths(files), workers=2)
    assert summary.new == 24
    with sessions() as s:
        assert s.scalar(select(func.count(Claim.id))) == summary.claims
        for claim in s.scalars(select(Claim)):
            text = claim.document.text
            assert claim.quote == text[claim.start:claim.end]
            assert claim.attribution is not None
            for value in claim.values:
                assert text[value.span_start:value.span_end] == value.text


def test_postgresql_stores_exactly_what_sqlite_stores(sqlite_url, pg_url):
    """The two databases are written by different code (executemany / one statement of CTEs): same rows."""
    files = [*sorted((BBC / "tech").glob("01*.txt"))[:10], SEEDS]
    for url in (sqlite_url, pg_url):
        engine = make_engine(url)
        upgrade(engine)
        summary = ingest(session_factory(engine), read_paths(files), workers=1)
        assert summary.failed == 0 and summary.new == 12
        engine.dispose()
    on_sqlite, on_postgresql = _snapshot(sqlite_url), _snapshot(pg_url)
    # the seeds give relays (via Tass) and caveats, the paths of both writers worth comparing
    assert on_sqlite["relays"] and any(c["caveat_of_id"] for c in on_sqlite["claims"])
    for table in on_sqlite:
        assert on_sqlite[table] == on_postgresql[table], table


def test_an_extractor_error_on_one_article_is_a_failure_line_and_the_rest_go_in(sessions, tmp_path, monkeypatch):
    import tracker.services.extraction_pool as pool

    real = pool.extract

    def extract_or_fail(text, published):
        if "Kilroy" in text:
            raise ValueError("no clause boundary")
        return real(text, published)

    monkeypatch.setattr(pool, "extract", extract_or_fail)
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text("The council said on Monday that 40 schools would close.\n", encoding="utf-8")
    bad.write_text("Kilroy said he was here on Tuesday, aides confirmed.\n", encoding="utf-8")
    summary = ingest(sessions, read_paths([good, bad]), workers=1)
    assert (summary.new, summary.failed) == (1, 1)
    assert summary.failures == [f"{bad}: extraction failed (ValueError: no clause boundary)"]
    with sessions() as s:
        assert s.scalars(select(Document.name)).all() == ["good.txt"]
