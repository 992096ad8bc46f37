"""Store the record a guided session prints (`crampcoach session`) in the training log.

The record already has the shape of the log's session record (date, plan week and day,
minutes, items with where the work was felt, a note); it is checked like any logged
session, exercise ids included, and written in one transaction through the store.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from crampcoach.errors import InputError
from crampcoach.store.records import SessionRecord, StoredSession, parse, parse_json


def store_session_record(record: Mapping[str, Any] | str | bytes, *, profile: str | None = None,
                         url: str | None = None, plan_version: int | None = None,
                         ) -> StoredSession:
    """Log a guided session's record (a dict, or its JSON text) for `profile`.

    `plan_version` links it to a stored plan version; `url` picks the database (default:
    the configured one). Returns the stored session; bad input raises InputError and
    stores nothing.
    """
    from crampcoach.plan import exercise_names
    from crampcoach.store import database, log, people

    if isinstance(record, str | bytes):
        checked = parse_json(SessionRecord, record, "session")
    elif isinstance(record, Mapping):
        checked = parse(SessionRecord, dict(record), "session")
    else:
        raise InputError("session", "must be a session record (an object) or its JSON text")
    if plan_version is not None:
        checked = parse(SessionRecord, {**checked.model_dump(), "plan_version": plan_version},
                        "session")
    with database.transaction(url) as session:
        person = people.ensure(session, profile)
        return log.add_session(session, person, checked, exercise_id=exercise_names.resolve)
