"""The web app in-process (real SQLite files) and logged-in clients for each role."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from crampcoach.store import database
from crampcoach.web import create_app

from .clients import Accounts, Client, build_accounts, make_client, settings_for


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("CRAMPCOACH_DATA_DIR", str(folder))
    monkeypatch.delenv("CRAMPCOACH_DATABASE_URL", raising=False)
    return folder


@pytest.fixture
def single_user(tmp_path: Path, data_dir: Path) -> Iterator[Client]:
    settings = settings_for(tmp_path)
    with make_client(create_app(settings)) as client:
        yield client
    database.dispose(settings.database_url)


@pytest.fixture
def accounts(tmp_path: Path, data_dir: Path) -> Iterator[Accounts]:
    yield from build_accounts(tmp_path)


@pytest.fixture(scope="module")
def shared_accounts(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Accounts]:
    """One set of accounts for a whole module (password hashing is slow on purpose)."""
    tmp = tmp_path_factory.mktemp("accounts")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CRAMPCOACH_DATA_DIR", str(tmp / "data"))
        patch.delenv("CRAMPCOACH_DATABASE_URL", raising=False)
        yield from build_accounts(tmp)
