"""The review UI driven by Textual's Pilot over a real SQLite file (and PostgreSQL for the concurrency refusal)."""
from __future__ import annotations

import pytest
from review_data import build, settle
from sqlalchemy import select
from textual.widgets import Input, Select

from tracker.db import make_engine, session_factory, upgrade
from tracker.models import Claim, ClaimLink, Verdict
from tracker.services import review
from tracker.services.claims import ClaimFilter, count_claims
from tracker.tui import build_app
from tracker.tui.help import EmptyScreen, HelpScreen
from tracker.tui.messages import QueueLoaded, VerdictRefused
from tracker.tui.prompts import ConfirmPrompt, FilterPrompt, TextPrompt
from tracker.tui.queue import ClaimQueue

SIZE = (160, 45)


@pytest.fixture
def ids(sessions):
    with sessions() as session:
        return build(session)



def queue(pilot) -> ClaimQueue:
    return pilot.app.screen.query_one(ClaimQueue)


def verdicts(sessions, claim_id) -> list[Verdict]:
    with sessions() as session:
        return list(session.scalars(select(Verdict).where(Verdict.claim_id == claim_id).order_by(Verdict.id)))


def status_of(sessions, claim_id) -> str:
    with sessions() as session:
        return session.get(Claim, claim_id).status


async def go_to(pilot, claim_id: int) -> None:
    await pilot.press("g", *str(claim_id), "enter")
    await settle(pilot)
    assert queue(pilot).current_id == claim_id


@pytest.mark.parametrize(("key", "status"), [("c", "corroborated"), ("x", "contradicted"), ("u", "unverified")])
async def test_status_keys_save_at_once_and_move_to_the_next_unreviewed(sessions, ids, key, status):
    app = build_app(sessions, reviewer="ann")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first = queue(pilot).current_id
        assert first == ids["votes"]
        await pilot.press(key)
        await settle(pilot)
        assert [(v.status, v.reviewer) for v in verdicts(sessions, first)] == [(status, "ann")]
        assert queue(pilot).rows_by_id[first].status == status
        assert queue(pilot).current_id == ids["four_days"]


async def test_the_cursor_skips_claims_already_reviewed(sessions, ids):
    app = build_app(sessions, reviewer="ann")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await go_to(pilot, ids["caveat"])
        await pilot.press("c")  # five_days (next in document order) is contradicted already: skip to putin
        await settle(pilot)
        assert queue(pilot).current_id == ids["putin"]


async def test_note_opens_a_modal_and_keeps_the_status(sessions, ids):
    app = build_app(sessions, reviewer="ann")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await go_to(pilot, ids["five_days"])
        await pilot.press("n")
        assert isinstance(app.screen, TextPrompt)
        await pilot.press(*"Tass: 4 days", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, TextPrompt)
        last = verdicts(sessions, ids["five_days"])[-1]
        assert (last.status, last.note, last.reviewer) == ("contradicted", "Tass: 4 days", "ann")


async def test_escape_cancels_a_note_and_records_nothing(sessions, ids):
    app = build_app(sessions, reviewer="ann")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", *"never mind", "escape")
        await settle(pilot)
        assert verdicts(sessions, ids["votes"]) == []


@pytest.mark.parametrize("evidence", ["https://tass.com/1", "claim"])
async def test_evidence_is_a_url_or_another_claim(sessions, ids, evidence):
    expected = evidence if evidence.startswith("http") else f"claim:{ids['five_days']}"
    typed = evidence if evidence.startswith("http") else str(ids["five_days"])
    app = build_app(sessions, reviewer="ann")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e", *typed, "enter")
        await settle(pilot)
        assert [(v.status, v.evidence) for v in verdicts(sessions, ids["votes"])] == [("unreviewed", expected)]


