"""The verdict history of the highlighted claim: who, when, status, note, evidence. Oldest first."""
from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from ..services.safe_text import printable
from ..services.views import HistoryEntry
from .keys import SCROLL_KEYS
from .queue import STATUS_STYLE


def describe(verdicts: tuple[HistoryEntry, ...] | list[HistoryEntry]) -> Text:
    out = Text()
    for v in verdicts:
        out.append(f"{v.at:%Y-%m-%d %H:%M} ", style="dim")
        out.append(f"{printable(v.reviewer)} ")
        out.append(v.status, style=STATUS_STYLE.get(v.status, ""))
        if v.shown_note:
            out.append(f" · {printable(v.shown_note)}")
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

    def show(self, verdicts: tuple[HistoryEntry, ...] | list[HistoryEntry]) -> None:
        self.query_one("#history-text", Static).update(describe(verdicts))
        self.border_title = f"history ({len(verdicts)}, UTC)"
        self.call_after_refresh(self.scroll_end, animate=False)
