"""`tracker ingest URL`: pages fetched from a real HTTP server on 127.0.0.1 (http.server in a thread), read as
HTML files are, with one line for each page that cannot be had. No test here reaches any other address: host
names other than 127.0.0.1 and localhost are not resolved (they fail as a DNS failure would)."""
from __future__ import annotations

import gzip
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from tracker.cli import main
from tracker.errors import FetchError
from tracker.models import Claim, Document
from tracker.readers import HtmlPage
from tracker.readers.fetch import fetch_pages, is_url, user_agent

# an invented story (no corpus text): a headline, a date, an outlet, numbers and a quoted speaker
STORY = """<!DOCTYPE html>
<html lang="en"><head>
  <meta charset="utf-8">
  <title>{title} | The Valley Courier</title>
  <meta property="og:title" content="{title}">
  <meta property="og:site_name" content="The Valley Courier">
  <meta property="article:published_time" content="2026-05-04T08:00:00+00:00">
  {canonical}
</head><body>
  <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
  <article>
    <h1>{title}</h1>
    <p>The Kelmore town council voted on Tuesday to close {what} for 14 weeks from June, the council said.</p>
    <p>"We looked at every other option and none of them was safe," said Mara Lindqvist, who chairs the works
    committee. She said the repairs would cost 2.4 million pounds, of which the county will pay a third.</p>
    <p>About 9,000 vehicles cross each day, according to a count the council published in March.</p>
    <p>Shop owners on the high street said they expected to lose up to 20% of their trade while it is shut.</p>
  </article>
  <footer>Subscribe to the Courier. All rights reserved.</footer>
</body></html>"""


def story(what: str, canonical: str | None = None) -> bytes:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    title = f"Council votes to close {what} for repairs"
    return STORY.format(title=title, what=what, canonical=link).encode("utf-8")


class Site(BaseHTTPRequestHandler):
    """The test site: every way a page can be had or not."""

    user_agents: list[str] = []

    def log_message(self, format, *args):  # noqa: A002 - the signature of BaseHTTPRequestHandler
        pass  # quiet: pytest shows what matters

    def do_GET(self):  # noqa: N802 - the name http.server calls
        Site.user_agents.append(self.headers.get("User-Agent", ""))
        if self.path.startswith("/numbered/"):  # /numbered/N: a story of its own for each N
            self.answer(story(f"lock number {self.path.rpartition('/')[2]}", f"/canonical/{self.path[10:]}"))
            return
        route = getattr(self, "page_" + self.path.strip("/").replace("-", "_").replace("/", "__"), None)
        if route is None:
            self.send_error(404, "Not Found")
            return
        route()

    def answer(self, body: bytes, content_type: str | None = "text/html; charset=utf-8", length: bool = True):
        self.send_response(200)
        if content_type:
            self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timed out, or refused a body too large): what those tests want

    def page_news__bridge(self):
        self.answer(story("the river bridge", "https://courier.example/news/2026/05/bridge-closure"))

    def page_news__tunnel(self):
        # a canonical link relative to the page
        self.answer(story("the rail tunnel", "/articles/tunnel-closure"))

    def page_news__ferry(self):
        self.answer(story("the ferry pier"))  # no canonical link

    def page_old__ferry(self):
        self.send_response(301)
        self.send_header("Location", "/news/ferry")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def page_loop(self):
        self.send_response(302)
        self.send_header("Location", "/loop")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def page_pause(self):
        time.sleep(0.6)
        self.answer(story("the first pier"))

    def page_pause__b(self):
        time.sleep(0.6)
        self.answer(story("the second pier"))

    def page_pause__c(self):
        time.sleep(0.1)  # answers first; comes out third, as it was asked
        self.answer(story("the third pier"))

    def page_pause__d(self):
        time.sleep(0.6)
        self.answer(story("the fourth pier"))

    def page_slow(self):
        time.sleep(3)
        self.answer(story("the slow road"))

    def page_trickle(self):
        # headers at once, then the body a little at a time: each read is quick, the whole is not
        body = story("the trickle lane")
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            for i in range(0, len(body), 100):
                self.wfile.write(body[i:i + 100])
                self.wfile.flush()
                time.sleep(0.1)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as it should

    def page_data(self):
        self.answer(b'{"closed": true}', "application/json")

    def page_big(self):
        self.answer(story("the big bridge") + b"<!--" + b"x" * 50_000 + b"-->")

    def page_big_unannounced(self):
        # no Content-Length: the body ends when the connection closes, so only counting can stop it
        self.close_connection = True
        self.answer(story("the long causeway") + b"<!--" + b"x" * 50_000 + b"-->", length=False)

    def page_big_gzipped(self):
        # small on the wire, over the limit once unpacked: the limit counts what the page unpacks to
        body = gzip.compress(story("the packed bridge") + b"<!--" + b"x" * 50_000 + b"-->")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def page_bad_gzip(self):
        body = b"this was never gzip"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def page_untyped(self):
        self.answer(story("the untyped underpass"), content_type=None)

    def page_latin(self):
        self.answer(story("the café bridge").replace(b"\xc3\xa9", b"\xe9").replace(b'<meta charset="utf-8">', b""),
                    "text/html; charset=iso-8859-1")

    def page_empty(self):
        self.answer(b"<html><head><title>Nothing here</title></head><body><div></div></body></html>")


