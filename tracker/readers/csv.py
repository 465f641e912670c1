"""CSV files of articles: a header row naming the columns (``text`` required; see ``fields``), one article a row.

Quoted fields may hold line breaks, as article text does; the row number counts data rows from 1.
"""
from __future__ import annotations

import csv
import io
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
        # a CSV file holds many articles: each row is held to the document limit, not the file
        text = decode(path, read_bytes(path, limited=False), encoding).removeprefix("\ufeff")
    except IngestError as exc:
        yield exc
        return
    # only \r and \n end a row (str.splitlines would also split at a form feed or \x1c); strict, so a quote left
    # open is reported rather than taking in the rest of the file
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [h.strip().lower() for h in reader.fieldnames or []]
    except csv.Error as exc:
        yield IngestError(str(path), f"not valid CSV in the header row ({exc})")
        return
    if "text" not in header:
        yield IngestError(str(path), "no 'text' column in the header row")
        return
    number = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            if number == 0:
                yield IngestError(str(path), "no articles in the file")
            return
        except csv.Error as exc:
            number += 1
            yield IngestError(f"{path}#{number}", f"not valid CSV at line {reader.line_num} ({exc})")
            continue
        number += 1
        try:
            yield article_from_row(row, path, number, "csv")
        except IngestError as exc:
            yield exc
