"""What may be stored, checked before any write: session logs, cramp events, notes, exports.

Every model forbids unknown keys and coerces nothing that could hide a mistake (no "3"
for 3, no true for 1). Each record carries a `uid`, made when the record is parsed, so a
retried or re-imported write is recognised instead of stored twice.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable, Collection
from typing import Annotated, Any, Literal, Self, TypeVar

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    ValidationError,
    model_validator,
)

from crampcoach.errors import InputError, from_validation_error, suggest
from crampcoach.limits import MAX_COLUMN_INT, MAX_NESTING, day_in_range, nesting_depth

EXPORT_FORMAT: Literal["crampcoach-export"] = "crampcoach-export"
EXPORT_VERSION: Literal[1] = 1
# A record dated further ahead than this is a typo, not a plan (time zones aside).
FUTURE_SLACK = dt.timedelta(days=1)
EARLIEST = dt.date(1900, 1, 1)


def new_uid() -> str:
    return uuid.uuid4().hex


def _no_control_characters(value: str) -> str:
    if any(ord(ch) < 32 and ch not in "\n\t" for ch in value):
        raise ValueError("must not contain control characters")
    return value


def _not_future_date(value: dt.date) -> dt.date:
    if value < EARLIEST:
        raise ValueError(f"must be on or after {EARLIEST.isoformat()}")
    day_in_range(value)
    if value > dt.date.today() + FUTURE_SLACK:
        raise ValueError("must not be in the future")
    return value


def _local_wall_clock(value: dt.datetime) -> dt.datetime:
    """Wall-clock time where the person was; an aware time is read in this machine's zone."""
    if value.tzinfo is not None:
        try:
            value = value.astimezone().replace(tzinfo=None)
        except (OverflowError, OSError):
            raise ValueError("is out of range") from None
    _not_future_date(value.date())
    return value


# A record's uid: 32 hex digits, as `new_uid` makes them (also checked in URL paths).
UID_PATTERN = r"^[0-9a-f]{32}$"
Uid = Annotated[str, StringConstraints(pattern=UID_PATTERN)]
Int = Annotated[int, Strict()]
Score = Annotated[int, Strict(), Field(ge=0, le=10)]
Effort = Annotated[int, Strict(), Field(ge=1, le=10)]
Version = Annotated[int, Strict(), Field(ge=1, le=MAX_COLUMN_INT)]
# What a person may write for an exercise: its id, name or a common alias; the log stores
# the id it resolves to.
ExerciseName = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64),
    AfterValidator(_no_control_characters),
]
ExerciseId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{1,63}$")]
Line = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=100),
    AfterValidator(_no_control_characters),
]
Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=5000),
    AfterValidator(_no_control_characters),
]
Name = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=100),
    AfterValidator(_no_control_characters),
]
Owner = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    AfterValidator(_no_control_characters),
]
Day = Annotated[dt.date, AfterValidator(_not_future_date)]
WallClock = Annotated[dt.datetime, AfterValidator(_local_wall_clock)]


def _storable_json(value: dict[str, Any]) -> dict[str, Any]:
    """Stored as JSON on both databases alike: finite numbers only, sanely nested."""
    try:
        json.dumps(value, allow_nan=False)
    except ValueError:
        raise ValueError("holds NaN or an infinite number; use numbers or null") from None
    if nesting_depth(value) > MAX_NESTING:
        raise ValueError(f"is nested more than {MAX_NESTING} levels deep")
    return value


JsonObject = Annotated[dict[str, Any], AfterValidator(_storable_json)]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Felt(Record):
    """Where the work was felt, each 0-10: the three "waterfalls" of hip extension."""

    low_back: Score
    glutes: Score
    hamstrings: Score


class SessionItemRecord(Record):
    """One exercise done: sets of reps or of holds, the load, and how it went."""

    exercise: ExerciseName
    sets: Annotated[int, Strict(), Field(ge=1, le=50)]
    reps: Annotated[int, Strict(), Field(ge=1, le=500)] | None = None
    hold_s: Annotated[int, Strict(), Field(ge=1, le=3600)] | None = None
    load_kg: Annotated[float, Strict(), Field(ge=0, le=1000)] | None = None
    effort: Effort | None = None
    pain: Score | None = None
    felt: Felt | None = None

    @model_validator(mode="after")
    def _has_dose(self) -> Self:
        if self.reps is None and self.hold_s is None:
            raise ValueError("give reps or hold_s (or both)")
        return self


class SessionRecord(Record):
    """A session as done; `plan_version`/`plan_week`/`plan_day` say which plan day it was."""

    uid: Uid = Field(default_factory=new_uid)
    date: Day
    plan_version: Version | None = None
    plan_week: Annotated[int, Strict(), Field(ge=1, le=520)] | None = None
    plan_day: Annotated[int, Strict(), Field(ge=1, le=7)] | None = None
    duration_min: Annotated[int, Strict(), Field(ge=1, le=1440)] | None = None
    items: list[SessionItemRecord] = Field(min_length=1, max_length=100)
    note: Text | None = None


class CrampRecord(Record):
    """A cramp. `during` is an exercise id or an activity in a few words ("sleep")."""

    uid: Uid = Field(default_factory=new_uid)
    occurred_at: WallClock
    side: Literal["left", "right", "both"]
    during: Line
    minutes_into: Annotated[int, Strict(), Field(ge=0, le=1440)] | None = None
    duration_s: Annotated[int, Strict(), Field(ge=0, le=86_400)] | None = None
    severity: Score
    eased_by: Text | None = None


