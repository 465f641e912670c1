"""Ingest: articles in, documents and their extracted claims stored, one transaction per document."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from ..errors import IngestError
from ..extract import Extraction, detect_outlet, extract
from ..models import Attribution, Claim, ClaimValue, Document, Relay, SkippedSpan
from ..readers import Article
from .entities import EntityResolver, outlet_named


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """What happened to one input: ``new``, ``present`` (same text already stored) or ``failed``."""

    name: str
    status: str
    document_id: int | None = None
    claims: int = 0
    error: str | None = None


@dataclass
class IngestSummary:
    new: int = 0
    present: int = 0
    claims: int = 0
    failures: list[str] = field(default_factory=list)

    def add(self, result: DocumentResult) -> None:
        if result.status == "new":
            self.new += 1
            self.claims += result.claims
        elif result.status == "present":
            self.present += 1
        else:
            self.failures.append(result.error or result.name)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def line(self) -> str:
        return (f"{self.new} new document{'s' * (self.new != 1)}, {self.present} already present, "
                f"{self.failed} failed; {self.claims} claims extracted")


def ingest(
    sessions: sessionmaker[Session],
    items: Iterable[Article | IngestError],
    outlet: str | None = None,
    on_result: Callable[[DocumentResult], None] | None = None,
) -> IngestSummary:
    """Store every article in ``items``; a bad one is reported and the rest go on."""
    summary = IngestSummary()
    for item in items:
        result = ingest_one(sessions, item, outlet)
        summary.add(result)
        if on_result:
            on_result(result)
    return summary


def ingest_one(sessions: sessionmaker[Session], item: Article | IngestError, outlet: str | None = None) -> DocumentResult:
    if isinstance(item, IngestError):
        return DocumentResult(item.path, "failed", error=str(item))
    sha = item.sha256
    with sessions() as session:
        existing = session.scalar(select(Document.id).where(Document.sha256 == sha))
        session.rollback()  # end the read transaction before the (slow) extraction
        if existing is not None:
            return DocumentResult(item.name, "present", existing)
        extraction = extract(item.text, item.published)
        try:
            with session.begin():
                document = store(session, item, extraction, outlet)
        except IntegrityError:
            # another process stored the same text between our check and our commit
            session.rollback()
            existing = session.scalar(select(Document.id).where(Document.sha256 == sha))
            if existing is None:
                raise
            return DocumentResult(item.name, "present", existing)
        return DocumentResult(item.name, "new", document.id, len(extraction.claims))


def store(session: Session, article: Article, extraction: Extraction, outlet: str | None = None) -> Document:
    """Add one document with its claims to ``session`` (the caller owns the transaction)."""
    outlet_name = outlet or article.outlet or detect_outlet(article.text)
    document = Document(
        outlet=outlet_named(session, outlet_name) if outlet_name else None,
        title=article.title,
        published=article.published,
        origin=article.origin,
        name=article.name,
        format=article.format,
        text=article.text,
        sha256=article.sha256,
    )
    session.add(document)
    resolver = EntityResolver(session)
    claims: list[Claim] = []
    for draft in extraction.claims:
        att = draft.attribution
        claim = Claim(
            document=document,
            start=draft.start,
            end=draft.end,
            quote=article.text[draft.start:draft.end],
            kind=draft.kind,
            check_worthiness=round(float(draft.check_worthiness), 3),
            hedged=draft.hedged,
            reason=draft.reason,
            attribution=Attribution(
                speaker=resolver.resolve(att.speaker) if att.speaker else None,
                cue=att.cue,
                mode=att.mode,
                descriptor=att.descriptor,
                relays=[Relay(position=i, entity=resolver.resolve(v)) for i, v in enumerate(att.via)],
            ),
            values=[
                ClaimValue(type=v.type, text=v.text, span_start=v.start, span_end=v.end, date=v.date,
                           date_end=v.date_end, number=v.number, low=v.low, high=v.high, unit=v.unit)
                for v in draft.values
            ],
        )
        claims.append(claim)
    for claim, draft in zip(claims, extraction.claims):
        if draft.caveat_of is not None:
            claim.caveat_of = claims[draft.caveat_of]
    document.claims = claims
    document.skipped = [SkippedSpan(start=s.start, end=s.end, reason=s.reason) for s in extraction.skipped]
    session.flush()
    return document
