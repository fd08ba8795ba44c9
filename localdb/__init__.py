"""Storage: typed SQLAlchemy models, engine and sessions, Alembic migrations, file backups.

Nothing here imports ``app`` or Qt; services in ``app/`` drive it.
"""