@pytest.fixture(autouse=True)
def _only_this_machine(only_this_machine):
    """Nothing reaches another address (see conftest)."""


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch_one(url: str, timeout: float = 5.0) -> HtmlPage | FetchError:
    (item,) = list(fetch_pages([url], timeout=timeout))
    assert isinstance(item, HtmlPage | FetchError), item
    return item


def failure(url: str, timeout: float = 5.0) -> str:
    item = fetch_one(url, timeout)
    assert isinstance(item, FetchError), item
    assert "\n" not in str(item)
    return str(item)


def test_a_page_is_read_as_an_html_file_is_with_its_canonical_url_as_origin(site):
    page = fetch_one(f"{site}/news/bridge")
    assert isinstance(page, HtmlPage) and page.url == f"{site}/news/bridge"
    article = page.article()
    assert article.origin == "https://courier.example/news/2026/05/bridge-closure"
    assert article.name == "bridge" and article.file == f"{site}/news/bridge"
    assert article.title == "Council votes to close the river bridge for repairs"
    assert article.outlet == "The Valley Courier" and article.published.isoformat() == "2026-05-04"
    assert "2.4 million pounds" in article.text and "About 9,000 vehicles" in article.text
    for furniture in ("Subscribe", "All rights reserved", "Sport"):
        assert furniture not in article.text


def test_a_relative_canonical_link_is_resolved_against_the_page(site):
    article = fetch_one(f"{site}/news/tunnel").article()
    assert article.origin == f"{site}/articles/tunnel-closure"


def test_a_redirect_is_followed_and_without_a_canonical_link_the_final_url_is_the_origin(site):
    page = fetch_one(f"{site}/old/ferry")
    assert isinstance(page, HtmlPage)
    assert page.article().origin == f"{site}/news/ferry"


def test_every_request_says_who_is_asking(site):
    Site.user_agents.clear()
    fetch_one(f"{site}/news/ferry")
    assert Site.user_agents == [user_agent()]
    assert user_agent().startswith("tracker/") and "fact-check" in user_agent()


def test_pages_are_fetched_several_at_once_and_come_out_in_the_order_asked(site):
    urls = [f"{site}/pause", f"{site}/pause/b", f"{site}/pause/c", f"{site}/missing", f"{site}/pause/d"]
    started = time.monotonic()
    items = list(fetch_pages(urls, timeout=5))
    assert time.monotonic() - started < 1.8  # one at a time takes over 2 s
    assert [getattr(item, "url", None) for item in items] == urls[:3] + [None] + urls[4:]
    assert str(items[3]).endswith("HTTP 404 Not Found")
    one_at_a_time = list(fetch_pages(urls[:2], timeout=5, at_once=1))
    assert [item.url for item in one_at_a_time] == urls[:2]


def test_a_missing_page_is_one_line_with_the_status(site):
    assert failure(f"{site}/no/such/page") == f"{site}/no/such/page: HTTP 404 Not Found"


def test_a_redirect_loop_is_given_up(site):
    assert "more than 10 redirects" in failure(f"{site}/loop")


def test_a_slow_answer_times_out(site):
    started = time.monotonic()
    message = failure(f"{site}/slow", timeout=0.5)
    assert "timed out" in message and "0.5 s" in message
    assert time.monotonic() - started < 2.5


def test_a_body_that_trickles_in_past_the_time_limit_times_out(site):
    # every read is quicker than the limit; the page as a whole is not
    started = time.monotonic()
    assert "timed out" in failure(f"{site}/trickle", timeout=0.5)
    assert time.monotonic() - started < 2.0


def test_a_response_that_is_not_html_is_refused(site):
    assert failure(f"{site}/data").endswith("not an HTML page (Content-Type: application/json)")


def test_a_body_that_cannot_be_unpacked_is_one_line(site):
    assert failure(f"{site}/bad-gzip").startswith(f"{site}/bad-gzip: cannot be fetched (DecodingError")


def test_a_page_with_no_content_type_is_read_when_its_body_is_html(site):
    page = fetch_one(f"{site}/untyped")
    assert isinstance(page, HtmlPage) and "untyped underpass" in page.article().text


def test_the_charset_the_server_declares_is_used(site):
    assert "café bridge" in fetch_one(f"{site}/latin").article().text


