"""The optional model reader: what it adds to the rules, what it never touches, how it scores."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from crampcoach.intake import embedding, read_findings
from crampcoach.intake.evaluation import ReaderReport, evaluate_reader
from crampcoach.intake.lexicon import INTAKE_DIR, load_lexicon
from crampcoach.intake.reader import Reading, clauses, read_with
from crampcoach.intake.semantic import (
    agreement_with_rules,
    load_semantic_rules,
    load_semantic_rules_from,
    read_with_model,
)
from crampcoach.knowledge import KnowledgeError
from crampcoach.settings import Settings

HERE = Path(__file__).parent
LEX = load_lexicon()
RED_FLAGS = LEX.red_flags


def _cases(name: str) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = yaml.safe_load((HERE / name).read_text(encoding="utf-8"))
    return data


DESCRIPTIONS = _cases("descriptions.yaml")
PARAPHRASES = _cases("paraphrases.yaml")


def rules_only(text: str) -> Reading:
    return read_with(text, LEX)


def with_model(text: str) -> Reading:
    return read_with_model(text, LEX)


def added(text: str) -> dict[str, bool | None]:
    """What the model adds to the rules' reading of `text`."""
    before = rules_only(text).findings
    return {f: v for f, v in with_model(text).findings.items() if f not in before}


# ------------------------------------------------------------------ the data file
def test_the_model_may_add_no_red_flag_and_no_skipped_finding() -> None:
    rules = load_semantic_rules()
    assert rules.addable
    assert not rules.addable & RED_FLAGS
    assert not rules.addable & set(rules.data.skip)


