"""Training load week on week, checked against the ladder's 10% rule (knowledge/ladder.yaml).

Two measures, because either can jump on its own: `reps` (sets x reps of every exercise
done for reps) and `lifted_kg` (sets x reps x load of the loaded ones). Holds (stretches,
foam rolling) are not training load and are left out. A week is compared with the calendar
week before it when that week had load; after a week off there is nothing to compare.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from pydantic import BaseModel, ConfigDict

from crampcoach.progress.entries import ItemDone
from crampcoach.store.weekly import IsoWeek

Measure = Literal["reps", "lifted_kg"]
MEASURES: tuple[Measure, ...] = ("reps", "lifted_kg")


class LoadChange(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    week: str
    measure: Measure
    before: float
    after: float
    rise: float                    # fraction: 0.25 is 25% more than the week before
    flagged: bool                  # more than the rule allows


@dataclass
class LoadTally:
    reps: int = 0
    lifted_kg: float = 0.0

    def add(self, item: ItemDone) -> None:
        if item.reps is None:
            return
        self.reps += item.sets * item.reps
        if item.load_kg:
            self.lifted_kg += item.sets * item.reps * item.load_kg

    def value(self, measure: Measure) -> float:
        return float(self.reps) if measure == "reps" else self.lifted_kg


def load_changes(weeks: Sequence[tuple[IsoWeek, LoadTally]],
                 max_increase: float) -> list[LoadChange]:
    """Every week-on-week change of each measure between consecutive calendar weeks."""
    changes: list[LoadChange] = []
    for (week_before, before), (week, after) in pairwise(weeks):
        if week_before.next() != week:
            continue
        for measure in MEASURES:
            was, now = before.value(measure), after.value(measure)
            if was <= 0:
                continue
            # Rounded so that exactly 10% more is not flagged by a floating-point hair.
            rise = round(now / was - 1.0, 4)
            changes.append(LoadChange(week=str(week), measure=measure, before=round(was, 2),
                                      after=round(now, 2), rise=rise, flagged=rise > max_increase))
    return changes
