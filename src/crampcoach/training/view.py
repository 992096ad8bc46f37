"""Cramps against the recorded load, for the progress views: weekly volume with the cramps of
each week, the weeks that broke the 10% rule, and whether cramps cluster late in sessions or
in the week after a spike. Pure: takes activities and cramps."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from pydantic import Field

from crampcoach import plain_words
from crampcoach.store.weekly import IsoWeek
from crampcoach.training.knowledge import TrainingKnowledge, load_training_knowledge
from crampcoach.training.load import (
    ActivityLike,
    LoadRise,
    Out,
    Workload,
    load_rises,
    weekly_load,
    workload,
)
from crampcoach.training.placement import CrampLike, PlacedCramp, place_cramps
from crampcoach.training.schedule import OverSchedule


class LoadWeek(Out):
    week: str
    monday: dt.date
    sessions: int
    minutes: float
    km: float
    cramps: int
    over_rule: bool           # some sport rose more than the rule allows this week
    after_spike: bool         # the week after one that did


class TrainingView(Out):
    activities: int
    first_day: dt.date
    last_day: dt.date
    weeks: list[LoadWeek]
    rises: list[LoadRise]     # the flagged ones
    workload: Workload
    placed: list[PlacedCramp]
    late_cramps: int
    cramps_after_spike: int   # in a week that broke the rule, or the week after it
    says: list[str]           # what the record shows
    advice: list[str]         # what to change; left out when triage forbids exercise
    over_schedule: list[OverSchedule] = Field(default_factory=list)  # over the plan's volume


def training_view(activities: Sequence[ActivityLike], cramps: Sequence[CrampLike],
                  as_of: dt.date | None = None,
                  knowledge: TrainingKnowledge | None = None) -> TrainingView | None:
    """The record beside the cramps, up to `as_of` (default: the last activity); None without
    activities."""
    k = knowledge or load_training_knowledge()
    done = [a for a in activities if as_of is None or a.start.date() <= as_of]
    if not done:
        return None
    first = min(a.start.date() for a in done)
    until = as_of or max(a.start.date() for a in done)
    kept = [c for c in cramps if first <= c.occurred_at.date() <= until]
    loads = weekly_load(done, first, until)
    flagged = [r for r in load_rises(loads, k.load) if r.flagged]
    spike_weeks = {r.week for r in flagged}
    after_spike = {str(IsoWeek.of(r.monday).next()) for r in flagged}
    per_week: dict[str, int] = {}
    for cramp in kept:
        key = str(IsoWeek.of(cramp.occurred_at.date()))
        per_week[key] = per_week.get(key, 0) + 1
    weeks = []
    for load in loads:
        total = load.total
        weeks.append(LoadWeek(
            week=str(load.week), monday=load.week.monday, sessions=total.sessions,
            minutes=round(total.minutes, 1), km=round(total.km, 1),
            cramps=per_week.get(str(load.week), 0), over_rule=str(load.week) in spike_weeks,
            after_spike=str(load.week) in after_spike))
    placed = place_cramps(kept, done, k)
    late = sum(1 for p in placed if p.late)
    in_spike_weeks = sum(w.cramps for w in weeks if w.after_spike or w.over_rule)
    says, advice = _sentences(weeks, placed, late, in_spike_weeks, len(kept), k)
    return TrainingView(
        activities=len(done), first_day=first, last_day=until, weeks=weeks, rises=flagged,
        workload=workload(done, until, k.load), placed=placed, late_cramps=late,
        cramps_after_spike=in_spike_weeks,
        says=says, advice=advice,
    )


def _sentences(weeks: Sequence[LoadWeek], placed: Sequence[PlacedCramp], late: int,
               after_spike: int, cramps: int, k: TrainingKnowledge
               ) -> tuple[list[str], list[str]]:
    says: list[str] = []
    advice: list[str] = []
    spikes = sum(1 for w in weeks if w.over_rule)
    if spikes:
        says.append(f"In {spikes} of {len(weeks)} weeks a sport rose more than "
                    f"{k.load.max_weekly_increase:.0%} over the week before.")
    if placed:
        says.append(f"{len(placed)} of your {plain_words.count(cramps, 'cramp')} came during a "
                    "recorded session; "
                    f"{late} of them in the last third of it.")
        if late * 2 > len(placed):
            says.append("Your cramps cluster late in sessions, a sign of fatigue.")
            advice.append("Build the length of your sessions up more gradually, and shorten "
                          "the longest ones for now.")
    if cramps and spikes:
        spike_weeks = sum(1 for w in weeks if w.over_rule or w.after_spike)
        share = after_spike / cramps
        expected = spike_weeks / len(weeks)
        says.append(f"{after_spike} of your {plain_words.count(cramps, 'cramp')} came in a week "
                    "that broke the rule or the week after it.")
        if after_spike >= 2 and share > expected * 1.5:
            says.append("Your cramps cluster in and after the weeks your load jumped.")
            advice.append(f"Keep each week's rise under {k.load.max_weekly_increase:.0%} "
                          "of the week before.")
    return says, advice
