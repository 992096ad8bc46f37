"""The training log: sessions, cramps and notes written once and read back by date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from crampcoach.errors import InputError
from crampcoach.store import database, log, people, transfer, versions
from crampcoach.store.models import SessionItem
from crampcoach.store.records import SessionRecord, StoredSession

from .samples import PLAN, cramp_record, note_record, session_record

MAY = [dt.date(2024, 5, day) for day in range(1, 32)]


def export_of(url: str, name: str = "me") -> str:
    with database.reading(url) as session:
        return transfer.export_json(transfer.export_person(session, people.require(session, name)))


def test_a_session_comes_back_with_every_field(database_url: str) -> None:
    record = session_record(MAY[5], plan_week=2, plan_day=3)
    with database.transaction(database_url) as session:
        stored = log.add_session(session, people.ensure(session, "me"), record)
    with database.reading(database_url) as session:
        (again,) = log.sessions_between(session, people.require(session, "me"))
    assert again == stored
    assert again.model_dump(exclude={"recorded_at"}) == record.model_dump()
    assert again.items[2].load_kg == 42.5 and again.items[0].hold_s == 30


def test_ranges_include_both_ends(database_url: str) -> None:
    with database.transaction(database_url) as session:
        person = people.ensure(session, "me")
        for day in (MAY[0], MAY[9], MAY[19], MAY[29]):
            log.add_session(session, person, session_record(day))
            log.add_note(session, person, note_record(day))
    with database.reading(database_url) as session:
        person = people.require(session, "me")
        sessions = log.sessions_between(session, person, MAY[9], MAY[19])
        notes = log.notes_between(session, person, start=MAY[10])
        before = log.sessions_between(session, person, end=MAY[9])
    assert [s.date for s in sessions] == [MAY[9], MAY[19]]
    assert [n.date for n in notes] == [MAY[19], MAY[29]]
    assert [s.date for s in before] == [MAY[0], MAY[9]]


def test_cramps_are_found_by_the_day_they_happened(database_url: str) -> None:
    late = dt.datetime(2024, 5, 10, 23, 59, 30)
    early = dt.datetime(2024, 5, 11, 0, 0)
    with database.transaction(database_url) as session:
        person = people.ensure(session, "me")
        log.add_cramp(session, person, cramp_record(early, side="right"))
        log.add_cramp(session, person, cramp_record(late))
    with database.reading(database_url) as session:
        person = people.require(session, "me")
        tenth = log.cramps_between(session, person, MAY[9], MAY[9])
        both = log.cramps_between(session, person, MAY[9], MAY[10])
    assert [c.occurred_at for c in tenth] == [late]
    assert [c.occurred_at for c in both] == [late, early]


def test_a_retried_write_is_stored_once(database_url: str) -> None:
    record = cramp_record(dt.datetime(2024, 5, 6, 19))
    with database.transaction(database_url) as session:
        first = log.add_cramp(session, people.ensure(session, "me"), record)
    with database.transaction(database_url) as session:
        again = log.add_cramp(session, people.ensure(session, "me"), record)
    assert again == first
    with database.reading(database_url) as session:
        assert len(log.cramps_between(session, people.require(session, "me"))) == 1


def test_a_uid_reused_for_other_content_is_refused(database_url: str) -> None:
    record = cramp_record(dt.datetime(2024, 5, 6, 19))
    changed = record.model_copy(update={"severity": 2})
    with database.transaction(database_url) as session:
        person = people.ensure(session, "me")
        log.add_cramp(session, person, record)
        with pytest.raises(InputError) as caught:
            log.add_cramp(session, person, changed)
    assert caught.value.field == "uid"


BAD: list[tuple[str, dict[str, Any]]] = [
    ("session", {"date": "2024-05-06", "items": [{"exercise": "glute_bridge", "sets": 3}]}),
    ("session", {"date": "2024-05-06", "items": [
        {"exercise": "glute_bridge", "sets": 3, "reps": 12, "pain": 14}]}),
    ("session", {"date": "2024-05-06", "plan_version": 7, "items": [
        {"exercise": "glute_bridge", "sets": 3, "reps": 12}]}),
    ("session", {"date": "2024-05-06", "items": [], "extra": 1}),
    ("cramp", {"occurred_at": "2024-05-06T19:00", "side": "up", "during": "x", "severity": 3}),
    ("cramp", {"occurred_at": "2024-05-06T19:00", "side": "left", "during": "sleep",
               "severity": 30}),
    ("cramp", {"occurred_at": "yesterday", "side": "left", "during": "sleep", "severity": 3}),
    ("note", {"date": "2024-05-06", "text": ""}),
]


@pytest.mark.parametrize(("kind", "data"), BAD)
def test_bad_input_changes_nothing_already_stored(
    database_url: str, kind: str, data: dict[str, Any]
) -> None:
    with database.transaction(database_url) as session:
        person = people.ensure(session, "me")
        versions.add_plan(session, person, PLAN)
        log.add_session(session, person, session_record(MAY[3], plan_version=1))
        log.add_cramp(session, person, cramp_record(dt.datetime(2024, 5, 4, 20)))
        log.add_note(session, person, note_record(MAY[3]))
    before = export_of(database_url)
    adders: dict[str, Callable[..., object]] = {
        "session": log.add_session, "cramp": log.add_cramp, "note": log.add_note}
    add = adders[kind]
    with pytest.raises(InputError), database.transaction(database_url) as session:
        person = people.require(session, "me")
        log.add_note(session, person, note_record(MAY[4], "written before the bad record"))
        add(session, person, data)
    assert export_of(database_url) == before


def test_the_database_itself_refuses_values_out_of_range(database_url: str) -> None:
    """Even a record that skipped validation cannot store an effort of 11."""
    good = session_record(MAY[3])
    bad_item = good.items[1].model_copy(update={"effort": 11})  # model_copy does not validate
    sneaky = StoredSession.model_construct(**{
        **dict(good), "items": [bad_item], "recorded_at": dt.datetime.now(dt.UTC)})
    with database.transaction(database_url) as session:
        log.add_session(session, people.ensure(session, "me"), good)
    before = export_of(database_url)
    with pytest.raises(IntegrityError), database.transaction(database_url) as session:
        log.insert_session(session, people.require(session, "me"), sneaky)
    assert export_of(database_url) == before


def test_exercise_ids_can_be_limited_to_known_ones(database_url: str) -> None:
    record = SessionRecord.model_validate({"date": MAY[3], "items": [
        {"exercise": "glute_bridge", "sets": 3, "reps": 12},
        {"exercise": "hip_thurst", "sets": 3, "reps": 12}]})
    with database.transaction(database_url) as session:
        person = people.ensure(session, "me")
        with pytest.raises(InputError) as caught:
            log.add_session(session, person, record,
                            known_exercises={"glute_bridge", "hip_thrust"})
        assert caught.value.field == "items.1.exercise"
        assert log.sessions_between(session, person) == []


def test_latest_gives_the_last_records_oldest_first(database_url: str) -> None:
    with database.transaction(database_url) as session:
        person = people.ensure(session, "me")
        for day in MAY[:6]:
            log.add_session(session, person, session_record(day))
            log.add_cramp(session, person, cramp_record(
                dt.datetime.combine(day, dt.time(19))))
    with database.reading(database_url) as session:
        person = people.require(session, "me")
        sessions = log.sessions_between(session, person, end=MAY[4], latest=2)
        cramps = log.cramps_between(session, person, latest=3)
    assert [s.date for s in sessions] == [MAY[3], MAY[4]]
    assert all(len(s.items) == 3 for s in sessions)
    assert [c.occurred_at.day for c in cramps] == [4, 5, 6]


def test_a_long_history_reads_back_whole(database_url: str) -> None:
    days = [dt.date(2023, 1, 1) + dt.timedelta(days=n) for n in range(150)]
    with database.transaction(database_url) as session:
        person, other = people.ensure(session, "me"), people.ensure(session, "other")
        written = [log.add_session(session, person, session_record(
            day, items=[{"exercise": "bird_dog", "sets": 2, "reps": n % 20 + 1}] * (n % 3 + 1)))
            for n, day in enumerate(days)]
        log.add_session(session, other, session_record(days[0]))
    with database.reading(database_url) as session:
        assert log.sessions_between(session, people.require(session, "me")) == written


def test_a_removed_entry_goes_with_its_items_and_leaves_the_rest(database_url: str) -> None:
    with database.transaction(database_url) as session:
        me = people.ensure(session, "me")
        other = people.ensure(session, "ana")
        kept = log.add_session(session, me, session_record(MAY[1]))
        gone = log.add_session(session, me, session_record(MAY[2]))
        cramp = log.add_cramp(session, me, cramp_record(dt.datetime(2024, 5, 3, 7, 0)))
        theirs = log.add_cramp(session, other, cramp_record(dt.datetime(2024, 5, 3, 7, 0)))
    with database.transaction(database_url) as session:
        me = people.require(session, "me")
        assert log.remove_session(session, me, gone.uid) == gone
        assert log.remove_cramp(session, me, cramp.uid) == cramp
        # Another person's entry is not found through this person, and stays.
        assert log.remove_cramp(session, me, theirs.uid) is None
        assert log.remove_session(session, me, gone.uid) is None
    with database.reading(database_url) as session:
        me, other = people.require(session, "me"), people.require(session, "ana")
        assert [s.uid for s in log.sessions_between(session, me)] == [kept.uid]
        assert log.cramps_between(session, me) == []
        assert [c.uid for c in log.cramps_between(session, other)] == [theirs.uid]
        assert session.scalar(select(func.count()).select_from(SessionItem)) == len(kept.items)


def test_the_latest_recorded_entry_is_the_last_one_logged_not_the_latest_day(
        database_url: str) -> None:
    with database.transaction(database_url) as session:
        me = people.ensure(session, "me")
        assert log.latest_recorded(session, me) is None
        log.add_cramp(session, me, cramp_record(dt.datetime(2024, 5, 20, 7, 0)))
    with database.transaction(database_url) as session:
        me = people.require(session, "me")
        # Logged afterwards, though about an earlier day.
        late_entry = log.add_session(session, me, session_record(MAY[0]))
    with database.reading(database_url) as session:
        assert log.latest_recorded(session, people.require(session, "me")) == late_entry
