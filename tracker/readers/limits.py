"""What an article may hold, decided once for SQLite and PostgreSQL alike and checked as it is read.

PostgreSQL refuses what SQLite would take (a NUL character, a title longer than its column, a full-text vector
over 1 MB), so each limit below is the stricter engine's, applied on both: a file or row over one is refused
with one line naming it, and the rest of the run goes on.
"""
from __future__ import annotations

import os
import re
from dataclasses import fields

from ..errors import ConfigError, IngestError
from .article import Article

#: longest text an article may have, in bytes of UTF-8 (a setting: ``TRACKER_MAX_DOCUMENT_BYTES``)
DEFAULT_MAX_DOCUMENT_BYTES = 2_000_000
ENV_MAX_DOCUMENT_BYTES = "TRACKER_MAX_DOCUMENT_BYTES"

#: the longest value, in characters, of each field of an article (the database columns' lengths)
MAX_CHARS = {"outlet": 300, "title": 1000, "origin": 2000, "name": 300}
#: largest id or offset either engine stores (a signed 64-bit integer)
MAX_ID = 2**63 - 1
#: longest reviewer name, in characters
MAX_REVIEWER = 200
#: an estimate of the size of the text's full-text vector (PostgreSQL refuses one over 1 MB), with room to spare
MAX_FULL_TEXT_BYTES = 512 * 1024

_WORD = re.compile(r"\w+")


def max_document_bytes() -> int:
    raw = os.environ.get(ENV_MAX_DOCUMENT_BYTES)
    if not raw:
        return DEFAULT_MAX_DOCUMENT_BYTES
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{ENV_MAX_DOCUMENT_BYTES}={raw!r} is not a number of bytes") from None
    return max(value, 1)


def too_large(size: int) -> str | None:
    """Why a text of ``size`` bytes is refused, or None."""
    limit = max_document_bytes()
    if size > limit:
        return f"{size:,} bytes, over the limit of {limit:,} ({ENV_MAX_DOCUMENT_BYTES})"
    return None


def full_text_bytes(text: str) -> int:
    """An upper estimate of the size of ``text``'s full-text vector: each distinct word with its positions."""
    counts: dict[str, int] = {}
    for word in _WORD.findall(text.lower()):
        counts[word] = counts.get(word, 0) + 1
    return sum(len(word.encode("utf-8")) + 8 + 2 * min(n, 256) for word, n in counts.items())


def check_article(article: Article, where: str | None = None) -> Article:
    """``article`` if it is within every limit; else an IngestError naming the file or row."""
    where = where or article.origin[:200]
    for field in fields(Article):
        value = getattr(article, field.name)
        if isinstance(value, str) and "\x00" in value:
            raise IngestError(where, f"the {field.name} holds a NUL character")
    for name, limit in MAX_CHARS.items():
        value = getattr(article, name)
        if value is not None and len(value) > limit:
            raise IngestError(where, f"the {name} is {len(value):,} characters long, over the limit of {limit:,}")
    reason = too_large(len(article.text.encode("utf-8", "surrogatepass")))
    if reason:
        raise IngestError(where, f"text of {reason}")
    _check_encodable(article, where)
    if full_text_bytes(article.text) > MAX_FULL_TEXT_BYTES:
        raise IngestError(where, f"too many distinct words to index (over {MAX_FULL_TEXT_BYTES:,} bytes of "
                                 "full-text index)")
    return article


def _check_encodable(article: Article, where: str) -> None:
    """A lone surrogate (from JSON's ``"\\ud800"``) cannot be stored as UTF-8 by either engine."""
    for field in fields(Article):
        value = getattr(article, field.name)
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise IngestError(where, f"the {field.name} holds a lone surrogate, not a character") from None
