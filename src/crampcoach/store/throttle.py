"""Back-off for password guessing, kept in the database so every worker sees the same count.

Each failed login counts against the account name and against the address it came from.
After a few free failures the key is locked for a delay that doubles with every further
failure, up to a ceiling. While locked, attempts are refused without checking the password
(so guessing gains nothing); when the lock runs out, the right password works again and
clears the count.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from crampcoach.store.accounts import LoginThrottle
from crampcoach.store.models import now_utc

Scope = Literal["account", "address", "signup"]
AUDIT = logging.getLogger("crampcoach.security")


@dataclass(frozen=True)
class Policy:
    """How many failures are free, and the first and longest lockout."""

    free_failures: int
    first_delay_s: float
    max_delay_s: float

    def delay(self, failures: int) -> float:
        if failures < self.free_failures:
            return 0.0
        steps = min(failures - self.free_failures, 30)
        return float(min(self.max_delay_s, self.first_delay_s * 2 ** steps))


POLICIES: dict[Scope, Policy] = {
    # A person mistypes a few times; a guesser needs thousands of tries.
    "account": Policy(free_failures=5, first_delay_s=1, max_delay_s=900),
    # Several people may share an address (an office, a gym), so it gets more room.
    "address": Policy(free_failures=20, first_delay_s=1, max_delay_s=900),
    # Sign-ups and invite acceptances per address, counted whether they succeed or not.
    "signup": Policy(free_failures=10, first_delay_s=60, max_delay_s=3600),
}
_KEY_LENGTH = 200


def _key(key: str) -> str:
    # Control characters dropped: PostgreSQL refuses NUL, and they only hide the name.
    return "".join(c for c in key if c.isprintable()).strip().lower()[:_KEY_LENGTH]


def _row(session: Session, scope: Scope, key: str, lock: bool = False) -> LoginThrottle | None:
    query = select(LoginThrottle).where(LoginThrottle.scope == scope,
                                        LoginThrottle.key == _key(key))
    # FOR UPDATE on PostgreSQL: two workers counting at once do not lose a failure.
    return session.scalars(query.with_for_update() if lock else query).one_or_none()


def wait_seconds(session: Session, keys: dict[Scope, str], now: dt.datetime | None = None
                 ) -> int:
    """Seconds until an attempt with these keys is allowed (0: allowed now)."""
    now = now or now_utc()
    longest = 0.0
    for scope, key in keys.items():
        row = _row(session, scope, key)
        if row is not None and row.locked_until is not None and row.locked_until > now:
            longest = max(longest, (row.locked_until - now).total_seconds())
    return int(-(-longest // 1))  # whole seconds, rounded up, for Retry-After


def record_failure(session: Session, keys: dict[Scope, str], now: dt.datetime | None = None
                   ) -> None:
    """Count one failure against each key; start (and log) a lockout where one is due."""
    now = now or now_utc()
    for scope, key in keys.items():
        row = _row(session, scope, key, lock=True)
        if row is None:
            row = _insert(session, scope, key, now)
        row.failures += 1
        row.updated_at = now
        delay = POLICIES[scope].delay(row.failures)
        if delay:
            row.locked_until = now + dt.timedelta(seconds=delay)
            AUDIT.warning("lockout: %s %r locked for %d s after %d failed attempts",
                          scope, _key(key), delay, row.failures)
    session.flush()


def record_success(session: Session, keys: dict[Scope, str]) -> None:
    """A right password clears the counts of its keys."""
    for scope, key in keys.items():
        session.execute(delete(LoginThrottle).where(LoginThrottle.scope == scope,
                                                    LoginThrottle.key == _key(key)))


def _insert(session: Session, scope: Scope, key: str, now: dt.datetime) -> LoginThrottle:
    row = LoginThrottle(scope=scope, key=_key(key), failures=0, updated_at=now)
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
    except IntegrityError:
        # Another worker counted the first failure of this key at the same moment.
        found = _row(session, scope, key, lock=True)
        assert found is not None
        return found
    return row
