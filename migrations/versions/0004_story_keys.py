"""stories: each document's keys (and how many documents hold each), its story, the document it copies

Linking a few new documents looks up which stored documents share their rarer keys (``document_keys``,
indexed by key; ``key_counts`` says which are rare), and compares claims only within the story the new ones join (``documents.story_id``).
``documents.copy_of_id`` marks near-copies, which are one source. Existing databases get their keys and
stories the next time ``tracker link`` runs.

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document_keys",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name=op.f("fk_document_keys_document_id_documents"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("document_id", "key", name=op.f("pk_document_keys")),
    )
    op.create_index(op.f("ix_document_keys_key"), "document_keys", ["key"], unique=False)
    op.create_table(
        "key_counts",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_key_counts")),
    )
    # plain columns added in place: a batch copy of ``documents`` on SQLite would drop its full-text triggers
    op.add_column("documents", sa.Column("story_id", sa.Integer(), nullable=True))
    op.add_column("documents", sa.Column("copy_of_id", sa.Integer(), nullable=True))
    op.create_index(op.f("ix_documents_story_id"), "documents", ["story_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_documents_story_id"), table_name="documents")
    if op.get_bind().dialect.name == "sqlite":
        # SQLite (3.35+) drops a plain column in place, which keeps the full-text triggers
        op.execute("ALTER TABLE documents DROP COLUMN copy_of_id")
        op.execute("ALTER TABLE documents DROP COLUMN story_id")
    else:
        op.drop_column("documents", "copy_of_id")
        op.drop_column("documents", "story_id")
    op.drop_table("key_counts")
    op.drop_index(op.f("ix_document_keys_key"), table_name="document_keys")
    op.drop_table("document_keys")
