"""Migrations upgrade a database in place and build exactly the schema of the models."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import warnings
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Column, Integer, MetaData, Table, inspect, select

from crampcoach.store import (
    accounts,  # noqa: F401  (the accounts tables join Base.metadata)
    database,
    log,
    people,
    versions,
)
from crampcoach.store.models import Base

from .samples import CASE, PLAN, RESULT

OURS = {"people", "assessments", "plans", "session_logs", "session_items", "cramp_events", "activities",
        "notes"}
# The web's tables, declared in the store like the rest.
ACCOUNTS = {"accounts", "api_tokens", "web_sessions", "login_throttles", "invites"}
RECORDED = dt.datetime(2024, 5, 6, 10, 30, 15, 123456, tzinfo=dt.UTC)


def fill_first_schema(url: str) -> None:
    """Rows written as the first release wrote them, by plain SQL at revision 0001."""
    eng = database.connect(url)
    try:
        database.upgrade(eng, "0001")
        assert database.current_revision(eng) == "0001"
        with eng.begin() as conn:
            tables = MetaData()
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", message=".*expression-based index.*")
                tables.reflect(conn)
            assert "notes" not in tables.tables
            t = tables.tables
            person_id = conn.execute(t["people"].insert().values(
                name="me", owner=None, created_at=RECORDED).returning(t["people"].c.id)
            ).scalar_one()
            conn.execute(t["assessments"].insert().values(
                uid="a" * 32, person_id=person_id, version=1, created_at=RECORDED,
                case_document=CASE, result_document=RESULT))
            conn.execute(t["plans"].insert().values(
                uid="b" * 32, person_id=person_id, version=1, created_at=RECORDED,
                assessment_version=1, reason="first plan", document=PLAN))
            log_id = conn.execute(t["session_logs"].insert().values(
                uid="c" * 32, person_id=person_id, date=dt.date(2024, 5, 6), plan_version=1,
                plan_week=1, plan_day=1, duration_min=30, note=None,
                recorded_at=RECORDED).returning(t["session_logs"].c.id)).scalar_one()
            conn.execute(t["session_items"].insert().values(
                session_log_id=log_id, position=0, exercise="glute_bridge", sets=3, reps=12,
                hold_s=None, load_kg=None, effort=5, pain=0, felt_low_back=3,
                felt_glutes=4, felt_hamstrings=3))
            conn.execute(t["cramp_events"].insert().values(
                uid="d" * 32, person_id=person_id,
                occurred_at=dt.datetime(2024, 5, 6, 18, 40), side="right",
                during="glute_bridge", minutes_into=14, duration_s=40, severity=7,
                eased_by="gentle stretch", recorded_at=RECORDED))
    finally:
        eng.dispose()


def test_upgrade_from_the_first_schema_keeps_every_record(database_url: str) -> None:
    fill_first_schema(database_url)
    with database.transaction(database_url) as session:  # opening migrates to the head
        person = people.require(session, "me")
        log.add_note(session, person, {"date": dt.date(2024, 5, 7), "text": "notes work"})
    eng = database.engine(database_url)
    assert database.current_revision(eng) == database.head_revision()
    with database.reading(database_url) as session:
        person = people.require(session, "me")
        (assessment,) = versions.assessments(session, person)
        (plan,) = versions.plans(session, person)
        (logged,) = log.sessions_between(session, person)
        (cramp,) = log.cramps_between(session, person)
        (note,) = log.notes_between(session, person)
    assert (assessment.uid, assessment.case, assessment.result) == ("a" * 32, CASE, RESULT)
    assert assessment.created_at == RECORDED
    assert (plan.document, plan.reason, plan.assessment_version) == (PLAN, "first plan", 1)
    assert logged.uid == "c" * 32 and logged.recorded_at == RECORDED
    assert logged.items[0].felt is not None and logged.items[0].felt.glutes == 4
    assert (cramp.side, cramp.severity, cramp.occurred_at) == (
        "right", 7, dt.datetime(2024, 5, 6, 18, 40))
    assert note.text == "notes work"
    indexes = {ix["name"] for ix in inspect(eng).get_indexes("session_logs")}
    assert "ix_session_logs_person_date" in indexes


def test_migrated_schema_matches_the_models(database_url: str) -> None:
    eng = database.engine(database_url)
    with eng.connect() as conn, warnings.catch_warnings():
        # SQLite cannot reflect the expression index on people; PostgreSQL compares it.
        warnings.filterwarnings("ignore", message=".*expression-based index.*")
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []
    assert set(inspect(eng).get_table_names()) >= OURS | ACCOUNTS


def test_autogenerate_through_the_migration_environment_finds_nothing_to_add(
        database_url: str) -> None:
    """`alembic check` in a fresh process runs env.py with only what env.py imports, so a
    table missing from its metadata shows up as a difference."""
    database.engine(database_url)
    database.dispose(database_url)
    script = (
        "import warnings; from alembic import command; from crampcoach.store import database\n"
        "warnings.simplefilter('ignore')\n"
        "command.check(database.alembic_config())\n"
    )
    env = {**os.environ, "CRAMPCOACH_DATABASE_URL": database_url}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]


def test_autogenerate_would_notice_a_table_without_a_migration(tmp_path: Path) -> None:
    eng = database.engine(f"sqlite:///{tmp_path / 'crampcoach.db'}")
    extra = MetaData()
    for table in Base.metadata.tables.values():
        table.to_metadata(extra)
    Table("not_migrated", extra, Column("id", Integer, primary_key=True))
    with eng.connect() as conn, warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*expression-based index.*")
        differences = compare_metadata(MigrationContext.configure(conn), extra)
    assert [d[0] for d in differences] == ["add_table"]
    database.dispose(f"sqlite:///{tmp_path / 'crampcoach.db'}")


def test_the_head_is_the_newest_migration_alembic_finds() -> None:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(database.alembic_config())
    assert database.head_revision() == scripts.get_current_head()
    revisions = [s.revision for s in scripts.walk_revisions()]
    assert revisions[-2:] == ["0002", "0001"]
    assert database.head_revision() == revisions[0]


def test_opening_an_up_to_date_database_changes_nothing(database_url: str) -> None:
    eng = database.engine(database_url)
    with eng.connect() as conn:
        before = conn.execute(select(Base.metadata.tables["people"].c.id)).all()
    database.upgrade(eng)
    assert database.current_revision(eng) == database.head_revision()
    with eng.connect() as conn:
        assert conn.execute(select(Base.metadata.tables["people"].c.id)).all() == before


def test_the_head_is_kept_for_later_processes_which_then_skip_alembic(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    probe = ("import sys; from crampcoach.store import database; "
             "print(database.head_revision(), 'alembic' in sys.modules)")
    runs = [subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True,
                           text=True, check=True).stdout.split() for _ in range(2)]
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(database.alembic_config()).get_current_head()
    assert runs[0] == [head, "True"]  # worked out from the migration files, once
    assert runs[1] == [head, "False"]  # read back, without importing Alembic
