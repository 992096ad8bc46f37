"""The path a new person follows, first screen to logged session, with no file passed by hand:
interview -> plan -> session -> log -> progress."""

from __future__ import annotations

import datetime as dt

from typer.testing import CliRunner

from crampcoach import plain_words
from crampcoach.cli.app import app
from crampcoach.store import database, log, people, versions

runner = CliRunner()
DESCRIPTION = ("My hamstrings cramp every time I do hip thrusts and glute bridges, "
               "and I can hardly feel my glutes working.")


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def _saved_assessment() -> versions.StoredAssessment | None:
    with database.reading() as session:
        person = people.find(session, None)
        return None if person is None else versions.latest_assessment(session, person)


def test_the_walk_from_interview_to_progress_needs_no_file() -> None:
    # Enter accepts what was read from the words; then "no" to every question asked.
    code, out, err = run("interview", "--text", DESCRIPTION, input="\n" + "no\n" * 60)
    assert code == 0, err
    # The interview keeps its own result: nothing is stored here by hand.
    saved = _saved_assessment()
    assert saved is not None

    code, out, err = run("plan")
    assert code == 0, err
    assert f"Plan from your assessment of {plain_words.day(saved.created_at)}" in err
    assert "YOUR HAMSTRING CRAMP PLAN" in out and "glute bridge" in out.lower()

    code, out, err = run("session", "--no-wait")
    assert code == 0, err
    with database.reading() as session:
        me = people.require(session, None)
        (guided,) = log.sessions_between(session, me)
        plan = versions.latest_plan(session, me)
    assert plan is not None and guided.plan_version == plan.version

    code, out, err = run("log", "session", "--item", "hip thrust 3x8 effort=5 felt=1/7/2",
                         "--no-ask")
    assert code == 0, err
    code, out, err = run("log", "cramp", "--during", "glute bridges", "--side", "left",
                         "--severity", "3", "--no-ask")
    assert code == 0, err
    with database.reading() as session:
        me = people.require(session, None)
        logged = log.sessions_between(session, me)
        (cramp,) = log.cramps_between(session, me)
    assert [i.exercise for i in logged[-1].items] == ["barbell_hip_thrust"]
    assert cramp.during == "glute_bridge"

    code, out, err = run("progress")
    assert code == 0, err
    assert "Your progress" in out and "2 sessions" in out
    assert plain_words.day(dt.date.today()) in out
    assert "load rose more than" not in out  # nothing rose, so no legend for it


def test_plan_without_a_saved_assessment_says_how_to_get_one() -> None:
    code, out, err = run("plan")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "crampcoach interview" in err


def test_session_without_a_plan_says_how_to_get_one_and_stores_nothing() -> None:
    code, out, err = run("session", "--no-wait")
    assert code == 2 and out == "" and "crampcoach plan" in err and err.count("\n") == 1
    with database.reading() as session:
        person = people.find(session, None)
        assert person is None or log.sessions_between(session, person) == []
