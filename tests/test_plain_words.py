"""What a person reads names things in words: no finding, cause or exercise id, no bare
source number, no ISO week label, in the human outputs for the dev cases."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from crampcoach import plain_words
from crampcoach.cli.app import app
from crampcoach.export import render
from crampcoach.knowledge import load_knowledge
from crampcoach.plan.loader import load_plan_knowledge
from crampcoach.reasoning import assess

runner = CliRunner()


def _leak_pattern() -> re.Pattern[str]:
    kb, pk = load_knowledge(), load_plan_knowledge()
    # Ids made of one plain word ("dehydration") are ordinary words; those with "_" are codes.
    ids = {i for i in (*kb.findings, *kb.causes, *pk.exercises) if "_" in i}
    ids |= {"not_studied", "self_care", "see_physio", "see_doctor"}
    codes = "|".join(sorted(map(re.escape, ids), key=len, reverse=True))
    return re.compile(rf"(?<![\w/.-])(?:{codes})(?![\w-])|\b[Ss]eeds? \d|\b00[0-4]\b"
                      r"|\bSource \d|\d{4}-W\d\d")


LEAK = _leak_pattern()


def _visible(html: str) -> str:
    """The text of a page: attribute values (anchors, classes) are not read by a person."""
    html = re.sub(r"<(style|script)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def _leaks(text: str) -> list[str]:
    return [text[max(0, m.start() - 40): m.end() + 20].replace("\n", " ")
            for m in LEAK.finditer(text)]


def _cli(*args: str, input: str | None = None) -> str:
    result = runner.invoke(app, list(args), input=input)
    assert result.exit_code == 0, result.output
    return result.stdout + result.stderr


def test_human_outputs_of_the_dev_cases_name_things_in_words(
        dev_cases: list[dict[str, Any]], tmp_path: Path) -> None:
    from crampcoach.case import parse_case
    from crampcoach.cli.plan import plan_for

    found: dict[str, list[str]] = {}
    for case in dev_cases:
        path = tmp_path / f"{case['id']}.json"
        path.write_text(json.dumps(case["case"]), encoding="utf-8")
        text = case["case"].get("text") or "why do my hamstrings cramp?"
        plan = plan_for(parse_case(case["case"]))
        outputs = {
            "assess": _cli("assess", "--case", str(path)),
            "interview": _cli("interview", "--text", text, input="\n" + "?\n" * 60),
            "plan": str(render(plan, "text")),
            "handout md": str(render(plan, "md")),
            "handout html": _visible(str(render(plan, "html"))),
            "ask": _cli("ask", text),
        }
        assert assess(parse_case(case["case"])).causes  # the case was read
        for name, output in outputs.items():
            if leaks := _leaks(output):
                found[f"{case['id']} {name}"] = leaks[:3]
    assert found == {}


@pytest.mark.parametrize("args", [["sources"], ["ask", "is pickle juice any good?"],
                                  ["ask", "should I stretch during a cramp?"]])
def test_reference_outputs_name_things_in_words(args: list[str]) -> None:
    assert _leaks(_cli(*args)) == []


def test_progress_names_weeks_by_date_and_the_person_as_you() -> None:
    _cli("log", "session", "--date", "2024-05-06", "--item", "glute bridge 3x12 felt=2/6/2",
         "--no-ask")
    _cli("log", "cramp", "--when", "2024-05-07 19:10", "--during", "hip thrust", "--side",
         "left", "--severity", "4", "--no-ask")
    out = _cli("progress", "--as-of", "2024-05-20")
    assert "Your progress" in out and "6 May 2024" in out
    assert _leaks(out) == []


def test_sources_names_each_article_by_title_author_and_date() -> None:
    out = " ".join(_cli("sources").split())
    assert "“ABC (Ask Bret Contreras) – Hamstring Cramping” (Bret Contreras, 18 October 2010)" in out
    assert "“Causes of Hamstring Cramps” (Lori Newell" in out


@pytest.mark.parametrize(("question", "leading"), [
    ("is pickle juice any good?", "Pickle juice"),
    ("does quinine help?", "quinine"),
    ("should I take magnesium?", "magnesium"),
    ("do bananas help?", "bananas"),
    ("should I stretch during a cramp?", "stretch"),
])
def test_ask_leads_with_the_entry_the_question_names(question: str, leading: str) -> None:
    result = runner.invoke(app, ["ask", question, "--format", "json"])
    first = json.loads(result.stdout)["answers"][0]
    assert leading.lower() in (first["title"] + " " + first["text"]).lower()


def test_weeks_without_sessions_are_said_in_words_and_no_weekly_count_is_promised() -> None:
    from crampcoach.case import parse_case
    from crampcoach.cli.plan import plan_for

    plan = plan_for(parse_case({"findings": {"thyroid_condition": True}}))
    assert plan.weeks and plan.triage == "see_doctor"
    # A plan whose weeks hold no session (a doctor first), as a see-a-doctor plan can be.
    idle = plan.model_copy(update={"weeks": [w.model_copy(update={"sessions": []})
                                             for w in plan.weeks]})
    text, markdown = str(render(idle, "text")), str(render(idle, "md"))
    assert "No training sessions for now: see the doctor first." in " ".join(text.split())
    assert "no training this week: see the doctor first" in markdown
    html = _visible(str(render(idle, "html")))
    assert "sessions a week" not in html
    training = plan_for(parse_case({"findings": {"trigger_bridge_or_hip_thrust": True}}))
    assert training.sessions()
    assert "no training this week" not in str(render(training, "md"))


def test_a_count_of_one_takes_the_singular() -> None:
    assert plain_words.count(1, "cramp") == "1 cramp"
    assert plain_words.count(0, "cramp") == "0 cramps"
    assert plain_words.count(3, "session") == "3 sessions"
    assert plain_words.count(2, "week", "weeks") == "2 weeks"


@pytest.mark.parametrize(("probability", "said"), [
    (0.0, "0%"), (0.003, "<1%"), (0.42, "42%"), (0.996, ">99%"), (1.0, "100%")])
def test_a_probability_is_never_shown_as_certain_or_as_nothing_when_it_is_not(
        probability: float, said: str) -> None:
    assert plain_words.percent(probability) == said


@pytest.mark.parametrize(("total", "said"), [(0, "0 s"), (40, "40 s"), (60, "1 min"),
                                             (90, "1 min 30 s"), (600, "10 min")])
def test_a_cramp_length_is_said_in_minutes_and_seconds(total: int, said: str) -> None:
    assert plain_words.seconds(total) == said
