"""``tracker versions DOC`` and ``tracker diff DOC [V1 V2]``: an article's versions and what changed between them."""
from __future__ import annotations

import click
from rich.table import Table

from ..services.safe_text import one_line
from ..services.versions import diff_versions, list_versions
from . import main
from .common import Database, RowId, db_option, fail, pass_db, stdout

_OUTCOMES = ("unchanged", "moved", "changed", "removed", "new")


@main.command("versions")
@click.argument("document_id", metavar="DOC", type=RowId("document"))
@db_option
@pass_db
def versions_command(db: Database, document_id: int) -> None:
    """The versions of the article document DOC belongs to (the same origin with other text), oldest first,
    with what became of the previous version's claims in each."""
    with db.sessions() as session:
        rows = list_versions(session, document_id)
    table = Table()
    for name in ("version", "document", "seen", "claims", "current"):
        table.add_column(name, justify="right" if name in ("version", "document", "claims") else "left")
    table.add_column("previous version's claims", overflow="fold")
    for row in rows:
        outcomes = ", ".join(f"{row.outcomes[o]} {o}" for o in _OUTCOMES if row.outcomes.get(o))
        table.add_row(str(row.version), str(row.id), row.ingested_at.strftime("%Y-%m-%d %H:%M"), str(row.claims),
                      "yes" if row.current else "", outcomes or ("—" if row.version == 1 else "none"))
    stdout.print(table)
    click.echo(f"{len(rows)} version{'s' * (len(rows) != 1)}", err=True)


@main.command("diff")
@click.argument("document_id", metavar="DOC", type=RowId("document"))
@click.argument("v1", required=False, type=click.IntRange(min=1))
@click.argument("v2", required=False, type=click.IntRange(min=1))
@db_option
@pass_db
def diff_command(db: Database, document_id: int, v1: int | None, v2: int | None) -> None:
    """What changed between two versions of DOC's article: the text's changed lines, then each claim's fate
    (unchanged, moved, changed with what differs, removed, new). V1 and V2 are version numbers; without them,
    the version before DOC against DOC."""
    if (v1 is None) != (v2 is None):
        fail("give both V1 and V2, or neither")
    with db.sessions() as session:
        d = diff_versions(session, document_id, v1, v2)
    for line in d.text:
        click.echo(one_line(line) if line[:1] not in "+-" else line[:1] + one_line(line[1:]))
    if not d.claims:
        if d.new.previous_id != d.old.id:
            click.echo("(claims are matched between consecutive versions only)", err=True)
        return
    click.echo()
    for c in d.claims:
        if c.outcome == "unchanged" or (c.outcome == "moved" and c.method != "fuzzy"):
            continue  # the same text, at the same place or elsewhere: counted below
        ids = f"{c.old_id or '-'} → {c.new_id or '-'}"
        mark = " (changed since reviewed)" if c.outcome == "changed" and c.reviewed else ""
        how = " (reworded, same facts)" if c.outcome == "moved" else ""
        click.echo(f"{c.outcome:8} {ids}{mark}{how}")
        if c.old_quote is not None:
            click.echo(f"    - {one_line(c.old_quote)}")
        if c.new_quote is not None:
            click.echo(f"    + {one_line(c.new_quote)}")
        if c.reason:
            click.echo(f"    {c.reason}")
    same = sum(c.outcome == "unchanged" for c in d.claims)
    elsewhere = sum(c.outcome == "moved" and c.method != "fuzzy" for c in d.claims)
    click.echo(f"{same} claims unchanged, {elsewhere} moved with the same text", err=True)
