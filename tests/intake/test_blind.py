"""The reader on descriptions written apart from its lexicon: the bars it must keep."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from crampcoach.intake.evaluation import evaluate_reader
from crampcoach.knowledge import load_knowledge

BLIND = Path(__file__).with_name("blind_descriptions.yaml")


def blind_cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = yaml.safe_load(BLIND.read_text(encoding="utf-8"))
    return cases


def test_blind_descriptions_are_read_with_high_precision_and_recall() -> None:
    report = evaluate_reader(blind_cases())
    assert report.cases >= 40
    assert report.precision is not None and report.precision >= 0.95
    assert report.recall is not None and report.recall >= 0.95


def test_no_denied_red_flag_in_the_blind_descriptions_is_read_as_present() -> None:
    assert evaluate_reader(blind_cases()).red_flag_negation_errors == []


def test_blind_descriptions_cover_every_finding_group() -> None:
    kb = load_knowledge()
    groups = {kb.findings[f].group for case in blind_cases() for f in case["findings"]}
    assert groups == {finding.group for finding in kb.findings.values()}
