"""What a row of a bulk file (JSON Lines or CSV) may carry, shared by both readers.

A row is one article: ``text`` (required) and optionally ``title``, ``date`` (or ``published``; ISO
``YYYY-MM-DD``, a longer ISO timestamp is cut to its date), ``outlet`` and ``url``. Its name is the file's
name plus ``#`` and the row number (JSON Lines: the line number; CSV: the data row, the header not counted);
its origin is its url, else that name with the file's path.
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import EmptyDocument, IngestError
from .article import Article


def in_file(items: Iterator[Article | IngestError], path: Path) -> Iterator[Article | IngestError]:
    """Tag a bad row's error with the file it is in (its own path names the row), for per-file progress."""
    for item in items:
        if isinstance(item, IngestError):
            item.file = str(path)
        yield item


def article_from_row(row: dict[str, Any], path: Path, number: int, fmt: str) -> Article:
    where = f"{path}#{number}"
    fields = {str(k).strip().lower(): v for k, v in row.items() if k is not None}
    text = fields.get("text")
    if text is None:
        raise IngestError(where, "no 'text' field")
    if not isinstance(text, str):
        raise IngestError(where, "'text' is not a string")
    if not text.strip():
        raise EmptyDocument(where)
    url = _optional(fields, "url", where)
    return Article(
        text=text,
        name=f"{path.name}#{number}",
        origin=url or where,
        format=fmt,
        title=_optional(fields, "title", where),
        published=_date(_optional(fields, "date", where) or _optional(fields, "published", where), where),
        outlet=_optional(fields, "outlet", where),
        file=str(path),
    )


def _optional(fields: dict[str, Any], key: str, where: str) -> str | None:
    value = fields.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise IngestError(where, f"'{key}' is not a string")
    return value.strip() or None


def _date(value: str | None, where: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError as exc:
        raise IngestError(where, f"'{value}' is not a date (expected YYYY-MM-DD)") from exc
