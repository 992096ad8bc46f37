"""The progress of a stored person, read from a real database."""

from __future__ import annotations

from crampcoach.case import parse_case
from crampcoach.cli.plan import plan_for
from crampcoach.progress.reading import plan_started, progress_for, read_context, read_log
from crampcoach.progress.summary import progress_summary
from crampcoach.reasoning import assess
from crampcoach.store import database, log, people, versions

from .samples import MONDAY, cramp_record, day, session_record

CASE = {"findings": {"trigger_bridge_or_hip_thrust": True, "feel_hamstrings_more_than_glutes": True}}


def test_progress_of_a_stored_person_matches_the_summary_of_their_records(
        database_url: str) -> None:
    with database.transaction(database_url) as session:
        me = people.ensure(session, "me")
        other = people.ensure(session, "someone else")
        for offset in (0, 2, 4, 8, 9, 15):
            log.add_session(session, me, session_record(offset))
        log.add_session(session, me, session_record(9, "shoulder_elevated_glute_bridge"))
        log.add_session(session, other, session_record(1, felt=(0, 1, 9)))
        log.add_cramp(session, me, cramp_record(9, "shoulder_elevated_glute_bridge"))
        log.add_cramp(session, me, cramp_record(16, "sleep", hour=3))
    with database.reading(database_url) as session:
        me = people.require(session, "me")
        stored = progress_for(session, me)
        expected = progress_summary(log.sessions_between(session, me),
                                    log.cramps_between(session, me), read_context(session, me))
        sessions, cramps = read_log(session, me, until=day(8))
    assert stored == expected
    assert stored.profile == "me" and (stored.sessions, stored.cramps) == (7, 2)
    assert [(w.week, w.ladder_step) for w in stored.weeks] == [("2024-W10", 2), ("2024-W11", 1),
                                                              ("2024-W12", 1)]
    assert [len(s.items) for s in sessions] == [3, 3, 3, 3] and cramps == []
    assert sessions[0].items[1].felt is not None and sessions[0].items[0].felt is None


def test_the_stored_plan_caps_the_ladder_and_starts_the_escalation_count(
        database_url: str) -> None:
    # Bruising suspects torn fibres: the plan blocks the loaded rungs from step 3 on.
    case = parse_case({"findings": {**CASE["findings"], "bruising": True}})
    plan = plan_for(case, start=MONDAY)
    with database.transaction(database_url) as session:
        me = people.ensure(session, "me")
        versions.add_assessment(session, me, case, assess(case).to_contract())
        versions.add_plan(session, me, plan.to_contract(), reason="first plan")
        for offset in range(0, 14):
            log.add_session(session, me, session_record(offset, "shoulder_elevated_glute_bridge"
                                                        if offset >= 3 else "glute_bridge"))
        for week in range(4):
            log.add_cramp(session, me, cramp_record(7 * week + 6, "sleep", hour=2))
    with database.reading(database_url) as session:
        me = people.require(session, "me")
        assert plan_started(session, me) == MONDAY
        summary = progress_for(session, me, as_of=day(7 * 3 + 6))
    assert summary.ladder is not None and (summary.ladder.step, summary.ladder.top) == (2, 2)
    assert "does not allow step 3" in summary.ladder.says
    assert summary.escalation is not None and summary.escalation.persists
    assert summary.escalation.level_before == "see_physio"
    assert summary.escalation.level_after == "see_doctor" and summary.triage_level == "see_doctor"


def test_without_a_plan_the_first_plan_start_is_unknown(database_url: str) -> None:
    with database.transaction(database_url) as session:
        me = people.ensure(session, "me")
        assert plan_started(session, me) is None
        context = read_context(session, me)
    assert (context.case, context.plan_document, context.profile) == (None, None, "me")


def test_a_plan_without_a_start_day_started_when_it_was_stored(database_url: str) -> None:
    with database.transaction(database_url) as session:
        me = people.ensure(session, "me")
        stored = versions.add_plan(session, me, {"phase": "prevention", "start": None})
        assert plan_started(session, me) == stored.created_at.date()
