"""Working as a team: holds (assign, mine, expiry), double review with its resolution queue, agreement figures,
custom statuses. Each runs on SQLite and on PostgreSQL, the team's database."""
from __future__ import annotations

import json
from datetime import timedelta

import pytest
from click.testing import CliRunner
from review_data import build
from sqlalchemy import select, update

from tracker.cli import main
from tracker.db import make_engine, session_factory, upgrade
from tracker.errors import StaleClaim
from tracker.models import AppendOnlyError, Claim, Hold, ReviewVote, Verdict, utcnow
from tracker.services import review
from tracker.services.claims import ClaimFilter, count_claims
from tracker.services.holds import ClaimHeld, assign, holder, release
from tracker.services.publish import claim_reviews
from tracker.services.second_review import (
    agreement_figures,
    judge,
    request_double,
    set_double_review,
    visible_votes,
)
from tracker.services.statuses import add_status, resolve_status


@pytest.fixture
def team(any_url):
    engine = make_engine(any_url)
    upgrade(engine)
    sessions = session_factory(engine)
    with sessions() as session:
        ids = build(session)
    yield sessions, ids, any_url
    engine.dispose()


def status_of(sessions, claim_id):
    with sessions() as session:
        return session.get(Claim, claim_id).status


def history(sessions, claim_id):
    with sessions() as session:
        return [(v.status, v.reviewer, v.label) for v in
                session.scalars(select(Verdict).where(Verdict.claim_id == claim_id).order_by(Verdict.id))]


# ---- holds ----------------------------------------------------------------------------------------------------

def test_assign_hands_out_unreviewed_claims_and_mine_finds_them(team):
    sessions, ids, _ = team
    with sessions() as session:
        done = assign(session, ClaimFilter(status="unreviewed"), "alice", assigned_by="lead", limit=2)
        assert len(done.claim_ids) == 2 and ids["five_days"] not in done.claim_ids  # five_days is judged
        assert count_claims(session, ClaimFilter(held_by="alice")) == 2
        assert count_claims(session, ClaimFilter(held_by="bob")) == 0
        rows = {r.id: r.holder for r in review.queue_page(session)}
    assert [rows[c] for c in done.claim_ids] == ["alice", "alice"]
    assert sum(1 for h in rows.values() if h) == 2


def test_a_held_claim_refuses_others_and_the_holders_verdict_ends_the_hold(team):
    sessions, ids, _ = team
    claim_id = ids["votes"]
    with sessions() as session:
        assign(session, ClaimFilter(document_id=None, text="formally joining"), "alice", assigned_by="lead")
        with pytest.raises(ClaimHeld, match="held by alice until"):
            judge(session, claim_id, "corroborated", reviewer="bob")
    assert history(sessions, claim_id) == []
    with sessions() as session:
        judge(session, claim_id, "corroborated", reviewer="alice")
        assert holder(session, claim_id) is None
    assert status_of(sessions, claim_id) == "corroborated"


def test_an_expired_hold_blocks_nobody_and_can_be_taken_over(team):
    sessions, ids, _ = team
    claim_id = ids["putin"]
    with sessions() as session:
        assign(session, ClaimFilter(text="Putin may"), "alice", assigned_by="lead")
        session.execute(update(Hold).values(expires_at=utcnow() - timedelta(minutes=1)))
        session.commit()
        assert holder(session, claim_id) is None
        assert count_claims(session, ClaimFilter(held_by="alice")) == 0
        taken = assign(session, ClaimFilter(text="Putin may"), "bob", assigned_by="lead")
        assert taken.claim_ids == (claim_id,)
        assert holder(session, claim_id).reviewer == "bob"


def test_assign_leaves_claims_others_hold_and_release_ends_holds(team):
    sessions, ids, _ = team
    with sessions() as session:
        first = assign(session, ClaimFilter(), "alice", assigned_by="lead", limit=1)
        second = assign(session, ClaimFilter(), "bob", assigned_by="lead")
        assert set(first.claim_ids).isdisjoint(second.claim_ids) and second.held_by_others == 1
        assert release(session, ClaimFilter(), "bob") == len(second.claim_ids)
        assert count_claims(session, ClaimFilter(held_by="alice")) == 1


def test_a_hold_must_end(team):
    sessions, _, _ = team
    with sessions() as session, pytest.raises(Exception, match="at most"):
        assign(session, ClaimFilter(), "alice", assigned_by="lead", hours=24 * 365)


# ---- double review ----------------------------------------------------------------------------------------------

