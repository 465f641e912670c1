"""A report scoped to what a reader can use: one story, a claim limit with a note of what it leaves out (issue 16)."""
from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner
from seed_gold import gold_database
from sqlalchemy import func, select

from tracker.cli import main
from tracker.errors import NotFound
from tracker.models import Claim, Document
from tracker.services.link import relink
from tracker.services.report import ReportFilter, build_report, write_json, write_markdown
from tracker.services.report_html import write_html


@pytest.fixture
def linked(sessions):
    gold_database(sessions)
    relink(sessions)
    return sessions


def test_a_limit_shows_the_first_claims_and_says_how_many_it_leaves_out(linked):
    with linked() as session:
        total = session.scalar(select(func.count()).select_from(Claim))
        whole = build_report(session)
        report = build_report(session, ReportFilter(limit=3))
        assert report["counts"] == whole["counts"]  # the counts still cover every claim in scope
        assert [c["id"] for c in report["claims"]] == [c["id"] for c in whole["claims"]][:3]
        assert report["left_out"] == {"claims": total - 3, "limit": 3}
        for writer in (write_markdown, write_html):
            out = io.StringIO()
            writer(report, out)
            assert f"The first 3 of {total} claims are shown" in out.getvalue()
            assert f"{total - 3} are left out" in out.getvalue()
        out = io.StringIO()
        write_json(report, out)
        assert len(json.loads(out.getvalue())["claims"]) == 3
        # the pairs listed touch a claim shown
        shown = {c["id"] for c in build_report(session, ReportFilter(limit=3))["claims"]}
        for pair in report["contradictions"] + report["corroborations"]:
            assert pair["a"]["id"] in shown or pair["b"]["id"] in shown
        # no note when nothing is left out
        out = io.StringIO()
        write_markdown(build_report(session, ReportFilter(limit=total)), out)
        assert "left out" not in out.getvalue()


ORCHARD = ("Apple growers in the Vessant valley said on Friday that late frost had cut this year's harvest by a "
           "third. Farmers' union chair Odalys Brenninkmeijer said 120 orchards had lost most of their blossom. "
           "Brenninkmeijer said the Vessant cooperative would ask the regional council for emergency loans.")


def test_a_story_report_holds_the_claims_of_that_story_only(linked, tmp_path):
    from tracker.readers import read_paths
    from tracker.services.ingest import ingest
    from tracker.services.link import link_new_documents

    (tmp_path / "orchard.txt").write_text(ORCHARD)
    link_new_documents(linked, ingest(linked, read_paths([tmp_path / "orchard.txt"]), workers=1).document_ids)
    with linked() as session:
        story, docs = session.execute(select(Document.story_id, func.count()).group_by(Document.story_id)
                                      .order_by(func.count(), Document.story_id)).first()
        members = set(session.scalars(select(Document.id).where(Document.story_id == story)))
        report = build_report(session, ReportFilter(story=story))
        claims = list(report["claims"])
        assert claims and report["counts"]["total"] == len(claims) < session.scalar(
            select(func.count()).select_from(Claim))
        in_story = set(session.scalars(select(Claim.id).where(Claim.document_id.in_(members))))
        assert {c["id"] for c in claims} == in_story
        with pytest.raises(NotFound):
            build_report(session, ReportFilter(story=-5))


@pytest.mark.usefixtures("linked")
def test_the_cli_report_for_reading_is_limited_by_default_and_json_is_not(sqlite_url, monkeypatch, tmp_path):
    import tracker.cli.analysis as analysis

    monkeypatch.setattr(analysis, "READER_LIMIT", 2)
    runner = CliRunner()
    md = runner.invoke(main, ["--db", sqlite_url, "report", "-o", str(tmp_path / "r.md")])
    assert md.exit_code == 0, md.output
    assert "are left out" in (tmp_path / "r.md").read_text() and "are left out" in md.output
    every = runner.invoke(main, ["--db", sqlite_url, "report", "--limit", "0", "-o", str(tmp_path / "all.md")])
    assert every.exit_code == 0 and "left out" not in (tmp_path / "all.md").read_text()
    as_json = runner.invoke(main, ["--db", sqlite_url, "report", "-o", str(tmp_path / "r.json")])
    assert as_json.exit_code == 0
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["left_out"]["claims"] == 0 and len(report["claims"]) == report["counts"]["total"] > 2
    wrong = runner.invoke(main, ["--db", sqlite_url, "report", "--story", "-7"])
    assert wrong.exit_code != 0 and "no story" in wrong.output
