"""A whole database as one JSON Lines archive, and back: for moving between SQLite and PostgreSQL, and backups.

The archive's first line names the format and its version, the last line counts the rows written (so a cut-off
file is refused); every line between is one row: ``{"table": "claims", "row": {...}}``, tables in an order
where every row comes after the rows it points to. Ids are kept as they are (not remapped), so links, caveats
and undos stay exact; PostgreSQL's id sequences are moved past them after an import. Times are written in UTC.
Import goes into an empty database only, in one transaction: a bad archive leaves the database as it was.
What linking derives from the texts (each document's keys and their counts) is not written: import derives it.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import IO, Any, cast

from sqlalchemy import Date, DateTime, Table, bindparam, func, select, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from ..errors import TrackerError
from ..models import (
    Attribution,
    Base,
    Claim,
    ClaimChange,
    ClaimLink,
    ClaimValue,
    CustomStatus,
    Document,
    DoubleReview,
    Entity,
    Feed,
    FeedEntry,
    Hold,
    Outlet,
    Relay,
    ReviewVote,
    Setting,
    SkippedSpan,
    Verdict,
    utcnow,
)
from ..readers.limits import MAX_ID
from .fit import json_safe
from .link import index_documents
from .store import bulk_insert

FORMAT = "tracker-archive"
VERSION = 1


def _table(model: type[Base]) -> Table:
    """A model's table (``__table__`` is typed as any FROM clause; a declarative model's is a Table)."""
    return cast(Table, model.__table__)


#: parents before children; a claim's caveat_of is set once every claim is in
TABLES: tuple[Table, ...] = tuple(_table(m) for m in (
    Outlet, Entity, Document, SkippedSpan, Claim, Attribution, Relay, ClaimValue, Verdict, ClaimLink, ClaimChange,
    Feed, FeedEntry,
    # team review: double review's votes and requests, holds, the database's own statuses and settings
    ReviewVote, DoubleReview, Hold, CustomStatus, Setting))
_BY_NAME = {t.name: t for t in TABLES}
_BATCH = 1000


class ArchiveError(TrackerError):
    """An archive that cannot be imported; nothing was changed."""


def _dump_value(value: Any) -> Any:
    if isinstance(value, datetime):
        # SQLite hands back naive times (stored as UTC), PostgreSQL aware ones: write both the same way
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        return aware.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def table_rows(session: Session, table: Table) -> Iterator[dict[str, Any]]:
    """Every row of ``table`` in id (else primary key) order, as the archive writes it (also what a round-trip
    test compares)."""
    result = session.connection().execute(select(table).order_by(*table.primary_key.columns),
                                          execution_options={"yield_per": _BATCH})
    for row in result.mappings():
        yield {key: _dump_value(value) for key, value in row.items()}


def export_archive(session: Session, out: IO[str]) -> dict[str, int]:
    """Write every table to ``out``; returns the number of rows per table."""
    from ..db import current_revision

    header = {"format": FORMAT, "version": VERSION, "schema": current_revision(session.get_bind().engine),
              "written": utcnow().isoformat()}
    _one_snapshot(session)
    out.write(json.dumps(header) + "\n")
    counts: dict[str, int] = {}
    for table in TABLES:
        n = 0
        for row in table_rows(session, table):
            record = {"table": table.name, "row": json_safe(row)}
            out.write(json.dumps(record, ensure_ascii=False, allow_nan=False) + "\n")
            n += 1
        counts[table.name] = n
    out.write(json.dumps({"end": True, "counts": counts}) + "\n")
    return counts


def _one_snapshot(session: Session) -> None:
    """Read every table from one snapshot, so an ingest or a review running meanwhile cannot leave the archive
    with a claim whose document it lacks."""
    if session.in_transaction() and session.get_bind().dialect.name != "sqlite":
        return  # the caller's transaction decides
    if session.get_bind().dialect.name == "postgresql":
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
    elif session.get_bind().dialect.name == "sqlite":
        # Python's sqlite3 begins transactions only for writes, so each read would see the latest commit
        connection = session.connection()
        dbapi_connection = connection.connection.dbapi_connection
        assert dbapi_connection is not None, "a session's connection is never detached from its DBAPI connection"
        if not dbapi_connection.in_transaction:
            connection.exec_driver_sql("BEGIN")


def _load_value(table: Table, column: str, value: Any) -> Any:
    if value is None:
        return None
    kind = table.c[column].type
    if isinstance(kind, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(kind, Date):
        return date.fromisoformat(value)
    return value


def import_archive(session: Session, lines: IO[str], source: str = "archive") -> dict[str, int]:
    """Load an archive into an empty database in one transaction; returns the rows per table.

    Raises :class:`ArchiveError` (and changes nothing) for a database that is not empty, or an archive that is
    not one, is of another version, is cut off, or holds rows that do not fit.
    """
    with session.begin():
        stored = {t.name: session.scalar(select(func.count()).select_from(t))
                  for t in map(_table, (Document, Claim, Entity, Outlet))}
        if any(stored.values()):
            what = ", ".join(f"{n} {t}" for t, n in stored.items() if n)
            raise ArchiveError(f"the database is not empty ({what}); import into a new, empty database")
        try:
            counts = _load(session, lines, source)
        except (ValueError, KeyError, TypeError, OverflowError) as exc:
            raise ArchiveError(f"{source}: {exc}") from exc
        except DBAPIError as exc:
            detail = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
            raise ArchiveError(f"{source}: rows do not fit the database: {detail}") from exc
        _move_sequences(session)
        # what linking knows of each document (its keys, not in the archive), so that documents ingested
        # next find the stories they join as they would in the database the archive came from
        index_documents(session)
    return counts


def _load(session: Session, lines: IO[str], source: str) -> dict[str, int]:
    first = lines.readline()
    try:
        header = json.loads(first) if first.strip() else {}
    except json.JSONDecodeError:
        header = {}
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise ArchiveError(f"{source}: not a tracker archive (its first line does not say format {FORMAT!r})")
    if header.get("version") != VERSION:
        raise ArchiveError(f"{source}: archive version {header.get('version')!r}; this tracker reads version {VERSION}")
    if header.get("schema") not in _known_schemas():
        raise ArchiveError(f"{source}: written at schema {header.get('schema')!r}, which this tracker does not know")
    texts: dict[int, str] = {}
    counts = {t.name: 0 for t in TABLES}
    pending: dict[str, list[tuple]] = {}
    caveats: list[dict[str, int]] = []
    order = {t.name: i for i, t in enumerate(TABLES)}
    current = -1
    end = None
    for number, line in enumerate(lines, start=2):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ArchiveError(f"{source}, line {number}: not valid JSON ({exc.msg})") from exc
        except RecursionError:
            raise ArchiveError(f"{source}, line {number}: JSON nested too deep to read") from None
        if not isinstance(record, dict):
            raise ArchiveError(f"{source}, line {number}: not a JSON object")
        if end is not None:
            raise ArchiveError(f"{source}, line {number}: rows after the end line")
        if record.get("end"):
            end = record
            continue
        row = record.get("row")
        table = _BY_NAME.get(str(record.get("table")))
        if table is None or not isinstance(row, dict):
            raise ArchiveError(f"{source}, line {number}: not a row of a known table")
        name = table.name
        unknown = set(row) - set(table.c.keys())
        if unknown:
            raise ArchiveError(f"{source}, line {number}: {name} has no column {sorted(unknown)[0]!r}")
        problem = _row_problem(name, row, texts)
        if problem:
            raise ArchiveError(f"{source}, line {number}: {name} row {row.get('id')!r}: {problem}")
        if order[name] < current:
            raise ArchiveError(f"{source}, line {number}: {name} rows after rows that point to them")
        if order[name] > current:
            _flush(session, pending)  # the parents are all in before the first child
            current = order[name]
        if name == "documents" and "linked" not in row:
            # written before migration 0006: linking placed in a story whatever it linked
            row = {**row, "linked": row.get("story_id") is not None}
        if name == "claims" and row.get("caveat_of_id") is not None:
            caveats.append({"cid": row["id"], "of": row["caveat_of_id"]})
            row = {**row, "caveat_of_id": None}
        columns = tuple(table.c.keys())
        pending.setdefault(name, []).append(tuple(_load_value(table, c, row.get(c)) for c in columns))
        counts[name] += 1
        if len(pending[name]) >= _BATCH:
            _flush(session, {name: pending.pop(name)})
    if end is None:
        raise ArchiveError(f"{source}: the archive is cut off (no end line); nothing was imported")
    if end.get("counts") != counts:
        raise ArchiveError(f"{source}: the end line counts {end.get('counts')}, the archive holds {counts}")
    _flush(session, pending)
    claims = _table(Claim)
    for i in range(0, len(caveats), _BATCH):
        session.connection().execute(update(claims).where(claims.c.id == bindparam("cid"))
                                     .values(caveat_of_id=bindparam("of")), caveats[i:i + _BATCH])
    return counts


def _known_schemas() -> set[str]:
    from alembic.script import ScriptDirectory

    from ..db import alembic_config

    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def _row_problem(name: str, row: dict[str, Any], texts: dict[int, str]) -> str | None:
    """Why a row breaks what every stored row keeps (the reason in a few words), or None.

    Every whole number fits a signed 64-bit integer; a claim's quote is exactly its document's text between its
    offsets, inside the text; a claim is not a caveat of itself. Documents' texts are kept to check their claims.
    """
    for column, value in row.items():
        if isinstance(value, int) and not isinstance(value, bool) and not -MAX_ID - 1 <= value <= MAX_ID:
            return f"{column} {value} does not fit a 64-bit integer"
        if isinstance(value, str) and "\x00" in value:
            return f"{column} holds a NUL character"
    if name == "documents" and isinstance(row.get("id"), int) and isinstance(row.get("text"), str):
        texts[row["id"]] = row["text"]
    if name == "claims":
        return _claim_problem(row, texts)
    return None


def _claim_problem(row: dict[str, Any], texts: dict[int, str]) -> str | None:
    text = texts.get(row.get("document_id"))  # type: ignore[arg-type]
    start, end, quote = row.get("start"), row.get("end"), row.get("quote")
    if text is None:
        return f"its document {row.get('document_id')!r} is not in the archive before it"
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
        return f"span {start!r}-{end!r} is not inside its document's {len(text)} characters"
    if quote != text[start:end]:
        return f"its quote is not its document's text at {start}-{end}"
    if row.get("caveat_of_id") is not None and row.get("caveat_of_id") == row.get("id"):
        return "it is a caveat of itself"
    return None


def _flush(session: Session, pending: dict[str, list[tuple]]) -> None:
    for name, rows in list(pending.items()):
        if rows:
            table = _BY_NAME[name]
            bulk_insert(session, table, tuple(table.c.keys()), rows)
        pending[name] = []


def _move_sequences(session: Session) -> None:
    """After rows with given ids, PostgreSQL's id sequences must start past them, or the next insert collides."""
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        return
    for table in (t for t in TABLES if "id" in t.c):  # tables keyed by a claim or a name have no sequence
        connection.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), coalesce(max(id), 1), max(id) IS NOT NULL) "
            f"FROM {table.name}")