def test_two_agreeing_verdicts_settle_the_claim_and_the_first_stays_hidden_until_then(team):
    sessions, ids, _ = team
    claim_id = ids["votes"]
    with sessions() as session:
        set_double_review(session, True)
        first = judge(session, claim_id, "corroborated", reviewer="alice", note="AP has it too")
        assert first.stage == "first"
        assert [v.reviewer for v in visible_votes(session, claim_id, "bob")] == []
        assert [v.reviewer for v in visible_votes(session, claim_id, "alice")] == ["alice"]
        assert count_claims(session, ClaimFilter(stage="second")) == 1
    assert status_of(sessions, claim_id) == "unreviewed" and history(sessions, claim_id) == []
    with sessions() as session:
        second = judge(session, claim_id, "corroborated", reviewer="bob")
        assert second.stage == "agreed"
        assert [v.reviewer for v in visible_votes(session, claim_id, "carol")] == ["alice", "bob"]
        assert count_claims(session, ClaimFilter(stage="second")) == 0
    assert status_of(sessions, claim_id) == "corroborated"
    assert history(sessions, claim_id) == [("corroborated", "bob", None)]


def test_a_disagreement_goes_to_a_third_reviewer_and_every_step_is_kept(team):
    sessions, ids, _ = team
    claim_id = ids["putin"]
    with sessions() as session:
        request_double(session, [claim_id], requested_by="lead")
        session.commit()
        judge(session, claim_id, "corroborated", reviewer="alice")
        assert judge(session, claim_id, "contradicted", reviewer="bob").stage == "disputed"
        assert count_claims(session, ClaimFilter(stage="disputed")) == 1
        with pytest.raises(review.BadReviewInput, match="third reviewer"):
            judge(session, claim_id, "contradicted", reviewer="alice")
        resolved = judge(session, claim_id, "unverified", reviewer="carol")
        assert resolved.stage == "resolved"
        assert count_claims(session, ClaimFilter(stage="disputed")) == 0
        votes = list(session.scalars(select(ReviewVote).where(ReviewVote.claim_id == claim_id)))
        assert [(v.reviewer, v.status) for v in votes] == [("alice", "corroborated"), ("bob", "contradicted")]
        note = session.scalars(select(Verdict.note).where(Verdict.claim_id == claim_id)).one()
        assert "alice: corroborated" in note and "bob: contradicted" in note
        # votes are history: never changed, never deleted
        votes[0].status = "unverified"
        with pytest.raises(AppendOnlyError):
            session.flush()
        session.rollback()
    assert status_of(sessions, claim_id) == "unverified"
    # only claims that asked for it: another claim takes one verdict
    with sessions() as session:
        assert judge(session, ids["votes"], "corroborated", reviewer="alice").stage == "verdict"


def test_one_reviewer_cannot_give_both_verdicts_nor_bypass_the_double_review(team):
    sessions, ids, _ = team
    claim_id = ids["votes"]
    with sessions() as session:
        set_double_review(session, True)
        judge(session, claim_id, "corroborated", reviewer="alice")
        with pytest.raises(review.BadReviewInput, match="already judged"):
            judge(session, claim_id, "corroborated", reviewer="alice")
        with pytest.raises(review.BadReviewInput, match="two independent verdicts"):
            review.record_verdict(session, claim_id, "corroborated", reviewer="bob")
        with pytest.raises(review.BadReviewInput, match="double review"):
            review.annotate(session, claim_id, reviewer="bob", note="a note would end the round")
    assert history(sessions, claim_id) == []


def test_two_first_verdicts_at_once_cannot_both_be_first(team):
    """Both reviewers loaded version v; the one who saves second is refused and, reloading, is the second vote."""
    sessions, ids, _ = team
    claim_id = ids["votes"]
    with sessions() as session:
        set_double_review(session, True)
        version = session.get(Claim, claim_id).version
    with sessions() as s1, sessions() as s2:
        judge(s1, claim_id, "corroborated", reviewer="alice", expected_version=version)
        with pytest.raises(StaleClaim):
            judge(s2, claim_id, "contradicted", reviewer="bob", expected_version=version)
    with sessions() as session:
        assert judge(session, claim_id, "contradicted", reviewer="bob").stage == "disputed"


def test_agreement_figures_per_pair_and_overall(team):
    sessions, ids, _ = team
    with sessions() as session:
        set_double_review(session, True)
        for claim_id, a, b in ((ids["votes"], "corroborated", "corroborated"),
                               (ids["putin"], "corroborated", "contradicted"),
                               (ids["caveat"], "unverified", "unverified")):
            judge(session, claim_id, a, reviewer="bob")
            judge(session, claim_id, b, reviewer="alice")
        figures = agreement_figures(session)
    pair = figures["pairs"][0]
    assert pair["reviewers"] == ["alice", "bob"]
    assert (pair["items"], pair["agreed"]) == (3, 2) and figures["overall"]["items"] == 3
    assert pair["raw_agreement"] == pytest.approx(2 / 3, abs=1e-4)
    assert 0 < pair["kappa"] < pair["raw_agreement"]


