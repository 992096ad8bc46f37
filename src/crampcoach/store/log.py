"""The training log: sessions done, cramp events and notes, written and read by date.

Writes are idempotent by `uid`: storing a record whose uid is already stored for the person
returns the stored one (a retried write), unless its content differs (an error).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from typing import Any, TypeVar

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from crampcoach.errors import InputError
from crampcoach.store import versions
from crampcoach.store.models import CrampEvent, Note, SessionItem, SessionLog, now_utc
from crampcoach.store.people import PersonRef
from crampcoach.store.records import (
    CrampRecord,
    Felt,
    NoteRecord,
    Record,
    SessionItemRecord,
    SessionRecord,
    StoredCramp,
    StoredNote,
    StoredSession,
    check_exercises,
    parse,
    with_exercise_ids,
)

S = TypeVar("S", StoredSession, StoredCramp, StoredNote)


# -- writing ------------------------------------------------------------------------------


def add_session(
    session: Session,
    person: PersonRef,
    record: SessionRecord | dict[str, Any],
    *,
    known_exercises: Collection[str] | None = None,
    exercise_id: Callable[[str, str], str] | None = None,
) -> StoredSession:
    """Store a session log; `known_exercises`, when given, limits the exercise ids.

    `exercise_id(name, field)`, when given, turns each exercise name into its id (or raises
    InputError), so a log written as "hip thrust" is stored as the exercise's id.
    """
    checked = parse(SessionRecord, record)
    if exercise_id is not None:
        checked = with_exercise_ids(checked, exercise_id)
    if known_exercises is not None:
        check_exercises(checked, known_exercises)
    if checked.plan_version is not None and not versions.plan_exists(
        session, person, checked.plan_version
    ):
        raise InputError("plan_version", f"{person.name} has no plan version {checked.plan_version}")
    existing = _sessions(session, [SessionLog.person_id == person.id,
                                   SessionLog.uid == checked.uid], None)
    if existing:
        return _same_as(existing[0], checked)
    stored = parse(StoredSession, {**checked.model_dump(), "recorded_at": now_utc()})
    insert_session(session, person, stored)
    return stored


def add_cramp(
    session: Session, person: PersonRef, record: CrampRecord | dict[str, Any],
    *, exercise_of: Callable[[str], str | None] | None = None,
) -> StoredCramp:
    """Store a cramp event.

    `exercise_of(during)`, when given, names the exercise id an activity means, so a cramp
    "during hip thrusts" is linked to that exercise; other activities stay as written.
    """
    checked = parse(CrampRecord, record)
    if exercise_of is not None and (eid := exercise_of(checked.during)) is not None:
        checked = checked.model_copy(update={"during": eid})
    existing = _cramps(session, [CrampEvent.person_id == person.id,
                                 CrampEvent.uid == checked.uid], None)
    if existing:
        return _same_as(existing[0], checked)
    stored = parse(StoredCramp, {**checked.model_dump(), "recorded_at": now_utc()})
    insert_cramp(session, person, stored)
    return stored


def add_note(
    session: Session, person: PersonRef, record: NoteRecord | dict[str, Any]
) -> StoredNote:
    """Store a note about a day."""
    checked = parse(NoteRecord, record)
    existing = _notes(session, [Note.person_id == person.id, Note.uid == checked.uid], None)
    if existing:
        return _same_as(existing[0], checked)
    stored = parse(StoredNote, {**checked.model_dump(), "recorded_at": now_utc()})
    insert_note(session, person, stored)
    return stored


def insert_session(session: Session, person: PersonRef, stored: StoredSession) -> None:
    """Insert an already checked record as it is (import and bulk loading use this)."""
    log = SessionLog(
        uid=stored.uid, person_id=person.id, date=stored.date,
        plan_version=stored.plan_version, plan_week=stored.plan_week,
        plan_day=stored.plan_day, duration_min=stored.duration_min, note=stored.note,
        recorded_at=stored.recorded_at,
    )
    for position, item in enumerate(stored.items):
        felt = item.felt
        log.items.append(SessionItem(
            position=position, exercise=item.exercise, sets=item.sets, reps=item.reps,
            hold_s=item.hold_s, load_kg=item.load_kg, effort=item.effort, pain=item.pain,
            felt_low_back=None if felt is None else felt.low_back,
            felt_glutes=None if felt is None else felt.glutes,
            felt_hamstrings=None if felt is None else felt.hamstrings,
        ))
    session.add(log)
    session.flush()


def insert_cramp(session: Session, person: PersonRef, stored: StoredCramp) -> None:
    session.add(CrampEvent(
        uid=stored.uid, person_id=person.id, occurred_at=stored.occurred_at, side=stored.side,
        during=stored.during, minutes_into=stored.minutes_into, duration_s=stored.duration_s,
        severity=stored.severity, eased_by=stored.eased_by, recorded_at=stored.recorded_at,
    ))
    session.flush()


def insert_note(session: Session, person: PersonRef, stored: StoredNote) -> None:
    session.add(Note(
        uid=stored.uid, person_id=person.id, date=stored.date, text=stored.text,
        recorded_at=stored.recorded_at,
    ))
    session.flush()


def _same_as(stored: S, record: Record) -> S:
    if stored.model_dump(exclude={"recorded_at"}) != record.model_dump():
        raise InputError("uid", f"{stored.uid} is already stored with different content")
    return stored


def remove_session(session: Session, person: PersonRef, uid: str) -> StoredSession | None:
    """Remove one of the person's sessions (its items go with it); the session removed, or
    None when the person has no session with that uid."""
    where = [SessionLog.person_id == person.id, SessionLog.uid == uid]
    found = _sessions(session, where, None)
    if not found:
        return None
    # Items first, then the log, as `people.forget` does: two statements, no row loaded.
    session.execute(delete(SessionItem).where(
        SessionItem.session_log_id.in_(select(SessionLog.id).where(*where))))
    session.execute(delete(SessionLog).where(*where))
    return found[0]


def remove_cramp(session: Session, person: PersonRef, uid: str) -> StoredCramp | None:
    """Remove one of the person's cramp events; the event removed, or None when the person
    has none with that uid."""
    where = [CrampEvent.person_id == person.id, CrampEvent.uid == uid]
    found = _cramps(session, where, None)
    if not found:
        return None
    session.execute(delete(CrampEvent).where(*where))
    return found[0]


def latest_recorded(session: Session, person: PersonRef) -> StoredSession | StoredCramp | None:
    """The session or cramp event the person logged last (by when it was recorded)."""
    session_uid = session.scalar(
        select(SessionLog.uid).where(SessionLog.person_id == person.id)
        .order_by(SessionLog.recorded_at.desc(), SessionLog.id.desc()).limit(1))
    cramp_uid = session.scalar(
        select(CrampEvent.uid).where(CrampEvent.person_id == person.id)
        .order_by(CrampEvent.recorded_at.desc(), CrampEvent.id.desc()).limit(1))
    entries: list[StoredSession | StoredCramp] = [
        *_sessions(session, [SessionLog.person_id == person.id, SessionLog.uid == session_uid],
                   None),
        *_cramps(session, [CrampEvent.person_id == person.id, CrampEvent.uid == cramp_uid],
                 None)]
    return max(entries, key=lambda entry: entry.recorded_at, default=None)


# -- reading ------------------------------------------------------------------------------
#
# Rows are read with plain column queries and turned into records without validating them
# again: they were checked on the way in and the schema's constraints hold them. This keeps
# reading ten thousand sessions well under a second.


def sessions_between(
    session: Session,
    person: PersonRef,
    start: dt.date | None = None,
    end: dt.date | None = None,
    *,
    latest: int | None = None,
) -> list[StoredSession]:
    """The person's sessions dated from `start` to `end` (both included), oldest first;
    with `latest`, only the last that many of them."""
    return _sessions(session, [SessionLog.person_id == person.id,
                               *date_filter(SessionLog.date, start, end)], latest)


def cramps_between(
    session: Session,
    person: PersonRef,
    start: dt.date | None = None,
    end: dt.date | None = None,
    *,
    latest: int | None = None,
) -> list[StoredCramp]:
    """The person's cramps on the days from `start` to `end` (both included), oldest first;
    with `latest`, only the last that many of them."""
    return _cramps(session, [CrampEvent.person_id == person.id,
                             *moment_filter(CrampEvent.occurred_at, start, end)], latest)


def notes_between(
    session: Session,
    person: PersonRef,
    start: dt.date | None = None,
    end: dt.date | None = None,
    *,
    latest: int | None = None,
) -> list[StoredNote]:
    """The person's notes about the days from `start` to `end`, oldest first."""
    return _notes(session, [Note.person_id == person.id, *date_filter(Note.date, start, end)],
                  latest)


