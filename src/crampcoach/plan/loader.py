"""Load and cross-check the care-plan knowledge; report every error with file:line.

Kept apart from the core knowledge base (and cached on its own) so the plan data can grow
without touching the files the reasoning reads; ids are checked against the core.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from crampcoach.knowledge import KnowledgeBase, KnowledgeError, load_knowledge
from crampcoach.knowledge.loader import KNOWLEDGE_DIR, ProblemCollector, Source, cached_build
from crampcoach.plan.knowledge import (
    PHASES,
    Advice,
    Exercise,
    Habit,
    LadderFile,
    ModulesFile,
    PhasesFile,
    PlanSafetyFile,
    SourceInfo,
    SourcesFile,
)

M = TypeVar("M", Exercise, Advice, Habit)


@dataclass(frozen=True)
class PlanKnowledge:
    root: Path
    exercises: dict[str, Exercise]
    advice: dict[str, Advice]
    phases: PhasesFile
    ladder: LadderFile
    safety: PlanSafetyFile
    habits: dict[str, Habit]
    modules: ModulesFile
    sources: dict[str, SourceInfo]
    files: dict[str, Source] = field(default_factory=dict)

    def family(self, name: str) -> list[Exercise]:
        """The exercises of a family, in id order."""
        return [e for _, e in sorted(self.exercises.items()) if e.family == name]


def _load_folder(c: ProblemCollector, folder: Path, model: type[M],
                 key: str) -> tuple[dict[str, M], dict[str, Path]]:
    """One model per file, its id (`key`) matching the file name."""
    found: dict[str, M] = {}
    paths: dict[str, Path] = {}
    for path in sorted(folder.glob("*.yaml")):
        item = c.parse(path, model)
        if item is None:
            continue
        ident = str(getattr(item, key))
        if ident != path.stem:
            c.add(path, c.line(path, key), f"{key} '{ident}' does not match file name")
        found[ident] = item
        paths[ident] = path
    if not found:
        c.add(folder, 1, "no files found")
    return found, paths


_NAME_SEPARATORS = re.compile(r"[\s_\-/]+")


def name_key(text: str) -> str:
    """Case, separators and a plural 's' do not make a different exercise name."""
    words = _NAME_SEPARATORS.sub(" ", text.strip().lower()).strip()
    return words[:-1] if words.endswith("s") and not words.endswith("ss") else words


def _check_exercises(c: ProblemCollector, exercises: dict[str, Exercise], paths: dict[str, Path],
                     families: Iterable[str], core: KnowledgeBase | None) -> None:
    family_set = set(families)
    named: dict[str, str] = {}
    for eid, ex in sorted(exercises.items()):
        path = paths[eid]
        for text in (eid, ex.name, *ex.aliases):
            other = named.setdefault(name_key(text), eid)
            if other != eid:  # one name must mean one exercise
                c.add(path, c.line(path, "aliases"), f"'{text}' already names '{other}'")
        if ex.family not in family_set:
            c.add(path, c.line(path, "family"), f"unknown family '{ex.family}'")
        if core is not None:
            c.check_ids(path, ex.answers, core.causes, "cause", ("answers",), keyed=True)


def _check_advice(c: ProblemCollector, advice: dict[str, Advice], paths: dict[str, Path],
                  core: KnowledgeBase | None) -> None:
    if core is None:
        return
    topics = {d.topic for d in core.disagreements}
    for aid, item in advice.items():
        path = paths[aid]
        c.check_ids(path, item.answers, core.causes, "cause", ("answers",))
        if item.disagreement is not None and item.disagreement not in topics:
            c.add(path, c.line(path, "disagreement"),
                  f"unknown disagreement topic '{item.disagreement}'")


def _check_phases(c: ProblemCollector, path: Path, phases: PhasesFile, exercises: dict[str, Exercise],
                  core: KnowledgeBase | None) -> None:
    families = phases.session.families
    for name in PHASES:
        if name not in phases.phases:
            c.add(path, c.line(path, "phases"), f"phase '{name}' is not described")
    for name, spec in phases.phases.items():
        c.check_ids(path, [*spec.families, *spec.include], families, "family",
                    ("phases", name, "families"))
        c.check_ids(path, spec.from_day, families, "family", ("phases", name, "from_day"))
        for fam in spec.include:
            if fam not in spec.families:
                c.add(path, c.line(path, "phases", name, "include", fam),
                      f"phase '{name}' includes family '{fam}' it does not allow")
        if core is not None:
            c.check_ids(path, spec.include.values(), core.causes, "cause",
                        ("phases", name, "include"))
    used = {e.family for e in exercises.values()}
    for fam in families:
        if fam not in used:
            c.add(path, c.line(path, "session", "families", fam), f"family '{fam}' has no exercise")
    if phases.session.warmup_family not in families:
        c.add(path, c.line(path, "session", "warmup_family"),
              f"unknown family '{phases.session.warmup_family}'")
    if core is not None:
        c.check_ids(path, [phases.session.warmup_cause], core.causes, "cause",
                    ("session", "warmup_cause"))
        for i, rule in enumerate(phases.rules):
            c.check_ids(path, rule.any, core.findings, "finding", ("rules", i, "any"))


def _check_ladder(c: ProblemCollector, path: Path, ladder: LadderFile, exercises: dict[str, Exercise],
                  families: Iterable[str], core: KnowledgeBase | None) -> None:
    numbers = [s.step for s in ladder.steps]
    if numbers != list(range(1, len(numbers) + 1)):
        c.add(path, c.line(path, "steps"), f"steps must be numbered 1..{len(numbers)} in order")
    if any(s.weeks is None for s in ladder.steps[:-1]):
        c.add(path, c.line(path, "steps"), "only the top step may leave 'weeks' open")
    for i, step in enumerate(ladder.steps):
        ex = exercises.get(step.exercise)
        if ex is None:
            c.add(path, c.line(path, "steps", i, "exercise"), f"unknown exercise id '{step.exercise}'")
        elif ex.family != ladder.family:
            c.add(path, c.line(path, "steps", i, "exercise"),
                  f"'{step.exercise}' is not in the ladder family '{ladder.family}'")
    top = len(ladder.steps)
    for i, rule in enumerate(ladder.start):
        if not 1 <= rule.step <= top:
            c.add(path, c.line(path, "start", i, "step"), f"no step {rule.step}")
    if not 1 <= ladder.default_start <= top:
        c.add(path, c.line(path, "default_start"), f"no step {ladder.default_start}")
    if ladder.timeline.exercise not in {s.exercise for s in ladder.steps}:
        c.add(path, c.line(path, "timeline", "exercise"), "the timeline must name a ladder step")
    c.check_ids(path, [ladder.family, ladder.activation_taper.family], families, "family",
                ("family",))
    if core is not None:
        c.check_ids(path, [ladder.answers], core.causes, "cause", ("answers",))
        for i, rule in enumerate(ladder.start):
            c.check_ids(path, rule.any, core.findings, "finding", ("start", i, "any"))


def _check_safety(c: ProblemCollector, path: Path, safety: PlanSafetyFile, families: Iterable[str],
                  core: KnowledgeBase | None) -> None:
    restriction_ids = [r.id for r in safety.restrictions]
    for i, r in enumerate(safety.restrictions):
        c.check_ids(path, r.only_families, families, "family",
                    ("restrictions", i, "only_families"))
        c.check_ids(path, r.covers, restriction_ids, "restriction", ("restrictions", i, "covers"))
    if core is None:
        return
    for i, r in enumerate(safety.restrictions):
        c.check_ids(path, [*r.when.causes, *r.when.suspected], core.causes, "cause",
                    ("restrictions", i, "when"))
        c.check_ids(path, r.when.findings, core.findings, "finding",
                    ("restrictions", i, "when", "findings"))
    c.check_ids(path, safety.urgent.by_suspected, core.causes, "cause",
                ("urgent", "by_suspected"), keyed=True)


def _check_modules(c: ProblemCollector, path: Path, modules: ModulesFile,
                   habits: dict[str, Habit], habit_paths: dict[str, Path], families: Iterable[str],
                   exercises: dict[str, Exercise], core: KnowledgeBase | None) -> None:
    family_set = set(families)
    for cause, module in modules.modules.items():
        used = [f for slot in module.slots for f in slot] + module.routine + module.leave_out
        c.check_ids(path, used, family_set, "family", ("modules", cause))
        c.check_ids(path, module.habits, habits, "habit", ("modules", cause, "habits"))
        for hid in module.habits:
            exercise = habits[hid].exercise if hid in habits else None
            if exercise in exercises and cause not in exercises[exercise].answers:
                c.add(path, c.line(path, "modules", cause, "habits"),
                      f"habit '{hid}' asks for '{exercise}', which does not answer '{cause}'")
        if any(not slot for slot in module.slots):
            c.add(path, c.line(path, "modules", cause, "slots"), "a slot needs at least one family")
        if module.treatment == "guidance" and not (module.avoid and module.see):
            c.add(path, c.line(path, "modules", cause), "guidance needs `avoid` and `see`")
        if module.treatment == "routine" and not module.routine:
            c.add(path, c.line(path, "modules", cause), "a routine module needs `routine`")
    for hid, habit in habits.items():
        if habit.exercise is not None and habit.exercise not in exercises:
            at = habit_paths[hid]
            c.add(at, c.line(at, "exercise"), f"unknown exercise id '{habit.exercise}'")
    if core is not None:
        c.check_ids(path, modules.modules, core.causes, "cause", ("modules",), keyed=True)
        for hid, habit in habits.items():
            c.check_ids(habit_paths[hid], habit.only_if, core.findings, "finding", ("only_if",))


def _load(root: Path, core: KnowledgeBase | None) -> PlanKnowledge:
    c = ProblemCollector(root)
    phases_path = root / "phases.yaml"
    ladder_path = root / "ladder.yaml"
    safety_path = root / "plan_safety.yaml"

    exercises, exercise_paths = _load_folder(c, root / "exercises", Exercise, "id")
    advice, advice_paths = _load_folder(c, root / "advice", Advice, "topic")
    habits, habit_paths = _load_folder(c, root / "habits", Habit, "id")
    modules_path = root / "modules.yaml"
    modules = c.parse(modules_path, ModulesFile)
    phases = c.parse(phases_path, PhasesFile)
    ladder = c.parse(ladder_path, LadderFile)
    safety = c.parse(safety_path, PlanSafetyFile)
    sources = c.parse(root / "sources.yaml", SourcesFile)

    if phases is not None:
        _check_exercises(c, exercises, exercise_paths, phases.session.families, core)
        _check_phases(c, phases_path, phases, exercises, core)
        if ladder is not None:
            _check_ladder(c, ladder_path, ladder, exercises, phases.session.families, core)
    _check_advice(c, advice, advice_paths, core)
    if safety is not None and phases is not None:
        _check_safety(c, safety_path, safety, phases.session.families, core)
    if modules is not None and phases is not None:
        _check_modules(c, modules_path, modules, habits, habit_paths, phases.session.families,
                       exercises, core)

    if c.problems:
        raise KnowledgeError(c.problems)
    assert phases and ladder and safety and sources and modules  # no problems: all parsed
    return PlanKnowledge(root=root, exercises=exercises, advice=advice, phases=phases,
                         ladder=ladder, safety=safety, habits=habits, modules=modules,
                         sources=dict(sources.seeds), files=c.files)


def load_plan_knowledge_from(root: Path, core: KnowledgeBase | None = None) -> PlanKnowledge:
    """Load plan knowledge from any folder (tests use broken copies); ids are checked
    against `core` when it is given."""
    return _load(root, core)


@functools.cache
def load_plan_knowledge() -> PlanKnowledge:
    """The packaged plan knowledge, loaded once per process and checked against the core."""
    return cached_build("plan-knowledge", PlanKnowledge,
                        lambda: _load(KNOWLEDGE_DIR, load_knowledge()))


def citation_entries(pk: PlanKnowledge) -> dict[str, Any]:
    """(label, entry) pairs of the plan knowledge, for listing what each seed contributed."""
    found: dict[str, Any] = {f"exercise {i}": e for i, e in sorted(pk.exercises.items())}
    found |= {f"advice {t}": a for t, a in sorted(pk.advice.items())}
    found |= {f"phase {name}": spec for name, spec in pk.phases.phases.items()}
    found["session rules"] = pk.phases.session
    found["glute ladder"] = pk.ladder
    found |= {f"plan restriction {r.id}": r for r in pk.safety.restrictions}
    found |= {f"habit {h}": habit for h, habit in sorted(pk.habits.items())}
    found |= {f"module {m}": module for m, module in sorted(pk.modules.modules.items())}
    found["volume schedule"] = pk.modules.schedule
    found["acute care"] = pk.modules.recovery
    return found
