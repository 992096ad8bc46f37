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
from crampcoach.case import Case, TrainingVolume
from crampcoach.knowledge import KnowledgeBase, load_knowledge
from crampcoach.knowledge.schema import Evidence
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
    Guidance,
    HabitOut,
    Item,
    ModuleNote,
    Plan,
    PlannedSession,
    PlanOptions,
    RecoveryOut,
    RestrictionNote,
    Routine,
    VolumeSchedule,
    VolumeWeek,
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
from crampcoach.plan.schedule import starting_volume, weekly_volumes
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
class _Group:
    """One cause's claim on session items: its weight and its slots, most important first."""

    cause: str
    weight: float
    slots: list[list[str]]


def share_items(groups: list[_Group], budget: int, warmup: int, warmup_answers_lead: bool,
                lead_half: bool = True) -> list[int]:
    """How many session items each group gets, groups ordered by weight.

    Shares follow the weights (largest remainder) and no group gets more than its slots; with
    `lead_half` the first group keeps at least half of the session's items, warm-up counted.
    """
    caps = [len(g.slots) for g in groups]
    total = sum(g.weight for g in groups) or 1.0
    exact = [budget * g.weight / total for g in groups]
    counts = [min(cap, math.floor(x)) for cap, x in zip(caps, exact, strict=True)]
    order = sorted(range(len(groups)), key=lambda i: (-(exact[i] - math.floor(exact[i])), i))
    left = budget - sum(counts)
    while left > 0 and any(c < cap for c, cap in zip(counts, caps, strict=True)):
        for i in [*order, *range(len(groups))]:
            if left and counts[i] < caps[i]:
                counts[i] += 1
                left -= 1
    # The leading cause answers at least half of the items: take from the least weighty first.
    lead_bonus = warmup if warmup_answers_lead else 0
    for i in reversed(range(1, len(groups) if lead_half else 1)):
        while counts[i] and counts[0] < caps[0] and 2 * (counts[0] + lead_bonus) < sum(counts) + warmup:
            counts[i] -= 1
            counts[0] += 1
        while counts[i] and 2 * (counts[0] + lead_bonus) < sum(counts) + warmup:
            counts[i] -= 1
    return counts


