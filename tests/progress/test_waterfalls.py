"""The three waterfalls: felt scores in bridges as shares of effort, and the verdict."""

from __future__ import annotations

import pytest

from crampcoach.progress.entries import Scores
from crampcoach.progress.waterfalls import (
    FeltSums,
    Shares,
    shares_over_time,
    waterfall_verdict,
    weekly_sums,
)

from .samples import item, session


def weeks_of(*felt: tuple[int, int, int]) -> list[object]:
    """One scored bridge a week, with these scores (low back, glutes, hamstrings)."""
    return [session(7 * i, item(felt=f)) for i, f in enumerate(felt)]


def test_scores_become_shares_of_the_work() -> None:
    sums = FeltSums()
    sums.add(Scores(3, 2, 5))
    shares = sums.shares()
    assert shares == Shares(low_back=0.3, glutes=0.2, hamstrings=0.5)
    # The seed's picture: half the water to the hamstrings, far from an even third.
    assert shares.lead() == "hamstrings"
    assert shares.gap() == pytest.approx(0.5 - 1 / 3, abs=1e-4)


def test_nothing_felt_anywhere_gives_no_shares() -> None:
    sums = FeltSums()
    sums.add(Scores(0, 0, 0))
    assert sums.shares() is None


def test_shares_move_toward_even_thirds_is_reported() -> None:
    log = weeks_of((3, 2, 5), (3, 2, 5), (3, 3, 4), (3, 3, 4))
    verdict = waterfall_verdict(weekly_sums(log))
    assert verdict.status == "toward"
    assert verdict.before == Shares(low_back=0.3, glutes=0.2, hamstrings=0.5)
    assert verdict.now == Shares(low_back=0.3, glutes=0.3, hamstrings=0.4)
    assert verdict.first_weeks == ["2024-W10", "2024-W11"]
    assert verdict.latest_weeks == ["2024-W12", "2024-W13"]
    assert "moving toward even thirds" in verdict.says
    assert "hamstrings 50%" in verdict.says and "hamstrings 40%" in verdict.says
    assert verdict.advice is not None and "front of the feet" in verdict.advice


def test_shares_moving_away_from_even_thirds_is_reported() -> None:
    verdict = waterfall_verdict(weekly_sums(weeks_of((3, 3, 4), (3, 2, 5))))
    assert verdict.status == "away" and "drifting away" in verdict.says


def test_a_change_smaller_than_the_steady_band_is_holding_steady() -> None:
    # 40% -> 41% hamstrings: a point, inside the two-point band.
    verdict = waterfall_verdict(weekly_sums(weeks_of((30, 30, 40), (29, 30, 41))))
    assert verdict.status == "steady" and "hardly changed" in verdict.says


def test_about_even_shares_are_called_even() -> None:
    verdict = waterfall_verdict(weekly_sums(weeks_of((3, 2, 5), (32, 35, 33))))
    assert verdict.status == "even" and verdict.advice is None
    assert "about evenly" in verdict.says


def test_one_week_of_scores_gives_the_split_without_a_trend() -> None:
    verdict = waterfall_verdict(weekly_sums(weeks_of((3, 2, 5))))
    assert verdict.status == "one_period" and verdict.before is None
    assert "low back 30%, glutes 20%, hamstrings 50%" in verdict.says


def test_no_scores_says_how_to_score() -> None:
    verdict = waterfall_verdict(weekly_sums([session(0, item(felt=None))]))
    assert verdict.status == "no_scores" and verdict.now is None
    assert "0-10" in verdict.says


def test_only_bridges_and_hip_thrusts_count() -> None:
    log = [session(0, item("romanian_deadlift", felt=(0, 0, 9)), item(felt=(2, 6, 2))),
           session(1, item("barbell_hip_thrust", felt=(2, 6, 2), load_kg=40.0))]
    [(week, sums)] = weekly_sums(log)
    assert (str(week), sums.items, sums.hamstrings) == ("2024-W10", 2, 4)
    assert shares_over_time(log)[0][1] == Shares(low_back=0.2, glutes=0.6, hamstrings=0.2)


def test_the_lead_decides_the_advice() -> None:
    back = waterfall_verdict(weekly_sums(weeks_of((6, 2, 2), (6, 2, 2))))
    assert back.now is not None and back.now.lead() == "low_back"
    assert back.advice is not None and "neutral" in back.advice


def test_work_that_moves_from_hamstrings_to_glutes_without_nearing_even_is_a_shift() -> None:
    # Hamstrings 46% became glutes 45%: as far from even, but not the same split.
    verdict = waterfall_verdict(weekly_sums(weeks_of((30, 24, 46), (27, 45, 28))))
    assert verdict.status == "shifted" and "no nearer even thirds" in verdict.says
    assert verdict.now is not None and verdict.now.lead() == "glutes"
