"""Observed findings from the record, cramps placed in their sessions, and the assessment that
uses them: the person's own answers win, and the record's are said to come from the record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from crampcoach.case import Case, parse_case
from crampcoach.reasoning import assess
from crampcoach.store.records import ActivityRecord
from crampcoach.training.findings import SOURCE_WORDS, ObservedFinding, observe, with_observed
from crampcoach.training.knowledge import load_training_knowledge
from crampcoach.training.placement import place_cramps
from crampcoach.training.view import training_view

from .records import MONDAY, CrampAt, activity, weeks_of

K = load_training_knowledge()
SIX_WEEKS_LATER = MONDAY + dt.timedelta(weeks=5, days=6)


def found(done: Sequence[ActivityRecord], cramps: Sequence[CrampAt] = (),
          as_of: dt.date = SIX_WEEKS_LATER) -> dict[str, ObservedFinding]:
    return {o.finding: o for o in observe(done, cramps, as_of)}


def test_a_30_to_50_km_jump_is_a_recent_increase_with_its_numbers() -> None:
    observed = found(weeks_of([30, 30, 30, 30, 30, 50]))["recent_training_increase"]
    assert observed.numbers["before"] == 30 and observed.numbers["after"] == 50
    assert observed.numbers["measure"] == "km" and observed.numbers["sport"] == "running"
    assert "30 km to 50 km" in observed.says and observed.source_words == SOURCE_WORDS


def test_steady_training_and_an_old_spike_give_no_increase() -> None:
    assert "recent_training_increase" not in found(weeks_of([30, 31, 32, 33, 34, 35]))
    # The jump was nine weeks before the day asked about: no longer recent.
    late = SIX_WEEKS_LATER + dt.timedelta(weeks=5)
    assert "recent_training_increase" not in found(weeks_of([30, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50]),
                                                   as_of=late)


def test_a_session_over_90_minutes_in_the_last_weeks_is_a_long_session() -> None:
    done = [*weeks_of([30] * 6), activity(SIX_WEEKS_LATER - dt.timedelta(days=1), 125, 22)]
    observed = found(done)["long_or_intense_sessions"]
    assert observed.numbers == {"long_sessions": 1, "weeks": 4, "longest_minutes": 125,
                                "over_minutes": 90}
    assert "long_or_intense_sessions" not in found(weeks_of([30] * 6))


def test_cramps_mostly_in_hot_sessions_are_cramps_in_the_heat() -> None:
    hot = [activity(MONDAY + dt.timedelta(days=d), 60, 10, temperature=30) for d in (0, 2)]
    cool = [activity(MONDAY + dt.timedelta(days=4), 60, 10, temperature=12)]
    cramps = [CrampAt(a.start + dt.timedelta(minutes=50)) for a in [*hot, *cool]]
    observed = found([*hot, *cool], cramps)["cramp_in_hot_conditions"]
    assert observed.numbers["hot_cramps"] == 2 and observed.numbers["cramps_in_sessions"] == 3
    assert "cramp_in_hot_conditions" not in found([*hot, *cool], cramps[1:])


def test_a_restart_after_a_break_of_four_weeks_is_returning_to_exercise() -> None:
    done = weeks_of([20, 20, 0, 0, 0, 0, 15, 18])
    observed = found(done, as_of=MONDAY + dt.timedelta(weeks=7, days=6))["new_or_returning_to_exercise"]
    assert observed.numbers["gap_days"] >= 28
    assert "new_or_returning_to_exercise" not in found(weeks_of([20, 20, 0, 0, 15, 18]))


def test_a_cramp_is_placed_in_its_session_with_minutes_in_sport_and_heat() -> None:
    run = activity(MONDAY, 60, 10, temperature=29)
    placed = place_cramps([CrampAt(run.start + dt.timedelta(minutes=48)),
                           CrampAt(run.start + dt.timedelta(minutes=63)),   # within the slack
                           CrampAt(run.start + dt.timedelta(minutes=80)),   # after the session
                           CrampAt(run.start - dt.timedelta(minutes=1))], [run], K)
    assert [(p.minutes_into, p.sport, p.hot, p.late) for p in placed] == [
        (48, "running", True, True), (63, "running", True, True)]


def test_progress_view_shows_cramps_late_in_sessions_and_after_the_spike() -> None:
    done = weeks_of([30, 30, 30, 50, 45])
    late = [CrampAt(a.start + dt.timedelta(minutes=90)) for a in done[9:12]]  # of 100
    view = training_view(done, late, MONDAY + dt.timedelta(weeks=4, days=6))
    assert view is not None
    assert [w.over_rule for w in view.weeks] == [False, False, False, True, False]
    assert [w.after_spike for w in view.weeks] == [False, False, False, False, True]
    assert [w.cramps for w in view.weeks][3] == 3
    assert view.late_cramps == 3 and view.cramps_after_spike == 3
    assert any("late in sessions" in s for s in view.says) and view.advice


def test_assessment_silent_on_load_ranks_the_record_s_load_spike_first() -> None:
    case = parse_case({"findings": {"cramp_during_exercise": True}})
    without = assess(case)
    # Five runs a week: the 50 km week has no session over 90 minutes.
    merged, used = with_observed(case, observe(weeks_of([30, 30, 30, 30, 30, 50], runs=5), [],
                                                SIX_WEEKS_LATER))
    assert [o.finding for o in used] == ["recent_training_increase"]
    result = assess(merged)
    assert without.causes[0].id != "training_load_spike"
    assert result.causes[0].id == "training_load_spike"
    assert result.answers["recent_training_increase"] is True


def test_the_person_s_own_answer_and_words_override_the_record() -> None:
    observed = observe(weeks_of([30, 30, 30, 30, 30, 50], runs=5), [], SIX_WEEKS_LATER)
    answered = parse_case({"findings": {"recent_training_increase": False}})
    assert with_observed(answered, observed) == (answered, [])
    told = Case(text="I have not increased my mileage")
    assert assess(told).answers["recent_training_increase"] is False  # read from the words
    assert with_observed(told, observed) == (told, [])
