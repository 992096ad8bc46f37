"""Per-ISO-week figures for the progress views: cramps, sessions and where work was felt.

The figures are summed in Python from a narrow query, the same way on SQLite and
PostgreSQL (their date functions differ). Every week of the range is listed, including
weeks with nothing logged, so charts show the gaps.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crampcoach.store.log import date_filter, moment_filter
from crampcoach.store.models import CrampEvent, SessionItem, SessionLog
from crampcoach.store.people import PersonRef


@dataclass(frozen=True, order=True)
class IsoWeek:
    year: int
    week: int

    @classmethod
    def of(cls, day: dt.date) -> IsoWeek:
        year, week, _ = day.isocalendar()
        return cls(year, week)

    @property
    def monday(self) -> dt.date:
        return dt.date.fromisocalendar(self.year, self.week, 1)

    def next(self) -> IsoWeek:
        return IsoWeek.of(self.monday + dt.timedelta(days=7))

    def __str__(self) -> str:
        return f"{self.year}-W{self.week:02d}"


@dataclass
class WeekSummary:
    """One week of the log. `felt_*` are sums over items that recorded where work was felt."""

    week: IsoWeek
    sessions: int = 0
    items: int = 0
    cramps: int = 0
    worst_cramp: int | None = None
    felt_items: int = 0
    felt_low_back: int = 0
    felt_glutes: int = 0
    felt_hamstrings: int = 0
    exercises: dict[str, int] = field(default_factory=dict)  # items logged per exercise
    heaviest_kg: dict[str, float] = field(default_factory=dict)  # top load per exercise


def weeks_between(start: dt.date, end: dt.date) -> list[IsoWeek]:
    """Every ISO week touching the days from `start` to `end`."""
    weeks: list[IsoWeek] = []
    week, last = IsoWeek.of(start), IsoWeek.of(end)
    while week <= last:
        weeks.append(week)
        week = week.next()
    return weeks


def cramps_per_week(
    session: Session,
    person: PersonRef,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> list[tuple[IsoWeek, int]]:
    """How many cramps each ISO week had, zeros included; the range defaults to the
    person's first and last cramp."""
    days = session.scalars(
        select(CrampEvent.occurred_at).where(
            CrampEvent.person_id == person.id, *moment_filter(CrampEvent.occurred_at, start, end)
        )
    ).all()
    counts: dict[IsoWeek, int] = {}
    for moment in days:
        week = IsoWeek.of(moment.date())
        counts[week] = counts.get(week, 0) + 1
    span = _span(start, end, [moment.date() for moment in days])
    if span is None:
        return []
    return [(week, counts.get(week, 0)) for week in weeks_between(*span)]


def weekly_summary(
    session: Session,
    person: PersonRef,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> list[WeekSummary]:
    """Sessions, items, cramps and felt sums per ISO week over the range (default: all)."""
    item_rows = session.execute(
        select(
            SessionLog.id, SessionLog.date, SessionItem.exercise, SessionItem.load_kg,
            SessionItem.felt_low_back, SessionItem.felt_glutes, SessionItem.felt_hamstrings,
        )
        .join(SessionItem, SessionItem.session_log_id == SessionLog.id)
        .where(SessionLog.person_id == person.id, *date_filter(SessionLog.date, start, end))
    ).all()
    cramp_rows = session.execute(
        select(CrampEvent.occurred_at, CrampEvent.severity).where(
            CrampEvent.person_id == person.id, *moment_filter(CrampEvent.occurred_at, start, end)
        )
    ).all()
    days = [row.date for row in item_rows] + [row.occurred_at.date() for row in cramp_rows]
    span = _span(start, end, days)
    if span is None:
        return []
    weeks = {week: WeekSummary(week) for week in weeks_between(*span)}
    seen_logs: set[int] = set()
    for log_id, day, exercise, load_kg, low_back, glutes, hamstrings in item_rows:
        summary = weeks[IsoWeek.of(day)]
        if log_id not in seen_logs:
            seen_logs.add(log_id)
            summary.sessions += 1
        summary.items += 1
        summary.exercises[exercise] = summary.exercises.get(exercise, 0) + 1
        if load_kg is not None and load_kg > summary.heaviest_kg.get(exercise, 0.0):
            summary.heaviest_kg[exercise] = load_kg
        # The schema stores the three together or not at all.
        if low_back is not None and glutes is not None and hamstrings is not None:
            summary.felt_items += 1
            summary.felt_low_back += low_back
            summary.felt_glutes += glutes
            summary.felt_hamstrings += hamstrings
    for occurred_at, severity in cramp_rows:
        summary = weeks[IsoWeek.of(occurred_at.date())]
        summary.cramps += 1
        summary.worst_cramp = max(summary.worst_cramp or 0, severity)
    return list(weeks.values())


def logged_range(session: Session, person: PersonRef) -> tuple[dt.date, dt.date] | None:
    """The first and last day with a session or a cramp, or None for an empty log."""
    first_session, last_session = session.execute(
        select(func.min(SessionLog.date), func.max(SessionLog.date)).where(
            SessionLog.person_id == person.id
        )
    ).one()
    first_cramp, last_cramp = session.execute(
        select(func.min(CrampEvent.occurred_at), func.max(CrampEvent.occurred_at)).where(
            CrampEvent.person_id == person.id
        )
    ).one()
    days = [d for d in (first_session, last_session) if d is not None]
    days += [moment.date() for moment in (first_cramp, last_cramp) if moment is not None]
    return (min(days), max(days)) if days else None


def _span(
    start: dt.date | None, end: dt.date | None, days: list[dt.date]
) -> tuple[dt.date, dt.date] | None:
    first = start if start is not None else min(days, default=None)
    last = end if end is not None else max(days, default=None)
    if first is None or last is None or first > last:
        return None
    return first, last
