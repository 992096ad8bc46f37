"""Whether the SQLite database holds any recorded workout, asked without loading the ORM.

A plan asks the store for one thing only: an imported training record to start its volume
schedule from, which most people never make. Loading SQLAlchemy to learn that there is none
costs about a third of a second of a cold `plan`; the standard library's sqlite3, opened
read-only, answers in milliseconds. Whatever it cannot answer for certain (a database by URL,
an older schema, a damaged or locked file) is left to the store, which reports faults properly.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing

from crampcoach.settings import Settings


def holds_no_workouts(settings: Settings) -> bool:
    """True only when the SQLite file is known to have no row in `activities`."""
    if settings.database_url:
        return False
    path = settings.sqlite_file.resolve()
    try:
        with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as connection:
            row: tuple[int] | None = connection.execute(
                "SELECT EXISTS (SELECT 1 FROM activities)").fetchone()
    except sqlite3.Error:
        return False
    return row is not None and row[0] == 0
