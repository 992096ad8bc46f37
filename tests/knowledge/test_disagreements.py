"""Where the seeds disagree, the knowledge base says who stands on which side."""

from __future__ import annotations

from crampcoach.knowledge import load_knowledge
from crampcoach.knowledge.schema import Disagreement


def _about(cause: str) -> Disagreement:
    found = [d for d in load_knowledge().disagreements if cause in d.causes]
    assert found, f"no disagreement about {cause}"
    return found[0]


def test_dehydration_disagreement_names_001_as_against() -> None:
    d = _about("dehydration")
    assert "001" in d.sources_against
    assert {"002", "003", "004"} <= set(d.sources_for)


def test_electrolyte_disagreement_names_001_as_against() -> None:
    d = _about("electrolyte_deficit")
    assert "001" in d.sources_against
    assert {"002", "003", "004"} <= set(d.sources_for)


def test_stretching_during_a_cramp_disagreement_rests_on_003() -> None:
    topics = [d for d in load_knowledge().disagreements if "stretch" in d.topic]
    assert topics, "no disagreement about stretching during a cramp"
    assert "003" in topics[0].sources_for + topics[0].sources_against
    assert any(c.seed == "003" for c in topics[0].citations)


def test_no_seed_is_on_both_sides() -> None:
    for d in load_knowledge().disagreements:
        assert not set(d.sources_for) & set(d.sources_against), d.topic
