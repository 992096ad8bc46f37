"""The command line as a person uses it: good input, bad input, piped interviews."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crampcoach import DISCLAIMER
from crampcoach.cli.app import app
from crampcoach.knowledge import load_knowledge

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]


def write_case(tmp_path: Path, document: object, name: str = "case.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document) if name.endswith(".json") else str(document))
    return path


def test_assess_json_is_the_contract_document(tmp_path: Path) -> None:
    case = write_case(tmp_path, {"age": 34, "sex": "female", "findings": {
        "trigger_bridge_or_hip_thrust": True, "feel_hamstrings_more_than_glutes": True,
        "bruising": False}})
    result = runner.invoke(app, ["assess", "--case", str(case), "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert {"triage", "causes", "next_question", "disagreements", "disclaimer"} <= set(document)
    assert "understood" not in document  # no text in the case
    assert document["causes"][0]["id"] == "glute_weakness"
    assert len(document["causes"]) == len(load_knowledge().causes)
    assert document["triage"]["level"] == "self_care"


def test_assess_reads_yaml_case_files(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text("findings:\n  saddle_numbness: true\n")
    result = runner.invoke(app, ["assess", "--case", str(case), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["triage"]["level"] == "urgent"


def test_assess_text_output_shows_banner_causes_and_disclaimer(tmp_path: Path) -> None:
    case = write_case(tmp_path, {"findings": {"skips_warmup": True, "cramp_early_in_session": True}})
    result = runner.invoke(app, ["assess", "--case", str(case)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "SELF-CARE" in result.stdout
    assert "Cold muscles from too little warm-up" in result.stdout
    assert " ".join(DISCLAIMER.split()[:6]) in " ".join(result.stdout.split())


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ({"findings": {"bruisng": True}}, "findings.bruisng: unknown finding id 'bruisng' (did you mean 'bruising'?)"),
        ({"findings": {"bruising": "yes"}}, "findings.bruising"),
        ({"age": 300, "findings": {}}, "age"),
        ({"age": "34", "findings": {}}, "age"),
        ({"findings": {}, "weight": 80}, "weight"),
        ([1, 2, 3], "case: must be an object"),
    ],
)
def test_bad_case_gives_one_line_and_exit_2(tmp_path: Path, document: object, expected: str) -> None:
    case = write_case(tmp_path, document)
    result = runner.invoke(app, ["assess", "--case", str(case)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert expected in lines[0]
    assert "Traceback" not in result.output


def test_unreadable_or_missing_case_file_gives_exit_2(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    for path in (broken, tmp_path / "missing.json"):
        result = runner.invoke(app, ["assess", "--case", str(path)])
        assert result.exit_code == 2
        assert result.stderr.startswith("error: --case:")
        assert len(result.stderr.strip().splitlines()) == 1


def test_assess_text_output_names_a_disagreement_in_plain_words(tmp_path: Path) -> None:
    case = write_case(tmp_path, {"findings": {"low_fluid_intake": True, "heavy_sweating": True,
                                              "cramp_in_hot_conditions": True}})
    result = runner.invoke(app, ["assess", "--case", str(case)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    flat = " ".join(result.stdout.split())
    assert "Where the sources disagree" in flat
    assert "Does too little fluid cause cramps?" in flat and "dehydration:" not in flat


def test_assess_without_case_or_text_says_what_is_missing() -> None:
    result = runner.invoke(app, ["assess"])
    assert result.exit_code == 2
    assert "--case" in result.stderr


@pytest.mark.parametrize(("words", "title"), [
    ("glute_weaknes", "Weak glutes"), ("weak glutes", "Weak glutes"),
    ("Tight hip flexors", "Tight hip flexors"), ("blood clot", "Possible blood clot"),
    ("torn muscle", "Torn muscle fibres"),
])
def test_explain_takes_a_cause_in_a_few_words_or_a_misspelt_id(words: str, title: str) -> None:
    result = runner.invoke(app, ["explain", words])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(title)
    assert "_" not in result.stdout.splitlines()[0]  # the title, no id beside it


def test_explain_says_what_an_unclear_or_unknown_cause_could_be() -> None:
    unclear = runner.invoke(app, ["explain", "glute"])
    assert unclear.exit_code == 2
    assert "could mean weak glutes" in unclear.stderr and "tight hip flexors" in unclear.stderr
    unknown = runner.invoke(app, ["explain", "xyzzy"])
    assert unknown.exit_code == 2 and "too little fluid" in unknown.stderr
    assert unknown.stderr.strip().count("\n") == 0


def test_explain_shows_evidence_grade_and_sources() -> None:
    result = runner.invoke(app, ["explain", "dehydration"])
    assert result.exit_code == 0, result.output
    assert "Evidence: mixed" in result.stdout
    flat = " ".join(result.stdout.split())
    assert "Weak Glutes Connection" in flat  # the dissenting source is shown, by its title
    assert "seed 0" not in flat
    assert "Where the sources disagree: Does too little fluid cause cramps?" in flat


def test_questions_json_lists_every_finding() -> None:
    result = runner.invoke(app, ["questions", "--format", "json"])
    assert result.exit_code == 0
    assert set(json.loads(result.stdout)) == set(load_knowledge().findings)


def test_sources_lists_what_each_seed_gave() -> None:
    result = runner.invoke(app, ["sources", "--format", "json"])
    assert result.exit_code == 0
    by_seed = json.loads(result.stdout)
    assert set(by_seed) == {"000", "001", "002", "003", "004"}
    assert any("three waterfalls" in e["locator"] or "water" in e["locator"] for e in by_seed["000"])


CHECKLIST = load_knowledge().screening_checklist()


def test_piped_interview_screens_every_warning_sign_first_in_one_step() -> None:
    # "none" to every step: the first step is the warning-sign checklist, answered at once.
    result = runner.invoke(app, ["interview", "--format", "json", "--no-save"],
                           input="none\n" * 30)
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["triage"]["level"] == "self_care"
    assert document["next_question"] is None
    asked = list(document["answers"])
    assert set(asked[: len(CHECKLIST)]) == set(CHECKLIST)
    assert all(document["answers"][f] is False for f in CHECKLIST)
    assert document["unexplained"]["leading"]  # nothing known fits all "none"


def test_piped_interview_ticking_a_red_flag_on_the_checklist_ends_urgent_with_no_plan() -> None:
    # The number is read off the screen, as a person would.
    shown = runner.invoke(app, ["interview", "--no-save"], input="quit\n", env={"COLUMNS": "200"})
    number = next(line.split(".")[0].strip() for line in shown.stdout.splitlines()
                  if "Dark urine" in line)
    result = runner.invoke(app, ["interview", "--no-save"], input=f"{number}\n",
                           env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "URGENT CARE TODAY" in result.stdout
    assert "No training plan for now" in result.stdout
    lines = result.stdout.splitlines()
    first_cause = next(i for i, line in enumerate(lines) if "Likely cause" in line)
    assert "muscle breakdown" in lines[first_cause + 1]


def test_checklist_marks_one_item_not_sure_and_the_rest_no(tmp_path: Path) -> None:
    saved = tmp_path / "answers.json"
    result = runner.invoke(app, ["interview", "--no-save", "--save", str(saved)],
                           input="?3\nquit\n")
    assert result.exit_code == 0, result.output
    answers = json.loads(saved.read_text())["findings"]
    assert answers[CHECKLIST[2]] is None
    assert all(answers[f] is False for f in CHECKLIST if f != CHECKLIST[2])


def test_interview_back_takes_the_whole_last_step_away(tmp_path: Path) -> None:
    saved = tmp_path / "answers.json"
    result = runner.invoke(app, ["interview", "--no-save", "--save", str(saved)],
                           input="none\nback\nwhy\n?\nquit\n")
    assert result.exit_code == 0, result.output
    assert "warning sign" in result.stdout  # the answer to "why"
    answers = json.loads(saved.read_text())["findings"]
    assert answers == dict.fromkeys(CHECKLIST, None)


def test_interview_asks_again_after_a_reply_it_does_not_understand() -> None:
    result = runner.invoke(app, ["interview", "--no-save"], input="perhaps\nquit\n")
    assert result.exit_code == 0
    assert "Please type the numbers that apply" in result.stdout


def test_interview_keeps_its_result_in_the_log_and_makes_the_plan_on_enter() -> None:
    steps = "none\n1\nquit\n"  # no warning sign; cramps during exercise; enough
    result = runner.invoke(app, ["interview"], input=steps + "\n", env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Kept in your log as assessment 1" in result.stdout
    assert "Press Enter to make your plan now, q to finish." in result.stdout
    assert "Plan kept in your log" in result.stdout
    exported = runner.invoke(app, ["export", "--out", "-"])
    assert exported.exit_code == 0, exported.output
    document = json.loads(exported.stdout)
    assert len(document["assessments"]) == 1 and len(document["plans"]) == 1
    assert document["plans"][0]["assessment_version"] == 1
    assert document["assessments"][0]["case"]["findings"]["cramp_during_exercise"] is True


@pytest.mark.parametrize("reply", ["yes", "ok", "y"])
def test_interview_makes_the_plan_when_the_offer_is_answered_yes(reply: str) -> None:
    result = runner.invoke(app, ["interview", "--no-save"], input=f"none\n1\nquit\n{reply}\n",
                           env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "You can make your plan later" not in result.stdout
    assert "YOUR HAMSTRING CRAMP PLAN" in result.stdout


def test_interview_with_no_save_keeps_nothing_and_q_finishes_without_a_plan() -> None:
    result = runner.invoke(app, ["interview", "--no-save"], input="none\nquit\nq\n")
    assert result.exit_code == 0, result.output
    assert "You can make your plan later" in result.stdout
    exported = runner.invoke(app, ["export", "--out", "-"])
    document = json.loads(exported.stdout) if exported.exit_code == 0 else {"assessments": []}
    assert document["assessments"] == []


def test_evaluate_rejects_a_malformed_cases_file(tmp_path: Path) -> None:
    bad = tmp_path / "cases.jsonl"
    bad.write_text('{"id": "x", "case": {"findings": {}}}\n')
    result = runner.invoke(app, ["evaluate", str(bad)])
    assert result.exit_code == 2
    assert "cases.jsonl:1" in result.stderr


def test_evaluate_meets_the_bars_on_the_dev_cases(dev_cases_path: Path) -> None:
    result = runner.invoke(app, ["evaluate", str(dev_cases_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["top1_accuracy"] >= 0.8
    assert report["top3_accuracy"] >= 0.95
    assert report["triage_safe"] == 1.0
    assert report["urgent_recall"] == 1.0
    assert report["median_questions"] <= 10


def test_readme_documents_every_command_and_setting() -> None:
    from crampcoach.settings import SETTINGS

    readme = (ROOT / "README.md").read_text()
    from crampcoach.cli.app import DOMAIN_COMMANDS

    names = [c.name or c.callback.__name__ for c in app.registered_commands]  # type: ignore[union-attr]
    names += list(DOMAIN_COMMANDS)
    for name in names:
        assert re.search(rf"`crampcoach {name}\b", readme), f"README does not document `{name}`"
    for setting in SETTINGS:
        assert setting.env in readme, f"README does not document {setting.env}"


def test_interview_from_own_words_lets_the_person_correct_what_was_read(tmp_path: Path) -> None:
    saved = tmp_path / "answers.json"
    text = "My hamstrings cramp in hip thrusts. No bruising."
    result = runner.invoke(app, ["interview", "--text", text, "--save", str(saved), "--no-save"],
                           input="", env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "From your words I understood" in result.stdout
    listed = [line for line in result.stdout.splitlines() if "bruising on the back" in line]
    number = listed[0].strip().split(".")[0]
    corrected = runner.invoke(app, ["interview", "--text", text, "--save", str(saved), "--no-save"],
                              input=f"{number}\nyes\n\nquit\n", env={"COLUMNS": "200"})
    assert corrected.exit_code == 0, corrected.output
    assert json.loads(saved.read_text())["findings"]["bruising"] is True
    assert "SEE A PHYSIOTHERAPIST" in corrected.stdout  # the corrected answer changed the triage
    # The corrected line is the person's answer, no longer quoting the misread words.
    fixed = [line for line in corrected.stdout.splitlines()
             if "bruising on the back" in line and "corrected by you" in line]
    assert fixed and "No bruising" not in fixed[0]
    # The result's own list of what was read says the same, not the reading it replaced.
    result_part = corrected.stdout.split("Understood from your words")[-1]
    final = [line for line in result_part.splitlines() if "bruising on the back" in line]
    assert final and "yes (corrected by you)" in final[0] and "No bruising" not in final[0]


def test_yes_at_the_read_back_confirms_and_no_asks_which_item_is_wrong(tmp_path: Path) -> None:
    saved = tmp_path / "answers.json"
    text = "My hamstrings cramp in hip thrusts. No bruising."
    command = ["interview", "--text", text, "--save", str(saved), "--no-save"]
    confirmed = runner.invoke(app, command, input="yes\nquit\n", env={"COLUMNS": "200"})
    assert confirmed.exit_code == 0, confirmed.output
    assert "Type a number from 1" not in confirmed.stdout  # "yes" was understood
    assert "bruising" not in json.loads(saved.read_text())["findings"]
    listed = [line for line in confirmed.stdout.splitlines() if "bruising on the back" in line]
    number = listed[0].strip().split(".")[0]
    corrected = runner.invoke(app, command, input=f"no\n{number}\nyes\n\nquit\n",
                              env={"COLUMNS": "200"})
    assert corrected.exit_code == 0, corrected.output
    assert "Which one is wrong?" in corrected.stdout
    assert json.loads(saved.read_text())["findings"]["bruising"] is True


def test_guided_session_is_stored_and_shows_in_history_and_progress(tmp_path: Path) -> None:
    case = write_case(tmp_path, {"findings": {"trigger_bridge_or_hip_thrust": True,
                                              "feel_hamstrings_more_than_glutes": True}})
    done = runner.invoke(app, ["session", "--case", str(case), "--no-wait"])
    assert done.exit_code == 0, done.output
    record = json.loads(done.stdout)
    history = runner.invoke(app, ["history", "--format", "json"])
    assert history.exit_code == 0, history.output
    sessions = json.loads(history.stdout)["sessions"]
    assert len(sessions) == 1
    assert [i["exercise"] for i in sessions[0]["items"]] == [i["exercise"] for i in record["items"]]
    progress = runner.invoke(app, ["progress", "--format", "json"])
    assert progress.exit_code == 0, progress.output
    assert "ladder" in json.loads(progress.stdout)


def test_guided_session_with_no_save_leaves_the_log_empty(tmp_path: Path) -> None:
    case = write_case(tmp_path, {"findings": {"skips_warmup": True}})
    done = runner.invoke(app, ["session", "--case", str(case), "--no-wait", "--no-save"])
    assert done.exit_code == 0, done.output
    history = runner.invoke(app, ["history", "--format", "json"])
    assert json.loads(history.stdout)["sessions"] == []


def test_plan_from_log_continues_the_ladder_where_the_log_has_reached(tmp_path: Path) -> None:
    case = write_case(tmp_path, {"findings": {"trigger_bridge_or_hip_thrust": True,
                                              "feel_hamstrings_more_than_glutes": True}})
    for day in ("2026-11-02", "2026-11-04", "2026-11-06"):  # clean, glutes leading
        logged = runner.invoke(app, ["log", "session", "--date", day,
                                     "--item", "glute_bridge 3x12 effort=5 pain=0 felt=1/7/2"])
        assert logged.exit_code == 0, logged.output
    fresh = runner.invoke(app, ["plan", "--case", str(case), "--format", "json", "--start", "2026-11-09"])
    followed = runner.invoke(app, ["plan", "--case", str(case), "--format", "json",
                                   "--start", "2026-11-09", "--from-log"])
    assert fresh.exit_code == 0 and followed.exit_code == 0, followed.output
    assert json.loads(fresh.stdout)["ladder"]["start_step"] == 1
    plan = json.loads(followed.stdout)
    assert plan["ladder"]["start_step"] == 2
    first_items = [i["exercise"] for i in plan["weeks"][0]["sessions"][0]["items"]]
    assert "shoulder_elevated_glute_bridge" in first_items and "glute_bridge" not in first_items


def test_a_plan_from_a_case_file_makes_no_database_where_none_was(
        tmp_path: Path, private_data_dir: Path) -> None:
    case = write_case(tmp_path, {"findings": {"trigger_bridge_or_hip_thrust": True}})
    made = runner.invoke(app, ["plan", "--case", str(case), "--format", "json"])
    assert made.exit_code == 0, made.output
    assert json.loads(made.stdout)["weeks"]
    assert not any(private_data_dir.iterdir())


def test_plan_from_an_empty_log_says_so_in_one_line(tmp_path: Path) -> None:
    case = write_case(tmp_path, {"findings": {"skips_warmup": True}})
    result = runner.invoke(app, ["plan", "--case", str(case), "--from-log"])
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_quitting_the_interview_early_says_the_result_is_provisional() -> None:
    result = runner.invoke(app, ["interview", "--no-save"], input="quit\n", env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Not yet checked, so this level is provisional" in result.stdout
    assert "numbness between the legs" in result.stdout


def test_plan_from_log_raises_triage_when_cramps_keep_coming(tmp_path: Path) -> None:
    case = write_case(tmp_path, {"findings": {"trigger_bridge_or_hip_thrust": True}})
    for day in ("2026-10-05", "2026-10-12", "2026-10-19", "2026-10-26"):
        for command in (["log", "session", "--date", day, "--item", "glute_bridge 3x12 felt=1/4/6"],
                        ["log", "cramp", "--when", f"{day}T18:30", "--side", "left", "--during",
                         "glute_bridge", "--minutes-into", "10", "--duration", "60", "--severity", "5",
                         "--eased-by", "walking"]):
            logged = runner.invoke(app, command)
            assert logged.exit_code == 0, logged.output
    plan = runner.invoke(app, ["plan", "--case", str(case), "--format", "json", "--start",
                               "2026-11-02", "--from-log"])
    assert plan.exit_code == 0, plan.output
    document = json.loads(plan.stdout)
    assert document["triage"] == "see_doctor"
    assert document["see_a_professional"] is not None


def test_questions_in_text_show_questions_not_ids() -> None:
    result = runner.invoke(app, ["questions"])
    assert result.exit_code == 0, result.output
    assert "Do the cramps come on while you exercise" in " ".join(result.stdout.split())
    assert "cramp_during_exercise" not in result.stdout


def test_a_misspelt_command_gets_a_suggestion() -> None:
    result = runner.invoke(app, ["plna"])
    assert result.exit_code == 2
    assert "did you mean 'plan'" in result.stderr
    assert result.stderr.strip().count("\n") == 0


def test_words_a_command_does_not_take_point_to_its_help() -> None:
    result = runner.invoke(app, ["log", "session", "glute bridge 3x10"])
    assert result.exit_code == 2
    assert "`crampcoach log session --help`" in result.stderr
    assert result.stderr.strip().count("\n") == 0


def test_an_age_under_ten_says_the_tool_is_not_for_young_children() -> None:
    result = runner.invoke(app, ["interview", "--age", "9", "--no-save"], input="q\n")
    assert result.exit_code == 2
    assert "--age" in result.stderr and "their doctor" in result.stderr
    assert result.stderr.strip().count("\n") == 0


def test_sex_is_read_from_the_words_people_use_and_a_bad_one_names_the_option() -> None:
    ok = runner.invoke(app, ["interview", "--sex", "F", "--no-save", "--format", "json"], input="q\n")
    assert ok.exit_code == 0, ok.output
    bad = runner.invoke(app, ["interview", "--sex", "q", "--no-save"], input="q\n")
    assert bad.exit_code == 2 and "--sex" in bad.stderr


def test_a_bad_cramp_value_is_named_before_a_missing_one() -> None:
    result = runner.invoke(app, ["log", "cramp", "--side", "lft"])
    assert result.exit_code == 2 and "--side" in result.stderr and "--during" not in result.stderr


def _interview_at_a_terminal(steps: list[str]) -> str:
    """Run `crampcoach interview --no-save` with a real pseudo-terminal as its keyboard,
    typing each step only once the screen has settled (as a person would); all it printed."""
    import os
    import pty
    import select
    import subprocess
    import sys
    import time

    main, side = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "crampcoach", "interview", "--no-save"],
                            stdin=side, stdout=side, stderr=side, close_fds=True)
    os.close(side)
    chunks: list[bytes] = []

    def settle(seconds: float) -> None:
        """Read until the screen has been quiet for a second (at most `seconds` for the
        first output)."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if select.select([main], [], [], 0.2)[0]:
                try:
                    chunk = os.read(main, 65536)
                except OSError:
                    return
                if not chunk:
                    return
                chunks.append(chunk)
                end = time.monotonic() + 1.0

    settle(15)
    for step in steps:
        os.write(main, step.encode())
        settle(15)
    proc.wait(timeout=30)
    os.close(main)
    return b"".join(chunks).decode(errors="replace")


