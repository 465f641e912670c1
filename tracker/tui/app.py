"""The review app and the one factory that builds it, for the CLI and the tests alike."""
from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker
from textual.app import App

from .review_screen import ReviewScreen


class ReviewApp(App[None]):
    """Review claims in the database behind ``sessions``; every verdict is recorded as ``reviewer``."""

    CSS_PATH = "review.tcss"
    TITLE = "tracker review"
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, sessions: sessionmaker[Session], reviewer: str) -> None:
        super().__init__()
        self.sessions = sessions
        self.reviewer = reviewer

    @property
    def database_name(self) -> str:
        return self.sessions.kw["bind"].url.render_as_string(hide_password=True)

    def get_default_screen(self) -> ReviewScreen:
        return ReviewScreen()


def build_app(sessions: sessionmaker[Session], *, reviewer: str) -> ReviewApp:
    return ReviewApp(sessions, reviewer)
