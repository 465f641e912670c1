"""Plain-text articles. A file may begin with ``date YYYY-MM-DD `` (after optional spaces): its publication date."""
from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from ..errors import BinaryFile, EmptyDocument, IngestError, NotUtf8, Unreadable
from .article import Article
from .limits import too_large

_DATE_HEADER = re.compile(r"\s*date (\d{4})-(\d{2})-(\d{2})\s")


def publication_date(text: str) -> date | None:
    """The date of a leading ``date YYYY-MM-DD`` header, or None."""
    m = _DATE_HEADER.match(text)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def decode(path: Path | str, data: bytes, encoding: str | None) -> str:
    """Bytes to text, refusing binary data and (unless an encoding is named) anything but UTF-8.

    Binary data is told by a NUL: in the first bytes when no encoding is named, else in the decoded text (UTF-16
    and UTF-32 hold NUL bytes in every ASCII character).
    """
    if not encoding and b"\x00" in data[:8192]:
        raise BinaryFile(str(path))
    try:
        text = data.decode(encoding or "utf-8")
    except UnicodeDecodeError as exc:
        if encoding:
            raise IngestError(str(path), f"not valid {encoding} at byte {exc.start}") from exc
        reason = f"not valid UTF-8 (byte {exc.start}); use --encoding if you know its encoding"
        raise NotUtf8(str(path), reason) from exc
    except LookupError as exc:
        raise IngestError(str(path), f"unknown encoding {encoding!r}") from exc
    if encoding and "\x00" in text[:8192]:
        raise BinaryFile(str(path))
    if not text.strip():
        raise EmptyDocument(str(path))
    return text.removeprefix("\ufeff") if encoding else text


def read_bytes(path: Path, limited: bool = True) -> bytes:
    """The file's bytes; with ``limited``, a file over the document size limit is refused before it is read."""
    try:
        if limited and (reason := too_large(path.stat().st_size)):
            raise IngestError(str(path), reason)
        return path.read_bytes()
    except OSError as exc:
        raise Unreadable(str(path), f"cannot be read: {exc.strerror or exc}") from exc


def read_text_file(path: Path, encoding: str | None = None) -> Iterator[Article | IngestError]:
    try:
        text = decode(path, read_bytes(path), encoding)
    except IngestError as exc:
        yield exc
        return
    yield Article(text=text, name=path.name, origin=str(path), format="txt",
                  published=publication_date(text), file=str(path))
