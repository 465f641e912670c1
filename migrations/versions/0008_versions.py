"""Article versions: a document with the origin of a stored one and other text is its next version

``documents.previous_id`` points at the version it follows (unique: a version has one successor, so two runs
storing versions of one article at once cannot fork its history), ``documents.version`` counts from 1 and
``documents.current`` is false once a newer version is stored. ``claim_changes`` says what became of each claim
of the previous version (unchanged, moved, changed, removed) and which claims of the new one are new.

``feeds`` are the RSS and Atom feeds ``tracker feed pull`` reads, and ``feed_entries`` the entries whose pages
have been stored (not fetched again).

Existing documents: each is version 1 of its own article and current.

Revision ID: 0008
Revises: 0007
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_OUTCOMES = "outcome IN ('unchanged', 'moved', 'changed', 'removed', 'new')"


def upgrade() -> None:
    # plain columns added in place: a batch copy of ``documents`` on SQLite would drop its full-text triggers
    op.add_column("documents", sa.Column("previous_id", sa.Integer(), nullable=True))
    op.add_column("documents", sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    op.add_column("documents", sa.Column("current", sa.Boolean(), nullable=False, server_default=sa.true()))
    op.create_index(op.f("ix_documents_previous_id"), "documents", ["previous_id"], unique=True)
    op.create_index(op.f("ix_documents_origin_current"), "documents", ["origin", "current"], unique=False)
    op.create_table(
        "claim_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("old_claim_id", sa.Integer(), nullable=True),
        sa.Column("new_claim_id", sa.Integer(), nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("reviewed", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(_OUTCOMES, name=op.f("ck_claim_changes_outcome")),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"],
                                name=op.f("fk_claim_changes_document_id_documents"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["new_claim_id"], ["claims.id"],
                                name=op.f("fk_claim_changes_new_claim_id_claims"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["old_claim_id"], ["claims.id"],
                                name=op.f("fk_claim_changes_old_claim_id_claims"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_changes")),
    )
    op.create_index(op.f("ix_claim_changes_document_id"), "claim_changes", ["document_id"], unique=False)
    op.create_index(op.f("ix_claim_changes_old_claim_id"), "claim_changes", ["old_claim_id"], unique=False)
    op.create_index(op.f("ix_claim_changes_new_claim_id"), "claim_changes", ["new_claim_id"], unique=False)


    op.create_table(
        "feeds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("outlet", sa.String(length=300), nullable=True),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_pulled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("url_key", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feeds")),
        sa.UniqueConstraint("url_key", name=op.f("uq_feeds_url_key")),
    )
    op.create_table(
        "feed_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("feed_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("link", sa.String(length=2000), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"],
                                name=op.f("fk_feed_entries_document_id_documents"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["feed_id"], ["feeds.id"], name=op.f("fk_feed_entries_feed_id_feeds"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feed_entries")),
        sa.UniqueConstraint("feed_id", "key", name=op.f("uq_feed_entries_feed_id_key")),
    )
    op.create_index(op.f("ix_feed_entries_document_id"), "feed_entries", ["document_id"], unique=False)


def downgrade() -> None:
    op.drop_table("feed_entries")
    op.drop_table("feeds")
    op.drop_table("claim_changes")
    op.drop_index(op.f("ix_documents_origin_current"), table_name="documents")
    op.drop_index(op.f("ix_documents_previous_id"), table_name="documents")
    for column in ("current", "version", "previous_id"):
        if op.get_bind().dialect.name == "sqlite":
            # SQLite (3.35+) drops a plain column in place, which keeps the full-text triggers
            op.execute(f"ALTER TABLE documents DROP COLUMN {column}")
        else:
            op.drop_column("documents", column)
