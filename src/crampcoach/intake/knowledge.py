"""The intake's share of the knowledge base: the topics that answer people's questions.

Loaded once, checked against the causes, every problem reported with its file:line.
"""

from __future__ import annotations

import functools
from pathlib import Path

from crampcoach.intake.schema import TopicsFile
from crampcoach.knowledge import KnowledgeError, load_knowledge
from crampcoach.knowledge.loader import KNOWLEDGE_DIR, ProblemCollector, cached_build

TOPICS_PATH = KNOWLEDGE_DIR / "topics.yaml"


def load_topics_knowledge_from(path: Path) -> TopicsFile:
    """Load a topics file from any path (tests use broken copies)."""
    kb = load_knowledge()
    problems = ProblemCollector(KNOWLEDGE_DIR)
    topics = problems.parse(path, TopicsFile)
    if topics is not None:
        seen: set[str] = set()
        for i, topic in enumerate(topics.topics):
            if topic.id in seen or topic.id in kb.causes:
                problems.add_at(path, ("topics", i, "id"), f"duplicate entry id '{topic.id}'")
            seen.add(topic.id)
            for cause_id in topic.causes:
                if cause_id not in kb.causes:
                    problems.add_at(path, ("topics", i, "causes"), f"unknown cause id '{cause_id}'")
        for cause_id in topics.cause_keywords:
            if cause_id not in kb.causes:
                problems.add_at(path, ("cause_keywords", cause_id), f"unknown cause id '{cause_id}'")
    if problems.problems:
        raise KnowledgeError(problems.problems)
    assert topics is not None  # no problems means it parsed
    return topics


@functools.cache
def load_topics_knowledge() -> TopicsFile:
    """The packaged topics, loaded and checked once per process."""
    return cached_build("topics-knowledge", TopicsFile, lambda: load_topics_knowledge_from(TOPICS_PATH))
