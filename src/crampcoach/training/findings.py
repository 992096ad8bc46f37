"""Observed findings: answers the training record gives without asking.

`observe` turns a person's activities (and their cramps placed in sessions) into findings
for the assessment, each with the numbers behind it and a plain sentence saying what the
record showed. They only ever say "yes": a record without a rise may just be missing the
sessions done without the watch, so a "no" is left to the person. `with_observed` adds them
to a case where the person has not answered (explicitly or in their own words): what a person
says always overrides the record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal

from crampcoach.case import Case
from crampcoach.training.knowledge import TrainingKnowledge, load_training_knowledge
from crampcoach.training.load import (
    ActivityLike,
    LoadRise,
    Out,
    load_rises,
    recent_weeks,
    weekly_load,
    workload,
)
from crampcoach.training.placement import CrampLike, place_cramps

SOURCE: Literal["training_record"] = "training_record"
SOURCE_WORDS = "from your training record"
Number = float | int | str


class ObservedFinding(Out):
    """A finding the record answered: `numbers` are the figures behind `says`."""

    finding: str
    value: Literal[True] = True
    source: Literal["training_record"] = SOURCE
    source_words: str = SOURCE_WORDS
    says: str
    numbers: dict[str, Number]


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _amount(value: float, measure: str) -> str:
    return f"{value:.0f} km" if measure == "km" else f"{value:.0f} minutes"


def increase(rises: Sequence[LoadRise], k: TrainingKnowledge) -> ObservedFinding | None:
    """The largest flagged rise among `rises`, as the `recent_training_increase` finding."""
    flagged = [r for r in rises if r.flagged]
    if not flagged:
        return None
    # Distance before time for the same rise: it is the figure runners and riders plan by.
    top = max(flagged, key=lambda r: (r.rise, r.measure == "km"))
    sport = k.sport_name(top.sport)
    return ObservedFinding(
        finding="recent_training_increase",
        says=(f"Your {sport} went from {_amount(top.before, top.measure)} to "
              f"{_amount(top.after, top.measure)} a week ({top.rise:+.0%}) in the week of "
              f"{_day(top.monday)}, more than the {k.load.max_weekly_increase:.0%} a week "
              "muscles adapt to."),
        numbers={"week": top.week, "sport": top.sport, "measure": top.measure,
                 "before": top.before, "after": top.after, "rise": top.rise,
                 "weeks_over_rule": len({r.week for r in flagged})},
    )


def observe(activities: Sequence[ActivityLike], cramps: Sequence[CrampLike], as_of: dt.date,
            knowledge: TrainingKnowledge | None = None) -> list[ObservedFinding]:
    """The findings the record supports as of a day (activities after it are ignored)."""
    k = knowledge or load_training_knowledge()
    done = [a for a in activities if a.start.date() <= as_of]
    if not done:
        return []
    found: list[ObservedFinding] = []
    weeks = weekly_load(done, end=as_of)
    recent = {str(w.week) for w in recent_weeks(weeks, as_of, k.load.recent_weeks)}
    rises = [r for r in load_rises(weeks, k.load) if r.week in recent]
    rise = increase(rises, k)
    if rise is not None:
        ratio = workload(done, as_of, k.load)
        numbers = dict(rise.numbers)
        if ratio.ratio is not None:
            numbers["acute_chronic_ratio"] = ratio.ratio
        found.append(rise.model_copy(update={"numbers": numbers}))

    window_start = as_of - dt.timedelta(weeks=k.load.recent_weeks)
    long_ones = [a for a in done if a.start.date() > window_start
                 and a.duration_s / 60 > k.sessions.long_minutes]
    if len(long_ones) >= k.sessions.long_count:
        longest = max(long_ones, key=lambda a: a.duration_s)
        found.append(ObservedFinding(
            finding="long_or_intense_sessions",
            says=(f"{len(long_ones)} of your sessions in the last {k.load.recent_weeks} weeks "
                  f"lasted over {k.sessions.long_minutes:g} minutes; the longest, "
                  f"{longest.duration_s / 60:.0f} minutes of {k.sport_name(longest.sport)} on "
                  f"{_day(longest.start.date())}."),
            numbers={"long_sessions": len(long_ones), "weeks": k.load.recent_weeks,
                     "longest_minutes": round(longest.duration_s / 60),
                     "over_minutes": k.sessions.long_minutes},
        ))

    placed = [p for p in place_cramps([c for c in cramps if c.occurred_at.date() <= as_of],
                                      done, k) if p.temperature_c is not None]
    hot = [p for p in placed if p.hot]
    if len(placed) >= k.heat.minimum_cramps and len(hot) / len(placed) > k.heat.hot_share:
        found.append(ObservedFinding(
            finding="cramp_in_hot_conditions",
            says=(f"{len(hot)} of the {len(placed)} cramps logged during recorded sessions came "
                  f"in sessions at {k.heat.hot_celsius:g} °C or more."),
            numbers={"hot_cramps": len(hot), "cramps_in_sessions": len(placed),
                     "hot_celsius": k.heat.hot_celsius},
        ))

    days = sorted({a.start.date() for a in done})
    for before, after in zip(reversed(days[:-1]), reversed(days[1:]), strict=True):
        if (as_of - after).days > k.returning.restart_within_days:
            break
        gap = (after - before).days
        if gap >= k.returning.gap_days:
            found.append(ObservedFinding(
                finding="new_or_returning_to_exercise",
                says=(f"Your record shows a break of {gap // 7} weeks with no training, "
                      f"then a restart on {_day(after)}."),
                numbers={"gap_days": gap, "last_before_gap": before.isoformat(),
                         "restart": after.isoformat()},
            ))
            break
    return found


def with_observed(case: Case, observed: Sequence[ObservedFinding]
                  ) -> tuple[Case, list[ObservedFinding]]:
    """The case with the observed findings it has no answer for, and those that were used.

    An explicit answer, or one read from the person's own words, overrides the record.
    """
    from crampcoach.reasoning.assess import answers_of

    answered = answers_of(case)
    used = [o for o in observed if o.finding not in answered]
    if not used:
        return case, []
    return case.model_copy(update={"findings": {**case.findings,
                                                **{o.finding: o.value for o in used}}}), used
