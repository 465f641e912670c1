"""Full-text search over claim quotes and document texts: SQLite's FTS5 or PostgreSQL's text search.

Both take the same query language, that of a web search box: words (all must match, stemmed: "strikes"
finds "strike"), "quoted phrases", ``or`` between two terms, and -word to exclude. The indexes are made by
migration 0002.
"""
from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Boolean, ColumnClause, ColumnElement, func, literal_column, select, text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.visitors import InternalTraversal

from ..models import Claim, Document

_TERM = re.compile(r'(-?)"([^"]*)"|(-?)(\S+)')
_WORD = re.compile(r"\w+")
_ENGLISH: ColumnClause[Any] = literal_column("'english'::regconfig")


def fts5_query(query: str) -> str | None:
    """``query`` in FTS5 syntax, as PostgreSQL's websearch_to_tsquery reads it: every word quoted so no user
    input is taken for an operator, ``or`` between two terms, ``-`` before one to exclude it. None if it has no
    words to look for."""
    wanted: list[str] = []
    unwanted: list[str] = []
    either = False
    for m in _TERM.finditer(query):
        negated = bool(m[1] or m[3])
        if m[4] is not None and not negated and m[4].lower() == "or":
            either = bool(wanted)
            continue
        words = _WORD.findall(m[2] if m[2] is not None else m[4])
        if not words:
            continue
        term = '"' + " ".join(words) + '"'
        if negated:
            unwanted.append(term)
        else:
            wanted.append(f"OR {term}" if either else term)
            either = False
    if not wanted:
        return None
    return " ".join(wanted) + "".join(f" NOT {u}" for u in unwanted)


class QuoteMatches(ColumnElement[bool]):
    """True for claims whose quote matches a search query; compiled for the database it runs on, so a
    filter can be built before anyone knows which database that is."""

    type = Boolean()
    inherit_cache = True
    _traverse_internals = [("query", InternalTraversal.dp_string)]

    def __init__(self, query: str):
        self.query = query


@compiles(QuoteMatches)
def _compile_quote_matches(element: QuoteMatches, compiler, **kw) -> str:
    return compiler.process(claims_matching(compiler.dialect.name, element.query), **kw)


def claims_matching(dialect: str, query: str) -> ColumnElement[bool]:
    """A WHERE clause on Claim: its quote matches ``query``, through the full-text index of ``dialect``."""
    if dialect == "postgresql":
        return func.to_tsvector(_ENGLISH, Claim.quote).bool_op("@@")(func.websearch_to_tsquery(_ENGLISH, query))
    if dialect == "sqlite":
        fts = fts5_query(query)
        if fts is None:
            return Claim.id.is_(None)  # nothing to look for: nothing matches
        return Claim.id.in_(text("SELECT rowid FROM claims_fts WHERE claims_fts MATCH :claims_fts_query")
                            .bindparams(claims_fts_query=fts).columns(literal_column("rowid")))
    escaped = query.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return func.lower(Claim.quote).like(f"%{escaped}%", escape="\\")


def search_documents(session: Session, query: str, limit: int = 20) -> list[tuple[int, str, str | None]]:
    """Documents whose title or text matches ``query``, best first: (id, name, title)."""
    if session.get_bind().dialect.name == "postgresql":
        vector = func.to_tsvector(_ENGLISH, Document.text)
        tsquery = func.websearch_to_tsquery(_ENGLISH, query)
        stmt = (select(Document.id, Document.name, Document.title).where(vector.bool_op("@@")(tsquery))
                .order_by(func.ts_rank(vector, tsquery).desc(), Document.id).limit(limit))
        return [(id_, name, title) for id_, name, title in session.execute(stmt)]
    fts = fts5_query(query)
    if fts is None:
        return []
    fts_stmt = text("SELECT d.id, d.name, d.title FROM documents_fts JOIN documents AS d ON d.id = documents_fts.rowid "
                "WHERE documents_fts MATCH :q ORDER BY documents_fts.rank, d.id LIMIT :limit")
    return [(id_, name, title) for id_, name, title in session.execute(fts_stmt, {"q": fts, "limit": limit})]
