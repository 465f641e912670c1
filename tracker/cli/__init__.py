"""The ``tracker`` command: a thin shell over the services (no SQL, no NLP here)."""
from __future__ import annotations

import click

from ..config import ENV_URL, default_database_path
from .common import TrackerGroup, db_option


@click.group(cls=TrackerGroup, context_settings={"help_option_names": ["-h", "--help"]})
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

from . import analysis, archive, browse, database, documents, evaluate, export, ingest, publish, review  # noqa: E402,F401  - commands register themselves on `main`
