"""build_plan(case, assessment, options) -> Plan: the care plan a physiotherapist would hand over.

Pure: the same case, assessment and options always give the same plan. All choices come from
the plan knowledge (phases, exercises, ladder, advice, safety); this module only combines them.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from crampcoach import DISCLAIMER
from crampcoach.case import Case
from crampcoach.knowledge import KnowledgeBase, load_knowledge
from crampcoach.plan.dose import reps_in_week, work_seconds
from crampcoach.plan.knowledge import (
    Exercise,
    Intensity,
    Phase,
    PhaseSpec,
    Selection,
    Tag,
)
from crampcoach.plan.ladder import LadderClimb
from crampcoach.plan.loader import PlanKnowledge, load_plan_knowledge
from crampcoach.plan.models import (
    AdviceItem,
    CauseNote,
    DisagreementNote,
    EvidenceOut,
    Item,
    Plan,
    PlannedSession,
    PlanOptions,
    RestrictionNote,
    Week,
)
from crampcoach.plan.phases import phase_by_week, starting_phase
from crampcoach.plan.safety import (
    active_restrictions,
    allowed_families,
    excluded_tags,
    referral,
    urgent_steps,
)
from crampcoach.reasoning.assessment import Assessment, CauseResult


def likely_causes(selection: Selection, causes: list[CauseResult]) -> dict[str, float]:
    """The causes a plan treats, most probable first."""
    ranked = sorted(causes, key=lambda c: -c.probability)
    return {
        c.id: c.probability for i, c in enumerate(ranked)
        if c.probability >= selection.likely_at
        or (i < selection.top and c.probability >= selection.top_at_least)
    }


def session_days(count: int) -> list[int]:
    """Days of the week (0-based) for `count` sessions, spread as evenly as a week allows."""
    return sorted({math.floor(i * 7 / count + 0.5) for i in range(count)})


@dataclass
class _Builder:
    pk: PlanKnowledge
    likely: dict[str, float]
    excluded: set[Tag]
    only: set[str] | None          # the only families allowed, when a restriction limits them
    gentle: bool
    gentle_cues: list[str]
    ladder: LadderClimb | None
    # How many weeks each exercise has been in the plan so far, for the weekly progression.
    weeks_on: Counter[str] = field(default_factory=Counter)
    # Where each family's rotation stands, so exercises of a family take turns.
    cursor: Counter[str] = field(default_factory=Counter)

    def allowed(self, ex: Exercise) -> bool:
        if self.only is not None and ex.family not in self.only:
            return False
        return not (set(ex.tags) & self.excluded)

    def why(self, ex: Exercise, include: str | None, spec: PhaseSpec) -> str:
        if include is not None and include in ex.answers and spec.include_wins:
            return include
        # The exercise's own first purpose among the likely causes: a bridge answers weak
        # glutes before it answers tight hip flexors, whichever of the two is likelier.
        for cause in ex.answers:
            if cause in self.likely:
                return cause
        return include if include in ex.answers else next(iter(ex.answers))

    def candidates(self, family: str, include: str | None) -> list[Exercise]:
        wanted = set(self.likely) | ({include} if include else set())
        found = [e for e in self.pk.family(family)
                 if self.allowed(e) and wanted & set(e.answers)]
        return sorted(found, key=lambda e: (-max(self.likely.get(c, 0.0) for c in e.answers), e.id))

    def week_families(self, spec: PhaseSpec, week: int) -> list[tuple[str, list[Exercise], str | None]]:
        """Each family the week draws on, with its candidate exercises and phase cause."""
        rules = self.pk.phases.session.families
        chosen = []
        for family in spec.families:
            if week < rules[family].start_week:
                continue
            include = spec.include.get(family)
            if family == self.pk.ladder.family:
                if self.ladder is None or not (include or self.pk.ladder.answers in self.likely):
                    continue
                step = self.ladder.step_for_week(week, spec.ladder_max_step)
                found = [self.pk.exercises[step.exercise]]
            else:
                found = self.candidates(family, include)
            if found:
                chosen.append((family, found, include))
        return chosen

    def picks(self, family: str) -> int:
        taper = self.pk.ladder.activation_taper
        if (family == taper.family and self.ladder is not None
                and self.ladder.current >= taper.from_step):
            return taper.picks
        return self.pk.phases.session.families[family].picks

    def session_exercises(self, spec: PhaseSpec,
                          families: list[tuple[str, list[Exercise], str | None]]
                          ) -> list[tuple[Exercise, str | None]]:
        """One session's exercises: each family's turn, at most `max_main` main items."""
        rules = self.pk.phases.session
        budget = rules.max_main
        taken: dict[str, list[Exercise]] = {}
        for family, found, _ in sorted(families, key=lambda f: rules.families[f[0]].keep):
            count = min(self.picks(family), len(found))
            if found[0].kind in rules.main_kinds:
                count = min(count, budget)
                budget -= count
            start = self.cursor[family]
            taken[family] = [found[(start + j) % len(found)] for j in range(count)]
            self.cursor[family] += count
        result = [(ex, include) for family, _, include in families for ex in taken[family]]
        if any(ex.kind in rules.warmup_before for ex, _ in result) and not any(
                ex.family == rules.warmup_family for ex, _ in result):
            warmups = [e for e in self.pk.family(rules.warmup_family) if self.allowed(e)]
            if warmups and rules.warmup_family in spec.families:
                result.insert(0, (warmups[0], rules.warmup_cause))
        order = {kind: i for i, kind in enumerate(rules.order)}
        return sorted(result, key=lambda pair: order[pair[0].kind])

    def item(self, ex: Exercise, why: str, spec: PhaseSpec) -> Item:
        cap = self.pk.ladder.load.max_weekly_increase
        soft = ex.kind in ("stretch", "self_massage", "mobility")
        intensity: Intensity = "gentle" if soft and (self.gentle or spec.stretch == "gentle") \
            else "normal"
        cues = [c.text for c in ex.cues]
        if soft and self.gentle:
            cues += [c for c in self.gentle_cues if c not in cues]
        answer = ex.answers[why]
        seeds = {c.seed for c in ex.sources} | {c.seed for c in answer.sources}
        seeds |= {s.seed for note in (*ex.cues, *ex.mistakes) for s in note.sources}
        step = None
        if ex.family == self.pk.ladder.family:
            step = next(s.step for s in self.pk.ladder.steps if s.exercise == ex.id)
        return Item(
            exercise=ex.id, name=ex.name, kind=ex.kind, sets=ex.dose.sets,
            reps=reps_in_week(ex.dose, self.weeks_on[ex.id], cap), hold_s=ex.dose.hold_s,
            per_side=ex.dose.per_side, rest_s=ex.dose.rest_s, cues=cues,
            mistakes=[m.text for m in ex.mistakes], why=why, reason=answer.why,
            sources=sorted(seeds), intensity=intensity, load_note=ex.load_note or None,
            ladder_step=step,
        )


def _minutes(items: list[Item]) -> int:
    seconds = sum(work_seconds(i.sets, i.reps, i.hold_s, i.rest_s, i.per_side) for i in items)
    return max(1, math.ceil(seconds / 60))


def _weeks(b: _Builder, phases: list[Phase], options: PlanOptions) -> list[Week]:
    weeks = []
    for number, phase in enumerate(phases, start=1):
        spec = b.pk.phases.phases[phase]
        families = b.week_families(spec, number)
        count = options.sessions_per_week or spec.sessions_per_week
        sessions = []
        used: set[str] = set()
        for index, offset in enumerate(session_days(count), start=1):
            chosen = b.session_exercises(spec, families) if families else []
            items = [b.item(ex, b.why(ex, include, spec), spec) for ex, include in chosen]
            if not items:
                continue
            used |= {i.exercise for i in items}
            plan_day = (number - 1) * 7 + offset + 1
            when = options.start + timedelta(days=plan_day - 1) if options.start else None
            sessions.append(PlannedSession(
                week=number, day=offset + 1, plan_day=plan_day, date=when, phase=phase,
                title=f"{spec.name}, session {index}", minutes=_minutes(items), items=items,
            ))
        b.weeks_on.update(used)
        weeks.append(Week(week=number, phase=phase, focus=spec.focus, sessions=sessions))
    return weeks


def _advice(pk: PlanKnowledge, kb: KnowledgeBase, likely: Mapping[str, float],
            phases: set[Phase]) -> list[AdviceItem]:
    disagreements = {d.topic: d for d in kb.disagreements}
    chosen = []
    for a in pk.advice.values():
        relevance = max((likely[c] for c in a.answers if c in likely), default=0.0)
        if not (a.safety or relevance or phases & set(a.phases)):
            continue
        d = disagreements.get(a.disagreement) if a.disagreement else None
        chosen.append((a.safety, -relevance, a.rank, a.topic, AdviceItem(
            topic=a.topic, title=a.title, text=a.text,
            sources=sorted({c.seed for c in a.sources}),
            evidence=EvidenceOut(grade=a.evidence.grade, basis=a.evidence.basis),
            disagreement=DisagreementNote(
                topic=d.topic, sources_for=d.sources_for, sources_against=d.sources_against,
                note=d.note,
            ) if d else None,
            safety=a.safety,
        )))
    return [entry[-1] for entry in sorted(chosen, key=lambda e: e[:4])]


def build_plan(case: Case, assessment: Assessment, options: PlanOptions | None = None) -> Plan:
    """The plan for a case and its assessment; see the CONTRACT for the document."""
    options = options or PlanOptions()
    pk, kb = load_plan_knowledge(), load_knowledge()
    answers = {**case.findings, **assessment.answers}
    likely = likely_causes(pk.phases.selection, assessment.causes)
    phase, phase_says = starting_phase(pk.phases, answers, case.days_since_last_cramp)
    common: dict[str, Any] = {
        "phase": phase, "phase_says": phase_says, "triage": assessment.triage.level,
        "action": assessment.triage.action, "start": options.start,
        "causes": [CauseNote(id=c.id, name=c.name, probability=c.probability,
                             likely=c.id in likely) for c in assessment.causes],
        "see_a_professional": referral(kb, pk.safety, assessment),
        "answers": answers, "disclaimer": DISCLAIMER,
    }
    if assessment.triage.level == "urgent":
        # Nothing to train: only what to do now and where to go, with no training talk.
        common["phase_says"] = "No training for now: get medical help first."
        return Plan(weeks=[], ladder=None, advice=[], restrictions=[], sessions_per_week=0,
                    what_to_do_now=urgent_steps(pk.safety, assessment), **common)

    restrictions = active_restrictions(pk.safety, assessment, answers)
    excluded = excluded_tags(restrictions)
    only = allowed_families(restrictions)
    climb = LadderClimb.start(pk, answers, excluded, options.ladder_step)
    if climb is not None and only is not None and pk.ladder.family not in only:
        climb = None
    builder = _Builder(
        pk=pk, likely=likely, excluded=excluded, only=only,
        gentle=any(r.stretch == "gentle" for r in restrictions),
        gentle_cues=list(dict.fromkeys(c for r in restrictions for c in r.cues)),
        ladder=climb,
    )
    weeks_total = min([options.weeks, *(r.max_weeks for r in restrictions if r.max_weeks)])
    phases = phase_by_week(pk.phases, phase, weeks_total)
    weeks = _weeks(builder, phases, options)
    counts = Counter(len(w.sessions) for w in weeks)
    return Plan(
        weeks=weeks,
        ladder=climb.summary(pk) if climb is not None and climb.first_week else None,
        advice=_advice(pk, kb, likely, set(phases)),
        restrictions=[RestrictionNote(id=r.id, says=r.says) for r in restrictions],
        sessions_per_week=counts.most_common(1)[0][0] if counts else 0,
        what_to_do_now=[], **common,
    )
