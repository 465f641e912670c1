"""The domain as SQLAlchemy 2.0 typed ORM models.

The schema itself is made only by the Alembic migrations in ``migrations/``; a test checks that these
models and the migrations agree.
"""
from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    event,
    false,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: Review statuses. ``unreviewed`` means nobody has judged the claim; the other three are verdicts
#: (``unverified``: judged, not enough evidence).
STATUSES = ("unreviewed", "corroborated", "contradicted", "unverified")
VERDICT_STATUSES = STATUSES  # a reset writes an ``unreviewed`` verdict row, so history stays complete
CLAIM_KINDS = ("quantity", "date", "event", "quote", "position", "caveat")
ATTRIBUTION_MODES = ("direct", "indirect", "outlet")
ENTITY_KINDS = ("person", "organization", "outlet", "group")
VALUE_TYPES = ("date", "date_range", "quantity", "quantity_range", "duration")
LINK_RELATIONS = ("corroborates", "contradicts", "related", "same")
LINK_ORIGINS = ("auto", "reviewer")
LINK_DECISIONS = ("accepted", "dismissed")
#: what became of a claim in an article's next version (see tracker.analysis.reanchor)
CHANGE_OUTCOMES = ("unchanged", "moved", "changed", "removed", "new")


def utcnow() -> datetime:
    return datetime.now(UTC)


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


IntPK = Annotated[int, mapped_column(Integer, primary_key=True)]
Created = Annotated[datetime, mapped_column(DateTime(timezone=True), default=utcnow, nullable=False)]
Name = Annotated[str, mapped_column(String(300), nullable=False)]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dict[str, Any]: JSON, list[str]: JSON}


class Outlet(Base):
    """A publisher: NBC News, Bloomberg."""

    __tablename__ = "outlets"
    id: Mapped[IntPK]
    name: Mapped[Name] = mapped_column(unique=True)
    aliases: Mapped[list[str]] = mapped_column(default=list)

    documents: Mapped[list[Document]] = relationship(back_populates="outlet")


class Document(Base):
    """One article. ``text`` is stored exactly as read and never changed: claim offsets point into it."""

    __tablename__ = "documents"
    id: Mapped[IntPK]
    outlet_id: Mapped[int | None] = mapped_column(ForeignKey("outlets.id", ondelete="RESTRICT"), index=True)
    title: Mapped[str | None] = mapped_column(String(1000))
    published: Mapped[date | None] = mapped_column(Date)
    #: where the text came from: a file path or a URL
    origin: Mapped[str] = mapped_column(String(2000), nullable=False)
    #: the base name of the file it was read from (the export's ``source.name``)
    name: Mapped[Name]
    #: how it was read: txt, html, jsonl, csv
    format: Mapped[str] = mapped_column(String(20), nullable=False, default="txt")
    text: Mapped[str] = mapped_column(Text, nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    ingested_at: Mapped[Created]
    #: the story it tells (documents about one happening, see tracker.analysis.stories): its first document's id
    story_id: Mapped[int | None] = mapped_column(Integer, index=True)
    #: the earlier document it is a near-copy of (the same article stored twice, a republished wire story)
    copy_of_id: Mapped[int | None] = mapped_column(Integer)
    #: whether its claims have been linked with the rest: false from its ingest until a link run has done it, so
    #: that a run cut off in between is finished by the next ``ingest`` or ``link``
    linked: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False, server_default=false(), index=True)
    #: the version of the same article (same origin, other text) this one follows; unique, so history cannot fork
    previous_id: Mapped[int | None] = mapped_column(Integer, index=True, unique=True)
    #: 1 for the first version of an article, then 2, 3, …
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")
    #: false once a newer version of the article is stored: links and conflicts follow the current version
    current: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True, server_default=true())

    __table_args__ = (Index("ix_documents_origin_current", "origin", "current"),)

    outlet: Mapped[Outlet | None] = relationship(back_populates="documents")
    claims: Mapped[list[Claim]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="Claim.start"
    )
    skipped: Mapped[list[SkippedSpan]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="SkippedSpan.start"
    )


class DocumentKey(Base):
    """What a document is about, one key a row ("n:reid", "w:rehab", "y:2008"): linking finds the stories a
    new document may join by these, without reading the stored texts again."""

    __tablename__ = "document_keys"
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    key: Mapped[str] = mapped_column(String(80), primary_key=True, index=True)


