"""People: found by name, made on first write, forgotten completely."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError

from crampcoach.errors import InputError
from crampcoach.store import database, log, people, versions
from crampcoach.store.models import Person, SessionItem

from .samples import CASE, PLAN, RESULT, cramp_record, note_record, session_record

DAY = dt.date(2024, 5, 6)


def fill(url: str, name: str, owner: str | None = None, marker: str = "Slept badly.") -> None:
    with database.transaction(url) as session:
        person = people.ensure(session, name, owner)
        versions.add_assessment(session, person, CASE, RESULT)
        versions.add_plan(session, person, PLAN, assessment_version=1)
        log.add_session(session, person, session_record(DAY))
        log.add_cramp(session, person, cramp_record(dt.datetime(2024, 5, 6, 19)))
        log.add_note(session, person, note_record(DAY, marker))


def test_ensure_makes_a_person_once(database_url: str) -> None:
    with database.transaction(database_url) as session:
        first = people.ensure(session, "alex")
        again = people.ensure(session, "alex")
    assert first == again
    with database.reading(database_url) as session:
        assert [p.name for p in people.list_people(session)] == ["alex"]


def test_profile_setting_names_the_default_person(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CRAMPCOACH_PROFILE", "sam")
    with database.transaction(database_url) as session:
        assert people.ensure(session).name == "sam"


def test_a_coach_may_have_a_client_named_like_the_local_profile(database_url: str) -> None:
    with database.transaction(database_url) as session:
        mine = people.ensure(session, "alex")
        client = people.ensure(session, "alex", owner="coach-kim")
    assert mine.id != client.id and client.owner == "coach-kim"
    with database.reading(database_url) as session:
        assert people.list_people(session, "coach-kim") == [client]
        assert people.list_people(session) == [mine]


def test_the_database_refuses_a_second_local_profile_of_the_same_name(database_url: str) -> None:
    with database.transaction(database_url) as session:
        people.ensure(session, "alex")
    row = {"name": "alex", "owner": None, "created_at": dt.datetime.now(dt.UTC)}
    with pytest.raises(IntegrityError), database.transaction(database_url) as session:
        session.execute(insert(Person).values(**row))


def test_asking_for_someone_unknown_names_who_is_there(database_url: str) -> None:
    with database.transaction(database_url) as session:
        people.ensure(session, "alexandra")
    with database.reading(database_url) as session, pytest.raises(InputError) as caught:
        people.require(session, "alexandr")
    assert caught.value.field == "profile"
    assert "did you mean 'alexandra'" in caught.value.message


def test_blank_name_is_bad_input(database_url: str) -> None:
    with database.transaction(database_url) as session, pytest.raises(InputError):
        people.ensure(session, "   ")


def test_forget_deletes_that_person_and_nobody_else(database_url: str) -> None:
    fill(database_url, "alex")
    fill(database_url, "sam")
    with database.transaction(database_url) as session:
        gone = people.forget(session, people.require(session, "alex"))
    assert gone == people.Forgotten(assessments=1, plans=1, sessions=1, cramp_events=1, notes=1,
                                   activities=0)
    with database.reading(database_url) as session:
        assert people.find(session, "alex") is None
        sam = people.require(session, "sam")
        assert len(log.sessions_between(session, sam)) == 1
        assert session.scalar(select(func.count()).select_from(SessionItem)) == 3


def test_forgotten_words_leave_the_sqlite_file(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'crampcoach.db'}"
    marker = "zebra-marmalade-42"
    try:
        fill(url, "alex", marker=marker)
        fill(url, "sam")
        database.scrub(url)
        files = [tmp_path / "crampcoach.db", tmp_path / "crampcoach.db-wal"]
        assert any(marker.encode() in f.read_bytes() for f in files if f.exists())
        with database.transaction(url) as session:
            people.forget(session, people.require(session, "alex"))
        database.scrub(url)
        for file in files:
            if file.exists():
                assert marker.encode() not in file.read_bytes()
    finally:
        database.dispose(url)
