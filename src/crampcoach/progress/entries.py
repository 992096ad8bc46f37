"""What the progress views read from the log, as plain data.

The pure functions take anything shaped like the store's records (`StoredSession`,
`SessionRecord`, `StoredCramp`, ...) through these protocols, so tests need no database.
Reading 10,000 sessions from the database builds the light frozen records below instead
of validating every row again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol


class FeltScores(Protocol):
    """Where the work was felt, 0-10 each."""

    @property
    def low_back(self) -> int: ...
    @property
    def glutes(self) -> int: ...
    @property
    def hamstrings(self) -> int: ...


class ItemDone(Protocol):
    @property
    def exercise(self) -> str: ...
    @property
    def sets(self) -> int: ...
    @property
    def reps(self) -> int | None: ...
    @property
    def hold_s(self) -> int | None: ...
    @property
    def load_kg(self) -> float | None: ...
    @property
    def felt(self) -> FeltScores | None: ...


class SessionDone(Protocol):
    @property
    def date(self) -> dt.date: ...
    @property
    def items(self) -> Sequence[ItemDone]: ...


class CrampLogged(Protocol):
    @property
    def occurred_at(self) -> dt.datetime: ...
    @property
    def during(self) -> str: ...
    @property
    def severity(self) -> int: ...


@dataclass(frozen=True, slots=True)
class Scores:
    low_back: int
    glutes: int
    hamstrings: int


@dataclass(frozen=True, slots=True)
class LoggedItem:
    exercise: str
    sets: int
    reps: int | None = None
    hold_s: int | None = None
    load_kg: float | None = None
    felt: Scores | None = None


@dataclass(frozen=True, slots=True)
class LoggedSession:
    date: dt.date
    items: tuple[LoggedItem, ...]


@dataclass(frozen=True, slots=True)
class Cramp:
    occurred_at: dt.datetime
    during: str
    severity: int


@dataclass(frozen=True)
class Day:
    """One day of the log: the sessions dated that day and the cramps that came on it."""

    date: dt.date
    sessions: list[SessionDone]
    cramps: list[CrampLogged]


def days_of(sessions: Iterable[SessionDone], cramps: Iterable[CrampLogged],
            until: dt.date | None = None) -> Iterator[Day]:
    """The days with a session or a cramp, oldest first, up to `until` (included)."""
    by_day: dict[dt.date, Day] = {}
    for logged in sessions:
        if until is None or logged.date <= until:
            by_day.setdefault(logged.date, Day(logged.date, [], [])).sessions.append(logged)
    for cramp in sorted(cramps, key=lambda c: c.occurred_at):
        day = cramp.occurred_at.date()
        if until is None or day <= until:
            by_day.setdefault(day, Day(day, [], [])).cramps.append(cramp)
    for day in sorted(by_day):
        yield by_day[day]
