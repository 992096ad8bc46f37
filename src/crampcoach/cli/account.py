"""`crampcoach account add|list|remove|reset`: web accounts made on the command line.

Sign-up on the web is closed by default, so the first coach is made here. Passwords come
from standard input (never from the command line, where other users can see them).
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from crampcoach.errors import InputError

PasswordStdin = Annotated[bool, typer.Option(
    "--password-stdin", help="Read the password from standard input (required).")]


def register(app: typer.Typer) -> None:
    account_app = typer.Typer(help="Web accounts: add, list, remove, or reset a password.",
                              no_args_is_help=True)
    account_app.command("add")(add)
    account_app.command("list")(list_accounts)
    account_app.command("remove")(remove)
    account_app.command("reset")(reset)
    app.add_typer(account_app, name="account")


def _password(from_stdin: bool) -> str:
    if not from_stdin:
        raise InputError("--password-stdin", "give the password on standard input, e.g. "
                                             "`crampcoach account add NAME --password-stdin "
                                             "< file`")
    line = sys.stdin.readline(1000)
    password = line.rstrip("\r\n")
    if not password:
        raise InputError("--password-stdin", "standard input held no password")
    return password


def add(
    username: Annotated[str, typer.Argument(help="The login name.")],
    role: Annotated[str, typer.Option("--role", help="coach or client.")] = "coach",
    coach: Annotated[str | None, typer.Option(
        "--coach", help="For a client: the coach's username.")] = None,
    name: Annotated[str | None, typer.Option(
        "--name", help="For a client: their name on the coach's list (default: the username).")
    ] = None,
    password_stdin: PasswordStdin = False,
) -> None:
    """Add an account: a coach, or a client of an existing coach."""
    from crampcoach.store import accounts, database

    if role not in ("coach", "client"):
        raise InputError("--role", f"must be coach or client, not '{role}'")
    if role == "coach" and (coach or name):
        raise InputError("--coach", "only a client has a coach (and a --name)")
    if role == "client" and not coach:
        raise InputError("--coach", "a client needs their coach's username")
    password = _password(password_stdin)
    with database.transaction() as session:
        if role == "coach":
            made = accounts.create_coach(session, accounts.checked(
                accounts.Credentials, {"username": username, "password": password}))
        else:
            found = accounts.account_named(session, coach or "")
            if found is None or found.role != "coach":
                raise InputError("--coach", f"no coach called '{coach}'")
            made = accounts.create_client(session, found, accounts.checked(
                accounts.NewClient, {"name": name or username, "username": username,
                                     "password": password}))
        typer.echo(f"Added the {made.role} account '{made.username}'.")


def list_accounts() -> None:
    """List the accounts: username, role, and a client's coach."""
    from crampcoach.store import accounts, database

    with database.reading() as session:
        found = accounts.all_accounts(session)
        names = {a.id: a.username for a in found}
        rows = [(a.username, a.role, names.get(a.coach_id or 0, "")) for a in found]
    if not rows:
        typer.echo("No accounts yet: `crampcoach account add NAME --role coach "
                   "--password-stdin`.")
        return
    for username, role, coach in rows:
        typer.echo(f"{username}\t{role}" + (f"\tclient of {coach}" if coach else ""))


def remove(
    username: Annotated[str, typer.Argument(help="The login name.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Remove an account (a coach's client logins go with it; the records stay)."""
    from crampcoach.store import accounts, database

    if not yes and not typer.confirm(f"Remove the account '{username}'?", default=False):
        typer.echo("Nothing removed.")
        raise typer.Exit(1)
    with database.transaction() as session:
        found = accounts.account_named(session, username)
        if found is None:
            raise InputError("USERNAME", f"no account called '{username}'")
        accounts.remove_account(session, found)
    typer.echo(f"Removed the account '{username}'.")


def reset(
    username: Annotated[str, typer.Argument(help="The login name.")],
    password_stdin: PasswordStdin = False,
) -> None:
    """Set a new password; the account is logged out everywhere and its API tokens revoked."""
    from crampcoach.store import accounts, database

    password = _password(password_stdin)
    with database.transaction() as session:
        found = accounts.account_named(session, username)
        if found is None:
            raise InputError("USERNAME", f"no account called '{username}'")
        accounts.set_password(session, found, password)
    typer.echo(f"New password set for '{username}'; its sessions and API tokens are revoked.")
