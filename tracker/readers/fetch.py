"""Web pages: fetched over HTTP(S) and handed on as :class:`HtmlPage` objects, read as HTML files are.

One client for the run (connections are reused), a clear User-Agent, redirects followed (at most
:data:`MAX_REDIRECTS`), a time limit for the whole of each page, and the document size limit of ``limits``
applied to the body as it arrives (a page over it is refused without being read to the end). Each page that
cannot be had becomes one :class:`~tracker.errors.FetchError` line saying why: the host not found (DNS), the
connection refused, no answer in time, an HTTP error status, not an HTML page, too large.
"""
from __future__ import annotations

import itertools
import socket
import ssl
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..errors import FetchError, IngestError
from .html import HtmlPage, decode_page
from .limits import ENV_MAX_DOCUMENT_BYTES, max_document_bytes, too_large

if TYPE_CHECKING:  # httpx is imported when a page is fetched, not by every command
    import httpx

#: seconds a page may take, from connecting to its last byte (``tracker ingest --timeout``)
DEFAULT_TIMEOUT = 20.0
#: pages fetched at the same time (browsers open about six connections to a site)
FETCHES_AT_ONCE = 4
#: redirects followed before a page is given up
MAX_REDIRECTS = 10
#: media types read as HTML pages
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
#: how a body with no Content-Type is recognized as HTML (its first bytes, lower-cased, blanks stripped)
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<!--")


def user_agent() -> str:
    """Who is asking: the tool, its version, and what it does with the page, so a site can tell."""
    try:
        ours = version("tracker")
    except PackageNotFoundError:  # running from a tree that was never installed
        ours = "dev"
    return f"tracker/{ours} (claim-provenance and fact-check tracker; reads news articles for review)"


def is_url(text: str) -> bool:
    """Whether ``text`` is written as a URL (``scheme://…``), not a file path."""
    scheme, sep, _ = text.partition("://")
    return bool(sep) and scheme[:1].isalpha() and all(c.isalnum() or c in "+.-" for c in scheme)


def fetch_pages(urls: Iterable[str], timeout: float = DEFAULT_TIMEOUT, encoding: str | None = None,
                at_once: int = FETCHES_AT_ONCE) -> Iterator[HtmlPage | IngestError]:
    """Each URL's page, in order, or a FetchError saying in one line why it cannot be had.

    Up to ``at_once`` pages are fetched at the same time (a page waits on the network, not on this machine),
    and no more than that run ahead of the caller, so memory stays bounded however many URLs there are.
    """
    import httpx

    headers = {"User-Agent": user_agent(), "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"}
    source = iter(urls)
    with httpx.Client(headers=headers, timeout=httpx.Timeout(timeout), follow_redirects=True,
                      max_redirects=MAX_REDIRECTS) as client, ThreadPoolExecutor(max(1, at_once)) as pool:
        def one(url: str) -> HtmlPage | IngestError:
            try:
                return fetch_page(client, url, timeout, encoding)
            except IngestError as exc:
                return exc

        in_flight = deque(pool.submit(one, url) for url in itertools.islice(source, max(1, at_once)))
        try:
            while in_flight:
                page = in_flight.popleft().result()
                for url in itertools.islice(source, 1):
                    in_flight.append(pool.submit(one, url))
                yield page
        finally:
            for future in in_flight:  # the caller stopped early: fetch nothing more
                future.cancel()


def fetch_page(client: httpx.Client, url: str, timeout: float, encoding: str | None = None) -> HtmlPage:
    """One page through ``client`` (an httpx.Client); a FetchError when it cannot be had."""
    final, data, charset, content_type = download(client, url, timeout, HTML_TYPES)
    if not _looks_like_html(data, content_type):
        raise FetchError(url, "not an HTML page (no Content-Type, and the body is not HTML)")
    return HtmlPage(decode_page(url, data, _known_codec(encoding or charset)), final, url=final)


