"""Turning files into articles: each reader yields :class:`Article` objects or :class:`IngestError` for bad input."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import IngestError, NoTextFiles, Unreadable
from .article import Article
from .csv import read_csv_file
from .html import read_html_file
from .jsonl import read_jsonl_file
from .text import read_text_file

__all__ = ["Article", "read_paths", "READERS"]

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


def read_paths(paths: Iterable[str | Path], encoding: str | None = None) -> Iterator[Article | IngestError]:
    """Every article under ``paths`` (files and folders, recursively), in a stable order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = _files_below(path)
            if not files:
                yield NoTextFiles(str(path), f"no files ending in {', '.join(READERS)} found")
            for file in files:
                yield from _read_file(file, encoding)
        elif path.exists() or path.is_symlink():
            yield from _read_file(path, encoding)
        else:
            yield Unreadable(str(path), "no such file or directory")


def _read_file(path: Path, encoding: str | None) -> Iterator[Article | IngestError]:
    reader = READERS.get(path.suffix.lower(), read_text_file)
    yield from reader(path, encoding)


def count_files(paths: Iterable[str | Path]) -> int:
    """How many files ``read_paths`` will open (for a progress bar)."""
    total = 0
    for raw in paths:
        path = Path(raw)
        total += len(_files_below(path)) if path.is_dir() else 1
    return total