def test_a_broken_semantic_file_reports_every_problem_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "semantic.yaml"
    shutil.copy(INTAKE_DIR / "semantic.yaml", path)
    text = path.read_text(encoding="utf-8")
    text = text.replace("  heavy_sweating:\n    - my shirt", "  heavy_sweatin:\n    - my shirt", 1)
    text = text.replace("\nskip:\n", "\nskip:\n  saddle_numbness: only the rules read it\n", 1)
    text = text.replace("    - my lower back aches\n", "    - my lower back aches\n    - my back is not fine\n", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load_semantic_rules_from(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    found = {p.message.split(":")[0].split(" ")[0]: lines[p.line - 1].strip() for p in caught.value.problems}
    assert found == {
        "unknown": "heavy_sweatin:",
        "'saddle_numbness'": "saddle_numbness: only the rules read it",
        "back_pain": "- my back is not fine",
    }


def test_an_unknown_key_in_the_semantic_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "semantic.yaml"
    path.write_text((INTAKE_DIR / "semantic.yaml").read_text(encoding="utf-8") + "\nthreshhold: 0.5\n",
                    encoding="utf-8")
    with pytest.raises(KnowledgeError, match="threshhold"):
        load_semantic_rules_from(path)


# ------------------------------------------------------------------ what the model reads
def test_the_model_reads_a_finding_the_rules_miss_from_its_clause() -> None:
    text = "Training is going fine. These days I barely touch pasta, rice or potatoes."
    assert "low_carb_diet" not in rules_only(text).findings
    reading = with_model(text)
    assert reading.findings["low_carb_diet"] is True
    span = next(s for s in reading.spans if s.finding == "low_carb_diet")
    assert span.text == "These days I barely touch pasta, rice or potatoes"
    assert text[span.start:span.end] == span.text


@pytest.mark.parametrize(("text", "finding"), [
    ("There is no ache anywhere in my lower back.", "back_pain"),
    ("I haven't felt anything twang in my thigh.", "popping_sensation"),
])
def test_a_clause_that_denies_reads_the_finding_as_absent(text: str, finding: str) -> None:
    assert with_model(text).findings[finding] is False
    assert all(value is False for value in added(text).values())


@pytest.mark.parametrize("text", [
    "I think my thigh has got a bit thinner than the other one.",
    "Did my thigh get thinner than the other one?",
])
def test_a_clause_that_doubts_or_asks_leaves_the_finding_uncertain(text: str) -> None:
    assert added(text) == {"muscle_wasting": None}


def test_a_finding_said_as_a_lack_is_not_read_from_a_negation() -> None:
    # "I don't eat bread" means a low-carb diet: the negation cannot decide it either way.
    assert "low_carb_diet" not in with_model("I don't eat bread or pasta any more.").findings


@pytest.mark.parametrize(("text", "finding"), [
    ("My sessions are short, about half an hour.", "long_or_intense_sessions"),
    ("My pelvis looks perfectly level.", "posterior_pelvic_tilt"),
    ("The muscle feels normal to touch the day after.", "tender_after_cramp"),
])
def test_a_contrary_statement_without_a_negation_proposes_nothing(text: str, finding: str) -> None:
    assert finding not in with_model(text).findings


def test_a_clause_the_rules_read_something_in_is_left_to_them() -> None:
    # Closest to back pain, but the rules read the posture here: the model stays out.
    text = "I have a flat lower back."
    assert rules_only(text).findings == {"posterior_pelvic_tilt": True}
    assert with_model(text).findings == {"posterior_pelvic_tilt": True}


@pytest.mark.parametrize("text", [
    "I've lost all feeling around my backside and between my legs.",
    "My leg has gone hot, red and puffy since the flight.",
    "Afterwards my wee was the colour of strong tea.",
])
def test_the_model_never_reads_a_red_flag(text: str) -> None:
    assert not set(added(text)) & RED_FLAGS


# ------------------------------------------------------------------ over every description
ALL_TEXTS = [item["text"] for item in DESCRIPTIONS + PARAPHRASES]


@pytest.fixture(scope="module")
def readings() -> list[tuple[str, Reading, Reading]]:
    return [(text, rules_only(text), with_model(text)) for text in ALL_TEXTS]


def test_the_model_keeps_every_rule_reading_and_only_adds(readings: list[tuple[str, Reading, Reading]]) -> None:
    for text, rules, model in readings:
        assert {f: model.findings[f] for f in rules.findings} == rules.findings, text
        assert set(rules.spans) <= set(model.spans), text


def test_no_red_flag_reading_ever_comes_from_the_model(readings: list[tuple[str, Reading, Reading]]) -> None:
    for text, rules, model in readings:
        model_red = {f: v for f, v in model.findings.items() if f in RED_FLAGS}
        assert model_red == {f: v for f, v in rules.findings.items() if f in RED_FLAGS}, text


def test_each_added_finding_points_at_a_whole_clause(readings: list[tuple[str, Reading, Reading]]) -> None:
    checked = 0
    for text, rules, model in readings:
        cut = {(c.start, c.end) for c in clauses(text, LEX)}
        for span in set(model.spans) - set(rules.spans):
            assert span.finding not in rules.findings
            assert (span.start, span.end) in cut
            assert span.text == text[span.start:span.end]
            checked += 1
    assert checked > 0


# ------------------------------------------------------------------ the setting and the fallback
TEXT = "Training is going fine. These days I barely touch pasta, rice or potatoes."


def test_read_findings_uses_the_model_only_when_the_setting_is_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CRAMPCOACH_TEXT_MODEL", "0")
    assert "low_carb_diet" not in read_findings(TEXT, use_model=Settings.from_environment().text_model).findings
    monkeypatch.setenv("CRAMPCOACH_TEXT_MODEL", "1")
    assert read_findings(TEXT, use_model=Settings.from_environment().text_model).findings["low_carb_diet"] is True


def test_without_the_model_packages_the_rules_read_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embedding, "REQUIRED", (*embedding.REQUIRED, "crampcoach_no_such_model"))
    assert not embedding.model_available()
    assert read_findings(TEXT, use_model=True) == rules_only(TEXT)


# ------------------------------------------------------------------ how well it reads
def _compare(cases: list[dict[str, Any]]) -> tuple[ReaderReport, ReaderReport]:
    return evaluate_reader(cases, rules_only), evaluate_reader(cases, with_model)


def _summary(rules: ReaderReport, model: ReaderReport) -> str:
    return (f"rules P={rules.precision} R={rules.recall}; "
            f"with the model P={model.precision} R={model.recall}")


def _meets_targets(rules: ReaderReport, model: ReaderReport) -> None:
    assert model.precision is not None and model.precision >= 0.90, _summary(rules, model)
    assert rules.recall is not None and model.recall is not None
    assert model.recall >= rules.recall, _summary(rules, model)
    assert model.red_flag_negation_errors == []


def test_with_the_model_the_test_descriptions_keep_their_scores() -> None:
    _meets_targets(*_compare(DESCRIPTIONS))


def test_with_the_model_the_dev_cases_keep_their_scores(dev_cases: list[dict[str, Any]]) -> None:
    _meets_targets(*_compare(dev_cases))


def test_the_model_recovers_findings_said_in_words_the_rules_do_not_know() -> None:
    rules, model = _compare(PARAPHRASES)
    _meets_targets(rules, model)
    # The rules now read most of these paraphrases themselves (recall 0.59 -> 0.75 when the
    # concepts, spelling and discourse steps came in, 0.84 since); the model still adds one.
    assert model.correct - rules.correct >= 1, _summary(rules, model)


def test_threshold_and_margin_are_the_best_fit_on_the_test_descriptions() -> None:
    """The tuning, repeated: on the clauses the rules read in descriptions.yaml, the model's
    proposals must agree with the rules at least 92% of the time, and the packaged pair
    is the one with the most agreeing proposals (threshold 0.50 or more, ties to the lower)."""
    points = [p for item in DESCRIPTIONS for p in agreement_with_rules(item["text"], LEX)]

    def score(threshold: float, margin: float) -> tuple[int, int]:
        chosen = [p for p in points if p.similarity >= threshold and p.lead >= margin]
        return sum(p.agrees for p in chosen), len(chosen)

    data = load_semantic_rules().data
    good, total = score(data.threshold, data.margin)
    assert total >= 20 and good / total >= 0.92, (good, total)
    grid = [(t / 100, m / 100) for t in range(50, 81) for m in range(0, 11)]
    best = max(
        (score(t, m)[0], -t, -m) for t, m in grid
        if score(t, m)[1] and score(t, m)[0] / score(t, m)[1] >= 0.92
    )
    assert (data.threshold, data.margin) == (-best[1], -best[2])
