"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-21 19:39:09.968948
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('entities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('key', sa.String(length=300), nullable=False),
    sa.Column('aliases', sa.JSON(), nullable=False),
    sa.CheckConstraint("kind IN ('person', 'organization', 'outlet', 'group')", name=op.f('ck_entities_kind')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_entities')),
    sa.UniqueConstraint('key', name=op.f('uq_entities_key'))
    )
    with op.batch_alter_table('entities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_entities_name'), ['name'], unique=False)

    op.create_table('outlets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('aliases', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outlets')),
    sa.UniqueConstraint('name', name=op.f('uq_outlets_name'))
    )
    op.create_table('documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('outlet_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=1000), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('origin', sa.String(length=2000), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('format', sa.String(length=20), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['outlet_id'], ['outlets.id'], name=op.f('fk_documents_outlet_id_outlets'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_documents')),
    sa.UniqueConstraint('sha256', name=op.f('uq_documents_sha256'))
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_documents_outlet_id'), ['outlet_id'], unique=False)

    op.create_table('claims',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('quote', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('check_worthiness', sa.Float(), nullable=False),
    sa.Column('hedged', sa.Boolean(), nullable=False),
    sa.Column('caveat_of_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('reason', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("kind IN ('quantity', 'date', 'event', 'quote', 'position', 'caveat')", name=op.f('ck_claims_kind')),
    sa.CheckConstraint("status IN ('unreviewed', 'corroborated', 'contradicted', 'unverified')", name=op.f('ck_claims_status')),
    sa.CheckConstraint('"start" >= 0 AND "end" > "start"', name=op.f('ck_claims_span')),
    sa.ForeignKeyConstraint(['caveat_of_id'], ['claims.id'], name=op.f('fk_claims_caveat_of_id_claims'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_claims_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claims'))
    )
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claims_caveat_of_id'), ['caveat_of_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_claims_document_id'), ['document_id'], unique=False)
        batch_op.create_index('ix_claims_document_id_start', ['document_id', 'start'], unique=False)
        batch_op.create_index(batch_op.f('ix_claims_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_claims_status'), ['status'], unique=False)

    op.create_table('skipped_spans',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_skipped_spans_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_skipped_spans'))
    )
    with op.batch_alter_table('skipped_spans', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_skipped_spans_document_id'), ['document_id'], unique=False)

    op.create_table('attributions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('speaker_id', sa.Integer(), nullable=True),
    sa.Column('cue', sa.String(length=100), nullable=True),
    sa.Column('mode', sa.String(length=20), nullable=False),
    sa.Column('descriptor', sa.String(length=500), nullable=True),
    sa.CheckConstraint("mode IN ('direct', 'indirect', 'outlet')", name=op.f('ck_attributions_mode')),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_attributions_claim_id_claims'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['speaker_id'], ['entities.id'], name=op.f('fk_attributions_speaker_id_entities'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attributions')),
    sa.UniqueConstraint('claim_id', name=op.f('uq_attributions_claim_id'))
    )
    with op.batch_alter_table('attributions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attributions_speaker_id'), ['speaker_id'], unique=False)

    op.create_table('claim_links',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('a_id', sa.Integer(), nullable=False),
    sa.Column('b_id', sa.Integer(), nullable=False),
    sa.Column('relation', sa.String(length=20), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('origin', sa.String(length=20), nullable=False),
    sa.Column('decision', sa.String(length=20), nullable=True),
    sa.Column('decided_by', sa.String(length=200), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("origin IN ('auto', 'reviewer')", name=op.f('ck_claim_links_origin')),
    sa.CheckConstraint("relation IN ('corroborates', 'contradicts', 'related', 'same')", name=op.f('ck_claim_links_relation')),
    sa.CheckConstraint('a_id < b_id', name=op.f('ck_claim_links_ordered')),
    sa.ForeignKeyConstraint(['a_id'], ['claims.id'], name=op.f('fk_claim_links_a_id_claims'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['b_id'], ['claims.id'], name=op.f('fk_claim_links_b_id_claims'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claim_links')),
    sa.UniqueConstraint('a_id', 'b_id', name=op.f('uq_claim_links_a_id_b_id'))
    )
    with op.batch_alter_table('claim_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claim_links_a_id'), ['a_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_claim_links_b_id'), ['b_id'], unique=False)

    op.create_table('claim_values',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=20), nullable=False),
    sa.Column('text', sa.String(length=500), nullable=False),
    sa.Column('span_start', sa.Integer(), nullable=False),
    sa.Column('span_end', sa.Integer(), nullable=False),
    sa.Column('date', sa.String(length=10), nullable=True),
    sa.Column('date_end', sa.String(length=10), nullable=True),
    sa.Column('number', sa.Float(), nullable=True),
    sa.Column('low', sa.Float(), nullable=True),
    sa.Column('high', sa.Float(), nullable=True),
    sa.Column('unit', sa.String(length=50), nullable=True),
    sa.CheckConstraint("type IN ('date', 'date_range', 'quantity', 'quantity_range', 'duration')", name=op.f('ck_claim_values_type')),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_claim_values_claim_id_claims'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claim_values'))
    )
    with op.batch_alter_table('claim_values', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claim_values_claim_id'), ['claim_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_claim_values_date'), ['date'], unique=False)

    op.create_table('verdicts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('evidence', sa.Text(), nullable=True),
    sa.Column('reviewer', sa.String(length=200), nullable=False),
    sa.Column('undoes_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status IN ('unreviewed', 'corroborated', 'contradicted', 'unverified')", name=op.f('ck_verdicts_status')),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_verdicts_claim_id_claims'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['undoes_id'], ['verdicts.id'], name=op.f('fk_verdicts_undoes_id_verdicts'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_verdicts'))
    )
    with op.batch_alter_table('verdicts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_verdicts_claim_id'), ['claim_id'], unique=False)

    op.create_table('relays',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('attribution_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['attribution_id'], ['attributions.id'], name=op.f('fk_relays_attribution_id_attributions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['entity_id'], ['entities.id'], name=op.f('fk_relays_entity_id_entities'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_relays')),
    sa.UniqueConstraint('attribution_id', 'position', name=op.f('uq_relays_attribution_id_position'))
    )
    with op.batch_alter_table('relays', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_relays_entity_id'), ['entity_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('relays', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_relays_entity_id'))

    op.drop_table('relays')
    with op.batch_alter_table('verdicts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_verdicts_claim_id'))

    op.drop_table('verdicts')
    with op.batch_alter_table('claim_values', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claim_values_date'))
        batch_op.drop_index(batch_op.f('ix_claim_values_claim_id'))

    op.drop_table('claim_values')
    with op.batch_alter_table('claim_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claim_links_b_id'))
        batch_op.drop_index(batch_op.f('ix_claim_links_a_id'))

    op.drop_table('claim_links')
    with op.batch_alter_table('attributions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attributions_speaker_id'))

    op.drop_table('attributions')
    with op.batch_alter_table('skipped_spans', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_skipped_spans_document_id'))

    op.drop_table('skipped_spans')
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claims_status'))
        batch_op.drop_index(batch_op.f('ix_claims_kind'))
        batch_op.drop_index('ix_claims_document_id_start')
        batch_op.drop_index(batch_op.f('ix_claims_document_id'))
        batch_op.drop_index(batch_op.f('ix_claims_caveat_of_id'))

    op.drop_table('claims')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documents_outlet_id'))

    op.drop_table('documents')
    op.drop_table('outlets')
    with op.batch_alter_table('entities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_entities_name'))

    op.drop_table('entities')
