"""Alembic environment: the engine comes from the application (tracker.db), never from a URL in a file."""
from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from tracker.config import database_url
from tracker.db import make_engine
from tracker.models import Base

config = context.config
target_metadata = Base.metadata


def include_object(obj, name, type_, reflected, compare_to):  # noqa: ARG001 - Alembic's signature
    # full-text search tables (SQLite) and expression indexes (PostgreSQL) are made by raw SQL in migrations,
    # not by the models
    return not (type_ in ("table", "index") and name and (name.endswith("_fts") or "_fts_" in name))


def run_migrations_online() -> None:
    engine: Engine = config.attributes.get("engine") or make_engine(database_url())
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            include_object=include_object,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


if context.is_offline_mode():
    raise SystemExit("tracker migrations run online only: use `tracker db upgrade`")
run_migrations_online()
