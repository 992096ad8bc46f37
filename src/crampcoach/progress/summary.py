"""progress_summary(...): cramps per ISO week, the ladder step over time, the waterfall
shares, week-on-week load and the escalation check, from the log in one pass.

Pure: it takes the logged sessions and cramps (store records or the light records of
`entries`) and what is known of the person's case and plan, and reads no database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict

from crampcoach import DISCLAIMER
from crampcoach.case import Case
from crampcoach.knowledge.schema import Level
from crampcoach.progress.entries import CrampLogged, SessionDone, days_of
from crampcoach.progress.escalation import Escalation, check_escalation
from crampcoach.progress.knowledge import ProgressKnowledge, load_progress_knowledge
from crampcoach.progress.ladder import LadderPosition, LadderTrack, ladder_start
from crampcoach.progress.load import LoadChange, LoadTally, load_changes
from crampcoach.progress.waterfalls import FeltSums, Shares, WaterfallVerdict, waterfall_verdict
from crampcoach.store.weekly import IsoWeek, weeks_between
from crampcoach.training.view import TrainingView

# Ten years of weekly rows: more than any plan runs, and a bounded response.
MAX_WEEKS = 520


@dataclass(frozen=True)
class ProgressContext:
    """What is stored besides the log: the latest case, the latest plan, when the plan began."""

    case: Case | None = None
    plan_document: Mapping[str, Any] | None = None
    plan_started: dt.date | None = None
    profile: str | None = None


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class WeekRow(Out):
    week: str
    monday: dt.date
    sessions: int
    cramps: int
    worst_cramp: int | None
    ladder_step: int | None        # the step at the end of the week
    shares: Shares | None          # where the work of the week's bridges was felt
    scored_items: int
    reps: int
    lifted_kg: float
    reps_change: float | None      # fraction against the week before
    lifted_change: float | None
    load_flagged: bool


class ProgressSummary(Out):
    profile: str | None
    as_of: dt.date | None
    first_day: dt.date | None
    sessions: int
    cramps: int
    weeks: list[WeekRow]
    ladder: LadderPosition | None
    waterfalls: WaterfallVerdict
    load_flags: list[LoadChange]
    load_rule: str
    max_weekly_increase: float
    escalation: Escalation | None
    triage_level: Level | None     # of the stored case, raised when cramps persist
    triage_action: str | None
    disclaimer: str
    training: TrainingView | None = None   # cramps against the imported training record


@dataclass
class _Week:
    sessions: int = 0
    cramps: int = 0
    worst: int | None = None
    step: int | None = None
    felt: FeltSums = field(default_factory=FeltSums)
    load: LoadTally = field(default_factory=LoadTally)


def _answers(case: Case | None) -> dict[str, bool | None]:
    if case is None:
        return {}
    from crampcoach.reasoning.assess import answers_of

    return answers_of(case)


def progress_summary(sessions: Sequence[SessionDone], cramps: Sequence[CrampLogged],
                     context: ProgressContext | None = None, *, as_of: dt.date | None = None,
                     knowledge: ProgressKnowledge | None = None) -> ProgressSummary:
    """Everything the `progress` views show. Records after `as_of` are left out; without it
    the summary runs to the last logged day."""
    k = knowledge or load_progress_knowledge()
    ctx = context or ProgressContext()
    start = ladder_start(k.ladder, ctx.plan_document, _answers(ctx.case))
    track = LadderTrack(start, k) if start is not None else None

    weeks: dict[IsoWeek, _Week] = {}
    cramp_days: list[dt.date] = []
    first_session: dt.date | None = None
    first_day = last_day = None
    total_sessions = total_cramps = 0
    # Exercises outside the bridges that were scored for where the work was felt, by name.
    scored_elsewhere: dict[str, None] = {}
    for day in days_of(sessions, cramps, as_of):
        first_day = first_day or day.date
        last_day = day.date
        if day.sessions and first_session is None:
            first_session = day.date
        week = IsoWeek.of(day.date)
        tally = weeks.get(week)
        if tally is None:
            tally = weeks[week] = _Week()
        tally.sessions += len(day.sessions)
        total_sessions += len(day.sessions)
        for logged in day.sessions:
            for item in logged.items:
                tally.load.add(item)
                if item.felt is not None and item.exercise in k.bridge_exercises:
                    tally.felt.add(item.felt)
                elif item.felt is not None:
                    scored_elsewhere.setdefault(k.name_of(item.exercise), None)
        for cramp in day.cramps:
            tally.cramps += 1
            tally.worst = max(tally.worst or 0, cramp.severity)
            cramp_days.append(day.date)
        total_cramps += len(day.cramps)
        if track is not None:
            track.feed(day.date, day.sessions, day.cramps)
            tally.step = track.step

    until = as_of or last_day
    rows: list[tuple[IsoWeek, _Week]] = []
    if first_day is not None and until is not None:
        step = start.step if track is not None and start is not None else None
        # At most MAX_WEEKS rows, ending at `until`: a far `as_of` cannot build years of
        # empty weeks (the totals above still count everything logged).
        shown_from = max(first_day, until - dt.timedelta(weeks=MAX_WEEKS))
        for week in weeks_between(shown_from, until):
            tally = weeks.get(week) or _Week()
            step = tally.step if tally.step is not None else step
            tally.step = step
            rows.append((week, tally))

    changes = load_changes([(w, t.load) for w, t in rows], k.ladder.load.max_weekly_increase)
    by_week: dict[tuple[str, str], LoadChange] = {(c.week, c.measure): c for c in changes}

    escalation = None
    since = ctx.plan_started or first_session
    level: Level | None = None
    action = ""
    if since is not None and until is not None:
        escalation = check_escalation(cramp_days, since, until, ctx.case, k)
        level, action = escalation.level_after, escalation.action
    elif ctx.case is not None:
        from crampcoach.reasoning import assess

        triage = assess(ctx.case).triage
        level, action = triage.level, triage.action
    # Under urgent triage no exercise at all: the ladder says so instead of a move, and
    # the waterfalls give no training advice.
    urgent = level == "urgent"
    position = None
    if track is not None:
        position = track.position(action if urgent else None)
    verdict = waterfall_verdict([(w, t.felt) for w, t in rows], k,
                                others=list(scored_elsewhere), bridges_planned=track is not None)
    if urgent:
        verdict = verdict.model_copy(update={"advice": None})

    return ProgressSummary(
        profile=ctx.profile, as_of=until, first_day=first_day, sessions=total_sessions,
        cramps=total_cramps,
        weeks=[_row(week, tally, by_week) for week, tally in rows],
        ladder=position,
        waterfalls=verdict,
        load_flags=[c for c in changes if c.flagged],
        load_rule=" ".join(k.ladder.load.text.split()),
        max_weekly_increase=k.ladder.load.max_weekly_increase,
        escalation=escalation, triage_level=level, triage_action=action or None,
        disclaimer=DISCLAIMER,
    )


def _row(week: IsoWeek, tally: _Week, changes: Mapping[tuple[str, str], LoadChange]) -> WeekRow:
    reps = changes.get((str(week), "reps"))
    lifted = changes.get((str(week), "lifted_kg"))
    return WeekRow(
        week=str(week), monday=week.monday, sessions=tally.sessions, cramps=tally.cramps,
        worst_cramp=tally.worst, ladder_step=tally.step, shares=tally.felt.shares(),
        scored_items=tally.felt.items, reps=tally.load.reps,
        lifted_kg=round(tally.load.lifted_kg, 2),
        reps_change=None if reps is None else reps.rise,
        lifted_change=None if lifted is None else lifted.rise,
        load_flagged=any(c is not None and c.flagged for c in (reps, lifted)),
    )
