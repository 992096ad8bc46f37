"""Activities in the store, on SQLite and PostgreSQL: stored once, exported, imported, forgotten."""

from __future__ import annotations

import datetime as dt

import pytest

from crampcoach.errors import InputError
from crampcoach.progress.reading import progress_for
from crampcoach.store import activities, database, log, people, transfer
from crampcoach.training.files import ExportFile
from crampcoach.training.importing import read_exports, store_activities
from crampcoach.training.record import observed_for, recent_weekly_volumes

from .exports import Workout, fit_bytes, gpx_text

TODAY = dt.date.today()
MONDAY = TODAY - dt.timedelta(days=TODAY.weekday())


def season_files() -> list[ExportFile]:
    """Five weeks of 30 km, then last week 50 km, as one FIT file per run."""
    files = []
    for week, km in enumerate([30, 30, 30, 30, 30, 50]):
        first = MONDAY - dt.timedelta(weeks=6 - week)
        for run in range(5):
            day = first + dt.timedelta(days=run)
            start = dt.datetime.combine(day, dt.time(7), dt.UTC)
            files.append(ExportFile(f"{day}.fit", fit_bytes([Workout(start, km / 5 * 6, km / 5)])))
    return files


def test_importing_twice_stores_each_activity_once(database_url: str) -> None:
    files = season_files()
    records = read_exports(files)
    with database.transaction(database_url) as session:
        first = store_activities(session, people.ensure(session, "alex"), records, len(files))
    with database.transaction(database_url) as session:
        again = store_activities(session, people.ensure(session, "alex"), records, len(files))
    assert (first.added, first.already_there) == (len(records), 0)
    assert (again.added, again.already_there) == (0, len(records))
    with database.reading(database_url) as session:
        stored = activities.activities_between(session, people.require(session, "alex"))
    assert [(a.start, a.sport, a.duration_s) for a in stored] == sorted(
        (r.start, r.sport, r.duration_s) for r in records)


def test_a_bad_file_among_good_ones_stores_nothing(database_url: str) -> None:
    files = [*season_files()[:3], ExportFile("broken.gpx", gpx_text(
        Workout(dt.datetime(2025, 6, 1, tzinfo=dt.UTC), 30, 5)).encode()[:100])]
    with pytest.raises(InputError, match=r"broken\.gpx"):
        read_exports(files)  # the import reads every file before it stores any
    with database.reading(database_url) as session:
        assert people.find(session, "alex") is None


def test_the_record_answers_the_load_question_and_gives_the_recent_volumes(database_url: str) -> None:
    with database.transaction(database_url) as session:
        person = people.ensure(session, "alex")
        store_activities(session, person, read_exports(season_files()), 0)
    with database.reading(database_url) as session:
        observed = observed_for(session, person, TODAY)
        volumes = recent_weekly_volumes(session, person, TODAY, weeks=3)
    assert "recent_training_increase" in {o.finding for o in observed}
    assert [v.km for v in volumes] == [30, 50, 0]  # the last three weeks, this one empty


def test_activities_are_exported_imported_and_forgotten_with_the_person(database_url: str) -> None:
    with database.transaction(database_url) as session:
        person = people.ensure(session, "alex")
        store_activities(session, person, read_exports(season_files()[:4]), 4)
    with database.reading(database_url) as session:
        document = transfer.export_person(session, people.require(session, "alex"))
    assert len(document.activities) == 4
    with database.transaction(database_url) as session:
        imported = transfer.import_person(session, document, name="copy")
        again = transfer.import_person(session, document, name="copy")
    assert imported.added["activities"] == 4 and again.already_there["activities"] == 4
    with database.reading(database_url) as session:
        copied = transfer.export_person(session, people.require(session, "copy"))
    assert copied.activities == document.activities
    with database.transaction(database_url) as session:
        gone = people.forget(session, people.require(session, "alex"))
    assert gone.activities == 4
    with database.reading(database_url) as session:
        assert len(activities.activities_between(session, people.require(session, "copy"))) == 4


def test_an_export_with_different_figures_for_a_stored_activity_is_refused(database_url: str) -> None:
    with database.transaction(database_url) as session:
        person = people.ensure(session, "alex")
        store_activities(session, person, read_exports(season_files()[:1]), 1)
    with database.reading(database_url) as session:
        document = transfer.export_person(session, person)
    changed = document.model_copy(update={"activities": [
        document.activities[0].model_copy(update={"duration_s": 999})]})
    with pytest.raises(InputError, match="different figures"), \
            database.transaction(database_url) as session:
        transfer.import_person(session, changed)


def test_progress_places_a_logged_cramp_in_its_session(database_url: str) -> None:
    files = season_files()
    with database.transaction(database_url) as session:
        person = people.ensure(session, "alex")
        records = read_exports(files)
        store_activities(session, person, records, len(files))
        last = records[-1]
        log.add_cramp(session, person, {"occurred_at": last.start + dt.timedelta(minutes=50),
                                        "side": "left", "during": "running", "severity": 5})
    with database.reading(database_url) as session:
        summary = progress_for(session, person)
    assert summary.training is not None
    (placed,) = summary.training.placed
    assert (placed.minutes_into, placed.sport, placed.activity_start) == (50, "running", last.start)
