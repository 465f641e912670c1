"""HTML pages: the article's main text, title, date and outlet, extracted with trafilatura.

The stored text is what trafilatura extracts (headline, then one paragraph a line), so claim offsets point into
that text, not into the markup. Title, date and outlet come from the page's metadata (``og:title``,
``article:published_time``, ``og:site_name`` and the like) where it has them; the origin is the page's
canonical URL when it declares one, else the file's path. A page fetched from the web (see ``fetch``) is named by
its URL: its origin is its ``<link rel="canonical">``, resolved against the URL it was fetched from, else that URL.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from ..errors import EmptyDocument, IngestError, NotUtf8
from .article import Article
from .limits import MAX_CHARS, check_article
from .text import decode, read_bytes

# a page that is not UTF-8 usually says what it is: <meta charset="..."> or http-equiv content="...charset=..."
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.I)


@dataclass(frozen=True, slots=True)
class HtmlPage:
    """A page read and decoded but not yet extracted: main-text extraction is the slow part of reading HTML,
    so ingest hands it to its worker processes (see ``read_paths(..., defer_html=True)``)."""

    markup: str
    #: the file it was read from, or the URL it was fetched from (after redirects)
    path: str
    #: the URL it was fetched from, after redirects; None for a file
    url: str | None = None

    @property
    def file(self) -> str:
        return self.path

    def article(self) -> Article:
        """The page's Article; raises IngestError when it has no article text."""
        if self.url is not None:
            return article_from_fetched_html(self.markup, self.url)
        return article_from_html(self.markup, Path(self.path))


def read_html_file(path: Path, encoding: str | None = None) -> Iterator[Article | IngestError]:
    for page in read_html_page(path, encoding):
        try:
            yield page.article() if isinstance(page, HtmlPage) else page
        except IngestError as exc:
            yield exc


def read_html_page(path: Path, encoding: str | None = None) -> Iterator[HtmlPage | IngestError]:
    try:
        yield HtmlPage(decode_page(path, read_bytes(path), encoding), str(path))
    except IngestError as exc:
        yield exc


def decode_page(path: Path | str, data: bytes, encoding: str | None) -> str:
    try:
        return decode(path, data, encoding)
    except NotUtf8:
        declared = _DECLARED_CHARSET.search(data[:4096])
        if not declared or declared[1].lower() in (b"utf-8", b"utf8"):
            raise
        return decode(path, data, declared[1].decode("ascii"))


def article_from_html(markup: str, path: Path) -> Article:
    """The page's main text and metadata as an Article; raises IngestError when the page has no article text."""
    page = _extract(markup, str(path))
    return _article(page, name=path.name, origin=page.url or str(path), file=str(path))


def article_from_fetched_html(markup: str, url: str) -> Article:
    """A page fetched from ``url`` (after redirects): its origin is the canonical URL it declares, else ``url``."""
    from trafilatura.utils import load_html

    tree = load_html(markup)
    if tree is None:
        raise EmptyDocument(url, "no article text found in the page")
    origin = canonical_url(tree, url) or url  # before extraction, which prunes the tree
    page = _extract(tree, url)
    return _article(page, name=url_name(url), origin=origin, file=url)


def _extract(markup: Any, where: str) -> Any:
    """trafilatura's main text and metadata of a page (markup or a parsed tree); EmptyDocument when it has none."""
    try:
        import trafilatura
        from trafilatura.settings import Document
    except ImportError as exc:
        raise IngestError(where, "reading HTML needs trafilatura: pip install 'tracker[html]'") from exc
    # trafilatura logs what it could not parse as warnings; the one line we report says enough
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    page = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False, include_tables=False)
    if not isinstance(page, Document) or not page.text or not page.text.strip():
        raise EmptyDocument(where, "no article text found in the page")
    return page


def _article(page: Any, name: str, origin: str, file: str) -> Article:
    return check_article(Article(
        text=page.text,
        name=name,
        origin=origin,
        format="html",
        title=page.title or None,
        published=_iso_date(page.date),
        outlet=page.sitename or None,
        file=file,
    ), file)


def canonical_url(tree: Any, base: str) -> str | None:
    """The http(s) URL of the page's first ``<link rel="canonical" href>``, resolved against ``base``; else None."""
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        href = (link.get("href") or "").strip()
        if "canonical" in rel and href:
            url = urljoin(base, href)
            parts = urlsplit(url)
            if parts.scheme in ("http", "https") and parts.hostname and len(url) <= MAX_CHARS["origin"]:
                return url
    return None


def url_name(url: str) -> str:
    """A page's name (the export's source.name): the last segment of its URL's path, else its host."""
    parts = urlsplit(url)
    segment = unquote(parts.path.rstrip("/").rpartition("/")[2])
    return (segment or parts.hostname or url)[:MAX_CHARS["name"]]


def _iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
