"""`tracker mark` and `tracker show`'s history, through click's CliRunner on a real SQLite file."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from review_data import build
from sqlalchemy import func, select

from tracker.cli import main
from tracker.models import Claim, Verdict


@pytest.fixture
def ids(sessions):
    with sessions() as session:
        return build(session)


def run(sqlite_url, *args):
    return CliRunner().invoke(main, ["--db", sqlite_url, *args])


def verdict_count(sessions) -> int:
    with sessions() as session:
        return session.scalar(select(func.count(Verdict.id)))


def test_mark_records_a_verdict_that_show_prints(sqlite_url, sessions, ids):
    result = run(sqlite_url, "mark", str(ids["votes"]), "corroborated", "--note", "AP confirms",
                 "--evidence", "https://apnews.com/x", "--reviewer", "carol")
    assert result.exit_code == 0, result.output
    assert f"claim {ids['votes']}: corroborated" in result.output
    with sessions() as session:
        assert session.get(Claim, ids["votes"]).status == "corroborated"
    shown = run(sqlite_url, "show", str(ids["votes"]))
    # rich wraps at the runner's 80 columns
    assert "carol: corroborated; note: AP confirms; evidence: https://apnews.com/x" in " ".join(shown.output.split())


def test_mark_defaults_the_reviewer_to_the_os_user(sqlite_url, sessions, ids, monkeypatch):
    monkeypatch.setenv("USER", "dora")
    monkeypatch.setenv("LOGNAME", "dora")
    assert run(sqlite_url, "mark", str(ids["putin"]), "unverified").exit_code == 0
    with sessions() as session:
        assert session.scalar(select(Verdict.reviewer).where(Verdict.claim_id == ids["putin"])) == "dora"


@pytest.mark.parametrize(("args", "message"), [
    (["424242", "corroborated"], "tracker: error: no claim with id 424242\n"),
    (["1", "maybe"], "tracker: error: unknown status 'maybe': expected one of unreviewed, corroborated, "
                     "contradicted, unverified\n"),
    (["1", "corroborated", "--evidence", "see above"],
     "tracker: error: evidence 'see above' is neither a URL (http…) nor a claim id\n"),
])
@pytest.mark.usefixtures("ids")
def test_mark_errors_are_one_line_and_change_nothing(sqlite_url, sessions, args, message):
    before = verdict_count(sessions)
    result = run(sqlite_url, "mark", *args)
    assert result.exit_code == 1
    assert result.stderr == message
    assert verdict_count(sessions) == before
