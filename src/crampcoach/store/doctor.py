"""Checking and repairing the SQLite file: integrity check, WAL checkpoint, recovery.

Recovery never writes into the damaged file: it copies every row it can still read into a
new file, then puts the new file in place and keeps the old one next to it, renamed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from crampcoach.store import database

# Rows copied per batch while recovering; a damaged page ends the table, not the recovery.
_BATCH = 500


@dataclass
class Checkup:
    backend: str
    where: str
    problems: list[str] = field(default_factory=list)
    checkpointed: bool = False
    recovered: dict[str, int] = field(default_factory=dict)
    unreadable: dict[str, str] = field(default_factory=dict)
    kept: Path | None = None
    missing: bool = False

    @property
    def healthy(self) -> bool:
        return not self.problems


def sqlite_path(url: str | None = None) -> Path | None:
    """The SQLite file of the configured database, or None for PostgreSQL."""
    from sqlalchemy.engine import make_url

    parsed = make_url(database.normalise_url(url or database.database_url()))
    if parsed.get_backend_name() != "sqlite":
        return None
    assert parsed.database is not None
    return Path(parsed.database).expanduser()


def integrity_problems(path: Path) -> list[str]:
    """What SQLite's integrity check finds (empty: the file is sound)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.Error as exc:
        return [str(exc)]
    finally:
        conn.close()
    found = [str(row[0]) for row in rows]
    return [] if found == ["ok"] else found


def checkpoint(path: Path) -> None:
    """Write the log into the file and empty it (waits for readers, up to the busy timeout)."""
    conn = sqlite3.connect(path, timeout=database.BUSY_TIMEOUT_S)
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(database.BUSY_TIMEOUT_S * 1000)}")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        conn.close()


def recover(path: Path, checkup: Checkup) -> Path:
    """Copy what is readable into a new file, swap it in; returns where the old file is kept."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    fresh = path.with_name(f"{path.name}.recovering-{stamp}")
    kept = path.with_name(f"{path.name}.damaged-{stamp}")
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    target = sqlite3.connect(fresh)
    try:
        target.execute("PRAGMA foreign_keys = OFF")
        try:
            schema = source.execute(
                "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL "
                "AND name NOT LIKE 'sqlite_%' ORDER BY type = 'table' DESC, rowid").fetchall()
        except sqlite3.Error as exc:
            schema = []
            checkup.unreadable["(schema)"] = str(exc)
        for kind, name, sql in schema:
            if kind == "table":
                target.execute(sql)
                checkup.recovered[name] = _copy_rows(source, target, name, checkup)
        for kind, _, sql in schema:
            if kind != "table":
                # An index over rows that did not survive may fail; the rows matter more.
                with contextlib.suppress(sqlite3.Error):
                    target.execute(sql)
        target.commit()
    finally:
        source.close()
        target.close()
    for suffix in ("", "-wal", "-shm"):
        old = Path(f"{path}{suffix}")
        if old.exists():
            os.replace(old, Path(f"{kept}{suffix}"))
    os.replace(fresh, path)
    return kept


def _copy_rows(source: sqlite3.Connection, target: sqlite3.Connection, table: str,
               checkup: Checkup) -> int:
    """Copy a table in rowid order; a damaged page is stepped over (at growing strides)
    so that the rows after it are still found."""
    quoted = '"' + table.replace('"', '""') + '"'
    try:
        columns = [row[1] for row in source.execute(f"PRAGMA table_info({quoted})")]
    except sqlite3.Error as exc:
        checkup.unreadable[table] = str(exc)
        return 0
    names = ", ".join('"' + c.replace('"', '""') + '"' for c in columns)
    insert = f"INSERT OR IGNORE INTO {quoted} ({names}) VALUES ({', '.join('?' * len(columns))})"
    query = f"SELECT rowid, {names} FROM {quoted} WHERE rowid > ? ORDER BY rowid"
    copied, last, stride = 0, -(2**63), 1
    while True:
        batch: list[tuple[object, ...]] = []
        moved = False
        try:
            for row in source.execute(query, (last,)):
                batch.append(row[1:])
                last, moved = row[0], True
                if len(batch) >= _BATCH:
                    target.executemany(insert, batch)
                    copied, batch = copied + len(batch), []
            target.executemany(insert, batch)
            return copied + len(batch)
        except sqlite3.Error as exc:
            target.executemany(insert, batch)
            copied += len(batch)
            checkup.unreadable.setdefault(table, str(exc))
            # Past the damaged page: small steps just after good rows, growing ones after.
            stride = 1 if moved else stride * 2
            last = max(last, 0) + stride
            if last > 2**62:
                return copied


def run_checkup(url: str | None = None, *, repair: bool = True) -> Checkup:
    """Check the database; on SQLite also checkpoint, and recover a damaged file."""
    path = sqlite_path(url)
    if path is None:
        eng = database.engine(url)  # connecting is the check; PostgreSQL checks its own files
        return Checkup(backend="postgresql", where=f"{eng.url.host}:{eng.url.port or 5432}")
    checkup = Checkup(backend="sqlite", where=str(path))
    if not path.exists():
        checkup.missing = True
        return checkup
    checkup.problems = integrity_problems(path)
    if checkup.healthy:
        checkpoint(path)
        checkup.checkpointed = True
    elif repair:
        database.dispose()
        checkup.kept = recover(path, checkup)
    return checkup
