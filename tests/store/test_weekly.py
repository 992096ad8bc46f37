"""Per-ISO-week figures for the progress views."""

from __future__ import annotations

import datetime as dt

from crampcoach.store import database, log, people
from crampcoach.store.weekly import IsoWeek, cramps_per_week, logged_range, weekly_summary

from .samples import cramp_record, session_record


def at(day: str, hour: int = 19) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour))


def test_iso_weeks_cross_the_new_year_as_the_calendar_does() -> None:
    assert IsoWeek.of(dt.date(2020, 12, 31)) == IsoWeek(2020, 53)
    assert IsoWeek.of(dt.date(2021, 1, 3)) == IsoWeek(2020, 53)
    assert IsoWeek.of(dt.date(2021, 1, 4)) == IsoWeek(2021, 1)
    assert IsoWeek(2020, 53).next() == IsoWeek(2021, 1)
    assert str(IsoWeek(2021, 1)) == "2021-W01" and IsoWeek(2021, 1).monday == dt.date(2021, 1, 4)


def test_cramps_per_week_counts_every_week_with_zeros_for_quiet_ones(database_url: str) -> None:
    with database.transaction(database_url) as session:
        person = people.ensure(session, "me")
        for moment in (at("2020-12-28"), at("2021-01-03", 23), at("2021-01-18", 6)):
            log.add_cramp(session, person, cramp_record(moment))
    with database.reading(database_url) as session:
        person = people.require(session, "me")
        everything = cramps_per_week(session, person)
        january = cramps_per_week(session, person, dt.date(2021, 1, 1), dt.date(2021, 1, 31))
    assert everything == [(IsoWeek(2020, 53), 2), (IsoWeek(2021, 1), 0),
                          (IsoWeek(2021, 2), 0), (IsoWeek(2021, 3), 1)]
    assert january == [(IsoWeek(2020, 53), 1), (IsoWeek(2021, 1), 0), (IsoWeek(2021, 2), 0),
                       (IsoWeek(2021, 3), 1), (IsoWeek(2021, 4), 0)]


def test_nothing_logged_gives_no_weeks(database_url: str) -> None:
    with database.transaction(database_url) as session:
        person = people.ensure(session, "me")
        assert cramps_per_week(session, person) == []
        assert weekly_summary(session, person) == []
        assert logged_range(session, person) is None


def test_weekly_summary_adds_up_sessions_items_cramps_and_felt_work(database_url: str) -> None:
    with database.transaction(database_url) as session:
        person = people.ensure(session, "me")
        other = people.ensure(session, "someone else")
        log.add_session(session, person, session_record(dt.date(2024, 5, 6)))
        log.add_session(session, person, session_record(dt.date(2024, 5, 8)))
        heavier = session_record(dt.date(2024, 5, 21)).items[2].model_copy(
            update={"load_kg": 45.0})
        log.add_session(session, person, session_record(dt.date(2024, 5, 21), items=[heavier]))
        log.add_session(session, other, session_record(dt.date(2024, 5, 6)))
        log.add_cramp(session, person, cramp_record(at("2024-05-08"), severity=4))
        log.add_cramp(session, person, cramp_record(at("2024-05-09"), severity=7))
    with database.reading(database_url) as session:
        person = people.require(session, "me")
        weeks = weekly_summary(session, person)
        first_half = weekly_summary(session, person, end=dt.date(2024, 5, 12))
        span = logged_range(session, person)
    assert [str(w.week) for w in weeks] == ["2024-W19", "2024-W20", "2024-W21"]
    busy, quiet, last = weeks
    assert (busy.sessions, busy.items, busy.cramps, busy.worst_cramp) == (2, 6, 2, 7)
    # Two felt items a session: low back 2+1, glutes 6+7, hamstrings 3+4.
    assert (busy.felt_items, busy.felt_low_back, busy.felt_glutes, busy.felt_hamstrings) == (
        4, 6, 26, 14)
    assert busy.exercises == {"hip_flexor_stretch": 2, "glute_bridge": 2, "barbell_hip_thrust": 2}
    assert busy.heaviest_kg == {"barbell_hip_thrust": 42.5}
    assert (quiet.sessions, quiet.cramps, quiet.worst_cramp) == (0, 0, None)
    assert (last.sessions, last.items, last.heaviest_kg) == (1, 1, {"barbell_hip_thrust": 45.0})
    assert [w.week for w in first_half] == [IsoWeek(2024, 19)]
    assert span == (dt.date(2024, 5, 6), dt.date(2024, 5, 21))
