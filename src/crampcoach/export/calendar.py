"""The plan as an iCalendar file (RFC 5545): one event per session, each with a reminder."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, time, timedelta

from icalendar import Alarm, Calendar, Event

from crampcoach.errors import InputError
from crampcoach.export.handout import dose_text
from crampcoach.plan.models import Plan, PlannedSession

SESSION_TIME = time(18, 0)        # local, floating: a plan has no time zone of its own
REMINDER_BEFORE = timedelta(minutes=30)


def plan_key(plan: Plan) -> str:
    """A short, stable fingerprint of the plan, for ids that stay the same on re-export."""
    return hashlib.sha256(plan.model_dump_json().encode()).hexdigest()[:16]


def _description(session: PlannedSession, disclaimer: str) -> str:
    lines = [f"Week {session.week}, {session.phase}: about {session.minutes} minutes.", ""]
    for item in session.items:
        gentle = ", gently" if item.intensity == "gentle" else ""
        lines.append(f"- {item.name}: {dose_text(item)}{gentle}")
        lines += [f"    {cue}" for cue in item.cues[:2]]
    return "\n".join([*lines, "", disclaimer])


def render_ics(plan: Plan, *, at: time = SESSION_TIME, now: datetime | None = None) -> bytes:
    if plan.start is None:
        raise InputError("--start", "a calendar needs the plan's start date (YYYY-MM-DD)")
    sessions = plan.sessions()
    if not sessions:
        raise InputError("--format", "this plan holds no sessions to put in a calendar; "
                         "follow its advice on where to get help")
    stamp = now or datetime.now(UTC)
    key = plan_key(plan)
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
    ics: bytes = cal.to_ical()
    return ics
