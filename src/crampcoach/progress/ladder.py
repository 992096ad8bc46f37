"""Where a person is on the glute ladder and what the next move is, replayed from the log.

Only the rules of knowledge/ladder.yaml decide: `move_up` (so many sessions in a row on the
step with no cramp and, when asked for, the glutes felt as the main mover) and `move_down`
(so many cramps in a ladder exercise at or below the step send the person down so many
steps). Everything else holds. Definitions the rules rely on:

- A session is "on step k" when it holds the exercise of step k (the highest such step when
  it holds several: the hardest bridge work done that day).
- A session on the current step counts towards moving up; so does one on a higher step
  (harder work done cleanly shows the current step is mastered), but the person still
  climbs one step at a time. A session on a lower step neither counts nor breaks the run.
- A session is clean when no cramp came that day during one of its exercises.
- The glutes are the main mover when their felt score in the session's ladder exercise
  beats both the low back's and the hamstrings'. A session without felt scores neither
  counts nor breaks the run.
- A cramp in a ladder exercise above the current step (done ahead of the rules) breaks the
  run but cannot move the person down further than where they already are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from crampcoach import plain_words
from crampcoach.plan.knowledge import LadderFile
from crampcoach.plan.ladder import starting_step
from crampcoach.progress.entries import CrampLogged, FeltScores, Scores, SessionDone, days_of
from crampcoach.progress.knowledge import ProgressKnowledge, load_progress_knowledge

Move = Literal["up", "down", "hold", "stop"]


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LadderMove(Out):
    day: dt.date
    from_step: int
    to_step: int
    direction: Literal["up", "down"]
    because: str


class LadderPosition(Out):
    step: int
    exercise: str
    name: str
    top: int                       # the highest step the plan allows now
    steps: int                     # rungs on the ladder
    clean_sessions: int            # the run of qualifying sessions on this step
    needed: int                    # the run that moves the person up
    next_move: Move
    says: str
    moves: list[LadderMove]
    last_session_step: int | None  # the step of the latest logged bridge session
    move_up_rule: str
    move_down_rule: str


@dataclass(frozen=True)
class LadderStart:
    """Where the replay begins, and the highest step the plan allows (its safety cap)."""

    step: int
    top: int
    says: str


def ladder_start(ladder: LadderFile, plan_document: Mapping[str, Any] | None = None,
                 answers: Mapping[str, bool | None] | None = None) -> LadderStart | None:
    """The start and cap from the stored plan, else from the case's answers.

    None when the plan holds no ladder work (a safety restriction forbids even its first step).
    """
    steps = len(ladder.steps)
    if plan_document is not None and "ladder" in plan_document:
        planned = plan_document["ladder"]
        if planned is None:
            return None
        if isinstance(planned, Mapping):
            start = planned.get("start_step")
            blocked = [r.get("step") for r in planned.get("rungs", [])
                       if isinstance(r, Mapping) and r.get("blocked") is True]
            top = min((b for b in blocked if isinstance(b, int)), default=steps + 1) - 1
            if isinstance(start, int) and 1 <= start <= steps and top >= 1:
                return LadderStart(min(start, top), top, str(planned.get("start_says", "")))
            if top < 1:
                return None
    step, says = starting_step(ladder, answers or {})
    return LadderStart(step, steps, says)


def _lower(name: str) -> str:
    """An exercise name inside a sentence ("Barbell hip thrust" -> "barbell hip thrust")."""
    return name[:1].lower() + name[1:]


def glutes_lead(felt: FeltScores) -> bool:
    return felt.glutes > felt.hamstrings and felt.glutes > felt.low_back


class LadderTrack:
    """The replay: feed it the log day by day, oldest first; ask for the position any time."""

    def __init__(self, start: LadderStart, knowledge: ProgressKnowledge | None = None) -> None:
        self.k = knowledge or load_progress_knowledge()
        self.rules = self.k.ladder
        self.step_of = {s.exercise: s.step for s in self.rules.steps}
        self.top = min(start.top, len(self.rules.steps))
        self.step = max(1, min(start.step, self.top))
        self.start_says = start.says
        self.run = 0                   # clean sessions in a row with the glutes leading
        self.cramps_here = 0           # ladder cramps since arriving on this step
        self.unscored = False          # the latest clean session here had no felt scores
        self.moves: list[LadderMove] = []
        self.last: Literal["up", "down", "cramp", "session"] | None = None
        self.last_cramp: tuple[dt.date, str] | None = None
        self.last_session_step: int | None = None
        self.last_session_day: dt.date | None = None

    def exercise(self, step: int) -> str:
        return self.rules.steps[step - 1].exercise

    def _move(self, day: dt.date, to: int, direction: Literal["up", "down"], because: str) -> None:
        self.moves.append(LadderMove(day=day, from_step=self.step, to_step=to,
                                     direction=direction, because=because))
        self.step, self.run, self.cramps_here, self.unscored = to, 0, 0, False
        self.last = direction

    def feed(self, day: dt.date, sessions: Sequence[SessionDone],
             cramps: Sequence[CrampLogged]) -> None:
        """One day of the log: its cramps first (they spoil that day's sessions), then sessions."""
        down = self.rules.move_down
        for cramp in cramps:
            k = self.step_of.get(cramp.during)
            if k is None:
                continue
            self.run, self.last, self.last_cramp = 0, "cramp", (day, cramp.during)
            if k > self.step:
                continue  # already below the step where it came
            self.cramps_here += 1
            if self.cramps_here >= down.after_cramps and self.step > 1:
                self._move(day, max(1, self.step - down.steps), "down",
                           f"a cramp during the {_lower(self.k.name_of(cramp.during))}")
            elif self.cramps_here >= down.after_cramps:
                self.cramps_here = 0  # at the bottom already: the count starts again
        cramped_in = {c.during for c in cramps}
        for logged in sessions:
            steps_done = [self.step_of[i.exercise] for i in logged.items if i.exercise in self.step_of]
            if not steps_done:
                continue
            k = max(steps_done)
            self.last_session_step, self.last_session_day = k, day
            if k < self.step:
                continue
            spoiled = [i.exercise for i in logged.items if i.exercise in cramped_in]
            if spoiled:
                self.run = 0
                if not (self.moves and self.moves[-1].day == day):  # a move today says more
                    self.last, self.last_cramp = "cramp", (day, spoiled[0])
                continue
            self._clean_session(day, logged, self.exercise(k))

    def _clean_session(self, day: dt.date, logged: SessionDone, exercise: str) -> None:
        up = self.rules.move_up
        if up.glutes_main_mover:
            scored = [i.felt for i in logged.items if i.exercise == exercise and i.felt is not None]
            if not scored:
                self.unscored = True
                return
            self.unscored = False
            total = Scores(sum(f.low_back for f in scored), sum(f.glutes for f in scored),
                           sum(f.hamstrings for f in scored))
            if not glutes_lead(total):
                self.run, self.last = 0, "session"
                return
        self.run += 1
        self.last = "session"
        if self.run >= up.sessions_without_cramp and self.step < self.top:
            self._move(day, self.step + 1, "up",
                       f"{self.run} sessions in a row on step {self.step} with no cramp"
                       + (" and the glutes leading" if up.glutes_main_mover else ""))

    def position(self, stop: str | None = None) -> LadderPosition:
        """Where the person is now; `stop` (the action under urgent triage) replaces any move."""
        step, needed = self.step, self.rules.move_up.sessions_without_cramp
        exercise = self.exercise(step)
        name = self.k.name_of(exercise)
        move: Move
        if stop is not None:
            move, says = "stop", f"No exercise for now. {stop}"
        elif self.last in ("up", "down") and self.moves:
            last = self.moves[-1]
            move = last.direction
            verb = "move up" if move == "up" else "go back"
            says = (f"On {plain_words.day(last.day)}: {verb} to step {step}, the {_lower(name)}, "
                    f"after {last.because}.")
        else:
            move, says = "hold", self._hold_says(step, name, needed)
        done = self.last_session_step
        # Worth saying only when the person trained on another step after the latest move.
        since_move = (self.last_session_day is not None
                      and (not self.moves or self.last_session_day > self.moves[-1].day))
        if move != "stop" and done is not None and done != step and since_move:
            says += (f" Your latest bridge session was on step {done} "
                     f"({_lower(self.k.name_of(self.exercise(done)))}); the rules "
                     f"place you on step {step}.")
            if done > self.top:
                says += f" Your plan does not allow step {done} for now."
        return LadderPosition(
            step=step, exercise=exercise, name=name, top=self.top, steps=len(self.rules.steps),
            clean_sessions=self.run, needed=needed, next_move=move, says=says,
            moves=list(self.moves), last_session_step=self.last_session_step,
            move_up_rule=self.rules.move_up.text, move_down_rule=self.rules.move_down.text,
        )

    def _hold_says(self, step: int, name: str, needed: int) -> str:
        says = f"Stay on step {step}, the {_lower(name)}."
        if self.last is None and self.start_says:
            says += f" {self.start_says}"
        if self.last == "cramp" and self.last_cramp is not None:
            day, during = self.last_cramp
            says += (f" A cramp during the {_lower(self.k.name_of(during))} on {plain_words.day(day)} "
                     "starts the count of clean sessions again.")
        elif step == len(self.rules.steps):
            return says + " This is the top of the ladder."
        elif step == self.top:
            return says + f" Your plan does not allow step {step + 1} for now."
        else:
            glutes = " with the glutes leading" if self.rules.move_up.glutes_main_mover else ""
            says += f" {self.run} of {needed} sessions in a row done with no cramp{glutes}."
        if self.unscored and self.rules.move_up.glutes_main_mover:
            says += (" Score where you feel each bridge (low back / glutes / hamstrings) so "
                     "the session can count.")
        return says


def ladder_position(sessions: Sequence[SessionDone], cramps: Sequence[CrampLogged],
                    start: LadderStart, *, until: dt.date | None = None, stop: str | None = None,
                    knowledge: ProgressKnowledge | None = None) -> LadderPosition:
    """Replay the log from `start` and say where the person is and what to do next."""
    track = LadderTrack(start, knowledge)
    for day in days_of(sessions, cramps, until):
        track.feed(day.date, day.sessions, day.cramps)
    return track.position(stop)
