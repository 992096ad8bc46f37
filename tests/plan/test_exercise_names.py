"""One name per exercise: ids, names and aliases resolve the same way everywhere."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from crampcoach.cli.app import app
from crampcoach.errors import InputError
from crampcoach.plan import exercise_names
from crampcoach.plan.loader import load_plan_knowledge


@pytest.mark.parametrize(("text", "expected"), [
    ("hip_thrust", "barbell_hip_thrust"), ("hip thrust", "barbell_hip_thrust"),
    ("Hip Thrusts", "barbell_hip_thrust"), ("Barbell hip thrust", "barbell_hip_thrust"),
    ("glute bridge", "glute_bridge"), ("glute_bridge", "glute_bridge"),
    ("rdl", "romanian_deadlift"), ("RDLs", "romanian_deadlift"), ("clams", "side_lying_clam"),
    # What a lifter calls the plan's "single-leg Romanian deadlift (bodyweight)".
    ("single-leg RDL", "single_leg_romanian_deadlift"),
    ("single leg RDLs", "single_leg_romanian_deadlift"),
])
def test_common_names_and_aliases_resolve_to_one_exercise(text: str, expected: str) -> None:
    assert exercise_names.resolve(text, "exercise") == expected


def test_every_id_name_and_alias_resolves_to_its_own_exercise() -> None:
    for eid, exercise in load_plan_knowledge().exercises.items():
        for text in (eid, exercise.name, *exercise.aliases):
            assert exercise_names.find(text) == eid, text


def test_an_unknown_name_is_refused_with_the_closest_names() -> None:
    with pytest.raises(InputError, match="closest: Bodyweight glute bridge") as caught:
        exercise_names.resolve("glute brige", "exercise")
    assert "glute brige" in str(caught.value)


def test_an_activity_is_not_taken_for_an_exercise() -> None:
    assert exercise_names.find("sleep") is None
    assert exercise_names.said("sleep") == "sleep"
    assert exercise_names.said("glute_bridge") == "bodyweight glute bridge"


def test_the_exercises_command_lists_every_exercise_with_its_ladder_step() -> None:
    result = CliRunner().invoke(app, ["exercises", "--format", "json"])
    assert result.exit_code == 0, result.output
    listed = {e["id"]: e for e in json.loads(result.stdout)}
    pk = load_plan_knowledge()
    assert set(listed) == set(pk.exercises)
    for step in pk.ladder.steps:
        assert listed[step.exercise]["ladder_step"] == step.step
    assert listed["romanian_deadlift"]["ladder_step"] is None
    assert "rdl" in listed["romanian_deadlift"]["aliases"]
    text = CliRunner().invoke(app, ["exercises"])
    assert text.exit_code == 0 and "Barbell hip thrust" in text.stdout