@dataclass
class _Builder:
    pk: PlanKnowledge
    likely: dict[str, float]
    excluded: set[Tag]
    only: set[str] | None          # the only families allowed, when a restriction limits them
    left_out: set[str]             # families the likely causes' modules leave out
    gentle: bool
    gentle_cues: list[str]
    ladder: LadderClimb | None
    # How many weeks each exercise has been in the plan so far, for the weekly progression.
    weeks_on: Counter[str] = field(default_factory=Counter)
    # Where each family's rotation stands, so exercises of a family take turns.
    cursor: Counter[str] = field(default_factory=Counter)
    # Whose turn it is in a slot shared by several families, by (cause, slot).
    turns: Counter[tuple[str, int]] = field(default_factory=Counter)
    sessions_done: int = 0

    def allowed(self, ex: Exercise) -> bool:
        if self.only is not None and ex.family not in self.only:
            return False
        return not (set(ex.tags) & self.excluded)

    def candidates(self, family: str, cause: str, rung: Exercise | None) -> list[Exercise]:
        if family == self.pk.ladder.family:
            return [rung] if rung is not None and cause in rung.answers else []
        return [e for e in self.pk.family(family) if self.allowed(e) and cause in e.answers]

    def week_groups(self, spec: PhaseSpec, week: int) -> tuple[list[_Group], Exercise | None]:
        """The causes that share this week's sessions, heaviest first, and the ladder rung."""
        rules = self.pk.phases.session
        families = {f for f in spec.families
                    if week >= rules.families[f].start_week and f not in self.left_out}
        groups: dict[str, _Group] = {}
        if not spec.include_wins:
            trained = {c: w for c, w in self.likely.items()
                       if (m := self.pk.modules.modules.get(c)) is not None and m.slots}
            share_at = self.pk.phases.selection.session_share_at * max(trained.values(), default=0.0)
            for cause, weight in trained.items():
                if weight >= share_at:
                    slots = self.pk.modules.modules[cause].slots
                    groups[cause] = _Group(cause, weight, [list(s) for s in slots])
        floor = self.pk.phases.selection.top_at_least
        for family, cause in spec.include.items():
            group = groups.setdefault(cause, _Group(
                cause, 1.0 if spec.include_wins else max(self.likely.get(cause, 0.0), floor), []))
            if not any(family in slot for slot in group.slots):
                group.slots.append([family])
        rung = None
        wants_ladder = any(self.pk.ladder.family in slot for g in groups.values() for slot in g.slots)
        if self.ladder is not None and wants_ladder and self.pk.ladder.family in families:
            step = self.ladder.step_for_week(week, spec.ladder_max_step)
            rung = self.pk.exercises[step.exercise]
        kept = []
        for group in sorted(groups.values(), key=lambda g: (-g.weight, g.cause)):
            slots = [[f for f in slot if f in families and self.candidates(f, group.cause, rung)]
                     for slot in group.slots]
            slots = [slot for slot in slots if slot]
            if slots:
                kept.append(_Group(group.cause, group.weight, slots))
        return kept, rung

    def usable(self, spec: PhaseSpec, slot: list[str], plan_day: int) -> list[str]:
        taper = self.pk.ladder.activation_taper
        tapering = (self.ladder is not None and self.ladder.current >= taper.from_step
                    and self.sessions_done % taper.every != 0)
        return [f for f in slot if spec.from_day.get(f, 1) <= plan_day
                and not (tapering and f == taper.family)]

    def pick_families(self, spec: PhaseSpec, groups: list[_Group], counts: list[int],
                      plan_day: int) -> list[tuple[str, str, int]]:
        """(cause, family, slot index) for the session, without moving any rotation."""
        chosen = []
        for group, count in zip(groups, counts, strict=True):
            taken = 0
            for index, slot in enumerate(group.slots):
                families = self.usable(spec, slot, plan_day)
                if taken == count or not families:
                    continue
                turn = self.turns[(group.cause, index)]
                chosen.append((group.cause, families[turn % len(families)], index))
                taken += 1
        return chosen

    def warmup_why(self, ex: Exercise) -> str:
        """The likeliest cause the warm-up answers (the plan's most probable first)."""
        for cause in sorted(self.likely, key=lambda c: -self.likely[c]):
            if cause in ex.answers:
                return cause
        return self.pk.phases.session.warmup_cause

    def session_items(self, spec: PhaseSpec, groups: list[_Group], rung: Exercise | None,
                      plan_day: int) -> list[Item]:
        """One session: the warm-up when the work needs one, then each cause's share of items."""
        rules = self.pk.phases.session
        live = [g for g in groups if any(self.usable(spec, s, plan_day) for s in g.slots)]
        if not live:
            return []
        # Shares are counted over the slots usable today, so the lead's half holds.
        today = [_Group(g.cause, g.weight, [s for s in g.slots if self.usable(spec, s, plan_day)])
                 for g in live]
        lead = live[0].cause
        # Half of every session goes to the plan's leading cause when sessions treat it; when
        # its treatment lies elsewhere (acute care, a routine, habits), shares follow weights.
        lead_half = lead == next(iter(self.likely), lead) or spec.include_wins
        warmups = [e for e in self.pk.family(rules.warmup_family) if self.allowed(e)] \
            if rules.warmup_family in spec.families else []
        warm_lead = bool(warmups) and self.warmup_why(warmups[0]) == lead

        def kinds(picks: list[tuple[str, str, int]]) -> set[str]:
            return {self.pk.family(f)[0].kind for _, f, _ in picks}

        with_warmup = self.pick_families(
            spec, live, share_items(today, rules.max_items - 1, 1, warm_lead, lead_half), plan_day)
        picks, warm = with_warmup, bool(warmups) and bool(kinds(with_warmup) & set(rules.warmup_before))
        if not warm:
            without = self.pick_families(
                spec, live, share_items(today, rules.max_items, 0, False, lead_half), plan_day)
            if not kinds(without) & set(rules.warmup_before) or not warmups:
                picks = without
        chosen: list[tuple[Exercise, str]] = []
        if warm:
            chosen.append((warmups[0], self.warmup_why(warmups[0])))
        for cause, family, index in picks:
            self.turns[(cause, index)] += 1
            found = self.candidates(family, cause, rung)
            fresh = [e for e in found if e.id not in {c.id for c, _ in chosen}]
            if not fresh:
                continue
            start = self.cursor[family]
            ex = next(found[(start + j) % len(found)] for j in range(len(found))
                      if found[(start + j) % len(found)] in fresh)
            self.cursor[family] += 1
            chosen.append((ex, cause))
        # A family with too few exercises left can leave the lead short: drop the other
        # causes' last items until the lead again holds half of the session.
        others = [i for i, (_, why) in enumerate(chosen) if why != lead and not (warm and i == 0)]
        while lead_half and others and 2 * sum(why == lead for _, why in chosen) < len(chosen):
            del chosen[others.pop()]
        self.sessions_done += 1
        if len(chosen) == int(warm):
            return []  # nothing left to warm up for
        order = {kind: i for i, kind in enumerate(rules.order)}
        chosen.sort(key=lambda pair: order[pair[0].kind])
        return [self.item(ex, why, spec) for ex, why in chosen]

    def item(self, ex: Exercise, why: str, spec: PhaseSpec | None) -> Item:
        cap = self.pk.ladder.load.max_weekly_increase
        soft = ex.kind in ("stretch", "self_massage", "mobility")
        gentle_phase = spec is not None and spec.stretch == "gentle"
        intensity: Intensity = "gentle" if soft and (self.gentle or gentle_phase) else "normal"
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


