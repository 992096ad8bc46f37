"""Where the data lives: an engine from the settings, created and migrated on first use.

With no `database_url` set, the data is an SQLite file in the data folder. SQLite runs in
WAL mode with a busy timeout, and every write transaction starts with BEGIN IMMEDIATE: it
takes the write lock up front, so concurrent writers wait their turn instead of failing
when a read lock cannot be upgraded. PostgreSQL is reached through psycopg 3.
"""

from __future__ import annotations

import functools
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session
from sqlalchemy.pool import ConnectionPoolEntry

from crampcoach.errors import InputError
from crampcoach.settings import SQLITE_FILE_NAME, Settings

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

# Alembic is imported only when a database actually needs migrating: checking that it is
# up to date reads the version table and the revision ids in the migration files, which
# keeps a short command like `crampcoach log cramp` from paying for Alembic's import.

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
BUSY_TIMEOUT_S = 30.0
# Any fixed 64-bit number: PostgreSQL advisory lock that serialises concurrent migrations.
MIGRATION_LOCK_KEY = 0x6372616D70

_READING = "crampcoach_reading"
_ENGINES: dict[str, Engine] = {}
_ENGINES_LOCK = threading.Lock()


def database_url(configured: Settings | None = None) -> str:
    """The configured URL, or the SQLite file in the data folder."""
    configured = configured or Settings.from_environment()
    if configured.database_url:
        return configured.database_url
    return sqlite_url_in(configured.data_dir)


def sqlite_url_in(data_dir: Path) -> str:
    return f"sqlite:///{data_dir / SQLITE_FILE_NAME}"


def normalise_url(url: str) -> str:
    """Check the URL names SQLite or PostgreSQL; plain postgresql:// means psycopg 3."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise InputError("database_url", f"not a database URL: {url!r}") from None
    backend, _, driver = parsed.drivername.partition("+")
    if backend == "postgres":
        backend = "postgresql"
    if backend == "postgresql" and driver in ("", "psycopg"):
        return parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    if backend == "sqlite" and driver in ("", "pysqlite"):
        if not parsed.database or parsed.database == ":memory:":
            raise InputError("database_url", "SQLite needs a file: sqlite:///PATH")
        return parsed.render_as_string(hide_password=False)
    raise InputError(
        "database_url",
        f"unsupported database '{parsed.drivername}': use sqlite:///FILE "
        "or postgresql+psycopg://USER@HOST/DB",
    )


def connect(url: str) -> Engine:
    """A new engine for `url`, not migrated and not cached (for tests and tools)."""
    url = normalise_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        assert parsed.database is not None
        Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        eng = create_engine(
            url, connect_args={"timeout": BUSY_TIMEOUT_S, "check_same_thread": False}
        )
        event.listen(eng, "connect", _configure_sqlite)
        event.listen(eng, "begin", _begin_sqlite)
        return eng
    return create_engine(url, pool_pre_ping=True)


def _configure_sqlite(dbapi_connection: sqlite3.Connection, _entry: ConnectionPoolEntry) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself, instead of the driver's own guess.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        _use_wal(cursor)
        # NORMAL is safe in WAL mode: a killed process loses nothing committed.
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        # Forgotten data is overwritten, not left in free pages of the file.
        cursor.execute("PRAGMA secure_delete = ON")
    finally:
        cursor.close()


def _use_wal(cursor: sqlite3.Cursor) -> None:
    """Switch a database file to WAL once; the mode is kept in the file.

    Switching needs the file to itself, and SQLite answers "database is locked" at once
    (without waiting out the busy timeout) when several processes open a new file together,
    so the switch is retried briefly.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
            if str(mode).lower() == "wal" or cursor.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal":
                return
        except sqlite3.OperationalError as exc:
            # Only a lock is worth waiting out; read-only or damaged files fail at once.
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
        time.sleep(0.02)


def _begin_sqlite(conn: Connection) -> None:
    reading = conn.get_execution_options().get(_READING, False)
    conn.exec_driver_sql("BEGIN" if reading else "BEGIN IMMEDIATE")


