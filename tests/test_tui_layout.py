"""The review UI at 80x24 up to 200x60, the triage queue, staying in place, undo of link decisions, the way
back, the command palette and the compare view: Textual's Pilot and SVG snapshots over the fixed review data."""
from __future__ import annotations

import pytest
from review_data import build, settle
from sqlalchemy import select
from textual.command import CommandPalette
from textual.widgets import Button, Footer, Input

from tracker.models import ClaimLink
from tracker.services import review
from tracker.tui import build_app
from tracker.tui.compare import CompareScreen
from tracker.tui.details import DetailsPane
from tracker.tui.prompts import FilterPrompt, TextPrompt
from tracker.tui.queue import ClaimQueue
from tracker.tui.related import RelatedPane

SIZES = [(80, 24), (120, 35), (180, 50)]


@pytest.fixture
def ids(sessions):
    with sessions() as session:
        return build(session)



def queue(pilot) -> ClaimQueue:
    return pilot.app.screen.query_one(ClaimQueue)


def related(pilot) -> RelatedPane:
    return pilot.app.screen.query_one(RelatedPane)


def status_line(pilot) -> str:
    return str(pilot.app.screen.query_one("#status-line").render())


async def go_to(pilot, claim_id: int) -> None:
    await pilot.press("g", *str(claim_id), "enter")
    await settle(pilot)
    assert queue(pilot).current_id == claim_id


def link_between(sessions, a: int, b: int) -> ClaimLink:
    with sessions() as session:
        return session.scalars(select(ClaimLink).where(ClaimLink.a_id == a, ClaimLink.b_id == b)).one()


# ---- layout at every size ------------------------------------------------------------------------------------

@pytest.mark.parametrize("size", [*SIZES, (200, 60)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.usefixtures("ids")
async def test_every_pane_has_room_and_the_claim_takes_the_free_width(sessions, size):
    width, height = size
    app = build_app(sessions, reviewer="ann")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        table = queue(pilot)
        claim = dict((key, w) for key, _, w in table.columns_shown)["claim"]
        others = sum(w + 2 for key, _, w in table.columns_shown if key != "claim")
        assert claim >= 20
        assert others + claim + 2 + 4 >= width - 2, "the claim column takes what the others leave"
        assert {"id", "marks", "status", "claim"} <= {key for key, _, _ in table.columns_shown}
        assert app.screen.query_one(DetailsPane).region.height >= 3
        assert related(pilot).region.height >= 5
        assert app.screen.query_one("#source").region.height >= 8
        for widget in app.screen.query("ClaimQueue, #source, #details, #related, #status-line, Footer"):
            if widget.display:
                assert widget.region.right <= width and widget.region.bottom <= height, widget
        if width >= 180:
            assert claim > 80


@pytest.mark.usefixtures("ids")
async def test_at_80x24_the_footer_shows_help_and_quit(sessions):
    app = build_app(sessions, reviewer="ann")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(Footer)
        keys = [(k.region.right, k.key_display) for k in footer.query("FooterKey")]
        shown = [display for right, display in keys if right <= 80]
        assert "?" in shown and "q" in shown


@pytest.mark.usefixtures("ids")
async def test_the_filter_dialog_fits_80x24(sessions):
    app = build_app(sessions, reviewer="ann")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FilterPrompt)
        for button in app.screen.query(Button):
            assert button.region.bottom <= 24 and button.region.right <= 80 and button.region.height > 0


# ---- the triage queue ----------------------------------------------------------------------------------------

async def test_ids_marks_and_unreviewed_first(sessions, ids):
    app = build_app(sessions, reviewer="ann")
    async with app.run_test(size=(180, 50)) as pilot:
        await settle(pilot)
        table = queue(pilot)
        assert table.order[-1] == ids["five_days"], "the one reviewed claim comes last"
        assert table.get_cell(str(ids["four_days"]), "id").plain == str(ids["four_days"])
        assert set(table.get_cell(str(ids["four_days"]), "marks").plain) == {"⚡", "⚠"}
        assert table.get_cell(str(ids["putin"]), "marks").plain == "~"
        assert table.get_cell(str(ids["votes"]), "marks").plain == ""
        assert table.get_cell(str(ids["four_days"]), "worth").plain == "0.91"


def test_check_worthiness_sorts_the_queue(sessions, ids):
    with sessions() as session:
        rows = review.queue_page(session, sort="worth")
    worth = [r.check_worthiness for r in rows]
    assert worth == sorted(worth, reverse=True) and rows[0].id == ids["four_days"]


@pytest.mark.usefixtures("ids")
async def test_the_status_bar_counts_reviewed_claims_and_says_when_the_queue_is_done(sessions):
    app = build_app(sessions, reviewer="ann")
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        assert status_line(pilot).startswith("1 of 5 reviewed")
        await pilot.press("c")
        await settle(pilot)
        assert status_line(pilot).startswith("2 of 5 reviewed")
        await pilot.press("slash", *"Putin", "enter")
        await settle(pilot)
        assert status_line(pilot).startswith("0 of 1 reviewed")
        assert not any("queue done" in (n.title or "") for n in app._notifications)
        await pilot.press("u")
        await settle(pilot)
        assert status_line(pilot).startswith("1 of 1 reviewed")
        assert any(n.title == "queue done" for n in app._notifications)


# ---- staying in place, undo, back ----------------------------------------------------------------------------

async def test_the_related_cursor_stays_on_its_link_after_accept_and_dismiss(sessions, ids):
    app = build_app(sessions, reviewer="ann")
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await go_to(pilot, ids["five_days"])
        assert related(pilot).row_count == 2
        related(pilot).focus()
        await pilot.press("down")
        second = related(pilot).current_link_id
        first = next(i for i in related(pilot).other_ids if i != second)
        await pilot.press("a")
        await settle(pilot)
        assert related(pilot).current_link_id == second
        await pilot.press("d")
        await settle(pilot)
        assert related(pilot).current_link_id == second
        with sessions() as session:
            assert session.get(ClaimLink, second).decision == "dismissed"
            assert session.get(ClaimLink, first).decision is None


async def test_z_undoes_an_accept_then_a_verdict(sessions, ids):
    app = build_app(sessions, reviewer="ann")
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("c")  # votes corroborated; the cursor moves to four_days
        await settle(pilot)
        await go_to(pilot, ids["four_days"])
        await pilot.press("a")
        await settle(pilot)
        link = link_between(sessions, ids["four_days"], ids["five_days"])
        assert link.decision == "accepted"
        await pilot.press("z")
        await settle(pilot)
        link = link_between(sessions, ids["four_days"], ids["five_days"])
        assert (link.decision, link.decided_by) == (None, None)
        await pilot.press("z")
        await settle(pilot)
        with sessions() as session:
            assert review.queue_row(session, ids["votes"]).status == "unreviewed"
        assert any("(undone)" in n.message for n in app._notifications)


async def test_back_returns_to_the_queue_filter_and_row_left(sessions, ids):
    app = build_app(sessions, reviewer="ann")
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"votes", "enter")
        await settle(pilot)
        await go_to(pilot, ids["four_days"])
        searched = list(queue(pilot).order)
        related(pilot).focus()
        await pilot.press("enter")  # to the other side of the link, in another document
        await settle(pilot)
        assert queue(pilot).current_id == ids["five_days"]
        await pilot.press("b")
        await settle(pilot)
        screen = app.screen
        assert screen.claim_filter.search == "votes" and screen.claim_filter.document_id is None
        assert queue(pilot).order == searched and queue(pilot).current_id == ids["four_days"]