def _sessions_per_week(b: _Builder, spec: PhaseSpec, groups: list[_Group],
                       options: PlanOptions) -> int:
    if options.sessions_per_week:
        return options.sessions_per_week
    if groups and not spec.include_wins:
        module = b.pk.modules.modules.get(groups[0].cause)
        if module is not None and module.sessions_per_week:
            return module.sessions_per_week
    return spec.sessions_per_week


def _weeks(b: _Builder, phases: list[Phase], options: PlanOptions) -> list[Week]:
    weeks = []
    for number, phase in enumerate(phases, start=1):
        spec = b.pk.phases.phases[phase]
        groups, rung = b.week_groups(spec, number)
        count = _sessions_per_week(b, spec, groups, options)
        sessions = []
        used: set[str] = set()
        for index, offset in enumerate(session_days(count), start=1):
            plan_day = (number - 1) * 7 + offset + 1
            items = b.session_items(spec, groups, rung, plan_day)
            if not items:
                continue
            used |= {i.exercise for i in items}
            when = options.start + timedelta(days=plan_day - 1) if options.start else None
            sessions.append(PlannedSession(
                week=number, day=offset + 1, plan_day=plan_day, date=when, phase=phase,
                title=f"{spec.name}, session {index}", minutes=_minutes(items), items=items,
            ))
        b.weeks_on.update(used)
        weeks.append(Week(week=number, phase=phase, focus=spec.focus, sessions=sessions,
                          minutes=sum(s.minutes for s in sessions)))
    return weeks


