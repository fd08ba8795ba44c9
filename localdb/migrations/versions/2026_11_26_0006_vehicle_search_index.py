"""vehicle search index (FTS5 trigram over plate, VIN and phone; SQLite only)

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26 18:00:00
"""

from alembic import op

from localdb.search_index import CREATE, DROP

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in CREATE:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in DROP:
        op.execute(statement)