def download(client: httpx.Client, url: str, timeout: float, types: frozenset[str] = HTML_TYPES
             ) -> tuple[str, bytes, str | None, str | None]:
    """The body of ``url`` (of a media type in ``types``, or undeclared) within the time and size limits:
    (the URL after redirects, the bytes, the declared charset, the declared Content-Type); a FetchError when
    it cannot be had."""
    import httpx

    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number from 0 to 65535
    except ValueError as exc:
        raise FetchError(url, f"not a valid URL ({exc})") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(url, f"only http:// and https:// URLs are fetched, not {parts.scheme}://")
    if not parts.hostname:
        raise FetchError(url, "no host in the URL")
    deadline = time.monotonic() + timeout
    try:
        with client.stream("GET", url) as response:
            final = str(response.url)
            _check_response(url, response, types)
            data = _read_body(url, response, deadline, timeout)
            return final, data, response.charset_encoding, response.headers.get("content-type")
    except httpx.TooManyRedirects:
        raise FetchError(url, f"more than {MAX_REDIRECTS} redirects") from None
    except httpx.TimeoutException:
        raise FetchError(url, f"no complete answer within {timeout:g} s (timed out)") from None
    except httpx.InvalidURL as exc:
        raise FetchError(url, f"not a valid URL ({exc})") from None
    except httpx.UnsupportedProtocol as exc:  # a redirect to ftp:// or the like
        raise FetchError(url, f"redirected to an address that is not fetched ({exc})") from None
    except httpx.TransportError as exc:
        raise FetchError(url, _connection_failure(exc, parts.hostname)) from None
    except httpx.HTTPError as exc:  # a body that cannot be unpacked (DecodingError), or what httpx adds next
        raise FetchError(url, f"cannot be fetched ({type(exc).__name__}: {exc})") from None


def _check_response(url: str, response: httpx.Response, types: frozenset[str] = HTML_TYPES) -> None:
    """An HTTP error status, a body of another type, or a declared length over the limit: refused unread."""
    if response.status_code >= 400:
        raise FetchError(url, f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
    if response.status_code >= 300:  # a redirect with no Location, or 304
        raise FetchError(url, f"HTTP {response.status_code} {response.reason_phrase} and nowhere to go".rstrip())
    media = response.headers.get("content-type", "").partition(";")[0].strip().lower()
    if media and media not in types:
        what = "an HTML page" if types == HTML_TYPES else "a feed"
        raise FetchError(url, f"not {what} (Content-Type: {media})")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and "content-encoding" not in response.headers and (reason := too_large(int(declared))):
        raise FetchError(url, f"too large: {reason}")


def _read_body(url: str, response: httpx.Response, deadline: float, timeout: float) -> bytes:
    """The body, stopped as soon as it passes the size limit or the page's time runs out."""
    chunks: list[bytes] = []
    size = 0
    limit = max_document_bytes()
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise FetchError(url, f"too large: more than the limit of {limit:,} bytes ({ENV_MAX_DOCUMENT_BYTES})")
        if time.monotonic() > deadline:
            raise FetchError(url, f"no complete answer within {timeout:g} s (timed out)")
        chunks.append(chunk)
    return b"".join(chunks)


def _looks_like_html(data: bytes, content_type: str | None) -> bool:
    if content_type and content_type.partition(";")[0].strip():
        return True  # a declared type was checked before the body was read
    return data[:512].lstrip().lower().startswith(_HTML_STARTS)


def _known_codec(name: str | None) -> str | None:
    """The charset a server declares, if Python knows it (else the page's own ``<meta>`` or UTF-8 decides)."""
    if not name:
        return None
    import codecs

    try:
        codecs.lookup(name)
    except LookupError:
        return None
    return name


def _connection_failure(exc: BaseException, host: str) -> str:
    """Why a connection failed, from the OS error under httpx's: DNS, refused, TLS, or what it says."""
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, socket.gaierror):
            return f"host {host} not found (DNS: {cause.strerror or cause})"
        if isinstance(cause, ConnectionRefusedError):
            return f"connection refused by {host}"
        if isinstance(cause, ssl.SSLError):
            return f"TLS failed with {host} ({cause.reason or cause})"
        cause = cause.__cause__ or cause.__context__
    text = str(exc) or type(exc).__name__
    if "Name or service not known" in text or "nodename nor servname" in text or "getaddrinfo" in text:
        return f"host {host} not found (DNS: {text})"
    if "Connection refused" in text:
        return f"connection refused by {host}"
    return f"cannot connect to {host} ({text})"