@pytest.mark.parametrize(("typed", "says"), [("see above", "neither a URL"), ("#{votes}", "its own evidence")])
async def test_bad_evidence_keeps_the_dialog_open_with_the_text_typed(sessions, ids, typed, says):
    typed = typed.format(**ids)
    app = build_app(sessions, reviewer="ann")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e", *typed, "enter")
        await settle(pilot)
        assert verdicts(sessions, ids["votes"]) == []
        assert isinstance(app.screen, TextPrompt)
        assert app.screen.query_one(Input).value == typed
        error = app.screen.query_one("#prompt-error")
        assert error.display and says in str(error.render())
        # fixed in place, the evidence is saved
        await pilot.press(*["backspace"] * len(typed), *str(ids["five_days"]), "enter")
        await settle(pilot)
        assert [v.evidence for v in verdicts(sessions, ids["votes"])] == [f"claim:{ids['five_days']}"]


async def test_undo_takes_back_my_last_verdict(sessions, ids):
    app = build_app(sessions, reviewer="ann")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert queue(pilot).current_id == ids["four_days"]
        await pilot.press("z")
        await settle(pilot)
        rows = verdicts(sessions, ids["votes"])
        assert [(v.status, v.undoes_id) for v in rows] == [("contradicted", None), ("unreviewed", rows[0].id)]
        assert queue(pilot).current_id == ids["votes"]
        assert queue(pilot).rows_by_id[ids["votes"]].status == "unreviewed"


async def test_reset_of_another_reviewers_verdict_asks_first(sessions, ids):
    app = build_app(sessions, reviewer="ann")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await go_to(pilot, ids["five_days"])  # bob marked it contradicted
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmPrompt)
        await pilot.press("n")
        await settle(pilot)
        assert [v.reviewer for v in verdicts(sessions, ids["five_days"])] == ["bob"]
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert [(v.status, v.reviewer) for v in verdicts(sessions, ids["five_days"])] == [
            ("contradicted", "bob"), ("unreviewed", "ann")]
        assert queue(pilot).rows_by_id[ids["five_days"]].status == "unreviewed"


async def test_search_narrows_the_queue(sessions, ids):
    app = build_app(sessions, reviewer="ann")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"days", "enter")
        await settle(pilot)
        with sessions() as session:
            expected = count_claims(session, ClaimFilter(search="days"))
        assert expected == 2
        assert sorted(queue(pilot).order) == sorted([ids["four_days"], ids["five_days"]])
        await pilot.press("slash", *["backspace"] * 4, "enter")  # an empty search clears it
        await settle(pilot)
        assert len(queue(pilot).order) == 5


