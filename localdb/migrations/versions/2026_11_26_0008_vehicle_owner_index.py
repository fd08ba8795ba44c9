"""index vehicles.owner_id (the phone search joins owners to vehicles; PostgreSQL does not index foreign keys)

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26 21:20:00
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(op.f("ix_vehicles_owner_id"), "vehicles", ["owner_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_vehicles_owner_id"), table_name="vehicles")
