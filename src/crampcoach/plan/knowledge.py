"""The shape of the care-plan knowledge files, checked strictly on load.

Exercises, advice topics, phases, the glute ladder and the plan's safety rules live in
YAML under crampcoach/knowledge/; these models forbid unknown keys so a typo is an error.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from crampcoach.knowledge.schema import Citation, Evidence, Level
from crampcoach.knowledge.schema import SourceInfo as SourceInfo  # kept where plans named it
from crampcoach.knowledge.schema import SourcesFile as SourcesFile

Phase = Literal["acute", "subacute", "chronic", "prevention"]
PHASES: tuple[Phase, ...] = ("acute", "subacute", "chronic", "prevention")

# The role an exercise plays in a session; sessions are ordered by it.
Kind = Literal["warmup", "mobility", "self_massage", "stretch", "activation", "strength",
               "conditioning"]

# What an exercise demands of the body; safety restrictions exclude exercises by tag.
Tag = Literal[
    "external_load",        # a barbell or dumbbells
    "hamstring_moderate",   # the hamstrings work hard (bridges, back extensions)
    "hamstring_high",       # the hamstrings work very hard (single-leg, hinges under load)
    "spinal_extension",     # the lower back extends under load
    "hinge",                # a loaded hip hinge with a long lever on the back
    "ballistic",            # fast swings and build-ups that snap a muscle to length
    "running",              # running efforts that add to the week's running load
]

Intensity = Literal["gentle", "normal"]
Fraction = Annotated[float, Field(gt=0.0, lt=1.0)]


class Strict(BaseModel):
    """Unknown keys are errors, so a typo in a YAML file cannot pass as a default."""

    # Validators are built on first validation: cached knowledge never validates again.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Sourced(Strict):
    """Something crampcoach says: from the seeds (`sources`) or from the wider literature (`basis`)."""

    sources: list[Citation] = []
    basis: str = ""

    @model_validator(mode="after")
    def _has_origin(self) -> Sourced:
        if not self.sources and not self.basis:
            raise ValueError("needs seed sources or a basis")
        return self


class Note(Sourced):
    """A cue or a common mistake."""

    text: str = Field(min_length=5)


class Answer(Sourced):
    """Why an exercise helps with one cause."""

    why: str = Field(min_length=10)


class Dose(Strict):
    """The starting dose; `reps_step` reps are added each week, never more than the 10% rule allows."""

    sets: int = Field(ge=1, le=6)
    reps: int | None = Field(default=None, ge=1, le=30)
    hold_s: int | None = Field(default=None, ge=1, le=900)
    rest_s: int = Field(ge=0, le=300)
    per_side: bool = False
    reps_step: int = Field(default=0, ge=0, le=3)
    top_reps: int | None = Field(default=None, ge=1, le=30)

    @model_validator(mode="after")
    def _has_amount(self) -> Dose:
        if self.reps is None and self.hold_s is None:
            raise ValueError("a dose needs reps or hold_s")
        if self.reps_step and (self.reps is None or self.top_reps is None):
            raise ValueError("reps_step needs reps and top_reps")
        if self.top_reps is not None and self.reps is not None and self.top_reps < self.reps:
            raise ValueError("top_reps is below reps")
        return self


class Exercise(Strict):
    id: str
    name: str
    # Other names people use for it ("hip thrust", "rdl"); the log accepts these and the name.
    aliases: list[str] = []
    kind: Kind
    family: str
    tags: list[Tag] = []
    summary: str = Field(min_length=10)
    how: list[str] = Field(min_length=1)
    dose: Dose
    cues: list[Note] = Field(min_length=1)
    mistakes: list[Note] = []
    answers: dict[str, Answer] = Field(min_length=1)
    figure: str
    equipment: list[str] = []
    load_note: str = ""
    sources: list[Citation] = []
    evidence: Evidence
    added: bool = False  # not in the shared vocabulary: an id this project added


class Advice(Sourced):
    topic: str
    title: str = Field(min_length=3)
    text: str = Field(min_length=20)
    safety: bool = False          # a safety note: part of every plan that is not urgent
    answers: list[str] = []       # causes it helps with
    phases: list[Phase] = []      # phases whose protocol includes it
    evidence: Evidence
    disagreement: str | None = None  # a topic of the core disagreements.yaml
    rank: int = Field(default=100, ge=1)  # lower is shown first among equals


class PhaseRule(Strict):
    """Chooses the starting phase: the first rule that matches wins.

    It matches when one of `any` is present (or `any` is empty) and the days since the last
    cramp fall inside the bounds; `when_days_unknown` says whether it matches without a count.
    """

    phase: Phase
    any: list[str] = []
    days_at_most: int | None = Field(default=None, ge=0)
    days_at_least: int | None = Field(default=None, ge=0)
    when_days_unknown: bool = True
    says: str = Field(min_length=10)


class PhaseSpec(Sourced):
    name: str
    focus: str = Field(min_length=10)
    weeks: int | None = Field(default=None, ge=1)   # None: lasts to the end of the plan
    next: Phase | None = None
    families: list[str]                              # what the phase allows
    include: dict[str, str] = {}                     # family -> cause: always part of the phase
    include_wins: bool = False                       # included items answer their phase cause
    from_day: dict[str, int] = {}                    # family -> first plan day it may appear
    stretch: Intensity = "normal"
    ladder_max_step: int | None = Field(default=None, ge=1)
    sessions_per_week: int = Field(ge=1, le=7)


class Family(Strict):
    """Exercises that stand in for one another; sessions take them in turn."""

    start_week: int = Field(default=1, ge=1)


class SessionRules(Strict):
    max_items: int = Field(ge=2, le=8)   # the warm-up included
    order: list[Kind]
    families: dict[str, Family]
    warmup_before: list[Kind]
    warmup_family: str
    warmup_cause: str
    sources: list[Citation] = []
    basis: str = ""


class Selection(Strict):
    """Which causes count as likely: at least `likely_at`, or among the top few above a floor."""

    likely_at: Fraction
    top: int = Field(ge=1)
    top_at_least: Fraction
    session_share_at: Fraction


class PhasesFile(Strict):
    selection: Selection
    rules: list[PhaseRule]
    default: Phase
    phases: dict[Phase, PhaseSpec]
    session: SessionRules


class LadderStep(Strict):
    step: int = Field(ge=1)
    exercise: str
    weeks: int | None = Field(default=None, ge=1)  # planned weeks on the step; None: the top
    note: str = Field(min_length=5)


class StartRule(Strict):
    any: list[str] = Field(min_length=1)
    step: int = Field(ge=1)
    says: str = Field(min_length=10)


class MoveUp(Sourced):
    sessions_without_cramp: int = Field(ge=1)
    glutes_main_mover: bool
    text: str = Field(min_length=10)


class MoveDown(Sourced):
    after_cramps: int = Field(ge=1)
    steps: int = Field(ge=1)
    text: str = Field(min_length=10)


class LoadRule(Sourced):
    max_weekly_increase: float = Field(gt=0.0, le=0.10)
    text: str = Field(min_length=10)
    evidence: Evidence


class Timeline(Sourced):
    exercise: str
    about_weeks: int = Field(ge=1)
    text: str = Field(min_length=10)


class ActivationTaper(Sourced):
    """From `from_step` on, the activation drill comes in only every `every`-th session."""

    from_step: int = Field(ge=1)
    family: str
    every: int = Field(ge=2)
    text: str = Field(min_length=10)


class LadderFile(Strict):
    name: str
    family: str
    answers: str                      # the cause the ladder treats
    summary: str = Field(min_length=10)
    steps: list[LadderStep] = Field(min_length=2)
    start: list[StartRule]
    default_start: int = Field(ge=1)
    move_up: MoveUp
    move_down: MoveDown
    load: LoadRule
    timeline: Timeline
    activation_taper: ActivationTaper
    pace: str = Field(min_length=10)  # the planned weeks are the expected pace, not a rule
    sources: list[Citation] = Field(min_length=1)


class RestrictionWhen(Strict):
    """Any of these fires the restriction."""

    causes: list[str] = []            # a cause at least `probability_at_least` likely
    probability_at_least: Fraction = 0.3
    suspected: list[str] = []         # a triage reason suspects one of these
    findings: list[str] = []          # one of these is present
    levels: list[Level] = []          # the triage level is one of these


class Restriction(Sourced):
    id: str
    says: str = Field(min_length=10)
    when: RestrictionWhen
    exclude_tags: list[Tag] = []
    only_families: list[str] = []     # when given, nothing outside these families
    max_weeks: int | None = Field(default=None, ge=1)  # the plan stops here; a professional takes over
    stretch: Intensity = "normal"
    cues: list[str] = []              # added to every stretch and self-massage item
    # Milder restrictions this one says all of: they still apply, but are not said twice.
    covers: list[str] = []


class UrgentCare(Strict):
    """What to do now under `urgent`, by the suspected cause."""

    by_suspected: dict[str, list[str]]
    always: list[str] = Field(min_length=1)
    basis: str = Field(min_length=3)


class Referral(Strict):
    who: str
    when: str


class PlanSafetyFile(Strict):
    restrictions: list[Restriction]
    urgent: UrgentCare
    referral: dict[Level, Referral]


# How a cause is treated: by training sessions, a volume schedule (plus sessions that replace
# part of the load), a short daily routine, daily and session habits, acute care, or by
# saying what to avoid and who to see.
Treatment = Literal["training", "schedule", "routine", "habits", "recovery", "guidance"]
HabitWhen = Literal["daily", "sport_session", "long_session", "after_hard_day", "first_days"]


class Habit(Sourced):
    """A daily or session habit with a concrete target, its evidence grade and sources."""

    id: str
    title: str = Field(min_length=3)
    text: str = Field(min_length=20)
    target: str = Field(min_length=5)        # the concrete number or check
    when: HabitWhen
    minutes: int | None = Field(default=None, ge=1, le=120)
    only_if: list[str] = []                   # findings: any present, else the habit is left out
    exercise: str | None = None               # the exercise the habit asks for, if one
    evidence: Evidence


class Module(Sourced):
    """What the plan does for one cause; sessions share their items by the causes' weights."""

    name: str = Field(min_length=3)
    treatment: Treatment
    # Session slots, most important first; the families in one slot take turns.
    slots: list[list[str]] = []
    sessions_per_week: int | None = Field(default=None, ge=1, le=7)
    routine: list[str] = []                   # families of the daily routine
    habits: list[str] = []
    leave_out: list[str] = []                 # families left out of every session while likely
    avoid: list[str] = []                     # what to avoid, in words
    see: str = ""                             # who to see, in words
    evidence: Evidence


