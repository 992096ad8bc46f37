"""The cheap look for recorded workouts, against real SQLite files made by the store."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crampcoach.cli.app import app
from crampcoach.settings import SQLITE_FILE_NAME, Settings
from crampcoach.store import activities, database, people
from crampcoach.store.presence import holds_no_workouts
from crampcoach.store.records import ActivityRecord

runner = CliRunner()


@pytest.fixture
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The default store: a SQLite file in the data folder, no URL configured."""
    monkeypatch.setenv("CRAMPCOACH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CRAMPCOACH_DATABASE_URL", "")
    return tmp_path / "data"


def test_a_database_with_only_a_note_is_known_to_hold_no_workouts(data_folder: Path) -> None:
    assert runner.invoke(app, ["log", "note", "first week"]).exit_code == 0
    assert (data_folder / SQLITE_FILE_NAME).exists()
    assert holds_no_workouts(Settings.from_environment())


def test_a_stored_workout_is_seen_so_the_store_is_asked(data_folder: Path) -> None:
    assert runner.invoke(app, ["log", "note", "first week"]).exit_code == 0
    workout = ActivityRecord(start=dt.datetime.now().replace(microsecond=0), sport="running",
                             duration_s=2400, distance_m=8000.0, source="fit")
    with database.transaction() as session:
        activities.add_activities(session, people.ensure(session), [workout])
    assert not holds_no_workouts(Settings.from_environment())


def test_a_database_by_url_is_left_to_the_store(tmp_path: Path) -> None:
    settings = Settings.from_environment({"CRAMPCOACH_DATA_DIR": str(tmp_path),
                                          "CRAMPCOACH_DATABASE_URL": "sqlite:///elsewhere.db"})
    assert not holds_no_workouts(settings)


def test_a_damaged_file_is_left_to_the_store_and_kept_as_it_was(tmp_path: Path) -> None:
    damaged = tmp_path / SQLITE_FILE_NAME
    damaged.write_bytes(b"not a database at all" * 100)
    settings = Settings.from_environment({"CRAMPCOACH_DATA_DIR": str(tmp_path)})
    assert not holds_no_workouts(settings)
    assert damaged.read_bytes() == b"not a database at all" * 100


def test_a_schema_older_than_the_workouts_table_is_left_to_the_store(tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / SQLITE_FILE_NAME) as connection:
        connection.execute("CREATE TABLE people (id INTEGER PRIMARY KEY)")
    settings = Settings.from_environment({"CRAMPCOACH_DATA_DIR": str(tmp_path)})
    assert not holds_no_workouts(settings)
