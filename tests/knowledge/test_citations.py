"""Every citation locator in the knowledge base occurs verbatim in the seed it names.

Citations are found two ways so none escapes: by walking what every knowledge loader
returns (the core knowledge base, the plan knowledge and any later one) for `Citation`
instances, and by scanning every YAML file of the package for seed/locator mappings.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

import crampcoach
from crampcoach.knowledge import load_knowledge
from crampcoach.knowledge.schema import Citation

from .all_knowledge import knowledge_loaders

PACKAGE_DIR = Path(crampcoach.__file__).parent
LOADERS = dict(knowledge_loaders())
CORE_LOADER = "crampcoach.knowledge.loader.load_knowledge"
QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"',
                        "„": '"', "‟": '"'})


def normalise(text: str) -> str:
    """Whitespace collapsed, case folded, typographic quotes made plain."""
    return re.sub(r"\s+", " ", text.translate(QUOTES)).strip().casefold()


def walk_citations(value: Any, where: str, seen: set[int] | None = None,
                   ) -> Iterator[tuple[str, Citation]]:
    """Every Citation inside pydantic models, dataclasses and containers, with its path."""
    seen = set() if seen is None else seen
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, Citation):
        yield where, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from walk_citations(getattr(value, name), f"{where}.{name}", seen)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from walk_citations(getattr(value, f.name), f"{where}.{f.name}", seen)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from walk_citations(item, f"{where}.{key}", seen)
    elif isinstance(value, list | tuple | set | frozenset):
        for i, item in enumerate(value):
            yield from walk_citations(item, f"{where}[{i}]", seen)


def yaml_citations() -> list[tuple[str, Citation]]:
    """Every mapping with `seed` and `locator` in any YAML file of the package."""
    found: list[tuple[str, Citation]] = []

    def visit(value: Any, where: str) -> None:
        if isinstance(value, dict):
            if "seed" in value and "locator" in value:
                found.append((where, Citation(seed=str(value["seed"]),
                                              locator=str(value["locator"]))))
            for key, item in value.items():
                visit(item, f"{where}.{key}")
        elif isinstance(value, list):
            for i, item in enumerate(value):
                visit(item, f"{where}[{i}]")

    for path in sorted(PACKAGE_DIR.rglob("*.y*ml")):
        visit(yaml.safe_load(path.read_text(encoding="utf-8")),
              str(path.relative_to(PACKAGE_DIR)))
    return found


def not_found(citations: list[tuple[str, Citation]], seeds: dict[str, str]) -> list[str]:
    text = {seed: normalise(body) for seed, body in seeds.items()}
    bad = []
    for where, citation in citations:
        if citation.seed not in text:
            bad.append(f"{where}: no seed {citation.seed}")
        elif normalise(citation.locator) not in text[citation.seed]:
            bad.append(f"{where}: seed {citation.seed} lacks {citation.locator!r}")
    return bad


def test_normalise_folds_case_space_and_typographic_quotes() -> None:
    assert normalise("Here’s  a\n“Quote”") == normalise("here's a \"quote\"")
    assert normalise("glute bridges") != normalise("glute-bridges")


def test_a_paraphrased_locator_is_caught(seeds: dict[str, str]) -> None:
    paraphrase = Citation(seed="000", locator="hamstrings are much stronger than the glutes")
    unknown_seed = Citation(seed="009", locator="your hamstrings are relatively strong")
    assert len(not_found([("a", paraphrase), ("b", unknown_seed)], seeds)) == 2


def test_the_core_knowledge_base_is_among_the_loaders() -> None:
    assert CORE_LOADER in LOADERS


def test_the_walk_reaches_causes_links_findings_rules_and_disagreements() -> None:
    paths = [where for where, _ in walk_citations(load_knowledge(), "kb")]
    for part in (".causes.", ".links.", ".findings.", ".red_flags", ".disagreements"):
        assert any(part in where for where in paths), part


@pytest.mark.parametrize("loader", sorted(LOADERS))
def test_every_citation_occurs_verbatim_in_its_seed(loader: str, seeds: dict[str, str]) -> None:
    citations = list(walk_citations(LOADERS[loader](), loader))
    assert citations, f"{loader} returned knowledge without a single citation"
    bad = not_found(citations, seeds)
    assert not bad, "\n".join(bad)


def test_every_yaml_citation_occurs_verbatim_in_its_seed(seeds: dict[str, str]) -> None:
    citations = yaml_citations()
    assert len(citations) >= 50
    bad = not_found(citations, seeds)
    assert not bad, "\n".join(bad)


def test_every_yaml_citation_is_read_by_a_knowledge_loader() -> None:
    # A citation in a file no loader reads would be knowledge that nothing uses.
    loaded = {
        (c.seed, normalise(c.locator))
        for name, loader in LOADERS.items()
        for _, c in walk_citations(loader(), name)
    }
    unread = [f"{where}: {c.locator!r}" for where, c in yaml_citations()
              if (c.seed, normalise(c.locator)) not in loaded]
    assert not unread, "\n".join(unread)


def test_every_seed_is_cited(seeds: dict[str, str]) -> None:
    assert set(seeds) <= {c.seed for _, c in yaml_citations()}
