"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-26 16:34:57.150969
"""

from alembic import op
import sqlalchemy as sa
import localdb.types


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('outbox',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('record_key', sa.String(length=50), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('vehicle_key', sa.String(length=17), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('ambiguous_sends', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', localdb.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('last_error_code', sa.String(length=40), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=False),
    sa.Column('receipt', sa.Text(), nullable=False),
    sa.Column('claimed_by', sa.String(length=60), nullable=True),
    sa.Column('lease_until', localdb.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', localdb.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', localdb.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox')),
    sa.UniqueConstraint('kind', 'record_id', name='uq_outbox_kind_record_id')
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index('ix_outbox_state_next_attempt_at', ['state', 'next_attempt_at'], unique=False)

    op.create_table('owners',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_owners'))
    )
    with op.batch_alter_table('owners', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_owners_phone'), ['phone'], unique=False)

    op.create_table('settings',
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_settings'))
    )
    op.create_table('settlement_counters',
    sa.Column('day', sa.String(length=8), nullable=False),
    sa.Column('last_seq', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('day', name=op.f('pk_settlement_counters'))
    )
    op.create_table('shop',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('credit_code', sa.String(length=18), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('contact', sa.String(length=40), nullable=False),
    sa.Column('company_code', sa.String(length=40), nullable=False),
    sa.Column('list_prefix', sa.String(length=16), nullable=False),
    sa.Column('home_province', sa.String(length=1), nullable=False),
    sa.Column('labour_rate_fen', sa.Integer(), nullable=False),
    sa.Column('updated_at', localdb.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shop'))
    )
    op.create_table('shop_parts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sku', sa.String(length=20), nullable=True),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('brand', sa.String(length=40), nullable=False),
    sa.Column('unit', sa.String(length=10), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shop_parts')),
    sa.UniqueConstraint('name', 'brand', name='uq_shop_parts_name_brand'),
    sa.UniqueConstraint('sku', name=op.f('uq_shop_parts_sku'))
    )
    op.create_table('staff',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff'))
    )
    op.create_table('vehicles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('plate', sa.String(length=10), nullable=False),
    sa.Column('plate_colour', sa.Integer(), nullable=False),
    sa.Column('vin', sa.String(length=17), nullable=False),
    sa.Column('brand_model', sa.String(length=60), nullable=False),
    sa.Column('engine_no', sa.String(length=40), nullable=False),
    sa.Column('vehicle_type', sa.String(length=20), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('vin_check_reason', sa.String(length=200), nullable=False),
    sa.Column('created_at', localdb.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['owners.id'], name=op.f('fk_vehicles_owner_id_owners')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vehicles')),
    sa.UniqueConstraint('uuid', name=op.f('uq_vehicles_uuid')),
    sa.UniqueConstraint('vin', name=op.f('uq_vehicles_vin'))
    )
    with op.batch_alter_table('vehicles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vehicles_plate'), ['plate'], unique=False)

    op.create_table('work_orders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('vehicle_id', sa.Integer(), nullable=False),
    sa.Column('plate', sa.String(length=10), nullable=False),
    sa.Column('vin', sa.String(length=17), nullable=False),
    sa.Column('owner_name', sa.String(length=60), nullable=False),
    sa.Column('owner_phone', sa.String(length=40), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('intake_at', localdb.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('intake_mileage', sa.Integer(), nullable=True),
    sa.Column('bringer_name', sa.String(length=60), nullable=False),
    sa.Column('bringer_phone', sa.String(length=40), nullable=False),
    sa.Column('fault_description', sa.String(length=200), nullable=False),
    sa.Column('repair_category', sa.String(length=20), nullable=False),
    sa.Column('labour_standard', sa.String(length=20), nullable=False),
    sa.Column('advisor_id', sa.Integer(), nullable=True),
    sa.Column('completed_at', localdb.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('mileage_out', sa.Integer(), nullable=True),
    sa.Column('completion_cert_no', sa.String(length=40), nullable=False),
    sa.Column('cancel_reason', sa.String(length=200), nullable=False),
    sa.Column('settled_at', localdb.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('costlistcode', sa.String(length=50), nullable=True),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('revision_of_id', sa.Integer(), nullable=True),
    sa.Column('superseded', sa.Boolean(), nullable=False),
    sa.Column('labour_fen', sa.Integer(), nullable=False),
    sa.Column('parts_fen', sa.Integer(), nullable=False),
    sa.Column('other_fen', sa.Integer(), nullable=False),
    sa.Column('discount_fen', sa.Integer(), nullable=False),
    sa.Column('due_fen', sa.Integer(), nullable=False),
    sa.Column('old_parts', sa.String(length=10), nullable=False),
    sa.Column('warranty_days', sa.Integer(), nullable=True),
    sa.Column('warranty_km', sa.Integer(), nullable=True),
    sa.Column('warranty_text', sa.String(length=200), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', localdb.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', localdb.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['advisor_id'], ['staff.id'], name=op.f('fk_work_orders_advisor_id_staff')),
    sa.ForeignKeyConstraint(['revision_of_id'], ['work_orders.id'], name=op.f('fk_work_orders_revision_of_id_work_orders')),
    sa.ForeignKeyConstraint(['vehicle_id'], ['vehicles.id'], name=op.f('fk_work_orders_vehicle_id_vehicles')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_work_orders')),
    sa.UniqueConstraint('costlistcode', 'revision', name='uq_work_orders_costlistcode_revision'),
    sa.UniqueConstraint('uuid', name=op.f('uq_work_orders_uuid'))
    )
    with op.batch_alter_table('work_orders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_work_orders_costlistcode'), ['costlistcode'], unique=False)
        batch_op.create_index('ix_work_orders_intake_at_id', ['intake_at', 'id'], unique=False)
        batch_op.create_index('ix_work_orders_state_intake_at', ['state', 'intake_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_work_orders_vehicle_id'), ['vehicle_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_work_orders_vin'), ['vin'], unique=False)

    op.create_table('confirmed_warnings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('work_order_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=60), nullable=False),
    sa.Column('params', sa.JSON(), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('confirmed_at', localdb.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['work_order_id'], ['work_orders.id'], name=op.f('fk_confirmed_warnings_work_order_id_work_orders'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_confirmed_warnings'))
    )
    with op.batch_alter_table('confirmed_warnings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_confirmed_warnings_work_order_id'), ['work_order_id'], unique=False)

    op.create_table('fee_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('work_order_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('amount_fen', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['work_order_id'], ['work_orders.id'], name=op.f('fk_fee_lines_work_order_id_work_orders'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fee_lines'))
    )
    with op.batch_alter_table('fee_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_fee_lines_work_order_id'), ['work_order_id'], unique=False)

    op.create_table('labour_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('work_order_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('item', sa.String(length=200), nullable=False),
    sa.Column('hours', localdb.types.Tenths(), nullable=False),
    sa.Column('rate_fen', sa.Integer(), nullable=False),
    sa.Column('amount_fen', sa.Integer(), nullable=False),
    sa.Column('technician_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['technician_id'], ['staff.id'], name=op.f('fk_labour_lines_technician_id_staff')),
    sa.ForeignKeyConstraint(['work_order_id'], ['work_orders.id'], name=op.f('fk_labour_lines_work_order_id_work_orders'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_labour_lines'))
    )
    with op.batch_alter_table('labour_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_labour_lines_work_order_id'), ['work_order_id'], unique=False)

    op.create_table('part_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('work_order_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('part_code', sa.String(length=50), nullable=False),
    sa.Column('brand', sa.String(length=40), nullable=False),
    sa.Column('category', sa.String(length=20), nullable=False),
    sa.Column('quantity', localdb.types.Hundredths(), nullable=False),
    sa.Column('unit', sa.String(length=10), nullable=False),
    sa.Column('unit_price_fen', sa.Integer(), nullable=False),
    sa.Column('amount_fen', sa.Integer(), nullable=False),
    sa.Column('customer_supplied', sa.Boolean(), nullable=False),
    sa.Column('cost_price_fen', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['work_order_id'], ['work_orders.id'], name=op.f('fk_part_lines_work_order_id_work_orders'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_part_lines'))
    )
    with op.batch_alter_table('part_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_part_lines_work_order_id'), ['work_order_id'], unique=False)

    op.create_table('payments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('work_order_id', sa.Integer(), nullable=False),
    sa.Column('method', sa.String(length=10), nullable=False),
    sa.Column('amount_fen', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['work_order_id'], ['work_orders.id'], name=op.f('fk_payments_work_order_id_work_orders'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payments'))
    )
    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payments_work_order_id'), ['work_order_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_payments_work_order_id'))

    op.drop_table('payments')
    with op.batch_alter_table('part_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_part_lines_work_order_id'))

    op.drop_table('part_lines')
    with op.batch_alter_table('labour_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_labour_lines_work_order_id'))

    op.drop_table('labour_lines')
    with op.batch_alter_table('fee_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_fee_lines_work_order_id'))

    op.drop_table('fee_lines')
    with op.batch_alter_table('confirmed_warnings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_confirmed_warnings_work_order_id'))

    op.drop_table('confirmed_warnings')
    with op.batch_alter_table('work_orders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_work_orders_vin'))
        batch_op.drop_index(batch_op.f('ix_work_orders_vehicle_id'))
        batch_op.drop_index('ix_work_orders_state_intake_at')
        batch_op.drop_index('ix_work_orders_intake_at_id')
        batch_op.drop_index(batch_op.f('ix_work_orders_costlistcode'))

    op.drop_table('work_orders')
    with op.batch_alter_table('vehicles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vehicles_plate'))

    op.drop_table('vehicles')
    op.drop_table('staff')
    op.drop_table('shop_parts')
    op.drop_table('shop')
    op.drop_table('settlement_counters')
    op.drop_table('settings')
    with op.batch_alter_table('owners', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_owners_phone'))

    op.drop_table('owners')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index('ix_outbox_state_next_attempt_at')

    op.drop_table('outbox')
