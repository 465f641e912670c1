"""Input formats: an HTML page, JSON Lines and CSV files made from corpus articles, and folders mixing them."""
from __future__ import annotations

import csv
import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SHARED
from sqlalchemy import select

from tracker.cli import main
from tracker.db import make_engine, session_factory
from tracker.errors import IngestError
from tracker.models import Claim, Document
from tracker.readers import Article, read_paths
from tracker.services.ingest import ingest

FIXTURES = Path(__file__).parent / "fixtures"
BBC = SHARED / "corpus" / "bbc"
ARTICLES = [BBC / "business" / "001.txt", BBC / "politics" / "010.txt", BBC / "tech" / "020.txt"]


def corpus_rows() -> list[dict]:
    """Three real BBC articles as bulk-file rows: headline as title, the rest as text."""
    rows = []
    for i, path in enumerate(ARTICLES):
        headline, _, body = path.read_text(encoding="utf-8").partition("\n")
        rows.append({"title": headline.strip(), "text": body.strip(), "date": f"2005-01-0{i + 1}",
                     "outlet": "BBC News", "url": f"https://news.bbc.example/{path.parent.name}/{path.stem}"})
    return rows


def read_all(path: Path, encoding: str | None = None) -> list[Article | IngestError]:
    return list(read_paths([path], encoding=encoding))


def test_html_page_gives_main_text_and_metadata_without_furniture():
    (article,) = read_all(FIXTURES / "harbour_strike.html")
    assert isinstance(article, Article)
    assert article.format == "html" and article.name == "harbour_strike.html"
    assert article.title == "Dock workers vote to strike over pay"
    assert article.published == date(2024, 3, 14)
    assert article.outlet == "The Harbour Gazette"
    assert article.origin == "https://www.harbourgazette.example/news/2024/03/dock-workers-strike"
    assert "86% backed strike action on a turnout of 71%" in article.text
    for furniture in ("Subscribe today", "Related stories", "All rights reserved", "Privacy"):
        assert furniture not in article.text


def test_html_claims_point_into_the_stored_extracted_text(sessions):
    summary = ingest(sessions, read_paths([FIXTURES / "harbour_strike.html"]))
    assert summary.new == 1 and summary.claims > 0
    with sessions() as s:
        doc = s.scalar(select(Document))
        assert doc.outlet.name == "The Harbour Gazette" and doc.published == date(2024, 3, 14)
        assert "<p>" not in doc.text
        for claim in doc.claims:
            assert claim.quote == doc.text[claim.start:claim.end]
        assert any("1,240 members" in c.quote for c in doc.claims)


def test_html_page_without_article_text_is_one_failure(tmp_path):
    page = tmp_path / "empty.html"
    page.write_text("<html><head><title>Nothing</title></head><body><script>var x = 1;</script></body></html>",
                    encoding="utf-8")
    (error,) = read_all(page)
    assert isinstance(error, IngestError) and "no article text" in str(error)


def test_html_in_its_declared_charset_is_read(tmp_path):
    markup = (FIXTURES / "harbour_strike.html").read_text(encoding="utf-8").replace('charset="utf-8"',
                                                                                    'charset="windows-1252"')
    page = tmp_path / "cp1252.html"
    page.write_bytes(markup.encode("cp1252"))
    (article,) = read_all(page)
    assert "£212 million" in article.text


@pytest.mark.shared
def test_jsonl_rows_become_articles_named_by_file_and_line(tmp_path):
    rows = corpus_rows()
    path = tmp_path / "bbc.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    articles = read_all(path)
    assert [a.name for a in articles] == ["bbc.jsonl#1", "bbc.jsonl#2", "bbc.jsonl#3"]
    first = articles[0]
    assert first.text == rows[0]["text"] and first.title == rows[0]["title"]
    assert first.published == date(2005, 1, 1) and first.outlet == "BBC News"
    assert first.origin == rows[0]["url"] and first.format == "jsonl" and first.file == str(path)


@pytest.mark.shared
def test_jsonl_bad_lines_are_reported_and_the_rest_read(tmp_path):
    good = corpus_rows()[0]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([
        json.dumps(good),
        "{not json",
        json.dumps({"title": "no text here"}),
        json.dumps({"text": "   "}),
        json.dumps({"text": "A dated row that says 40 jobs went.", "date": "last Tuesday"}),
        json.dumps(["a", "list"]),
    ]) + "\n", encoding="utf-8")
    results = read_all(path)
    assert isinstance(results[0], Article)
    errors = {str(e).split(": ", 1)[0].rsplit("#", 1)[1]: str(e) for e in results[1:]}
    assert all(e.file == str(path) for e in results[1:])  # so progress counts the file once
    assert "not valid JSON" in errors["2"]
    assert "no 'text' field" in errors["3"]
    assert "empty" in errors["4"]
    assert "is not a date" in errors["5"]
    assert "not a JSON object" in errors["6"]


