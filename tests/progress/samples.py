"""Small logs for the progress tests: light records of `entries`, and store records."""

from __future__ import annotations

import datetime as dt

from crampcoach.progress.entries import Cramp, LoggedItem, LoggedSession, Scores
from crampcoach.store.records import CrampRecord, SessionRecord

MONDAY = dt.date(2024, 3, 4)  # ISO week 2024-W10

GLUTES_LEAD = (2, 6, 3)        # low back, glutes, hamstrings
HAMSTRINGS_LEAD = (2, 3, 6)


def day(offset: int) -> dt.date:
    return MONDAY + dt.timedelta(days=offset)


def item(exercise: str = "glute_bridge", felt: tuple[int, int, int] | None = GLUTES_LEAD,
         sets: int = 3, reps: int | None = 12, load_kg: float | None = None,
         hold_s: int | None = None) -> LoggedItem:
    return LoggedItem(exercise, sets, reps, hold_s, load_kg, None if felt is None else Scores(*felt))


def session(offset: int, *items: LoggedItem) -> LoggedSession:
    return LoggedSession(day(offset), items or (item(),))


def cramp(offset: int, during: str = "glute_bridge", hour: int = 19, severity: int = 5) -> Cramp:
    return Cramp(dt.datetime.combine(day(offset), dt.time(hour)), during, severity)


def session_record(offset: int, exercise: str = "glute_bridge",
                   felt: tuple[int, int, int] | None = (2, 6, 3)) -> SessionRecord:
    bridge: dict[str, object] = {"exercise": exercise, "sets": 3, "reps": 12}
    if felt is not None:
        bridge["felt"] = dict(zip(("low_back", "glutes", "hamstrings"), felt, strict=True))
    return SessionRecord.model_validate({"date": day(offset), "items": [
        {"exercise": "hip_flexor_stretch", "sets": 2, "hold_s": 30},
        bridge,
        {"exercise": "romanian_deadlift", "sets": 3, "reps": 8, "load_kg": 30.0},
    ]})


def cramp_record(offset: int, during: str = "glute_bridge", hour: int = 19) -> CrampRecord:
    return CrampRecord(occurred_at=dt.datetime.combine(day(offset), dt.time(hour)),
                       side="left", during=during, severity=6)