@pytest.mark.parametrize("path", ["big", "big-unannounced", "big-gzipped"])
def test_a_page_over_the_size_limit_is_refused(site, monkeypatch, path):
    monkeypatch.setenv("TRACKER_MAX_DOCUMENT_BYTES", "20000")
    message = failure(f"{site}/{path}")
    assert "too large" in message and "20,000" in message and "TRACKER_MAX_DOCUMENT_BYTES" in message
    monkeypatch.setenv("TRACKER_MAX_DOCUMENT_BYTES", "200000")
    assert isinstance(fetch_one(f"{site}/{path}"), HtmlPage)


def test_a_refused_connection_is_one_line():
    port = closed_port()
    assert failure(f"http://127.0.0.1:{port}/a") == f"http://127.0.0.1:{port}/a: connection refused by 127.0.0.1"


def test_a_host_that_does_not_resolve_is_a_dns_failure():
    message = failure("http://news.nowhere.invalid/story")
    assert message.startswith("http://news.nowhere.invalid/story: host news.nowhere.invalid not found (DNS")


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/a", "file:///etc/passwd", "http:///no-host"])
def test_only_http_urls_with_a_host_are_fetched(url):
    assert failure(url).startswith(f"{url}: ")


@pytest.mark.parametrize("url", ["http://[::1", "http://127.0.0.1:99999/a", "http://127.0.0.1:port/a"])
def test_a_malformed_url_is_one_line(url):
    assert failure(url).startswith(f"{url}: not a valid URL (")


def test_what_is_a_url_and_what_is_a_path():
    assert is_url("https://a.example/x") and is_url("HTTP://a.example") and is_url("ftp://a")
    assert not is_url("seeds/000.txt") and not is_url("./a://b") and not is_url("c:\\news\\a.txt")


def test_ingest_stores_pages_reports_each_failure_in_one_line_and_goes_on(site, tmp_path):
    db = f"sqlite:///{tmp_path / 't.db'}"
    urls = [f"{site}/news/bridge", f"{site}/missing", f"{site}/old/ferry", f"{site}/data", f"{site}/empty",
            f"http://127.0.0.1:{closed_port()}/x"]
    result = CliRunner().invoke(main, ["--db", db, "ingest", "--quiet", *urls])
    assert result.exit_code == 1, result.output
    skipped = [line for line in result.stderr.splitlines() if line.startswith("tracker: skipped")]
    assert len(skipped) == 4, result.stderr
    assert f"tracker: skipped {site}/missing: HTTP 404 Not Found" in skipped
    assert any(line.startswith(f"tracker: skipped {site}/data: not an HTML page") for line in skipped)
    assert any(line.startswith(f"tracker: skipped {site}/empty: no article text") for line in skipped)
    assert any("connection refused" in line for line in skipped)
    assert "2 new documents, 0 already present (duplicates), 4 failed" in result.stderr
    assert "Traceback" not in result.stderr

    from tracker.db import make_engine, session_factory
    engine = make_engine(db)
    try:
        with session_factory(engine)() as session:
            docs = {d.origin: d for d in session.scalars(select(Document))}
            assert set(docs) == {"https://courier.example/news/2026/05/bridge-closure", f"{site}/news/ferry"}
            bridge = docs["https://courier.example/news/2026/05/bridge-closure"]
            assert bridge.outlet.name == "The Valley Courier" and bridge.name == "bridge"
            claims = session.scalars(select(Claim).where(Claim.document_id == bridge.id)).all()
            assert claims and all(bridge.text[c.start:c.end] == c.quote for c in claims)
    finally:
        engine.dispose()

    # the same pages again: already present, nothing new
    again = CliRunner().invoke(main, ["--db", db, "ingest", "--quiet", f"{site}/news/bridge", f"{site}/news/ferry"])
    assert again.exit_code == 0, again.output
    assert "0 new documents, 2 already present" in again.stderr


def test_ingest_takes_files_and_urls_together(site, tmp_path):
    from conftest import SEEDS
    db = f"sqlite:///{tmp_path / 't.db'}"
    result = CliRunner().invoke(main, ["--db", db, "ingest", "--quiet", str(SEEDS), f"{site}/news/tunnel"])
    assert result.exit_code == 0, result.output
    assert "3 new documents" in result.stderr


def test_many_pages_go_through_the_extraction_workers_with_their_origins(site, sessions):
    from tracker.services.ingest import ingest

    urls = [f"{site}/numbered/{n}" for n in range(18)]  # more than one chunk, so worker processes extract them
    summary = ingest(sessions, fetch_pages(urls, timeout=5), workers=2)
    assert (summary.new, summary.failed) == (18, 0), summary.failures
    with sessions() as session:
        origins = set(session.scalars(select(Document.origin)))
    assert origins == {f"{site}/canonical/{n}" for n in range(18)}
