"""What every human-readable export shows, worked out once from a plan.

The HTML/PDF handout, Markdown and plain text all read this view, so they cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from crampcoach import plain_words
from crampcoach.plan.knowledge import PhaseSpec
from crampcoach.plan.loader import PlanKnowledge, load_plan_knowledge
from crampcoach.plan.models import AdviceItem, Item, Plan, VolumeWeek

LEVEL_TITLES = {
    "self_care": "Self-care: you can manage this at home",
    "see_physio": "See a physiotherapist",
    "see_doctor": "See a doctor",
    "urgent": "Get medical help today",
}
GRADE_WORDS = plain_words.GRADE_WORDS


WHEN_WORDS = {
    "daily": "Every day",
    "sport_session": "Every sport session",
    "long_session": "Matches and long sessions",
    "after_hard_day": "Between hard days",
    "first_days": "The first days",
}

# How each cause's module treats it, as the plan page says it.
TREATMENT_WORDS = {
    "training": "exercises in your training sessions",
    "schedule": "a week-by-week training volume",
    "routine": "a short daily routine",
    "habits": "daily and session habits",
    "recovery": "care of the strain and checks before running",
    "guidance": "what to avoid and who to see",
}


def amount_text(value: float) -> str:
    """A volume without a needless decimal: 33 rather than 33.0, 39.5 as it is."""
    return f"{value:g}"


def volume_line(week: VolumeWeek) -> str:
    """One week of the volume schedule in words."""
    line = f"{amount_text(week.volume)} {week.unit}"
    if week.rise > 0:
        line += f" (+{week.rise:.0%})"
    elif week.week > 1:
        line += " (hold steady)"
    if week.sport is not None:
        line += f", of which {amount_text(week.sport)} {week.unit} for your sport"
    return line


def idle_week_words(plan: Plan) -> str:
    """What a week without training sessions holds, in words."""
    if plan.triage in ("see_doctor", "urgent"):
        return "no training this week: see the doctor first"
    if plan.routine is not None:
        return "no training sessions this week: your daily routine instead"
    if plan.sessions():
        return "rest"
    return "no training sessions this week"


def seconds_text(seconds: int) -> str:
    if seconds >= 120 and seconds % 60 == 0:
        return f"{seconds // 60} min"
    return f"{seconds} s"


def dose_text(item: Item) -> str:
    """The dose in words: sets times reps or seconds held, each side, and the rest."""
    if item.reps is not None:
        amount = f"{item.sets} × {item.reps} reps"
        if item.hold_s:
            amount += f" (hold {seconds_text(item.hold_s)})"
    else:
        amount = f"{item.sets} × {seconds_text(item.hold_s or 0)}"
        if item.kind == "stretch":
            amount += " hold"
    if item.per_side:
        amount += " each side"
    if item.rest_s and item.sets > 1:
        amount += f", rest {seconds_text(item.rest_s)}"
    return amount


@dataclass(frozen=True)
class ExerciseCard:
    """One exercise as the handout explains it, with its dose from first to last week."""

    id: str
    name: str
    summary: str
    how: list[str]
    figure: str
    equipment: list[str]
    first: Item
    last: Item
    weeks: list[int]
    why_name: str

    @property
    def dose(self) -> str:
        return dose_text(self.first)

    @property
    def progression(self) -> str:
        if self.last.reps != self.first.reps:
            return f"Reps rise from {self.first.reps} to {self.last.reps} by week {self.weeks[-1]}."
        return ""


def short_dose(item: Item) -> str:
    """The dose as short as a table cell needs it."""
    amount = f"{item.reps}" if item.reps is not None else f"{item.hold_s}s"
    if item.hold_s and item.hold_s >= 120:
        amount = seconds_text(item.hold_s).replace(" ", "")
    return f"{item.sets}×{amount}"


@dataclass(frozen=True)
class GridRow:
    name: str
    cells: list[str]                  # one per week: the dose, or "" when not that week


@dataclass(frozen=True)
class GridBlock:
    """Up to eight weeks side by side: which exercise, at what dose, in which week."""

    weeks: list[tuple[int, str, int]]   # (week, phase, sessions)
    rows: list[GridRow]


GRID_WEEKS = 8


def _kind_order() -> dict[str, int]:
    return {kind: i for i, kind in enumerate(load_plan_knowledge().phases.session.order)}


def _grid(plan: Plan) -> list[GridBlock]:
    order = _kind_order()
    blocks = []
    for first in range(0, len(plan.weeks), GRID_WEEKS):
        weeks = plan.weeks[first:first + GRID_WEEKS]
        doses: dict[str, list[list[Item]]] = {}
        kinds: dict[str, int] = {}
        for col, week in enumerate(weeks):
            for session in week.sessions:
                for item in session.items:
                    doses.setdefault(item.name, [[] for _ in weeks])[col].append(item)
                    kinds.setdefault(item.name, order[item.kind])
        rows = []
        for name, per_week in sorted(doses.items(), key=lambda entry: kinds[entry[0]]):
            cells = []
            for col, items in enumerate(per_week):
                total = len(weeks[col].sessions)
                cell = short_dose(items[0]) if items else ""
                if items and len(items) < total:
                    cell += f" ({len(items)} of {total})"
                cells.append(cell)
            rows.append(GridRow(name=name, cells=cells))
        rows.append(GridRow(name="Minutes of sessions", cells=[
            str(w.minutes) if w.sessions else "" for w in weeks]))
        if plan.volume is not None:
            volumes = {v.week: v for v in plan.volume.weeks}
            rows.append(GridRow(name=f"Weekly volume ({plan.volume.unit})", cells=[
                amount_text(volumes[w.week].volume) if w.week in volumes else "" for w in weeks]))
        blocks.append(GridBlock(
            weeks=[(w.week, w.phase, len(w.sessions)) for w in weeks], rows=rows))
    return blocks


@dataclass(frozen=True)
class Handout:
    plan: Plan
    level_title: str
    cards: list[ExerciseCard]
    seeds: list[tuple[str, str]]       # (seed id, how to find it)

    grid: list[GridBlock]

    def phase_name(self, phase: str) -> str:
        return phase_name(phase)

    def cause_name(self, cause: str) -> str:
        return next((c.name for c in self.plan.causes if c.id == cause), cause.replace("_", " "))

    def treatment_words(self, treatment: str) -> str:
        return TREATMENT_WORDS[treatment]

    @property
    def when_words(self) -> dict[str, str]:
        return WHEN_WORDS

    @property
    def safety_advice(self) -> list[AdviceItem]:
        return [a for a in self.plan.advice if a.safety]

    @property
    def advice(self) -> list[AdviceItem]:
        return [a for a in self.plan.advice if not a.safety]


# A session's own warm-up is there for every plan; it names a cause only when one is likely.
SESSION_WARMUP_WHY = "A warm start to every session"
# Items that an early phase gives for the cramped muscle itself, whatever caused the cramp.
MUSCLE_CARE_WHY = "Recovery of the cramped muscle"


def _phase_spec(phase: str | None) -> PhaseSpec | None:
    return next((spec for key, spec in load_plan_knowledge().phases.phases.items()
                 if key == phase), None)


def phase_name(phase: str) -> str:
    """A care phase in words ("Recovery"), never its id."""
    spec = _phase_spec(phase)
    return spec.name if spec is not None else phase.replace("_", " ")


def item_purpose(item: Item, names: dict[str, str], likely: set[str], phase: str | None) -> str:
    """What an item is for, in words: the likely cause it answers; a session's own warm-up; or,
    in a phase that cares for the cramped muscle whatever caused it, that phase."""
    if item.why in likely:
        return names[item.why]
    if item.kind == "warmup":
        return SESSION_WARMUP_WHY
    spec = _phase_spec(phase)
    if spec is not None and item.why in spec.include.values():
        return MUSCLE_CARE_WHY
    return names.get(item.why, item.why.replace("_", " "))


def _cards(plan: Plan, pk: PlanKnowledge) -> list[ExerciseCard]:
    names = {c.id: c.name for c in plan.causes}
    likely = {c.id for c in plan.likely_causes()}
    seen: dict[str, list[tuple[int, Item]]] = {}
    first_phase: dict[str, str] = {}
    for session in plan.sessions():
        for item in session.items:
            seen.setdefault(item.exercise, []).append((session.week, item))
            first_phase.setdefault(item.exercise, session.phase)
    extra = [*(plan.routine.items if plan.routine else []),
             *(h.item for h in plan.habits if h.item is not None)]
    for item in extra:
        seen.setdefault(item.exercise, []).append((1, item))
    cards = []
    for eid, uses in seen.items():
        ex = pk.exercises[eid]
        first, last = uses[0][1], uses[-1][1]
        cards.append(ExerciseCard(
            id=eid, name=ex.name, summary=ex.summary, how=list(ex.how), figure=ex.figure,
            equipment=list(ex.equipment), first=first, last=last,
            weeks=sorted({w for w, _ in uses}), why_name=item_purpose(first, names, likely, first_phase.get(eid)),
        ))
    order = _kind_order()
    return sorted(cards, key=lambda card: order[card.first.kind])


def handout(plan: Plan) -> Handout:
    pk = load_plan_knowledge()
    cited = {s for session in plan.sessions() for item in session.items for s in item.sources}
    cited |= {s for a in plan.advice for s in a.sources}
    cited |= {s for h in plan.habits for s in h.sources}
    cited |= {s for i in (plan.routine.items if plan.routine else []) for s in i.sources}
    cited |= set(plan.volume.sources) if plan.volume else set()
    cited |= set(plan.recovery.sources) if plan.recovery else set()
    cited |= {s for g in plan.guidance for s in g.sources}
    return Handout(
        plan=plan,
        level_title=LEVEL_TITLES[plan.triage],
        cards=_cards(plan, pk),
        seeds=[(s, plain_words.source(s)) for s in sorted(cited)],
        grid=_grid(plan),
    )
