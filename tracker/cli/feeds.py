"""``tracker feed add|list|pull``: RSS and Atom feeds whose new entries are fetched and ingested."""
from __future__ import annotations

import re
import time

import click
from rich.table import Table
from rich.text import Text

from ..readers.fetch import DEFAULT_TIMEOUT
from ..services.feeds import add_feed, list_feeds, pull
from ..services.ingest import DocumentResult
from ..services.link import link_new_documents
from ..services.safe_text import one_line
from . import main
from .common import Database, creates_db, db_option, pass_db, stdout

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


class Interval(click.ParamType):
    """A time between pulls: 900, 90s, 15m, 2h, 1d (at least 10 seconds)."""

    name = "interval"

    def convert(self, value, param, ctx) -> float:  # type: ignore[no-untyped-def]
        if isinstance(value, int | float):
            return float(value)
        match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", str(value).lower())
        if match is None:
            self.fail(f"{value!r} is not a time such as 900, 90s, 15m, 2h or 1d", param, ctx)
        seconds = float(match.group(1)) * _UNITS[match.group(2) or "s"]
        if seconds < 10:
            self.fail(f"{value!r} is under 10 seconds: be kind to the feeds' servers", param, ctx)
        return seconds


@main.group("feed")
def feed_group() -> None:
    """RSS and Atom feeds: add them once, then `tracker feed pull` fetches and ingests their new entries."""


@feed_group.command("add")
@click.argument("url")
@click.option("--outlet", metavar="NAME", help="The outlet of every page of this feed (default: from each page).")
@db_option
@pass_db
@creates_db
def feed_add(db: Database, url: str, outlet: str | None) -> None:
    """Add the feed at URL (an http(s):// address); adding it again changes nothing."""
    with db.sessions() as session:
        feed, added = add_feed(session, url, outlet)
        click.echo(f"feed {feed.id}: {one_line(feed.url)}" + ("" if added else " (already added)"))


@feed_group.command("list")
@db_option
@pass_db
def feed_list(db: Database) -> None:
    """The feeds: id, URL, outlet, entries stored, last pull and its error if it failed."""
    with db.sessions() as session:
        rows = list_feeds(session)
    table = Table()
    for name in ("id", "entries", "last pulled"):
        table.add_column(name, justify="right" if name != "last pulled" else "left")
    for name in ("url", "outlet", "last error"):
        table.add_column(name, overflow="fold")
    for r in rows:
        pulled = r.last_pulled_at.strftime("%Y-%m-%d %H:%M") if r.last_pulled_at else "never"
        error = f"{r.last_error} ({r.failures} in a row)" if r.last_error else ""
        table.add_row(*(Text(one_line(str(c))) for c in (r.id, r.entries, pulled, r.url, r.outlet or "", error)))
    stdout.print(table)
    click.echo(f"{len(rows)} feed{'s' * (len(rows) != 1)}", err=True)


@feed_group.command("pull")
@click.option("--every", type=Interval(), metavar="TIME",
              help="Pull again every TIME (15m, 1h, 900) until interrupted (Ctrl-C).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=DEFAULT_TIMEOUT, show_default=True,
              metavar="SECONDS", help="The longest a feed or a page may take to arrive.")
@db_option
@pass_db
@creates_db
def feed_pull(db: Database, every: float | None, timeout: float) -> None:
    """Fetch every feed, then fetch and ingest the pages of its entries not seen before (an updated entry is
    seen again, and its page stored as the article's next version if the text changed). A feed or page that
    cannot be had is reported in one line and tried again by the next pull; the others go on. The exit status
    is 1 if anything failed (with --every, only Ctrl-C ends it)."""
    while True:
        failed = _pull_once(db, timeout)
        if every is None:
            if failed:
                raise SystemExit(1)
            return
        click.echo(f"next pull in {every:g} s (Ctrl-C stops)", err=True)
        time.sleep(every)


def _pull_once(db: Database, timeout: float) -> bool:
    def report(result: DocumentResult) -> None:
        if result.status == "failed":
            click.echo(f"tracker: skipped {one_line(result.error)}", err=True)

    results = pull(db.sessions, timeout=timeout, on_result=report, workers=None)
    ids = [i for r in results for i in r.ingest.document_ids]
    linked = link_new_documents(db.sessions, ids)
    failed = False
    for r in results:
        if r.error:
            failed = True
            click.echo(f"tracker: feed {r.feed_id} failed, tried again next pull: {one_line(r.error)}", err=True)
            continue
        failed |= bool(r.ingest.failed)
        s = r.ingest
        click.echo(f"feed {r.feed_id}: {r.entries} entries, {r.fresh} not seen before; {s.new} new documents "
                   f"({s.versions} new versions), {s.present} already present, {s.failed} failed", err=True)
    click.echo(f"{len(results)} feeds pulled; {linked.stored} links", err=True)
    return failed
