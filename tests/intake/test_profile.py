"""Age, sex and days since the last cramp, read from the description; explicit values win."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crampcoach.case import Case
from crampcoach.cli.app import app
from crampcoach.intake.profile import complete_case, read_profile


@pytest.mark.parametrize(("text", "age", "sex"), [
    ("I'm a 34-year-old woman and my hamstrings cramp.", 34, "female"),
    ("hip thrusts cramp my hammies. 34F", 34, "female"),
    ("27M btw", 27, "male"),
    ("aged 60, cramps at night", 60, None),
    ("71, female.", 71, "female"),
    ("66 year old bloke, retired plumber.", 66, "male"),
    ("My dad (67) gets cramps in the back of his thighs at night.", 67, "male"),
    ("Hi, a question about my daughter, who's 15. Her hamstrings cramp.", 15, "female"),
])
def test_age_and_sex_are_read_from_the_words(text: str, age: int, sex: str | None) -> None:
    profile = read_profile(text)
    assert (profile.age, profile.sex) == (age, sex)


@pytest.mark.parametrize("text", [
    "I'm 29 weeks pregnant and cramp at night.",
    "I'm 16 days post op.",
    "Playing tennis in Florida, 90F and humid, my hamstrings cramp.",
    "In a sprint session of 8 x 40 m, the backs of both thighs cramped.",
])
def test_numbers_that_are_not_an_age_are_not_read_as_one(text: str) -> None:
    assert read_profile(text).age is None


@pytest.mark.parametrize(("text", "days"), [
    ("My hamstring cramped this morning.", 0),
    ("Last night a cramp woke me.", 1),
    ("My last cramp was two days ago.", 2),
    ("It cramped 3 weeks ago and again a week ago.", 7),
])
def test_days_since_the_last_cramp_are_read_from_the_most_recent_one(text: str, days: int) -> None:
    assert read_profile(text).days_since_last_cramp == days


def test_a_time_not_said_of_a_cramp_is_not_the_last_cramp() -> None:
    assert read_profile("I ran a marathon two days ago and feel fine.").days_since_last_cramp is None


def test_explicit_values_win_over_the_words() -> None:
    case, added = complete_case(Case(age=41, text="I'm a 34-year-old woman, cramped yesterday."))
    assert (case.age, case.sex, case.days_since_last_cramp) == (41, "female", 1)
    assert "age" not in added.words


def test_the_cli_keeps_what_the_words_say_in_the_saved_case(tmp_path: Path) -> None:
    saved = tmp_path / "case.json"
    result = CliRunner().invoke(app, [
        "interview", "--text", "I'm a 34-year-old woman; my hammies cramp on hip thrusts, last cramp two days ago.",
        "--save", str(saved),
    ], input="\nquit\n")
    assert result.exit_code == 0, result.output
    case = json.loads(saved.read_text(encoding="utf-8"))
    assert (case["age"], case["sex"], case["days_since_last_cramp"]) == (34, "female", 2)
    assert "age 34, female, last cramp 2 days ago" in result.output


@pytest.mark.parametrize(("text", "age", "quoted"), [
    ("I'm thirty two, female, and my hamstrings cramp on hip thrusts", 32, "I'm thirty two"),
    ("My dad is seventy-one and his hamstrings cramp at night", 71, "dad is seventy-one"),
])
def test_an_age_said_in_words_is_read_and_quoted_as_said(text: str, age: int, quoted: str) -> None:
    profile = read_profile(text)
    assert profile.age == age
    assert profile.words["age"] == quoted


def test_another_posters_age_and_sex_in_a_quoted_line_are_not_the_writers() -> None:
    reply = "> I'm a 52 year old man and mine cramp at night\n\nNot me, 34F, mine only in hip thrusts"
    assert (read_profile(reply).age, read_profile(reply).sex) == (34, "female")
    quoted_only = "> I'm a 52 year old man and mine cramp at night\n\nhip thrusts set mine off"
    assert (read_profile(quoted_only).age, read_profile(quoted_only).sex) == (None, None)
    # A reply that takes the quoted words as its own takes their age too.
    agreeing = "> I'm a 52 year old man and mine cramp at night\n\nSame here, hip thrusts too"
    assert read_profile(agreeing).age == 52
