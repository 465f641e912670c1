"""The stored documents: listed with their outlet and claim count, and a wrong outlet put right after ingest."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload

from ..errors import NotFound, TrackerError
from ..models import Claim, Document
from ..readers.limits import MAX_CHARS, MAX_ID
from .entities import outlet_named
from .views import outlet_name


@dataclass(frozen=True, slots=True)
class DocumentRow:
    id: int
    origin: str
    title: str | None
    outlet: str | None
    published: date | None
    claims: int


def list_documents(session: Session, *, unknown_outlet: bool = False) -> list[DocumentRow]:
    """Every document in id order; with ``unknown_outlet`` only those without an outlet."""
    counts = dict(session.execute(select(Claim.document_id, func.count(Claim.id)).group_by(Claim.document_id)).all())
    stmt = select(Document).options(joinedload(Document.outlet)).order_by(Document.id)
    if unknown_outlet:
        stmt = stmt.where(Document.outlet_id.is_(None))
    return [DocumentRow(d.id, d.origin, d.title, outlet_name(d), d.published, counts.get(d.id, 0))
            for d in session.scalars(stmt)]


def set_outlet(session: Session, document_id: int, name: str) -> tuple[str | None, str]:
    """Give a document the outlet ``name`` (an existing one, matched case-insensitively, else a new one);
    returns the outlet before and after."""
    name = name.strip()
    if not name or len(name) > MAX_CHARS["outlet"] or "\x00" in name:
        raise TrackerError(f"an outlet name is 1 to {MAX_CHARS['outlet']} characters without NUL")
    document = session.get(Document, document_id) if 0 < document_id <= MAX_ID else None
    if document is None:
        raise NotFound(f"no document with id {document_id}")
    before = outlet_name(document)
    outlet = outlet_named(session, name)
    document.outlet = outlet
    try:
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return before, outlet.name