SportId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z_]{1,31}$")]
Source = Literal["fit", "gpx", "tcx", "csv"]


class ActivityRecord(Record):
    """A recorded workout: what a watch or app export says about one session.

    `start` is wall-clock time where the person was. Identity is the start and the sport.
    """

    start: WallClock
    sport: SportId
    duration_s: Annotated[int, Strict(), Field(ge=1, le=7 * 86_400)]
    distance_m: Annotated[float, Field(ge=0, le=2_000_000)] | None = None
    elevation_gain_m: Annotated[float, Field(ge=0, le=100_000)] | None = None
    avg_heart_rate: Annotated[int, Strict(), Field(ge=20, le=260)] | None = None
    max_heart_rate: Annotated[int, Strict(), Field(ge=20, le=260)] | None = None
    temperature_c: Annotated[float, Field(ge=-60, le=70)] | None = None
    source: Source

    @property
    def key(self) -> tuple[dt.datetime, str]:
        return self.start, self.sport


class NoteRecord(Record):
    uid: Uid = Field(default_factory=new_uid)
    date: Day
    text: Text


# -- what comes back out ------------------------------------------------------------------


class StoredSession(SessionRecord):
    uid: Uid
    recorded_at: AwareDatetime


class StoredCramp(CrampRecord):
    uid: Uid
    recorded_at: AwareDatetime


class StoredNote(NoteRecord):
    uid: Uid
    recorded_at: AwareDatetime


class StoredActivity(ActivityRecord):
    recorded_at: AwareDatetime


class StoredAssessment(Record):
    uid: Uid
    version: Version
    created_at: AwareDatetime
    case: JsonObject
    result: JsonObject


class StoredPlan(Record):
    uid: Uid
    version: Version
    created_at: AwareDatetime
    assessment_version: Version | None = None
    reason: Text | None = None
    document: JsonObject


class PersonRecord(Record):
    name: Name
    owner: Owner | None = None
    created_at: AwareDatetime


class ExportDocument(Record):
    """All of one person's data. Importing it and exporting again gives the same document."""

    format: Literal["crampcoach-export"] = EXPORT_FORMAT
    format_version: Literal[1] = EXPORT_VERSION
    person: PersonRecord
    assessments: list[StoredAssessment] = []
    plans: list[StoredPlan] = []
    sessions: list[StoredSession] = []
    cramp_events: list[StoredCramp] = []
    notes: list[StoredNote] = []
    activities: list[StoredActivity] = []

    @model_validator(mode="after")
    def _unique(self) -> Self:
        for field in ("assessments", "plans", "sessions", "cramp_events", "notes"):
            _no_repeats(field, "uid", [r.uid for r in getattr(self, field)])
        _no_repeats("activities", "start and sport", [a.key for a in self.activities])
        _no_repeats("assessments", "version", [a.version for a in self.assessments])
        _no_repeats("plans", "version", [p.version for p in self.plans])
        return self


def _no_repeats(field: str, key: str, values: list[Any]) -> None:
    seen: set[Any] = set()
    for value in values:
        if value in seen:
            raise ValueError(f"{field}: {key} {value!r} appears twice")
        seen.add(value)


# -- parsing ------------------------------------------------------------------------------

R = TypeVar("R", bound=Record)


def parse(model: type[R], data: Any, field: str = "") -> R:
    """Validate decoded data (a dict, or a model already made) into `model` or raise InputError."""
    if isinstance(data, model):
        return data
    if isinstance(data, BaseModel):
        data = data.model_dump()
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise from_validation_error(exc, field) from None


def parse_json(model: type[R], raw: str | bytes, field: str = "") -> R:
    """Validate a JSON text into `model` (dates as ISO strings) or raise InputError."""
    try:
        return model.model_validate_json(raw)
    except ValidationError as exc:
        raise from_validation_error(exc, field) from None


def check_exercises(record: SessionRecord, known: Collection[str]) -> None:
    """Reject exercise ids the knowledge base does not know, suggesting the closest one."""
    for index, item in enumerate(record.items):
        if item.exercise not in known:
            raise InputError(
                f"items.{index}.exercise",
                f"unknown exercise id '{item.exercise}'{suggest(item.exercise, known)}",
            )


def with_exercise_ids(record: SessionRecord, exercise_id: Callable[[str, str], str]) -> SessionRecord:
    """The record with each item's exercise name replaced by the id `exercise_id` gives."""
    items = [item.model_copy(update={"exercise": exercise_id(item.exercise, f"items.{n}.exercise")})
             for n, item in enumerate(record.items)]
    return record.model_copy(update={"items": items})


def json_object(value: Any, field: str) -> JsonObject:
    """A JSON object that survives storage unchanged (no NaN, no non-string keys)."""
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json")
    if not isinstance(value, dict):
        raise InputError(field, "must be a JSON object")
    try:
        text = json.dumps(value, allow_nan=False, ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        raise InputError(field, f"not storable as JSON: {exc}") from None
    if "\\u0000" in text:
        raise InputError(field, "must not contain NUL characters")
    decoded: JsonObject = json.loads(text)
    if decoded != value:
        raise InputError(field, "does not survive a JSON round trip (keys must be strings)")
    return decoded
