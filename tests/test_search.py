"""Full-text search of claims and documents, on SQLite (FTS5) and PostgreSQL (tsvector), and `claims --search`."""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from conftest import SEEDS, SHARED
from sqlalchemy import delete, select

from tracker.cli import main
from tracker.db import make_engine, session_factory, upgrade
from tracker.models import Claim, Document
from tracker.readers import read_paths
from tracker.services.claims import ClaimFilter, count_claims, list_claims
from tracker.services.ingest import ingest
from tracker.services.search import fts5_query, search_documents

BBC = SHARED / "corpus" / "bbc"

# every test here reads ../shared (the BBC corpus)
pytestmark = pytest.mark.shared


@pytest.fixture
def searchable(any_url):
    """The seeds and a few BBC articles, in either database."""
    engine = make_engine(any_url)
    upgrade(engine)
    sessions = session_factory(engine)
    ingest(sessions, read_paths([SEEDS, BBC / "business" / "001.txt", BBC / "sport" / "005.txt"]))
    yield sessions
    engine.dispose()


def quotes_where(sessions, pattern: str) -> set[int]:
    with sessions() as s:
        return {c.id for c in s.scalars(select(Claim)) if re.search(pattern, c.quote, re.I)}


def found(sessions, query: str) -> set[int]:
    with sessions() as s:
        ids = {c.id for c in list_claims(s, ClaimFilter(search=query))}
        assert count_claims(s, ClaimFilter(search=query)) == len(ids)
    return ids


def test_words_are_stemmed(searchable):
    expected = quotes_where(searchable, r"\breferendums?\b")
    assert expected
    assert found(searchable, "referendums") == expected
    assert found(searchable, "Referendum") == expected


def test_all_words_must_match(searchable):
    both = quotes_where(searchable, r"\breferendums?\b") & quotes_where(searchable, r"\bZaporizhzhia\b")
    assert found(searchable, "referendum zaporizhzhia") == both


def test_phrase_and_exclusion(searchable):
    phrase = found(searchable, '"four days"')
    assert phrase and phrase == quotes_where(searchable, r"\bfour days\b")
    without = found(searchable, "referendum -zaporizhzhia")
    assert without == quotes_where(searchable, r"\breferendums?\b") - quotes_where(searchable, r"\bZaporizhzhia\b")


def test_either_word(searchable):
    either = found(searchable, "zaporizhzhia or tass")
    assert either == quotes_where(searchable, r"\bZaporizhzhia\b") | quotes_where(searchable, r"\bTass\b")


def test_operators_in_input_are_words_not_syntax(searchable):
    assert found(searchable, 'referendum NEAR( "') <= quotes_where(searchable, r"\breferendums?\b")
    assert found(searchable, "***") == set()


def test_search_combines_with_other_filters(searchable):
    with searchable() as s:
        nbc = list_claims(s, ClaimFilter(search="referendum", outlet="NBC"))
    assert nbc and all(c.document.outlet.name == "NBC News" for c in nbc)
    assert {c.id for c in nbc} < found(searchable, "referendum")


def test_documents_search_ranks_the_matching_documents(searchable):
    with searchable() as s:
        hits = search_documents(s, "referendum")
        assert {name for _id, name, _title in hits} == {"000_ac5c500a06c3e345.txt", "004_8a0afc7fede724e1.txt"}
        assert search_documents(s, "zzzunheardofword") == []


def test_index_follows_deleted_rows(searchable):
    before = found(searchable, "referendum")
    with searchable() as s, s.begin():
        doc_id = s.scalar(select(Document.id).where(Document.name == "004_8a0afc7fede724e1.txt"))
        s.execute(delete(Claim).where(Claim.document_id == doc_id))
    after = found(searchable, "referendum")
    assert after and after < before


def test_fts5_query_quotes_every_word():
    assert fts5_query('oil "world cup" -opec') == '"oil" "world cup" NOT "opec"'
    assert fts5_query("-only -negative") is None
    assert fts5_query("NEAR(") == '"NEAR"'
    assert fts5_query("AND(") is None  # a stop word alone: nothing to look for
    assert fts5_query("oil or gas -opec") == '"oil" OR "gas" NOT "opec"'


def test_claims_command_search(sqlite_url):
    CliRunner().invoke(main, ["--db", sqlite_url, "ingest", "--quiet", str(SEEDS)])
    result = CliRunner().invoke(main, ["--db", sqlite_url, "claims", "--search", '"four days"'])
    assert result.exit_code == 0, result.stderr
    assert "of 1 claims" in result.stderr and "four days" in result.stdout


def test_sqlite_search_uses_the_full_text_index(tmp_path):
    """The count and list queries look claims up by the index's rowids: no "= 1" after the IN, which would make
    SQLite scan every claim."""
    from sqlalchemy import func

    from tracker.services.search import QuoteMatches

    engine = make_engine(f"sqlite:///{tmp_path / 't.db'}")
    upgrade(engine)
    stmt = select(func.count(Claim.id)).where(QuoteMatches("ferry"))
    sql = str(stmt.compile(engine))
    assert "= 1" not in sql
    with engine.connect() as conn:
        plan = " ".join(str(row[-1]) for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", ("ferry",)))
    assert not re.search(r"SCAN claims(?!_fts)", plan), plan
    assert "SEARCH claims USING INTEGER PRIMARY KEY" in plan, plan
    engine.dispose()