@pytest.mark.shared
def test_csv_rows_with_line_breaks_in_text(tmp_path):
    rows = corpus_rows()
    path = tmp_path / "bbc.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["url", "title", "date", "outlet", "text"])
        writer.writeheader()
        writer.writerows(rows)
    articles = read_all(path)
    assert [a.name for a in articles] == ["bbc.csv#1", "bbc.csv#2", "bbc.csv#3"]
    assert all("\n\n" in a.text for a in articles)  # the paragraphs survived quoting
    assert [a.text for a in articles] == [r["text"] for r in rows]
    assert articles[2].published == date(2005, 1, 3) and articles[2].format == "csv"


def test_csv_without_text_column_is_one_clear_failure(tmp_path):
    path = tmp_path / "wrong.csv"
    path.write_text("headline,body\nA,B\n", encoding="utf-8")
    (error,) = read_all(path)
    assert "no 'text' column" in str(error)


def test_latin1_csv_needs_and_honours_encoding(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes("text,outlet\n\"The fee was \xa3300,000, officials said on Monday.\",Example Times\n"
                     .encode("latin-1"))
    (error,) = read_all(path)
    assert isinstance(error, IngestError) and "UTF-8" in str(error) and "--encoding" in str(error)
    (article,) = read_all(path, encoding="latin-1")
    assert "£300,000" in article.text and article.outlet == "Example Times"


@pytest.mark.shared
def test_folder_mixing_all_formats_through_the_cli(sqlite_url, tmp_path):
    folder = tmp_path / "mixed"
    (folder / "deeper").mkdir(parents=True)
    rows = corpus_rows()
    shutil.copy(FIXTURES / "harbour_strike.html", folder / "page.htm")
    shutil.copy(BBC / "sport" / "001.txt", folder / "deeper" / "sport.txt")
    (folder / "two.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows[:2]), encoding="utf-8")
    with (folder / "one.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["text", "title"])
        writer.writeheader()
        writer.writerow({"text": rows[2]["text"], "title": rows[2]["title"]})
    result = CliRunner().invoke(main, ["--db", sqlite_url, "ingest", "--quiet", str(folder)])
    assert result.exit_code == 0, result.output
    assert "5 new documents" in result.stderr
    with session_factory(make_engine(sqlite_url))() as s:
        formats = sorted(s.scalars(select(Document.format)))
        assert formats == ["csv", "html", "jsonl", "jsonl", "txt"]
        names = set(s.scalars(select(Document.name)))
        assert {"page.htm", "sport.txt", "two.jsonl#1", "two.jsonl#2", "one.csv#1"} == names
        for claim in s.scalars(select(Claim)):
            assert claim.quote == claim.document.text[claim.start:claim.end]


def test_many_pages_are_read_in_the_workers_with_duplicates_and_failures(sqlite_url, tmp_path):
    """The CLI hands pages to the extraction workers; a page is only known as a duplicate once it is read."""
    markup = (FIXTURES / "harbour_strike.html").read_text(encoding="utf-8")
    folder = tmp_path / "pages"
    folder.mkdir()
    for i in range(36):
        (folder / f"page{i:02}.html").write_text(markup.replace("1,240 members", f"{1000 + i} members"),
                                                  encoding="utf-8")
    # the same article text in other markup: found already present after its text is extracted
    copy = markup.replace("1,240 members", "1000 members").replace("<nav>", '<nav class="other">')
    (folder / "page99_copy.html").write_text(copy, encoding="utf-8")
    (folder / "page98_empty.html").write_text("<html><body><script>1</script></body></html>", encoding="utf-8")
    result = CliRunner().invoke(main, ["--db", sqlite_url, "ingest", "--quiet", str(folder)])
    assert result.exit_code == 1
    assert "36 new documents, 1 already present (duplicate), 1 failed" in result.stderr
    assert f"tracker: skipped {folder / 'page98_empty.html'}: no article text found in the page" in result.stderr
    with session_factory(make_engine(sqlite_url))() as s:
        docs = s.scalars(select(Document).order_by(Document.name)).all()
        assert [d.name for d in docs] == [f"page{i:02}.html" for i in range(36)]
        assert all(d.format == "html" and d.outlet.name == "The Harbour Gazette" for d in docs)
        assert all(d.published == date(2024, 3, 14) for d in docs)
        assert "1035 members" in docs[35].text
        for claim in s.scalars(select(Claim)):
            assert claim.quote == claim.document.text[claim.start:claim.end]
