"""The training record of a stored person: observed findings, the progress view and the
recent weekly volumes, read from the store in two narrow queries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from crampcoach.store import activities, log
from crampcoach.store.people import PersonRef
from crampcoach.training.findings import ObservedFinding, observe
from crampcoach.training.knowledge import load_training_knowledge
from crampcoach.training.load import WeeklyVolume, weekly_volumes
from crampcoach.training.schedule import (
    RECORD_WEEKS,
    OverSchedule,
    RecordedVolume,
    last_full_week_end,
    over_schedule,
    recorded_volume,
)
from crampcoach.training.view import TrainingView, training_view


def observed_for(session: Session, person: PersonRef,
                 as_of: dt.date | None = None) -> list[ObservedFinding]:
    """What the person's record answers, as of a day (default: today)."""
    day = as_of or dt.date.today()
    done = activities.activities_between(session, person, end=day)
    if not done:
        return []
    cramps = log.cramps_between(session, person, end=day)
    return observe(done, cramps, day)


def view_for(session: Session, person: PersonRef,
             as_of: dt.date | None = None) -> TrainingView | None:
    """Cramps against the recorded load, or None when nothing is recorded."""
    done = activities.activities_between(session, person, end=as_of)
    if not done:
        return None
    return training_view(done, log.cramps_between(session, person, end=as_of), as_of)


def recent_weekly_volumes(session: Session, person: PersonRef, as_of: dt.date | None = None,
                          weeks: int = 4) -> list[WeeklyVolume]:
    """The recorded volume per sport of the last `weeks` ISO weeks (what a load-progression
    schedule can start from); empty when nothing is recorded."""
    day = as_of or dt.date.today()
    start = day - dt.timedelta(weeks=weeks)
    done = activities.activities_between(session, person, start, day)
    return weekly_volumes(done, day, weeks) if done else []


def recorded_volume_for(session: Session, person: PersonRef,
                        today: dt.date | None = None) -> RecordedVolume | None:
    """Where a plan's volume schedule starts from the person's record, or None without one."""
    end = last_full_week_end(today or dt.date.today())
    volumes = recent_weekly_volumes(session, person, end, RECORD_WEEKS)
    return recorded_volume(volumes, load_training_knowledge().load) if volumes else None


def plan_weeks_over_schedule(session: Session, person: PersonRef, plan: Mapping[str, Any],
                             as_of: dt.date | None = None) -> list[OverSchedule]:
    """The stored plan's weeks whose recorded volume went over its schedule."""
    day = as_of or dt.date.today()
    return over_schedule(activities.activities_between(session, person, end=day), plan, day)