def _routine(b: _Builder, phase: Phase) -> Routine | None:
    """The daily routine of the likely causes treated by one, heaviest cause first."""
    chosen: dict[str, Item] = {}
    first: str | None = None
    for cause in b.likely:
        module = b.pk.modules.modules.get(cause)
        if module is None:
            continue
        for family in module.routine:
            found = [e for e in b.pk.family(family) if b.allowed(e) and cause in e.answers]
            if found and family not in chosen:
                chosen[family] = b.item(found[0], cause, b.pk.phases.phases[phase])
                first = first or cause
    if first is None:
        return None
    order = {kind: i for i, kind in enumerate(b.pk.phases.session.order)}
    items = sorted(chosen.values(), key=lambda i: order[i.kind])
    # While the acute care runs, the routine's stretches wait as the session's would.
    spec = b.pk.phases.phases[phase]
    start = max((spec.from_day.get(f, 1) for f in chosen), default=1)
    return Routine(minutes=_minutes(items), items=items, why=first, start_day=start)


def _evidence(e: Evidence) -> EvidenceOut:
    return EvidenceOut(grade=e.grade, basis=e.basis)


def _habits(b: _Builder, answers: Mapping[str, bool | None], phase: Phase) -> list[HabitOut]:
    pk, likely = b.pk, b.likely
    chosen: dict[str, HabitOut] = {}
    for cause in likely:
        module = pk.modules.modules.get(cause)
        for hid in module.habits if module else []:
            habit = pk.habits[hid]
            if hid in chosen or (habit.only_if and not any(answers.get(f) for f in habit.only_if)):
                continue
            if habit.when == "first_days" and phase != "acute":
                continue  # the first days after the cramp are over
            # A restriction that rules out the habit's exercise leaves the habit for later
            # (the sport it goes with waits too) but not the exercise in the plan.
            exercise = habit.exercise if habit.exercise is not None and b.allowed(
                pk.exercises[habit.exercise]) else None
            chosen[hid] = HabitOut(
                id=hid, title=habit.title, text=habit.text, target=habit.target, when=habit.when,
                minutes=habit.minutes, exercise=exercise, why=cause,
                item=b.item(pk.exercises[exercise], cause, None) if exercise else None,
                sources=sorted({c.seed for c in habit.sources}), evidence=_evidence(habit.evidence))
    return list(chosen.values())


def _volume(pk: PlanKnowledge, likely: Mapping[str, float], volume: TrainingVolume | None,
            weeks: list[Week], read_from: str | None = None) -> VolumeSchedule | None:
    cause = next((c for c in likely if (m := pk.modules.modules.get(c)) and m.treatment == "schedule"),
                 None)
    if cause is None or volume is None or not weeks:
        return None
    rules = pk.modules.schedule
    unit = rules.units[volume.unit]
    tolerated, target, first = starting_volume(volume, rules)
    figures = weekly_volumes(first, target, len(weeks), rules.max_weekly_increase, unit.step)
    rows = []
    for week, amount, before in zip(weeks, figures, [None, *figures], strict=False):
        used = (week.minutes if unit.counts_minutes else len(week.sessions) if unit.counts_sessions
                else sum(i.sets for s in week.sessions for i in s.items) if unit.counts_sets else None)
        rows.append(VolumeWeek(
            week=week.week, volume=amount, unit=unit.name,
            rise=round(amount / before - 1, 4) if before else 0.0,
            strength_sessions=len(week.sessions),
            sport=round(max(0.0, amount - used), 2) if used is not None else None, why=cause))
    reached = next((r.week for r in rows if r.volume >= target), None)
    return VolumeSchedule(
        unit=unit.name, current=volume.current, target=target, tolerated=round(tolerated, 2),
        says=rules.text, replaces=unit.replaces, max_weekly_increase=rules.max_weekly_increase,
        reached_week=reached, weeks=rows, why=cause, from_record=read_from,
        sources=sorted({c.seed for c in rules.sources}), evidence=_evidence(rules.evidence))


