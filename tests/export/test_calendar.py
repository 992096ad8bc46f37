"""The calendar export: one event per session with its items and a reminder; it parses back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from icalendar import Calendar

from crampcoach.errors import InputError
from crampcoach.export.calendar import render_ics
from crampcoach.plan import PlanOptions, build_plan

from .plans import GLUTE, glute_plan, urgent_plan

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def test_calendar_parses_back_with_one_event_per_session() -> None:
    plan = glute_plan()
    cal = Calendar.from_ical(render_ics(plan, now=NOW))
    events = cal.walk("VEVENT")
    sessions = plan.sessions()
    assert len(events) == len(sessions)
    for event, session in zip(events, sessions, strict=True):
        assert event.decoded("dtstart").date() == session.date
        assert event.decoded("duration") == timedelta(minutes=session.minutes)
        description = str(event.get("description"))
        for item in session.items:
            assert item.name in description
        alarms = event.walk("VALARM")
        assert len(alarms) == 1
        assert alarms[0].decoded("trigger") == timedelta(minutes=-30)
        assert str(alarms[0].get("action")) == "DISPLAY"
    uids = [str(e.get("uid")) for e in events]
    assert len(set(uids)) == len(uids)


def test_the_same_plan_exports_the_same_calendar() -> None:
    assert render_ics(glute_plan(), now=NOW) == render_ics(glute_plan(), now=NOW)


def test_a_calendar_needs_a_start_date() -> None:
    from crampcoach.reasoning import assess

    plan = build_plan(GLUTE, assess(GLUTE), PlanOptions(weeks=1))
    with pytest.raises(InputError) as caught:
        render_ics(plan)
    assert caught.value.field == "--start"


def test_an_urgent_plan_has_no_calendar() -> None:
    with pytest.raises(InputError, match="no sessions"):
        render_ics(urgent_plan())
