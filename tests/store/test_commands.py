"""The log, history, export, import and forget commands, run as a person would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from crampcoach import DISCLAIMER
from crampcoach.cli.store import parse_item, register
from crampcoach.errors import InputError
from crampcoach.store import database, log, people

runner = CliRunner()
app = typer.Typer()
register(app)

BRIDGE = "glute_bridge 3x12 @20kg effort=6 pain=0 felt=2/6/2"


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def stored_counts(name: str = "me") -> tuple[int, int]:
    with database.reading() as session:
        person = people.find(session, name)
        if person is None:
            return 0, 0
        return (len(log.sessions_between(session, person)),
                len(log.cramps_between(session, person)))


def test_item_text_reads_sets_reps_load_effort_pain_and_felt() -> None:
    item = parse_item(BRIDGE)
    assert (item.exercise, item.sets, item.reps, item.load_kg) == ("glute_bridge", 3, 12, 20.0)
    assert (item.effort, item.pain) == (6, 0)
    assert item.felt is not None and (item.felt.low_back, item.felt.glutes) == (2, 6)
    hold = parse_item("hip_flexor_stretch 2x30s")
    assert (hold.sets, hold.hold_s, hold.reps) == (2, 30, None)


@pytest.mark.parametrize("text", ["glute_bridge", "glute_bridge 3x12 felt=2/6",
                                  "glute_bridge 3x12 effort=eleven", "glute_bridge 3x12 pain=11"])
def test_unreadable_item_text_is_bad_input(text: str) -> None:
    with pytest.raises(InputError):
        parse_item(text)


def test_logged_session_and_cramp_show_in_the_history(configured: str) -> None:
    code, out, _ = run("log", "session", "--date", "2024-05-06", "--item", BRIDGE,
                       "--item", "hip_flexor_stretch 2x30s", "--note", "felt strong")
    assert code == 0, out
    assert "2 items" in out and DISCLAIMER[:40] in out
    code, out, _ = run("log", "cramp", "--when", "2024-05-06 19:10", "--side", "left",
                       "--during", "glute_bridge", "--severity", "6", "--minutes-into", "20",
                       "--duration", "40", "--eased-by", "walking")
    assert code == 0, out
    run("log", "note", "Slept badly", "--date", "2024-05-07")
    code, out, _ = run("history")
    assert code == 0
    flat = " ".join(out.replace("│", " ").split())
    assert "bodyweight glute bridge 3 × 12 at 20 kg, felt in glutes 6" in flat  # the name, not the id
    assert "6 May 2024" in out and "2024-05-06" not in out
    assert "during bodyweight glute bridge" in out
    assert "severity" in out and "6/10" in out and "Slept badly" in out  # the cell wraps
    assert stored_counts() == (1, 1)


def test_words_that_look_like_markup_are_printed_as_written(configured: str) -> None:
    code, out, _ = run("log", "note", "[red]tight[/] and [/bold] sore", "--date", "2024-05-07")
    assert code == 0
    code, out, _ = run("history")
    assert code == 0 and "[red]tight[/] and [/bold] sore" in out


def test_history_as_json_lists_the_range_asked_for(configured: str) -> None:
    for day in ("2024-05-01", "2024-05-10", "2024-05-20"):
        run("log", "session", "--date", day, "--item", BRIDGE)
    code, out, _ = run("history", "--from", "2024-05-05", "--to", "2024-05-15",
                       "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert [s["date"] for s in document["sessions"]] == ["2024-05-10"]
    assert document["disclaimer"] == DISCLAIMER


def test_history_of_someone_new_says_nothing_is_logged(configured: str) -> None:
    code, out, _ = run("history", "--profile", "newcomer")
    assert code == 0 and "Nothing logged for newcomer" in out


def test_ones_own_history_is_yours_not_a_profile_name(configured: str) -> None:
    code, out, _ = run("history")
    assert code == 0 and "Nothing logged for you yet" in out
    assert run("log", "note", "first day")[0] == 0
    code, out, _ = run("history")
    assert code == 0 and "Your history" in out and "History of" not in out


@pytest.mark.parametrize("args", [
    ["log", "session", "--item", "glute_bridge 3x12 pain=15"],
    ["log", "session", "--date", "someday", "--item", BRIDGE],
    ["log", "session", "--no-ask"],
    ["log", "session", "--item", "glute_brige 3x12"],
    ["log", "cramp", "--side", "left", "--during", "sleep", "--severity", "12"],
    ["log", "cramp", "--no-ask", "--side", "left"],
    ["log", "cramp", "--when", "soon", "--side", "left", "--during", "sleep", "--severity", "2"],
    ["history", "--format", "xml"],
])
def test_bad_input_exits_2_with_one_line_and_stores_nothing(
    configured: str, args: list[str]
) -> None:
    code, out, err = run(*args)
    assert code == 2, out
    assert err.startswith("error: ") and err.count("\n") == 1
    assert stored_counts() == (0, 0)


def test_missing_cramp_details_are_asked_for(configured: str) -> None:
    code, out, _ = run("log", "cramp", "--ask", "--when", "2024-05-06 07:00",
                       input="right\nsleep\nnine\n8\n\n90\nstood up\n")
    assert code == 0, out
    with database.reading() as session:
        (cramp,) = log.cramps_between(session, people.require(session, "me"))
    assert (cramp.side, cramp.during, cramp.severity) == ("right", "sleep", 8)
    assert (cramp.minutes_into, cramp.duration_s, cramp.eased_by) == (None, 90, "stood up")


def test_lengths_of_time_are_taken_as_people_write_them_and_shown_the_same_way(
        configured: str) -> None:
    code, out, _ = run("log", "cramp", "--when", "2024-05-06 19:10", "--side", "left",
                       "--during", "sleep", "--severity", "4", "--duration", "1 min 30s")
    assert code == 0, out
    code, out, _ = run("log", "session", "--date", "2024-05-06", "--item", BRIDGE,
                       "--duration", "1h 15min")
    assert code == 0, out
    with database.reading() as session:
        me = people.require(session, "me")
        (cramp,), (logged,) = log.cramps_between(session, me), log.sessions_between(session, me)
    assert (cramp.duration_s, logged.duration_min) == (90, 75)
    shown = runner.invoke(app, ["history"], env={"COLUMNS": "200"})
    assert "lasted 1 min 30 s" in shown.stdout


def test_a_length_of_time_typed_at_the_prompt_is_asked_again_until_it_reads(
        configured: str) -> None:
    code, out, err = run("log", "cramp", "--ask", "--when", "2024-05-06 07:00",
                         input="right\nsleep\n8\n\nages\n40s\n\n")
    assert code == 0, out
    assert "'ages' is not a length of time" in err
    with database.reading() as session:
        (cramp,) = log.cramps_between(session, people.require(session, "me"))
    assert cramp.duration_s == 40


def test_undo_removes_the_entry_logged_last_after_asking(configured: str) -> None:
    code, _, _ = run("log", "cramp", "--when", "2024-05-06 19:10", "--side", "left",
                     "--during", "sleep", "--severity", "4")
    assert code == 0
    code, _, _ = run("log", "session", "--date", "2024-05-01", "--item", BRIDGE)
    assert code == 0
    code, out, _ = run("log", "undo", input="n\n")
    assert code == 1 and "Nothing removed." in out
    # End of input (a pipe, a closed terminal) is a no: nothing goes.
    code, out, _ = run("log", "undo", input="")
    assert code == 1 and "Nothing removed." in out
    code, out, _ = run("forget", input="")
    assert code == 1 and "Nothing deleted." in out
    assert stored_counts() == (1, 1)
    code, out, _ = run("log", "undo", input="y\n")
    assert code == 0, out
    # The session was logged last, though its day is earlier than the cramp's.
    assert "Removed the session of" in " ".join(out.split())
    assert stored_counts() == (0, 1)
    code, out, _ = run("log", "undo", "--yes")
    assert code == 0 and "Removed the cramp of" in " ".join(out.split())
    code, out, _ = run("log", "undo", "--yes")
    assert code == 0 and "Nothing logged yet" in out
    assert stored_counts() == (0, 0)


def test_session_items_are_asked_for_one_per_line(configured: str) -> None:
    code, out, err = run("log", "session", "--ask", "--date", "2024-05-06",
                         input=f"{BRIDGE}\nbird_dog 2xten\nbird_dgo 2x10\nbird_dog 2x10\n\n")
    assert code == 0, out
    assert "needs sets x reps" in err and "unknown exercise 'bird_dgo'; closest: Bird dog" in err
    with database.reading() as session:
        (logged,) = log.sessions_between(session, people.require(session, "me"))
    assert [i.exercise for i in logged.items] == ["glute_bridge", "bird_dog"]


def test_session_from_a_json_file(configured: str, tmp_path: Path) -> None:
    file = tmp_path / "session.json"
    file.write_text(json.dumps({"date": "2024-05-06", "items": [
        {"exercise": "glute_bridge", "sets": 3, "reps": 12}]}))
    assert run("log", "session", "--file", str(file))[0] == 0
    file.write_text(json.dumps({"date": "2024-05-06", "items": [{"exercise": "glute_bridge"}]}))
    code, _, err = run("log", "session", "--file", str(file))
    assert code == 2 and "--file.items.0.sets" in err
    assert stored_counts() == (1, 0)


def test_export_and_import_files_round_trip(configured: str, tmp_path: Path) -> None:
    run("log", "session", "--date", "2024-05-06", "--item", BRIDGE)
    run("log", "cramp", "--when", "2024-05-06 19:10", "--side", "both", "--during", "sleep",
        "--severity", "3")
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    code, out, _ = run("export", "--out", str(first))
    assert code == 0 and "1 sessions, 1 cramps" in out
    kept = tmp_path / "kept.json"  # a copy the person made: forget removes only its own file
    kept.write_bytes(first.read_bytes())
    assert run("forget", "--yes")[0] == 0
    assert stored_counts() == (0, 0) and not first.exists()
    code, out, _ = run("import", str(kept))
    assert code == 0 and "1 sessions" in out
    run("export", "--out", str(second))
    assert second.read_text() == kept.read_text()
    code, out, _ = run("export", "--out", "-")
    assert json.loads(out) == json.loads(kept.read_text())


def test_import_of_a_missing_or_broken_file_exits_2(configured: str, tmp_path: Path) -> None:
    code, _, err = run("import", str(tmp_path / "nope.json"))
    assert code == 2 and "file not found" in err
    broken = tmp_path / "broken.json"
    broken.write_text('{"person": {}}')
    code, _, err = run("import", str(broken))
    assert code == 2 and err.startswith("error: import.person")


def test_forget_asks_first_and_keeps_everything_when_told_no(configured: str) -> None:
    run("log", "session", "--date", "2024-05-06", "--item", BRIDGE)
    code, out, _ = run("forget", input="n\n")
    assert code == 1 and "Nothing deleted" in out
    assert stored_counts() == (1, 0)
    code, out, _ = run("forget", input="y\n")
    assert code == 0 and "Forgot me: 1 sessions" in out
    assert stored_counts() == (0, 0)


def test_forgetting_someone_unknown_is_bad_input(configured: str) -> None:
    code, _, err = run("forget", "--profile", "ghost", "--yes")
    assert code == 2 and "no data for 'ghost'" in err


def test_a_cramp_can_be_logged_for_yesterday_with_its_time(configured: str) -> None:
    import datetime as dt

    code, out, _ = run("log", "cramp", "--when", "yesterday 21:30", "--side", "left",
                       "--during", "glute_bridge", "--severity", "3", "--minutes-into", "5",
                       "--duration", "30", "--eased-by", "walking")
    assert code == 0, out
    from crampcoach.plain_words import day

    said = " ".join(out.split())
    assert f"on {day(dt.date.today() - dt.timedelta(days=1))} at 21:30" in said
    code, _, err = run("log", "cramp", "--when", "yesterday", "--side", "left",
                       "--during", "glute_bridge", "--severity", "3")
    assert code == 2
    assert "needs a time too" in err


def test_forget_lists_and_removes_the_exports_it_wrote(configured: str, tmp_path: Path) -> None:
    assert run("log", "note", "private words")[0] == 0
    first, second = tmp_path / "one.json", tmp_path / "two.json"
    for out in (first, second):
        assert run("export", "--out", str(out))[0] == 0
    changed = tmp_path / "three.json"
    assert run("export", "--out", str(changed))[0] == 0
    changed.write_text("the person's own file now")  # no longer what crampcoach wrote
    code, out, _ = run("forget", "--yes")
    assert code == 0, out
    assert f"Export to delete: {first.resolve()}" in out and str(second.resolve()) in out
    assert not first.exists() and not second.exists() and changed.exists()
    assert "2 export files" in " ".join(out.split())


# The write-ahead log is SQLite's: this runs on SQLite only.
@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_forget_empties_the_log_even_with_a_reader_until_it_finishes(configured: str) -> None:
    import sqlite3
    import threading

    from sqlalchemy.engine import make_url

    assert run("log", "note", "secret-words-to-forget")[0] == 0
    path = make_url(configured).database
    assert path is not None
    reader = sqlite3.connect(path, check_same_thread=False)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM notes").fetchone()  # holds a snapshot open
    threading.Timer(1.0, reader.rollback).start()
    code, out, _ = run("forget", "--yes")
    reader.close()
    assert code == 0, out
    data = Path(path).read_bytes() + (Path(f"{path}-wal").read_bytes()
                                       if Path(f"{path}-wal").exists() else b"")
    assert b"secret-words-to-forget" not in data


def test_an_unknown_exercise_typed_with_item_is_named_by_its_option(configured: str) -> None:
    code, _, err = run("log", "session", "--date", "2024-05-06",
                       "--item", "glute bridge 3x12", "--item", "bird_dgo 2x10")
    assert code == 2
    assert "--item 2: unknown exercise 'bird_dgo'; closest: Bird dog" in err
    assert "items." not in err


def test_an_item_without_an_exercise_says_so(configured: str) -> None:
    code, _, err = run("log", "session", "--item", "3x10")
    assert code == 2
    assert "--item 1: '3x10' names no exercise" in err


@pytest.mark.parametrize(("args", "named"), [
    (["log", "cramp", "--side", "middle", "--during", "sleep", "--severity", "5"], "--side:"),
    (["log", "cramp", "--side", "left", "--during", "sleep", "--severity", "15"], "--severity:"),
    (["log", "cramp", "--side", "left", "--during", "sleep", "--severity", "5",
      "--duration", "-3"], "--duration:"),
    (["log", "cramp", "--side", "left", "--during", "sleep", "--severity", "5",
      "--duration", "a while"], "--duration:"),
    (["log", "session", "--item", "bird dog 2x10", "--duration", "1 fortnight"], "--duration:"),
    (["log", "session", "--item", "bird dog 2x10", "--plan-week", "0"], "--plan-week:"),
])
def test_a_bad_value_is_named_by_its_option(configured: str, args: list[str], named: str) -> None:
    code, _, err = run(*args)
    assert code == 2
    assert err.startswith(f"error: {named}"), err


def test_a_misspelt_exercise_in_a_cramp_is_read_as_that_exercise_and_said_so(
        configured: str) -> None:
    code, out, _ = run("log", "cramp", "--side", "left", "--during", "glute brigde",
                       "--severity", "5")
    assert code == 0, out
    assert "'glute brigde' read as bodyweight glute bridge" in " ".join(out.split())
    code, out, _ = run("log", "cramp", "--side", "left", "--during", "football match",
                       "--severity", "5")
    assert code == 0 and "read as" not in out
    code, out, _ = run("history", "--format", "json")
    assert [c["during"] for c in json.loads(out)["cramp_events"]] == [
        "glute_bridge", "football match"]


def test_logging_a_cramp_reads_its_length_back_in_words(configured: str) -> None:
    code, out, _ = run("log", "cramp", "--when", "2024-05-06 19:10", "--side", "left",
                       "--during", "sleep", "--severity", "4", "--duration", "about two minutes")
    assert code == 0, out
    assert "lasted 2 min" in " ".join(out.split())
