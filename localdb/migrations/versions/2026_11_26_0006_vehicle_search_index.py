"""vehicle search index (SQLite: FTS5 trigram table over plate, VIN and phone; PostgreSQL: pg_trgm GIN
indexes on the same columns)

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26 18:00:00
"""

from alembic import op

from localdb.search_index import CREATE, DROP, POSTGRES_CREATE, POSTGRES_DROP

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_UPGRADE = {"sqlite": CREATE, "postgresql": POSTGRES_CREATE}
_DOWNGRADE = {"sqlite": DROP, "postgresql": POSTGRES_DROP}


def upgrade() -> None:
    for statement in _UPGRADE.get(op.get_bind().dialect.name, []):
        op.execute(statement)


def downgrade() -> None:
    for statement in _DOWNGRADE.get(op.get_bind().dialect.name, []):
        op.execute(statement)
