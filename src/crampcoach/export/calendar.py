"""The plan as an iCalendar file (RFC 5545): one event per session, each with a reminder; the
daily routine and daily habits as one event repeating every day; each week's volume target as
an all-day event on the week's first day."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, time, timedelta

from icalendar import Alarm, Calendar, Event

from crampcoach.errors import InputError
from crampcoach.export.handout import amount_text, dose_text, phase_name, volume_line
from crampcoach.plan.models import Plan, PlannedSession

SESSION_TIME = time(18, 0)        # local, floating: a plan has no time zone of its own
ROUTINE_TIME = time(8, 0)
REMINDER_BEFORE = timedelta(minutes=30)


def plan_key(plan: Plan) -> str:
    """A short, stable fingerprint of the plan, for ids that stay the same on re-export."""
    return hashlib.sha256(plan.model_dump_json().encode()).hexdigest()[:16]


def _description(session: PlannedSession, disclaimer: str) -> str:
    lines = [f"Week {session.week}, {phase_name(session.phase)}: about {session.minutes} minutes.", ""]
    for item in session.items:
        gentle = ", gently" if item.intensity == "gentle" else ""
        lines.append(f"- {item.name}: {dose_text(item)}{gentle}")
        lines += [f"    {cue}" for cue in item.cues[:2]]
    return "\n".join([*lines, "", disclaimer])


def _daily_event(plan: Plan, key: str, stamp: datetime) -> Event | None:
    """The routine and the daily habits, one event repeating every day of the plan."""
    assert plan.start is not None
    daily = [h for h in plan.habits if h.when == "daily"]
    if plan.routine is None and not daily:
        return None
    first_day = plan.routine.start_day if plan.routine else 1
    lines = []
    if plan.routine:
        lines += [f"- {i.name}: {dose_text(i)}" for i in plan.routine.items]
    lines += [f"- {h.title}: {h.target}" for h in daily]
    title = "daily routine" if plan.routine else "daily habits"
    event = Event()
    event.add("uid", f"{key}-daily@crampcoach")
    event.add("dtstamp", stamp)
    event.add("dtstart", datetime.combine(plan.start + timedelta(days=first_day - 1), ROUTINE_TIME))
    event.add("duration", timedelta(minutes=plan.routine.minutes if plan.routine else 5))
    event.add("rrule", {"freq": "daily", "count": max(1, len(plan.weeks) * 7 - first_day + 1)})
    event.add("summary", f"crampcoach: {title}")
    event.add("description", "\n".join(["Every day, training days or not.", "", *lines, "",
                                        plan.disclaimer]))
    return event


def _volume_events(plan: Plan, key: str, stamp: datetime) -> list[Event]:
    """Each week's volume target, as an all-day event on the first day of that week."""
    if plan.volume is None or plan.start is None:
        return []
    events = []
    for week in plan.volume.weeks:
        event = Event()
        event.add("uid", f"{key}-volume{week.week}@crampcoach")
        event.add("dtstamp", stamp)
        event.add("dtstart", plan.start + timedelta(days=7 * (week.week - 1)))
        event.add("summary", f"crampcoach: week {week.week} volume "
                             f"{amount_text(week.volume)} {week.unit}")
        event.add("description", "\n".join([volume_line(week), "", plan.volume.replaces, "",
                                            plan.disclaimer]))
        events.append(event)
    return events


def render_ics(plan: Plan, *, at: time = SESSION_TIME, now: datetime | None = None) -> bytes:
    if plan.start is None:
        raise InputError("--start", "a calendar needs the plan's start date (YYYY-MM-DD)")
    sessions = plan.sessions()
    stamp = now or datetime.now(UTC)
    key = plan_key(plan)
    daily = _daily_event(plan, key, stamp)
    if not sessions and daily is None and plan.volume is None:
        if plan.habits:
            raise InputError("--format", "this plan holds no sessions or daily routine to put in a "
                             "calendar; its habits go with your own sport sessions")
        raise InputError("--format", "this plan holds no sessions to put in a calendar; "
                         "follow its advice on where to get help")
    cal = Calendar()
    cal.add("prodid", "-//crampcoach//care plan//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "crampcoach plan")
    for session in sessions:
        assert session.date is not None  # a plan with a start dates every session
        event = Event()
        event.add("uid", f"{key}-day{session.plan_day}@crampcoach")
        event.add("dtstamp", stamp)
        event.add("dtstart", datetime.combine(session.date, at))
        event.add("duration", timedelta(minutes=session.minutes))
        event.add("summary", f"crampcoach: {session.title}")
        event.add("description", _description(session, plan.disclaimer))
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"In 30 minutes: {session.title}")
        alarm.add("trigger", -REMINDER_BEFORE)
        event.add_component(alarm)
        cal.add_component(event)
    for extra in [*([daily] if daily else []), *_volume_events(plan, key, stamp)]:
        cal.add_component(extra)
    ics: bytes = cal.to_ical()
    return ics
