"""Load, validate and cross-check the knowledge base; report every error with file:line.

Loading is done once per process (`load_knowledge()` is cached) because every command
and request reads the same data.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import threading
from collections.abc import Callable, Iterable
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
    Level,
    RedFlagRule,
    RedFlagsFile,
    TriageLevel,
    TriageLevelsFile,
)
from crampcoach.knowledge.stored_regex import CachePickler

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

    def red_flag_findings(self) -> frozenset[str]:
        """Findings that on their own make triage urgent: never to be read as present lightly."""
        return frozenset(f for rule in self.red_flags if rule.level == "urgent" and not rule.when.all
                         for f in rule.when.any)

    def screening_checklist(self) -> list[str]:
        """The warning signs asked together on one screen before any other question.

        Every finding that alone makes triage see_doctor or urgent, and every finding with
        an unconditional `screen`, in screen order.
        """
        return list(self._checklist)

    # Worked out once per knowledge base: the interview and triage ask on every assessment.
    @functools.cached_property
    def _checklist(self) -> tuple[str, ...]:
        alone = {f for rule in self.red_flags if rule.level in ("see_doctor", "urgent")
                 and not rule.when.all for f in rule.when.any}
        alone |= {f for f, spec in self.findings.items() if spec.screen and not spec.screen.when_any}
        return tuple(sorted(alone, key=self._screen_order))

    @functools.cached_property
    def red_flag_sets(self) -> tuple[tuple[RedFlagRule, frozenset[str], frozenset[str],
                                           frozenset[str]], ...]:
        """Each red-flag rule with its `all`, `any` and `none` findings as sets, for quick
        matching."""
        return tuple((rule, frozenset(rule.when.all), frozenset(rule.when.any),
                      frozenset(rule.when.none)) for rule in self.red_flags)

    @functools.cached_property
    def red_flag_levels(self) -> dict[str, Level]:
        """Each red-flag rule's level, by the rule's id (a triage reason names its rule)."""
        return {rule.id: rule.level for rule in self.red_flags}

    @functools.cached_property
    def red_flag_rule_findings(self) -> frozenset[str]:
        """Every finding some red-flag rule names: without one of them present, none fires."""
        return frozenset(f for rule in self.red_flags for f in (*rule.when.all, *rule.when.any))

    @functools.cached_property
    def ordinary_topics(self) -> dict[str, str]:
        """Each finding asked outside the screens, with its topic (one interview step)."""
        return {f: spec.group for f, spec in self.findings.items() if spec.screen is None}

    @functools.cached_property
    def conditional_questions(self) -> frozenset[str]:
        """Findings asked only of some people or after some answers (age, sex, `skip_when`)."""
        return frozenset(f for f, spec in self.findings.items()
                         if spec.asked_below_age is not None or spec.asked_when_sex
                         or spec.skip_when)

    @functools.cached_property
    def red_flags_in_screening_order(self) -> tuple[str, ...]:
        """Every warning-sign finding, in the order the interview screens them."""
        return tuple(sorted(self.red_flag_findings(), key=self._screen_order))

    def _screen_order(self, fid: str) -> tuple[int, str]:
        screen = self.findings[fid].screen
        return (screen.order if screen else 99, fid)


class ProblemCollector:
    """Parses knowledge files and collects every problem, each with its file:line.

    Shared by every loader (core, plans, intake, progress) so errors read the same.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[KnowledgeProblem] = []
        self.files: dict[str, Source] = {}
        self._raw: dict[Path, Any] = {}

    def raw(self, path: Path) -> Any:
        """The decoded YAML of a file, or None when it could not be read or parsed."""
        return self._raw.get(path)

    def rel(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root.parent))
        except ValueError:
            return str(path)

    def add(self, path: Path, line: int, message: str) -> None:
        self.problems.append(KnowledgeProblem(self.rel(path), line, message))

    def add_at(self, path: Path, loc: tuple[str | int, ...], message: str) -> None:
        """Report a problem at the line of a value inside a parsed file."""
        self.add(path, self.line(path, *loc), message)

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
        self._raw[path] = data
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


