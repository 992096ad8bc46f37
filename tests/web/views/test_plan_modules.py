"""The plan page shows each cause's module in words: the weekly volume schedule, the daily
routine, the acute care with its return-to-run checks, the habits and the guidance."""

from __future__ import annotations

from crampcoach.case import Case, TrainingVolume
from crampcoach.plan import PlanOptions, build_plan
from crampcoach.reasoning import assess

from ..clients import Client
from .test_plain_pages import _leaks

RUNNER = [("answered", "recent_training_increase:yes"),
          ("answered", "trigger_running_or_sprinting:yes"),
          ("answered", "cramp_during_exercise:yes"), ("answered", "cramp_late_in_session:no"),
          ("age", "38")]
RUNNER_VOLUME = [("volume_current", "50"), ("volume_unit", "km"), ("volume_tolerated", "30")]
OFFICE = [("answered", "sits_most_of_day:yes"), ("answered", "tight_hip_flexors:yes"),
          ("answered", "cramp_while_sitting_or_resting:yes"),
          ("answered", "cramp_during_exercise:no"), ("age", "45")]
STRAIN = [("answered", "cramp_during_exercise:yes"), ("answered", "tender_after_cramp:yes"),
          ("answered", "bruising:yes"), ("answered", "popping_sensation:no"),
          ("answered", "pain_walking_or_straightening:no"), ("age", "27")]


def _case(fields: list[tuple[str, str]], volume: TrainingVolume | None = None) -> Case:
    findings = {}
    for name, value in fields:
        if name == "answered":
            finding, answer = value.split(":")
            findings[finding] = answer == "yes"
    return Case(age=int(dict(fields)["age"]), findings=findings, training_volume=volume)


def test_a_load_spike_plan_page_shows_the_weekly_volume_numbers(single_user: Client) -> None:
    response = single_user.form("/plan", [*RUNNER, *RUNNER_VOLUME])
    assert response.status_code == 200, response.text[:300]
    case = _case(RUNNER, TrainingVolume(current=50, unit="km", tolerated=30))
    schedule = build_plan(case, assess(case), PlanOptions()).volume
    assert schedule is not None
    section = response.text.split('id="volume-title"')[1].split("</section>")[0]
    for week in schedule.weeks:
        assert f"Week {week.week}</th><td>{week.volume:g} km" in section
    assert _leaks(response.text) == []


def test_the_volume_given_on_the_page_goes_with_the_downloads(single_user: Client) -> None:
    page = single_user.form("/plan", [*RUNNER, *RUNNER_VOLUME]).text
    assert 'name="volume_current" value="50"' in page
    calendar = single_user.form("/plan/download", [*RUNNER, *RUNNER_VOLUME, ("format", "json")])
    assert calendar.json()["volume"]["current"] == 50


def test_a_load_spike_plan_without_a_volume_asks_for_it(single_user: Client) -> None:
    page = single_user.form("/plan", RUNNER).text
    assert "Give your current weekly training" in page
    assert 'id="volume_current"' in page


def test_a_bad_weekly_volume_is_refused_in_one_line(single_user: Client) -> None:
    response = single_user.form("/plan", [*RUNNER, ("volume_current", "lots")])
    assert response.status_code == 422
    assert "volume_current" in response.text


def test_an_office_worker_plan_page_shows_the_daily_routine(single_user: Client) -> None:
    response = single_user.form("/plan", OFFICE)
    assert response.status_code == 200, response.text[:300]
    case = _case(OFFICE)
    routine = build_plan(case, assess(case), PlanOptions()).routine
    assert routine is not None
    section = response.text.split('id="routine-title"')[1].split("</section>")[0]
    assert f"About {routine.minutes} minutes every day" in section
    assert all(item.name in section for item in routine.items)
    assert _leaks(response.text) == []


def test_a_strain_plan_page_shows_the_return_to_run_checks(single_user: Client) -> None:
    response = single_user.form("/plan", STRAIN)
    assert response.status_code == 200, response.text[:300]
    case = _case(STRAIN)
    recovery = build_plan(case, assess(case), PlanOptions()).recovery
    assert recovery is not None and recovery.return_to_run
    section = response.text.split('id="recovery-title"')[1].split("</section>")[0]
    assert "Run again only when" in section
    assert all(check in section for check in recovery.return_to_run)
    assert recovery.refer_who in section
    assert _leaks(response.text) == []
