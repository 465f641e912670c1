"""Feeds: RSS and Atom feeds added once and pulled again and again; each pull fetches the pages of the entries
not seen before and ingests them (a page already stored is present; one with a stored origin and other text is
its article's next version).

An entry is remembered as seen only once its page is stored (or found stored), so a page that could not be
fetched is tried again by the next pull. A feed that cannot be had is reported, keeps its error and its count
of failures in a row, and is tried again by the next pull; the other feeds go on.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from ..errors import FetchError, NotFound, TrackerError
from ..models import Feed, FeedEntry, utcnow
from ..readers.fetch import DEFAULT_TIMEOUT, fetch_pages, is_url, user_agent
from ..readers.limits import MAX_CHARS
from .ingest import DocumentResult, IngestSummary, ingest

if TYPE_CHECKING:
    import httpx


def _url_key(url: str) -> str:
    return hashlib.sha256(url.encode()).hexdigest()


def add_feed(session: Session, url: str, outlet: str | None = None) -> tuple[Feed, bool]:
    """The feed at ``url``, added if new; returns it and whether it was added."""
    url = url.strip()
    if not is_url(url) or not url.lower().startswith(("http://", "https://")) or len(url) > 2000:
        raise TrackerError(f"{url!r} is not an http(s):// URL of at most 2000 characters")
    if outlet is not None and (not outlet.strip() or len(outlet) > MAX_CHARS["outlet"] or "\x00" in outlet):
        raise TrackerError(f"--outlet must be 1 to {MAX_CHARS['outlet']} characters without NUL")
    existing = session.scalars(select(Feed).where(Feed.url_key == _url_key(url))).first()
    if existing is not None:
        return existing, False
    feed = Feed(url=url, outlet=outlet, url_key=_url_key(url), failures=0)
    session.add(feed)
    try:
        session.commit()
    except IntegrityError:  # added by someone else meanwhile
        session.rollback()
        return session.scalars(select(Feed).where(Feed.url_key == _url_key(url))).one(), False
    return feed, True


@dataclass(frozen=True, slots=True)
class FeedRow:
    id: int
    url: str
    outlet: str | None
    entries: int
    last_pulled_at: datetime | None
    last_error: str | None
    failures: int


def list_feeds(session: Session) -> list[FeedRow]:
    counts = dict(session.execute(select(FeedEntry.feed_id, func.count(FeedEntry.id))
                                  .group_by(FeedEntry.feed_id)).all())
    return [FeedRow(f.id, f.url, f.outlet, counts.get(f.id, 0), f.last_pulled_at, f.last_error, f.failures)
            for f in session.scalars(select(Feed).order_by(Feed.id))]


@dataclass
class FeedPull:
    """What one pull did to one feed."""

    feed_id: int
    url: str
    entries: int = 0
    fresh: int = 0
    error: str | None = None
    ingest: IngestSummary = field(default_factory=IngestSummary)


def pull(sessions: sessionmaker[Session], feed_ids: list[int] | None = None, timeout: float = DEFAULT_TIMEOUT,
         on_result: Callable[[DocumentResult], None] | None = None, workers: int | None = 1) -> list[FeedPull]:
    """Pull every feed (or those of ``feed_ids``): fetch it, and fetch and ingest its entries not seen before."""
    import httpx

    with sessions() as session:
        stmt = select(Feed.id, Feed.url, Feed.outlet).order_by(Feed.id)
        if feed_ids is not None:
            stmt = stmt.where(Feed.id.in_(feed_ids))
        feeds = session.execute(stmt).all()
        if feed_ids is not None and len(feeds) < len(set(feed_ids)):
            missing = sorted(set(feed_ids) - {f.id for f in feeds})
            raise NotFound(f"no feed with id {missing[0]}")
    results = []
    headers = {"User-Agent": user_agent()}
    with httpx.Client(headers=headers, timeout=httpx.Timeout(timeout), follow_redirects=True) as client:
        for feed_id, url, outlet in feeds:
            results.append(_pull_one(sessions, client, feed_id, url, outlet, timeout, on_result, workers))
    return results


def _pull_one(sessions: sessionmaker[Session], client: httpx.Client, feed_id: int, url: str, outlet: str | None,
              timeout: float, on_result: Callable[[DocumentResult], None] | None, workers: int | None) -> FeedPull:
    from ..readers.feeds import fetch_feed

    result = FeedPull(feed_id, url)
    try:
        entries = fetch_feed(client, url, timeout)
    except FetchError as exc:
        result.error = str(exc)
        _record(sessions, feed_id, result.error)
        return result
    result.entries = len(entries)
    with sessions() as session:
        seen = set(session.scalars(select(FeedEntry.key).where(FeedEntry.feed_id == feed_id)))
    fresh = list({e.key: e for e in entries if e.key not in seen}.values())
    result.fresh = len(fresh)
    remembered: list[tuple[str, str, int | None]] = []
    results: list[DocumentResult] = []

    def settled(doc: DocumentResult) -> None:
        entry = fresh[len(results)]  # one result per page, in the order asked
        results.append(doc)
        if doc.status in ("new", "present"):
            remembered.append((entry.key, entry.link, doc.document_id))
        if on_result:
            on_result(doc)

    if fresh:
        result.ingest = ingest(sessions, fetch_pages([e.link for e in fresh], timeout=timeout), outlet=outlet,
                               on_result=settled, workers=workers)
    _record(sessions, feed_id, None, remembered)
    return result


def _record(sessions: sessionmaker[Session], feed_id: int, error: str | None,
            entries: list[tuple[str, str, int | None]] | None = None) -> None:
    """The pull's outcome on the feed, and the entries now stored, in one transaction (entries another pull
    remembered meanwhile are left as they are)."""
    for attempt in range(2):
        with sessions() as session:
            feed = session.get(Feed, feed_id)
            if feed is None:  # removed meanwhile
                return
            feed.last_pulled_at = utcnow()
            feed.last_error = error
            feed.failures = feed.failures + 1 if error else 0
            known = (set(session.scalars(select(FeedEntry.key).where(FeedEntry.feed_id == feed_id)))
                     if attempt else set())
            for key, link, document_id in entries or []:
                if key not in known:
                    session.add(FeedEntry(feed_id=feed_id, key=key, link=link, document_id=document_id))
            try:
                session.commit()
                return
            except IntegrityError:
                session.rollback()
                if attempt:
                    raise
