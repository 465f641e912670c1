"""JSON Lines files of articles: one JSON object a line (fields: see ``fields``).

Read a line at a time, so a large file does not sit in memory, and a bad line is reported on its own while
the other lines are ingested: a line that is not JSON, nested too deep to read, longer than a document may be,
or holding a lone surrogate (``"\\ud800"``, not a character) is one bad row.
"""
from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ..errors import IngestError, NotUtf8, Unreadable
from .article import Article
from .fields import article_from_row, in_file
from .limits import max_document_bytes
from .text import decode, read_bytes

#: a row is JSON around its text, which escapes may make up to six times longer (``\u00e9``)
_ESCAPE_GROWTH = 6
_ROW_OVERHEAD = 1 << 20


def read_jsonl_file(path: Path, encoding: str | None = None) -> Iterator[Article | IngestError]:
    yield from in_file(_read_rows(path, encoding), path)


def _ascii_compatible(encoding: str | None) -> bool:
    try:
        return not encoding or codecs.lookup(encoding).encode("\n")[0] == b"\n"
    except LookupError:
        return True  # reported when the first line is decoded


def _read_rows(path: Path, encoding: str | None) -> Iterator[Article | IngestError]:
    rows = 0
    for number, line in _lines(path, encoding):
        if isinstance(line, IngestError):
            yield line
            if line.path == str(path):
                return
            rows += 1
            continue
        if not line.strip():
            continue
        rows += 1
        item = _row(line, path, number)
        yield item
    if rows == 0:
        yield IngestError(str(path), "no articles in the file")


def _row(line: str, path: Path, number: int) -> Article | IngestError:
    where = f"{path}#{number}"
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        return IngestError(where, f"not valid JSON ({exc.msg} at column {exc.colno})")
    except RecursionError:
        return IngestError(where, "JSON nested too deep to read")
    if not isinstance(row, dict):
        return IngestError(where, "not a JSON object")
    try:
        return article_from_row(row, path, number, "jsonl")
    except IngestError as exc:
        return exc


def _lines(path: Path, encoding: str | None) -> Iterator[tuple[int, str | IngestError]]:
    """Each line of the file, decoded, with its number; an IngestError for the file (then nothing more) or for
    one line."""
    if not _ascii_compatible(encoding):  # UTF-16 and the like: a line break is not the byte \n
        try:
            text = decode(path, read_bytes(path, limited=False), encoding)
        except IngestError as exc:
            yield 0, exc
            return
        yield from enumerate(text.splitlines(), start=1)
        return
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield 0, Unreadable(str(path), f"cannot be read: {exc.strerror or exc}")
        return
    with handle:
        yield from _byte_lines(handle, path, encoding)


def _byte_lines(handle: IO[bytes], path: Path, encoding: str | None) -> Iterator[tuple[int, str | IngestError]]:
    limit = max_document_bytes() * _ESCAPE_GROWTH + _ROW_OVERHEAD
    number = 0
    while raw := handle.readline(limit + 1):
        number += 1
        where = f"{path}#{number}"
        if len(raw) > limit:
            while (rest := handle.readline(limit)) and not rest.endswith(b"\n"):
                pass  # the rest of the long line, never held whole
            yield number, IngestError(where, f"line over {limit:,} bytes, longer than a document may be")
            continue
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")  # a byte-order mark some editors write
        try:
            yield number, raw.decode(encoding or "utf-8")
        except UnicodeDecodeError:
            yield number, (IngestError(where, f"not valid {encoding}") if encoding else
                           NotUtf8(where, "not valid UTF-8; use --encoding if you know its encoding"))
        except LookupError:
            yield number, IngestError(str(path), f"unknown encoding {encoding!r}")
            return
