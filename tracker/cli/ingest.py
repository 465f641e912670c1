from __future__ import annotations

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from ..readers import count_files, read_paths
from ..services.ingest import DocumentResult, ingest
from . import main
from .common import Database, db_option, pass_db, show_progress, stderr


@main.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--outlet", metavar="NAME", help="The outlet of every file given (default: detected from the text).")
@click.option("--encoding", metavar="NAME", help="Read files in this encoding instead of UTF-8 (e.g. latin-1).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar, no per-file lines; only errors and the summary.")
@db_option
@pass_db
def ingest_command(db: Database, paths: tuple[str, ...], outlet: str | None, encoding: str | None, quiet: bool) -> None:
    """Read articles from files and folders and extract their claims.

    PATHS are files or folders (searched recursively for .txt files). A file beginning with
    `date YYYY-MM-DD` gets that publication date. Text already stored (same SHA-256) is skipped.
    Each document is stored in its own transaction: a bad file is reported in one line and the rest go on.
    The exit status is 1 if any file failed.
    """
    sessions = db.sessions
    items = read_paths(paths, encoding=encoding)

    def report(result: DocumentResult) -> None:
        if result.status == "failed":
            stderr.print(f"tracker: skipped {result.error}", markup=False, highlight=False)

    if show_progress(quiet):
        columns = (TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
        with Progress(*columns, console=stderr, transient=True) as progress:
            task = progress.add_task("ingest", total=count_files(paths))

            def advance(result: DocumentResult) -> None:
                report(result)
                progress.advance(task)

            summary = ingest(sessions, items, outlet=outlet, on_result=advance)
    else:
        summary = ingest(sessions, items, outlet=outlet, on_result=report)
    click.echo(summary.line(), err=True)
    if summary.failed:
        raise SystemExit(1)
