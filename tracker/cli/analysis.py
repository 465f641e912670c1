"""Across outlets: ``tracker link``, ``tracker audit`` and ``tracker report``."""
from __future__ import annotations

import csv
import itertools
import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import click
from rich.table import Table
from rich.text import Text

from ..models import STATUSES
from ..services.audit import AUDIT_CSV_FIELDS, audit_rows, build_audit
from ..services.fit import json_safe
from ..services.link import relink
from ..services.report import ReportFilter, build_report, left_out_note, write_csv, write_json, write_markdown
from ..services.report_html import write_html
from ..services.safe_text import csv_row, printable
from . import main
from .common import Database, db_option, open_output, output_option, pass_db, stdout


@main.command("link")
@db_option
@pass_db
def link_command(db: Database) -> None:
    """Recompute the suggested links between claims of different documents.

    Links say corroborates, contradicts or related, with a score and a reason. Reviewers' links and
    their decisions on suggested links are kept; suggestions nobody decided on are replaced.
    """
    summary = relink(db.sessions)
    click.echo(summary.line())


def _joined(mapping) -> str:
    if isinstance(mapping, dict):
        return ", ".join(f"{k} {v}" for k, v in mapping.items())
    return ", ".join(mapping)


def _cells(*values: str) -> list[Text]:
    """Table cells shown literally: stored text is never read as markup, control characters are dropped."""
    return [Text(printable(v)) for v in values]


#: rows of a table rendered at once on a terminal: rich lays a table out whole, so the audit of a large database
#: is printed as tables of this many rows, one after another, columns sized by the terminal, not the text
PART_ROWS = 200


def _print_parts(title: str, columns: tuple[str, ...], rows: Iterator[list[Text]], *, lines: bool = False) -> None:
    """``rows`` as tables of :data:`PART_ROWS` rows, the same columns each, printed as they are made."""
    part = 0
    while batch := list(itertools.islice(rows, PART_ROWS)):
        table = Table(title=title if part == 0 else None, show_lines=lines, expand=True)
        for col in columns:
            table.add_column(col, overflow="fold", ratio=1 if col in ("#", "claims", "sources") else 3)
        for row in batch:
            table.add_row(*row)
        stdout.print(table)
        part += 1


def _cluster_rows(audit: dict) -> Iterator[list[Text]]:
    for c in audit["clusters"]:
        first = True
        for o in c["outlets"]:
            for x in o["claims"]:
                who = " via ".join(filter(None, [x["speaker"] or "(own voice)", ", ".join(x["via"])]))
                yield _cells(str(c["cluster"]) if first else "", o["outlet"], f"#{x['id']} {x['quote'][:90]}", who,
                             "\n".join(x["values"]),
                             f"{c['independence']}\n{_joined(c['relations'])}" if first else "")
                first = False


def _print_audit(audit: dict) -> None:
    if audit["clusters"]:
        _print_parts("Clusters of matching claims", ("#", "outlet", "claim", "speaker / via", "values", "sources"),
                     _cluster_rows(audit), lines=True)
    else:
        stdout.print("No linked claims yet: links come with ingest, or run tracker link.")
    _print_parts("Outlets", ("outlet", "claims", "kinds", "attributed", "own voice", "relays", "caveats"),
                 (_cells(o["outlet"], str(o["claims"]), _joined(o["kinds"]), f"{o['attributed_share']:.0%}",
                         str(o["own_voice"]), _joined(o["relays"]), str(len(o["caveats"])))
                  for o in audit["outlets"]))
    _print_parts("Speakers and relays", ("speaker", "kind", "claims", "as relay", "outlets", "modes", "cues"),
                 (_cells(s["speaker"], s["kind"], str(s["claims"]), str(s["as_relay"]), _joined(s["outlets"]),
                         _joined(s["modes"]), _joined(s["cues"])) for s in audit["speakers"]))
    stdout.print(_agreement_table(audit))
    if audit.get("edits"):
        stdout.print(_edits_table(audit["edits"]))


def _edits_table(edits: list[dict]) -> Table:
    table = Table(title="Edits after publication", show_lines=True)
    for col in ("outlet", "article", "seen", "claims", "changed", "verdicts touched"):
        table.add_column(col, overflow="fold")
    for o in edits:
        for e in o["edits"]:
            changed = "\n".join(f"#{c['old_claim']} → #{c['new_claim']}: {c['reason']}" for c in e["changed"])
            touched = "\n".join(f"#{t['old_claim']} {t['verdict']}: {t['effect']}" for t in e["verdicts_touched"])
            table.add_row(*_cells(o["outlet"], f"{e['origin']} (version {e['version']}, document {e['document']})",
                                  e["seen"][:16].replace("T", " "), _joined(e["outcomes"]), changed, touched))
    return table


