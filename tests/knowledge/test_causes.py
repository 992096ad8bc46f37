"""Each cause carries an evidence grade, its sources and linked findings."""

from __future__ import annotations

from typing import Any, get_args

from crampcoach.knowledge import load_knowledge
from crampcoach.knowledge.schema import Grade


def test_every_cause_has_an_evidence_grade_and_basis() -> None:
    for cid, cause in load_knowledge().causes.items():
        assert cause.evidence.grade in get_args(Grade), cid
        assert len(cause.evidence.basis.strip()) >= 3, cid


def test_causes_from_the_seeds_cite_the_seeds_the_vocabulary_names(
    vocabulary: dict[str, Any],
) -> None:
    kb = load_knowledge()
    for cid, entry in vocabulary["causes"].items():
        cited = {c.seed for c in kb.causes[cid].sources}
        assert set(entry["seeds"]) <= cited, cid


def test_red_flag_conditions_are_marked_and_referred_urgently() -> None:
    kb = load_knowledge()
    for cid in ("deep_vein_thrombosis", "cauda_equina_syndrome", "rhabdomyolysis"):
        cause = kb.causes[cid]
        assert cause.red_flag, cid
        assert cause.refer is not None and cause.refer.level == "urgent", cid


def test_every_link_has_a_source_or_a_stated_basis() -> None:
    missing = [
        f"{cid} -> {fid}"
        for cid, cause in load_knowledge().causes.items()
        for fid, link in cause.links.items()
        if not link.sources and not link.basis.strip()
    ]
    assert not missing