def _mapping(value: Any) -> dict[Any, Any]:
    return value if isinstance(value, dict) else {}


def _strings(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _load(root: Path) -> KnowledgeBase:
    c = ProblemCollector(root)
    levels_path = root / "triage_levels.yaml"
    findings_path = root / "findings.yaml"
    flags_path = root / "red_flags.yaml"
    disagree_path = root / "disagreements.yaml"

    levels = c.parse(levels_path, TriageLevelsFile)
    findings_file = c.parse(findings_path, FindingsFile)
    causes: dict[str, Cause] = {}
    cause_paths = sorted((root / "causes").glob("*.yaml"))
    for path in cause_paths:
        cause = c.parse(path, Cause)
        if cause is not None:
            if cause.id != path.stem:
                c.add(path, c.line(path, "id"), f"id '{cause.id}' does not match file name")
            causes[cause.id] = cause
    flags = c.parse(flags_path, RedFlagsFile)
    disagreements = c.parse(disagree_path, DisagreementsFile)

    # Cross-references are checked on the raw data of every file that parsed as YAML, even
    # one that failed its schema, so one mistake neither hides nor multiplies the others.
    # A check is skipped only when the file it refers to could not be read at all.
    raw_findings = c.raw(findings_path)
    known_findings = set(_mapping(raw_findings).get("findings", {})) if raw_findings is not None else None
    groups = set(_mapping(_mapping(raw_findings).get("groups")))
    raw_causes = {path: c.raw(path) for path in cause_paths}
    known_causes = None if any(r is None for r in raw_causes.values()) else {
        str(_mapping(r).get("id", path.stem)) for path, r in raw_causes.items()}
    linked: set[str] = set()
    flagged: set[str] = set()

    if known_findings is not None:
        for fid, finding in _mapping(_mapping(raw_findings).get("findings")).items():
            finding = _mapping(finding)
            if "group" in finding and groups and finding["group"] not in groups:
                c.add(findings_path, c.line(findings_path, "findings", fid, "group"),
                      f"finding '{fid}': unknown group '{finding['group']}'")
            screen = _mapping(finding.get("screen"))
            c.check_ids(findings_path, _strings(screen.get("when_any")), known_findings, "finding",
                        ("findings", fid, "screen"))
            skip = _mapping(finding.get("skip_when"))
            c.check_ids(findings_path, [*_strings(skip.get("after_yes")), *_strings(skip.get("after_no"))],
                        known_findings, "finding", ("findings", fid, "skip_when"))
    for path, raw in raw_causes.items():
        links = _mapping(_mapping(raw).get("links"))
        linked.update(str(f) for f in links)
        if known_findings is not None:
            c.check_ids(path, [str(f) for f in links], known_findings, "finding", ("links",), keyed=True)
        if raw is not None and not links:
            c.add(path, c.line(path, "links"), "a cause needs at least one linked finding")
    raw_rules = _mapping(c.raw(flags_path)).get("rules")
    seen: set[str] = set()
    for i, rule in enumerate(raw_rules if isinstance(raw_rules, list) else []):
        rule = _mapping(rule)
        when = _mapping(rule.get("when"))
        ids = [*_strings(when.get("all")), *_strings(when.get("any"))]
        flagged.update(ids)
        if not ids:
            c.add(flags_path, c.line(flags_path, "rules", i), f"rule '{rule.get('id')}' has no finding")
        if known_findings is not None:
            c.check_ids(flags_path, ids, known_findings, "finding", ("rules", i, "when"))
            c.check_ids(flags_path, _strings(when.get("none")), known_findings, "finding",
                        ("rules", i, "when", "none"))
        if known_causes is not None and isinstance(rule.get("suspected"), str):
            c.check_ids(flags_path, [rule["suspected"]], known_causes, "cause", ("rules", i, "suspected"))
        if rule.get("id") in seen:
            c.add(flags_path, c.line(flags_path, "rules", i, "id"), f"duplicate rule id '{rule['id']}'")
        seen.add(str(rule.get("id")))
    raw_disagreements = _mapping(c.raw(disagree_path)).get("disagreements")
    if known_causes is not None:
        for i, d in enumerate(raw_disagreements if isinstance(raw_disagreements, list) else []):
            c.check_ids(disagree_path, _strings(_mapping(d).get("causes")), known_causes, "cause",
                        ("disagreements", i, "causes"))
    # Findings nothing links to could never move a cause; say so rather than ask them in vain.
    rules_readable = c.raw(flags_path) is not None
    if known_findings is not None and rules_readable and all(r is not None for r in raw_causes.values()):
        for fid in known_findings:
            if fid not in linked and fid not in flagged:
                c.add(findings_path, c.line(findings_path, "findings", fid),
                      f"finding '{fid}' is linked to no cause and used by no red-flag rule")

    if c.problems:
        raise KnowledgeError(c.problems)
    assert levels and findings_file and flags and disagreements  # no problems means all parsed
    return KnowledgeBase(
        root=root,
        triage_levels={str(k): v for k, v in levels.levels.items()},
        findings=dict(findings_file.findings),
        groups=dict(findings_file.groups),
        causes=causes,
        red_flags=list(flags.rules),
        disagreements=list(disagreements.disagreements),
        files=c.files,
    )


def load_knowledge_from(root: Path) -> KnowledgeBase:
    """Load a knowledge base from any folder (tests use broken copies)."""
    return _load(root)


@functools.cache
def _fingerprint() -> str:
    """Changes whenever a knowledge file, or the code that compiles one, changes (names, sizes,
    modification times): a cache must never outlive the rules that made it."""
    digest = hashlib.sha256(__version__.encode())
    package = KNOWLEDGE_DIR.parent
    for path in sorted([*KNOWLEDGE_DIR.rglob("*.yaml"), *package.rglob("*.py")]):
        stat = path.stat()
        digest.update(f"{path.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()[:24]


@functools.cache
def load_knowledge() -> KnowledgeBase:
    """The packaged knowledge base, loaded once per process.

    Validating ~30 YAML files costs more than a whole assessment, so the validated result
    is cached on disk, keyed by a fingerprint of the files, and reused by later processes.
    """
    return cached_build("compiled-knowledge", KnowledgeBase, lambda: _load(KNOWLEDGE_DIR))


Cached = TypeVar("Cached")


def cached_build(kind: str, of: type[Cached], build: Callable[[], Cached]) -> Cached:
    """What `build` makes from the packaged knowledge files, kept on disk for later processes.

    Parsing YAML with line numbers and validating it costs far more than reading a pickle,
    and every command starts with it; a change to any knowledge file builds afresh.
    """
    value = read_cached(kind, of)
    if value is None:
        value = build()
        write_cached(kind, value)
    return value


def _cache_file(kind: str) -> Path:
    cache = Path(platformdirs.user_cache_dir("crampcoach", appauthor=False))
    # One entry per installed copy: two installs (two virtual environments) must not
    # evict each other's cache on every start.
    install = hashlib.sha256(str(KNOWLEDGE_DIR.resolve()).encode()).hexdigest()[:12]
    return cache / f"{kind}-{install}-{_fingerprint()}.pickle"


def read_cached(kind: str, of: type[Cached]) -> Cached | None:
    """What `write_cached` kept for the knowledge files as they are now, if it is an `of`."""
    try:
        with _cache_file(kind).open("rb") as handle:
            value = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    return value if isinstance(value, of) else None


def write_cached(kind: str, value: object) -> None:
    """Keep `value`, worked out from the knowledge files, for later processes."""
    cached = _cache_file(kind)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        for stale in cached.parent.glob(cached.name.rsplit("-", 1)[0] + "-*.pickle"):
            stale.unlink(missing_ok=True)
        # One partial file per process and thread: the interview builds in a thread while
        # the main thread may build the same.
        partial = cached.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        with partial.open("wb") as handle:
            # Patterns go with their compiled code: parsing them again costs a second.
            CachePickler(handle, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
        partial.replace(cached)  # atomic: concurrent processes never read half a file
    except OSError:
        pass  # a read-only home just means no cache


def as_plain(value: Any) -> Any:
    """A pydantic model or container as plain JSON-ready data."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    return value