class KeyCount(Base):
    """How many documents hold each key: the rarity linking weighs keys and words by, kept as documents come
    in, so that it is not counted again over the whole corpus."""

    __tablename__ = "key_counts"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    documents: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class SkippedSpan(Base):
    """A stretch of a document the extractor decided is not a claim (page furniture), and why."""

    __tablename__ = "skipped_spans"
    id: Mapped[IntPK]
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    start: Mapped[int]
    end: Mapped[int]
    reason: Mapped[str] = mapped_column(String(200), nullable=False)

    document: Mapped[Document] = relationship(back_populates="skipped")


class Entity(Base):
    """A speaker or source, canonical across documents: one row for "Zelenskiy" and "Zelenskyy"."""

    __tablename__ = "entities"
    __table_args__ = (CheckConstraint(_in("kind", ENTITY_KINDS), name="kind"),)
    id: Mapped[IntPK]
    name: Mapped[Name] = mapped_column(index=True)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    #: normalized lookup key (lower case, folded); unique so concurrent ingests cannot split an entity
    key: Mapped[str] = mapped_column(String(300), nullable=False, unique=True)
    aliases: Mapped[list[str]] = mapped_column(default=list)


class Claim(Base):
    """One checkable assertion. ``quote`` is always ``document.text[start:end]``."""

    __tablename__ = "claims"
    __table_args__ = (
        CheckConstraint(_in("kind", CLAIM_KINDS), name="kind"),
        CheckConstraint(_in("status", STATUSES), name="status"),
        CheckConstraint('"start" >= 0 AND "end" > "start"', name="span"),
        Index("ix_claims_document_id_start", "document_id", "start"),
    )
    id: Mapped[IntPK]
    #: indexed by ix_claims_document_id_start, whose prefix it is
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    start: Mapped[int]
    end: Mapped[int]
    quote: Mapped[str] = mapped_column(Text, nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False, index=True)
    check_worthiness: Mapped[float] = mapped_column(Float, nullable=False, default=0.5)
    hedged: Mapped[bool] = mapped_column(default=False)
    caveat_of_id: Mapped[int | None] = mapped_column(ForeignKey("claims.id", ondelete="SET NULL"), index=True)
    #: the latest verdict's status, kept here so the queue can filter without reading history
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="unreviewed", index=True)
    #: optimistic concurrency: bumped on every change; a verdict based on an older version is refused
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    #: why it was extracted: the rule and the features that fired
    reason: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[Created]

    __mapper_args__ = {"version_id_col": version}

    document: Mapped[Document] = relationship(back_populates="claims")
    attribution: Mapped[Attribution | None] = relationship(
        back_populates="claim", cascade="all, delete-orphan", uselist=False
    )
    values: Mapped[list[ClaimValue]] = relationship(
        back_populates="claim", cascade="all, delete-orphan", order_by="ClaimValue.span_start"
    )
    verdicts: Mapped[list[Verdict]] = relationship(
        back_populates="claim", cascade="all, delete-orphan", order_by="Verdict.id"
    )
    caveat_of: Mapped[Claim | None] = relationship(remote_side="Claim.id", foreign_keys=[caveat_of_id])


class Attribution(Base):
    """Who asserted a claim, with what cue, and through which relays."""

    __tablename__ = "attributions"
    __table_args__ = (CheckConstraint(_in("mode", ATTRIBUTION_MODES), name="mode"),)
    id: Mapped[IntPK]
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), unique=True)
    #: the origin of the assertion; NULL when the outlet asserts it in its own voice
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id", ondelete="RESTRICT"), index=True)
    cue: Mapped[str | None] = mapped_column(String(100))
    mode: Mapped[str] = mapped_column(String(20), nullable=False, default="outlet")
    descriptor: Mapped[str | None] = mapped_column(String(500))

    claim: Mapped[Claim] = relationship(back_populates="attribution")
    speaker: Mapped[Entity | None] = relationship()
    relays: Mapped[list[Relay]] = relationship(
        back_populates="attribution", cascade="all, delete-orphan", order_by="Relay.position"
    )


