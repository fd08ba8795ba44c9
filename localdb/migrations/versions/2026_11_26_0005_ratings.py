"""ratings: owner ratings (五分评价) per dimension, linked to their work order, advisor and technicians,
with the follow-up note and state; the dashboard's month cache and covering indexes for its year-long scans.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26 23:00:00
"""

from alembic import op
import sqlalchemy as sa
import localdb.types


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('ratings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('external_id', sa.String(length=80), nullable=False),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('costlistcode', sa.String(length=50), nullable=False),
    sa.Column('plate', sa.String(length=10), nullable=False),
    sa.Column('rated_at', localdb.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('scores', sa.JSON(), nullable=False),
    sa.Column('quality', sa.Integer(), nullable=True),
    sa.Column('efficiency', sa.Integer(), nullable=True),
    sa.Column('pricing', sa.Integer(), nullable=True),
    sa.Column('attitude', sa.Integer(), nullable=True),
    sa.Column('environment', sa.Integer(), nullable=True),
    sa.Column('keep_appointment', sa.Integer(), nullable=True),
    sa.Column('min_score', sa.Integer(), nullable=False),
    sa.Column('mean_x100', sa.Integer(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('work_order_id', sa.Integer(), nullable=True),
    sa.Column('advisor_id', sa.Integer(), nullable=True),
    sa.Column('followup_state', sa.String(length=8), nullable=False),
    sa.Column('followup_note', sa.Text(), nullable=False),
    sa.Column('followup_closed_at', localdb.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('received_at', localdb.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['advisor_id'], ['staff.id'], name=op.f('fk_ratings_advisor_id_staff')),
    sa.ForeignKeyConstraint(['work_order_id'], ['work_orders.id'], name=op.f('fk_ratings_work_order_id_work_orders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ratings')),
    sa.UniqueConstraint('external_id', name='uq_ratings_external_id')
    )
    with op.batch_alter_table('ratings', schema=None) as batch_op:
        batch_op.create_index('ix_ratings_min_score_rated_at', ['min_score', 'rated_at'], unique=False)
        batch_op.create_index('ix_ratings_rated_at', ['rated_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_ratings_work_order_id'), ['work_order_id'], unique=False)

    op.create_table('rating_technicians',
    sa.Column('rating_id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['rating_id'], ['ratings.id'], name=op.f('fk_rating_technicians_rating_id_ratings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_rating_technicians_staff_id_staff')),
    sa.PrimaryKeyConstraint('rating_id', 'staff_id', name=op.f('pk_rating_technicians'))
    )
    with op.batch_alter_table('rating_technicians', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rating_technicians_staff_id'), ['staff_id'], unique=False)

    op.create_table('dashboard_months',
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('fingerprint', sa.String(length=80), nullable=False),
    sa.Column('counts', sa.JSON(), nullable=False),
    sa.Column('computed_at', localdb.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('month', name=op.f('pk_dashboard_months'))
    )
    with op.batch_alter_table('work_orders', schema=None) as batch_op:
        batch_op.create_index('ix_work_orders_dashboard', ['state', 'superseded', 'settled_at', 'labour_fen', 'parts_fen', 'other_fen', 'due_fen'], unique=False)
    with op.batch_alter_table('labour_lines', schema=None) as batch_op:
        batch_op.create_index('ix_labour_lines_dashboard', ['work_order_id', 'item', 'amount_fen'], unique=False)
    with op.batch_alter_table('part_lines', schema=None) as batch_op:
        batch_op.create_index('ix_part_lines_dashboard', ['work_order_id', 'name', 'amount_fen'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('part_lines', schema=None) as batch_op:
        batch_op.drop_index('ix_part_lines_dashboard')
    with op.batch_alter_table('labour_lines', schema=None) as batch_op:
        batch_op.drop_index('ix_labour_lines_dashboard')
    with op.batch_alter_table('work_orders', schema=None) as batch_op:
        batch_op.drop_index('ix_work_orders_dashboard')
    op.drop_table('dashboard_months')
    with op.batch_alter_table('rating_technicians', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rating_technicians_staff_id'))
    op.drop_table('rating_technicians')
    with op.batch_alter_table('ratings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ratings_work_order_id'))
        batch_op.drop_index('ix_ratings_rated_at')
        batch_op.drop_index('ix_ratings_min_score_rated_at')
    op.drop_table('ratings')
