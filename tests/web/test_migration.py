"""The accounts migration builds exactly the tables declared in crampcoach.store.accounts."""

from __future__ import annotations

import warnings
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from crampcoach.store import accounts, database, exports
from crampcoach.store.models import Base

OURS = {model.__tablename__ for model in (accounts.Account, accounts.ApiToken,
                                          accounts.WebSession, accounts.LoginThrottle,
                                          accounts.Invite, exports.ExportFile)}


@pytest.fixture
def url(database_url: str) -> str:
    """SQLite and, when a server is given, PostgreSQL (see tests/conftest.py)."""
    return database_url


def test_the_migrated_account_tables_match_the_models(url: str) -> None:
    eng = database.engine(url)

    def ours(obj: Any, name: str | None, kind: str, reflected: bool, other: Any) -> bool:
        table = name if kind == "table" else getattr(getattr(obj, "table", None), "name", None)
        return table in OURS

    with eng.connect() as conn, warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*expression-based index.*")
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_object": ours})
        assert compare_metadata(context, Base.metadata) == []
    assert set(inspect(eng).get_table_names()) >= OURS


def test_the_accounts_migration_can_be_undone_and_redone(url: str) -> None:
    eng = database.connect(url)
    try:
        database.upgrade(eng)
        with eng.begin() as conn:
            config = database.alembic_config()
            config.attributes["connection"] = conn
            from alembic import command

            command.downgrade(config, "0002")
        assert not OURS & set(inspect(eng).get_table_names())
        database.upgrade(eng)
        assert set(inspect(eng).get_table_names()) >= OURS
    finally:
        eng.dispose()
