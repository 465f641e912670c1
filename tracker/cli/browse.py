from __future__ import annotations

import json

import click
from rich.table import Table
from rich.text import Text

from ..models import CLAIM_KINDS, STATUSES
from ..services.claims import ClaimFilter, count_claims, get_claim, links_of, list_claims, paragraph_bounds
from ..services.export import value_record
from ..services.review import UNNAMED
from ..services.safe_text import one_line, printable
from . import main
from .common import ROW_COUNT, ROW_OFFSET, Database, RowId, db_option, pass_db, stdout


@main.command("claims")
@click.option("--outlet", help="Only claims from outlets whose name contains this.")
@click.option("--kind", type=click.Choice(CLAIM_KINDS), help="Only claims of this kind.")
@click.option("--status", type=click.Choice(STATUSES), help="Only claims with this review status.")
@click.option("--speaker", help="Only claims whose speaker or relay name contains this.")
@click.option("--text", help="Only claims whose quote contains this.")
@click.option("--search", metavar="QUERY",
              help='Full-text search of quotes: words (stemmed), "a phrase", -excluded.')
@click.option("--limit", type=ROW_COUNT, default=50, show_default=True, help="At most this many rows.")
@click.option("--offset", type=ROW_OFFSET, default=0, help="Skip this many rows first.")
@db_option
@pass_db
def claims_command(db: Database, outlet, kind, status, speaker, text, search, limit: int, offset: int) -> None:
    """List claims as a table, filtered by outlet, kind, status, speaker, text or a full-text search."""
    flt = ClaimFilter(outlet=outlet, kind=kind, status=status, speaker=speaker, text=text, search=search)
    with db.sessions() as session:
        rows = list_claims(session, flt, limit=limit, offset=offset)
        total = count_claims(session, flt)
    table = Table(show_lines=False, expand=False)
    for name, kw in (("id", {"justify": "right"}), ("status", {}), ("kind", {}), ("outlet", {}),
                     ("speaker", {}), ("claim", {"ratio": 1, "overflow": "fold"})):
        table.add_column(name, **kw)
    for claim in rows:
        att = claim.attribution
        speaker_name = att.speaker.name if att and att.speaker else (
            UNNAMED if att and att.mode in ("direct", "indirect") else "(outlet)")
        outlet_name = claim.document.outlet.name if claim.document.outlet else "?"
        table.add_row(*(Text(one_line(cell)) for cell in (claim.id, claim.status, claim.kind, outlet_name, speaker_name,
                                                          claim.quote)))
    stdout.print(table)
    shown = f"{offset + 1}-{offset + len(rows)}" if rows else "none"
    click.echo(f"{shown} of {total} claims", err=True)


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
        claim = get_claim(session, claim_id)
        links = links_of(session, claim_id)
    doc = claim.document
    att = claim.attribution
    out = stdout
    out.print(Text(printable(f"claim {claim.id}  [{claim.kind}]  status: {claim.status}"), style="bold"))
    outlet = doc.outlet.name if doc.outlet else "unknown outlet"
    out.print(literal(f"source: {doc.name} ({outlet}, {doc.published or 'undated'}), "
                      f"characters {claim.start}-{claim.end}"))
    p_start, p_end = paragraph_bounds(doc.text, claim.start, claim.end)
    context = Text()
    context.append(printable(doc.text[p_start:claim.start]))
    context.append("⟦" + printable(doc.text[claim.start:claim.end]) + "⟧", style="bold reverse")
    context.append(printable(doc.text[claim.end:p_end]))
    out.print(context)
    if att and att.speaker:
        via = " ← ".join(r.entity.name for r in reversed(att.relays))
        line = f"speaker: {att.speaker.name} ({att.speaker.kind}); cue: {att.cue or '-'}; mode: {att.mode}"
        out.print(literal(line + (f"; via: {via}" if via else "")))
        if att.descriptor:
            out.print(literal(f"descriptor: {att.descriptor}"))
    else:
        out.print(literal(f"speaker: the outlet's own voice; mode: {att.mode if att else 'outlet'}"))
    out.print(literal(f"check-worthiness: {claim.check_worthiness:.2f}; hedged: {'yes' if claim.hedged else 'no'}"))
    if claim.caveat_of_id:
        out.print(literal(f"caveat of claim {claim.caveat_of_id}"))
    for value in claim.values:
        record = {k: v for k, v in value_record(value).items() if k not in ("type", "text", "span")}
        out.print(literal(f"value: {value.type} “{value.text}” {json.dumps(record)}"))
    if claim.reason:
        out.print(literal(f"why extracted: {json.dumps(claim.reason, ensure_ascii=False)}"))
    for link in links:
        other = link.b if link.a_id == claim.id else link.a
        other_outlet = other.document.outlet.name if other.document.outlet else "?"
        out.print(literal(f"{link.relation} claim {other.id} ({other_outlet}, score {link.score:.2f}"
                          f"{', ' + link.decision if link.decision else ''}): {link.reason}"))
    if claim.verdicts:
        out.print(Text("history:", style="bold"))
        for v in claim.verdicts:
            extra = "".join(f"; {k}: {x}" for k, x in (("note", v.note), ("evidence", v.evidence)) if x)
            out.print(literal(f"  {v.created_at:%Y-%m-%d %H:%M} {v.reviewer}: {v.status}{extra}"))
    else:
        out.print("history: none (unreviewed)")
