"""``tracker export all`` and ``tracker import``: a whole database to one archive file and back."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ..services.archive import export_archive, import_archive
from . import main
from .common import Database, creates_db, db_option, open_output, output_option, pass_db
from .export import export_group


@export_group.command("all")
@output_option
@db_option
@pass_db
def export_all(db: Database, output: str | None) -> None:
    """The whole database as a JSON Lines archive that `tracker import` reads (any database to any other)."""
    with db.sessions() as session:
        if output is None:
            counts = export_archive(session, sys.stdout)
        else:
            # written beside the target and renamed over it, so a failed export never leaves half a file
            partial = f"{output}.partial"
            try:
                with open_output(partial) as out:
                    counts = export_archive(session, out)
            except BaseException:
                Path(partial).unlink(missing_ok=True)
                raise
            os.replace(partial, output)
    rows = sum(counts.values())
    click.echo(f"{rows} rows written ({counts['documents']} documents, {counts['claims']} claims, "
               f"{counts['verdicts']} verdicts, {counts['claim_links']} links){f' to {output}' if output else ''}",
               err=True)


@main.command("import")
@click.argument("archive", type=click.Path(exists=True, dir_okay=False, readable=True))
@db_option
@pass_db
@creates_db
def import_command(db: Database, archive: str) -> None:
    """Load an archive written by `tracker export all` into an empty database (all or nothing)."""
    with open(archive, encoding="utf-8") as lines, db.sessions() as session:
        counts = import_archive(session, lines, source=archive)
    click.echo(f"{sum(counts.values())} rows imported ({counts['documents']} documents, {counts['claims']} claims, "
               f"{counts['verdicts']} verdicts, {counts['claim_links']} links)", err=True)