def date_filter(column: Any, start: dt.date | None, end: dt.date | None) -> list[Any]:
    """Conditions keeping a date column between two days, both included."""
    conditions = []
    if start is not None:
        conditions.append(column >= start)
    if end is not None:
        conditions.append(column <= end)
    return conditions


def moment_filter(column: Any, start: dt.date | None, end: dt.date | None) -> list[Any]:
    """Conditions keeping a wall-clock time column on the days from `start` to `end`."""
    conditions = []
    if start is not None:
        conditions.append(column >= dt.datetime.combine(start, dt.time()))
    if end is not None:
        conditions.append(column < dt.datetime.combine(end + dt.timedelta(days=1), dt.time()))
    return conditions


def _ordered(query: Any, order: list[Any], latest: int | None) -> Any:
    if latest is None:
        return query.order_by(*order)
    return query.order_by(*(column.desc() for column in order)).limit(latest)


def _sessions(session: Session, where: list[Any], latest: int | None) -> list[StoredSession]:
    order = [SessionLog.date, SessionLog.recorded_at, SessionLog.uid]
    logs = list(session.execute(_ordered(
        select(SessionLog.id, SessionLog.uid, SessionLog.date, SessionLog.plan_version,
               SessionLog.plan_week, SessionLog.plan_day, SessionLog.duration_min,
               SessionLog.note, SessionLog.recorded_at).where(*where),
        order, latest)))
    if latest is not None:
        logs.reverse()
    if not logs:
        return []
    items = select(
        SessionItem.session_log_id, SessionItem.exercise, SessionItem.sets, SessionItem.reps,
        SessionItem.hold_s, SessionItem.load_kg, SessionItem.effort, SessionItem.pain,
        SessionItem.felt_low_back, SessionItem.felt_glutes, SessionItem.felt_hamstrings,
    ).order_by(SessionItem.session_log_id, SessionItem.position)
    if latest is not None or len(logs) <= 100:
        items = items.where(SessionItem.session_log_id.in_([row.id for row in logs]))
    else:
        items = items.join(SessionLog, SessionLog.id == SessionItem.session_log_id).where(*where)
    by_log: dict[int, list[SessionItemRecord]] = {}
    for (log_id, exercise, sets, reps, hold_s, load_kg, effort, pain,
         low_back, glutes, hamstrings) in session.execute(items):
        felt = None
        if low_back is not None and glutes is not None and hamstrings is not None:
            felt = Felt.model_construct(low_back=low_back, glutes=glutes, hamstrings=hamstrings)
        by_log.setdefault(log_id, []).append(SessionItemRecord.model_construct(
            exercise=exercise, sets=sets, reps=reps, hold_s=hold_s, load_kg=load_kg,
            effort=effort, pain=pain, felt=felt))
    return [
        StoredSession.model_construct(
            uid=row.uid, date=row.date, plan_version=row.plan_version,
            plan_week=row.plan_week, plan_day=row.plan_day, duration_min=row.duration_min,
            items=by_log.get(row.id, []), note=row.note, recorded_at=_utc(row.recorded_at))
        for row in logs
    ]


