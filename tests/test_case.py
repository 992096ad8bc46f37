"""Case parsing: strict, and every bad input is one InputError naming its field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from crampcoach.case import Case, load_case_file, parse_case
from crampcoach.errors import InputError


def error_of(data: Any) -> InputError:
    with pytest.raises(InputError) as caught:
        parse_case(data)
    assert "\n" not in str(caught.value)  # one line for the CLI and the API
    return caught.value


def file_error(path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        load_case_file(path)
    assert "\n" not in str(caught.value)
    return caught.value


def test_a_valid_case_parses() -> None:
    case = parse_case({"age": 34, "sex": "female",
                       "findings": {"bruising": False, "cramp_at_night": None,
                                    "trigger_bridge_or_hip_thrust": True}})
    assert case.findings == {"bruising": False, "cramp_at_night": None,
                             "trigger_bridge_or_hip_thrust": True}
    assert case.age == 34


def test_unknown_finding_names_the_field_and_suggests_the_right_id() -> None:
    error = error_of({"findings": {"briusing": True}})
    assert error.field == "findings.briusing"
    assert "did you mean 'bruising'" in error.message


def test_yes_instead_of_true_is_refused() -> None:
    assert error_of({"findings": {"bruising": "yes"}}).field == "findings.bruising"


def test_a_number_instead_of_true_is_refused() -> None:
    assert error_of({"findings": {"bruising": 1}}).field == "findings.bruising"


def test_age_as_a_string_is_refused() -> None:
    assert error_of({"age": "34"}).field == "age"


@pytest.mark.parametrize("age", [5, 9, 111, 200, -1])
def test_age_out_of_range_is_refused(age: int) -> None:
    assert error_of({"age": age}).field == "age"


@pytest.mark.parametrize("age", [5, 9])
def test_a_child_too_young_for_the_tool_is_pointed_to_their_doctor(age: int) -> None:
    assert "their doctor" in error_of({"age": age}).message


def test_an_age_above_the_range_is_not_called_a_child() -> None:
    assert "doctor" not in error_of({"age": 111}).message


def test_an_unknown_sex_is_refused() -> None:
    assert error_of({"sex": "m"}).field == "sex"


def test_an_unknown_top_level_key_is_refused() -> None:
    error = error_of({"findings": {}, "symptoms": {"bruising": True}})
    assert error.field == "symptoms"


def test_a_case_that_is_not_an_object_is_refused() -> None:
    assert error_of(["bruising"]).field == "case"


def test_findings_that_are_not_a_mapping_are_refused() -> None:
    assert error_of({"findings": ["bruising"]}).field == "findings"


def test_with_answer_refuses_an_unknown_finding() -> None:
    with pytest.raises(InputError) as caught:
        Case().with_answer("saddle_numbnes", True)
    assert caught.value.field == "finding"
    assert "saddle_numbness" in caught.value.message


def test_a_case_file_in_json_or_yaml_loads(tmp_path: Path) -> None:
    as_json = tmp_path / "case.json"
    as_json.write_text(json.dumps({"findings": {"bruising": True}}), encoding="utf-8")
    as_yaml = tmp_path / "case.yaml"
    as_yaml.write_text("findings:\n  bruising: true\n", encoding="utf-8")
    assert load_case_file(as_json) == load_case_file(as_yaml) == Case(findings={"bruising": True})


def test_a_missing_file_names_the_case_option(tmp_path: Path) -> None:
    error = file_error(tmp_path / "nowhere.json")
    assert error.field == "--case"
    assert "nowhere.json" in error.message


def test_a_folder_instead_of_a_file_names_the_case_option(tmp_path: Path) -> None:
    assert file_error(tmp_path).field == "--case"


def test_a_file_that_is_not_text_names_the_case_option(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    path.write_bytes(b"\xff\xfe\x00garbage\x9c")
    assert file_error(path).field == "--case"


def test_bad_json_names_the_case_option_and_the_line(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    path.write_text('{\n  "findings": {\n    "bruising": tru\n  }\n}\n', encoding="utf-8")
    error = file_error(path)
    assert error.field == "--case"
    assert "line 3" in error.message


def test_bad_yaml_names_the_case_option(tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    path.write_text("findings: {bruising: true\n", encoding="utf-8")
    assert file_error(path).field == "--case"


def test_a_bad_value_inside_a_file_names_the_field(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    path.write_text(json.dumps({"age": 300}), encoding="utf-8")
    assert file_error(path).field == "age"
