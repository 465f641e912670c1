"""``tracker serve``: the review UI in a web browser, for teammates elsewhere (through textual-serve)."""
from __future__ import annotations

import os
import shlex
import sys

import click

from ..config import ENV_URL
from ..errors import ConfigError
from ..services.review import check_reviewer
from . import main
from .common import Database, db_option, pass_db
from .review import reviewer_option


def review_command_line(reviewer: str) -> str:
    """The command textual-serve runs for each browser that connects: this interpreter's ``tracker review``
    (the database comes by the environment, so a password never shows in a process list)."""
    return " ".join(shlex.quote(part) for part in (sys.executable, "-m", "tracker", "review", "--reviewer", reviewer))


@main.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The address to listen on (0.0.0.0: every interface; put it behind a proxy with TLS).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="The port to listen on.")
@click.option("--public-url", metavar="URL", help="The address browsers reach it by, when behind a proxy.")
@reviewer_option
@db_option
@pass_db
def serve_command(db: Database, host: str, port: int, public_url: str | None, reviewer: str) -> None:
    """Serve the review UI to web browsers: each browser that opens the page gets its own review session.

    Every verdict is recorded under --reviewer, so run one server per reviewer (each on its own port), all on
    one PostgreSQL database; holds, double review and optimistic concurrency work as in the terminal.
    """
    try:
        from textual_serve.server import Server
    except ImportError:
        raise ConfigError("tracker serve needs textual-serve: pip install 'tracker[serve]'") from None
    check_reviewer(reviewer)
    db.sessions  # noqa: B018 - open (and upgrade) now, so a bad --db is one line here, not in every browser
    os.environ[ENV_URL] = db.engine.url.render_as_string(hide_password=False)  # for the sessions it starts
    server = Server(review_command_line(reviewer), host=host, port=port, title="tracker review",
                    public_url=public_url)
    server.serve()
