"""Hostile and broken input (issue 15), each case on SQLite and on PostgreSQL: a bad file or row is one line, a good
file beside it still lands, nothing is half stored, nothing prints a traceback, and stored text is shown literally.
Every sentence here is invented."""
from __future__ import annotations

import csv
import io
import json
import math
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from tracker.cli import main
from tracker.db import make_engine, session_factory, upgrade
from tracker.extract import Extraction
from tracker.extract.drafts import AttributionDraft, ClaimDraft, SpeakerDraft, ValueDraft
from tracker.models import Claim, ClaimValue, Document, Verdict
from tracker.readers import Article
from tracker.services.row_cache import cache_of
from tracker.services.store import store

GOOD = "The harbour board said 14 boats were stranded at the quay on Tuesday.\n"
GOOD_ROW = {"text": "The mill owner said 30 workers had been sent home early.", "title": "Mill"}

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def cli(*args: str, env: dict[str, str] | None = None):
    """Run the command; an exception escaping it fails the test (no traceback may reach the user)."""
    return CliRunner().invoke(main, list(args), catch_exceptions=False, env=env)


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("tracker: skipped")
            or line.startswith("tracker: error")]


def stored(url: str, what=Document) -> int:
    engine = make_engine(url)
    try:
        upgrade(engine)
        with session_factory(engine)() as session:
            return session.scalar(select(func.count()).select_from(what))
    finally:
        engine.dispose()


def jsonl(*rows: object) -> bytes:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows).encode()


# ---- ingest: one bad file or row beside a good one -------------------------------------------------------------

BAD_INPUTS = [
    pytest.param("nul.jsonl", jsonl({"text": "The mayor said 3 bridges\u0000 were closed."}, GOOD_ROW), id="nul-byte"),
    pytest.param("outlet.jsonl", jsonl({"text": "The clerk said 4 votes were lost.", "outlet": "O" * 301}, GOOD_ROW),
                 id="outlet-over-300"),
    pytest.param("title.jsonl", jsonl({"text": "The clerk said 5 votes were lost.", "title": "T" * 1001}, GOOD_ROW),
                 id="title-over-1000"),
    pytest.param("url.jsonl", jsonl({"text": "The clerk said 6 votes were lost.",
                                     "url": "http://example.org/" + "u" * 2000}, GOOD_ROW), id="url-over-2000"),
    pytest.param("surrogate.jsonl", jsonl('{"text": "The clerk said \\ud800 7 votes were lost."}', GOOD_ROW),
                 id="lone-surrogate"),
    pytest.param("deep.jsonl", jsonl("[" * 100_000 + "]" * 100_000, GOOD_ROW), id="nested-100000-deep"),
    pytest.param("open.csv", b'text,title\n"The ferry company said 8 crossings were cancelled.",ok\n'
                             b'"An unterminated quote about 9 crossings,bad\nand,the rest\n', id="csv-open-quote"),
    pytest.param("notobject.jsonl", jsonl("[1, 2, 3]", GOOD_ROW), id="jsonl-not-an-object"),
]


@pytest.mark.parametrize(("name", "content"), BAD_INPUTS)
def test_a_bad_row_is_one_line_and_the_good_ones_land(any_url, tmp_path, name, content):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_bytes(content)
    (folder / "good.txt").write_text(GOOD)
    result = cli("--db", any_url, "ingest", "--quiet", str(folder))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = error_lines(result)
    assert len(lines) == 1, lines
    assert name in lines[0]
    # the good file, and the good row of the same file, are stored; nothing of the bad one
    assert stored(any_url) == 2
    assert "1 failed" in result.output


def test_a_document_over_the_size_limit_is_refused_before_it_is_read(any_url, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "big.txt").write_text("The board said 10 ships waited. " * 100)
    (folder / "good.txt").write_text(GOOD)
    result = cli("--db", any_url, "ingest", "--quiet", str(folder), env={"TRACKER_MAX_DOCUMENT_BYTES": "1000"})
    lines = error_lines(result)
    assert len(lines) == 1 and "big.txt" in lines[0] and "TRACKER_MAX_DOCUMENT_BYTES" in lines[0]
    assert stored(any_url) == 1


