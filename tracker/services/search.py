"""Full-text search over claim quotes and document texts: SQLite's FTS5 or PostgreSQL's text search.

Both take the same query language, that of a web search box: words (all must match, stemmed: "strikes"
finds "strike"), "quoted phrases", ``or`` between two terms, and -word to exclude. The indexes are made by
migration 0002.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Boolean, ColumnClause, ColumnElement, func, literal_column, select, text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.visitors import InternalTraversal

from ..models import Claim, Document
from .search_words import STOP_WORDS

_TERM = re.compile(r'(-?)"([^"]*)"|(-?)(\S+)')
_WORD = re.compile(r"\w+")
_ENGLISH: ColumnClause[Any] = literal_column("'english'::regconfig")


@dataclass(frozen=True, slots=True)
class Term:
    """One thing to look for: a word, or the words of a "quoted phrase" in order."""

    words: tuple[str, ...]
    #: joined to the term before it by ``or`` rather than ``and``
    either: bool = False


@dataclass(frozen=True, slots=True)
class SearchQuery:
    wanted: tuple[Term, ...]
    unwanted: tuple[Term, ...]


def parse_query(query: str) -> SearchQuery | None:
    """``query`` as both engines read it; None when it names nothing to look for.

    Words are ``\\w+`` runs (anything else in the input is a separator, never an operator); English stop words
    (``STOP_WORDS``, PostgreSQL's list) are dropped from the ends of each term, and a term of only stop words
    with them; ``or`` between two terms makes either
    enough; ``-`` before a term excludes it. A query that names only excluded terms or stop words finds nothing.
    """
    wanted: list[Term] = []
    unwanted: list[Term] = []
    either = False
    for m in _TERM.finditer(query):
        negated = bool(m[1] or m[3])
        if m[4] is not None and not negated and m[4].lower() == "or":
            either = bool(wanted)
            continue
        words = _without_edge_stop_words(tuple(_WORD.findall(m[2] if m[2] is not None else m[4])))
        if not words:
            continue
        if negated:
            unwanted.append(Term(words))
        else:
            wanted.append(Term(words, either))
            either = False
    return SearchQuery(tuple(wanted), tuple(unwanted)) if wanted else None


def _without_edge_stop_words(words: tuple[str, ...]) -> tuple[str, ...]:
    """A term's words without the stop words at its ends (PostgreSQL passes over those; inside a phrase it keeps
    their places)."""
    start, end = 0, len(words)
    while start < end and words[start].lower() in STOP_WORDS:
        start += 1
    while end > start and words[end - 1].lower() in STOP_WORDS:
        end -= 1
    return words[start:end]


def fts5_query(query: str) -> str | None:
    """``query`` in FTS5 syntax: every word quoted so no user input is taken for an operator. None if it has
    nothing to look for (see ``parse_query``)."""
    parsed = parse_query(query)
    if parsed is None:
        return None
    wanted = [("OR " if t.either else "") + '"' + " ".join(t.words) + '"' for t in parsed.wanted]
    return " ".join(wanted) + "".join(' NOT "' + " ".join(t.words) + '"' for t in parsed.unwanted)


def websearch_query(query: str) -> str | None:
    """``query`` rewritten for PostgreSQL's websearch_to_tsquery from the same parse as ``fts5_query``."""
    parsed = parse_query(query)
    if parsed is None:
        return None
    wanted = [("or " if t.either else "") + '"' + " ".join(t.words) + '"' for t in parsed.wanted]
    return " ".join(wanted) + "".join(' -"' + " ".join(t.words) + '"' for t in parsed.unwanted)


class QuoteMatches(ColumnElement[bool]):
    """True for claims whose quote matches a search query; compiled for the database it runs on, so a
    filter can be built before anyone knows which database that is."""

    type = Boolean()
    inherit_cache = True
    # a condition in itself, like a comparison: SQLite must not get "WHERE (… IN (…)) = 1", which makes it scan
    # every claim instead of using the full-text index (41 ms against 4 ms on 17,000 documents)
    _is_implicitly_boolean = True
    _traverse_internals = [("query", InternalTraversal.dp_string)]

    def __init__(self, query: str):
        self.query = query


@compiles(QuoteMatches)
def _compile_quote_matches(element: QuoteMatches, compiler, **kw) -> str:
    return compiler.process(claims_matching(compiler.dialect.name, element.query), **kw)


def claims_matching(dialect: str, query: str) -> ColumnElement[bool]:
    """A WHERE clause on Claim: its quote matches ``query``, through the full-text index of ``dialect``."""
    if dialect == "postgresql":
        web = websearch_query(query)
        if web is None:
            return Claim.id.is_(None)  # nothing to look for: nothing matches
        return func.to_tsvector(_ENGLISH, Claim.quote).bool_op("@@")(func.websearch_to_tsquery(_ENGLISH, web))
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
        web = websearch_query(query)
        if web is None:
            return []
        vector = func.to_tsvector(_ENGLISH, Document.text)
        tsquery = func.websearch_to_tsquery(_ENGLISH, web)
        stmt = (select(Document.id, Document.name, Document.title).where(vector.bool_op("@@")(tsquery))
                .order_by(func.ts_rank(vector, tsquery).desc(), Document.id).limit(limit))
        return [(id_, name, title) for id_, name, title in session.execute(stmt)]
    fts = fts5_query(query)
    if fts is None:
        return []
    fts_stmt = text("SELECT d.id, d.name, d.title FROM documents_fts JOIN documents AS d ON d.id = documents_fts.rowid "
                "WHERE documents_fts MATCH :q ORDER BY documents_fts.rank, d.id LIMIT :limit")
    return [(id_, name, title) for id_, name, title in session.execute(fts_stmt, {"q": fts, "limit": limit})]
