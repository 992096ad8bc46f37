"""Every id of the shared vocabulary has a meaning in the knowledge base."""

from __future__ import annotations

from typing import Any

import yaml

from crampcoach.knowledge import load_knowledge
from crampcoach.knowledge.loader import KNOWLEDGE_DIR

EXERCISES_DIR = KNOWLEDGE_DIR / "exercises"


def test_every_vocabulary_cause_has_an_entry(vocabulary: dict[str, Any]) -> None:
    missing = sorted(set(vocabulary["causes"]) - set(load_knowledge().causes))
    assert not missing


def test_every_vocabulary_finding_has_an_entry(vocabulary: dict[str, Any]) -> None:
    missing = sorted(set(vocabulary["findings"]) - set(load_knowledge().findings))
    assert not missing


def test_every_vocabulary_triage_level_has_an_entry(vocabulary: dict[str, Any]) -> None:
    levels = [level["id"] for level in vocabulary["triage_levels"]]
    assert list(load_knowledge().triage_levels) == levels  # same ids, same order


def test_findings_the_project_added_are_marked_added(vocabulary: dict[str, Any]) -> None:
    kb = load_knowledge()
    unmarked = [f for f, finding in kb.findings.items()
                if f not in vocabulary["findings"] and not finding.added]
    marked_wrongly = [f for f in vocabulary["findings"] if kb.findings[f].added]
    assert not unmarked
    assert not marked_wrongly


def test_every_finding_has_a_question_help_and_yes_no_answers() -> None:
    for fid, finding in load_knowledge().findings.items():
        assert finding.question.strip().endswith("?"), fid
        assert finding.help.strip() and finding.help != finding.question, fid
        assert {"yes", "no"} <= set(finding.answers), fid


def _exercise_ids_in_files() -> set[str]:
    """Exercise ids found in knowledge/exercises/*.yaml, whatever their layout.

    A file may hold one exercise (named by its `id` or its file name) or a mapping or
    list of them under `exercises`.
    """
    ids: set[str] = set()
    for path in sorted(EXERCISES_DIR.glob("**/*.y*ml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            continue
        entries = data.get("exercises")
        if isinstance(entries, dict):
            ids.update(str(k) for k in entries)
        elif isinstance(entries, list):
            ids.update(str(e["id"]) for e in entries if isinstance(e, dict) and "id" in e)
        elif "id" in data:
            ids.add(str(data["id"]))
        else:
            ids.add(path.stem)
    return ids


def test_every_vocabulary_exercise_has_an_entry(vocabulary: dict[str, Any]) -> None:
    from crampcoach.plan import load_plan_knowledge

    missing = sorted(set(vocabulary["exercises"]) - _exercise_ids_in_files())
    assert not missing
    assert set(vocabulary["exercises"]) <= set(load_plan_knowledge().exercises)


def test_vocabulary_shape_is_what_these_tests_read(vocabulary: dict[str, Any]) -> None:
    # Guards the checks above against passing vacuously on a reshaped vocabulary.
    assert len(vocabulary["causes"]) >= 10
    assert len(vocabulary["findings"]) >= 40
    assert len(vocabulary["exercises"]) >= 10
    assert len(vocabulary["triage_levels"]) == 4

