"""The training record of a stored person: observed findings, the progress view and the
recent weekly volumes, read from the store in two narrow queries."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from crampcoach.store import activities, log
from crampcoach.store.people import PersonRef
from crampcoach.training.findings import ObservedFinding, observe
from crampcoach.training.load import WeeklyVolume, weekly_volumes
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