def _cramps(session: Session, where: list[Any], latest: int | None) -> list[StoredCramp]:
    order = [CrampEvent.occurred_at, CrampEvent.recorded_at, CrampEvent.uid]
    rows = list(session.execute(_ordered(
        select(CrampEvent.uid, CrampEvent.occurred_at, CrampEvent.side, CrampEvent.during,
               CrampEvent.minutes_into, CrampEvent.duration_s, CrampEvent.severity,
               CrampEvent.eased_by, CrampEvent.recorded_at).where(*where),
        order, latest)))
    if latest is not None:
        rows.reverse()
    return [
        StoredCramp.model_construct(
            uid=row.uid, occurred_at=row.occurred_at, side=row.side, during=row.during,
            minutes_into=row.minutes_into, duration_s=row.duration_s, severity=row.severity,
            eased_by=row.eased_by, recorded_at=_utc(row.recorded_at))
        for row in rows
    ]


def _notes(session: Session, where: list[Any], latest: int | None) -> list[StoredNote]:
    order = [Note.date, Note.recorded_at, Note.uid]
    rows = list(session.execute(_ordered(
        select(Note.uid, Note.date, Note.text, Note.recorded_at).where(*where),
        order, latest)))
    if latest is not None:
        rows.reverse()
    return [
        StoredNote.model_construct(uid=row.uid, date=row.date, text=row.text,
                                   recorded_at=_utc(row.recorded_at))
        for row in rows
    ]


def _utc(moment: dt.datetime) -> dt.datetime:
    # Column queries return what the type decorator gives: already aware UTC. Kept explicit
    # so a naive value could never slip into a record.
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)
