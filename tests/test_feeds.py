"""`tracker feed`: RSS and Atom feeds served by http.server on 127.0.0.1 (nothing reaches another address); new
entries fetched and ingested, seen ones remembered, a failing feed or page retried next time, the rest go on."""
from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from tracker.cli import main
from tracker.db import make_engine, session_factory, upgrade
from tracker.models import Document, Feed, FeedEntry
from tracker.services.feeds import add_feed, list_feeds, pull

# invented stories (no corpus text)
PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:site_name" content="The Harbour Gazette">
<meta property="article:published_time" content="2026-06-0{day}T08:00:00+00:00"></head><body><article>
<h1>{title}</h1>
<p>The port authority said {n} ships were held outside the harbour on Wednesday because of the strike.</p>
<p>"Nobody wants this to last," said Ines Calder, who speaks for the dock workers' union.</p>
<p>About 1,200 containers are waiting to be unloaded, according to figures the authority published.</p>
</article></body></html>"""

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title><link>{base}/</link>
<description>news</description>{items}</channel></rss>"""
RSS_ITEM = "<item><title>{title}</title><link>{base}{path}</link><guid>{guid}</guid>{updated}</item>"
ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom news</title>
<id>urn:test:atom</id><updated>2026-06-01T00:00:00Z</updated>
<entry><title>Strike day two</title><id>urn:test:two</id><updated>2026-06-02T00:00:00Z</updated>
<link href="{base}/story/two"/></entry></feed>"""


class State:
    ships = {"one": 40, "two": 52, "three": 7}
    rss_items = ["one"]
    updated: dict[str, str] = {}
    broken_pages: set[str] = set()
    feed_down = False
    hits: dict[str, int] = {}


class Site(BaseHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - http.server's signature
        pass

    def do_GET(self):  # noqa: N802 - the name http.server calls
        State.hits[self.path] = State.hits.get(self.path, 0) + 1
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.path == "/rss":
            items = "".join(RSS_ITEM.format(title=f"Strike {k}", base=base, path=f"/story/{k}", guid=f"g-{k}",
                                            updated=(f"<pubDate>{State.updated[k]}</pubDate>"
                                                     if k in State.updated else ""))
                            for k in State.rss_items)
            self.answer(RSS.format(base=base, items=items).encode(), "application/rss+xml")
        elif self.path == "/atom":
            self.answer(ATOM.format(base=base).encode(), "application/atom+xml")
        elif self.path == "/down":
            if State.feed_down:
                self.send_error(503, "Service Unavailable")
            else:
                self.answer(RSS.format(base=base, items=RSS_ITEM.format(
                    title="Strike three", base=base, path="/story/three", guid="g-3", updated="")).encode(),
                    "application/rss+xml")
        elif self.path == "/slow":
            time.sleep(1.5)
            self.answer(RSS.format(base=base, items="").encode(), "application/rss+xml")
        elif self.path == "/not-a-feed":
            self.answer(b"<html><body>hello</body></html>", "text/html")
        elif self.path.startswith("/story/") and self.path[7:] in State.ships:
            key = self.path[7:]
            if key in State.broken_pages:
                self.send_error(500, "Internal Server Error")
                return
            day = {"one": 1, "two": 2, "three": 3}[key]
            self.answer(PAGE.format(title=f"Strike {key}", day=day, n=State.ships[key]).encode(),
                        "text/html; charset=utf-8")
        else:
            self.send_error(404, "Not Found")

    def answer(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(autouse=True)
def _only_this_machine(only_this_machine):
    """Nothing reaches another address (see conftest)."""


@pytest.fixture
def site() -> Iterator[str]:
    State.ships = {"one": 40, "two": 52, "three": 7}
    State.rss_items = ["one"]
    State.updated = {}
    State.broken_pages = set()
    State.feed_down = False
    State.hits = {}
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def db(any_url):
    engine = make_engine(any_url)
    upgrade(engine)
    yield session_factory(engine)
    engine.dispose()


def _count(db, what) -> int:
    with db() as s:
        return s.scalar(select(func.count()).select_from(what))


def test_rss_and_atom_entries_are_ingested_once(db, site):
    with db() as s:
        add_feed(s, f"{site}/rss", outlet="Harbour Gazette")
        add_feed(s, f"{site}/atom")
        assert add_feed(s, f"{site}/rss")[1] is False
    results = pull(db, timeout=5)
    assert [(r.entries, r.fresh, r.ingest.new, r.error) for r in results] == [(1, 1, 1, None), (1, 1, 1, None)]
    assert _count(db, Document) == 2 and _count(db, FeedEntry) == 2
    with db() as s:
        doc = s.scalars(select(Document).where(Document.origin == f"{site}/story/one")).one()
        assert doc.outlet.name == "Harbour Gazette"
    State.rss_items = ["one", "three"]
    again = pull(db, timeout=5)
    assert [(r.entries, r.fresh, r.ingest.new) for r in again] == [(2, 1, 1), (1, 0, 0)]
    assert State.hits["/story/one"] == 1  # a seen entry is not fetched again
    assert _count(db, Document) == 3


def test_a_failing_feed_is_reported_and_retried_without_touching_the_others(db, site):
    with db() as s:
        add_feed(s, f"{site}/down")
        add_feed(s, f"{site}/rss")
        add_feed(s, f"{site}/not-a-feed")
    State.feed_down = True
    results = pull(db, timeout=5)
    assert "503" in results[0].error and results[1].ingest.new == 1 and "not a feed" in results[2].error
    with db() as s:
        rows = {r.url.rpartition("/")[2]: r for r in list_feeds(s)}
        assert rows["down"].failures == 1 and "503" in rows["down"].last_error
        assert rows["rss"].last_error is None and rows["rss"].entries == 1
    State.feed_down = False
    results = pull(db, timeout=5)
    assert results[0].error is None and results[0].ingest.new == 1
    with db() as s:
        assert s.scalars(select(Feed).where(Feed.url == f"{site}/down")).one().failures == 0


def test_a_page_that_fails_is_not_remembered_and_is_fetched_next_time(db, site):
    with db() as s:
        add_feed(s, f"{site}/rss")
    State.broken_pages = {"one"}
    (first,) = pull(db, timeout=5)
    assert first.fresh == 1 and first.ingest.failed == 1 and _count(db, FeedEntry) == 0
    State.broken_pages = set()
    (second,) = pull(db, timeout=5)
    assert second.fresh == 1 and second.ingest.new == 1 and _count(db, FeedEntry) == 1


def test_an_updated_entry_is_stored_as_the_articles_next_version(db, site):
    with db() as s:
        add_feed(s, f"{site}/rss")
    pull(db, timeout=5)
    State.ships["one"] = 45
    State.updated["one"] = "Thu, 04 Jun 2026 10:00:00 GMT"
    (result,) = pull(db, timeout=5)
    assert result.fresh == 1 and result.ingest.versions == 1
    assert result.ingest.outcomes["changed"] == 1
    with db() as s:
        docs = list(s.scalars(select(Document).order_by(Document.id)))
        assert [d.version for d in docs] == [1, 2] and docs[1].current and not docs[0].current


def test_feed_commands(sqlite_url, site):
    runner = CliRunner()
    out = runner.invoke(main, ["--db", sqlite_url, "feed", "add", f"{site}/rss", "--outlet", "Harbour Gazette"])
    assert out.exit_code == 0 and "feed 1" in out.output
    assert runner.invoke(main, ["--db", sqlite_url, "feed", "add", "ftp://example.test/x"]).exit_code == 1
    out = runner.invoke(main, ["--db", sqlite_url, "feed", "pull", "--timeout", "5"])
    assert out.exit_code == 0, out.output
    assert "1 new documents" in out.output
    out = runner.invoke(main, ["--db", sqlite_url, "feed", "list"])
    assert out.exit_code == 0 and "/rss" in out.output and "1 feed" in out.output
    bad = runner.invoke(main, ["--db", sqlite_url, "feed", "pull", "--every", "2s"])
    assert bad.exit_code == 2 and "under 10 seconds" in bad.output
    runner.invoke(main, ["--db", sqlite_url, "feed", "add", f"{site}/nowhere"])
    out = runner.invoke(main, ["--db", sqlite_url, "feed", "pull", "--timeout", "5"])
    assert out.exit_code == 1 and "feed 2 failed" in out.output and "404" in out.output


def test_a_slow_feed_times_out_and_the_next_is_pulled(db, site):
    with db() as s:
        add_feed(s, f"{site}/slow")
        add_feed(s, f"{site}/atom")
    slow, atom = pull(db, timeout=0.5)
    assert "timed out" in slow.error and atom.error is None and atom.ingest.new == 1
