"""SVG snapshots of the review UI at a fixed size over fixed data (update with --snapshot-update)."""
from __future__ import annotations

import pytest
from review_data import build
from textual.widgets import Input
from textual.worker import WorkerCancelled

from tracker.tui import build_app

SIZE = (160, 45)


@pytest.fixture
def ids(sessions):
    with sessions() as session:
        return build(session)


def at_claim(claim_id: int, *then: str):
    async def run_before(pilot) -> None:
        await pilot.press("g", *str(claim_id), "enter")
        for _ in range(3):
            try:
                await pilot.app.workers.wait_for_complete()
            except WorkerCancelled:
                pass  # superseded by a newer load, awaited in the next round
            await pilot.pause()
        await pilot.press(*then)
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False  # a blinking cursor would make the picture depend on timing
        await pilot.pause()

    return run_before


def test_main_screen(snap_compare, sessions, ids):
    """The queue, the source span in its paragraph, attribution with descriptor and values, links, history."""
    app = build_app(sessions, reviewer="ann")
    assert snap_compare(app, terminal_size=SIZE, run_before=at_claim(ids["five_days"]))


def test_help_screen(snap_compare, sessions, ids):
    app = build_app(sessions, reviewer="ann")
    assert snap_compare(app, terminal_size=SIZE, run_before=at_claim(ids["votes"], "question_mark"))


def test_note_modal(snap_compare, sessions, ids):
    app = build_app(sessions, reviewer="ann")
    assert snap_compare(app, terminal_size=SIZE, run_before=at_claim(ids["four_days"], "n", *"Tass relays it"))