def test_a_description_pasted_over_several_lines_is_read_whole() -> None:
    shown = _interview_at_a_terminal([
        "Every time I do hip thrusts my hamstrings cramp by the 3rd set.\r"
        "I'm 34, female.\r"
        "I never feel it in my bum, it's all back of the legs.\r",
        "\r",  # the read-back is right
        "quit\r",
        "q\r",  # no plan now
    ])
    plain = re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", shown)
    # The age and sex are read from the second line, the glutes from the third: all one text.
    assert re.search(r"From your words:[^\n]*34[^\n]*female", plain), plain[-2000:]
    assert re.search(r"hard to feel or squeeze your glutes[^\n]*yes", plain)
    assert "Which one is wrong" not in plain and "not on the list" not in plain


def test_no_to_which_item_is_wrong_means_none_is_and_the_interview_goes_on(tmp_path: Path) -> None:
    saved = tmp_path / "answers.json"
    text = "My hamstrings cramp in hip thrusts. No bruising."
    command = ["interview", "--text", text, "--save", str(saved), "--no-save"]
    for replies in ("no\nno\nquit\n", "none\nquit\n"):
        went_on = runner.invoke(app, command, input=replies, env={"COLUMNS": "200"})
        assert went_on.exit_code == 0, went_on.output
        assert went_on.stdout.count("Which one is wrong?") <= 1
        assert "Type a number from 1" not in went_on.stdout
        assert "bruising" not in json.loads(saved.read_text())["findings"]
