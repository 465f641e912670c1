"""RSS and Atom feeds: fetched like pages (the same limits, User-Agent and failure lines), parsed by feedparser.

A feed gives entries, each with a key that stays the same while the entry does: its id (else its link), plus
its ``updated`` stamp when it has one, so an article the outlet updates comes round again and is stored as its
next version.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from ..errors import FetchError
from .fetch import download

if TYPE_CHECKING:
    import httpx

#: media types read as feeds (servers label RSS and Atom in all these ways)
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
                        "text/xml", "application/feed+xml", "application/x-rss+xml"})


@dataclass(frozen=True, slots=True)
class FeedEntry:
    #: sha256 of the entry's id (or link) and its updated stamp: what is remembered as seen
    key: str
    link: str
    title: str | None
    published: date | None


def fetch_feed(client: httpx.Client, url: str, timeout: float) -> list[FeedEntry]:
    """The entries of the feed at ``url`` that link to a page, in the feed's order; a FetchError when the feed
    cannot be had or is not a feed."""
    import feedparser

    _, data, _, _ = download(client, url, timeout, FEED_TYPES)
    parsed = feedparser.parse(data)
    if not parsed.get("version") and not parsed.entries:
        why = parsed.get("bozo_exception")
        raise FetchError(url, "not an RSS or Atom feed" + (f" ({str(why)[:200]})" if why else ""))
    entries = []
    for item in parsed.entries:
        link = item.get("link")
        if not link:
            continue
        ident = item.get("id") or link
        # the dict's own lookup: feedparser's would answer "updated" with "published" (and warn)
        stamp = dict.get(item, "updated") or dict.get(item, "published") or ""
        key = hashlib.sha256(f"{ident}\n{stamp}".encode()).hexdigest()
        entries.append(FeedEntry(key, _absolute(url, link), item.get("title"), _day(item)))
    return entries


def _absolute(base: str, link: str) -> str:
    from urllib.parse import urljoin

    return urljoin(base, link)


def _day(item: Any) -> date | None:
    when = item.get("published_parsed") or item.get("updated_parsed")
    return date(when.tm_year, when.tm_mon, when.tm_mday) if when else None
