"""What went wrong with the storage, in one line a person can act on.

The command line and the server turn database and file-system errors (locked, damaged,
read-only, full, unreachable) into these lines instead of tracebacks.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import sys
from pathlib import Path

DOCTOR = "`crampcoach doctor` checks and recovers it"


def _where() -> tuple[str, str]:
    """('sqlite', file path) or ('postgresql', host:port) of the configured database."""
    from sqlalchemy.engine import make_url

    from crampcoach.store.database import database_url

    try:
        url = make_url(database_url())
    except Exception:  # a malformed URL is reported by its own check
        return "unknown", "the configured database"
    if url.get_backend_name() == "sqlite":
        return "sqlite", str(url.database)
    return "postgresql", f"{url.host or 'localhost'}:{url.port or 5432}"


def storage_fault(exc: BaseException) -> str | None:
    """A one-line description of a storage failure, or None if `exc` is not one."""
    if isinstance(exc, OSError):
        return _os_fault(exc)
    if "sqlalchemy" in sys.modules:
        from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

        if isinstance(exc, DBAPIError | OperationalError | InterfaceError):
            return _database_fault(exc.orig if exc.orig is not None else exc)
    if isinstance(exc, sqlite3.Error):
        return _database_fault(exc)
    module = type(exc).__module__
    if module.startswith("psycopg") and type(exc).__name__ == "OperationalError":
        return _database_fault(exc)
    return None


def _database_fault(exc: BaseException) -> str:
    backend, where = _where()
    text = str(exc).lower()
    if backend == "postgresql" or type(exc).__module__.startswith("psycopg"):
        if "password authentication" in text or ("role" in text and "does not exist" in text):
            return (f"PostgreSQL at {where} refused the login; check the user and password in "
                    "the database_url setting")
        if "database" in text and "does not exist" in text:
            return f"PostgreSQL at {where} has no such database; create it or fix database_url"
        if "connect" in text or "server closed" in text or "terminat" in text or "timeout" in text:
            return (f"PostgreSQL at {where} does not answer; check that it is running and "
                    "that the database_url setting names it")
        return f"PostgreSQL at {where} failed: {str(exc).splitlines()[0]}"
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return f"the database file {where} is damaged; {DOCTOR}"
    if "locked" in text or "busy" in text:
        return ("the database is busy: another crampcoach command is writing to it; "
                "try again in a moment")
    if "readonly" in text or "read-only" in text:
        return (f"the database file {where} is read-only (or its folder is); "
                "make both writable, or set data_dir to a writable folder")
    if "disk is full" in text or "full" in text:
        return f"the disk holding {where} is full; free some space and try again"
    if "unable to open" in text and _read_only(where):
        return (f"the database file {where} is read-only (or its folder is); "
                "make both writable, or set data_dir to a writable folder")
    if "unable to open" in text:
        return (f"cannot open the database file {where}; check that its folder exists and is "
                "writable, or set data_dir")
    if "disk i/o" in text:
        return f"the disk holding {where} failed to read or write; check it, then {DOCTOR}"
    return f"the database {where} failed: {str(exc).splitlines()[0]}"


def _read_only(where: str) -> bool:
    path = Path(where)
    folder = path.parent
    return folder.is_dir() and (not os.access(folder, os.W_OK)
                                or (path.exists() and not os.access(path, os.W_OK)))


def _os_fault(exc: OSError) -> str:
    name = exc.filename or ""
    if exc.errno == errno.ENOSPC:
        return f"the disk is full{f' (writing {name})' if name else ''}; free some space and try again"
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return (f"cannot write {name or 'the data folder'}: it is read-only or not yours; "
                "check the permissions, or set data_dir to a writable folder")
    if exc.errno in (errno.ENOTDIR, errno.EEXIST):
        return (f"{name or 'the data folder'} should be a folder but is a file; "
                "move the file away, or set data_dir to another folder")
    if exc.errno == errno.ECONNREFUSED:
        return "the database server does not answer; check that it is running"
    reason = exc.strerror or type(exc).__name__
    return f"{reason}{f': {name}' if name else ''}"
