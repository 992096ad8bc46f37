"""Activity and cramp records for the load and findings tests, built week by week."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from crampcoach.store.records import ActivityRecord

MONDAY = dt.date(2025, 3, 3)


def activity(day: dt.date, minutes: float, km: float | None = None, *, sport: str = "running",
             hour: int = 7, temperature: float | None = None) -> ActivityRecord:
    return ActivityRecord(start=dt.datetime.combine(day, dt.time(hour)), sport=sport,
                          duration_s=round(minutes * 60),
                          distance_m=None if km is None else km * 1000,
                          temperature_c=temperature, source="csv")


def weeks_of(kms: list[float], *, runs: int = 3, pace_min_per_km: float = 6.0,
             first: dt.date = MONDAY) -> list[ActivityRecord]:
    """`runs` equal runs a week, spread over it, adding up to each week's km."""
    found = []
    for index, km in enumerate(kms):
        if km <= 0:
            continue
        for run in range(runs):
            day = first + dt.timedelta(weeks=index, days=run * 7 // runs)
            found.append(activity(day, km / runs * pace_min_per_km, km / runs))
    return found


@dataclass(frozen=True)
class CrampAt:
    occurred_at: dt.datetime
