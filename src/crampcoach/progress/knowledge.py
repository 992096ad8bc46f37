"""The tracking knowledge: the three waterfalls and the escalation rule, plus the glute ladder.

The ladder's move-up, move-down and load rules are read from the plan knowledge
(knowledge/ladder.yaml), so tracking and planning can never disagree about them. The two
tracking files are checked strictly and cross-checked against the core and plan knowledge;
every problem is reported with file:line before anything is raised.
"""

from __future__ import annotations

import functools
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from crampcoach.knowledge import KnowledgeBase, KnowledgeError, load_knowledge
from crampcoach.knowledge.loader import KNOWLEDGE_DIR, ProblemCollector, Source, cached_build
from crampcoach.knowledge.schema import Citation
from crampcoach.plan.knowledge import Fraction, LadderFile, Sourced, Strict
from crampcoach.plan.loader import PlanKnowledge, load_plan_knowledge

Part = Literal["low_back", "glutes", "hamstrings"]
PARTS: tuple[Part, ...] = ("low_back", "glutes", "hamstrings")
Status = Literal["no_scores", "one_period", "even", "toward", "away", "shifted", "steady",
                 "other_scores", "not_in_plan"]
STATUSES: tuple[Status, ...] = ("no_scores", "one_period", "even", "toward", "away", "shifted",
                                "steady", "other_scores", "not_in_plan")

# The placeholders each text may use; anything else is a knowledge error, not a crash later.
VERDICT_FIELDS = frozenset({"now", "before", "lead", "lead_share", "first", "latest",
                            "gap_now", "gap_before", "others"})
ESCALATION_FIELDS = frozenset({"weeks", "window", "since"})


class PartInfo(Strict):
    name: str = Field(min_length=2)
    seed_name: str = ""


class LeadAdvice(Strict):
    text: str = Field(min_length=10)
    sources: list[Citation] = Field(min_length=1)


class WaterfallsFile(Sourced):
    family: str
    parts: dict[Part, PartInfo]
    even_within: Fraction
    steady_within: Fraction
    compare_weeks: int = Field(ge=1, le=26)
    text: str = Field(min_length=10)
    verdicts: dict[Status, str]
    lead_advice: dict[Part, LeadAdvice]

    @model_validator(mode="after")
    def _complete(self) -> WaterfallsFile:
        for what, keys, wanted in (("parts", self.parts, PARTS), ("verdicts", self.verdicts, STATUSES),
                                   ("lead_advice", self.lead_advice, PARTS)):
            missing = [k for k in wanted if k not in keys]
            if missing:
                raise ValueError(f"{what} lacks {', '.join(missing)}")
        return self


class EscalationFile(Sourced):
    finding: str
    window_weeks: int = Field(ge=1, le=52)
    weeks_with_cramps: int = Field(ge=1, le=52)
    text: str = Field(min_length=10)
    says: str = Field(min_length=10)

    @model_validator(mode="after")
    def _fits_window(self) -> EscalationFile:
        if self.weeks_with_cramps > self.window_weeks:
            raise ValueError("weeks_with_cramps cannot exceed window_weeks")
        return self


@dataclass(frozen=True)
class ProgressKnowledge:
    ladder: LadderFile
    exercise_names: dict[str, str]
    bridge_exercises: frozenset[str]      # whose felt scores are the three waterfalls
    waterfalls: WaterfallsFile
    escalation: EscalationFile
    files: dict[str, Source] = field(default_factory=dict)

    def name_of(self, exercise: str) -> str:
        return self.exercise_names.get(exercise, exercise.replace("_", " "))


def _placeholders(text: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return {"{"}  # unbalanced braces: reported as an unknown placeholder


def _check_texts(c: ProblemCollector, path: Path, texts: dict[str, str], allowed: frozenset[str],
                 *at: str) -> None:
    for key, text in texts.items():
        unknown = sorted(_placeholders(text) - allowed)
        if unknown:
            c.add(path, c.line(path, *at, key),
                  f"unknown placeholder {', '.join('{' + u + '}' for u in unknown)}; "
                  f"use {', '.join(sorted(allowed))}")


def _load(root: Path, plan: PlanKnowledge, core: KnowledgeBase | None) -> ProgressKnowledge:
    c = ProblemCollector(root)
    waterfalls_path = root / "waterfalls.yaml"
    escalation_path = root / "escalation.yaml"
    waterfalls = c.parse(waterfalls_path, WaterfallsFile)
    escalation = c.parse(escalation_path, EscalationFile)

    families = {e.family for e in plan.exercises.values()}
    if waterfalls is not None:
        if waterfalls.family not in families:
            c.add(waterfalls_path, c.line(waterfalls_path, "family"),
                  f"unknown family '{waterfalls.family}'")
        _check_texts(c, waterfalls_path, {str(k): v for k, v in waterfalls.verdicts.items()},
                     VERDICT_FIELDS, "verdicts")
    if escalation is not None:
        if core is not None and escalation.finding not in core.findings:
            c.add(escalation_path, c.line(escalation_path, "finding"),
                  f"unknown finding id '{escalation.finding}'")
        _check_texts(c, escalation_path, {"says": escalation.says}, ESCALATION_FIELDS)

    if c.problems:
        raise KnowledgeError(c.problems)
    assert waterfalls is not None and escalation is not None  # no problems: both parsed
    return ProgressKnowledge(
        ladder=plan.ladder,
        exercise_names={eid: e.name for eid, e in plan.exercises.items()},
        bridge_exercises=frozenset(eid for eid, e in plan.exercises.items()
                                   if e.family == waterfalls.family),
        waterfalls=waterfalls,
        escalation=escalation,
        files=c.files,
    )


def load_progress_knowledge_from(root: Path, plan: PlanKnowledge | None = None,
                                 core: KnowledgeBase | None = None) -> ProgressKnowledge:
    """Load the tracking files from any folder (tests use broken copies)."""
    return _load(root, plan if plan is not None else load_plan_knowledge(), core)


@functools.cache
def load_progress_knowledge() -> ProgressKnowledge:
    """The packaged tracking knowledge, loaded once per process and checked against the core."""
    return cached_build("progress-knowledge", ProgressKnowledge,
                        lambda: _load(KNOWLEDGE_DIR, load_plan_knowledge(), load_knowledge()))
