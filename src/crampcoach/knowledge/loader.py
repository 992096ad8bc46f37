"""Load, validate and cross-check the knowledge base; report every error with file:line.

Loading is done once per process (`load_knowledge()` is cached) because every command
and request reads the same data.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import platformdirs
from pydantic import BaseModel, ValidationError

from crampcoach import __version__
from crampcoach.knowledge.schema import (
    Cause,
    Disagreement,
    DisagreementsFile,
    Finding,
    FindingsFile,
    RedFlagRule,
    RedFlagsFile,
    TriageLevel,
    TriageLevelsFile,
)

if TYPE_CHECKING:
    from crampcoach.knowledge.yaml_lines import LineMap

KNOWLEDGE_DIR = Path(__file__).parent
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class KnowledgeProblem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class KnowledgeError(Exception):
    """The knowledge base is broken; `problems` lists every error found, not just the first."""

    def __init__(self, problems: list[KnowledgeProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class Source:
    """One parsed file: its model and where each value sits, for cross-reference errors."""

    path: Path
    lines: LineMap


@dataclass
class KnowledgeBase:
    root: Path
    triage_levels: dict[str, TriageLevel]
    findings: dict[str, Finding]
    groups: dict[str, str]
    causes: dict[str, Cause]
    red_flags: list[RedFlagRule]
    disagreements: list[Disagreement]
    # Every parsed file, so later checks (and `crampcoach sources`) can point at lines.
    files: dict[str, Source] = field(default_factory=dict)


class _Collector:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[KnowledgeProblem] = []
        self.files: dict[str, Source] = {}

    def rel(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root.parent))
        except ValueError:
            return str(path)

    def add(self, path: Path, line: int, message: str) -> None:
        self.problems.append(KnowledgeProblem(self.rel(path), line, message))

    def parse(self, path: Path, model: type[M]) -> M | None:
        import yaml  # only needed when the cache is cold

        from crampcoach.knowledge.yaml_lines import load_yaml_with_lines

        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            self.add(path, 1, f"cannot read: {exc.strerror}")
            return None
        try:
            data, lines = load_yaml_with_lines(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else 1
            problem = getattr(exc, "problem", None) or str(exc)
            self.add(path, line, f"YAML syntax: {problem}")
            return None
        self.files[self.rel(path)] = Source(path, lines)
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            for err in exc.errors():
                loc = tuple(err["loc"])
                where = ".".join(str(p) for p in loc)
                self.add(path, lines.line_for(loc), f"{where}: {err['msg']}")
            return None

    def line(self, path: Path, *loc: str | int) -> int:
        source = self.files.get(self.rel(path))
        return source.lines.line_for(loc) if source else 1

    def check_ids(
        self, path: Path, ids: Iterable[str], known: Iterable[str], kind: str,
        at: tuple[str | int, ...], keyed: bool = False,
    ) -> None:
        """Report ids not in `known` at the line of `at` (or of `at` + the id, when keyed)."""
        known_set = set(known)
        for ident in ids:
            if ident not in known_set:
                loc = (*at, ident) if keyed else at
                self.add(path, self.line(path, *loc), f"unknown {kind} id '{ident}'")


def _load(root: Path) -> KnowledgeBase:
    c = _Collector(root)
    levels_path = root / "triage_levels.yaml"
    findings_path = root / "findings.yaml"
    flags_path = root / "red_flags.yaml"
    disagree_path = root / "disagreements.yaml"

    levels = c.parse(levels_path, TriageLevelsFile)
    findings_file = c.parse(findings_path, FindingsFile)
    causes: dict[str, Cause] = {}
    cause_paths: dict[str, Path] = {}
    for path in sorted((root / "causes").glob("*.yaml")):
        cause = c.parse(path, Cause)
        if cause is None:
            continue
        if cause.id != path.stem:
            c.add(path, c.line(path, "id"), f"id '{cause.id}' does not match file name")
        causes[cause.id] = cause
        cause_paths[cause.id] = path
    flags = c.parse(flags_path, RedFlagsFile)
    disagreements = c.parse(disagree_path, DisagreementsFile)

    findings = findings_file.findings if findings_file else {}
    if findings_file:
        for fid, finding in findings.items():
            if finding.group not in findings_file.groups:
                c.add(findings_path, c.line(findings_path, "findings", fid, "group"),
                      f"finding '{fid}': unknown group '{finding.group}'")
            if finding.screen:
                c.check_ids(findings_path, finding.screen.when_any, findings, "finding",
                            ("findings", fid, "screen"))
    for cid, cause in causes.items():
        path = cause_paths[cid]
        c.check_ids(path, cause.links, findings, "finding", ("links",), keyed=True)
        if not cause.links:
            c.add(path, c.line(path, "links"), "a cause needs at least one linked finding")
    if flags:
        for i, rule in enumerate(flags.rules):
            ids = [*rule.when.all, *rule.when.any]
            if not ids:
                c.add(flags_path, c.line(flags_path, "rules", i), f"rule '{rule.id}' has no finding")
            c.check_ids(flags_path, ids, findings, "finding", ("rules", i, "when"))
            c.check_ids(flags_path, [rule.suspected], causes, "cause",
                        ("rules", i, "suspected"))
        seen: set[str] = set()
        for i, rule in enumerate(flags.rules):
            if rule.id in seen:
                c.add(flags_path, c.line(flags_path, "rules", i, "id"), f"duplicate rule id '{rule.id}'")
            seen.add(rule.id)
    if disagreements:
        for i, d in enumerate(disagreements.disagreements):
            c.check_ids(disagree_path, d.causes, causes, "cause",
                        ("disagreements", i, "causes"))
    # Findings nothing links to could never move a cause; say so rather than ask them in vain.
    linked = {f for cause in causes.values() for f in cause.links}
    flagged = {f for r in (flags.rules if flags else []) for f in (*r.when.all, *r.when.any)}
    for fid in findings:
        if fid not in linked and fid not in flagged:
            c.add(findings_path, c.line(findings_path, "findings", fid),
                  f"finding '{fid}' is linked to no cause and used by no red-flag rule")

    if c.problems:
        raise KnowledgeError(c.problems)
    assert levels and findings_file and flags and disagreements  # no problems means all parsed
    return KnowledgeBase(
        root=root,
        triage_levels={str(k): v for k, v in levels.levels.items()},
        findings=dict(findings),
        groups=dict(findings_file.groups),
        causes=causes,
        red_flags=list(flags.rules),
        disagreements=list(disagreements.disagreements),
        files=c.files,
    )


def load_knowledge_from(root: Path) -> KnowledgeBase:
    """Load a knowledge base from any folder (tests use broken copies)."""
    return _load(root)


def _fingerprint(root: Path) -> str:
    """Changes whenever any knowledge file changes (names, sizes, modification times)."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(root.rglob("*.yaml")):
        stat = path.stat()
        digest.update(f"{path.relative_to(root)}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()[:24]


@functools.cache
def load_knowledge() -> KnowledgeBase:
    """The packaged knowledge base, loaded once per process.

    Validating ~30 YAML files costs more than a whole assessment, so the validated result
    is cached on disk, keyed by a fingerprint of the files, and reused by later processes.
    """
    cache = Path(platformdirs.user_cache_dir("crampcoach", appauthor=False))
    cached = cache / f"knowledge-{_fingerprint(KNOWLEDGE_DIR)}.pickle"
    try:
        with cached.open("rb") as handle:
            kb = pickle.load(handle)
        if isinstance(kb, KnowledgeBase):
            return kb
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    kb = _load(KNOWLEDGE_DIR)
    try:
        cache.mkdir(parents=True, exist_ok=True)
        for stale in cache.glob("knowledge-*.pickle"):
            stale.unlink(missing_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("wb") as handle:
            pickle.dump(kb, handle, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(cached)  # atomic: concurrent processes never read half a file
    except OSError:
        pass  # a read-only home just means no cache
    return kb


def as_plain(value: Any) -> Any:
    """A pydantic model or container as plain JSON-ready data."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    return value
