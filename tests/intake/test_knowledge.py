"""The topics file: checked against the causes on load, problems named by file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from crampcoach.intake.knowledge import (
    TOPICS_PATH,
    load_topics_knowledge,
    load_topics_knowledge_from,
)
from crampcoach.knowledge import KnowledgeError


def broken_copy(tmp_path: Path, old: str, new: str) -> Path:
    path = tmp_path / "topics.yaml"
    text = TOPICS_PATH.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_packaged_topics_load_with_sources_on_every_topic() -> None:
    topics = load_topics_knowledge()
    assert len(topics.topics) >= 8
    assert all(t.sources for t in topics.topics)


def test_a_topic_naming_an_unknown_cause_is_reported_with_its_line(tmp_path: Path) -> None:
    path = broken_copy(tmp_path, "causes: [glute_weakness, muscle_strain]",
                       "causes: [glute_weakenss]")
    with pytest.raises(KnowledgeError) as caught:
        load_topics_knowledge_from(path)
    problem = caught.value.problems[0]
    assert "unknown cause id 'glute_weakenss'" in problem.message
    assert "glute_weakenss" in path.read_text(encoding="utf-8").splitlines()[problem.line - 1]


def test_a_topic_without_sources_is_rejected(tmp_path: Path) -> None:
    path = broken_copy(tmp_path, "    sources:\n      - {seed: \"001\", locator: \"Sets/reps: Not specified\"}\n"
                       "      - {seed: \"000\", locator: \"Regress to bodyweight glute bridges\"}\n"
                       "      - {seed: \"000\", locator: \"Once you feel your glutes working very well "
                       "with bodyweight bilateral glute bridges\"}\n", "    sources: []\n")
    with pytest.raises(KnowledgeError, match="sources"):
        load_topics_knowledge_from(path)


def test_cause_keywords_must_name_known_causes(tmp_path: Path) -> None:
    path = broken_copy(tmp_path, "  heat_humidity: [", "  heat_and_humidity: [")
    with pytest.raises(KnowledgeError, match="unknown cause id 'heat_and_humidity'"):
        load_topics_knowledge_from(path)
