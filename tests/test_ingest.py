"""Ingest: the seeds, idempotency, and every kind of bad input beside good files."""
from __future__ import annotations

import os
import shutil
from datetime import date

import pytest
from click.testing import CliRunner
from conftest import SEEDS
from sqlalchemy import func, select

from tracker.cli import main
from tracker.db import make_engine, session_factory
from tracker.models import Attribution, Claim, ClaimValue, Document, Outlet, SkippedSpan
from tracker.readers import read_paths
from tracker.services.ingest import ingest

TABLES = (Document, Claim, Attribution, ClaimValue, Outlet, SkippedSpan)


def counts(sessions) -> dict[str, int]:
    with sessions() as s:
        return {m.__tablename__: s.scalar(select(func.count()).select_from(m)) for m in TABLES}


def run(url: str, *args: str):
    return CliRunner().invoke(main, ["--db", url, *args], catch_exceptions=False)


def test_seeds_become_two_documents_with_outlets_and_dates(seeded):
    with seeded() as s:
        docs = {d.name: d for d in s.scalars(select(Document))}
        assert set(docs) == {"000_ac5c500a06c3e345.txt", "004_8a0afc7fede724e1.txt"}
        nbc, bloomberg = docs["000_ac5c500a06c3e345.txt"], docs["004_8a0afc7fede724e1.txt"]
        assert nbc.outlet.name == "NBC News" and nbc.published == date(2022, 9, 20)
        assert bloomberg.outlet.name == "Bloomberg" and bloomberg.published == date(2022, 9, 23)
        assert sorted(s.scalars(select(Outlet.name))) == ["Bloomberg", "NBC News"]
        for path in SEEDS.iterdir():
            assert docs[path.name].text == path.read_bytes().decode("utf-8")
        assert s.scalar(select(func.count(Claim.id))) > 20


def test_every_quote_is_exactly_its_span_of_the_stored_text(seeded):
    with seeded() as s:
        claims = s.scalars(select(Claim)).all()
        assert claims
        for claim in claims:
            text = claim.document.text
            assert claim.quote == text[claim.start:claim.end]
            for value in claim.values:
                assert claim.document.text[value.span_start:value.span_end] == value.text


def test_ingesting_the_same_text_again_changes_nothing(seeded, tmp_path):
    before = counts(seeded)
    copy = tmp_path / "renamed.txt"
    shutil.copy(SEEDS / "000_ac5c500a06c3e345.txt", copy)
    summary = ingest(seeded, read_paths([SEEDS, copy]))
    assert (summary.new, summary.present, summary.failed) == (0, 3, 0)
    assert counts(seeded) == before


def test_outlet_option_overrides_detection_and_is_one_row(sessions, tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(f"Officials said on Monday that {name} was published.\n", encoding="utf-8")
    summary = ingest(sessions, read_paths([tmp_path]), outlet="Example Times")
    assert summary.new == 2
    with sessions() as s:
        assert s.scalars(select(Outlet.name)).all() == ["Example Times"]
        assert {d.outlet.name for d in s.scalars(select(Document))} == {"Example Times"}


@pytest.fixture
def mixed_folder(tmp_path):
    """Two good articles beside every kind of bad input."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS / "000_ac5c500a06c3e345.txt", folder / "good1.txt")
    shutil.copy(SEEDS / "004_8a0afc7fede724e1.txt", folder / "good2.txt")
    (folder / "latin1.txt").write_bytes("The fee was \xa3300 in 2004.".encode("latin-1"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("  \n\t \n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    os.symlink("loop.txt", folder / "loop.txt")
    (tmp_path / "nothing_here").mkdir()
    return folder


def test_bad_inputs_get_one_line_each_and_good_files_are_still_ingested(sqlite_url, mixed_folder, tmp_path):
    missing = tmp_path / "missing.txt"
    result = run(sqlite_url, "ingest", "--quiet", str(mixed_folder), str(missing), str(tmp_path / "nothing_here"))
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("tracker: skipped")]
    reasons = {}
    for line in lines:
        path, reason = line.removeprefix("tracker: skipped ").split(": ", 1)
        reasons[path.rsplit("/", 1)[-1]] = reason
    assert "not valid UTF-8" in reasons["latin1.txt"]
    assert "empty" in reasons["empty.txt"] and "empty" in reasons["blank.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "cannot be read" in reasons["loop.txt"]
    assert "no such file" in reasons["missing.txt"]
    assert "no files ending in .txt" in reasons["nothing_here"]
    assert "Traceback" not in result.output + result.stderr
    assert "2 new documents" in result.stderr and "7 failed" in result.stderr
    sessions = session_factory(make_engine(sqlite_url))
    with sessions() as s:
        assert sorted(s.scalars(select(Document.name))) == ["good1.txt", "good2.txt"]


def test_encoding_option_reads_latin1(sqlite_url, tmp_path):
    (tmp_path / "latin1.txt").write_bytes("The transfer fee was \xa3300,000, officials said.".encode("latin-1"))
    result = run(sqlite_url, "ingest", "--quiet", "--encoding", "latin-1", str(tmp_path / "latin1.txt"))
    assert result.exit_code == 0, result.stderr
    with session_factory(make_engine(sqlite_url))() as s:
        assert "£300,000" in s.scalar(select(Document.text))


def test_a_failing_document_leaves_no_rows_and_nothing_stored_changes(seeded, tmp_path, monkeypatch):
    """One transaction per document: a store that fails half way leaves nothing of that document."""
    import tracker.services.ingest as ingest_module

    before = counts(seeded)
    real_store = ingest_module.store

    def store_then_fail(session, article, extraction, outlet=None):
        real_store(session, article, extraction, outlet)  # rows are flushed, then the document fails
        raise RuntimeError("disk full")

    monkeypatch.setattr(ingest_module, "store", store_then_fail)
    (tmp_path / "new.txt").write_text("The minister said on Monday that 40 schools would close.\n", encoding="utf-8")
    with pytest.raises(RuntimeError):
        ingest(seeded, read_paths([tmp_path]))
    assert counts(seeded) == before


def test_a_failing_document_leaves_no_rows_and_the_documents_before_it_are_stored(sessions, tmp_path, monkeypatch):
    """One transaction per document: the failing one leaves nothing, the ones before it are stored whole."""
    import tracker.services.ingest as ingest_module

    real_store = ingest_module.store

    def store_or_fail(session, article, extraction, outlet=None):
        stored = real_store(session, article, extraction, outlet)
        if article.name == "b.txt":
            raise RuntimeError("disk full")
        return stored

    monkeypatch.setattr(ingest_module, "store", store_or_fail)
    for name, town in (("a", "Leeds"), ("b", "York"), ("c", "Hull")):
        (tmp_path / f"{name}.txt").write_text(f"The minister said on Monday that 40 schools in {town} would close.\n",
                                              encoding="utf-8")
    with pytest.raises(RuntimeError):
        ingest(sessions, read_paths([tmp_path]), workers=1)
    with sessions() as s:
        assert list(s.scalars(select(Document.name))) == ["a.txt"]
        document_id = s.scalar(select(Document.id))
        assert s.scalar(select(func.count()).select_from(Claim)) == s.scalar(
            select(func.count()).select_from(Claim).where(Claim.document_id == document_id)) > 0
