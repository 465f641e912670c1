"""full-text search over claim quotes and document texts

SQLite: FTS5 tables ``claims_fts`` and ``documents_fts`` that index the base tables' own columns (external
content, so the text is not stored twice), kept current by triggers. PostgreSQL: GIN indexes on
``to_tsvector('english', ...)`` expressions, which the planner uses for ``@@`` queries on the same expression.
Both stem English words (porter / english), so "strikes" finds "strike" on either.

Caution for later SQLite migrations: a batch "move and copy" of ``claims`` or ``documents`` drops these
triggers with the old table; such a migration must recreate them and rebuild the index.

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# (full-text table, base table, indexed columns)
SQLITE_INDEXES = (("claims_fts", "claims", ("quote",)), ("documents_fts", "documents", ("title", "text")))
PG_INDEXES = (("ix_claims_quote_fts", "claims", "quote"), ("ix_documents_text_fts", "documents", "text"))


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for fts, base, columns in SQLITE_INDEXES:
            cols = ", ".join(columns)
            new = ", ".join(f"new.{c}" for c in columns)
            old = ", ".join(f"old.{c}" for c in columns)
            op.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{base}', content_rowid='id', "
                       "tokenize='porter unicode61 remove_diacritics 2')")
            op.execute(f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {base} BEGIN "
                       f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END")
            op.execute(f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {base} BEGIN "
                       f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); END")
            op.execute(f"CREATE TRIGGER {fts}_update AFTER UPDATE OF {cols} ON {base} BEGIN "
                       f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); "
                       f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END")
            op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")  # rows stored before this migration
    elif op.get_bind().dialect.name == "postgresql":
        for name, table, column in PG_INDEXES:
            op.execute(f"CREATE INDEX {name} ON {table} USING gin (to_tsvector('english'::regconfig, {column}))")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for fts, _base, _columns in SQLITE_INDEXES:
            for event in ("insert", "delete", "update"):
                op.execute(f"DROP TRIGGER IF EXISTS {fts}_{event}")
            op.execute(f"DROP TABLE IF EXISTS {fts}")
    elif op.get_bind().dialect.name == "postgresql":
        for name, _table, _column in PG_INDEXES:
            op.execute(f"DROP INDEX IF EXISTS {name}")
