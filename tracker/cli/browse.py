from __future__ import annotations

import csv
import json
import sys

import click
from rich.table import Table
from rich.text import Text

from ..models import CLAIM_KINDS, STATUSES
from ..services.claims import ClaimFilter, count_claims, list_claims
from ..services.review import default_reviewer
from ..services.rounds import STAGES
from ..services.safe_text import csv_row, one_line, printable
from ..services.views import UNKNOWN_OUTLET, UNKNOWN_OUTLET_SHORT, ClaimView, claim_view, load_claim_view
from . import main
from .common import ROW_COUNT, ROW_OFFSET, Database, RowId, db_option, pass_db, stdout

#: the fields of `tracker claims --format json|csv`, one row per claim
CLAIM_LIST_FIELDS = ("id", "status", "kind", "outlet", "speaker", "quote", "origin", "title", "published")


def _list_row(view: ClaimView) -> dict:
    src = view.source
    return {"id": view.id, "status": view.status, "kind": view.kind, "outlet": src.outlet,
            "speaker": view.speaker, "quote": view.quote, "origin": src.origin, "title": src.title,
            "published": src.published.isoformat() if src.published else None}


@main.command("claims")
@click.option("--outlet", help="Only claims from outlets whose name contains this.")
@click.option("--unknown-outlet", is_flag=True, help="Only claims from documents whose outlet is not known.")
@click.option("--all-versions", is_flag=True,
              help="Also claims of articles' older versions (by default only each article's current version).")
@click.option("--kind", type=click.Choice(CLAIM_KINDS), help="Only claims of this kind.")
@click.option("--status", type=click.Choice(STATUSES), help="Only claims with this review status.")
@click.option("--speaker", help="Only claims whose speaker or relay name contains this.")
@click.option("--text", help="Only claims whose quote contains this.")
@click.option("--search", metavar="QUERY",
              help='Full-text search of quotes: words (stemmed), "a phrase", -excluded.')
@click.option("--held-by", metavar="NAME", help="Only claims this reviewer holds (tracker assign).")
@click.option("--mine", is_flag=True, help="Only claims you hold (your OS user name).")
@click.option("--stage", type=click.Choice(STAGES),
              help="Double review: claims awaiting a second verdict, or disputed (the resolution queue).")
@click.option("--limit", type=ROW_COUNT, default=50, show_default=True, help="At most this many rows.")
@click.option("--offset", type=ROW_OFFSET, default=0, help="Skip this many rows first.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True,
              help="A table (paged when longer than the terminal), JSON Lines or CSV.")
@db_option
@pass_db
def claims_command(db: Database, outlet, unknown_outlet: bool, all_versions: bool, kind, status, speaker, text,
                   search, held_by: str | None, mine: bool, stage: str | None, limit: int, offset: int,
                   fmt: str) -> None:
    """List claims as a table, filtered by outlet, kind, status, speaker, text or a full-text search (the claims
    of each article's current version; --all-versions for older versions' too)."""
    flt = ClaimFilter(outlet=outlet, unknown_outlet=unknown_outlet, kind=kind, status=status, speaker=speaker,
                      text=text, search=search, held_by=default_reviewer() if mine else held_by, stage=stage,
                      all_versions=all_versions)
    with db.sessions() as session:
        rows = [claim_view(c) for c in list_claims(session, flt, limit=limit, offset=offset)]
        total = count_claims(session, flt)
    shown = f"{offset + 1}-{offset + len(rows)}" if rows else "none"
    if fmt == "json":
        for view in rows:
            click.echo(json.dumps(_list_row(view), ensure_ascii=False))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, CLAIM_LIST_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(csv_row(_list_row(view)) for view in rows)
    else:
        _print_claims(rows)
    click.echo(f"{shown} of {total} claims", err=True)


def _print_claims(rows: list[ClaimView]) -> None:
    table = Table(show_lines=False, expand=False)
    for name, kw in (("id", {"justify": "right"}), ("status", {}), ("kind", {}), ("outlet", {}),
                     ("speaker", {}), ("claim", {"ratio": 1, "overflow": "fold"})):
        table.add_column(name, **kw)
    for view in rows:
        cells = (view.id, view.status, view.kind, view.source.outlet or UNKNOWN_OUTLET_SHORT, view.speaker_label,
                 view.quote)
        table.add_row(*(Text(one_line(cell)) for cell in cells))
    if stdout.is_terminal and len(rows) > stdout.height - 4:
        with stdout.pager(styles=True):  # a long table on a terminal: $PAGER (less -R), not a scroll past
            stdout.print(table)
    else:
        stdout.print(table)


def literal(line: str) -> Text:
    """A line shown as it is: never read as markup, no control characters, no highlighting."""
    return Text(printable(line))


@main.command("show")
@click.argument("claim_id", type=RowId())
@db_option
@pass_db
def show_command(db: Database, claim_id: int) -> None:
    """Show one claim: its source span in context, attribution, values, why it was extracted, links, history."""
    with db.sessions() as session:
        view = load_claim_view(session, claim_id)
    src = view.source
    out = stdout
    out.print(Text(printable(f"claim {view.id}  [{view.kind}]  status: {view.status}"), style="bold"))
    out.print(literal(f"source: {src.cited} ({src.outlet_or_unknown}, {src.published or 'undated'}), "
                      f"characters {view.start}-{view.end}"))
    p_start, p_end = view.paragraph()
    context = Text()
    context.append(printable(view.text[p_start:view.start]))
    context.append("⟦" + printable(view.quote) + "⟧", style="bold reverse")
    context.append(printable(view.text[view.end:p_end]))
    out.print(context)
    if view.changed_from:
        old_id, old_quote, why = view.changed_from
        out.print(literal(f"changed since reviewed{f' ({why})' if why else ''}: claim {old_id} of the previous "
                          f"version said “{one_line(old_quote)}”"))
    line = f"speaker: {view.speaker_words}; cue: {view.cue or '-'}; mode: {view.mode}"
    out.print(literal(line + (f"; via: {' → '.join(view.via)} → outlet" if view.via else "")))
    if view.descriptor:
        out.print(literal(f"descriptor: {view.descriptor}"))
    out.print(literal(f"check-worthiness: {view.check_worthiness:.2f}; hedged: {'yes' if view.hedged else 'no'}"))
    if view.caveat_of_id:
        out.print(literal(f"caveat of claim {view.caveat_of_id}"))
    for caveat_id, quote in view.caveats:
        out.print(literal(f"caveat: claim {caveat_id} “{one_line(quote)}”"))
    for value in view.values:
        out.print(literal(f"value: {value.words()}"))
    if view.reason:
        out.print(literal(f"why extracted: {view.why}"))
    for link in view.links:
        out.print(literal(f"{link.relation} claim {link.other_id} ({link.other_outlet or UNKNOWN_OUTLET}, "
                          f"score {link.score:.2f}, {link.state}): {link.reason}"))
    if view.history:
        out.print(Text("history:", style="bold"))
        for v in view.history:
            extra = "".join(f"; {k}: {x}" for k, x in (("note", v.shown_note), ("evidence", v.evidence)) if x)
            out.print(literal(f"  {v.at:%Y-%m-%d %H:%M} UTC {v.reviewer}: {v.status}{extra}"))
    else:
        out.print("history: none (unreviewed)")
