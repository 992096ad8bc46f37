"""`crampcoach plan` and `crampcoach session` as a person runs them, good input and bad."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.main import get_command
from typer.testing import CliRunner

from crampcoach import DISCLAIMER
from crampcoach.cli.app import CommandGroup
from crampcoach.cli.app import app as cli_app
from crampcoach.cli.plan import register

runner = CliRunner()


def _app() -> typer.Typer:
    """The real CLI once it registers these commands; until then the same error handling."""
    if "plan" in get_command(cli_app).commands:  # type: ignore[attr-defined]
        return cli_app
    app = typer.Typer(cls=CommandGroup, add_completion=False, pretty_exceptions_enable=False)
    register(app)
    return app


APP = _app()
GLUTE = {"sex": "female", "findings": {"trigger_bridge_or_hip_thrust": True,
                                       "feel_hamstrings_more_than_glutes": True,
                                       "cramp_during_exercise": True}}
URGENT = {"findings": {"calf_or_thigh_swollen_warm_red": True,
                       "recent_immobilisation_or_surgery": True}}


@pytest.fixture
def case_file(tmp_path: Path) -> Path:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(GLUTE))
    return path


def test_plan_json_is_the_plan_document(case_file: Path) -> None:
    result = runner.invoke(APP, ["plan", "--case", str(case_file), "--format", "json",
                                 "--weeks", "4", "--start", "2025-03-03"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert len(doc["weeks"]) == 4 and doc["start"] == "2025-03-03"
    assert doc["weeks"][0]["sessions"][0]["date"] == "2025-03-03"
    assert doc["disclaimer"] == DISCLAIMER


@pytest.mark.parametrize("fmt", ["text", "md", "html", "fhir"])
def test_plan_renders_every_text_format(case_file: Path, fmt: str) -> None:
    result = runner.invoke(APP, ["plan", "--case", str(case_file), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert "glute bridge" in result.stdout.lower()


@pytest.mark.parametrize(("fmt", "magic"), [("pdf", b"%PDF"), ("ics", b"BEGIN:VCALENDAR")])
def test_plan_writes_files_with_out(case_file: Path, tmp_path: Path, fmt: str,
                                    magic: bytes) -> None:
    out = tmp_path / f"plan.{fmt}"
    result = runner.invoke(APP, ["plan", "--case", str(case_file), "--format", fmt,
                                 "--out", str(out), "--weeks", "2", "--page", "letter"])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(magic)


@pytest.mark.parametrize(("args", "field"), [
    (["--format", "docx"], "--format"),
    (["--format", "pdff"], "did you mean 'pdf'"),
    (["--weeks", "0"], "--weeks"),
    (["--weeks", "53"], "--weeks"),
    (["--weeks", "eight"], "--weeks"),
    (["--start", "03/03/2025"], "--start"),
    (["--page", "a5"], "--page"),
    (["--sessions-per-week", "9"], "--sessions-per-week"),
    (["--weekly-volume", "50"], "--volume-unit"),
    (["--weekly-volume", "fifty", "--volume-unit", "km"], "--weekly-volume"),
    (["--weekly-volume", "-5", "--volume-unit", "km"], "--weekly-volume"),
    (["--weekly-volume", "50", "--volume-unit", "miles"], "--volume-unit"),
    (["--target-volume", "50"], "--weekly-volume"),
    (["--weekly-volume", "50", "--volume-unit", "km", "--last-good-volume", "0"], "--last-good-volume"),
])
def test_bad_plan_options_give_one_line_and_exit_2(case_file: Path, args: list[str],
                                                   field: str) -> None:
    result = runner.invoke(APP, ["plan", "--case", str(case_file), *args])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and field in lines[0]


RUNNER = {"findings": {"recent_training_increase": True, "trigger_running_or_sprinting": True,
                       "cramp_during_exercise": True, "cramp_late_in_session": False}}


def test_plan_volume_options_give_a_week_by_week_schedule(tmp_path: Path) -> None:
    path = tmp_path / "runner.json"
    path.write_text(json.dumps(RUNNER))
    result = runner.invoke(APP, ["plan", "--case", str(path), "--format", "json",
                                 "--weekly-volume", "50", "--last-good-volume", "30",
                                 "--target-volume", "55", "--volume-unit", "km"])
    assert result.exit_code == 0, result.output
    volume = json.loads(result.stdout)["volume"]
    assert volume["unit"] == "km" and volume["target"] == 55
    assert [w["volume"] for w in volume["weeks"]][:3] == [30, 33, 36]
    text = runner.invoke(APP, ["plan", "--case", str(path), "--weekly-volume", "50",
                               "--last-good-volume", "30", "--volume-unit", "km"])
    assert text.exit_code == 0 and "33 km" in text.stdout


def test_plan_without_a_case_says_so(tmp_path: Path) -> None:
    result = runner.invoke(APP, ["plan"])
    assert result.exit_code == 2 and "--case" in result.stderr
    missing = runner.invoke(APP, ["plan", "--case", str(tmp_path / "nope.json")])
    assert missing.exit_code == 2 and "not found" in missing.stderr


def test_urgent_case_has_no_calendar_to_export(tmp_path: Path) -> None:
    path = tmp_path / "urgent.json"
    path.write_text(json.dumps(URGENT))
    result = runner.invoke(APP, ["plan", "--case", str(path), "--format", "ics",
                                 "--out", str(tmp_path / "x.ics")])
    assert result.exit_code == 2 and "no sessions" in result.stderr
    text = runner.invoke(APP, ["plan", "--case", str(path)])
    assert text.exit_code == 0 and "WHAT TO DO NOW" not in text.stdout
    assert "GET MEDICAL HELP TODAY" in text.stdout


def test_session_without_waiting_prints_the_record(case_file: Path) -> None:
    result = runner.invoke(APP, ["session", "--case", str(case_file), "--day", "3", "--no-wait"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["plan_week"] == 1 and record["plan_day"] == 3
    assert any(i["exercise"] == "glute_bridge" for i in record["items"])
    assert "Glute" in result.stderr or "glute" in result.stderr


def test_session_on_a_rest_day_gives_one_line_and_exit_2(case_file: Path) -> None:
    result = runner.invoke(APP, ["session", "--case", str(case_file), "--day", "2", "--no-wait"])
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0 and "rest day" in result.stderr


def test_session_without_a_case_or_a_saved_plan_says_how_to_get_one() -> None:
    result = runner.invoke(APP, ["session", "--no-wait"])
    assert result.exit_code == 2
    assert "crampcoach plan" in result.stderr and result.stdout == ""


def _at_a_terminal(args: list[str], answers: str) -> str:
    """Run the CLI with a real pseudo-terminal as its keyboard and screen; all it printed."""
    import os
    import pty
    import subprocess
    import sys
    import time

    main, side = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "crampcoach", *args],
                            stdin=side, stdout=side, stderr=side, close_fds=True)
    os.close(side)
    os.write(main, answers.encode())
    chunks: list[bytes] = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the other end closed: the command has ended
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait(timeout=10)
    os.close(main)
    return b"".join(chunks).decode(errors="replace")


def test_a_session_at_a_terminal_asks_where_the_bridge_was_felt_and_shows_no_record_json(
        case_file: Path) -> None:
    shown = _at_a_terminal(["session", "--case", str(case_file), "--no-wait", "--no-save"],
                           "7\n2\n1\n" * 4)
    assert "how much did you feel your glutes" in shown
    assert "Session done." in shown and "Done: week 1, day 1" in shown
    assert '"exercise"' not in shown and "glute_bridge" not in shown
    assert "PlannedSession" not in shown


def test_looking_at_the_same_plan_again_keeps_no_new_version_and_bad_options_come_first(
        ) -> None:
    told = runner.invoke(cli_app, ["interview", "--text", "My hamstrings cramp in hip thrusts "
                                   "and I can hardly feel my glutes."], input="\n" + "no\n" * 60)
    assert told.exit_code == 0, told.output
    first = runner.invoke(APP, ["plan"])
    assert first.exit_code == 0 and "Saved as your plan (version" in first.stderr
    again = runner.invoke(APP, ["plan"])
    assert again.exit_code == 0 and "is unchanged" in again.stderr
    bad = runner.invoke(APP, ["plan", "--weeks", "0"])
    assert bad.exit_code == 2 and "--weeks" in bad.stderr
    assert "Plan from your assessment" not in bad.stderr
    nowhere = runner.invoke(APP, ["plan", "--format", "pdf", "--out", "/no/such/folder/p.pdf"])
    assert nowhere.exit_code == 2 and "folder does not exist" in nowhere.stderr
    still = runner.invoke(APP, ["plan"])
    assert "is unchanged" in still.stderr  # the refused runs kept nothing either
