"""The verdict history of the highlighted claim: who, when, status, note, evidence. Oldest first."""
from __future__ import annotations

from datetime import UTC, datetime

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from ..models import Verdict
from ..services.safe_text import printable
from .keys import SCROLL_KEYS
from .queue import STATUS_STYLE


def _utc(moment: datetime) -> datetime:
    # SQLite hands back naive UTC, PostgreSQL an aware time in the session's zone
    return moment.astimezone(UTC) if moment.tzinfo else moment


def describe(verdicts: list[Verdict]) -> Text:
    out = Text()
    for v in verdicts:
        out.append(f"{_utc(v.created_at):%Y-%m-%d %H:%M} ", style="dim")
        out.append(f"{printable(v.reviewer)} ")
        out.append(v.status, style=STATUS_STYLE.get(v.status, ""))
        if v.note:
            out.append(f" · {printable(v.note)}")
        if v.evidence:
            out.append(" · evidence ")
            out.append(printable(v.evidence), style="underline")
        out.append("\n")
    out.rstrip()
    return out if verdicts else Text("no verdicts yet: unreviewed", style="dim")


class HistoryPane(VerticalScroll):
    """Every verdict row of the claim (times in UTC); nothing here is ever edited."""

    BINDINGS = SCROLL_KEYS

    def compose(self):
        yield Static(id="history-text")

    def show(self, verdicts: list[Verdict]) -> None:
        self.query_one("#history-text", Static).update(describe(verdicts))
        self.border_title = f"history ({len(verdicts)}, UTC)"
        self.call_after_refresh(self.scroll_end, animate=False)
