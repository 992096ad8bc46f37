"""The glute ladder within a plan: where a person starts, and the planned climb week by week.

The plan climbs a step after the step's planned weeks; tracking later moves a person by the
ladder's `move_up` / `move_down` rules. The climb never passes a step that a safety
restriction forbids, so a forbidden rung caps the ladder rather than being skipped.
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import dataclass, field

from crampcoach.plan.knowledge import LadderFile, LadderStep, Tag
from crampcoach.plan.loader import PlanKnowledge
from crampcoach.plan.models import LadderPlan, LadderRung


def starting_step(ladder: LadderFile, answers: Mapping[str, bool | None]) -> tuple[int, str]:
    for rule in ladder.start:
        if any(answers.get(f) is True for f in rule.any):
            return rule.step, rule.says
    return ladder.default_start, ladder.summary


@dataclass
class LadderClimb:
    steps: list[LadderStep]
    start_step: int
    start_says: str
    blocked: set[int]
    cap: int                     # the highest step the plan may reach
    current: int
    weeks_on_step: int = 0
    first_week: dict[int, int] = field(default_factory=dict)

    @classmethod
    def start(cls, pk: PlanKnowledge, answers: Mapping[str, bool | None],
              excluded: Set[Tag], from_step: int | None = None) -> LadderClimb | None:
        """The climb for these answers, or None when the situation forbids even the first step.

        `from_step` continues a climb already under way (the step the training log reached).
        """
        ladder = pk.ladder
        blocked = {s.step for s in ladder.steps
                   if set(pk.exercises[s.exercise].tags) & excluded}
        cap = min(blocked, default=len(ladder.steps) + 1) - 1
        if cap < 1:
            return None
        step, says = starting_step(ladder, answers)
        if from_step is not None:
            step = min(from_step, len(ladder.steps))
            name = pk.exercises[ladder.steps[step - 1].exercise].name
            says = f"Continue from step {step}, the {name[0].lower() + name[1:]}, where your training log has you."
        return cls(steps=list(ladder.steps), start_step=step, start_says=says,
                   blocked=blocked, cap=cap, current=min(step, cap))

    def step_for_week(self, week: int, phase_cap: int | None) -> LadderStep:
        """The step for the next week the ladder is trained; call once per such week."""
        cap = self.cap if phase_cap is None else min(self.cap, phase_cap)
        if self.current > cap:
            self.current, self.weeks_on_step = cap, 0
        planned = self.steps[self.current - 1].weeks
        if planned is not None and self.weeks_on_step >= planned and self.current < cap:
            self.current, self.weeks_on_step = self.current + 1, 0
        self.weeks_on_step += 1
        self.first_week.setdefault(self.current, week)
        return self.steps[self.current - 1]

    def summary(self, pk: PlanKnowledge) -> LadderPlan:
        ladder = pk.ladder
        return LadderPlan(
            start_step=self.start_step, start_says=self.start_says,
            rungs=[LadderRung(step=s.step, exercise=s.exercise,
                              name=pk.exercises[s.exercise].name,
                              planned_week=self.first_week.get(s.step),
                              blocked=s.step in self.blocked) for s in self.steps],
            move_up=ladder.move_up.text, move_down=ladder.move_down.text, pace=ladder.pace,
            load=ladder.load.text, timeline=ladder.timeline.text,
            sessions_without_cramp=ladder.move_up.sessions_without_cramp,
            max_weekly_increase=ladder.load.max_weekly_increase,
        )
