"""Reports and exports keep everything and name sources exactly: every note and piece of evidence of a claim's
history, sources by origin and title, Markdown emphasis, --since and undated documents, HTML links and time
zones, the report's format from its file name, an --outlet that names nothing. Invented articles, real SQLite."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from tracker.cli import main
from tracker.db import make_engine, session_factory
from tracker.models import Claim, Document
from tracker.services.publish import claim_reviews
from tracker.services.report import ReportFilter, build_report, write_csv, write_markdown
from tracker.services.report_html import write_html
from tracker.services.review import annotate, record_verdict
from tracker.services.views import load_claim_view, why_in_words

#: invented articles: the same base name in two folders, one dated and one not
MARKETS = ("date 2031-03-04 The harbour authority said on Monday that cargo volumes rose 12 percent in February, "
           "while the port director warned that fuel costs would climb and the union approved a new contract.\n"
           "Officials expected the new crane to open in April.\n")
FOOTBALL = ("The club said the stadium would hold 40,000 fans after the rebuild, and the mayor promised "
            "a new tram line by 2033.\n")


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def corpus(tmp_path) -> Path:
    for folder, text in (("business", MARKETS), ("sport", FOOTBALL)):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "009.txt").write_text(text, encoding="utf-8")
    return tmp_path / "in"


@pytest.fixture
def db(tmp_path, corpus) -> str:
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    result = invoke("--db", url, "ingest", "--quiet", "--outlet", "Harbour Post", str(corpus))
    assert result.exit_code == 0, result.output
    return url


def sessions_of(url: str):
    return session_factory(make_engine(url))


def first_claim(url: str, folder: str) -> int:
    with sessions_of(url)() as session:
        return session.scalar(select(Claim.id).join(Document).where(Document.origin.like(f"%/{folder}/009.txt"))
                              .order_by(Claim.start))


# ---- every note and piece of evidence ------------------------------------------------------------------------

@pytest.fixture
def reviewed(db) -> tuple[str, int, int]:
    """The normal flow: a verdict, then a note, then evidence (three history rows), by two reviewers."""
    claim, other = first_claim(db, "business"), first_claim(db, "sport")
    with sessions_of(db)() as session:
        record_verdict(session, claim, "corroborated", reviewer="ann")
        annotate(session, claim, reviewer="ann", note="the authority's own bulletin gives 12 percent")
        annotate(session, claim, reviewer="bob", evidence="https://example.org/bulletin")
        annotate(session, claim, reviewer="bob", evidence=f"claim:{other}")
    return db, claim, other


def test_every_note_and_evidence_reaches_the_report_with_reviewer_and_time(reviewed):
    db, claim, other = reviewed
    with sessions_of(db)() as session:
        report = build_report(session)
    entry = next(c for c in report["claims"] if c["id"] == claim)
    assert entry["verdict"]["status"] == "corroborated" and entry["verdict"]["reviewer"] == "ann"
    assert [(n["reviewer"], n["note"], n["evidence"]) for n in entry["notes"]] == [
        ("ann", "the authority's own bulletin gives 12 percent", None),
        ("bob", None, "https://example.org/bulletin"),
        ("bob", None, f"claim:{other}"),
    ]
    assert all(n["at"].endswith("+00:00") for n in entry["notes"])
    assert len(entry["history"]) == 4
    md = io.StringIO()
    write_markdown(report, md)
    text = md.getvalue()
    assert re.search(r"- Note by ann at \d{4}-\d\d-\d\d \d\d:\d\d UTC: the authority's own bulletin", text)
    assert "- Evidence by bob at " in text and "https://example.org/bulletin" in text
    rows = list(csv.DictReader(io.StringIO(_csv(report))))
    row = next(r for r in rows if int(r["id"]) == claim)
    assert "the authority's own bulletin gives 12 percent" in row["note"]
    assert row["evidence"] == f"https://example.org/bulletin | claim:{other}"


def _csv(report) -> str:
    out = io.StringIO()
    write_csv(report, out)
    return out.getvalue()


def test_claimreview_carries_the_note_as_review_body_and_the_url_as_citation(reviewed):
    db, claim, _ = reviewed
    with sessions_of(db)() as session:
        graph = claim_reviews(session)["@graph"]
    review = next(r for r in graph if r["@id"].startswith(f"urn:tracker:claim/{claim}/"))
    assert review["reviewBody"] == "the authority's own bulletin gives 12 percent"
    assert review["citation"] == "https://example.org/bulletin"


def test_html_links_evidence_and_claims_and_gives_times_a_zone(reviewed):
    db, claim, other = reviewed
    with sessions_of(db)() as session:
        annotate(session, claim, reviewer="eve", evidence="https://example.org/a\"><script>x</script>")
        report = build_report(session)
    out = io.StringIO()
    write_html(report, out)
    html = out.getvalue()
    section = html[html.index(f'id="claim-{claim}"'):]
    section = section[:section.index("</section>")]
    assert '<a href="https://example.org/bulletin" rel="noopener noreferrer">' in section
    assert f'<a href="#claim-{other}">claim #{other}</a>' in section
    assert "<script" not in html
    assert re.search(r"ann, \d{4}-\d\d-\d\d \d\d:\d\d UTC", section)


def test_html_never_links_an_address_that_is_not_http(db):
    claim = first_claim(db, "business")
    with sessions_of(db)() as session:
        record_verdict(session, claim, "unverified", reviewer="ann", note="see javascript:alert(1)")
        report = build_report(session)
    out = io.StringIO()
    write_html(report, out)
    assert 'href="javascript' not in out.getvalue()


# ---- sources named exactly -----------------------------------------------------------------------------------

def test_show_names_the_source_by_its_path(db, corpus):
    shown = invoke("--db", db, "show", str(first_claim(db, "sport")))
    assert shown.exit_code == 0
    flat = "".join(shown.stdout.split())
    assert "".join(str(corpus / "sport" / "009.txt").split()) in flat


def test_the_report_tells_two_files_of_one_base_name_apart(db, corpus):
    with sessions_of(db)() as session:
        report = build_report(session)
    documents = {c["document"] for c in report["claims"]}
    assert documents == {str(corpus / "business" / "009.txt"), str(corpus / "sport" / "009.txt")}
    md = io.StringIO()
    write_markdown(report, md)
    escaped = str(corpus / "sport" / "009.txt").replace("_", "\\_")  # Markdown escapes the underscores
    assert f"- Source: {escaped}, Harbour Post, undated" in md.getvalue()


def test_export_claims_adds_the_origin_and_keeps_the_name(db, corpus, tmp_path):
    out = tmp_path / "claims.jsonl"
    assert invoke("--db", db, "export", "claims", "-o", str(out)).exit_code == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["source"]["name"] for r in records} == {"009.txt"}
    assert {r["source"]["origin"] for r in records} == {str(corpus / "business" / "009.txt"),
                                                        str(corpus / "sport" / "009.txt")}
    flat = tmp_path / "claims.csv"
    assert invoke("--db", db, "export", "claims", "--format", "csv", "-o", str(flat)).exit_code == 0
    rows = list(csv.DictReader(flat.open(encoding="utf-8")))
    assert {r["source_origin"] for r in rows} == {r["source"]["origin"] for r in records}


# ---- Markdown, --since, format, --outlet ---------------------------------------------------------------------

def test_markdown_keeps_spaces_outside_the_emphasis(db):
    with sessions_of(db)() as session:
        report = build_report(session)
    md = io.StringIO()
    write_markdown(report, md)
    quotes = [line for line in md.getvalue().splitlines() if line.startswith("> ")]
    assert quotes and all("**" in q for q in quotes)
    mid = [q for q in quotes if not q.startswith("> **")]
    assert mid, "a claim that starts inside its paragraph"
    for q in quotes:
        assert not re.search(r"\w\*\*\w", q), q  # a word never runs into the bold span
        before, span, after = q[2:].split("**")
        assert span == span.strip() and span, q  # the spaces are outside the emphasis
        assert before == "" or before.endswith(" "), q
        assert after == "" or after[0] in " .,;:", q


def test_the_date_header_is_furniture_not_text(db):
    claim = first_claim(db, "business")
    with sessions_of(db)() as session:
        view = load_claim_view(session, claim)
        report = build_report(session)
    start, _ = view.paragraph()
    assert not view.text[start:].startswith("date") and "date 2031" not in view.text[start:view.end]
    assert all("date 2031-03-04" not in json.dumps(c["context"]) for c in report["claims"])


def test_since_leaves_out_undated_documents_unless_asked(db):
    from datetime import date

    with sessions_of(db)() as session:
        dated = build_report(session, ReportFilter(since=date(2031, 1, 1)))
        both = build_report(session, ReportFilter(since=date(2031, 1, 1), include_undated=True))
        later = build_report(session, ReportFilter(since=date(2032, 1, 1), include_undated=True))
    assert {c["published"] for c in dated["claims"]} == {"2031-03-04"}
    assert {c["published"] for c in both["claims"]} == {"2031-03-04", None}
    assert {c["published"] for c in later["claims"]} == {None}
    cli = invoke("--db", db, "report", "--since", "2031-01-01", "--include-undated", "--format", "json")
    assert {c["published"] for c in json.loads(cli.stdout)["claims"]} == {"2031-03-04", None}


@pytest.mark.parametrize(("name", "starts"), [("r.html", "<!DOCTYPE html>"), ("r.json", "{"),
                                               ("r.csv", "id,outlet"), ("r.md", "# Verification report"),
                                               ("r.txt", "# Verification report")])
def test_the_report_format_comes_from_the_file_name(db, tmp_path, name, starts):
    out = tmp_path / name
    result = invoke("--db", db, "report", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith(starts)


def test_an_explicit_format_wins_over_the_file_name(db, tmp_path):
    out = tmp_path / "r.html"
    assert invoke("--db", db, "report", "--format", "json", "-o", str(out)).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["counts"]["total"] > 0


def test_an_outlet_that_names_no_outlet_says_so(db):
    result = invoke("--db", db, "report", "--outlet", "Daily Nothing")
    assert result.exit_code == 1
    assert result.stderr.strip() == ("tracker: error: no outlet matches 'Daily Nothing': the outlets are "
                                     "Harbour Post")
    assert invoke("--db", db, "report", "--outlet", "harbour").exit_code == 0


# ---- why extracted in words ----------------------------------------------------------------------------------

def test_why_extracted_is_words_not_json():
    words = why_in_words({"rule": "cue before content",
                          "features": ["cue:said", "hedged", "value:date", "value:date", "caveat:It was unclear"]})
    assert words == ("rule “cue before content”: cue “said”, hedged wording, caveat phrase “It was unclear”, "
                     "2 dates")
    assert why_in_words({"rule": "outlet voice", "features": []}) == "rule “outlet voice”"
    assert "{" not in why_in_words({"rule": "x", "features": ["value:quantity"]})


def test_an_undo_says_what_it_took_back_not_a_row_id(db):
    from tracker.services.review import undo_last

    claim = first_claim(db, "sport")
    with sessions_of(db)() as session:
        record_verdict(session, claim, "contradicted", reviewer="ann")
        undo_last(session, claim, reviewer="ann")
        view = load_claim_view(session, claim)
    undo = view.history[-1]
    assert undo.is_undo and undo.status == "unreviewed"
    assert re.fullmatch(r"undo of ann's contradicted of \d{4}-\d\d-\d\d \d\d:\d\d", undo.shown_note or "")
    shown = invoke("--db", db, "show", str(claim))
    assert "undo of ann's contradicted" in " ".join(shown.stdout.split())
    assert "undo of verdict" not in shown.stdout
