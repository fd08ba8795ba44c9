"""owner services: issued vehicle histories with their verification codes, maintenance reminder rules,
per-vehicle overrides and contacted marks, suspected-defect cases with photos, and the emissions (M station)
and accident side tables of work orders.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 22:00:00
"""

from alembic import op
import sqlalchemy as sa
import localdb.types


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('reminder_rules',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('interval_months', sa.Integer(), nullable=True),
    sa.Column('interval_km', sa.Integer(), nullable=True),
    sa.Column('keywords', sa.JSON(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', localdb.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reminder_rules')),
    sa.UniqueConstraint('name', name=op.f('uq_reminder_rules_name'))
    )
    op.create_table('history_issues',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.Column('vehicle_id', sa.Integer(), nullable=False),
    sa.Column('form', sa.String(length=12), nullable=False),
    sa.Column('canonical_text', sa.Text(), nullable=False),
    sa.Column('summary', sa.JSON(), nullable=False),
    sa.Column('issued_at', localdb.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['vehicle_id'], ['vehicles.id'], name=op.f('fk_history_issues_vehicle_id_vehicles')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_history_issues')),
    sa.UniqueConstraint('code', name=op.f('uq_history_issues_code'))
    )
    with op.batch_alter_table('history_issues', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_history_issues_vehicle_id'), ['vehicle_id'], unique=False)

    op.create_table('reminder_overrides',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('rule_id', sa.Integer(), nullable=False),
    sa.Column('vehicle_id', sa.Integer(), nullable=False),
    sa.Column('interval_months', sa.Integer(), nullable=True),
    sa.Column('interval_km', sa.Integer(), nullable=True),
    sa.Column('disabled', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['rule_id'], ['reminder_rules.id'], name=op.f('fk_reminder_overrides_rule_id_reminder_rules'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['vehicle_id'], ['vehicles.id'], name=op.f('fk_reminder_overrides_vehicle_id_vehicles')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reminder_overrides')),
    sa.UniqueConstraint('rule_id', 'vehicle_id', name='uq_reminder_overrides_rule_id')
    )
    with op.batch_alter_table('reminder_overrides', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reminder_overrides_vehicle_id'), ['vehicle_id'], unique=False)

    op.create_table('accident_repairs',
    sa.Column('work_order_id', sa.Integer(), nullable=False),
    sa.Column('insurer', sa.String(length=60), nullable=False),
    sa.Column('claim_no', sa.String(length=60), nullable=False),
    sa.Column('loss_assessment_fen', sa.Integer(), nullable=False),
    sa.Column('direct_claim', sa.Boolean(), nullable=False),
    sa.Column('updated_at', localdb.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['work_order_id'], ['work_orders.id'], name=op.f('fk_accident_repairs_work_order_id_work_orders')),
    sa.PrimaryKeyConstraint('work_order_id', name=op.f('pk_accident_repairs'))
    )
    with op.batch_alter_table('accident_repairs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_accident_repairs_insurer'), ['insurer'], unique=False)

    op.create_table('defect_cases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('work_order_id', sa.Integer(), nullable=False),
    sa.Column('vehicle_id', sa.Integer(), nullable=False),
    sa.Column('vin', sa.String(length=17), nullable=False),
    sa.Column('plate', sa.String(length=10), nullable=False),
    sa.Column('brand_model', sa.String(length=60), nullable=False),
    sa.Column('mileage', sa.Integer(), nullable=True),
    sa.Column('occurred_on', sa.Date(), nullable=False),
    sa.Column('component', sa.String(length=60), nullable=False),
    sa.Column('symptom', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('technician', sa.String(length=40), nullable=False),
    sa.Column('created_at', localdb.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['vehicle_id'], ['vehicles.id'], name=op.f('fk_defect_cases_vehicle_id_vehicles')),
    sa.ForeignKeyConstraint(['work_order_id'], ['work_orders.id'], name=op.f('fk_defect_cases_work_order_id_work_orders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_defect_cases'))
    )
    with op.batch_alter_table('defect_cases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_defect_cases_vehicle_id'), ['vehicle_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_defect_cases_work_order_id'), ['work_order_id'], unique=False)

    op.create_table('emissions_repairs',
    sa.Column('work_order_id', sa.Integer(), nullable=False),
    sa.Column('test_report_no', sa.String(length=40), nullable=False),
    sa.Column('failed_items', sa.JSON(), nullable=False),
    sa.Column('diagnosis', sa.Text(), nullable=False),
    sa.Column('repair', sa.Text(), nullable=False),
    sa.Column('retest_result', sa.String(length=10), nullable=False),
    sa.Column('retest_report_no', sa.String(length=40), nullable=False),
    sa.Column('retest_on', sa.Date(), nullable=True),
    sa.Column('updated_at', localdb.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['work_order_id'], ['work_orders.id'], name=op.f('fk_emissions_repairs_work_order_id_work_orders')),
    sa.PrimaryKeyConstraint('work_order_id', name=op.f('pk_emissions_repairs'))
    )
    with op.batch_alter_table('emissions_repairs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_emissions_repairs_test_report_no'), ['test_report_no'], unique=False)

    op.create_table('reminder_contacts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('rule_id', sa.Integer(), nullable=False),
    sa.Column('vehicle_id', sa.Integer(), nullable=False),
    sa.Column('anchor_order_id', sa.Integer(), nullable=False),
    sa.Column('contacted_at', localdb.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('note', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['anchor_order_id'], ['work_orders.id'], name=op.f('fk_reminder_contacts_anchor_order_id_work_orders')),
    sa.ForeignKeyConstraint(['rule_id'], ['reminder_rules.id'], name=op.f('fk_reminder_contacts_rule_id_reminder_rules'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['vehicle_id'], ['vehicles.id'], name=op.f('fk_reminder_contacts_vehicle_id_vehicles')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reminder_contacts')),
    sa.UniqueConstraint('rule_id', 'vehicle_id', 'anchor_order_id', name='uq_reminder_contacts_rule_id')
    )
    with op.batch_alter_table('reminder_contacts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reminder_contacts_vehicle_id'), ['vehicle_id'], unique=False)

    op.create_table('defect_photos',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('stored_path', sa.String(length=300), nullable=False),
    sa.Column('original_name', sa.String(length=200), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['defect_cases.id'], name=op.f('fk_defect_photos_case_id_defect_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_defect_photos'))
    )
    with op.batch_alter_table('defect_photos', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_defect_photos_case_id'), ['case_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('defect_photos', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_defect_photos_case_id'))

    op.drop_table('defect_photos')
    with op.batch_alter_table('reminder_contacts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reminder_contacts_vehicle_id'))

    op.drop_table('reminder_contacts')
    with op.batch_alter_table('emissions_repairs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_emissions_repairs_test_report_no'))

    op.drop_table('emissions_repairs')
    with op.batch_alter_table('defect_cases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_defect_cases_work_order_id'))
        batch_op.drop_index(batch_op.f('ix_defect_cases_vehicle_id'))

    op.drop_table('defect_cases')
    with op.batch_alter_table('accident_repairs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_accident_repairs_insurer'))

    op.drop_table('accident_repairs')
    with op.batch_alter_table('reminder_overrides', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reminder_overrides_vehicle_id'))

    op.drop_table('reminder_overrides')
    with op.batch_alter_table('history_issues', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_history_issues_vehicle_id'))

    op.drop_table('history_issues')
    op.drop_table('reminder_rules')
