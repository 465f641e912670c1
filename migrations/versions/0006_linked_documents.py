"""documents.linked: whether a document's claims have been linked, so that a run cut off before linking is finished

Ingest stores each document in a transaction of its own and links them all afterwards; a run killed or
interrupted in between left its documents stored and never linked, and nothing said so. Now each document says
whether it has been linked, and every ``ingest`` and ``link`` run links those that have not been.

Existing documents: linked when linking has placed them in a story (``story_id`` is set in the same transaction
as their links); the others (cut off before linking, or stored before 0004) are linked by the next run.

Revision ID: 0006
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain column added in place: a batch copy of ``documents`` on SQLite would drop its full-text triggers
    op.add_column("documents", sa.Column("linked", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.execute("UPDATE documents SET linked = (story_id IS NOT NULL)")
    op.create_index(op.f("ix_documents_linked"), "documents", ["linked"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_documents_linked"), table_name="documents")
    if op.get_bind().dialect.name == "sqlite":
        # SQLite (3.35+) drops a plain column in place, which keeps the full-text triggers
        op.execute("ALTER TABLE documents DROP COLUMN linked")
    else:
        op.drop_column("documents", "linked")
