"""Accounts for the multi-user web app: coaches, their clients, and API tokens.

A coach's clients are people in the store whose `owner` is the coach's username; a client
account points at exactly one of them. Passwords are argon2 hashes; API tokens are kept
only as SHA-256 digests, so a leaked database does not leak working tokens.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import Annotated, Literal, TypeVar

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError
from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from crampcoach.errors import InputError, from_validation_error
from crampcoach.store import people
from crampcoach.store.models import Base, UTCDateTime, now_utc

Role = Literal["coach", "client"]
TOKEN_PREFIX = "cc_"
_HASHER = PasswordHasher()
# Verifying against this when the username is unknown keeps both answers equally slow.
_DUMMY_HASH = _HASHER.hash("not a password of anyone")


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
    # Bumped to void every session cookie issued before (log out everywhere).
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


# -- input -------------------------------------------------------------------------------

Username = Annotated[str, StringConstraints(strip_whitespace=True, to_lower=True,
                                            pattern=r"^[a-z0-9][a-z0-9._@-]{2,99}$")]
Password = Annotated[str, StringConstraints(min_length=10, max_length=200)]
Label = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
ClientName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                              max_length=100)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Credentials(Strict):
    username: Username
    password: Password


class NewClient(Strict):
    name: ClientName
    username: Username
    password: Password


M = TypeVar("M", bound=BaseModel)


def checked(model: type[M], data: dict[str, object]) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise from_validation_error(exc) from None


# -- accounts ----------------------------------------------------------------------------


def _taken(session: Session, username: str) -> bool:
    found = session.scalar(select(Account.id).where(Account.username == username))
    return found is not None


def create_coach(session: Session, credentials: Credentials) -> Account:
    if _taken(session, credentials.username):
        raise InputError("username", "is already taken")
    account = Account(username=credentials.username, role="coach",
                      password_hash=_HASHER.hash(credentials.password))
    return _insert(session, account)


def create_client(session: Session, coach: Account, client: NewClient) -> Account:
    """A client of `coach`, with a record in the store named `client.name`."""
    if coach.role != "coach":
        raise InputError("role", "only a coach can add clients")
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
    account = session.scalars(
        select(Account).where(Account.username == username.strip().lower())
    ).one_or_none()
    try:
        _HASHER.verify(account.password_hash if account else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if account is None:
        return None
    if _HASHER.check_needs_rehash(account.password_hash):
        account.password_hash = _HASHER.hash(password)
    return account


def account_by_id(session: Session, account_id: int) -> Account | None:
    return session.get(Account, account_id)


def client_accounts(session: Session, coach: Account) -> list[Account]:
    return list(session.scalars(
        select(Account).where(Account.coach_id == coach.id).order_by(Account.username)
    ))


def log_out_everywhere(session: Session, account: Account) -> None:
    account.epoch += 1


# -- API tokens --------------------------------------------------------------------------


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(session: Session, account: Account, label: str) -> tuple[ApiToken, str]:
    """A new token; the plain text is returned once and never stored."""
    plain = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(account_id=account.id, digest=_digest(plain),
                     label=checked(TokenLabel, {"label": label}).label)
    session.add(token)
    session.flush()
    return token, plain


class TokenLabel(Strict):
    label: Label


def account_for_token(session: Session, plain: str) -> Account | None:
    if not plain.startswith(TOKEN_PREFIX) or len(plain) > 200:
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
