"""Load week on week against the ladder's 10% rule."""

from __future__ import annotations

from crampcoach.progress.knowledge import load_progress_knowledge
from crampcoach.progress.load import LoadTally, load_changes
from crampcoach.store.weekly import IsoWeek

from .samples import item

W10, W11, W12, W13 = (IsoWeek(2024, w) for w in (10, 11, 12, 13))
RULE = load_progress_knowledge().ladder.load.max_weekly_increase


def tally(*items: object) -> LoadTally:
    found = LoadTally()
    for each in items:
        found.add(each)  # type: ignore[arg-type]
    return found


def test_weekly_load_rise_over_10_percent_is_flagged() -> None:
    changes = load_changes([(W10, tally(item(sets=3, reps=10))),
                            (W11, tally(item(sets=3, reps=12)))], RULE)
    [reps] = changes
    assert (reps.week, reps.measure, reps.before, reps.after) == ("2024-W11", "reps", 30, 36)
    assert reps.rise == 0.2 and reps.flagged


def test_a_rise_of_exactly_10_percent_is_not_flagged() -> None:
    [reps] = load_changes([(W10, tally(item(sets=1, reps=10))),
                           (W11, tally(item(sets=1, reps=11)))], RULE)
    assert reps.rise == 0.1 and not reps.flagged


def test_lifted_kg_rise_is_flagged_even_when_reps_hold() -> None:
    changes = load_changes([(W10, tally(item(reps=8, load_kg=40.0))),
                            (W11, tally(item(reps=8, load_kg=50.0)))], RULE)
    by_measure = {c.measure: c for c in changes}
    assert not by_measure["reps"].flagged
    assert by_measure["lifted_kg"].flagged and by_measure["lifted_kg"].rise == 0.25


def test_a_week_after_a_week_off_is_not_compared() -> None:
    weeks = [(W10, tally(item(reps=10))), (W11, LoadTally()), (W12, tally(item(reps=20)))]
    [drop] = load_changes(weeks, RULE)  # the week off itself is a drop, nothing after it
    assert (drop.week, drop.rise, drop.flagged) == ("2024-W11", -1.0, False)
    gap = [(W10, tally(item(reps=10))), (W13, tally(item(reps=20)))]  # not consecutive weeks
    assert load_changes(gap, RULE) == []


def test_holds_are_not_training_load() -> None:
    stretch = item("hip_flexor_stretch", felt=None, reps=None, hold_s=30)
    assert (tally(stretch).reps, tally(stretch).lifted_kg) == (0, 0.0)
