"""``tracker review`` (the Textual UI) and ``tracker mark`` (the same review service, for scripts)."""
from __future__ import annotations

import click

from ..services.review import check_reviewer, default_reviewer
from . import main
from .common import Database, RowId, db_option, pass_db

reviewer_option = click.option(
    "--reviewer", metavar="NAME", default=default_reviewer, show_default="your OS user name",
    help="Who is recorded on every verdict.")


@main.command("review")
@reviewer_option
@db_option
@pass_db
def review_command(db: Database, reviewer: str) -> None:
    """Open the review UI: walk the claim queue and mark claims corroborated, contradicted or unverified."""
    from ..tui import build_app  # Textual loads only for the one command that needs it

    check_reviewer(reviewer)

    sessions = db.sessions  # open and upgrade before the screen takes over, so errors print as one line
    build_app(sessions, reviewer=reviewer).run()


@main.command("mark")
@click.argument("claim_id", metavar="ID", type=RowId())
@click.argument("status", metavar="STATUS")
@click.option("--note", metavar="TEXT", help="A note kept with the verdict.")
@click.option("--evidence", metavar="URL|ID",
              help="A URL, or another claim's id (42, #42 or claim:42), that supports the verdict.")
@reviewer_option
@db_option
@pass_db
def mark_command(db: Database, claim_id: int, status: str, note: str | None, evidence: str | None,
                 reviewer: str) -> None:
    """Record a verdict on claim ID: STATUS is corroborated, contradicted, unverified or unreviewed (any case),
    or one of the database's own (`tracker statuses`). On a claim under double review it is one of two
    independent verdicts, or a third reviewer's decision on a disagreement."""
    from ..services.second_review import judge

    check_reviewer(reviewer)
    with db.sessions() as session:
        done = judge(session, claim_id, status, reviewer=reviewer, note=note, evidence=evidence)
        click.echo(done.line())