def test_audit_and_report_carry_the_agreement(team, tmp_path):
    sessions, ids, url = team
    with sessions() as session:
        set_double_review(session, True)
        judge(session, ids["votes"], "corroborated", reviewer="alice")
        judge(session, ids["votes"], "contradicted", reviewer="bob")
    runner = CliRunner()
    audit = runner.invoke(main, ["audit", "--db", url, "--format", "json"], catch_exceptions=False)
    figures = json.loads(audit.stdout)["agreement"]
    assert figures["overall"]["items"] == 1 and figures["overall"]["agreed"] == 0
    table = runner.invoke(main, ["audit", "--db", url], catch_exceptions=False, terminal_width=200)
    assert "alice + bob" in table.stdout and "kappa" in table.stdout
    out = tmp_path / "report.md"
    runner.invoke(main, ["report", "--db", url, "-o", str(out)], catch_exceptions=False)
    assert "## Double review: agreement" in out.read_text(encoding="utf-8")
    html = tmp_path / "report.html"
    runner.invoke(main, ["report", "--db", url, "--format", "html", "-o", str(html)], catch_exceptions=False)
    page = html.read_text(encoding="utf-8")
    assert "<h2>Double review: agreement</h2>" in page and "<td>alice + bob</td><td>1</td><td>0</td>" in page


# ---- custom statuses -----------------------------------------------------------------------------------------------

def test_custom_statuses_mean_one_of_the_three_and_claimreview_names_them(team):
    sessions, ids, _ = team
    with sessions() as session:
        add_status(session, "Misleading", "contradicted", reviewer="lead")
        add_status(session, "needs context", "unverified", reviewer="lead")
        assert resolve_status(session, "MISLEADING") == ("contradicted", "misleading")
        with pytest.raises(review.BadReviewInput, match="did you mean misleading"):
            resolve_status(session, "misleadng")
        with pytest.raises(review.BadReviewInput, match="built in"):
            add_status(session, "Corroborated", "corroborated", reviewer="lead")
        judge(session, ids["votes"], "misleading", reviewer="ann")
        review.annotate(session, ids["votes"], reviewer="ann", note="the headline overstates it")
    assert status_of(sessions, ids["votes"]) == "contradicted"
    assert history(sessions, ids["votes"])[-1] == ("contradicted", "ann", "misleading")
    with sessions() as session:
        graph = claim_reviews(session)["@graph"]
    rating = next(r["reviewRating"] for r in graph if r["claimReviewed"].startswith("Kremlin-backed"))
    assert (rating["alternateName"], rating["ratingValue"]) == ("Misleading", 1)


# ---- the commands -------------------------------------------------------------------------------------------------

def test_the_team_commands(team):
    sessions, ids, url = team
    runner = CliRunner()

    def run(*args):
        return runner.invoke(main, [*args, "--db", url], catch_exceptions=False)

    assert "2 claims assigned to alice" in run("assign", "--to", "alice", "--limit", "2", "--double").stdout
    listed = run("claims", "--held-by", "alice", "--format", "json").stdout.splitlines()
    assert len(listed) == 2
    held = json.loads(listed[0])["id"]
    refused = run("mark", str(held), "corroborated", "--reviewer", "bob")
    assert refused.exit_code == 1 and "held by alice" in refused.stderr
    assert "hidden until a second reviewer" in run("mark", str(held), "corroborated", "--reviewer", "alice").stdout
    assert "both reviewers agree" in run("mark", str(held), "corroborated", "--reviewer", "bob").stdout
    assert "double review: on" in run("double-review", "on").stdout
    assert "status misleading: means contradicted" in run("statuses", "add", "misleading", "--means",
                                                          "contradicted").stdout
    assert "misleading\tcontradicted" in run("statuses").stdout
    assert "1 holds ended" in run("release", "--reviewer", "alice").stdout


def test_an_archive_keeps_votes_labels_statuses_and_settings(team, tmp_path):
    sessions, ids, url = team
    with sessions() as session:
        add_status(session, "misleading", "contradicted", reviewer="lead")
        set_double_review(session, True)
        judge(session, ids["votes"], "misleading", reviewer="alice")
        judge(session, ids["votes"], "contradicted", reviewer="bob")
    archive = tmp_path / "all.jsonl"
    runner = CliRunner()
    assert runner.invoke(main, ["export", "all", "--db", url, "-o", str(archive)]).exit_code == 0
    copy = f"sqlite:///{tmp_path / 'copy.db'}"
    result = runner.invoke(main, ["import", str(archive), "--db", copy])
    assert result.exit_code == 0, result.stderr
    engine = make_engine(copy)
    with session_factory(engine)() as session:
        votes = [(v.reviewer, v.status, v.label) for v in session.scalars(select(ReviewVote).order_by(ReviewVote.id))]
        assert votes == [("alice", "contradicted", "misleading"), ("bob", "contradicted", None)]
        assert resolve_status(session, "misleading") == ("contradicted", "misleading")
        assert agreement_figures(session)["overall"]["items"] == 1
        # the setting came along: the copy asks two verdicts too
        judge(session, ids["putin"], "corroborated", reviewer="alice")
        assert session.get(Claim, ids["putin"]).status == "unreviewed"
    engine.dispose()
