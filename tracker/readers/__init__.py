"""Turning files into articles: each reader yields :class:`Article` objects or :class:`IngestError` for bad input.

Web pages are fetched by ``fetch`` and read as HTML files are."""
from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import IngestError, NoTextFiles, Unreadable
from .article import Article
from .csv import read_csv_file
from .html import HtmlPage, read_html_file, read_html_page
from .jsonl import read_jsonl_file
from .limits import check_article
from .text import read_text_file

__all__ = ["Article", "HtmlPage", "read_paths", "READERS"]

#: file ending -> reader; each reader takes (path, encoding) and yields Articles or IngestErrors
READERS = {
    ".txt": read_text_file,
    ".html": read_html_file,
    ".htm": read_html_file,
    ".jsonl": read_jsonl_file,
    ".csv": read_csv_file,
}


def _walk(folder: Path) -> tuple[list[Path], list[IngestError]]:
    """The files below ``folder`` that a reader takes, and a line for each subfolder that cannot be listed.

    A broken or looping link is listed too, so it is reported rather than silently passed over.
    """
    found: list[Path] = []
    errors: list[IngestError] = []

    def unlistable(exc: OSError) -> None:
        errors.append(Unreadable(str(exc.filename or folder), f"folder cannot be read: {exc.strerror or exc}"))

    for top, dirs, names in os.walk(folder, onerror=unlistable):
        dirs.sort()
        for name in names:
            path = Path(top) / name
            if path.suffix.lower() in READERS:
                found.append(path)
    return sorted(found), errors


def _files_below(folder: Path) -> list[Path]:
    return _walk(folder)[0]


def read_paths(paths: Iterable[str | Path], encoding: str | None = None,
               defer_html: bool = False) -> Iterator[Article | HtmlPage | IngestError]:
    """Every article under ``paths`` (files and folders, recursively), in a stable order.

    With ``defer_html``, HTML pages come as :class:`HtmlPage` (decoded, not yet extracted), for a caller that
    extracts them elsewhere. Each article is within the limits of ``limits`` (else an IngestError comes instead);
    anything that is not a regular file or folder (a FIFO, a device) is refused without being opened.
    """
    for raw in paths:
        path = Path(raw)
        try:
            kind = _kind(path)
        except OSError as exc:
            yield Unreadable(str(path), f"cannot be read: {exc.strerror or exc}")
            continue
        if kind == "folder":
            files, errors = _walk(path)
            yield from errors
            if not files and not errors:
                yield NoTextFiles(str(path), f"no files ending in {', '.join(READERS)} found")
            for file in files:
                yield from _read_file(file, encoding, defer_html)
        elif kind == "missing":
            yield Unreadable(str(path), "no such file or directory")
        else:
            yield from _read_file(path, encoding, defer_html)


def _kind(path: Path) -> str:
    """folder, file, link (a link that leads nowhere) or missing; OSError when it cannot even be looked at."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "link" if path.is_symlink() else "missing"
    return "folder" if stat.S_ISDIR(mode) else "file"


def _read_file(path: Path, encoding: str | None, defer_html: bool) -> Iterator[Article | HtmlPage | IngestError]:
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        yield Unreadable(str(path), f"cannot be read: {exc.strerror or exc}")
        return
    if not stat.S_ISREG(mode):
        yield Unreadable(str(path), "not a regular file (a pipe, device or socket); not opened")
        return
    reader: Callable[[Path, str | None], Iterator[Article | HtmlPage | IngestError]]
    reader = READERS.get(path.suffix.lower(), read_text_file)
    if defer_html and reader is read_html_file:
        reader = read_html_page
    for item in reader(path, encoding):
        if isinstance(item, Article):
            try:
                check_article(item, _where(item, path))
            except IngestError as exc:
                exc.file = item.file or str(path)
                yield exc
                continue
        yield item


def _where(article: Article, path: Path) -> str:
    """The file, or the file and row, an article came from, for its error line."""
    if article.format in ("jsonl", "csv") and "#" in article.name:
        return f"{article.file or path}#{article.name.rsplit('#', 1)[1]}"
    return article.file or str(path)


def count_files(paths: Iterable[str | Path]) -> int:
    """How many files ``read_paths`` will open (for a progress bar)."""
    total = 0
    for raw in paths:
        path = Path(raw)
        try:
            total += len(_files_below(path)) if path.is_dir() else 1
        except OSError:
            total += 1
    return total
