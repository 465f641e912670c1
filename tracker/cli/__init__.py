"""The ``tracker`` command: a thin shell over the services (no SQL, no NLP here).

Each command lives in a module of this package that registers it on :data:`main` when imported; the group
imports only the module of the command being run (see :class:`~tracker.cli.common.TrackerGroup`), so a quick
read such as ``tracker claims`` never loads the extractor, the analysis or the review UI.
"""
from __future__ import annotations

import click

from ..config import ENV_URL, default_database_path
from .common import TrackerGroup, db_option

#: which modules register each top-level command (``export``'s subcommands live in three modules)
COMMAND_MODULES = {
    "link": ("analysis",), "audit": ("analysis",), "report": ("analysis",),
    "export": ("export", "archive", "publish"), "import": ("archive",),
    "claims": ("browse",), "show": ("browse",), "db": ("database",), "documents": ("documents",),
    "eval": ("evaluate",), "ingest": ("ingest",), "review": ("review",), "mark": ("review",),
    "assign": ("team",), "release": ("team",), "double-review": ("team",), "statuses": ("team",),
    "serve": ("serve",), "versions": ("versions",), "diff": ("versions",), "feed": ("feeds",),
}


@click.group(cls=TrackerGroup, lazy_modules=COMMAND_MODULES,
             context_settings={"help_option_names": ["-h", "--help"]})
@db_option
@click.version_option(package_name="tracker", prog_name="tracker")
def main() -> None:
    """Claim-provenance and fact-check tracker.

    News articles go in; every factual assertion becomes a claim linked to its exact source span and to
    who said it. Reviewers mark claims corroborated, contradicted or unverified; every verdict is kept.
    """


main.epilog = (
    f"The database is --db URL, else ${ENV_URL}, else the SQLite file {default_database_path()}. "
    "PostgreSQL works too: --db postgresql+psycopg://user@host/dbname."
)
