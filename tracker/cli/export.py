from __future__ import annotations

import sys

import click

from ..services.export import (
    CLAIM_CSV_FIELDS,
    LINK_FIELDS,
    claim_records,
    flat_claim,
    link_records,
    write_csv,
    write_jsonl,
)
from . import main
from .common import Database, db_option, open_output, output_option, pass_db


@main.group("export")
def export_group() -> None:
    """Write claims or links for other tools (field names are stable; see README)."""


def _open(output: str | None):
    return open_output(output) if output else sys.stdout


@export_group.command("claims")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@output_option
@db_option
@pass_db
def export_claims(db: Database, fmt: str, output: str | None) -> None:
    """Every claim with its source, span, attribution, values and status."""
    with db.sessions() as session:
        out = _open(output)
        try:
            if fmt == "jsonl":
                n = write_jsonl(claim_records(session), out)
            else:
                n = write_csv((flat_claim(r) for r in claim_records(session)), CLAIM_CSV_FIELDS, out)
        finally:
            if output:
                out.close()
    if output:
        click.echo(f"{n} claims written to {output}", err=True)


@export_group.command("links")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@output_option
@db_option
@pass_db
def export_links(db: Database, fmt: str, output: str | None) -> None:
    """Every link between claims: a, b, relation, score, reason, origin, decision."""
    with db.sessions() as session:
        out = _open(output)
        try:
            write = write_jsonl if fmt == "jsonl" else lambda r, o: write_csv(r, LINK_FIELDS, o)
            n = write(link_records(session), out)
        finally:
            if output:
                out.close()
    if output:
        click.echo(f"{n} links written to {output}", err=True)