class Relay(Base):
    """One link of an attribution's relay chain. Position 0 is nearest the speaker, the last nearest the outlet."""

    __tablename__ = "relays"
    __table_args__ = (UniqueConstraint("attribution_id", "position"),)
    id: Mapped[IntPK]
    attribution_id: Mapped[int] = mapped_column(ForeignKey("attributions.id", ondelete="CASCADE"))
    position: Mapped[int]
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="RESTRICT"), index=True)

    attribution: Mapped[Attribution] = relationship(back_populates="relays")
    entity: Mapped[Entity] = relationship()


class ClaimValue(Base):
    """A normalized value a claim carries, with its own span in the document.

    date: ``date`` (ISO, possibly partial: 2022-07, 2014); date_range: ``date``..``date_end``;
    quantity and duration: ``number`` and ``unit``; quantity_range: ``low``..``high`` and ``unit``.
    """

    __tablename__ = "claim_values"
    __table_args__ = (CheckConstraint(_in("type", VALUE_TYPES), name="type"),)
    id: Mapped[IntPK]
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(20), nullable=False)
    text: Mapped[str] = mapped_column(String(500), nullable=False)
    span_start: Mapped[int]
    span_end: Mapped[int]
    date: Mapped[str | None] = mapped_column(String(10))
    date_end: Mapped[str | None] = mapped_column(String(10))
    number: Mapped[float | None] = mapped_column(Float)
    low: Mapped[float | None] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(50))

    claim: Mapped[Claim] = relationship(back_populates="values")


class Verdict(Base):
    """One review decision. Append-only: rows are never updated or deleted; the claim's status is the latest."""

    __tablename__ = "verdicts"
    __table_args__ = (CheckConstraint(_in("status", VERDICT_STATUSES), name="status"),)
    id: Mapped[IntPK]
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(20), nullable=False)
    note: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[str | None] = mapped_column(Text)
    reviewer: Mapped[str] = mapped_column(String(200), nullable=False)
    #: set on an undo: the verdict this row takes back
    undoes_id: Mapped[int | None] = mapped_column(ForeignKey("verdicts.id", ondelete="RESTRICT"))
    #: the database's own status the reviewer chose ("misleading"), which ``status`` (one of the three) stands for
    label: Mapped[str | None] = mapped_column(String(60))
    created_at: Mapped[Created]

    claim: Mapped[Claim] = relationship(back_populates="verdicts")


class ClaimLink(Base):
    """Two claims from different documents that say the same thing, or disagree. ``a_id`` < ``b_id``."""

    __tablename__ = "claim_links"
    __table_args__ = (
        UniqueConstraint("a_id", "b_id"),
        CheckConstraint("a_id < b_id", name="ordered"),
        CheckConstraint(_in("relation", LINK_RELATIONS), name="relation"),
        CheckConstraint(_in("origin", LINK_ORIGINS), name="origin"),
    )
    id: Mapped[IntPK]
    a_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    b_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    relation: Mapped[str] = mapped_column(String(20), nullable=False)
    score: Mapped[float] = mapped_column(Float, nullable=False, default=0.0)
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    origin: Mapped[str] = mapped_column(String(20), nullable=False, default="auto")
    #: a reviewer's decision on a suggested link: NULL (pending), accepted or dismissed
    decision: Mapped[str | None] = mapped_column(String(20))
    decided_by: Mapped[str | None] = mapped_column(String(200))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[Created]

    a: Mapped[Claim] = relationship(foreign_keys=[a_id])
    b: Mapped[Claim] = relationship(foreign_keys=[b_id])


Reviewer = Annotated[str, mapped_column(String(200), nullable=False)]


class Hold(Base):
    """A claim handed to one reviewer (``tracker assign``) until ``expires_at``: others see who holds it and
    cannot judge it meanwhile; past that time the hold counts for nothing, so no claim is blocked for ever."""

    __tablename__ = "holds"
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True)
    reviewer: Mapped[Reviewer] = mapped_column(index=True)
    assigned_by: Mapped[Reviewer]
    taken_at: Mapped[Created]
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, index=True)


class DoubleReview(Base):
    """A claim that needs two independent verdicts (``tracker assign --double``), whatever the setting says."""

    __tablename__ = "double_reviews"
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True)
    requested_by: Mapped[Reviewer]
    requested_at: Mapped[Created]


