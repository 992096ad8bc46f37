"""Alembic environment: runs the migrations on the connection crampcoach hands over.

`crampcoach.store.database.upgrade` passes an open connection inside a transaction in
`config.attributes["connection"]`; there is no ini file and no offline (SQL script) mode.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

# Imported for their tables: every table of the store is in Base.metadata.
from crampcoach.store import accounts, exports  # noqa: F401
from crampcoach.store.models import Base


def run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        # Batch mode rebuilds tables on SQLite, which cannot ALTER most things in place.
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("crampcoach migrations run against a live database only")

handed_over = context.config.attributes.get("connection")
if handed_over is None:
    from crampcoach.store.database import connect, database_url

    engine = connect(database_url())
    try:
        with engine.begin() as connection:
            run(connection)
    finally:
        engine.dispose()
else:
    run(handed_over)
