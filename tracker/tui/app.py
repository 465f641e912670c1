"""The review app and the one factory that builds it, for the CLI and the tests alike."""
from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from sqlalchemy.orm import Session, sessionmaker
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from .review_screen import ReviewScreen


class ReviewApp(App[None]):
    """Review claims in the database behind ``sessions``; every verdict is recorded as ``reviewer``."""

    CSS_PATH = "review.tcss"
    TITLE = "tracker review"
    COMMAND_PALETTE_BINDING = "ctrl+p"

    def __init__(self, sessions: sessionmaker[Session], reviewer: str) -> None:
        super().__init__()
        self.sessions = sessions
        self.reviewer = reviewer

    @property
    def database_name(self) -> str:
        return self.sessions.kw["bind"].url.render_as_string(hide_password=True)

    def get_default_screen(self) -> ReviewScreen:
        return ReviewScreen()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The command palette (ctrl+p): every review action by name, then Textual's own (theme, keys, quit)."""
        if isinstance(screen, ReviewScreen):
            for binding in screen.BINDINGS:
                if isinstance(binding, Binding) and binding.action != "app.quit":
                    key = binding.key_display or binding.key.split(",")[0]
                    yield SystemCommand(f"{binding.description} ({key})", binding.tooltip or binding.description,
                                        partial(screen.run_action, binding.action))
        yield from super().get_system_commands(screen)


def build_app(sessions: sessionmaker[Session], *, reviewer: str) -> ReviewApp:
    return ReviewApp(sessions, reviewer)
