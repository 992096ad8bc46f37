"""Scoring the reader against labelled findings: the metrics and the dev-case targets."""

from __future__ import annotations

from typing import Any

import pytest

from crampcoach.errors import InputError
from crampcoach.intake.evaluation import evaluate_reader
from crampcoach.intake.reader import Reading


def fixed_reader(findings: dict[str, bool | None]) -> Any:
    def reader(_text: str) -> Reading:
        return Reading(findings=findings, spans=[])
    return reader


def test_warning_signs_stated_present_and_read_the_wrong_way_are_counted() -> None:
    cases = [{"id": "a", "case": {"text": "x", "findings": {
        "cannot_walk": True, "saddle_numbness": True, "calf_or_thigh_swollen_warm_red": False,
        "bladder_or_bowel_change": True, "bruising": True}}}]
    reader = fixed_reader({"cannot_walk": True, "saddle_numbness": None,
                           "calf_or_thigh_swollen_warm_red": True, "bladder_or_bowel_change": False,
                           "bruising": False})
    report = evaluate_reader(cases, reader)
    # Stated present: three warning signs (bruising is not one); read present: cannot_walk.
    assert (report.red_flags_stated, report.red_flags_stated_read) == (3, 1)
    # The other way round: the swollen calf denied but read, the bladder stated but denied.
    assert report.red_flags_wrong == 2


def test_metrics_follow_their_definitions() -> None:
    cases = [{"id": "a", "case": {"text": "x", "findings": {
        "bruising": False, "popping_sensation": True, "back_pain": True,
        "pregnant": False, "one_side_only": None}}}]
    reader = fixed_reader({"bruising": False, "popping_sensation": False,
                           "back_pain": None, "cramp_at_night": True})
    report = evaluate_reader(cases, reader)
    # labelled: 4 (null is not a label); correct: bruising; wrong: popping; uncertain: back
    # pain; missed: pregnant; cramp_at_night is an unlabelled read.
    assert (report.labelled, report.correct, report.wrong) == (4, 1, 1)
    assert (report.uncertain, report.missed, report.unlabelled_reads) == (1, 1, 1)
    assert report.precision == 0.5
    assert report.recall == 0.25
    assert report.per_finding["popping_sensation"].precision == 0.0
    assert report.per_finding["back_pain"].precision is None
    assert report.per_case[0].wrong == ["popping_sensation"]


def test_a_denied_red_flag_read_as_present_is_a_negation_error() -> None:
    cases = [{"id": "r", "case": {"text": "x", "findings": {"saddle_numbness": False,
                                                            "bruising": False}}}]
    report = evaluate_reader(cases, fixed_reader({"saddle_numbness": True, "bruising": True}))
    assert [(e.case, e.finding) for e in report.red_flag_negation_errors] == [("r", "saddle_numbness")]


def test_bare_cases_are_accepted_too() -> None:
    report = evaluate_reader([{"text": "No bruising.", "findings": {"bruising": False}}])
    assert report.correct == 1
    assert report.per_case[0].case == "#1"


def test_a_case_without_text_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"cases\[0\]\.text"):
        evaluate_reader([{"id": "a", "case": {"findings": {"bruising": True}}}])


def test_findings_of_the_wrong_type_are_an_input_error() -> None:
    with pytest.raises(InputError, match="findings"):
        evaluate_reader([{"case": {"text": "x", "findings": {"bruising": "yes"}}}])


def test_dev_cases_meet_the_targets_from_text_alone(dev_cases: list[dict[str, Any]]) -> None:
    report = evaluate_reader(dev_cases)
    assert report.cases == len(dev_cases)
    assert report.precision is not None and report.precision >= 0.90
    assert report.recall is not None and report.recall >= 0.80
    assert report.red_flag_negation_errors == []
