"""CSV files of articles: a header row naming the columns (``text`` required; see ``fields``), one article a row.

Quoted fields may hold line breaks, as article text does; the row number counts data rows from 1.
"""
from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from pathlib import Path

from ..errors import IngestError
from .article import Article
from .fields import article_from_row, in_file
from .text import decode, read_bytes

# article bodies are longer than the csv module's default field limit of 128 KB
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def read_csv_file(path: Path, encoding: str | None = None) -> Iterator[Article | IngestError]:
    yield from in_file(_read_rows(path, encoding), path)


def _read_rows(path: Path, encoding: str | None) -> Iterator[Article | IngestError]:
    try:
        text = decode(path, read_bytes(path), encoding).removeprefix("\ufeff")
    except IngestError as exc:
        yield exc
        return
    reader = csv.DictReader(text.splitlines(keepends=True))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    if "text" not in header:
        yield IngestError(str(path), "no 'text' column in the header row")
        return
    try:
        for number, row in enumerate(reader, start=1):
            try:
                yield article_from_row(row, path, number, "csv")
            except IngestError as exc:
                yield exc
    except csv.Error as exc:
        yield IngestError(f"{path}#{reader.line_num}", f"not valid CSV ({exc})")
