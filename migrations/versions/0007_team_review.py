"""Team review: holds (``tracker assign``), double review with its votes, custom statuses, database settings

- ``holds``: a claim handed to a reviewer until a time; an expired hold counts for nothing.
- ``double_reviews``: claims that need two independent verdicts whatever the ``double_review`` setting says.
- ``review_votes``: the independent verdicts of a double review, append-only like ``verdicts``.
- ``custom_statuses``: statuses of the database's own ("misleading"), each meaning one of the three verdicts.
- ``settings``: shared settings of the database (``double_review``).
- ``verdicts.label``: the custom status a verdict was given as, when it was.

Every table is new except the one nullable column, added in place (a batch copy of a table on SQLite is not
needed, and ``verdicts`` has no full-text triggers to lose).

Revision ID: 0007
Revises: 0006
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

VERDICTS = "status IN ('corroborated', 'contradicted', 'unverified')"
MEANS = "means IN ('corroborated', 'contradicted', 'unverified')"


def _reviewer(name: str) -> sa.Column:
    return sa.Column(name, sa.String(length=200), nullable=False)


def _created(name: str) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=False)


def _claim_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["claim_id"], ["claims.id"], name=op.f(f"fk_{table}_claim_id_claims"),
                                   ondelete="CASCADE")


def upgrade() -> None:
    op.create_table(
        "holds",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        _reviewer("reviewer"), _reviewer("assigned_by"), _created("taken_at"), _created("expires_at"),
        _claim_fk("holds"),
        sa.PrimaryKeyConstraint("claim_id", name=op.f("pk_holds")),
    )
    op.create_index(op.f("ix_holds_reviewer"), "holds", ["reviewer"], unique=False)
    op.create_index(op.f("ix_holds_expires_at"), "holds", ["expires_at"], unique=False)
    op.create_table(
        "double_reviews",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        _reviewer("requested_by"), _created("requested_at"),
        _claim_fk("double_reviews"),
        sa.PrimaryKeyConstraint("claim_id", name=op.f("pk_double_reviews")),
    )
    op.create_table(
        "review_votes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        _reviewer("reviewer"),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("label", sa.String(length=60), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=True),
        _created("created_at"),
        sa.CheckConstraint(VERDICTS, name=op.f("ck_review_votes_status")),
        _claim_fk("review_votes"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_votes")),
        sa.UniqueConstraint("claim_id", "round", "reviewer", name=op.f("uq_review_votes_claim_id_round_reviewer")),
    )
    op.create_index(op.f("ix_review_votes_claim_id"), "review_votes", ["claim_id"], unique=False)
    op.create_table(
        "custom_statuses",
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("means", sa.String(length=20), nullable=False),
        _reviewer("created_by"), _created("created_at"),
        sa.CheckConstraint(MEANS, name=op.f("ck_custom_statuses_means")),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_custom_statuses")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.add_column("verdicts", sa.Column("label", sa.String(length=60), nullable=True))


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE verdicts DROP COLUMN label")  # in place (SQLite 3.35+), no table copy
    else:
        op.drop_column("verdicts", "label")
    op.drop_table("settings")
    op.drop_table("custom_statuses")
    op.drop_index(op.f("ix_review_votes_claim_id"), table_name="review_votes")
    op.drop_table("review_votes")
    op.drop_table("double_reviews")
    op.drop_index(op.f("ix_holds_expires_at"), table_name="holds")
    op.drop_index(op.f("ix_holds_reviewer"), table_name="holds")
    op.drop_table("holds")
