"""`crampcoach import-training`, `assess --from-record` and `progress`, run as a runner would."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crampcoach import DISCLAIMER
from crampcoach.cli.app import app

from .exports import Workout, csv_text, fit_bytes

runner = CliRunner()
TODAY = dt.date.today()
MONDAY = TODAY - dt.timedelta(days=TODAY.weekday())


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def write_season(folder: Path) -> int:
    """Five weeks of 30 km, then last week at 50 km, five runs a week, one FIT file per run."""
    folder.mkdir()
    count = 0
    for week, km in enumerate([30, 30, 30, 30, 30, 50]):
        for run_day in range(5):
            day = MONDAY - dt.timedelta(weeks=6 - week) + dt.timedelta(days=run_day)
            start = dt.datetime.combine(day, dt.time(6, 30), dt.UTC)
            (folder / f"{day}.fit").write_bytes(fit_bytes([Workout(start, km / 5 * 6, km / 5,
                                                                   temperature=14)]))
            count += 1
    return count


def test_import_training_reads_a_folder_and_says_what_the_record_shows(
        configured: str, tmp_path: Path) -> None:
    count = write_season(tmp_path / "season")
    code, out, err = run("import-training", str(tmp_path / "season"))
    assert code == 0, err
    assert f"Read {count} activities from {count} file(s): {count} running." in out
    assert f"Stored {count} new" in out
    assert "went from 30 km to 50 km a week (+67%)" in " ".join(out.split())
    assert DISCLAIMER[:40] in " ".join(out.split())


def test_importing_the_same_files_again_adds_nothing(configured: str, tmp_path: Path) -> None:
    count = write_season(tmp_path / "season")
    run("import-training", str(tmp_path / "season"))
    code, out, _ = run("import-training", str(tmp_path / "season"), "--format", "json")
    report = json.loads(out)
    assert code == 0 and (report["added"], report["already_there"]) == (0, count)


@pytest.mark.parametrize(("name", "data", "says"), [
    ("cut.fit", fit_bytes([Workout(dt.datetime(2025, 6, 1, tzinfo=dt.UTC), 30, 5)])[:-20],
     "cut short or damaged"),
    ("wrong.tcx", b"<TrainingCenterDatabase><Activities>", "not valid XML"),
    ("list.csv", b"Date,Activity Type\n2025-06-01,Running\n", "needs columns"),
])
def test_a_bad_file_gets_one_line_exit_2_and_stores_nothing(
        configured: str, tmp_path: Path, name: str, data: bytes, says: str) -> None:
    good = tmp_path / "good.csv"
    good.write_text(csv_text([("2025-06-01 07:00", "Running", "30:00", "5")]))
    bad = tmp_path / name
    bad.write_bytes(data)
    code, _, err = run("import-training", str(good), str(bad))
    assert code == 2 and says in err and name in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    code, _, err = run("export", "--out", "-")
    assert code == 2 and "no data for 'me'" in err  # not even the profile was made


def test_assess_from_record_ranks_the_load_spike_first_and_says_so(
        configured: str, tmp_path: Path) -> None:
    write_season(tmp_path / "season")
    run("import-training", str(tmp_path / "season"))
    case = tmp_path / "case.json"
    case.write_text(json.dumps({"findings": {"cramp_during_exercise": True}}))
    code, out, err = run("assess", "--case", str(case), "--from-record", "--format", "json")
    assert code == 0, err
    document = json.loads(out)
    assert document["causes"][0]["id"] == "training_load_spike"
    (observed,) = [o for o in document["observed"] if o["finding"] == "recent_training_increase"]
    assert observed["source"] == "training_record" and observed["numbers"]["after"] == 50
    code, text, _ = run("assess", "--case", str(case), "--from-record")
    assert "from your training record" in " ".join(text.split())


def test_assess_from_record_without_a_record_is_one_clear_line(configured: str) -> None:
    code, _, err = run("assess", "--from-record", "--profile", "nobody")
    assert code == 2 and "no data for 'nobody'" in err


def test_progress_shows_cramps_against_the_recorded_load(configured: str, tmp_path: Path) -> None:
    write_season(tmp_path / "season")
    run("import-training", str(tmp_path / "season"))
    when = dt.datetime.combine(MONDAY - dt.timedelta(weeks=2), dt.time(6, 30), dt.UTC).astimezone()
    wall = when.replace(tzinfo=None) + dt.timedelta(minutes=33)
    code, _, err = run("log", "cramp", "--when", wall.strftime("%Y-%m-%d %H:%M"), "--side", "left",
                       "--during", "running", "--severity", "5", "--no-ask")
    assert code == 0, err
    code, out, _ = run("progress", "--format", "json")
    training = json.loads(out)["training"]
    assert training["placed"][0]["minutes_into"] == 33
    code, out, _ = run("progress")
    words = " ".join(out.split())
    assert "Your training record" in words
    assert "1 of your 1 cramp came during a recorded session" in words


def test_interview_from_record_starts_with_the_record_s_answers(
        configured: str, tmp_path: Path) -> None:
    write_season(tmp_path / "season")
    run("import-training", str(tmp_path / "season"))
    result = runner.invoke(app, ["interview", "--from-record", "--format", "json"], input="quit\n")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["answers"]["recent_training_increase"] is True
    assert "from your training record" in " ".join(result.stderr.split())


RUNNER_CASE = {"age": 38, "findings": {
    "recent_training_increase": True, "trigger_running_or_sprinting": True,
    "cramp_during_exercise": True, "cramp_late_in_session": False}}


def store_runner_assessment() -> None:
    from crampcoach.case import parse_case
    from crampcoach.reasoning import assess
    from crampcoach.store import database, people, versions

    case = parse_case(RUNNER_CASE)
    with database.transaction() as session:
        versions.add_assessment(session, people.ensure(session), case, assess(case).to_contract())


def test_plan_without_a_volume_starts_the_schedule_from_the_training_record(
        configured: str, tmp_path: Path) -> None:
    write_season(tmp_path / "season")
    run("import-training", str(tmp_path / "season"))
    (tmp_path / "case.json").write_text(json.dumps(RUNNER_CASE))
    code, out, err = run("plan", "--case", str(tmp_path / "case.json"), "--format", "json")
    assert code == 0, err
    volumes = [w["volume"] for w in json.loads(out)["volume"]["weeks"]]
    assert volumes[0] <= 30
    assert all(after <= before * 1.1 + 1e-9 for before, after in itertools.pairwise(volumes))
    code, out, _ = run("plan", "--case", str(tmp_path / "case.json"))
    words = " ".join(out.split())
    assert code == 0 and "From your training record: 50 km" in words and ": 30 km." in words


def test_the_data_folder_s_own_database_gives_the_plan_its_training_record(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CRAMPCOACH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CRAMPCOACH_DATABASE_URL", "")
    monkeypatch.setenv("CRAMPCOACH_PROFILE", "me")
    (tmp_path / "case.json").write_text(json.dumps(RUNNER_CASE))
    run("log", "note", "before any import")
    code, out, _ = run("plan", "--case", str(tmp_path / "case.json"))
    assert code == 0 and "training record" not in out
    write_season(tmp_path / "season")
    run("import-training", str(tmp_path / "season"))
    code, out, _ = run("plan", "--case", str(tmp_path / "case.json"))
    assert code == 0 and "From your training record: 50 km" in " ".join(out.split())


def test_a_given_volume_wins_over_the_training_record(configured: str, tmp_path: Path) -> None:
    write_season(tmp_path / "season")
    run("import-training", str(tmp_path / "season"))
    (tmp_path / "case.json").write_text(json.dumps(RUNNER_CASE))
    code, out, _ = run("plan", "--case", str(tmp_path / "case.json"), "--weekly-volume", "300",
                       "--volume-unit", "minutes")
    assert code == 0 and "training record" not in out and "300 minutes" in out


def test_progress_flags_a_recorded_week_over_the_plan_s_schedule(
        configured: str, tmp_path: Path) -> None:
    write_season(tmp_path / "season")
    run("import-training", str(tmp_path / "season"))
    store_runner_assessment()
    # The plan's first week is the recorded 50 km week; its schedule allows 30 at most.
    code, _, err = run("plan", "--start", (MONDAY - dt.timedelta(weeks=1)).isoformat(),
                       "--format", "json")
    assert code == 0, err
    code, out, _ = run("progress", "--format", "json")
    over = json.loads(out)["training"]["over_schedule"]
    assert [(w["week"], w["recorded"]) for w in over] == [(1, 50)] and over[0]["planned"] <= 30
    code, out, _ = run("progress")
    assert "Week 1 of your plan" in " ".join(out.split()) and "50 km recorded" in out
