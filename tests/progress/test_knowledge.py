"""The tracking knowledge files: loaded, cross-checked, every problem reported with file:line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from crampcoach.knowledge import KnowledgeError, load_knowledge
from crampcoach.knowledge.loader import KNOWLEDGE_DIR
from crampcoach.progress.knowledge import load_progress_knowledge, load_progress_knowledge_from


def copy_of_files(tmp_path: Path) -> Path:
    for name in ("waterfalls.yaml", "escalation.yaml"):
        shutil.copy(KNOWLEDGE_DIR / name, tmp_path / name)
    return tmp_path


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_the_packaged_files_load_with_the_ladder_rules() -> None:
    k = load_progress_knowledge()
    assert k.escalation.finding in load_knowledge().findings
    assert {s.exercise for s in k.ladder.steps} <= k.bridge_exercises
    assert k.name_of("glute_bridge") == "Bodyweight glute bridge"


def test_a_broken_copy_reports_every_problem_with_file_and_line(tmp_path: Path) -> None:
    root = copy_of_files(tmp_path)
    waterfalls, escalation = root / "waterfalls.yaml", root / "escalation.yaml"
    waterfalls.write_text(waterfalls.read_text()
                          .replace("family: glute_ladder", "family: glute_ladders")
                          .replace("({lead_share})", "({lead_shar})", 1))
    escalation.write_text(escalation.read_text()
                          .replace("finding: persists_despite_self_care", "finding: persists"))
    with pytest.raises(KnowledgeError) as caught:
        load_progress_knowledge_from(root, core=load_knowledge())
    problems = [str(p) for p in caught.value.problems]
    assert len(problems) == 3
    assert any(f"waterfalls.yaml:{line_of(waterfalls, 'family:')}:" in p
               and "glute_ladders" in p for p in problems)
    assert any("{lead_shar}" in p for p in problems)
    assert any(f"escalation.yaml:{line_of(escalation, 'finding:')}:" in p
               and "'persists'" in p for p in problems)


def test_schema_errors_in_both_files_are_all_reported(tmp_path: Path) -> None:
    root = copy_of_files(tmp_path)
    escalation = root / "escalation.yaml"
    escalation.write_text(escalation.read_text().replace("weeks_with_cramps: 3",
                                                         "weeks_with_cramps: 9"))
    waterfalls = root / "waterfalls.yaml"
    waterfalls.write_text(waterfalls.read_text().replace("compare_weeks: 2",
                                                         "compare_weeks: 2\nspare: 1"))
    with pytest.raises(KnowledgeError) as caught:
        load_progress_knowledge_from(root)
    text = str(caught.value)
    assert "weeks_with_cramps cannot exceed window_weeks" in text
    assert f"waterfalls.yaml:{line_of(waterfalls, 'spare:')}: spare" in text
