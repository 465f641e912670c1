"""``tracker documents``: what is stored, and ``tracker documents set-outlet`` to put a wrong outlet right."""
from __future__ import annotations

import click
from rich.table import Table
from rich.text import Text

from ..services.documents import list_documents, set_outlet
from ..services.safe_text import one_line
from ..services.views import UNKNOWN_OUTLET_SHORT
from . import main
from .common import Database, RowId, db_option, pass_db, stdout


@main.group("documents", invoke_without_command=True)
@click.option("--unknown-outlet", is_flag=True, help="Only documents whose outlet is not known.")
@db_option
@pass_db
@click.pass_context
def documents_group(ctx: click.Context, db: Database, unknown_outlet: bool) -> None:
    """List the stored documents: id, origin (path or URL), title, outlet, date and claim count."""
    if ctx.invoked_subcommand is not None:
        return
    with db.sessions() as session:
        rows = list_documents(session, unknown_outlet=unknown_outlet)
    table = Table()
    for name in ("id", "outlet", "published", "claims"):
        table.add_column(name, justify="right" if name in ("id", "claims") else "left")
    for name in ("origin", "title"):
        table.add_column(name, overflow="fold")
    for row in rows:
        cells = (row.id, row.outlet or UNKNOWN_OUTLET_SHORT, row.published or "", row.claims, row.origin,
                 row.title or "")
        table.add_row(*(Text(one_line(cell)) for cell in cells))
    stdout.print(table)
    click.echo(f"{len(rows)} documents", err=True)


@documents_group.command("set-outlet")
@click.argument("document_id", metavar="ID", type=RowId("document"))
@click.argument("name", metavar="NAME")
@db_option
@pass_db
def documents_set_outlet(db: Database, document_id: int, name: str) -> None:
    """Give document ID the outlet NAME (an existing outlet, matched case-insensitively, or a new one)."""
    with db.sessions() as session:
        before, after = set_outlet(session, document_id, name)
    click.echo(f"document {document_id}: outlet {before or '(unknown)'} → {after}; "
               "run `tracker link` to weigh its links again")
