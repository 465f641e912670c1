from __future__ import annotations

import itertools

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from ..readers import count_files, read_paths
from ..readers.fetch import DEFAULT_TIMEOUT, fetch_pages, is_url
from ..readers.limits import MAX_CHARS
from ..services.ingest import DocumentResult, ingest
from ..services.link import link_new_documents
from ..services.safe_text import one_line
from . import main
from .common import Database, creates_db, db_option, fail, pass_db, show_progress, stderr


@main.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--outlet", metavar="NAME", help="The outlet of every file given (default: detected from the text).")
@click.option("--encoding", metavar="NAME", help="Read files in this encoding instead of UTF-8 (e.g. latin-1).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=DEFAULT_TIMEOUT, show_default=True,
              metavar="SECONDS", help="The longest a URL's page may take to arrive, from connecting to its last byte.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar, no per-file lines; only errors and the summary.")
@db_option
@pass_db
@creates_db
def ingest_command(db: Database, paths: tuple[str, ...], outlet: str | None, encoding: str | None, timeout: float,
                   quiet: bool) -> None:
    """Read articles from files, folders and web pages and extract their claims.

    PATHS are files or folders, searched recursively for .txt, .html/.htm, .jsonl and .csv files (a JSON
    Lines or CSV file holds one article a row), or http(s):// URLs of web pages, fetched after the files
    and read as HTML files are (the origin is the page's canonical URL, else the URL after redirects).
    A text file beginning with `date YYYY-MM-DD` gets that
    publication date; an HTML page's own metadata gives its title, date and outlet. Text already stored
    (same SHA-256) is reported as already present.
    No document is ever stored in part: a bad file, or a page that cannot be fetched (host not found, refused,
    timed out, HTTP error, not HTML, too large), is reported in one line and the rest go on.
    Documents an earlier run stored but never linked (it was killed or interrupted) are linked too.
    The exit status is 1 if any file failed.
    """
    if outlet is not None and (len(outlet) > MAX_CHARS["outlet"] or "\x00" in outlet or not outlet.strip()):
        fail(f"--outlet must be 1 to {MAX_CHARS['outlet']} characters without NUL")
    urls = [p for p in paths if is_url(p)]
    paths = tuple(p for p in paths if not is_url(p))
    sessions = db.sessions
    # pages (files and fetched) are read in the extraction workers
    items = itertools.chain(read_paths(paths, encoding=encoding, defer_html=True),
                            fetch_pages(urls, timeout=timeout, encoding=encoding))

    def report(result: DocumentResult) -> None:
        if result.status == "failed":
            click.echo(f"tracker: skipped {one_line(result.error)}", err=True)

    if show_progress(quiet):
        columns = (TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
                   TimeRemainingColumn())
        with Progress(*columns, console=stderr, transient=True) as progress:
            task = progress.add_task("ingest", total=count_files(paths) + len(urls))
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
    if summary.failed:
        raise SystemExit(1)
