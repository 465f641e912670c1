"""Alembic environment: the engine comes from the application (tracker.db), never from a URL in a file."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from alembic import context
from sqlalchemy import Connection, Engine, event

from tracker.config import database_url
from tracker.db import make_engine
from tracker.models import Base

config = context.config
target_metadata = Base.metadata


def include_object(obj, name, type_, reflected, compare_to):  # noqa: ARG001 - Alembic's signature
    # full-text search tables (SQLite) and expression indexes (PostgreSQL) are made by raw SQL in migrations,
    # not by the models
    return not (type_ in ("table", "index") and name and (name.endswith("_fts") or "_fts_" in name))


@contextmanager
def _transactional_sqlite(connection: Connection) -> Iterator[None]:
    """Python's sqlite3 opens a transaction only before INSERT, UPDATE and DELETE, so a CREATE or DROP commits
    at once and a step that fails half way would stay half done. For the migrations' connection only, the
    driver's own transaction handling is turned off and every transaction begins with an explicit BEGIN, which
    covers DDL too (SQLAlchemy's documented recipe); the connection goes back to the pool as it came."""
    if connection.dialect.name != "sqlite":
        yield
        return
    dbapi_connection = connection.connection.driver_connection
    saved = dbapi_connection.isolation_level
    if connection.in_transaction():
        connection.commit()
    dbapi_connection.isolation_level = None

    def begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN")

    event.listen(connection, "begin", begin)
    try:
        yield
    finally:
        event.remove(connection, "begin", begin)
        if dbapi_connection.in_transaction:
            dbapi_connection.rollback()
        dbapi_connection.isolation_level = saved


def run_migrations_online() -> None:
    engine: Engine = config.attributes.get("engine") or make_engine(database_url())
    with engine.connect() as connection, _transactional_sqlite(connection):
        # each step in a transaction of its own, with the move of the revision: a step that fails leaves the
        # database as the step before left it, on SQLite as on PostgreSQL
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            include_object=include_object,
            compare_type=True,
            transactional_ddl=True,
            transaction_per_migration=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


if context.is_offline_mode():
    raise SystemExit("tracker migrations run online only: use `tracker db upgrade`")
run_migrations_online()