def _recovery(pk: PlanKnowledge, likely: Mapping[str, float], phase: Phase) -> RecoveryOut | None:
    includes = set(pk.phases.phases[phase].include.values())
    cause = next((c for c, m in pk.modules.modules.items() if m.treatment == "recovery"
                  and (c in likely or c in includes)), None)
    if cause is None:
        return None
    r = pk.modules.recovery
    return RecoveryOut(
        why=cause, rice_hours=r.rice_hours, first_days=r.first_days, stretch_after=r.stretch_after,
        return_to_run=r.return_to_run, no_loading=r.no_loading,
        refer_after_days=r.refer_after_days, refer_who=r.refer_who, refer_says=r.refer_says,
        sources=sorted({c.seed for c in r.sources}), evidence=_evidence(r.evidence))


def _guidance(pk: PlanKnowledge, likely: Mapping[str, float]) -> list[Guidance]:
    found = []
    for cause in likely:
        module = pk.modules.modules.get(cause)
        if module is not None and module.treatment == "guidance":
            found.append(Guidance(why=cause, name=module.name, avoid=module.avoid, see=module.see,
                                  sources=sorted({c.seed for c in module.sources})))
    return found


def _modules(pk: PlanKnowledge, likely: Mapping[str, float], weeks: list[Week]) -> list[ModuleNote]:
    counts = Counter(i.why for w in weeks for s in w.sessions for i in s.items)
    return [ModuleNote(cause=c, name=m.name, treatment=m.treatment, probability=p,
                       session_items=counts[c], sources=sorted({s.seed for s in m.sources}),
                       evidence=_evidence(m.evidence))
            for c, p in likely.items() if (m := pk.modules.modules.get(c)) is not None]


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
        "nothing_fits": assessment.unexplained is not None and assessment.unexplained.leading,
        "answers": answers, "disclaimer": DISCLAIMER,
    }
    if assessment.triage.level == "urgent":
        # Nothing to train: only what to do now and where to go, with no training talk.
        common["phase_says"] = "No training for now: get medical help first."
        return Plan(weeks=[], ladder=None, advice=[], restrictions=[], sessions_per_week=0,
                    modules=[], routine=None, habits=[], volume=None, volume_needed=False,
                    recovery=None, guidance=[],
                    what_to_do_now=urgent_steps(pk.safety, assessment), **common)

    restrictions = active_restrictions(pk.safety, assessment, answers)
    excluded = excluded_tags(restrictions)
    only = allowed_families(restrictions)
    climb = LadderClimb.start(pk, answers, excluded, options.ladder_step)
    if climb is not None and only is not None and pk.ladder.family not in only:
        climb = None
    left_out = {f for c in likely if (m := pk.modules.modules.get(c)) for f in m.leave_out}
    builder = _Builder(
        pk=pk, likely=likely, excluded=excluded, only=only, left_out=left_out,
        gentle=any(r.stretch == "gentle" for r in restrictions),
        gentle_cues=list(dict.fromkeys(c for r in restrictions for c in r.cues)),
        ladder=climb,
    )
    weeks_total = min([options.weeks, *(r.max_weeks for r in restrictions if r.max_weeks)])
    phases = phase_by_week(pk.phases, phase, weeks_total)
    weeks = _weeks(builder, phases, options)
    counts = Counter(len(w.sessions) for w in weeks)
    volume = options.training_volume or case.training_volume
    schedule = _volume(pk, likely, volume, weeks,
                       options.volume_from if options.training_volume is not None else None)
    return Plan(
        weeks=weeks,
        modules=_modules(pk, likely, weeks),
        routine=_routine(builder, phase),
        habits=_habits(builder, answers, phase),
        volume=schedule,
        volume_needed=schedule is None and any(
            (m := pk.modules.modules.get(c)) is not None and m.treatment == "schedule" for c in likely),
        recovery=_recovery(pk, likely, phase),
        guidance=_guidance(pk, likely),
        ladder=climb.summary(pk) if climb is not None and climb.first_week else None,
        advice=_advice(pk, kb, likely, set(phases)),
        restrictions=[RestrictionNote(id=r.id, says=r.says) for r in restrictions
                      if not any(r.id in other.covers for other in restrictions)],
        sessions_per_week=counts.most_common(1)[0][0] if counts else 0,
        what_to_do_now=[], **common,
    )
