"""Read what the progress summary needs from the store, in a few narrow queries.

The log is read column by column into the light records of `entries` (one query for the
session items, one for the cramps), which keeps `progress` well under a second with ten
thousand sessions. The case and plan come through the store's own version functions.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from crampcoach.case import parse_case
from crampcoach.progress.entries import Cramp, LoggedItem, LoggedSession, Scores
from crampcoach.progress.knowledge import ProgressKnowledge
from crampcoach.progress.summary import ProgressContext, ProgressSummary, progress_summary
from crampcoach.store import versions
from crampcoach.store.log import date_filter, moment_filter
from crampcoach.store.models import CrampEvent, PlanVersion, SessionItem, SessionLog
from crampcoach.store.people import PersonRef


def read_log(session: Session, person: PersonRef, until: dt.date | None = None,
             ) -> tuple[list[LoggedSession], list[Cramp]]:
    """The person's sessions (oldest first, items in order) and cramps, up to `until`."""
    logs, items_table = SessionLog.__table__.c, SessionItem.__table__.c
    # Core columns, not ORM entities: no identity map, and rows come back as plain tuples.
    # Ordered by the (person, date) index and the row id, so SQLite needs no sort.
    rows = session.connection().execute(
        select(logs.id, logs.date, items_table.exercise, items_table.sets, items_table.reps,
               items_table.hold_s, items_table.load_kg, items_table.felt_low_back,
               items_table.felt_glutes, items_table.felt_hamstrings)
        .join_from(SessionLog.__table__, SessionItem.__table__,
                   items_table.session_log_id == logs.id)
        .where(logs.person_id == person.id, *date_filter(logs.date, None, until))
        .order_by(logs.date, logs.id, items_table.position)
    ).all()
    sessions: list[LoggedSession] = []
    items: list[LoggedItem] = []
    current: tuple[int, dt.date] | None = None
    for log_id, day, exercise, sets, reps, hold_s, load_kg, low_back, glutes, hamstrings in rows:
        if current is None or current[0] != log_id:
            if current is not None:
                sessions.append(LoggedSession(current[1], tuple(items)))
            current, items = (log_id, day), []
        # The schema stores the three scores together or not at all.
        felt = (Scores(low_back, glutes, hamstrings)
                if low_back is not None and glutes is not None and hamstrings is not None else None)
        items.append(LoggedItem(exercise, sets, reps, hold_s, load_kg, felt))
    if current is not None:
        sessions.append(LoggedSession(current[1], tuple(items)))
    cramp_columns = CrampEvent.__table__.c
    cramps = [
        Cramp(occurred_at, during, severity)
        for occurred_at, during, severity in session.connection().execute(
            select(cramp_columns.occurred_at, cramp_columns.during, cramp_columns.severity)
            .where(cramp_columns.person_id == person.id,
                   *moment_filter(cramp_columns.occurred_at, None, until))
            .order_by(cramp_columns.occurred_at)
        )
    ]
    return sessions, cramps


def plan_started(session: Session, person: PersonRef) -> dt.date | None:
    """The start of the person's first plan: its `start` day, else the day it was stored."""
    first = session.execute(
        select(PlanVersion.created_at, PlanVersion.document)
        .where(PlanVersion.person_id == person.id)
        .order_by(PlanVersion.version)
        .limit(1)
    ).one_or_none()
    if first is None:
        return None
    created_at, document = first
    start: Any = document.get("start") if isinstance(document, dict) else None
    if isinstance(start, str):
        try:
            return dt.date.fromisoformat(start)
        except ValueError:
            pass  # not a day: fall back to when the plan was stored
    day: dt.date = created_at.date()
    return day


def read_context(session: Session, person: PersonRef) -> ProgressContext:
    """The latest stored case and plan, and when the first plan started."""
    assessment = versions.latest_assessment(session, person)
    plan = versions.latest_plan(session, person)
    return ProgressContext(
        case=parse_case(assessment.case) if assessment is not None else None,
        plan_document=plan.document if plan is not None else None,
        plan_started=plan_started(session, person),
        profile=person.name,
    )


def progress_for(session: Session, person: PersonRef, *, as_of: dt.date | None = None,
                 knowledge: ProgressKnowledge | None = None) -> ProgressSummary:
    """The progress summary of a stored person, as of a day (default: their last logged day)."""
    from crampcoach.training.record import plan_weeks_over_schedule, view_for
    from crampcoach.training.schedule import over_schedule_says

    sessions, cramps = read_log(session, person, as_of)
    context = read_context(session, person)
    summary = progress_summary(sessions, cramps, context, as_of=as_of, knowledge=knowledge)
    training = view_for(session, person, as_of)
    if training is None:
        return summary
    if context.plan_document is not None:
        over = plan_weeks_over_schedule(session, person, context.plan_document,
                                        as_of or training.last_day)
        training = training.model_copy(update={
            "over_schedule": over, "says": [*training.says, *over_schedule_says(over)]})
    if summary.triage_level == "urgent":  # no exercise at all: no training advice either
        training = training.model_copy(update={"advice": []})
    return summary.model_copy(update={"training": training})
