"""A fresh database for the tests that store and read back: an SQLite file always, and a
PostgreSQL database too when CRAMPCOACH_TEST_POSTGRES_URL names a server (scripts/test)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from crampcoach.store import database

POSTGRES_ENV = "CRAMPCOACH_TEST_POSTGRES_URL"
NO_POSTGRES = f"{POSTGRES_ENV} not set: run scripts/test, which starts a server"


def _libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'crampcoach.db'}"
        yield url
        database.dispose(url)
        return
    server = os.environ.get(POSTGRES_ENV)
    if not server:
        pytest.skip(NO_POSTGRES)
    name = f"crampcoach_progress_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_libpq(server), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = make_url(database.normalise_url(server)).set(database=name).render_as_string(
        hide_password=False
    )
    yield url
    database.dispose(url)
    with psycopg.connect(_libpq(server), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.fixture
def configured(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The settings point at the test database, as CRAMPCOACH_DATABASE_URL would."""
    monkeypatch.setenv("CRAMPCOACH_DATABASE_URL", database_url)
    monkeypatch.setenv("CRAMPCOACH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CRAMPCOACH_PROFILE", "me")
    return database_url
