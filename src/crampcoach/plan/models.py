"""The plan document (CONTRACT output) and the options that shape it."""

from __future__ import annotations

from datetime import date, timedelta

from pydantic import BaseModel, ConfigDict, Field

from crampcoach.case import TrainingVolume
from crampcoach.knowledge.schema import Grade, Level
from crampcoach.plan.knowledge import HabitWhen, Intensity, Kind, Phase, Treatment

# Said in every handout when no cause stands out: the plan then holds only general care.
NO_LIKELY_CAUSE = (
    "No cause stands out yet, so this plan holds general care only. Answer the interview's "
    "questions, or describe your cramps in your own words, and the plan will aim at the cause."
)


# Said instead when the answers are in but no known cause explains them.
NOTHING_FITS = (
    "None of the causes crampcoach knows fits your answers, so this plan holds general care "
    "only until a physiotherapist has examined the leg."
)


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
    training_volume: TrainingVolume | None = Field(
        default=None,
        description="Weekly training volume for the volume schedule; empty means the case's.",
    )
    volume_from: str | None = Field(
        default=None, max_length=500,
        description="Where the training volume came from, in words (e.g. the training record).",
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
    # The sessions' time this week (the daily routine apart); plans stored before it read as 0.
    minutes: int = 0


class HabitOut(Out):
    """A daily or session habit: what to do, its concrete target, and the cause it answers."""

    id: str
    title: str
    text: str
    target: str
    when: HabitWhen
    minutes: int | None
    exercise: str | None
    item: Item | None             # the exercise's dose and cues, when the habit asks for one
    why: str                      # the cause id this habit answers
    sources: list[str]
    evidence: EvidenceOut


class Routine(Out):
    """A short routine for every day, training days or not."""

    minutes: int
    items: list[Item]
    why: str                      # the cause the routine answers first
    start_day: int                # the plan day it starts (later while acute care runs)


class VolumeWeek(Out):
    week: int
    volume: float
    unit: str
    rise: float                   # over the week before, as a fraction (0 for the first week)
    strength_sessions: int        # the plan's sessions that week, inside this volume
    sport: float | None           # what is left for the sport itself, when the unit allows it
    why: str                      # the cause id: training_load_spike


class VolumeSchedule(Out):
    unit: str
    current: float
    target: float
    tolerated: float
    says: str
    replaces: str
    max_weekly_increase: float
    reached_week: int | None      # the first week at the target; None: after this plan
    weeks: list[VolumeWeek]
    from_record: str | None = None  # how the volume was read from the training record
    why: str
    sources: list[str]
    evidence: EvidenceOut


class RecoveryOut(Out):
    """Acute care of a strained muscle, the checks before running, and when to see a physio."""

    why: str
    rice_hours: int
    first_days: list[str]
    stretch_after: str
    return_to_run: list[str]
    no_loading: str
    refer_after_days: int
    refer_who: str
    refer_says: str
    sources: list[str]
    evidence: EvidenceOut


class Guidance(Out):
    """For a cause the plan cannot train away: what to avoid and who to see."""

    why: str
    name: str
    avoid: list[str]
    see: str
    sources: list[str]


class ModuleNote(Out):
    """One cause's part of the plan: how it is treated and its share of the session items."""

    cause: str
    name: str
    treatment: Treatment
    probability: float
    session_items: int            # items answering this cause across all sessions
    sources: list[str]
    evidence: EvidenceOut


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
            return f"expected from week {self.planned_week}"
        return "after this plan"


class LadderPlan(Out):
    start_step: int
    start_says: str
    rungs: list[LadderRung]
    move_up: str
    move_down: str
    pace: str = ""
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
    # Defaults let plans stored before these elements existed still be read.
    modules: list[ModuleNote] = []
    routine: Routine | None = None
    habits: list[HabitOut] = []
    volume: VolumeSchedule | None = None
    volume_needed: bool = False   # a schedule would help, but the weekly volume was not given
    recovery: RecoveryOut | None = None
    guidance: list[Guidance] = []
    nothing_fits: bool = False    # answers given, but no known cause explains them
    what_to_do_now: list[str]
    answers: dict[str, bool | None]
    disclaimer: str

    def sessions(self) -> list[PlannedSession]:
        return [s for w in self.weeks for s in w.sessions]

    def exercise_ids(self) -> set[str]:
        """Every exercise the plan asks for: in sessions, the daily routine and the habits."""
        found = {i.exercise for s in self.sessions() for i in s.items}
        found |= {i.exercise for i in self.routine.items} if self.routine else set()
        return found | {h.exercise for h in self.habits if h.exercise}

    def session_exercise_ids(self) -> set[str]:
        return {i.exercise for s in self.sessions() for i in s.items}

    def practice_session(self) -> PlannedSession | None:
        """For a plan without training sessions: its daily routine, or the exercises its habits
        ask for (such as the warm-up before sport), as one session to be guided through."""
        if self.routine is not None:
            items, title, day = self.routine.items, "Daily routine", self.routine.start_day
        else:
            items = [h.item for h in self.habits if h.item is not None]
            title, day = "Before your sport", 1
        if not items:
            return None
        week = (day - 1) // 7 + 1
        when = self.start + timedelta(days=day - 1) if self.start else None
        return PlannedSession(week=week, day=(day - 1) % 7 + 1, plan_day=day, date=when, phase=self.phase,
                       title=title, minutes=self.routine.minutes if self.routine else
                       sum(h.minutes or 0 for h in self.habits if h.item) or 1, items=items)

    def likely_causes(self) -> list[CauseNote]:
        return [c for c in self.causes if c.likely]

    def causes_unclear(self) -> str | None:
        """What to say when no cause is likely enough to aim the plan at."""
        if self.likely_causes():
            return None
        return NOTHING_FITS if self.nothing_fits else NO_LIKELY_CAUSE

    def to_contract(self) -> dict[str, object]:
        """The JSON document of the CONTRACT (with this project's added fields)."""
        return self.model_dump(mode="json")
