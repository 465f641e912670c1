"""Ingest: articles in, documents and their extracted claims stored, one transaction per document.

The pipeline: the main process reads articles and looks up which texts are already stored (one query per
chunk of articles); worker processes extract claims (see extraction_pool); the main process writes each new
document with bulk inserts (see store) in a transaction of its own, so a document that fails leaves no rows and
a crash or Ctrl-C loses at most the document being written. A rerun skips everything already stored, so it
completes the job without duplicates.
"""
from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from ..errors import IngestError
from ..models import Document
from ..readers import Article, HtmlPage
from .extraction_pool import (
    Extracted,
    ExtractionFailed,
    PageRead,
    PageUnreadable,
    Result,
    Work,
    extract_one,
    extracted_chunks,
)
from .row_cache import cache_of
from .store import store
from .versions import Superseded, supersede

#: articles per round trip to a worker and per "already stored?" query
CHUNK = 16


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """What happened to one input: ``new``, ``present`` (same text already stored) or ``failed``."""

    name: str
    status: str
    document_id: int | None = None
    claims: int = 0
    error: str | None = None
    #: the file it was read from (a JSON Lines or CSV file gives many results with the same file)
    file: str | None = None
    #: set when the document is a new version of an article already stored (same origin, other text)
    superseded: Superseded | None = None


@dataclass
class IngestSummary:
    new: int = 0
    present: int = 0
    claims: int = 0
    #: links made between the new documents' claims and the rest (by the linking step, after ingest)
    links: int = 0
    failures: list[str] = field(default_factory=list)
    #: ids of the documents stored by this run, in input order
    document_ids: list[int] = field(default_factory=list)
    #: documents an earlier run stored and never linked (killed or interrupted), linked by this one
    left_over: int = 0
    #: how many of the new documents are new versions of stored articles, and what became of the old claims
    versions: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)

    def add(self, result: DocumentResult) -> None:
        if result.status == "new":
            self.new += 1
            if result.superseded is not None:
                self.versions += 1
                self.outcomes.update(result.superseded.outcomes)
            self.claims += result.claims
            self.document_ids.append(result.document_id)
        elif result.status == "present":
            self.present += 1
        else:
            self.failures.append(result.error or result.name)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def line(self) -> str:
        return (f"{self.new} new document{'s' * (self.new != 1)}, "
                f"{self.present} already present (duplicate{'s' * (self.present != 1)}), {self.failed} failed; "
                f"{self.claims} claim{'s' * (self.claims != 1)}, {self.links} link{'s' * (self.links != 1)}"
                + (f" (with {self.left_over} document{'s' * (self.left_over != 1)} an earlier run left unlinked)"
                   if self.left_over else "")
                + (f"; {self.versions} new version{'s' * (self.versions != 1)} of stored articles ("
                   + ", ".join(f"{self.outcomes[o]} {o}" for o in ("unchanged", "moved", "changed", "removed", "new"))
                   + " claims)" if self.versions else ""))


@dataclass(slots=True)
class _Job:
    item: Article | HtmlPage | IngestError
    sha: str | None = None
    #: the stored document with the same text, found before extraction
    existing: int | None = None
    #: the same text came earlier in this run (it is present once that one is stored)
    repeat: bool = False


def ingest(
    sessions: sessionmaker[Session],
    items: Iterable[Article | HtmlPage | IngestError],
    outlet: str | None = None,
    on_result: Callable[[DocumentResult], None] | None = None,
    workers: int | None = None,
) -> IngestSummary:
    """Store every article in ``items``; a bad one is reported and the rest go on.

    ``outlet`` overrides every article's own; ``workers`` is how many extraction processes (default: one per
    core; 1 extracts in this process).
    """
    summary = IngestSummary()
    stored_now: dict[str, int] = {}
    with sessions() as session:
        for chunk in extracted_chunks(_jobs(sessions, items), _work_of, workers):
            for job, extracted in zip(chunk.jobs, chunk.results, strict=True):
                result = _settle(session, job, extracted, outlet, stored_now)
                summary.add(result)
                if on_result:
                    on_result(result)
    return summary


