"""The plan document (CONTRACT output) and the options that shape it."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from crampcoach.knowledge.schema import Grade, Level
from crampcoach.plan.knowledge import Intensity, Kind, Phase


class PlanOptions(BaseModel):
    """How long, from when and how often; everything else follows from the case."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    weeks: int = Field(default=8, ge=1, le=52)
    start: date | None = None
    sessions_per_week: int | None = Field(
        default=None, ge=1, le=7,
        description="Sessions a week; empty means each phase's own number.",
    )
    ladder_step: int | None = Field(
        default=None, ge=1,
        description="Start the glute ladder at this step, e.g. where the training log has "
                    "placed the person; empty means the step the answers suggest.",
    )


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Item(Out):
    exercise: str
    name: str
    kind: Kind
    sets: int
    reps: int | None = None
    hold_s: int | None = None
    per_side: bool
    rest_s: int
    cues: list[str]
    mistakes: list[str]
    why: str                      # the cause id this item answers
    reason: str                   # the same in words
    sources: list[str]
    intensity: Intensity
    load_note: str | None = None
    ladder_step: int | None = None


class PlannedSession(Out):
    week: int
    day: int                      # day of the week, 1 = the weekday of the start date
    plan_day: int                 # day of the plan, 1 = the start date
    date: date | None
    phase: Phase
    title: str
    minutes: int
    items: list[Item]


class Week(Out):
    week: int
    phase: Phase
    focus: str
    sessions: list[PlannedSession]


class EvidenceOut(Out):
    grade: Grade
    basis: str


class DisagreementNote(Out):
    topic: str
    sources_for: list[str]
    sources_against: list[str]
    note: str


class AdviceItem(Out):
    topic: str
    title: str
    text: str
    sources: list[str]
    evidence: EvidenceOut
    disagreement: DisagreementNote | None
    safety: bool


class Professional(Out):
    level: Level
    who: str
    why: str
    when: str


class CauseNote(Out):
    id: str
    name: str
    probability: float
    likely: bool


class RestrictionNote(Out):
    id: str
    says: str


class LadderRung(Out):
    step: int
    exercise: str
    name: str
    planned_week: int | None      # None: not reached within this plan
    blocked: bool                 # a safety restriction keeps it out of the plan

    def when(self) -> str:
        """When the person reaches this rung, in words for the handouts."""
        if self.blocked:
            return "not until cleared by a professional"
        if self.planned_week is not None:
            return f"from week {self.planned_week}"
        return "after this plan"


class LadderPlan(Out):
    start_step: int
    start_says: str
    rungs: list[LadderRung]
    move_up: str
    move_down: str
    load: str
    timeline: str
    sessions_without_cramp: int
    max_weekly_increase: float


class Plan(Out):
    phase: Phase
    triage: Level
    action: str
    phase_says: str
    start: date | None
    sessions_per_week: int
    causes: list[CauseNote]
    weeks: list[Week]
    ladder: LadderPlan | None
    advice: list[AdviceItem]
    restrictions: list[RestrictionNote]
    see_a_professional: Professional | None
    what_to_do_now: list[str]
    answers: dict[str, bool | None]
    disclaimer: str

    def sessions(self) -> list[PlannedSession]:
        return [s for w in self.weeks for s in w.sessions]

    def exercise_ids(self) -> set[str]:
        return {i.exercise for s in self.sessions() for i in s.items}

    def likely_causes(self) -> list[CauseNote]:
        return [c for c in self.causes if c.likely]

    def to_contract(self) -> dict[str, object]:
        """The JSON document of the CONTRACT (with this project's added fields)."""
        return self.model_dump(mode="json")
