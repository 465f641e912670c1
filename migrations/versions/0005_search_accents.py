"""full-text search keeps accents on SQLite, as PostgreSQL's does: "naïve" finds "naïve", not "naive"

SQLite's FTS5 tables were made with ``remove_diacritics 2``, so an accented word matched its bare form there and
not on PostgreSQL (whose ``english`` configuration keeps accents). The two tables are made again with
``remove_diacritics 0`` and rebuilt from the base tables; their triggers and ``automerge`` (0003) as before.
PostgreSQL: nothing changes.

Revision ID: 0005
Revises: 0004
"""
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# (full-text table, base table, indexed columns), as made by 0002
SQLITE_INDEXES = (("claims_fts", "claims", ("quote",)), ("documents_fts", "documents", ("title", "text")))


def _remake(remove_diacritics: int) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for fts, base, columns in SQLITE_INDEXES:
        cols = ", ".join(columns)
        new = ", ".join(f"new.{c}" for c in columns)
        old = ", ".join(f"old.{c}" for c in columns)
        for event in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS {fts}_{event}")
        op.execute(f"DROP TABLE IF EXISTS {fts}")
        op.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{base}', content_rowid='id', "
                   f"tokenize='porter unicode61 remove_diacritics {remove_diacritics}')")
        op.execute(f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {base} BEGIN "
                   f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END")
        op.execute(f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {base} BEGIN "
                   f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); END")
        op.execute(f"CREATE TRIGGER {fts}_update AFTER UPDATE OF {cols} ON {base} BEGIN "
                   f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); "
                   f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END")
        op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
        op.execute(f"INSERT INTO {fts}({fts}, rank) VALUES ('automerge', 16)")


def upgrade() -> None:
    _remake(0)


def downgrade() -> None:
    _remake(2)