def engine(url: str | None = None) -> Engine:
    """The shared engine for `url` (default: the configured one), migrated to the head."""
    key = normalise_url(url or database_url())
    with _ENGINES_LOCK:
        found = _ENGINES.get(key)
        if found is None:
            found = connect(key)
            try:
                upgrade(found)
            except BaseException:
                found.dispose()
                raise
            _ENGINES[key] = found
    return found


def dispose(url: str | None = None) -> None:
    """Close the pooled connections of one shared engine (all of them with no URL)."""
    with _ENGINES_LOCK:
        if url is None:
            engines = list(_ENGINES.values())
            _ENGINES.clear()
        else:
            gone = _ENGINES.pop(normalise_url(url), None)
            engines = [gone] if gone is not None else []
    for eng in engines:
        eng.dispose()


@contextmanager
def transaction(url: str | None = None) -> Iterator[Session]:
    """One write transaction: committed when the block ends, rolled back if it raises."""
    with Session(engine(url), expire_on_commit=False) as session, session.begin():
        yield session


@contextmanager
def reading(url: str | None = None) -> Iterator[Session]:
    """A read-only view: one consistent snapshot on both databases, never a write lock."""
    eng = engine(url)
    options: dict[str, Any] = {_READING: True}
    if eng.dialect.name == "postgresql":
        options["isolation_level"] = "REPEATABLE READ"
    # Closing the session rolls the read transaction back; nothing is ever committed.
    with Session(eng.execution_options(**options)) as session:
        yield session


def scrub(url: str | None = None) -> str:
    """After a deletion, leave no copy of the deleted rows in SQLite's write-ahead log.

    secure_delete already overwrote them in the pages; the TRUNCATE checkpoint writes those
    pages into the file and empties the log, waiting (up to the busy timeout) for readers.
    Returns "done", "busy" (a reader still holds old pages) or "postgresql" (which reclaims
    the space by autovacuum).
    """
    eng = engine(url)
    if eng.dialect.name != "sqlite":
        return "postgresql"
    raw = eng.raw_connection()
    try:
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        while True:
            busy = raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            if not busy or time.monotonic() > deadline:
                return "busy" if busy else "done"
            time.sleep(0.1)  # a reader's snapshot still needs the log; wait for it to end
    finally:
        raw.close()


# -- migrations ---------------------------------------------------------------------------


def alembic_config() -> Config:
    """Alembic settings without an ini file; also the way to add a migration:
    `alembic.command.revision(alembic_config(), message=..., rev_id="0003")`."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("path_separator", "os")
    config.set_main_option("file_template", "r%%(rev)s_%%(slug)s")
    return config


@functools.cache
def _scripts() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


@functools.cache
def head_revision() -> str:
    """The newest revision, as Alembic's own script directory reads it.

    Kept on disk for later processes while the package's files are unchanged (a new
    migration changes them), so a command whose database is already at the head need not
    import Alembic at all.
    """
    from crampcoach.knowledge.loader import cached_build

    def read_head() -> str:
        head = _scripts().get_current_head()  # raises when the migrations branch
        assert head is not None, "the migrations have at least one revision"
        return head

    return cached_build("migrations-head", str, read_head)


def current_revision(eng: Engine) -> str | None:
    """The revision the database is at, or None for an empty database."""
    with eng.execution_options(**{_READING: True}).connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        found = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
        return found[0] if len(found) == 1 else None


def upgrade(eng: Engine, revision: str = "head") -> None:
    """Migrate in place to `revision`; safe when several processes start at once."""
    current = current_revision(eng)
    if revision == "head" and current == head_revision():
        return
    if current is not None and not _known(current):
        raise InputError(
            "database_url",
            f"the database is at revision {current}, made by a newer crampcoach; "
            "upgrade crampcoach to use it",
        )
    from alembic import command
    from alembic.util import CommandError

    # On SQLite the transaction starts with BEGIN IMMEDIATE, which already excludes others.
    with eng.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        config = alembic_config()
        config.attributes["connection"] = conn
        try:
            command.upgrade(config, revision)
        except CommandError as exc:
            raise InputError("revision", str(exc)) from None


def _known(revision: str) -> bool:
    from alembic.util import CommandError

    try:
        return _scripts().get_revision(revision) is not None
    except CommandError:
        return False