def test_a_text_too_large_to_index_is_refused_on_both_engines(any_url, tmp_path):
    words = [f"w{i:06d}x" for i in range(60_000)]  # distinct words: a full-text vector over the limit
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "many.txt").write_text("The council said 11 " + " ".join(words) + ".\n")
    (folder / "good.txt").write_text(GOOD)
    result = cli("--db", any_url, "ingest", "--quiet", str(folder))
    lines = error_lines(result)
    assert len(lines) == 1 and "many.txt" in lines[0] and "full-text" in lines[0]
    assert stored(any_url) == 1


def test_csv_form_feed_and_separator_characters_stay_inside_their_row(any_url, tmp_path):
    path = tmp_path / "rows.csv"
    path.write_bytes(b"text,title\nThe port said 12 cranes\x0cstood idle,a\nThe port said 13\x1c cranes moved,b\n")
    result = cli("--db", any_url, "ingest", "--quiet", str(path))
    assert result.exit_code == 0, result.output
    engine = make_engine(any_url)
    with session_factory(engine)() as session:
        texts = sorted(session.scalars(select(Document.text)))
    engine.dispose()
    assert texts == ["The port said 12 cranes\x0cstood idle", "The port said 13\x1c cranes moved"]


def test_utf16_is_read_when_named(any_url, tmp_path):
    (tmp_path / "wide.txt").write_bytes(GOOD.encode("utf-16"))
    rows = tmp_path / "wide.jsonl"
    rows.write_bytes(jsonl(GOOD_ROW).decode().encode("utf-16"))
    result = cli("--db", any_url, "ingest", "--quiet", "--encoding", "utf-16", str(tmp_path / "wide.txt"), str(rows))
    assert result.exit_code == 0, result.output
    engine = make_engine(any_url)
    with session_factory(engine)() as session:
        assert sorted(session.scalars(select(Document.text))) == sorted([GOOD, GOOD_ROW["text"]])
    engine.dispose()


def test_a_fifo_is_refused_without_being_opened(any_url, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "good.txt").write_text(GOOD)
    result = cli("--db", any_url, "ingest", "--quiet", str(folder), str(folder / "pipe.txt"))
    lines = error_lines(result)
    assert len(lines) == 2 and all("pipe.txt" in line and "not a regular file" in line for line in lines)
    assert stored(any_url) == 1


@pytest.mark.skipif(IS_ROOT, reason="root reads files whatever their permissions")
def test_unreadable_file_and_folder_are_one_line_each(any_url, tmp_path):
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "locked" / "hidden.txt").write_text(GOOD)
    (folder / "good.txt").write_text(GOOD)
    secret = tmp_path / "secret.txt"
    secret.write_text("The clerk said 15 ballots were missing.\n")
    secret.chmod(0)
    (folder / "locked").chmod(0)
    try:
        result = cli("--db", any_url, "ingest", "--quiet", str(secret), str(folder))
    finally:
        (folder / "locked").chmod(0o755)
    lines = error_lines(result)
    assert len(lines) == 2 and any("secret.txt" in x for x in lines) and any("locked" in x for x in lines)
    assert stored(any_url) == 1


