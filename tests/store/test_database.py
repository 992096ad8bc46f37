"""Engines, transactions and what happens when several processes write at once."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from crampcoach.errors import InputError
from crampcoach.store import database, log, people
from crampcoach.store.models import CrampEvent, SessionItem, SessionLog

from .samples import cramp_record, session_record

WRITER = Path(__file__).with_name("writer.py")
WRITERS = 8
EVENTS_EACH = 500


def start_writers(url: str, count: int, kind: str, workers: int) -> list[subprocess.Popen[str]]:
    procs = [
        subprocess.Popen(
            [sys.executable, str(WRITER), url, "shared", str(worker), str(count), kind],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for worker in range(workers)
    ]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    for proc in procs:  # all imported: let them go together
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    return procs


def test_default_database_is_an_sqlite_file_made_on_first_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CRAMPCOACH_DATABASE_URL", raising=False)
    monkeypatch.setenv("CRAMPCOACH_DATA_DIR", str(tmp_path / "new" / "folder"))
    file = tmp_path / "new" / "folder" / database.SQLITE_FILE_NAME
    assert database.database_url() == f"sqlite:///{file}"
    try:
        with database.transaction() as session:
            log.add_cramp(session, people.ensure(session), cramp_record(dt.datetime(2024, 5, 6)))
        assert database.current_revision(database.engine()) == database.head_revision()
    finally:
        database.dispose()
    with sqlite3.connect(file) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert raw.execute("SELECT count(*) FROM cramp_events").fetchone() == (1,)


def test_sqlite_connections_wait_for_the_lock_and_enforce_foreign_keys(tmp_path: Path) -> None:
    eng = database.connect(f"sqlite:///{tmp_path / 'x.db'}")
    try:
        with eng.connect() as conn:
            assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 30_000
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert conn.execute(text("PRAGMA secure_delete")).scalar() == 1
    finally:
        eng.dispose()


@pytest.mark.parametrize(("given", "used"), [
    ("postgresql://u@db/crampcoach", "postgresql+psycopg://u@db/crampcoach"),
    ("postgres://u:pw@db:5433/c", "postgresql+psycopg://u:pw@db:5433/c"),
    ("postgresql+psycopg://u@db/c", "postgresql+psycopg://u@db/c"),
    ("sqlite:////tmp/c.db", "sqlite:////tmp/c.db"),
])
def test_postgres_urls_are_read_with_psycopg_3(given: str, used: str) -> None:
    assert database.normalise_url(given) == used


@pytest.mark.parametrize("url", ["mysql://u@db/c", "sqlite://", "sqlite:///:memory:",
                                 "postgresql+psycopg2://u@db/c", "not a url"])
def test_other_databases_are_refused_as_bad_input(url: str) -> None:
    with pytest.raises(InputError) as caught:
        database.normalise_url(url)
    assert caught.value.field == "database_url"


def test_database_from_a_newer_version_is_refused(database_url: str) -> None:
    database.engine(database_url)
    database.dispose(database_url)
    eng = database.connect(database_url)
    try:
        with eng.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
        with pytest.raises(InputError, match="newer crampcoach"):
            database.upgrade(eng)
    finally:
        eng.dispose()


def test_failed_write_leaves_nothing_behind(database_url: str) -> None:
    day = dt.date(2024, 5, 6)
    with pytest.raises(RuntimeError), database.transaction(database_url) as session:
        person = people.ensure(session, "me")
        log.add_session(session, person, session_record(day))
        raise RuntimeError("the process fails before the end of the transaction")
    with database.reading(database_url) as session:
        assert people.find(session, "me") is None
        assert session.scalar(select(func.count()).select_from(SessionItem)) == 0


def test_readers_see_committed_data_while_a_writer_holds_the_lock(database_url: str) -> None:
    with database.transaction(database_url) as session:
        log.add_cramp(session, people.ensure(session, "me"), cramp_record(dt.datetime(2024, 5, 6)))
    with database.transaction(database_url) as writing:
        log.add_cramp(writing, people.ensure(writing, "me"), cramp_record(dt.datetime(2024, 5, 7)))
        began = time.perf_counter()
        with database.reading(database_url) as session:
            seen = log.cramps_between(session, people.require(session, "me"))
        assert time.perf_counter() - began < 5  # not waiting for the writer's lock
    assert [c.occurred_at.day for c in seen] == [6]


def test_eight_writers_store_every_cramp_exactly_once(database_url: str) -> None:
    """8 processes start at once on a fresh, unmigrated database, 500 cramps each."""
    procs = start_writers(database_url, EVENTS_EACH, "cramps", WRITERS)
    printed: list[str] = []
    results = [proc.communicate(timeout=120) for proc in procs]  # every pipe closed, pass or fail
    for proc, (out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
        printed += out.split()
    assert len(printed) == WRITERS * EVENTS_EACH
    with database.reading(database_url) as session:
        person = people.require(session, "shared")
        rows = session.execute(
            select(CrampEvent.uid, CrampEvent.during).where(CrampEvent.person_id == person.id)
        ).all()
        assert len(people.list_people(session)) == 1
    expected = {f"writer {w} event {i}" for w in range(WRITERS) for i in range(EVENTS_EACH)}
    assert len(rows) == WRITERS * EVENTS_EACH
    assert {during for _, during in rows} == expected
    assert {uid for uid, _ in rows} == set(printed)


def test_killed_writer_leaves_every_committed_session_whole(database_url: str) -> None:
    database.engine(database_url)  # migrated before, so the kill lands in the writes
    (proc,) = start_writers(database_url, 1_000_000, "sessions", 1)
    assert proc.stdout is not None
    committed = [proc.stdout.readline().strip() for _ in range(30)]
    time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    rest, _ = proc.communicate(timeout=30)
    committed += rest.split()
    assert proc.returncode == -signal.SIGKILL

    with database.reading(database_url) as session:
        person = people.require(session, "shared")
        stored = {s.uid: s for s in log.sessions_between(session, person)}
        orphans = session.scalar(
            select(func.count()).select_from(SessionItem).where(
                SessionItem.session_log_id.not_in(select(SessionLog.id))
            )
        )
    assert set(committed) <= set(stored)
    assert len(stored) - len(committed) <= 1  # at most the one whose uid was not yet printed
    assert all(len(s.items) == 20 for s in stored.values())
    assert orphans == 0
    if database_url.startswith("sqlite"):
        file = database_url.removeprefix("sqlite:///")
        with sqlite3.connect(file) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    # The lock died with the writer: the next write goes through at once.
    with database.transaction(database_url) as session:
        log.add_cramp(session, people.ensure(session, "shared"),
                      cramp_record(dt.datetime(2024, 5, 6, 7)))