async def test_filters_narrow_by_status_kind_outlet_and_speaker(sessions, ids):
    app = build_app(sessions, reviewer="ann")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        assert isinstance(app.screen, FilterPrompt)
        app.screen.query_one("#filter-status", Select).value = "unreviewed"
        app.screen.query_one("#filter-outlet", Input).value = "bloom"
        app.screen.query_one("#filter-outlet", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert queue(pilot).order == [ids["putin"]]
        await pilot.press("f")
        app.screen.query_one("#filter-kind", Select).value = "date"
        app.screen.query_one("#filter-status", Select).value = Select.NULL
        app.screen.query_one("#filter-outlet", Input).value = ""
        app.screen.query_one("#filter-speaker", Input).value = "tass"
        app.screen.query_one("#filter-speaker", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert queue(pilot).order == [ids["four_days"]]


async def test_accept_and_dismiss_the_link_under_the_cursor_then_jump(sessions, ids):
    app = build_app(sessions, reviewer="ann")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await go_to(pilot, ids["four_days"])
        await pilot.press("a")
        await settle(pilot)
        with sessions() as session:
            link = session.scalars(select(ClaimLink).where(ClaimLink.a_id == ids["four_days"])).one()
            assert (link.decision, link.decided_by) == ("accepted", "ann")
        await pilot.press("d")
        await settle(pilot)
        with sessions() as session:
            assert session.get(ClaimLink, link.id).decision == "dismissed"
        await pilot.press("o")
        await settle(pilot)
        assert queue(pilot).current_id == ids["five_days"]


async def test_going_to_a_claim_outside_the_filter_shows_its_document(sessions, ids):
    app = build_app(sessions, reviewer="ann")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Putin", "enter")
        await settle(pilot)
        await go_to(pilot, ids["votes"])
        assert sorted(queue(pilot).order) == sorted([ids["votes"], ids["four_days"], ids["caveat"]])
        await pilot.press("g", *"999", "enter")
        await settle(pilot)
        assert any("no claim with id 999" in n.message for n in app._notifications)


async def test_the_queue_loads_in_pages(sessions, ids, monkeypatch):
    monkeypatch.setattr("tracker.tui.review_screen.PAGE_SIZE", 2)
    with sessions() as session:
        in_order = [row.id for row in review.queue_page(session, sort="unreviewed")]  # the UI's default order
    offsets: list[int] = []

    def hook(message):
        if isinstance(message, QueueLoaded):
            offsets.append(message.offset)

    app = build_app(sessions, reviewer="ann")
    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        await settle(pilot)
        # the cursor starts within PREFETCH rows of the end, so each page asks for the next
        assert offsets == [0, 2, 4]
        assert queue(pilot).order == in_order
        assert queue(pilot).row_count == len(in_order) == len(ids)


async def test_help_and_empty_database(sessions):
    app = build_app(sessions, reviewer="ann")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, EmptyScreen)
    with sessions() as session:
        build(session)
    app = build_app(sessions, reviewer="ann")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


@pytest.mark.postgres
async def test_a_verdict_on_a_claim_changed_elsewhere_is_refused(pg_url):
    """Two reviewers on one PostgreSQL database: the UI's stale verdict is refused and the row refreshed."""
    engine = make_engine(pg_url)
    upgrade(engine)
    sessions = session_factory(engine)
    with sessions() as session:
        ids = build(session)
    refusals: list[VerdictRefused] = []

    def hook(message):
        if isinstance(message, VerdictRefused):
            refusals.append(message)

    app = build_app(sessions, reviewer="ann")
    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        await settle(pilot)
        assert queue(pilot).current_id == ids["votes"]
        with sessions() as other:  # bob, in another session, judges the claim ann is looking at
            review.record_verdict(other, ids["votes"], "contradicted", reviewer="bob")
        await pilot.press("c")
        await settle(pilot)
        assert [r.claim_id for r in refusals] == [ids["votes"]]
        assert [(v.status, v.reviewer) for v in verdicts(sessions, ids["votes"])] == [("contradicted", "bob")]
        row = queue(pilot).rows_by_id[ids["votes"]]
        assert row.status == "contradicted" and queue(pilot).current_id == ids["votes"]
        await pilot.press("c")  # now ann has seen bob's verdict, hers is accepted
        await settle(pilot)
        assert [v.reviewer for v in verdicts(sessions, ids["votes"])] == ["bob", "ann"]
    engine.dispose()


async def test_team_review_in_the_ui_mine_who_holds_and_a_hidden_first_vote(sessions, ids):
    from tracker.services.holds import assign
    from tracker.services.second_review import set_double_review

    with sessions() as session:
        assign(session, ClaimFilter(text="Putin may"), "ann", assigned_by="lead")
        assign(session, ClaimFilter(text="formally joining"), "bob", assigned_by="lead")
        set_double_review(session, True)
    app = build_app(sessions, reviewer="ann")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        rows = queue(pilot).rows_by_id
        assert (rows[ids["votes"]].holder, rows[ids["putin"]].holder) == ("bob", "ann")
        assert "@bob" in str(queue(pilot).status_cell(rows[ids["votes"]]))
        await pilot.press("m")  # mine: only what ann holds
        await settle(pilot)
        assert queue(pilot).order == [ids["putin"]]
        await pilot.press("c")  # under double review: a vote, hidden, the claim stays unreviewed
        await settle(pilot)
        assert status_of(sessions, ids["putin"]) == "unreviewed" and verdicts(sessions, ids["putin"]) == []
        assert any("hidden until a second reviewer" in n.message for n in app._notifications)
        await pilot.press("m")
        await settle(pilot)
        assert len(queue(pilot).order) == 5
