"""outbox: indexes (vehicle_key, id) and (state, id) for the sync engine's claim

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 20:00:00
"""

from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index('ix_outbox_vehicle_key_id', ['vehicle_key', 'id'], unique=False)
        batch_op.create_index('ix_outbox_state_id', ['state', 'id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index('ix_outbox_state_id')
        batch_op.drop_index('ix_outbox_vehicle_key_id')
