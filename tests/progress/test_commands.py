"""`crampcoach progress`, run as a person would, against a real database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from crampcoach import DISCLAIMER
from crampcoach.case import parse_case
from crampcoach.cli.progress import register
from crampcoach.knowledge import load_knowledge
from crampcoach.reasoning import assess
from crampcoach.store import database, log, people, versions

from .samples import cramp_record, session_record

runner = CliRunner()
app = typer.Typer()


@app.callback()
def main() -> None:
    """A command group, as in the real CLI (one lone command would become the app)."""


register(app)

AS_OF = "2024-03-24"


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["progress", *args], env={"COLUMNS": "160"})
    return result.exit_code, result.stdout, result.stderr


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def logged(configured: str) -> str:
    with database.transaction() as session:
        me = people.ensure(session)
        for offset in (0, 2, 4, 8, 10):
            log.add_session(session, me, session_record(offset))
        log.add_cramp(session, me, cramp_record(9))
    return configured


def test_json_is_the_summary_document(logged: str) -> None:
    code, out, _ = run("--format", "json", "--as-of", AS_OF)
    assert code == 0, out
    document = json.loads(out)
    assert document["profile"] == "me" and document["as_of"] == AS_OF
    assert [w["week"] for w in document["weeks"]] == ["2024-W10", "2024-W11", "2024-W12"]
    # Up to step 2 after three clean sessions, back to 1 after the cramp in the bridge.
    assert [w["ladder_step"] for w in document["weeks"]] == [2, 1, 1]
    assert document["ladder"]["next_move"] == "hold"
    assert document["waterfalls"]["status"] in ("even", "steady", "one_period")
    assert document["disclaimer"] == DISCLAIMER


def test_text_shows_the_ladder_the_split_the_chart_and_the_disclaimer(logged: str) -> None:
    code, out, _ = run("--as-of", AS_OF)
    assert code == 0, out
    text = flat(out)
    assert "Your progress, 4 Mar 2024 to 24 Mar 2024: 5 sessions, 1 cramp." in text
    assert "Glute ladder: step 1 of 6, Bodyweight glute bridge. Next: stay on this step." in text
    assert "Where bridges are felt:" in text and "in the week of 11 Mar 2024" in text
    assert "2024-W1" not in text  # weeks as people say them
    assert " ".join(DISCLAIMER.split()[:6]) in text


def test_out_draws_the_chart_as_well(logged: str, tmp_path: Path) -> None:
    target = tmp_path / "progress.png"
    code, out, err = run("--out", str(target), "--format", "json", "--as-of", AS_OF)
    assert code == 0, err
    assert target.read_bytes().startswith(b"\x89PNG") and f"wrote {target}" in err
    assert json.loads(out)["sessions"] == 5


def test_nothing_logged_says_how_to_start(configured: str) -> None:
    code, out, _ = run()
    assert code == 0
    assert "Nothing logged for you yet" in out and DISCLAIMER[:40] in flat(out)


@pytest.mark.parametrize(("args", "message"), [
    (("--format", "yaml"), "error: --format: 'yaml' is not one of: text, json"),
    (("--out", "chart.pdf"), "error: --out: 'chart.pdf' must end in .png or .svg"),
    (("--as-of", "24/03/2024"), "error: --as-of: '24/03/2024' is not a day like 2025-03-03"),
])
def test_bad_options_are_one_line_and_exit_2(configured: str, args: tuple[str, ...],
                                            message: str) -> None:
    code, out, err = run(*args)
    assert code == 2 and out == ""
    assert err.strip() == message


def test_escalation_is_shown_when_cramps_keep_coming(configured: str) -> None:
    with database.transaction() as session:
        me = people.ensure(session)
        log.add_session(session, me, session_record(0))
        for offset in (2, 9, 16):
            log.add_cramp(session, me, cramp_record(offset))
    code, out, _ = run("--as-of", AS_OF)
    assert code == 0, out
    assert "Triage raised to" in out and "3 of the last 3 weeks" in flat(out)


def test_an_urgent_stored_case_stops_all_exercise(configured: str) -> None:
    case = parse_case({"findings": {"saddle_numbness": True}})
    with database.transaction() as session:
        me = people.ensure(session)
        versions.add_assessment(session, me, case, assess(case).to_contract())
        log.add_session(session, me, session_record(0))
    code, out, _ = run("--as-of", AS_OF)
    assert code == 0, out
    text = flat(out)
    assert f"Triage: {load_knowledge().triage_levels['urgent'].name}" in text
    assert "Next: no exercise for now." in text and "No exercise for now." in text