def _agreement_table(audit: dict) -> Table | str:
    figures = audit["agreement"]
    if not figures["overall"]["items"]:
        return "No double review yet: no claim has two independent verdicts."
    table = Table(title="Double review: agreement of two independent verdicts")
    for col in ("reviewers", "claims", "agreed", "raw agreement", "Cohen's kappa"):
        table.add_column(col)
    rows = [("all pairs", figures["overall"]), *((" + ".join(p["reviewers"]), p) for p in figures["pairs"])]
    for name, row in rows:
        kappa = "—" if row["kappa"] is None else f"{row['kappa']:.2f}"
        table.add_row(*_cells(name, str(row["items"]), str(row["agreed"]), f"{row['raw_agreement']:.0%}", kappa))
    return table


@main.command("audit")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@output_option
@db_option
@pass_db
def audit_command(db: Database, fmt: str, output: str | None) -> None:
    """Which outlet said what: clusters of matching claims, outlets, speakers.

    Per cluster: the outlets, speakers, relays and values each gave, and how many independent sources
    stand behind it. Per outlet: claims by kind, share attributed, relays used, caveats. Per speaker:
    where and how they are quoted. Edits after publication: per outlet, each new version of an article, when
    it was seen, what changed in its claims and which verdicts that touched. Counts are of each article's
    current version.
    """
    with db.sessions() as session:
        audit = build_audit(session)
    if fmt == "table" and not output:
        _print_audit(audit)
        return
    with _open(output) as out:
        if fmt == "csv":
            writer = csv.DictWriter(out, AUDIT_CSV_FIELDS)
            writer.writeheader()
            writer.writerows(csv_row(row) for row in audit_rows(audit))
        else:
            json.dump(json_safe(audit), out, ensure_ascii=False, indent=2, allow_nan=False)
            out.write("\n")


class _Stdout:
    def __enter__(self):
        return sys.stdout

    def __exit__(self, *_exc):
        sys.stdout.flush()


def _open(output: str | None):
    return open_output(output) if output else _Stdout()


def _day(_ctx, _param, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2022-09-20") from None


WRITERS = {"md": write_markdown, "html": write_html, "json": write_json, "csv": write_csv}


#: claims a report for reading (Markdown, HTML) shows unless told otherwise: more than anyone reads in one sitting,
#: and what keeps the file and the time to make it bounded whatever the database holds
READER_LIMIT = 2000

#: what a report's file name says about its format
SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".json": "json", ".csv": "csv"}


@main.command("report")
@click.option("--outlet", metavar="NAME", help="Only claims from outlets whose name contains this.")
@click.option("--status", type=click.Choice(STATUSES), help="Only claims with this status.")
@click.option("--since", metavar="YYYY-MM-DD", callback=_day, help="Only documents published on or after this day.")
@click.option("--include-undated", is_flag=True, help="With --since: also documents without a publication date.")
@click.option("--story", type=int, metavar="ID", help="Only documents of this story (its first document's id).")
@click.option("--limit", type=click.IntRange(min=0), default=None, metavar="N",
              help=f"At most N claims in the claims section, the report saying how many it leaves out; 0: all "
                   f"(default: {READER_LIMIT} for md and html, all for json and csv).")
@click.option("--format", "fmt", type=click.Choice(list(WRITERS)), default=None,
              help="md, html, json or csv (default: from the -o file's extension, else md).")
@output_option
@db_option
@pass_db
def report_command(db: Database, outlet: str | None, status: str | None, since: date | None, include_undated: bool,
                   story: int | None, limit: int | None, fmt: str | None, output: str | None) -> None:
    """A verification report: counts, contradictions with both sides, then every claim in context.

    Each claim comes with its source (origin and title), attribution chain, values, the verdict, and every
    note and piece of evidence of its history with reviewer and time. HTML is one self-contained file (no
    scripts) with a chart of statuses per outlet. An --outlet that matches no outlet is an error.
    """
    if fmt is None:
        fmt = SUFFIXES.get(Path(output).suffix.lower(), "md") if output else "md"
    if limit is None:
        limit = READER_LIMIT if fmt in ("md", "html") else 0
    with db.sessions() as session:
        report = build_report(session, ReportFilter(outlet=outlet, status=status, since=since,
                                                    include_undated=include_undated, story=story,
                                                    limit=limit or None))
        with _open(output) as out:
            WRITERS[fmt](report, out)  # the claims are read from the database as they are written
    if output:
        click.echo(f"report of {report['counts']['total']} claims written to {output} ({fmt})", err=True)
    if note := left_out_note(report):
        click.echo(note, err=True)
