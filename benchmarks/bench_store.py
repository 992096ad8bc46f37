"""Storage speed: log writes per second, and the progress summary over 10,000 sessions.

    .venv/bin/python benchmarks/bench_store.py [--writes N] [--sessions N]

Runs on a fresh SQLite file, and on a fresh PostgreSQL database too when
CRAMPCOACH_TEST_POSTGRES_URL names a server (scripts/postgres-test-server start).
Each write is one transaction, as the CLI and the web app make them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

from crampcoach.progress.reading import progress_for
from crampcoach.store import database, log, people
from crampcoach.store.records import CrampRecord, SessionRecord, StoredCramp, StoredSession
from crampcoach.store.weekly import cramps_per_week, weekly_summary

POSTGRES_ENV = "CRAMPCOACH_TEST_POSTGRES_URL"
START = dt.date(2020, 1, 6)


def session_record(index: int) -> SessionRecord:
    felt = {"low_back": index % 4, "glutes": 4 + index % 5, "hamstrings": 2 + index % 3}
    return SessionRecord.model_validate({
        "date": START + dt.timedelta(days=index % 1500),
        "items": [
            {"exercise": "hip_flexor_stretch", "sets": 2, "hold_s": 30},
            {"exercise": "glute_bridge", "sets": 3, "reps": 12, "effort": 6, "pain": 0,
             "felt": felt},
            {"exercise": "side_lying_clam", "sets": 2, "reps": 15},
            {"exercise": "barbell_hip_thrust", "sets": 3, "reps": 8, "load_kg": 40.0 + index % 20,
             "effort": 8, "felt": felt},
        ],
    })


def cramp_record(index: int) -> CrampRecord:
    moment = dt.datetime.combine(START, dt.time(18)) + dt.timedelta(days=index % 1500)
    return CrampRecord(occurred_at=moment, side="left", during="glute_bridge",
                       minutes_into=20, severity=index % 11)


def rate(count: int, write: Callable[[int], None]) -> float:
    began = time.perf_counter()
    for index in range(count):
        write(index)
    return count / (time.perf_counter() - began)


def median_seconds(repeats: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        work()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def measure(url: str, writes: int, sessions: int) -> dict[str, float]:
    database.engine(url)  # created and migrated outside the timings

    def write_session(index: int) -> None:
        with database.transaction(url) as session:
            log.add_session(session, people.ensure(session, "writer"), session_record(index))

    def write_cramp(index: int) -> None:
        with database.transaction(url) as session:
            log.add_cramp(session, people.ensure(session, "writer"), cramp_record(index))

    figures = {
        "session writes/s": rate(writes, write_session),
        "cramp writes/s": rate(writes, write_cramp),
    }
    recorded = dt.datetime.now(dt.UTC)
    with database.transaction(url) as session:  # the 10,000-session history, loaded in bulk
        person = people.ensure(session, "history")
        for index in range(sessions):
            record = session_record(index)
            log.insert_session(session, person, StoredSession.model_validate(
                {**record.model_dump(), "recorded_at": recorded}))
        for index in range(sessions // 10):
            log.insert_cramp(session, person, StoredCramp.model_validate(
                {**cramp_record(index).model_dump(), "recorded_at": recorded}))

    def progress() -> object:
        # What `crampcoach progress` computes: ladder, waterfalls, load, escalation, weeks.
        with database.reading(url) as session:
            return progress_for(session, people.require(session, "history"))

    def weekly() -> object:
        with database.reading(url) as session:
            person = people.require(session, "history")
            return weekly_summary(session, person), cramps_per_week(session, person)

    def history() -> object:
        with database.reading(url) as session:
            return log.sessions_between(session, people.require(session, "history"))

    figures["progress summary s"] = median_seconds(5, progress)
    figures["weekly totals in SQL s"] = median_seconds(5, weekly)
    figures["all sessions read s"] = median_seconds(3, history)
    return figures


@contextmanager
def fresh_postgres(server: str) -> Iterator[str]:
    admin = make_url(server).set(drivername="postgresql").render_as_string(hide_password=False)
    name = f"crampcoach_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = make_url(database.normalise_url(server)).set(database=name)
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        database.dispose()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writes", type=int, default=1000)
    parser.add_argument("--sessions", type=int, default=10_000)
    args = parser.parse_args()

    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        results["sqlite"] = measure(url, args.writes, args.sessions)
        database.dispose()
    server = os.environ.get(POSTGRES_ENV)
    if server:
        with fresh_postgres(server) as url:
            results["postgresql"] = measure(url, args.writes, args.sessions)
    else:
        print(f"({POSTGRES_ENV} not set: PostgreSQL skipped)")

    print(f"{args.writes} writes, one transaction each; progress over {args.sessions} sessions "
          f"({args.sessions * 4} items) and {args.sessions // 10} cramps")
    names = list(results)
    print(f"{'':24}" + "".join(f"{name:>14}" for name in names)
          + ("   postgresql/sqlite" if len(names) == 2 else ""))
    for figure in results[names[0]]:
        values = [results[name][figure] for name in names]
        line = f"{figure:24}" + "".join(f"{value:14.3f}" for value in values)
        if len(values) == 2:
            line += f"   {values[1] / values[0]:17.2f}"
        print(line)


if __name__ == "__main__":
    main()