def test_a_missing_path_argument_does_not_stop_the_rest(any_url, tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    result = cli("--db", any_url, "ingest", "--quiet", str(tmp_path / "nowhere.txt"), str(tmp_path / "good.txt"))
    assert len(error_lines(result)) == 1 and stored(any_url) == 1


# ---- values that do not fit ------------------------------------------------------------------------------------

def test_a_600_digit_number_is_never_stored_and_exports_stay_json(any_url, tmp_path):
    (tmp_path / "huge.txt").write_text(f"The agency said {'9' * 600} people had applied by Monday.\n")
    (tmp_path / "good.txt").write_text(GOOD)
    assert cli("--db", any_url, "ingest", "--quiet", str(tmp_path)).exit_code == 0
    engine = make_engine(any_url)
    with session_factory(engine)() as session:
        numbers = [n for row in session.execute(select(ClaimValue.number, ClaimValue.low, ClaimValue.high))
                   for n in row if n is not None]
    engine.dispose()
    assert all(math.isfinite(n) for n in numbers)
    for args in (("export", "claims"), ("report", "--format", "json"), ("audit", "--format", "json"),
                 ("export", "all"), ("export", "claimreview"), ("export", "prov")):
        out = tmp_path / f"{args[0]}-{args[-1]}.out"
        result = cli("--db", any_url, *args, "-o", str(out))
        assert result.exit_code == 0, result.output
        text = out.read_text()
        if args[1] in ("claims", "all"):
            for line in text.splitlines():
                json.loads(line, parse_constant=_no_constant)
        else:
            json.loads(text, parse_constant=_no_constant)


def _no_constant(name: str):
    raise AssertionError(f"{name} is not JSON")


def test_extracted_parts_too_long_for_a_column_are_left_out_on_both_engines(any_url):
    engine = make_engine(any_url)
    upgrade(engine)
    sessions = session_factory(engine)
    text = "Someone said 16 widgets were made."
    values = (ValueDraft("quantity", "16 widgets", 13, 23, number=16.0, unit="w" * 51),
              ValueDraft("quantity", "16", 13, 15, number=float("inf")),
              ValueDraft("quantity", "16", 13, 15, number=16.0, unit="widgets"))
    att = AttributionDraft(speaker=SpeakerDraft("S" * 301), cue="c" * 101, mode="indirect", descriptor="d" * 501,
                           via=(SpeakerDraft("R" * 301),))
    draft = ClaimDraft(0, len(text), "quantity", check_worthiness=float("nan"), attribution=att, values=values,
                       reason={"score": float("inf")})
    with sessions() as session:
        with session.begin():
            store(session, Article(text=text, name="t.txt", origin="t.txt"), Extraction([draft]))
        cache_of(session).committed()
        claim = session.scalars(select(Claim)).one()
        assert [(v.text, v.unit) for v in claim.values] == [("16", "widgets")]
        assert claim.attribution.speaker is None and claim.attribution.cue is None
        assert claim.attribution.descriptor is None and claim.attribution.relays == []
        assert claim.check_worthiness == 0.5 and claim.reason == {"score": None}
        assert claim.quote == text
    engine.dispose()


# ---- numbers past 2^63 and names too long at the command line --------------------------------------------------

@pytest.mark.parametrize("args", [
    ("show", "12345678901234567890"),
    ("mark", "12345678901234567890", "corroborated"),
    ("show", "0"),
])
def test_an_id_past_2_63_is_one_line(any_url, args):
    result = cli("--db", any_url, *args)
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [f"tracker: error: no claim with id {args[1]}"]


def test_evidence_naming_a_claim_past_2_63_is_one_line(any_url, tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    cli("--db", any_url, "ingest", "--quiet", str(tmp_path))
    result = cli("--db", any_url, "mark", "1", "corroborated", "--evidence", "claim 123456789012345678901")
    assert result.exit_code == 1 and error_lines(result) == [
        "tracker: error: evidence names claim 123456789012345678901, which does not exist"]
    assert stored(any_url, Verdict) == 0


def test_a_limit_past_2_63_lists_what_there_is(any_url, tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    cli("--db", any_url, "ingest", "--quiet", str(tmp_path))
    result = cli("--db", any_url, "claims", "--limit", "12345678901234567890", "--offset", "98765432109876543210")
    assert result.exit_code == 0 and "none of 1 claims" in result.stderr


def test_a_reviewer_name_over_200_characters_is_one_line_and_nothing_is_stored(any_url, tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    cli("--db", any_url, "ingest", "--quiet", str(tmp_path))
    result = cli("--db", any_url, "mark", "1", "corroborated", "--reviewer", "r" * 201)
    assert result.exit_code == 1 and len(result.stderr.strip().splitlines()) == 1
    assert "over the limit of 200" in result.stderr
    assert stored(any_url, Verdict) == 0
    assert cli("--db", any_url, "mark", "1", "corroborated", "--reviewer", "r" * 200).exit_code == 0


# ---- stored text shown literally ------------------------------------------------------------------------------

HOSTILE = ("The inspector said [/bold] 17 people [link=http://evil.example]Smith[/link] had been \x1b[2J warned "
           "\x1b]8;;http://evil.example\x1b\\\\here\x1b]8;;\x1b\\\\ by Friday.")
HOSTILE_OUTLET = "=[red]Daily[/]|' /C calc'!A0"


@pytest.fixture
def hostile_db(any_url, tmp_path) -> str:
    rows = tmp_path / "hostile.jsonl"
    rows.write_bytes(jsonl({"text": HOSTILE, "outlet": HOSTILE_OUTLET, "title": "[/] title"},
                           {"text": "The inspector said 17 people had been warned by Friday.", "outlet": "+Other"}))
    assert cli("--db", any_url, "ingest", "--quiet", str(rows)).exit_code == 0
    cli("--db", any_url, "mark", "1", "contradicted", "--reviewer", "[/]reviewer", "--note", "=1+1 [b]note")
    return any_url


@pytest.mark.parametrize("args", [
    ("claims",), ("claims", "--search", "inspector"), ("show", "1"), ("audit",), ("report",),
])
def test_stored_text_is_shown_literally(hostile_db, args):
    result = cli("--db", hostile_db, *args, env={"COLUMNS": "1000"})  # wide enough that no cell wraps
    assert result.exit_code == 0, result.output
    out = result.stdout.replace("\\", "")  # the Markdown report escapes brackets
    assert "\x1b" not in out and "\x07" not in out
    if args[0] != "audit":  # the audit lists outlets and speakers, and clusters of linked claims only
        assert "[/bold] 17 people [link=http://evil.example]Smith[/link]" in out
    assert "=[red]Daily[/]" in out


def test_the_review_ui_opens_on_hostile_text(hostile_db):
    import asyncio

    from tracker.tui import build_app

    engine = make_engine(hostile_db)
    app = build_app(session_factory(engine), reviewer="[/]r")

    async def walk() -> None:
        async with app.run_test(size=(160, 48)) as pilot:
            await pilot.pause(0.5)
            for key in ("down", "up", "down"):
                await pilot.press(key)
                await pilot.pause(0.2)

    asyncio.run(walk())
    engine.dispose()


@pytest.mark.parametrize("args", [("export", "claims", "--format", "csv"), ("report", "--format", "csv"),
                                  ("audit", "--format", "csv")])
def test_csv_cells_that_start_like_a_formula_are_neutralised(hostile_db, tmp_path, args):
    out = tmp_path / "out.csv"
    assert cli("--db", hostile_db, *args, "-o", str(out)).exit_code == 0
    cells = [cell for row in csv.reader(io.StringIO(out.read_text())) for cell in row]
    assert cells and not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert f"'{HOSTILE_OUTLET}" in cells and "'+Other" in cells


# ---- import refuses broken archives ---------------------------------------------------------------------------

@pytest.fixture
def archive_lines(tmp_path) -> list[str]:
    sqlite_url = f"sqlite:///{tmp_path / 'source.db'}"
    (tmp_path / "good.txt").write_text(GOOD)
    cli("--db", sqlite_url, "ingest", "--quiet", str(tmp_path / "good.txt"))
    out = tmp_path / "archive.jsonl"
    assert cli("--db", sqlite_url, "export", "all", "-o", str(out)).exit_code == 0
    return out.read_text().splitlines()


def _claim_line(lines: list[str]) -> int:
    return next(i for i, line in enumerate(lines) if json.loads(line).get("table") == "claims")


def _break(lines: list[str], how: str) -> list[str]:
    lines = list(lines)
    i = _claim_line(lines)
    record = json.loads(lines[i])
    row = record["row"]
    if how == "not-an-object":
        lines.insert(i, "[1, 2]")
        return lines
    if how == "schema":
        header = json.loads(lines[0])
        header["schema"] = "9999_nowhere"
        lines[0] = json.dumps(header)
        return lines
    if how == "id-past-2-63":
        row["id"] = 2**64
    elif how == "offset-past-2-63":
        row["end"] = 2**63
    elif how == "quote":
        row["quote"] = row["quote"].upper()
    elif how == "span":
        row["start"], row["end"] = 0, len(GOOD) + 5
    elif how == "caveat-of-itself":
        row["caveat_of_id"] = row["id"]
    lines[i] = json.dumps(record)
    return lines


@pytest.mark.parametrize("how", ["not-an-object", "schema", "id-past-2-63", "offset-past-2-63", "quote", "span",
                                 "caveat-of-itself"])
def test_a_broken_archive_is_refused_in_one_line(any_url, tmp_path, archive_lines, how):
    path = tmp_path / "broken.jsonl"
    path.write_text("\n".join(_break(archive_lines, how)) + "\n")
    result = cli("--db", any_url, "import", str(path))
    assert result.exit_code == 1, result.output
    assert len(error_lines(result)) == 1 and "Traceback" not in result.output
    assert stored(any_url) == 0 and stored(any_url, Claim) == 0


def test_the_unbroken_archive_imports(any_url, tmp_path, archive_lines):
    path = tmp_path / "archive.jsonl"
    path.write_text("\n".join(archive_lines) + "\n")
    assert cli("--db", any_url, "import", str(path)).exit_code == 0
    assert stored(any_url) == 1



def test_a_unit_word_over_50_characters_is_left_out_and_the_claim_kept(any_url, tmp_path):
    unit = "ferryboatswithextraordinarilylongnamesthatnobodyeverwrites"
    (tmp_path / "unit.txt").write_text(f"The council said 12 {unit} came into the harbour.\n")
    result = cli("--db", any_url, "ingest", "--quiet", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert stored(any_url, Claim) == 1
    engine = make_engine(any_url)
    with session_factory(engine)() as session:
        assert all(len(u) <= 50 for u in session.scalars(select(ClaimValue.unit)) if u)
    engine.dispose()


# ---- a failed migration step leaves the database as it was ----------------------------------------------------

FAILING_STEP = '''"""a step that makes a table, then fails

Revision ID: 9999
Revises: {head}
"""
from alembic import op
import sqlalchemy as sa

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
    op.execute("INSERT INTO half_done (id) VALUES (1)")
    op.execute("INSERT INTO no_such_table (id) VALUES (1)")


def downgrade() -> None:
    op.drop_table("half_done")
'''


def test_a_failing_migration_step_leaves_nothing_behind(any_url, tmp_path):
    import shutil

    from alembic import command
    from alembic.config import Config
    from sqlalchemy import inspect

    from tracker.db import current_revision, head_revision, migrations_dir

    engine = make_engine(any_url)
    upgrade(engine)
    scripts = tmp_path / "migrations"
    shutil.copytree(migrations_dir(), scripts)
    (scripts / "versions" / "9999_failing.py").write_text(FAILING_STEP.format(head=head_revision()))
    cfg = Config()
    cfg.set_main_option("script_location", str(scripts))
    cfg.attributes["engine"] = engine
    with pytest.raises(Exception, match="no_such_table"):
        command.upgrade(cfg, "9999")
    assert "half_done" not in inspect(engine).get_table_names()
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_a_downgrade_that_fails_on_an_undo_verdict_undoes_its_own_step(any_url, tmp_path):
    from alembic import command
    from sqlalchemy import inspect

    from tracker.db import alembic_config, current_revision
    from tracker.services.review import record_verdict, undo_last

    (tmp_path / "good.txt").write_text(GOOD)
    cli("--db", any_url, "ingest", "--quiet", str(tmp_path / "good.txt"))
    engine = make_engine(any_url)
    with session_factory(engine)() as session:
        record_verdict(session, 1, "corroborated", reviewer="r")
        undo_last(session, 1, reviewer="r")
    try:
        command.downgrade(alembic_config(engine), "base")
    except Exception:  # noqa: BLE001 - SQLite refuses to drop verdicts that an undo points to
        revision = current_revision(engine)
        tables = set(inspect(engine).get_table_names())
        # whatever step failed is undone whole: the revision names it and its tables are all there (the initial
        # schema's, when the last step fails; later steps' tables went with their own, completed steps)
        assert revision == "0001"
        assert {"outlets", "documents", "claims", "attributions", "verdicts", "claim_links"} <= tables
        with session_factory(engine)() as session:
            assert session.scalar(select(func.count()).select_from(Verdict)) == 2
    else:
        assert current_revision(engine) is None and "verdicts" not in inspect(engine).get_table_names()
    engine.dispose()


# ---- search means the same on both engines --------------------------------------------------------------------

SEARCH_ROWS = {
    "profit": "The baker said profit rose by 5 per cent in March.",
    "loss": "The baker said a loss of 3 stalls was expected in April.",
    "warning": "The grocer issued a profit warning after 4 shops closed.",
    "naive": "The critic said 6 plans were naive about the weather.",
    "naïve": "The critic said 7 plans were naïve about the tides.",
    "umlaut": "The club said 8 members voted for Ö as their emblem.",
    "andnot": "The mayor said 9 roads and bridges were not ready.",
}

SEARCHES = [
    ("-profit", set()),                              # exclusions alone name nothing to look for
    ("AND", set()),                                  # a stop word alone: nothing
    ("NOT", set()),
    ("profit AND", {"profit", "warning"}),           # stop words are passed over
    ("profit -warning", {"profit"}),
    ('"profit warning"', {"warning"}),
    ("profit or loss", {"profit", "loss", "warning"}),
    ("naïve", {"naïve"}),                            # accents matter
    ("naive", {"naive"}),
    ("Ö", {"umlaut"}),
    ("bridges", {"andnot"}),                         # stemmed: bridge / bridges
    ("said -baker -critic -grocer -club", {"andnot"}),
]


@pytest.fixture
def search_db(any_url, tmp_path) -> str:
    rows = tmp_path / "search.jsonl"
    rows.write_bytes(jsonl(*({"text": text} for text in SEARCH_ROWS.values())))
    assert cli("--db", any_url, "ingest", "--quiet", str(rows)).exit_code == 0
    return any_url


def test_searches_find_the_same_on_both_engines(search_db):
    from tracker.services.claims import ClaimFilter, list_claims
    from tracker.services.search import search_documents

    engine = make_engine(search_db)
    by_text = {text: key for key, text in SEARCH_ROWS.items()}
    with session_factory(engine)() as session:
        for query, expected in SEARCHES:
            claims = list_claims(session, ClaimFilter(search=query), limit=100, offset=0)
            found = {key for c in claims for text, key in by_text.items() if c.quote in text}
            assert found == expected, query
            documents = {by_text[session.get(Document, i).text] for i, _n, _t in search_documents(session, query)}
            assert documents == expected, query
    engine.dispose()


@pytest.mark.postgres
def test_the_stop_words_are_postgresqls(pg_url):
    from tracker.services.search_words import STOP_WORDS

    engine = make_engine(pg_url)
    with engine.connect() as conn:
        kept = {w for w in STOP_WORDS
                if conn.exec_driver_sql("SELECT to_tsvector('english', %s) <> ''::tsvector", (w,)).scalar()}
        dropped = conn.exec_driver_sql("SELECT to_tsvector('english', 'profit harbour naïve')").scalar()
    engine.dispose()
    assert kept == set() and dropped.count("'") == 6


def test_an_html_page_whose_metadata_is_too_long_is_one_line(any_url, tmp_path):
    title = "T" * 1200
    (tmp_path / "page.html").write_text(
        f"<html><head><title>{title}</title><meta property='og:title' content='{title}'></head><body><article>"
        "<p>The harbour master said 18 vessels were waiting outside the breakwater on Sunday morning.</p>"
        "<p>She said the pilots had worked through the night to bring 6 of them in safely.</p>"
        "</article></body></html>")
    (tmp_path / "good.txt").write_text(GOOD)
    result = cli("--db", any_url, "ingest", "--quiet", str(tmp_path))
    lines = error_lines(result)
    assert len(lines) == 1 and "page.html" in lines[0] and "title" in lines[0]
    assert stored(any_url) == 1


def test_an_outlet_option_over_300_characters_is_one_line(any_url, tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    result = cli("--db", any_url, "ingest", "--quiet", "--outlet", "O" * 301, str(tmp_path))
    assert result.exit_code == 1 and error_lines(result) == ["tracker: error: --outlet must be 1 to 300 characters "
                                                             "without NUL"]
    assert cli("--db", any_url, "ingest", "--quiet", "--outlet", "O" * 300, str(tmp_path)).exit_code == 0


def test_unreadable_paths_are_one_line_each_even_as_root(any_url, tmp_path, monkeypatch):
    """The same as above, with the permission errors made by hand, so it runs where tests run as root."""
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "locked" / "hidden.txt").write_text(GOOD)
    (folder / "good.txt").write_text(GOOD)
    secret = tmp_path / "secret.txt"
    secret.write_text("The clerk said 15 ballots were missing.\n")
    real_scandir, real_read_bytes = os.scandir, Path.read_bytes

    def scandir(path=".", *args):
        if str(path) == str(folder / "locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path, *args)

    def read_bytes(self):
        if self == secret:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = cli("--db", any_url, "ingest", "--quiet", str(secret), str(folder))
    lines = error_lines(result)
    assert len(lines) == 2, lines
    assert "secret.txt: cannot be read" in lines[0] and "locked: folder cannot be read" in lines[1]
    assert stored(any_url) == 1


def test_an_error_line_quoting_hostile_input_is_one_line_without_escapes(any_url, tmp_path):
    rows = tmp_path / "rows.jsonl"
    rows.write_bytes(jsonl({"text": "The clerk said 19 forms were lost.", "date": "\x1b[2J\nnot a date"}, GOOD_ROW))
    result = cli("--db", any_url, "ingest", "--quiet", str(rows))
    lines = error_lines(result)
    assert len(lines) == 1 and "not a date" in lines[0] and "\x1b" not in result.stderr
    assert stored(any_url) == 1


SEARCH_VOCABULARY = ["profit", "loss", "warning", "naive", "naïve", "Ö", "said", "the", "AND", "NOT", "or", "bridges",
                     "baker", "critic", "plans", "weather", "tides", "per", "cent", "shops", "closed", "March"]


@pytest.mark.postgres
def test_random_queries_find_the_same_on_both_engines(tmp_path, pg_url):
    """Queries built at random from the corpus' words, stop words and operators: SQLite and PostgreSQL agree."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from tracker.services.claims import ClaimFilter, list_claims

    rows = tmp_path / "search.jsonl"
    rows.write_bytes(jsonl(*({"text": text} for text in SEARCH_ROWS.values())))
    urls = [f"sqlite:///{tmp_path / 'search.db'}", pg_url]
    engines = []
    for url in urls:
        assert cli("--db", url, "ingest", "--quiet", str(rows)).exit_code == 0
        engines.append(make_engine(url))
    term = st.tuples(st.sampled_from(["", "-"]), st.lists(st.sampled_from(SEARCH_VOCABULARY), min_size=1, max_size=2))
    query = st.lists(term, min_size=1, max_size=4).map(lambda terms: " ".join(
        sign + (f'"{" ".join(words)}"' if len(words) > 1 else words[0]) for sign, words in terms))

    @settings(max_examples=40, deadline=None)
    @given(q=query)
    def agree(q: str) -> None:
        found = []
        for engine in engines:
            with session_factory(engine)() as session:
                found.append({c.quote for c in list_claims(session, ClaimFilter(search=q), limit=100, offset=0)})
        assert found[0] == found[1], q

    try:
        agree()
    finally:
        for engine in engines:
            engine.dispose()
