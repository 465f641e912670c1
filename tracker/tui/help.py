"""The help screen (``?``) and the screen an empty database shows instead of a blank queue."""
from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Label, Static

#: keys the footer does not show but reviewers should know
EXTRA_KEYS = (
    ("j / k, ↓ / ↑", "move in the focused pane"),
    ("tab / shift+tab", "next / previous pane"),
    ("enter", "in related claims: go to the other claim (b comes back)"),
    ("ctrl+p", "command palette: every action by name"),
    ("click a column header", "sort by it (again: back to document order)"),
)


class HelpScreen(ModalScreen[None]):
    """Every key of the review screen, read from its bindings so the list cannot drift."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def __init__(self, bindings: list[Binding]) -> None:
        super().__init__()
        self.review_bindings = bindings

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, padding=(0, 2))
        table.add_column(style="bold cyan", no_wrap=True)
        table.add_column()
        for binding in self.review_bindings:
            table.add_row(binding.key_display or binding.key, binding.tooltip or binding.description)
        for keys, what in EXTRA_KEYS:
            table.add_row(keys, what)
        with Vertical(classes="dialog help"):
            yield Label("review keys", classes="dialog-title")
            with VerticalScroll():
                yield Static(table)
            yield Label("a verdict is saved the moment you press its key · escape closes", classes="dialog-hint")


class EmptyScreen(Screen[None]):
    """Shown when the database has no claims yet: how to put some in."""

    BINDINGS = [Binding("q", "app.quit", "Quit")]

    def __init__(self, where: str) -> None:
        super().__init__()
        self.where = where

    def compose(self) -> ComposeResult:
        yield Static(
            "[b]No claims to review yet.[/b]\n\n"
            f"The database {self.where} is empty. Ingest some articles first, then start the review again:\n\n"
            "    tracker ingest seeds/            [dim]# a folder of .txt articles[/dim]\n"
            "    tracker ingest article.txt --outlet 'NBC News'\n"
            "    tracker review\n\n"
            "Use the same --db URL for both commands. Press q to quit.",
            id="empty-message",
        )
        yield Footer()
