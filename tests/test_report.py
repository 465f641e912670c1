"""Verification reports: verdicts made through the review service show up; article text is escaped."""
from __future__ import annotations

import csv
import io
import json
import re

import pytest
from click.testing import CliRunner
from conftest import SEEDS
from seed_gold import gold_database

from tracker.cli import main
from tracker.services.link import relink
from tracker.services.report import ReportFilter, build_report, write_csv, write_markdown
from tracker.services.report_html import write_html
from tracker.services.review import record_verdict

CRIMEA = "Russia held a vote to annex the Crimean peninsula in 2014"


@pytest.fixture
def reviewed(sessions):
    ids = gold_database(sessions)
    relink(sessions)
    with sessions() as session:
        record_verdict(session, ids[CRIMEA], "corroborated", reviewer="ana",
                       note="Bloomberg gives the same year", evidence="https://example.org/crimea")
    return ids


def _render(writer, report) -> str:
    out = io.StringIO()
    writer(report, out)
    return out.getvalue()


def test_report_reflects_verdicts(sessions, reviewed):
    with sessions() as session:
        report = build_report(session)
    claim = next(c for c in report["claims"] if c["id"] == reviewed[CRIMEA])
    assert claim["status"] == "corroborated"
    assert claim["verdict"]["reviewer"] == "ana" and claim["verdict"]["note"] == "Bloomberg gives the same year"
    assert report["counts"]["by_outlet"]["NBC News"]["corroborated"] == 1
    assert report["counts"]["by_status"]["corroborated"] == 1
    md = _render(write_markdown, report)
    assert "Verdict: **corroborated** by ana" in md and "https://example.org/crimea" in md
    rows = list(csv.DictReader(io.StringIO(_render(write_csv, report))))
    row = next(r for r in rows if int(r["id"]) == reviewed[CRIMEA])
    assert (row["verdict"], row["reviewer"], row["evidence"]) == ("corroborated", "ana", "https://example.org/crimea")


@pytest.mark.usefixtures("reviewed")
def test_contradictions_come_with_both_sides_and_the_reason(sessions):
    with sessions() as session:
        report = build_report(session)
    reasons = [p["reason"] for p in report["contradictions"]]
    assert any("4 days from 2022-09-23 ends 2022-09-26" in r for r in reasons)
    pair = next(p for p in report["contradictions"] if "Luhansk" in p["reason"])
    assert {pair["a"]["outlet"], pair["b"]["outlet"]} == {"NBC News", "Bloomberg"}
    assert all(p["independence"] for p in report["corroborations"])


@pytest.mark.usefixtures("reviewed")
def test_claims_come_with_context_and_attribution_chain(sessions):
    with sessions() as session:
        report = build_report(session)
    four = next(c for c in report["claims"] if "four days starting Friday" in c["quote"])
    assert four["attribution"] == "via Tass, in NBC News"
    assert four["context"]["before"].startswith("Less than 24 hours later")
    assert "Tass reported" in four["context"]["after"]


def test_filters_narrow_the_report(sessions, reviewed):
    from datetime import date
    with sessions() as session:
        only = build_report(session, ReportFilter(status="corroborated"))
        bloomberg = build_report(session, ReportFilter(outlet="bloom"))
        later = build_report(session, ReportFilter(since=date(2022, 9, 21)))
    assert [c["id"] for c in only["claims"]] == [reviewed[CRIMEA]]
    assert {c["outlet"] for c in bloomberg["claims"]} == {"Bloomberg"}
    assert {c["outlet"] for c in later["claims"]} == {"Bloomberg"}


def test_html_escapes_article_text(sessions):
    text = (SEEDS / "000_ac5c500a06c3e345.txt").read_text(encoding="utf-8")
    anchor = "Russia held a vote to annex the Crimean peninsula in 2014"
    hostile = text.replace(anchor, anchor + ' <script>alert("x")</script><img src=x onerror=alert(1)>', 1)
    gold_database(sessions, {"000_ac5c500a06c3e345.txt": hostile})
    relink(sessions)
    with sessions() as session:
        html = _render(write_html, build_report(session))
    assert not re.search(r"<script|<img", html, re.I)
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "<svg" in html and html.count("<rect") >= 2  # the status chart is inline


@pytest.mark.usefixtures("reviewed")
def test_report_command_writes_each_format(sqlite_url, tmp_path):
    runner = CliRunner()
    for fmt in ("md", "html", "json", "csv"):
        out = tmp_path / f"report.{fmt}"
        result = runner.invoke(main, ["--db", sqlite_url, "report", "--format", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 1000
    assert json.loads((tmp_path / "report.json").read_text())["counts"]["total"] > 50
    bad = runner.invoke(main, ["--db", sqlite_url, "report", "--since", "yesterday"])
    assert bad.exit_code != 0 and "not a date" in bad.output
