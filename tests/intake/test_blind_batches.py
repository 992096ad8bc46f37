"""Batches of descriptions written without sight of the reader's rules, kept as regression data.

Each line is a labelled case (the dev-case format): `case.findings` are what the text states,
`expect` the cause and triage a clinician would give. The figures each batch gave before the
reader was tuned on it are in the README; these tests hold the reader to what it reads now.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from crampcoach.intake.evaluation import evaluate_reader
from crampcoach.reasoning.evaluation import evaluate, read_cases

BATCHES = sorted(Path(__file__).with_name("blind_batches").glob("batch*.jsonl"))


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_batch_is_kept() -> None:
    assert len(BATCHES) >= 3
    assert all(len(_lines(path)) >= 40 for path in BATCHES)


@pytest.mark.parametrize("path", BATCHES, ids=lambda p: p.stem)
def test_stated_findings_are_read_with_no_wrong_polarity(path: Path) -> None:
    report = evaluate_reader(_lines(path))
    assert report.recall is not None and report.recall >= 0.95
    assert report.wrong == 0
    assert report.red_flag_negation_errors == []


@pytest.mark.parametrize("path", BATCHES, ids=lambda p: p.stem)
def test_every_warning_sign_stated_as_present_is_read_as_present(path: Path) -> None:
    report = evaluate_reader(_lines(path))
    assert report.red_flags_stated > 0
    assert report.red_flags_stated_read == report.red_flags_stated
    assert report.red_flags_wrong == 0


@pytest.mark.parametrize("path", BATCHES, ids=lambda p: p.stem)
def test_the_words_alone_never_under_triage_and_reach_every_urgent_case(path: Path) -> None:
    report = evaluate(read_cases(path), from_text=True, interview=False)
    under = [r.id for r in report.results if not r.triage_safe]
    assert under == []
    assert report.urgent_recall in (None, 1.0)
    assert report.triage_exact >= 0.9
    assert report.top3_accuracy >= 0.9


# Later batches, each measured once before any change made for it (figures in the README)
# and only then used to fix what they showed; some labels there are debatable, so the reader
# is held to its recall and to never reading a warning sign the wrong way round.
HOLDOUT = sorted(Path(__file__).with_name("holdout_batches").glob("batch*.jsonl"))


@pytest.mark.parametrize("path", HOLDOUT, ids=lambda p: p.stem)
def test_held_out_batches_keep_their_recall_and_no_warning_sign_is_read_backwards(
        path: Path) -> None:
    report = evaluate_reader(_lines(path))
    assert report.recall is not None and report.recall >= 0.85
    assert report.red_flags_wrong == 0
    assert report.red_flag_negation_errors == []


# The last two batches, measured once when everything else was finished and never changed for:
# the reader is held to what it read of them then (figures in the README). The next round
# measures on new batches, and only then uses these.
UNTUNED = sorted(Path(__file__).with_name("untuned_batches").glob("batch*.jsonl"))


def test_untuned_batches_are_kept() -> None:
    assert len(UNTUNED) >= 2


@pytest.mark.parametrize("path", UNTUNED, ids=lambda p: p.stem)
def test_untuned_batches_keep_their_recall_and_read_every_warning_sign(path: Path) -> None:
    report = evaluate_reader(_lines(path))
    assert report.recall is not None and report.recall >= 0.84
    assert report.red_flags_stated_read == report.red_flags_stated
    assert report.red_flags_wrong == 0
    assert report.red_flag_negation_errors == []


@pytest.mark.parametrize("path", UNTUNED, ids=lambda p: p.stem)
def test_untuned_batches_are_never_under_triaged_from_the_words_alone(path: Path) -> None:
    report = evaluate(read_cases(path), from_text=True, interview=False)
    assert [r.id for r in report.results if not r.triage_safe] == []
    assert report.urgent_recall in (None, 1.0)


# Messages written largely in another language mixed with English (Hinglish, Taglish...):
# only the English, a glossary of Spanish, Portuguese, Tagalog, Malay and Hindi words and a
# few Hindi and Urdu phrases are read, so recall is low by design, but nothing may be read wrong, least of all a warning
# sign (their signs are asked in the interview).
CODE_MIXED = sorted(Path(__file__).with_name("code_mixed_batches").glob("batch*.jsonl"))


@pytest.mark.parametrize("path", CODE_MIXED, ids=lambda p: p.stem)
def test_code_mixed_messages_are_read_without_a_wrong_reading(path: Path) -> None:
    report = evaluate_reader(_lines(path))
    assert report.precision is not None and report.precision >= 0.98
    assert report.red_flags_wrong == 0
    assert report.red_flag_negation_errors == []