# ---- the command palette and the compare view ----------------------------------------------------------------

async def test_the_command_palette_runs_review_actions(sessions, ids):
    app = build_app(sessions, reviewer="ann")
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"Corroborated")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        with sessions() as session:
            assert review.queue_row(session, ids["votes"]).status == "corroborated"


async def test_compare_shows_both_sides_and_decides_the_link(sessions, ids):
    app = build_app(sessions, reviewer="ann")
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await go_to(pilot, ids["four_days"])
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        this = str(app.screen.query_one("#compare-this").render())
        other = str(app.screen.query_one("#compare-other").render())
        reason = str(app.screen.query_one("#compare-reason").render())
        assert "four days starting Friday" in this and "via: Tass" in this and "NBC News" in this
        assert "five days" in other and "Russian-installed officials" in other and "Bloomberg" in other
        assert "four days from Fri 23 Sept vs five days ending 27 Sept" in reason
        await pilot.press("d")
        await settle(pilot)
        assert not isinstance(app.screen, CompareScreen)
        assert link_between(sessions, ids["four_days"], ids["five_days"]).decision == "dismissed"


async def test_details_speak_in_words_and_related_claims_show_the_other_text(sessions, ids):
    app = build_app(sessions, reviewer="ann")
    async with app.run_test(size=(180, 50)) as pilot:
        await settle(pilot)
        await go_to(pilot, ids["four_days"])
        details = str(app.screen.query_one("#details-text").render())
        assert "why extracted: rule “announced-date”: date range, relayed by another source" in details
        assert "{" not in details
        assert "Russian-installed officials said" in related(pilot).get_row_at(0)[4].plain


# ---- snapshots -------------------------------------------------------------------------------------------------

def at_claim(claim_id: int, *then: str):
    async def run_before(pilot) -> None:
        await pilot.press("g", *str(claim_id), "enter")
        await settle(pilot)
        await pilot.press(*then)
        await settle(pilot)
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False  # a blinking cursor would make the picture depend on timing
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_main_screen(snap_compare, sessions, ids, size):
    assert snap_compare(build_app(sessions, reviewer="ann"), terminal_size=size,
                        run_before=at_claim(ids["four_days"]))


def test_snapshot_filters_at_80x24(snap_compare, sessions, ids):
    assert snap_compare(build_app(sessions, reviewer="ann"), terminal_size=(80, 24),
                        run_before=at_claim(ids["votes"], "f"))


def test_snapshot_compare_at_120x35(snap_compare, sessions, ids):
    assert snap_compare(build_app(sessions, reviewer="ann"), terminal_size=(120, 35),
                        run_before=at_claim(ids["four_days"], "w"))


async def test_evidence_naming_a_missing_claim_reopens_the_dialog_with_the_text(sessions, ids):
    app = build_app(sessions, reviewer="ann")
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("e", *"claim:9999", "enter")
        await settle(pilot)
        assert isinstance(app.screen, TextPrompt)
        assert app.screen.query_one(Input).value == "claim:9999"
        assert "claim 9999, which does not exist" in str(app.screen.query_one("#prompt-error").render())
        with sessions() as session:
            assert review.queue_row(session, ids["votes"]).version == 1  # nothing was recorded


async def test_the_source_pane_never_shows_the_date_header(seeded):
    app = build_app(seeded, reviewer="ann")
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        source = app.screen.query_one("#source-text")
        shown = str(source.render())
        assert queue(pilot).current_id is not None and shown.strip()
        assert "date 2022-" not in shown
        assert "2022-09-20" in str(app.screen.query_one("#source").border_title)  # the date is in the title
