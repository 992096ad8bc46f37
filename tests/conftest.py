"""Shared fixtures: the ../shared folder beside the project (seeds, spec, dev cases).

Tests that read it skip with one clear reason when it is absent, so the rest of the
suite still runs on a bare checkout.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg
import pytest
import yaml
from hypothesis import settings as hypothesis_settings
from sqlalchemy.engine import make_url

from crampcoach.store import database

# Property tests explore the same examples on every run, so a red build always reproduces.
hypothesis_settings.register_profile("repeatable", derandomize=True)
hypothesis_settings.load_profile("repeatable")

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = (PROJECT_ROOT / ".." / "shared").resolve()
SHARED_MISSING = "../shared not found beside the project (seeds, spec and dev cases live there)"


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data folder, so nothing touches the user's real log."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("CRAMPCOACH_DATA_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED_DIR.is_dir():
        pytest.skip(SHARED_MISSING)
    return SHARED_DIR


@pytest.fixture(scope="session")
def dev_cases(shared_dir: Path) -> list[dict[str, Any]]:
    """The dev cases, one dict per line of cases/dev.jsonl (id, case, expect, why)."""
    lines = (shared_dir / "cases" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="session")
def dev_cases_path(shared_dir: Path) -> Path:
    return shared_dir / "cases" / "dev.jsonl"


@pytest.fixture(scope="session")
def seeds(shared_dir: Path) -> dict[str, str]:
    """Seed text by its 3-digit id ("000" ... "004")."""
    return {
        path.name[:3]: path.read_text(encoding="utf-8")
        for path in sorted((shared_dir / "seeds").glob("*.txt"))
    }


@pytest.fixture(scope="session")
def vocabulary(shared_dir: Path) -> dict[str, Any]:
    """The shared vocabulary of ids (spec/vocabulary.yaml)."""
    data: dict[str, Any] = yaml.safe_load(
        (shared_dir / "spec" / "vocabulary.yaml").read_text(encoding="utf-8")
    )
    return data


# ---- databases: a fresh SQLite file always, and a fresh PostgreSQL schema when
# CRAMPCOACH_TEST_POSTGRES_URL names a server (scripts/test starts one).

POSTGRES_ENV = "CRAMPCOACH_TEST_POSTGRES_URL"
NO_POSTGRES = f"{POSTGRES_ENV} not set: run scripts/test, which starts a server"


def _libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@contextmanager
def fresh_postgres_schema() -> Iterator[str]:
    """An empty schema on the test server, first on the search path; skips when there is none.

    As good as a fresh database for the code under test (servers and writer processes
    included, since the search path travels in the URL), and much quicker to make.
    """
    server = os.environ.get(POSTGRES_ENV)
    if not server:
        pytest.skip(NO_POSTGRES)
    schema = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_libpq(server), autocommit=True) as admin:
        admin.execute(f'CREATE SCHEMA "{schema}"')
    url = make_url(database.normalise_url(server)).update_query_dict(
        {"options": f"-csearch_path={schema}"}
    ).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        database.dispose(url)
        with psycopg.connect(_libpq(server), autocommit=True) as admin:
            admin.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database: the URL is the only thing a test gets."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'crampcoach.db'}"
        yield url
        database.dispose(url)
        return
    with fresh_postgres_schema() as url:
        yield url


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """An empty PostgreSQL database only, for tests about several processes sharing one."""
    with fresh_postgres_schema() as url:
        yield url


@pytest.fixture
def configured(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The settings point at the test database, as CRAMPCOACH_DATABASE_URL would."""
    monkeypatch.setenv("CRAMPCOACH_DATABASE_URL", database_url)
    monkeypatch.setenv("CRAMPCOACH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CRAMPCOACH_PROFILE", "me")
    return database_url


# ---- in CI a missing server or browser is a failure, not a skip: CI installs both
# (scripts/test), so a skip there would hide tests that silently stopped running.
REQUIRED_IN_CI = ("CRAMPCOACH_TEST_POSTGRES_URL not set", "chromium is not installed",
                  "axe-core is not installed",
                  # CI runs as root on a machine that can mount a small tmpfs.
                  "mounting a small file system needs root", "cannot mount a tmpfs here",
                  "cannot remount read-only")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("CI") and report.skipped and any(
        needed in str(report.longrepr) for needed in REQUIRED_IN_CI
    ):
        report.outcome = "failed"
        report.longrepr = f"required in CI but missing: {report.longrepr}"