def _jobs(sessions: sessionmaker[Session], items: Iterable[Article | HtmlPage | IngestError]
          ) -> Iterator[list[_Job]]:
    seen: set[str] = set()
    source = iter(items)
    while batch := list(itertools.islice(source, CHUNK)):
        jobs = [_Job(item, item.sha256 if isinstance(item, Article) else None) for item in batch]
        shas = [j.sha for j in jobs if j.sha]
        stored: dict[str, int] = {}
        if shas:
            with sessions() as lookup:
                rows = lookup.execute(select(Document.sha256, Document.id).where(Document.sha256.in_(shas)))
                stored = {sha: document_id for sha, document_id in rows}
        for job in jobs:
            if job.sha is None:
                continue
            job.existing = stored.get(job.sha)
            if job.existing is None:
                job.repeat = job.sha in seen
                seen.add(job.sha)
        yield jobs


def _work_of(job: _Job) -> Work | None:
    if isinstance(job.item, HtmlPage):
        return job.item
    if isinstance(job.item, Article) and job.existing is None and not job.repeat:
        return job.item.text, job.item.published
    return None


def _settle(session: Session, job: _Job, extracted: Result | None, outlet: str | None,
            stored_now: dict[str, int]) -> DocumentResult:
    """What became of one job."""
    item = job.item
    if isinstance(item, HtmlPage):
        return _settle_page(session, item, extracted, outlet, stored_now)
    if isinstance(item, IngestError):
        return DocumentResult(item.path, "failed", error=str(item), file=getattr(item, "file", item.path))
    if job.existing is not None:
        return DocumentResult(item.name, "present", job.existing, file=item.file)
    if job.repeat and job.sha in stored_now:
        return DocumentResult(item.name, "present", stored_now[job.sha], file=item.file)
    if extracted is None:  # a repeat whose first copy was not stored after all
        extracted = extract_one((item.text, item.published))
    if isinstance(extracted, ExtractionFailed):
        return DocumentResult(item.name, "failed", error=f"{item.origin}: {extracted.error}", file=item.file)
    result = _write(session, item, extracted, outlet)
    stored_now[job.sha] = result.document_id
    return result


def _settle_page(session: Session, page: HtmlPage, read: Result | None, outlet: str | None,
                 stored_now: dict[str, int]) -> DocumentResult:
    """A page read in a worker: only now is its text known, so only now can it be found already stored."""
    if isinstance(read, PageUnreadable):
        return DocumentResult(page.path, "failed", error=read.error, file=page.path)
    assert isinstance(read, PageRead)
    article = read.article
    if isinstance(read.extracted, ExtractionFailed):
        return DocumentResult(article.name, "failed", error=f"{page.path}: {read.extracted.error}", file=page.path)
    sha = article.sha256
    existing = stored_now.get(sha)
    if existing is None:
        existing = session.scalar(select(Document.id).where(Document.sha256 == sha))
        session.rollback()  # end the read, so the write below gets a transaction of its own
    if existing is not None:
        return DocumentResult(article.name, "present", existing, file=page.path)
    result = _write(session, article, read.extracted, outlet)
    stored_now[sha] = result.document_id
    return result


def _write(session: Session, article: Article, extracted: Extracted, outlet: str | None) -> DocumentResult:
    """One new document in a transaction of its own."""
    cache = cache_of(session)
    try:
        with session.begin():
            cache.learn_keys(extracted.entity_keys)
            stored = store(session, article, extracted.extraction,
                           outlet or article.outlet or extracted.detected_outlet)
            superseded = supersede(session, stored.document_id, article.origin)
    except IntegrityError:
        cache.rolled_back()
        # another process stored the same text between our check and our commit
        existing = session.scalar(select(Document.id).where(Document.sha256 == article.sha256))
        session.rollback()
        if existing is None:
            raise
        return DocumentResult(article.name, "present", existing, file=article.file)
    except BaseException:
        cache.rolled_back()
        raise
    cache.committed()
    return DocumentResult(article.name, "new", stored.document_id, stored.claims, file=article.file,
                          superseded=superseded)
