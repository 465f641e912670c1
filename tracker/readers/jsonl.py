"""JSON Lines files of articles: one JSON object a line (fields: see ``fields``).

Read a line at a time, so a large file does not sit in memory, and a bad line is reported on its own while
the other lines are ingested.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..errors import IngestError, NotUtf8, Unreadable
from .article import Article
from .fields import article_from_row, in_file


def read_jsonl_file(path: Path, encoding: str | None = None) -> Iterator[Article | IngestError]:
    yield from in_file(_read_rows(path, encoding), path)


def _read_rows(path: Path, encoding: str | None) -> Iterator[Article | IngestError]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Unreadable(str(path), f"cannot be read: {exc.strerror or exc}")
        return
    rows = 0
    with handle:
        for number, raw in enumerate(handle, start=1):
            if number == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")  # a byte-order mark some editors write
            if not raw.strip():
                continue
            rows += 1
            where = f"{path}#{number}"
            try:
                line = raw.decode(encoding or "utf-8")
            except UnicodeDecodeError:
                yield (IngestError(where, f"not valid {encoding}") if encoding else
                       NotUtf8(where, "not valid UTF-8; use --encoding if you know its encoding"))
                continue
            except LookupError:
                yield IngestError(str(path), f"unknown encoding {encoding!r}")
                return
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                yield IngestError(where, f"not valid JSON ({exc.msg} at column {exc.colno})")
                continue
            if not isinstance(row, dict):
                yield IngestError(where, "not a JSON object")
                continue
            try:
                yield article_from_row(row, path, number, "jsonl")
            except IngestError as exc:
                yield exc
    if rows == 0:
        yield IngestError(str(path), "no articles in the file")
