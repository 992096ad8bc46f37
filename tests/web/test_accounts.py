"""Accounts: argon2 password hashes, tokens kept only as digests, clients tied to coaches."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from crampcoach.errors import InputError
from crampcoach.store import accounts, database, people

PASSWORD = "correct horse battery"


@pytest.fixture
def url(database_url: str) -> str:
    """SQLite and, when a server is given, PostgreSQL (see tests/conftest.py)."""
    return database_url


def coach(session: Session, name: str = "coach-jo") -> accounts.Account:
    return accounts.create_coach(session, accounts.Credentials(username=name, password=PASSWORD))


def test_passwords_are_stored_as_argon2_hashes(url: str) -> None:
    with database.transaction(url) as session:
        coach(session)
    with database.reading(url) as session:
        stored = session.scalars(select(accounts.Account.password_hash)).one()
        assert stored.startswith("$argon2id$") and PASSWORD not in stored
        assert accounts.authenticate(session, "coach-jo", PASSWORD) is not None
        assert accounts.authenticate(session, "COACH-JO ", PASSWORD) is not None
        assert accounts.authenticate(session, "coach-jo", PASSWORD + "!") is None
        assert accounts.authenticate(session, "nobody", PASSWORD) is None


def test_a_username_is_taken_once(url: str) -> None:
    with database.transaction(url) as session:
        coach(session)
    with database.transaction(url) as session, pytest.raises(InputError) as caught:
        coach(session)
    assert caught.value.field == "username"


def test_a_client_is_a_person_owned_by_their_coach(url: str) -> None:
    with database.transaction(url) as session:
        jo = coach(session)
        client = accounts.create_client(session, jo, accounts.NewClient(
            name="Kim", username="kim", password=PASSWORD))
        (person,) = people.list_people(session, owner="coach-jo")
        assert (person.name, client.person_id, client.coach_id) == ("Kim", person.id, jo.id)
        with pytest.raises(InputError):
            accounts.create_client(session, client, accounts.NewClient(
                name="Lee", username="lee", password=PASSWORD))


def test_tokens_are_kept_as_digests_and_can_be_revoked(url: str) -> None:
    with database.transaction(url) as session:
        jo = coach(session)
        token, plain = accounts.issue_token(session, jo, "dashboard")
        assert plain.startswith("cc_") and token.digest != plain
        assert plain not in token.digest
        token_id = token.id
    with database.transaction(url) as session:
        found = accounts.account_for_token(session, plain)
        assert found is not None and found.username == "coach-jo"
        assert accounts.account_for_token(session, plain + "x") is None
        assert accounts.revoke_token(session, found, token_id)
    with database.reading(url) as session:
        assert accounts.account_for_token(session, plain) is None


@pytest.mark.parametrize(("data", "field"), [
    ({"username": "ab", "password": PASSWORD}, "username"),
    ({"username": "Jo Smith", "password": PASSWORD}, "username"),
    ({"username": "jo", "password": "short"}, "username"),
    ({"username": "jo-smith", "password": "short"}, "password"),
    ({"username": "jo-smith", "password": PASSWORD, "admin": True}, "admin"),
])
def test_bad_credentials_are_named(data: dict[str, object], field: str) -> None:
    with pytest.raises(InputError) as caught:
        accounts.checked(accounts.Credentials, data)
    assert caught.value.field == field
