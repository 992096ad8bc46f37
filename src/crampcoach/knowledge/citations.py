"""Every citation in the knowledge base, grouped by seed: what each source contributed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from crampcoach.knowledge.loader import KnowledgeBase
from crampcoach.knowledge.schema import Citation


@dataclass(frozen=True)
class CitedEntry:
    seed: str
    locator: str
    entry: str  # e.g. "cause glute_weakness", "link glute_weakness -> hard_to_feel_glutes"
    note: str


def walk_citations(value: Any, where: str) -> Iterator[tuple[str, Citation]]:
    """Find Citation objects anywhere inside models, dicts and lists."""
    if isinstance(value, Citation):
        yield where, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from walk_citations(getattr(value, name), where)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from walk_citations(item, f"{where} {key}" if where.startswith("link") else where)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from walk_citations(item, where)


def entries(kb: KnowledgeBase, extra: dict[str, Any] | None = None) -> Iterator[tuple[str, Any]]:
    """(label, knowledge entry) pairs whose citations `crampcoach sources` lists."""
    for fid, finding in kb.findings.items():
        yield f"finding {fid}", finding
    for cid, cause in kb.causes.items():
        yield f"cause {cid}", cause.sources
        for fid, link in cause.links.items():
            yield f"link {cid} -> {fid}", link
    for rule in kb.red_flags:
        yield f"red flag {rule.id}", rule
    for d in kb.disagreements:
        yield f"disagreement {d.topic}", d
    yield from (extra or {}).items()


def citations_by_seed(kb: KnowledgeBase, extra: dict[str, Any] | None = None,
                      ) -> dict[str, list[CitedEntry]]:
    found: dict[str, list[CitedEntry]] = {}
    for label, value in entries(kb, extra):
        for _, citation in walk_citations(value, label):
            found.setdefault(citation.seed, []).append(
                CitedEntry(citation.seed, citation.locator, label, citation.note))
    return dict(sorted(found.items()))
