"""Recorded activities (watch and app exports): stored once per start and sport, read by date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from crampcoach.store.log import moment_filter
from crampcoach.store.models import Activity, now_utc
from crampcoach.store.people import PersonRef
from crampcoach.store.records import ActivityRecord, StoredActivity

COLUMNS = ("start", "sport", "duration_s", "distance_m", "elevation_gain_m", "avg_heart_rate",
           "max_heart_rate", "temperature_c", "source")


@dataclass(frozen=True)
class Added:
    """How many activities were new, and how many were stored already (same start and sport)."""

    added: int
    already_there: int


def add_activities(session: Session, person: PersonRef,
                   records: Iterable[ActivityRecord]) -> Added:
    """Store the activities not stored yet, in the caller's transaction.

    An activity whose start and sport are already stored is skipped, as is a repeat within
    `records`: importing the same files twice adds nothing.
    """
    fresh: dict[tuple[dt.datetime, str], ActivityRecord] = {}
    repeats = 0
    for record in records:
        if record.key in fresh:
            repeats += 1
        else:
            fresh[record.key] = record
    if not fresh:
        return Added(0, repeats)
    first = min(start for start, _ in fresh)
    last = max(start for start, _ in fresh)
    stored = {(start, sport) for start, sport in session.execute(
        select(Activity.start, Activity.sport).where(
            Activity.person_id == person.id, Activity.start >= first, Activity.start <= last))}
    new = [record for key, record in fresh.items() if key not in stored]
    recorded_at = now_utc()
    if new:
        # One multi-row insert: a season of files is stored in a single statement.
        session.execute(insert(Activity), [
            {"person_id": person.id, "recorded_at": recorded_at,
             **{name: getattr(record, name) for name in COLUMNS}}
            for record in new
        ])
    return Added(len(new), repeats + len(fresh) - len(new))


def insert_activities(session: Session, person: PersonRef,
                      stored: Sequence[StoredActivity]) -> None:
    """Insert already checked records as they are (import of an export uses this)."""
    if stored:
        session.execute(insert(Activity), [
            {"person_id": person.id, "recorded_at": record.recorded_at,
             **{name: getattr(record, name) for name in COLUMNS}}
            for record in stored
        ])


def activities_between(session: Session, person: PersonRef, start: dt.date | None = None,
                       end: dt.date | None = None) -> list[StoredActivity]:
    """The person's activities that started on the days from `start` to `end`, oldest first."""
    columns: list[Any] = [getattr(Activity, name) for name in COLUMNS]
    rows = session.execute(
        select(*columns, Activity.recorded_at)
        .where(Activity.person_id == person.id, *moment_filter(Activity.start, start, end))
        .order_by(Activity.start, Activity.sport)
    ).all()
    # Checked on the way in; the schema's constraints hold them.
    return [
        StoredActivity.model_construct(
            **dict(zip(COLUMNS, row[:-1], strict=True)),
            recorded_at=_utc(row[-1]))
        for row in rows
    ]


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)
