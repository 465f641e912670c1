"""Turning files into articles: each reader yields :class:`Article` objects or :class:`IngestError` for bad input."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import IngestError, NoTextFiles, Unreadable
from .article import Article
from .csv import read_csv_file
from .html import HtmlPage, read_html_file, read_html_page
from .jsonl import read_jsonl_file
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


def _files_below(folder: Path) -> list[Path]:
    # a broken or looping link is listed too, so it is reported rather than silently passed over
    return sorted(p for p in folder.rglob("*")
                  if p.suffix.lower() in READERS and (p.is_file() or (p.is_symlink() and not p.is_dir())))


def read_paths(paths: Iterable[str | Path], encoding: str | None = None,
               defer_html: bool = False) -> Iterator[Article | HtmlPage | IngestError]:
    """Every article under ``paths`` (files and folders, recursively), in a stable order.

    With ``defer_html``, HTML pages come as :class:`HtmlPage` (decoded, not yet extracted), for a caller that
    extracts them elsewhere.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = _files_below(path)
            if not files:
                yield NoTextFiles(str(path), f"no files ending in {', '.join(READERS)} found")
            for file in files:
                yield from _read_file(file, encoding, defer_html)
        elif path.exists() or path.is_symlink():
            yield from _read_file(path, encoding, defer_html)
        else:
            yield Unreadable(str(path), "no such file or directory")


def _read_file(path: Path, encoding: str | None, defer_html: bool) -> Iterator[Article | HtmlPage | IngestError]:
    reader: Callable[[Path, str | None], Iterator[Article | HtmlPage | IngestError]]
    reader = READERS.get(path.suffix.lower(), read_text_file)
    if defer_html and reader is read_html_file:
        reader = read_html_page
    yield from reader(path, encoding)


def count_files(paths: Iterable[str | Path]) -> int:
    """How many files ``read_paths`` will open (for a progress bar)."""
    total = 0
    for raw in paths:
        path = Path(raw)
        total += len(_files_below(path)) if path.is_dir() else 1
    return total
