"""Questions in a person's own words: answered from the knowledge base, or plainly not covered."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from crampcoach import DISCLAIMER
from crampcoach.ask import answer_question, load_topics_index
from crampcoach.cli.ask import register, render_answer
from crampcoach.errors import InputError
from crampcoach.knowledge import load_knowledge


def ids(question: str) -> list[str]:
    return [a.id for a in answer_question(question).answers]


@pytest.mark.parametrize(("question", "entry"), [
    ("Must I stop doing heavy deadlift variations till my glutes are working?",
     "stop_heavy_deadlifts"),
    ("How many sets and reps, and how often, should I train my glutes?", "glute_training_dose"),
    ("Do I really need 1000 reps before my glutes work properly?", "glute_training_dose"),
    ("How would very tight hamstrings play a role in the cramping?", "tight_hamstrings_role"),
    ("What do the hamstrings actually do when I run?", "hamstring_function"),
    ("Should I just toughen up and keep hip thrusting through the cramp?", "push_through_cramps"),
    ("How long will it take before I can do barbell hip thrusts?", "recovery_timeline"),
    ("In what order should I progress from bridges to single-leg hip thrusts?",
     "glute_progression"),
    ("Does drinking more water or taking magnesium stop cramps?", "drinking_and_salts"),
    ("Is tonic water with quinine a good idea for cramps?", "quinine_and_painkillers"),
    ("What are the three waterfalls?", "three_waterfalls"),
])
def test_in_scope_questions_get_the_matching_entry_first(question: str, entry: str) -> None:
    answer = answer_question(question)
    assert answer.covered
    assert answer.answers[0].id == entry
    assert 1 <= len(answer.answers) <= 3


def test_every_answer_carries_sources_and_an_evidence_grade() -> None:
    answer = answer_question("Why do hamstrings cramp in hip thrusts, is it weak glutes?")
    assert answer.covered
    for item in answer.answers:
        assert item.sources and all(len(s) == 3 and s.isdigit() for s in item.sources)
        assert item.evidence in {"strong", "supported", "mixed", "weak", "contradicted",
                                 "not_studied"}
        assert len(item.text) > 40
    assert answer.disclaimer == DISCLAIMER


def test_a_cause_answer_is_named_by_its_cause_id() -> None:
    answer = answer_question("Can weak glutes cause hamstring cramps?")
    cause_answers = [a for a in answer.answers if a.kind == "cause"]
    assert cause_answers and cause_answers[0].id == "glute_weakness"
    assert cause_answers[0].id in load_knowledge().causes


@pytest.mark.parametrize("question", [
    "Is there anything similar for calf or plantar exercise-induced cramping?",
    "What about calf cramps?",
    "When you tested barbell upright rows, what grip did you use?",
    "How do I increase my vertical jump for basketball with a standing glute squeeze?",
    "What is the capital of France?",
    "My feet cramp in the pool, why?",
])
def test_out_of_scope_questions_are_not_covered_and_say_what_is(question: str) -> None:
    answer = answer_question(question)
    assert answer.covered is False
    assert answer.answers == []
    assert "hamstring" in answer.note


def test_a_question_about_ones_own_cramps_points_to_the_interview() -> None:
    answer = answer_question("Why do my hamstrings cramp every time I do hip thrusts?")
    assert answer.interview is not None and "crampcoach interview" in answer.interview
    assert answer.answers[0].id == "glute_weakness"


def test_a_general_question_does_not_point_to_the_interview() -> None:
    assert answer_question("What do the hamstrings do?").interview is None


@pytest.mark.parametrize("question", ["", "   ", "x" * 2001])
def test_an_empty_or_huge_question_is_an_input_error(question: str) -> None:
    with pytest.raises(InputError, match="question"):
        answer_question(question)


def test_the_index_holds_every_topic_and_every_cause() -> None:
    index = load_topics_index()
    kinds = {(e.item.kind, e.item.id) for e in index.entries}
    assert {("cause", c) for c in load_knowledge().causes} <= kinds
    assert len([k for k, _ in kinds if k == "topic"]) >= 8


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """crampcoach."""

    register(app)
    return app


def test_ask_command_prints_the_json_contract() -> None:
    result = CliRunner().invoke(_app(), ["ask", "Should I stop heavy deadlifts?",
                                         "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["covered"] is True
    first = data["answers"][0]
    assert {"id", "text", "sources", "evidence"} <= set(first)
    assert first["id"] == "stop_heavy_deadlifts"


def test_ask_command_says_not_covered_in_text() -> None:
    result = CliRunner().invoke(_app(), ["ask", "What about calf cramps?"])
    assert result.exit_code == 0
    assert result.stdout.startswith("Not covered.")
    assert DISCLAIMER.split()[0] in result.stdout


def test_text_rendering_lists_sources_and_evidence() -> None:
    text = render_answer(answer_question("How do tight hamstrings play a role?"))
    assert "Sources: " in text and "Evidence: mixed evidence" in text
    assert "seed 0" not in text  # articles by author or title, not by number


def test_a_cramp_happening_now_gets_the_do_not_force_advice() -> None:
    for question in ("my hamstring is cramping right now", "should I force the stretch until the cramp goes?"):
        reply = answer_question(question)
        assert reply.covered
        assert reply.answers[0].id == "during_a_cramp"
        assert "never force" in reply.answers[0].text


def test_training_on_a_torn_hamstring_gets_the_no_loading_answer_first() -> None:
    reply = answer_question("can I do hip thrusts if I tore my hamstring?")
    assert reply.answers[0].id == "after_a_cramp"
    assert "Do not load a muscle you think is torn" in reply.answers[0].text
