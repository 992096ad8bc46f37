"""The calendar export: one event per session with its items and a reminder; it parses back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from icalendar import Calendar

from crampcoach.errors import InputError
from crampcoach.export.calendar import render_ics
from crampcoach.plan import PlanOptions, build_plan

from .plans import GLUTE, START, glute_plan, urgent_plan

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def test_calendar_parses_back_with_one_event_per_session() -> None:
    plan = glute_plan()
    cal = Calendar.from_ical(render_ics(plan, now=NOW))
    events = [e for e in cal.walk("VEVENT") if "-day" in str(e.get("uid"))]
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
    uids = [str(e.get("uid")) for e in cal.walk("VEVENT")]
    assert len(set(uids)) == len(uids)


def test_the_daily_routine_and_daily_habits_repeat_every_day_of_the_plan() -> None:
    from crampcoach.case import Case
    from crampcoach.reasoning import assess

    office = Case(findings={"sits_most_of_day": True, "tight_hip_flexors": True,
                            "cramp_while_sitting_or_resting": True, "cramp_during_exercise": False})
    plan = build_plan(office, assess(office), PlanOptions(weeks=4, start=START))
    assert plan.routine is not None
    (daily,) = [e for e in Calendar.from_ical(render_ics(plan, now=NOW)).walk("VEVENT")
                if "daily" in str(e.get("summary"))]
    assert daily.decoded("dtstart").date() == START
    assert daily.decoded("duration") == timedelta(minutes=plan.routine.minutes)
    rule = daily.get("rrule")
    assert rule["FREQ"] == ["DAILY"] and rule["COUNT"] == [28]
    description = str(daily.get("description"))
    assert all(i.name in description for i in plan.routine.items)
    assert "Break up sitting" in description


def test_each_week_of_a_volume_schedule_is_an_all_day_target() -> None:
    from crampcoach.case import Case, TrainingVolume
    from crampcoach.reasoning import assess

    runner = Case(findings={"recent_training_increase": True, "trigger_running_or_sprinting": True,
                            "cramp_during_exercise": True},
                  training_volume=TrainingVolume(current=50, unit="km", tolerated=30))
    plan = build_plan(runner, assess(runner), PlanOptions(weeks=3, start=START))
    events = [e for e in Calendar.from_ical(render_ics(plan, now=NOW)).walk("VEVENT")
              if "volume" in str(e.get("summary"))]
    assert [str(e.get("summary")) for e in events] == [
        "crampcoach: week 1 volume 30 km", "crampcoach: week 2 volume 33 km",
        "crampcoach: week 3 volume 36 km"]
    assert [e.decoded("dtstart") for e in events] == [
        START, START + timedelta(days=7), START + timedelta(days=14)]


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
