"""Claim extraction in worker processes, so the main process only reads files and writes rows.

Work goes out in chunks (one pickle round trip per chunk, not per article) with a bounded number in flight,
so memory stays flat however many files there are; results come back in input order. A run that fits in one
chunk is extracted in-process: starting workers would cost more than it saves.
"""
from __future__ import annotations

import gc
import itertools
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from ..errors import IngestError, TrackerError
from ..extract import Extraction, detect_outlet, extract
from ..readers import Article, HtmlPage
from .entities import entity_key

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Extracted:
    extraction: Extraction
    #: the outlet the text names as its own, if any
    detected_outlet: str | None
    #: the entity lookup key of every speaker and relay name in the extraction; computed here because the
    #: writer is the pipeline's bottleneck and the workers have time to spare
    entity_keys: dict[str, str]


def extract_article(text: str, published: date | None) -> Extracted:
    return described(text, extract(text, published))


def described(text: str, extraction: Extraction) -> Extracted:
    """The rest of a worker's job after extraction: the outlet the text names and its speakers' entity keys."""
    names = {n for c in extraction.claims for s in (c.attribution.speaker, *c.attribution.via) if s
             for n in (s.name, *s.aliases)}
    return Extracted(extraction, detect_outlet(text), {n: entity_key(n) for n in names})


@dataclass(frozen=True, slots=True)
class ExtractionFailed:
    """The extractor raised on this article: reported as a failed document, and the run goes on."""

    error: str


@dataclass(frozen=True, slots=True)
class PageRead:
    """An HTML page's main text, read in a worker, and the claims extracted from it."""

    article: Article
    extracted: Extracted | ExtractionFailed


@dataclass(frozen=True, slots=True)
class PageUnreadable:
    """An HTML page with no article text in it; ``error`` names the page and says why."""

    error: str


Work = tuple[str, date | None] | HtmlPage
Result = Extracted | ExtractionFailed | PageRead | PageUnreadable


def extract_one(work: Work) -> Result:
    """Extract one text's claims; a page's main text first."""
    if isinstance(work, HtmlPage):
        try:
            article = work.article()
        except IngestError as exc:
            return PageUnreadable(str(exc))
        return PageRead(article, _extract_text(article.text, article.published))
    return _extract_text(*work)


def _extract_text(text: str, published: date | None) -> Extracted | ExtractionFailed:
    try:
        return extract_article(text, published)
    except Exception as exc:  # noqa: BLE001 - a bug on one article must not stop a corpus; it is reported
        return ExtractionFailed(f"extraction failed ({type(exc).__name__}: {exc})")


def _extract_chunk(work: list[Work | None]) -> list[Result | None]:
    return [extract_one(w) if w is not None else None for w in work]


def _worker_start(parent: int) -> None:
    # Ctrl-C is the main process's to handle (it stops handing out work); a worker just finishes its chunk
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # extraction makes many short-lived objects and few cycles: leave the modules loaded so far out of every
    # collection, and collect less often (about 6% of a worker's time on the BBC corpus)
    gc.freeze()
    gc.set_threshold(10_000, 50, 50)
    # a killed parent cannot tell its workers to stop: leave when it is gone rather than linger as orphans
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)
    threading.Thread(target=watch, daemon=True).start()


def _result(future: Future) -> list[Result | None]:
    try:
        return future.result()
    except BrokenProcessPool as exc:
        raise TrackerError("an extraction worker process died (out of memory?); documents stored so far are kept, "
                           "run the ingest again to continue") from exc


def worker_count() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(slots=True)
class Chunk(Generic[T]):
    jobs: list[T]
    results: list[Result | None]


def extracted_chunks(
    chunks: Iterable[list[T]],
    work_of: Callable[[T], Work | None],
    workers: int | None = None,
) -> Iterator[Chunk[T]]:
    """Each chunk of jobs with the extraction of every job for which ``work_of`` gives work: (text, date), or
    an HTML page to read first."""
    source = iter(chunks)
    head = list(itertools.islice(source, 2))
    workers = worker_count() if workers is None else workers
    if len(head) < 2 or workers <= 1:
        for chunk in itertools.chain(head, source):
            yield Chunk(chunk, _extract_chunk([work_of(j) for j in chunk]))
        return
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_start, initargs=(os.getpid(),))
    in_flight: deque[tuple[list[T], Future]] = deque()
    try:
        for chunk in itertools.chain(head, source):
            in_flight.append((chunk, pool.submit(_extract_chunk, [work_of(j) for j in chunk])))
            if len(in_flight) >= 2 * workers + 1:
                jobs, future = in_flight.popleft()
                yield Chunk(jobs, _result(future))
        while in_flight:
            jobs, future = in_flight.popleft()
            yield Chunk(jobs, _result(future))
    finally:
        if in_flight:  # interrupted, or the writer failed: drop the work under way rather than wait for it
            _stop_workers(pool)
        # always wait for the pool's manager thread: exiting while it still runs races its cleanup against the
        # interpreter's, which can print a stray "Bad file descriptor" after the command's own last line
        pool.shutdown(wait=True, cancel_futures=True)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Terminate the pool's worker processes (``ProcessPoolExecutor.terminate_workers`` from Python 3.14 on)."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.terminate()

