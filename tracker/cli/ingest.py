from __future__ import annotations

import re

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from ..readers import count_files, read_paths
from ..readers.limits import MAX_CHARS
from ..services.ingest import DocumentResult, ingest
from ..services.link import link_new_documents
from ..services.safe_text import one_line
from . import main
from .common import Database, creates_db, db_option, fail, pass_db, show_progress, stderr

#: a path that is a URL (``https://…``, ``ftp://…``), not a file
URL = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://")
NOT_FETCHED = "URLs are not fetched yet; save the page and ingest the file"


@main.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--outlet", metavar="NAME", help="The outlet of every file given (default: detected from the text).")
@click.option("--encoding", metavar="NAME", help="Read files in this encoding instead of UTF-8 (e.g. latin-1).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar, no per-file lines; only errors and the summary.")
@db_option
@pass_db
@creates_db
def ingest_command(db: Database, paths: tuple[str, ...], outlet: str | None, encoding: str | None, quiet: bool) -> None:
    """Read articles from files and folders and extract their claims.

    PATHS are files or folders, searched recursively for .txt, .html/.htm, .jsonl and .csv files (a JSON
    Lines or CSV file holds one article a row). A text file beginning with `date YYYY-MM-DD` gets that
    publication date; an HTML page's own metadata gives its title, date and outlet. Text already stored
    (same SHA-256) is reported as already present.
    No document is ever stored in part: a bad file is reported in one line and the rest go on.
    Documents an earlier run stored but never linked (it was killed or interrupted) are linked too.
    The exit status is 1 if any file failed.
    """
    if outlet is not None and (len(outlet) > MAX_CHARS["outlet"] or "\x00" in outlet or not outlet.strip()):
        fail(f"--outlet must be 1 to {MAX_CHARS['outlet']} characters without NUL")
    urls = [p for p in paths if URL.match(p)]
    if urls and len(urls) == len(paths):
        fail(f"{urls[0]}: {NOT_FETCHED}" if len(urls) == 1 else f"{len(urls)} URLs given: {NOT_FETCHED}")
    for url in urls:
        click.echo(f"tracker: skipped {one_line(url)}: {NOT_FETCHED}", err=True)
    paths = tuple(p for p in paths if p not in urls)
    sessions = db.sessions
    items = read_paths(paths, encoding=encoding, defer_html=True)  # pages are read in the extraction workers

    def report(result: DocumentResult) -> None:
        if result.status == "failed":
            click.echo(f"tracker: skipped {one_line(result.error)}", err=True)

    if show_progress(quiet):
        columns = (TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
                   TimeRemainingColumn())
        with Progress(*columns, console=stderr, transient=True) as progress:
            task = progress.add_task("ingest", total=count_files(paths))
            current_file: list[str | None] = [None]

            def advance(result: DocumentResult) -> None:
                if result.status == "failed":
                    # printed through the live display so the bar does not tear the line
                    progress.console.print(f"tracker: skipped {one_line(result.error)}", markup=False, highlight=False,
                                           soft_wrap=True)
                # a JSON Lines or CSV file yields many results: the bar counts files
                if result.file != current_file[0]:
                    current_file[0] = result.file
                    progress.advance(task)

            summary = ingest(sessions, items, outlet=outlet, on_result=advance)
    else:
        summary = ingest(sessions, items, outlet=outlet, on_result=report)
    # link what was just stored against what is there, and whatever an earlier run stored and never linked
    linked = link_new_documents(sessions, summary.document_ids)
    summary.links, summary.left_over = linked.stored, linked.left_over
    click.echo(summary.line(), err=True)
    if summary.failed or urls:
        raise SystemExit(1)
