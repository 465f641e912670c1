"""Working as a team: ``tracker assign``, ``tracker release``, ``tracker double-review``, ``tracker statuses``."""
from __future__ import annotations

import click

from ..models import CLAIM_KINDS, STATUSES
from ..services.claims import ClaimFilter
from ..services.holds import HOLD_HOURS, assign, release
from ..services.review import check_reviewer, default_reviewer
from ..services.rounds import STAGES, double_review_on
from ..services.second_review import request_double, set_double_review
from ..services.statuses import MEANINGS, add_status, custom_statuses, remove_status
from . import main
from .common import ROW_COUNT, Database, db_option, pass_db


def filter_options(f):
    """The claim filters ``assign`` and ``release`` share with ``tracker claims``."""
    for option in reversed((
        click.option("--outlet", help="Only claims from outlets whose name contains this."),
        click.option("--kind", type=click.Choice(CLAIM_KINDS), help="Only claims of this kind."),
        click.option("--status", type=click.Choice([*STATUSES, "any"]), default="unreviewed", show_default=True,
                     help="Only claims with this review status."),
        click.option("--speaker", help="Only claims whose speaker or relay name contains this."),
        click.option("--text", help="Only claims whose quote contains this."),
        click.option("--search", metavar="QUERY", help="Full-text search of quotes."),
        click.option("--stage", type=click.Choice(STAGES),
                     help="Only claims awaiting a second verdict (second) or a third reviewer's (disputed)."),
    )):
        f = option(f)
    return f


def _filter(outlet, kind, status, speaker, text, search, stage) -> ClaimFilter:
    return ClaimFilter(outlet=outlet, kind=kind, status=None if status == "any" else status, speaker=speaker,
                       text=text, search=search, stage=stage)


@main.command("assign")
@click.option("--to", "to", metavar="NAME", required=True, help="The reviewer the claims are handed to.")
@filter_options
@click.option("--limit", type=ROW_COUNT, help="At most this many claims (in document order).")
@click.option("--hours", type=float, default=HOLD_HOURS, show_default=True,
              help="How long the claims stay with the reviewer; then anyone may take them.")
@click.option("--double", is_flag=True, help="These claims need two independent verdicts.")
@click.option("--by", "by", metavar="NAME", default=default_reviewer, show_default="your OS user name",
              help="Who is assigning (recorded on the hold).")
@db_option
@pass_db
def assign_command(db: Database, to: str, outlet, kind, status, speaker, text, search, stage, limit: int | None,
                   hours: float, double: bool, by: str) -> None:
    """Hand the claims of a filter to a reviewer for a while (default: the unreviewed ones).

    Others see who holds them and cannot judge them until the hold ends: at the reviewer's verdict, at
    `tracker release`, or when it expires. Claims someone else holds are left alone; claims the reviewer has
    already judged in an open double review are left out.
    """
    check_reviewer(to)
    check_reviewer(by)
    with db.sessions() as session:
        done = assign(session, _filter(outlet, kind, status, speaker, text, search, stage), to, assigned_by=by,
                      limit=limit, hours=hours)
        click.echo(done.line())
        if double:
            try:
                new = request_double(session, list(done.claim_ids), requested_by=by)
                session.commit()
            except BaseException:
                session.rollback()
                raise
            click.echo(f"{new} of them now need two independent verdicts")


@main.command("release")
@filter_options
@click.option("--reviewer", metavar="NAME", help="Only this reviewer's holds (default: anyone's).")
@db_option
@pass_db
def release_command(db: Database, outlet, kind, status, speaker, text, search, stage, reviewer: str | None) -> None:
    """End the holds on the claims of a filter, so anyone may judge them."""
    with db.sessions() as session:
        ended = release(session, _filter(outlet, kind, status, speaker, text, search, stage), reviewer)
    click.echo(f"{ended} holds ended")


@main.command("double-review")
@click.argument("state", type=click.Choice(["on", "off"]), required=False)
@db_option
@pass_db
def double_review_command(db: Database, state: str | None) -> None:
    """Ask two independent verdicts of every claim of this database (on), or not (off); no argument: say which.

    A disagreement goes to the resolution queue (`tracker claims --stage disputed`), where a third reviewer
    decides. Claims assigned with --double need two verdicts whatever this says.
    """
    with db.sessions() as session:
        if state is not None:
            set_double_review(session, state == "on")
        click.echo(f"double review: {'on' if double_review_on(session) else 'off'}")


@main.group("statuses", invoke_without_command=True)
@click.pass_context
@db_option
def statuses_group(ctx: click.Context) -> None:
    """This database's own statuses ("misleading"), each meaning corroborated, contradicted or unverified.

    Without a subcommand: list them. `tracker mark ID misleading` then records a contradicted verdict labelled
    misleading; ClaimReview exports show the label.
    """
    if ctx.invoked_subcommand is None:
        db = ctx.ensure_object(Database)
        with db.sessions() as session:
            shown = custom_statuses(session)
        for status in shown:
            click.echo(f"{status.name}\t{status.means}")
        if not shown:
            click.echo("no statuses of this database's own: add one with tracker statuses add NAME --means STATUS",
                       err=True)


@statuses_group.command("add")
@click.argument("name")
@click.option("--means", type=click.Choice(MEANINGS), required=True, help="Which of the three verdicts it is.")
@click.option("--by", "by", metavar="NAME", default=default_reviewer, show_default="your OS user name",
              help="Who defines it.")
@db_option
@pass_db
def statuses_add(db: Database, name: str, means: str, by: str) -> None:
    """Define a status of this database's own (or change what it means)."""
    with db.sessions() as session:
        status = add_status(session, name, means, reviewer=by)
    click.echo(f"status {status.name}: means {status.means}")


@statuses_group.command("remove")
@click.argument("name")
@db_option
@pass_db
def statuses_remove(db: Database, name: str) -> None:
    """Forget a status of this database's own; verdicts given as it keep their label."""
    with db.sessions() as session:
        remove_status(session, name)
    click.echo(f"status {name} removed")
