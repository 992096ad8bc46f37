"""`crampcoach account`: web accounts made, listed, reset and removed on the command line."""

from __future__ import annotations

from typer.testing import CliRunner

from crampcoach.cli.app import app
from crampcoach.store import accounts, database

runner = CliRunner()
STRONG = "correct horse battery"


def run(*args: str, password: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=None if password is None else password + "\n")
    return result.exit_code, result.stdout, result.stderr


def test_the_first_coach_is_made_on_the_command_line_and_can_log_in() -> None:
    code, out, err = run("account", "add", "coach-anna", "--role", "coach", "--password-stdin",
                         password=STRONG)
    assert code == 0, err
    assert "coach-anna" in out
    with database.reading() as session:
        assert accounts.authenticate(session, "coach-anna", STRONG) is not None


def test_a_client_is_added_under_their_coach_and_listed() -> None:
    run("account", "add", "coach-anna", "--password-stdin", password=STRONG)
    code, _, err = run("account", "add", "kim", "--role", "client", "--coach", "coach-anna",
                       "--name", "Kim", "--password-stdin", password=STRONG)
    assert code == 0, err
    code, out, _ = run("account", "list")
    assert code == 0
    assert "kim\tclient\tclient of coach-anna" in out and "coach-anna\tcoach" in out


def test_weak_or_missing_passwords_are_refused_with_one_line() -> None:
    for password in ("password12", "aaaaaaaaaa", "coach-bo12"):
        code, _, err = run("account", "add", "coach-bo", "--password-stdin", password=password)
        assert code == 2 and err.startswith("error: password") and len(err.splitlines()) == 1
    code, _, err = run("account", "add", "coach-bo")
    assert code == 2 and "--password-stdin" in err
    code, _, err = run("account", "add", "kim", "--role", "client", "--coach", "nobody",
                       "--password-stdin", password=STRONG)
    assert code == 2 and "no coach called 'nobody'" in err


def test_reset_revokes_sessions_and_tokens_and_remove_deletes() -> None:
    run("account", "add", "coach-anna", "--password-stdin", password=STRONG)
    with database.transaction() as session:
        anna = accounts.account_named(session, "coach-anna")
        assert anna is not None
        cookie = accounts.start_session(session, anna)
        _, token = accounts.issue_token(session, anna, "script")
    code, _, err = run("account", "reset", "coach-anna", "--password-stdin",
                       password="a-sturdy-lemon-kite")
    assert code == 0, err
    with database.reading() as session:
        assert accounts.account_for_session(session, cookie) is None
        assert accounts.account_for_token(session, token) is None
        assert accounts.authenticate(session, "coach-anna", "a-sturdy-lemon-kite") is not None
        assert accounts.authenticate(session, "coach-anna", STRONG) is None
    assert run("account", "remove", "coach-anna", "--yes")[0] == 0
    code, _, err = run("account", "remove", "coach-anna", "--yes")
    assert code == 2 and "no account called" in err
