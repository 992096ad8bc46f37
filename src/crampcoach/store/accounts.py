"""Accounts for the multi-user web app: coaches, their clients, sessions, tokens and invites.

A coach's clients are people in the store whose `owner` is the coach's username; a client
account points at exactly one of them. Passwords are argon2 hashes and must pass a strength
estimate (zxcvbn), not a length rule alone. Session ids, API tokens and invite links are
random secrets kept only as SHA-256 digests, so a leaked database opens nothing.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import secrets
from typing import Annotated, Literal, TypeVar

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints, ValidationError
from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
    delete,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from crampcoach.errors import InputError, from_validation_error, refuse_control_characters
from crampcoach.store import people
from crampcoach.store.models import Base, UTCDateTime, now_utc

Role = Literal["coach", "client"]
TOKEN_PREFIX = "cc_"
SESSION_DAYS = 14
INVITE_DAYS = 7
# zxcvbn's scale: 3 is "safely unguessable: moderate protection from offline attacks".
MIN_PASSWORD_SCORE = 3
# The estimate grows with the square of the length; the first 100 characters decide it.
_ESTIMATED_LENGTH = 100
_HASHER = PasswordHasher()


@functools.cache
def _dummy_hash() -> str:
    """Verifying against this when the username is unknown keeps both answers equally slow.

    Made on first use: a hash costs ~0.15 s by design, which every command importing the
    store would otherwise pay at start-up."""
    return _HASHER.hash("not a password of anyone")


def prepare_logins() -> None:
    """Make the stand-in hash now, so even the first login of an unknown name is as slow as
    any other (the multi-user server calls this when it starts)."""
    _dummy_hash()


class Account(Base):
    __tablename__ = "accounts"
    __table_args__ = (
        CheckConstraint("role IN ('coach', 'client')", name="role_known"),
        CheckConstraint(
            "(role = 'coach' AND coach_id IS NULL AND person_id IS NULL) OR "
            "(role = 'client' AND coach_id IS NOT NULL AND person_id IS NOT NULL)",
            name="client_has_coach_and_person",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(200), nullable=False, unique=True)
    password_hash: Mapped[str] = mapped_column(String(200), nullable=False)
    role: Mapped[str] = mapped_column(String(10), nullable=False)
    coach_id: Mapped[int | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), nullable=True
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), nullable=True, unique=True
    )
    # Counts password resets and "log out everywhere" (kept for the audit trail).
    epoch: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False,
                                                    default=now_utc)


class ApiToken(Base):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False, index=True
    )
    digest: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    label: Mapped[str] = mapped_column(String(100), nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False,
                                                    default=now_utc)


class WebSession(Base):
    """A logged-in browser: the cookie holds the id, the table its digest. Deleting the
    row logs that browser out, whatever copies of the cookie exist."""

    __tablename__ = "web_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False, index=True
    )
    digest: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False,
                                                    default=now_utc)
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False)


class LoginThrottle(Base):
    """Failed attempts per account name or per address; shared by every worker."""

    __tablename__ = "login_throttles"
    __table_args__ = (
        CheckConstraint("scope IN ('account', 'address', 'signup')", name="scope_known"),
        CheckConstraint("failures >= 0", name="failures_counted"),
        UniqueConstraint("scope", "key", name="uq_login_throttles_scope_key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scope: Mapped[str] = mapped_column(String(10), nullable=False)
    # A username or an address, as given (bounded, so a huge one cannot fill the table).
    key: Mapped[str] = mapped_column(String(200), nullable=False)
    failures: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False,
                                                    default=now_utc)


class Invite(Base):
    """A one-time link a coach gives a new client; used once, or expired, it opens nothing."""

    __tablename__ = "invites"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    coach_id: Mapped[int] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False, index=True
    )
    digest: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    client_name: Mapped[str] = mapped_column(String(100), nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False,
                                                    default=now_utc)
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False)
    used_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), nullable=True)


# -- input -------------------------------------------------------------------------------

Username = Annotated[str, StringConstraints(strip_whitespace=True, to_lower=True,
                                            pattern=r"^[a-z0-9][a-z0-9._@-]{2,99}$")]
Password = Annotated[str, StringConstraints(min_length=10, max_length=200),
                     AfterValidator(refuse_control_characters)]
Label = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100),
                  AfterValidator(refuse_control_characters)]
ClientName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                              max_length=100),
                       AfterValidator(refuse_control_characters)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Credentials(Strict):
    username: Username
    password: Password


class NewClient(Strict):
    name: ClientName
    username: Username
    password: Password


class InviteFor(Strict):
    name: ClientName


M = TypeVar("M", bound=BaseModel)


def checked(model: type[M], data: dict[str, object]) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise from_validation_error(exc) from None


def check_password_strength(password: str, username: str = "") -> None:
    """Refuse a password a guesser would find early: common words, repeats, the username."""
    from zxcvbn import zxcvbn

    estimate = zxcvbn(password[:_ESTIMATED_LENGTH], user_inputs=[username] if username else [])
    if estimate["score"] >= MIN_PASSWORD_SCORE:
        return
    feedback = estimate.get("feedback") or {}
    hint = feedback.get("warning") or "it is easy to guess"
    advice = " ".join(feedback.get("suggestions") or []) or "Use a few uncommon words."
    raise InputError("password", f"too easy to guess ({hint.rstrip('.').lower()}); {advice}")


# -- accounts ----------------------------------------------------------------------------


def _taken(session: Session, username: str) -> bool:
    found = session.scalar(select(Account.id).where(Account.username == username))
    return found is not None


def create_coach(session: Session, credentials: Credentials) -> Account:
    check_password_strength(credentials.password, credentials.username)
    if _taken(session, credentials.username):
        raise InputError("username", "is already taken")
    account = Account(username=credentials.username, role="coach",
                      password_hash=_HASHER.hash(credentials.password))
    return _insert(session, account)


def create_client(session: Session, coach: Account, client: NewClient) -> Account:
    """A client of `coach`, with a record in the store named `client.name`."""
    if coach.role != "coach":
        raise InputError("role", "only a coach can add clients")
    check_password_strength(client.password, client.username)
    if _taken(session, client.username):
        raise InputError("username", "is already taken")
    person = people.ensure(session, client.name, owner=coach.username)
    linked = session.scalar(select(Account.id).where(Account.person_id == person.id))
    if linked is not None:
        raise InputError("name", f"'{client.name}' already has an account")
    account = Account(username=client.username, role="client", coach_id=coach.id,
                      person_id=person.id, password_hash=_HASHER.hash(client.password))
    return _insert(session, account)


def _insert(session: Session, account: Account) -> Account:
    try:
        with session.begin_nested():
            session.add(account)
            session.flush()
    except IntegrityError:
        # Two sign-ups raced for the same name; the other one won.
        raise InputError("username", "is already taken") from None
    return account


def authenticate(session: Session, username: str, password: str) -> Account | None:
    account = account_named(session, username)
    try:
        _HASHER.verify(account.password_hash if account else _dummy_hash(), password)
    except (VerificationError, InvalidHashError):
        return None
    if account is None:
        return None
    if _HASHER.check_needs_rehash(account.password_hash):
        account.password_hash = _HASHER.hash(password)
    return account


def account_named(session: Session, username: str) -> Account | None:
    if not username.isprintable():
        return None  # no account has such a name, and PostgreSQL refuses NUL in a query
    return session.scalars(
        select(Account).where(Account.username == username.strip().lower()[:200])
    ).one_or_none()


def account_by_id(session: Session, account_id: int) -> Account | None:
    return session.get(Account, account_id)


def all_accounts(session: Session) -> list[Account]:
    return list(session.scalars(select(Account).order_by(Account.role, Account.username)))


def client_accounts(session: Session, coach: Account) -> list[Account]:
    return list(session.scalars(
        select(Account).where(Account.coach_id == coach.id).order_by(Account.username)
    ))


def set_password(session: Session, account: Account, password: str) -> None:
    """A new password; every session and API token of the account stops working."""
    checked(Credentials, {"username": account.username, "password": password})
    check_password_strength(password, account.username)
    account.password_hash = _HASHER.hash(password)
    log_out_everywhere(session, account)


def remove_account(session: Session, account: Account) -> None:
    """Delete the account (a coach's clients' logins go with it; their records stay)."""
    session.delete(account)
    session.flush()


def log_out_everywhere(session: Session, account: Account) -> None:
    """End every session of the account and revoke its API tokens."""
    account.epoch += 1
    session.execute(delete(WebSession).where(WebSession.account_id == account.id))
    session.execute(delete(ApiToken).where(ApiToken.account_id == account.id))


# -- secrets kept as digests -------------------------------------------------------------


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _plausible(secret: str) -> bool:
    return 0 < len(secret) <= 200 and secret.isascii() and secret.isprintable()


# -- browser sessions --------------------------------------------------------------------


def start_session(session: Session, account: Account) -> str:
    """A new session id for the cookie; only its digest is stored."""
    plain = secrets.token_urlsafe(32)
    now = now_utc()
    # Expired sessions of this account are cleared on the way, so the table stays small.
    session.execute(delete(WebSession).where(WebSession.account_id == account.id,
                                             WebSession.expires_at < now))
    session.add(WebSession(account_id=account.id, digest=_digest(plain), created_at=now,
                           expires_at=now + dt.timedelta(days=SESSION_DAYS)))
    session.flush()
    return plain


def account_for_session(session: Session, plain: str) -> Account | None:
    if not _plausible(plain):
        return None
    found = session.scalars(
        select(WebSession).where(WebSession.digest == _digest(plain))
    ).one_or_none()
    if found is None or found.expires_at <= now_utc():
        return None
    return session.get(Account, found.account_id)


def end_session(session: Session, plain: str) -> None:
    if _plausible(plain):
        session.execute(delete(WebSession).where(WebSession.digest == _digest(plain)))


# -- API tokens --------------------------------------------------------------------------


class TokenLabel(Strict):
    label: Label


def issue_token(session: Session, account: Account, label: str) -> tuple[ApiToken, str]:
    """A new token; the plain text is returned once and never stored."""
    plain = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(account_id=account.id, digest=_digest(plain),
                     label=checked(TokenLabel, {"label": label}).label)
    session.add(token)
    session.flush()
    return token, plain


def account_for_token(session: Session, plain: str) -> Account | None:
    if not plain.startswith(TOKEN_PREFIX) or not _plausible(plain):
        return None
    token = session.scalars(
        select(ApiToken).where(ApiToken.digest == _digest(plain))
    ).one_or_none()
    return None if token is None else session.get(Account, token.account_id)


def tokens_of(session: Session, account: Account) -> list[ApiToken]:
    return list(session.scalars(
        select(ApiToken).where(ApiToken.account_id == account.id).order_by(ApiToken.id)
    ))


def revoke_token(session: Session, account: Account, token_id: int) -> bool:
    token = session.get(ApiToken, token_id)
    if token is None or token.account_id != account.id:
        return False
    session.delete(token)
    return True


# -- invites -----------------------------------------------------------------------------


def invite_client(session: Session, coach: Account, name: str) -> str:
    """A one-time secret for a link that lets a new client of `coach` choose a login."""
    if coach.role != "coach":
        raise InputError("role", "only a coach can invite clients")
    wanted = checked(InviteFor, {"name": name})
    person = people.find(session, wanted.name, coach.username)
    if person is not None and session.scalar(
            select(Account.id).where(Account.person_id == person.id)) is not None:
        raise InputError("name", f"'{wanted.name}' already has an account")
    plain = secrets.token_urlsafe(32)
    now = now_utc()
    session.add(Invite(coach_id=coach.id, digest=_digest(plain), client_name=wanted.name,
                       created_at=now, expires_at=now + dt.timedelta(days=INVITE_DAYS)))
    session.flush()
    return plain


def open_invite(session: Session, plain: str) -> Invite | None:
    """The invite behind a link, if it is unused and not expired."""
    if not _plausible(plain):
        return None
    invite = session.scalars(select(Invite).where(Invite.digest == _digest(plain))).one_or_none()
    if invite is None or invite.used_at is not None or invite.expires_at <= now_utc():
        return None
    return invite


def accept_invite(session: Session, plain: str, username: str, password: str) -> Account:
    """The client's account from an invite; the link works once."""
    invite = open_invite(session, plain)
    if invite is None:
        raise InputError("invite", "this link has been used or has expired; ask your coach "
                                   "for a new one")
    coach = session.get(Account, invite.coach_id)
    if coach is None:
        raise InputError("invite", "the coach who sent this link no longer has an account")
    client = checked(NewClient, {"name": invite.client_name, "username": username,
                                 "password": password})
    # Marked used only if still unused: of two simultaneous acceptances one wins.
    marked = session.execute(
        update(Invite).where(Invite.id == invite.id, Invite.used_at.is_(None))
        .values(used_at=now_utc()).execution_options(synchronize_session=False))
    if getattr(marked, "rowcount", 0) != 1:
        raise InputError("invite", "this link has just been used")
    return create_client(session, coach, client)
