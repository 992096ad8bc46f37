"""Exact posteriors: checked against pgmpy, against themselves, and for basic properties."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crampcoach.reasoning.inference import (
    ANSWER_EFFECT_ERROR,
    QUICKSCORE_MAX_PRESENT,
    answer_effects,
    infer,
)
from crampcoach.reasoning.network import Network, network

from .pgmpy_reference import pgmpy_evidence_probability, pgmpy_marginals

TOLERANCE = 1e-9
# Answer effects only rank questions; the code bounds their round-off by ANSWER_EFFECT_ERROR.
RANKING_TOLERANCE = ANSWER_EFFECT_ERROR
Evidence = dict[int, bool]


def _split(evidence: Evidence) -> tuple[list[int], list[int]]:
    return [j for j, v in evidence.items() if v], [j for j, v in evidence.items() if not v]


def _random_cases() -> list[Evidence]:
    """200 everyday cases plus 30 with more present findings than Quickscore takes."""
    net = network()
    rng = np.random.default_rng(20_240_611)
    m = len(net.finding_ids)
    cases: list[Evidence] = []
    for _ in range(200):
        chosen = rng.choice(m, size=int(rng.integers(0, 16)), replace=False)
        cases.append({int(j): bool(rng.random() < 0.5) for j in chosen})
    for _ in range(30):
        n_present = int(rng.integers(QUICKSCORE_MAX_PRESENT + 1, QUICKSCORE_MAX_PRESENT + 12))
        n_absent = int(rng.integers(0, 10))
        chosen = rng.choice(m, size=n_present + n_absent, replace=False)
        cases.append({int(j): i < n_present for i, j in enumerate(chosen)})
    return cases


CASES = _random_cases()


def test_random_cases_exercise_quickscore_and_enumeration() -> None:
    n_present = [sum(case.values()) for case in CASES]
    assert len(CASES) >= 200
    assert sum(0 < k <= QUICKSCORE_MAX_PRESENT for k in n_present) >= 150  # Quickscore
    assert sum(k > QUICKSCORE_MAX_PRESENT for k in n_present) >= 20  # enumeration
    assert sum(k == 0 for k in n_present) >= 1  # only absent findings, or none at all


@pytest.mark.parametrize("case", range(len(CASES)), ids=lambda i: f"case{i:03d}")
def test_posteriors_match_pgmpy(case: int) -> None:
    net = network()
    evidence = CASES[case]
    ours = infer(net, *_split(evidence)).marginals
    theirs = pgmpy_marginals(net, evidence)
    worst = int(np.argmax(np.abs(ours - theirs)))
    assert abs(ours[worst] - theirs[worst]) <= TOLERANCE, (
        f"{net.cause_ids[worst]}: ours {ours[worst]!r}, pgmpy {theirs[worst]!r}"
    )


@pytest.mark.parametrize("case", range(0, len(CASES), 6), ids=lambda i: f"case{i:03d}")
def test_probability_of_the_evidence_matches_pgmpy(case: int) -> None:
    net = network()
    evidence = CASES[case]
    ours = math.exp(infer(net, *_split(evidence)).log_evidence)
    theirs = pgmpy_evidence_probability(net, evidence)
    assert ours == pytest.approx(theirs, rel=TOLERANCE, abs=0.0)


def _improbable_yes_cases(limit: int = 8) -> list[int]:
    """Cases where some answer has P(yes) below 1%: the yes branch is then a difference of
    two nearly equal sums, where round-off shows most."""
    net = network()
    chosen: list[int] = []
    for i, case in enumerate(CASES):
        present, absent = _split(case)
        if len(present) > QUICKSCORE_MAX_PRESENT or i % 10 == 0:
            continue
        candidates = [j for j in range(len(net.finding_ids)) if j not in case]
        effects = answer_effects(net, present, absent, candidates, infer(net, present, absent))
        if effects.p_yes.min() < 0.01:
            chosen.append(i)
        if len(chosen) == limit:
            break
    return chosen


@pytest.mark.parametrize("case", [*range(0, len(CASES), 10), *_improbable_yes_cases()],
                         ids=lambda i: f"case{i:03d}")
def test_answer_effects_match_inference_with_the_answer_added(case: int) -> None:
    net = network()
    present, absent = _split(CASES[case])
    candidates = [j for j in range(len(net.finding_ids)) if j not in CASES[case]]
    current = infer(net, present, absent)
    effects = answer_effects(net, present, absent, candidates, current)
    for row, j in enumerate(candidates):
        after_yes = infer(net, [*present, j], absent)
        after_no = infer(net, present, [*absent, j])
        p_yes = math.exp(after_yes.log_evidence - current.log_evidence)
        name = net.finding_ids[j]
        assert effects.p_yes[row] == pytest.approx(p_yes, abs=RANKING_TOLERANCE), name
        np.testing.assert_allclose(effects.if_no[row], after_no.marginals, rtol=0,
                                   atol=RANKING_TOLERANCE, err_msg=name)
        np.testing.assert_allclose(effects.if_yes[row], after_yes.marginals, rtol=0,
                                   atol=RANKING_TOLERANCE, err_msg=name)


def _single_parent_findings(net: Network) -> list[tuple[int, int]]:
    """(finding, its only cause) for findings linked to exactly one cause."""
    linked = net.strength > 0
    return [(int(j), int(np.flatnonzero(linked[j])[0]))
            for j in np.flatnonzero(linked.sum(axis=1) == 1)]


def evidence_strategy() -> st.SearchStrategy[Evidence]:
    m = len(network().finding_ids)
    return st.dictionaries(st.integers(0, m - 1), st.booleans(), max_size=24)


@settings(max_examples=200, deadline=None)
@given(evidence=evidence_strategy())
def test_posteriors_are_probabilities(evidence: Evidence) -> None:
    marginals = infer(network(), *_split(evidence)).marginals
    assert np.all(np.isfinite(marginals))
    assert np.all((marginals >= 0.0) & (marginals <= 1.0))


@settings(max_examples=200, deadline=None)
@given(evidence=evidence_strategy(), pick=st.integers(min_value=0))
def test_a_present_finding_of_one_cause_never_lowers_that_cause(
    evidence: Evidence, pick: int,
) -> None:
    net = network()
    singles = [(j, c) for j, c in _single_parent_findings(net) if j not in evidence]
    if not singles:
        return
    finding, cause = singles[pick % len(singles)]
    present, absent = _split(evidence)
    before = infer(net, present, absent).marginals[cause]
    after = infer(net, [*present, finding], absent).marginals[cause]
    assert after >= before - 1e-12


@settings(max_examples=100, deadline=None)
@given(evidence=evidence_strategy())
def test_a_cause_linked_to_no_answered_finding_keeps_its_prior(evidence: Evidence) -> None:
    net = network()
    answered = list(evidence)
    untouched = ~(net.strength[answered] > 0).any(axis=0) if answered else np.ones(
        net.n_causes, dtype=bool)
    marginals = infer(net, *_split(evidence)).marginals
    np.testing.assert_allclose(marginals[untouched], net.prior[untouched], rtol=0, atol=1e-12)


def test_there_are_findings_linked_to_a_single_cause() -> None:
    assert len(_single_parent_findings(network())) >= 5  # the monotonicity test needs them


def test_no_evidence_gives_the_priors() -> None:
    net = network()
    posterior = infer(net, [], [])
    np.testing.assert_allclose(posterior.marginals, net.prior, rtol=0, atol=1e-15)
    assert posterior.log_evidence == pytest.approx(0.0, abs=1e-15)
