"""The log as days: sessions and cramps merged by day, oldest first."""

from __future__ import annotations

from crampcoach.progress.entries import days_of

from .samples import cramp, day, session


def test_sessions_and_cramps_are_grouped_by_day_in_order() -> None:
    days = list(days_of([session(3), session(0), session(3)],
                        [cramp(3, hour=20), cramp(3, hour=6), cramp(1)]))
    assert [d.date for d in days] == [day(0), day(1), day(3)]
    assert [len(d.sessions) for d in days] == [1, 0, 2]
    assert [c.occurred_at.hour for c in days[2].cramps] == [6, 20]


def test_a_cramp_after_midnight_belongs_to_the_next_day() -> None:
    [first, second] = days_of([session(0)], [cramp(1, hour=0)])
    assert (first.cramps, second.date) == ([], day(1))


def test_days_after_until_are_left_out() -> None:
    days = list(days_of([session(0), session(5)], [cramp(2), cramp(6)], until=day(2)))
    assert [d.date for d in days] == [day(0), day(2)]