class VolumeUnit(Strict):
    """How a unit of weekly volume is counted and rounded."""

    name: str                                 # "km", "minutes", ...
    step: float = Field(gt=0)                 # weekly figures are whole multiples of this
    replaces: str = Field(min_length=10)      # how strength sessions fit inside the volume
    counts_sessions: bool = False             # the unit counts sessions: a strength session is one
    counts_minutes: bool = False              # the unit counts minutes: a session's minutes count
    counts_sets: bool = False                 # the unit counts sets: a session's sets count


class ScheduleRules(Sourced):
    max_weekly_increase: float = Field(gt=0.0, le=0.10)
    drop_back: Fraction                       # without a last good week: this share of now
    units: dict[str, VolumeUnit]
    text: str = Field(min_length=10)
    evidence: Evidence


class RecoveryRules(Sourced):
    """The acute care of a strained muscle and the criteria for running again."""

    rice_hours: int = Field(ge=1)
    first_days: list[str] = Field(min_length=1)
    stretch_after: str = Field(min_length=10)
    return_to_run: list[str] = Field(min_length=1)
    no_loading: str = Field(min_length=10)
    refer_after_days: int = Field(ge=1)
    refer_who: str
    refer_says: str = Field(min_length=10)
    evidence: Evidence


class ModulesFile(Strict):
    modules: dict[str, Module]
    schedule: ScheduleRules
    recovery: RecoveryRules
