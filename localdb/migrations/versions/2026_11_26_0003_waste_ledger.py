"""waste ledger: kinds added by the shop, containers, batch counters, collectors, handoffs, the
append-only ledger with its batch-code links, and expected waste from work orders.

Scaled decimals (kg and litres with three places) are plain integers in the database, as in 0001.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 21:00:00
"""

from alembic import op
import sqlalchemy as sa
import localdb.types


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('waste_batch_counters',
    sa.Column('key', sa.String(length=16), nullable=False),
    sa.Column('last_seq', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_waste_batch_counters'))
    )
    op.create_table('waste_collectors',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('licence_no', sa.String(length=60), nullable=False),
    sa.Column('licence_expires', sa.Date(), nullable=False),
    sa.Column('codes', sa.JSON(), nullable=False),
    sa.Column('receiver_type', sa.String(length=20), nullable=False),
    sa.Column('province', sa.String(length=20), nullable=False),
    sa.Column('contract_start', sa.Date(), nullable=True),
    sa.Column('contract_end', sa.Date(), nullable=True),
    sa.Column('contact', sa.String(length=40), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', localdb.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', localdb.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_waste_collectors'))
    )
    op.create_table('waste_containers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=30), nullable=False),
    sa.Column('kind_key', sa.String(length=40), nullable=False),
    sa.Column('container_type', sa.String(length=40), nullable=False),
    sa.Column('facility_code', sa.String(length=40), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', localdb.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_waste_containers')),
    sa.UniqueConstraint('code', name=op.f('uq_waste_containers_code'))
    )
    with op.batch_alter_table('waste_containers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_waste_containers_kind_key'), ['kind_key'], unique=False)

    op.create_table('waste_local_kinds',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('list_name', sa.String(length=200), nullable=False),
    sa.Column('category', sa.String(length=8), nullable=False),
    sa.Column('code', sa.String(length=12), nullable=False),
    sa.Column('hazard', sa.String(length=12), nullable=False),
    sa.Column('hazardous', sa.Boolean(), nullable=False),
    sa.Column('unit', sa.String(length=8), nullable=False),
    sa.Column('density_kg_per_l', sa.Integer(), nullable=True),
    sa.Column('created_by', sa.String(length=40), nullable=False),
    sa.Column('created_at', localdb.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_waste_local_kinds')),
    sa.UniqueConstraint('key', name=op.f('uq_waste_local_kinds_key'))
    )
    op.create_table('waste_handoffs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('collector_id', sa.Integer(), nullable=False),
    sa.Column('carrier_name', sa.String(length=100), nullable=False),
    sa.Column('carrier_plate', sa.String(length=10), nullable=False),
    sa.Column('manifest_no', sa.String(length=14), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('treatment', sa.String(length=40), nullable=False),
    sa.Column('payment_fen', sa.Integer(), nullable=False),
    sa.Column('handled_by', sa.String(length=40), nullable=False),
    sa.Column('departed_at', localdb.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('received_on', sa.Date(), nullable=True),
    sa.Column('status_reason', sa.String(length=200), nullable=False),
    sa.Column('created_at', localdb.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', localdb.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['collector_id'], ['waste_collectors.id'], name=op.f('fk_waste_handoffs_collector_id_waste_collectors')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_waste_handoffs')),
    sa.UniqueConstraint('uuid', name=op.f('uq_waste_handoffs_uuid'))
    )
    with op.batch_alter_table('waste_handoffs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_waste_handoffs_collector_id'), ['collector_id'], unique=False)

    op.create_table('waste_handoff_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('handoff_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('container_id', sa.Integer(), nullable=False),
    sa.Column('kind_key', sa.String(length=40), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('unit', sa.String(length=8), nullable=False),
    sa.Column('weight_kg', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['container_id'], ['waste_containers.id'], name=op.f('fk_waste_handoff_lines_container_id_waste_containers')),
    sa.ForeignKeyConstraint(['handoff_id'], ['waste_handoffs.id'], name=op.f('fk_waste_handoff_lines_handoff_id_waste_handoffs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_waste_handoff_lines'))
    )
    with op.batch_alter_table('waste_handoff_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_waste_handoff_lines_handoff_id'), ['handoff_id'], unique=False)

    op.create_table('waste_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('batch_code', sa.String(length=24), nullable=False),
    sa.Column('stage', sa.String(length=4), nullable=False),
    sa.Column('occurred_at', localdb.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('kind_key', sa.String(length=40), nullable=False),
    sa.Column('shop_name', sa.String(length=60), nullable=False),
    sa.Column('list_name', sa.String(length=200), nullable=False),
    sa.Column('category', sa.String(length=8), nullable=False),
    sa.Column('code', sa.String(length=12), nullable=False),
    sa.Column('hazard', sa.String(length=12), nullable=False),
    sa.Column('hazardous', sa.Boolean(), nullable=False),
    sa.Column('container_id', sa.Integer(), nullable=False),
    sa.Column('container_count', sa.Integer(), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('unit', sa.String(length=8), nullable=False),
    sa.Column('weight_kg', sa.Integer(), nullable=False),
    sa.Column('stock_qty', sa.Integer(), nullable=False),
    sa.Column('stock_kg', sa.Integer(), nullable=False),
    sa.Column('stored_qty', sa.Integer(), nullable=False),
    sa.Column('stored_kg', sa.Integer(), nullable=False),
    sa.Column('facility_code', sa.String(length=40), nullable=False),
    sa.Column('handled_by', sa.String(length=40), nullable=False),
    sa.Column('destination', sa.String(length=100), nullable=False),
    sa.Column('work_order_id', sa.Integer(), nullable=True),
    sa.Column('handoff_id', sa.Integer(), nullable=True),
    sa.Column('reverses_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('created_at', localdb.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['container_id'], ['waste_containers.id'], name=op.f('fk_waste_entries_container_id_waste_containers')),
    sa.ForeignKeyConstraint(['handoff_id'], ['waste_handoffs.id'], name=op.f('fk_waste_entries_handoff_id_waste_handoffs')),
    sa.ForeignKeyConstraint(['reverses_id'], ['waste_entries.id'], name=op.f('fk_waste_entries_reverses_id_waste_entries')),
    sa.ForeignKeyConstraint(['work_order_id'], ['work_orders.id'], name=op.f('fk_waste_entries_work_order_id_work_orders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_waste_entries')),
    sa.UniqueConstraint('batch_code', name=op.f('uq_waste_entries_batch_code')),
    sa.UniqueConstraint('reverses_id', name=op.f('uq_waste_entries_reverses_id')),
    sa.UniqueConstraint('uuid', name=op.f('uq_waste_entries_uuid'))
    )
    with op.batch_alter_table('waste_entries', schema=None) as batch_op:
        batch_op.create_index('ix_waste_entries_container_id_occurred_at', ['container_id', 'occurred_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_waste_entries_handoff_id'), ['handoff_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_waste_entries_kind_key'), ['kind_key'], unique=False)
        batch_op.create_index('ix_waste_entries_stage_occurred_at', ['stage', 'occurred_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_waste_entries_work_order_id'), ['work_order_id'], unique=False)

    op.create_table('waste_entry_links',
    sa.Column('entry_id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['entry_id'], ['waste_entries.id'], name=op.f('fk_waste_entry_links_entry_id_waste_entries')),
    sa.ForeignKeyConstraint(['source_id'], ['waste_entries.id'], name=op.f('fk_waste_entry_links_source_id_waste_entries')),
    sa.PrimaryKeyConstraint('entry_id', 'source_id', name=op.f('pk_waste_entry_links'))
    )
    with op.batch_alter_table('waste_entry_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_waste_entry_links_source_id'), ['source_id'], unique=False)

    op.create_table('waste_expectations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('root_order_id', sa.Integer(), nullable=False),
    sa.Column('work_order_id', sa.Integer(), nullable=False),
    sa.Column('kind_key', sa.String(length=40), nullable=False),
    sa.Column('expected_qty', sa.Integer(), nullable=False),
    sa.Column('unit', sa.String(length=8), nullable=False),
    sa.Column('source_parts', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('entry_id', sa.Integer(), nullable=True),
    sa.Column('resolved_by', sa.String(length=40), nullable=False),
    sa.Column('resolved_at', localdb.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', localdb.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['entry_id'], ['waste_entries.id'], name=op.f('fk_waste_expectations_entry_id_waste_entries')),
    sa.ForeignKeyConstraint(['root_order_id'], ['work_orders.id'], name=op.f('fk_waste_expectations_root_order_id_work_orders')),
    sa.ForeignKeyConstraint(['work_order_id'], ['work_orders.id'], name=op.f('fk_waste_expectations_work_order_id_work_orders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_waste_expectations')),
    sa.UniqueConstraint('root_order_id', 'kind_key', name='uq_waste_expectations_root_order_id')
    )
    with op.batch_alter_table('waste_expectations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_waste_expectations_work_order_id'), ['work_order_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('waste_expectations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_waste_expectations_work_order_id'))

    op.drop_table('waste_expectations')
    with op.batch_alter_table('waste_entry_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_waste_entry_links_source_id'))

    op.drop_table('waste_entry_links')
    with op.batch_alter_table('waste_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_waste_entries_work_order_id'))
        batch_op.drop_index('ix_waste_entries_stage_occurred_at')
        batch_op.drop_index(batch_op.f('ix_waste_entries_kind_key'))
        batch_op.drop_index(batch_op.f('ix_waste_entries_handoff_id'))
        batch_op.drop_index('ix_waste_entries_container_id_occurred_at')

    op.drop_table('waste_entries')
    with op.batch_alter_table('waste_handoff_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_waste_handoff_lines_handoff_id'))

    op.drop_table('waste_handoff_lines')
    with op.batch_alter_table('waste_handoffs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_waste_handoffs_collector_id'))

    op.drop_table('waste_handoffs')
    op.drop_table('waste_local_kinds')
    with op.batch_alter_table('waste_containers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_waste_containers_kind_key'))

    op.drop_table('waste_containers')
    op.drop_table('waste_collectors')
    op.drop_table('waste_batch_counters')