class ReviewVote(Base):
    """One independent verdict of a double review. Append-only, like verdicts.

    ``round`` is the number of verdict rows the claim had when the vote was cast: the verdict that settles the
    round (two agreeing votes, or a third reviewer's decision) adds a row, so later votes start a new round.
    """

    __tablename__ = "review_votes"
    __table_args__ = (
        CheckConstraint(_in("status", VERDICT_STATUSES[1:]), name="status"),
        UniqueConstraint("claim_id", "round", "reviewer"),
    )
    id: Mapped[IntPK]
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    round: Mapped[int] = mapped_column(Integer, nullable=False)
    reviewer: Mapped[Reviewer]
    status: Mapped[str] = mapped_column(String(20), nullable=False)
    label: Mapped[str | None] = mapped_column(String(60))
    note: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[Created]


class CustomStatus(Base):
    """A status of this database's own ("misleading", "needs context") and which of the three it means."""

    __tablename__ = "custom_statuses"
    __table_args__ = (CheckConstraint(_in("means", VERDICT_STATUSES[1:]), name="means"),)
    name: Mapped[str] = mapped_column(String(60), primary_key=True)
    means: Mapped[str] = mapped_column(String(20), nullable=False)
    created_by: Mapped[Reviewer]
    created_at: Mapped[Created]


class Setting(Base):
    """A setting of this database, shared by everyone who works on it (``double_review``)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(String(200), nullable=False)


class ClaimChange(Base):
    """What became of a claim when its article's next version was stored: ``old_claim_id`` (the previous version's
    claim) is unchanged, moved, changed or removed; a ``new`` row has only ``new_claim_id``. ``reviewed`` says the
    old claim had a verdict then: a changed one goes back to the queue marked "changed since reviewed"."""

    __tablename__ = "claim_changes"
    __table_args__ = (CheckConstraint(_in("outcome", CHANGE_OUTCOMES), name="outcome"),)
    id: Mapped[IntPK]
    #: the new version
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    old_claim_id: Mapped[int | None] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    new_claim_id: Mapped[int | None] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    outcome: Mapped[str] = mapped_column(String(20), nullable=False)
    #: how the pair was found: span, context or fuzzy
    method: Mapped[str | None] = mapped_column(String(20))
    #: for a changed claim, what differs ("numbers: 12 → 15")
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    reviewed: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    created_at: Mapped[Created]


class Feed(Base):
    """An RSS or Atom feed pulled by ``tracker feed pull``: its new entries' pages are fetched and ingested."""

    __tablename__ = "feeds"
    id: Mapped[IntPK]
    url: Mapped[str] = mapped_column(String(2000), nullable=False)
    #: the outlet of every page it gives (None: from each page's metadata or text)
    outlet: Mapped[str | None] = mapped_column(String(300))
    added_at: Mapped[Created]
    last_pulled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    #: why the last pull failed (None: it worked); a failed feed is tried again on the next pull
    last_error: Mapped[str | None] = mapped_column(Text)
    #: failed pulls in a row
    failures: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    #: sha256 of the URL: unique (a 2000-character URL is too long for an index on every engine)
    url_key: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)


class FeedEntry(Base):
    """An entry of a feed whose page has been stored (or found already stored): not fetched again."""

    __tablename__ = "feed_entries"
    __table_args__ = (UniqueConstraint("feed_id", "key"),)
    id: Mapped[IntPK]
    feed_id: Mapped[int] = mapped_column(ForeignKey("feeds.id", ondelete="CASCADE"))
    #: sha256 of the entry's id and updated stamp (tracker.readers.feeds)
    key: Mapped[str] = mapped_column(String(64), nullable=False)
    link: Mapped[str] = mapped_column(String(2000), nullable=False)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"), index=True)
    seen_at: Mapped[Created]


class AppendOnlyError(RuntimeError):
    """Raised when code tries to change or delete a verdict: history is append-only."""


def _what(row: Verdict | ReviewVote) -> str:
    return "verdict" if isinstance(row, Verdict) else "review vote"


@event.listens_for(Verdict, "before_update")
@event.listens_for(ReviewVote, "before_update")
def _refuse_verdict_update(mapper, connection, target):  # noqa: ARG001 - SQLAlchemy's signature
    raise AppendOnlyError(f"{_what(target)} {target.id} is history and cannot be changed")


@event.listens_for(Verdict, "before_delete")
@event.listens_for(ReviewVote, "before_delete")
def _refuse_verdict_delete(mapper, connection, target):  # noqa: ARG001
    raise AppendOnlyError(f"{_what(target)} {target.id} is history and cannot be deleted")
