"""Exact posterior marginals of the noisy-OR network.

Two exact algorithms, chosen per query:

* Quickscore (Heckerman 1989): sums over subsets of the *present* findings, so it costs
  2^k for k present findings whatever the number of causes. Absent findings factorise and
  cost nothing extra. It is an alternating sum, so when the evidence is very improbable
  the terms cancel and round-off grows; we measure that cancellation and
* fall back to enumerating the joint states of the causes that present findings couple
  (all terms positive, so always accurate). Causes linked to no present finding stay
  independent given the evidence and are solved in closed form.

Both give the same numbers to ~1e-12; a test checks them against pgmpy.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np
from numpy.typing import NDArray

from crampcoach.reasoning.network import Array, Network

# Above this many present findings Quickscore's 2^k terms cost more than enumeration.
QUICKSCORE_MAX_PRESENT = 14
# Sum of |terms| over the result: beyond this the alternating sum may have lost ~1e-10.
MAX_CANCELLATION = 1e5
# Answer effects only rank questions, so they may keep the fast sum while its round-off
# stays below ANSWER_EFFECT_ERROR on every marginal; beyond that a branch is inferred afresh.
ANSWER_EFFECT_ERROR = 1e-6
# Round-off of one fast sum per unit of cancellation (sum of |terms| over the result): measured
# at most ~1e-17 over the test cases; a hundredfold margin.
ROUND_OFF_PER_CANCELLATION = 1e-15
MAX_CANCELLATION_RANKING = ANSWER_EFFECT_ERROR / ROUND_OFF_PER_CANCELLATION
# Extended precision (64-bit mantissa) affords ~2,000 times more cancellation for the same error.
MAX_CANCELLATION_EXTENDED = 1e8
ENUMERATION_CHUNK = 1 << 15
ANSWER_BATCH_ELEMENTS = 1 << 16


@dataclass(frozen=True)
class Posterior:
    marginals: Array  # P(cause active | evidence), one per cause
    log_evidence: float  # log P(evidence)


@dataclass(frozen=True)
class AnswerEffects:
    """How each candidate question's answer would move the causes."""

    p_yes: Array  # (m,) predictive probability the answer is yes
    if_yes: Array  # (m, n) posterior marginals after a yes
    if_no: Array  # (m, n) posterior marginals after a no


@functools.cache
def _subsets(k: int, extended: bool = False) -> tuple[Array, Array]:
    """All 2^k subsets of k items as a 0/1 matrix, and their inclusion-exclusion signs."""
    idx = np.arange(1 << k)
    bits = ((idx[:, None] >> np.arange(k)) & 1).astype(np.float64)
    signs = np.where(bits.sum(axis=1) % 2 == 0, 1.0, -1.0)
    if extended:
        bits = bits.astype(np.longdouble)
    bits.setflags(write=False)
    signs.setflags(write=False)
    return bits, signs


class _Terms(NamedTuple):
    """The inclusion-exclusion terms of one Quickscore query, kept for answer effects."""

    a: Array  # (2^k, n): P(cause fails to produce every finding in the subset + absent set)
    pa: Array  # (2^k, n): p * a
    t: Array  # (2^k, n): (1 - p) + p * a
    base: Array  # (2^k,): signed term
    evidence: float  # P(e) = sum(base)
    evidence_sum: Any  # the same sum unrounded (extended precision when the terms are)


Floats = NDArray[np.floating[Any]]  # double or extended precision


class _Arrays(NamedTuple):
    """The network's numbers one Quickscore query reads, in double or extended precision."""

    prior: Floats
    not_prior: Floats  # 1 - prior, worked out once
    # Per finding, log(1 - strength) for each cause and then log(1 - leak) in the last column:
    # one take, one sum and one product serve both, as numpy's fixed cost per call dominates.
    log_q_and_leak: Floats


@functools.cache
def _arrays(net: Network, extended: bool) -> _Arrays:
    """The query's numbers, fixed per network; extended precision is 80-bit on x86."""
    if not extended:
        both = np.column_stack([net.log_q, net.log_keep_leak])
        both.setflags(write=False)
        return _Arrays(net.prior, 1.0 - net.prior, both)
    prior = net.prior.astype(np.longdouble)
    both = np.column_stack([np.log1p(-net.strength.astype(np.longdouble)),
                            np.log1p(-net.leak.astype(np.longdouble))])
    both.setflags(write=False)
    return _Arrays(prior, 1.0 - prior, both)


def _quickscore_terms(net: Network, present: Sequence[int], absent: Sequence[int],
                      max_cancellation: float = MAX_CANCELLATION,
                      extended: bool = False) -> _Terms | None:
    k = len(present)
    bits, signs = _subsets(k, extended)
    p, not_p, log_q_and_leak = _arrays(net, extended)
    # The rows of the present findings, then those of the absent ones, in one take(): the
    # same numbers as indexing each list apart, at a fraction of the cost.
    rows = np.asarray([*present, *absent], dtype=np.intp)
    picked = log_q_and_leak.take(rows, axis=0)
    # add.reduce is what ndarray.sum() calls, without its Python wrapper: the same sums.
    total = np.add.reduce
    logs = total(picked[k:], axis=0) + bits @ picked[:k]  # (2^k, n + 1)
    a = np.exp(logs[:, :-1])
    pa = p * a
    t = pa + not_p
    log_mag = logs[:, -1] + total(np.log(t), axis=1)
    magnitude = np.exp(log_mag, out=log_mag)
    base = signs * magnitude
    evidence = total(base)
    if not evidence > 0.0 or total(magnitude) > max_cancellation * evidence:
        return None
    return _Terms(a, pa, t, base, float(evidence), evidence)


def _enumerate(net: Network, present: Sequence[int], absent: Sequence[int]) -> Posterior:
    p = net.prior
    neg_log_a = net.log_q[list(absent)].sum(axis=0)
    log_q_present = net.log_q[list(present)]  # (k, n)
    coupled = np.flatnonzero((log_q_present < 0).any(axis=0)) if len(present) else np.array([], int)
    free = np.setdiff1d(np.arange(net.n_causes), coupled)

    marginals = np.empty(net.n_causes)
    # Causes touching no present finding: independent, closed form.
    pa = p[free] * np.exp(neg_log_a[free])
    z_free = pa + (1.0 - p[free])
    marginals[free] = pa / z_free
    log_evidence = float(np.log(z_free).sum() + net.log_keep_leak[list(absent)].sum())

    r = len(coupled)
    if r:
        log_p, log_not_p = np.log(p[coupled]), np.log1p(-p[coupled])
        weight_base = log_p - log_not_p + neg_log_a[coupled]
        sub_q = log_q_present[:, coupled].T  # (r, k)
        keep_leak = net.log_keep_leak[list(present)]
        chunks: list[tuple[float, Array, float]] = []
        for start in range(0, 1 << r, ENUMERATION_CHUNK):
            idx = np.arange(start, min(start + ENUMERATION_CHUNK, 1 << r))
            states = ((idx[:, None] >> np.arange(r)) & 1).astype(np.float64)
            absent_prob = np.exp(keep_leak + states @ sub_q)
            with np.errstate(divide="ignore"):
                log_w = states @ weight_base + np.log1p(-absent_prob).sum(axis=1)
            top = float(log_w.max())
            w = np.exp(log_w - top)
            chunks.append((top, w @ states, float(w.sum())))
        top = max(c[0] for c in chunks)
        scaled = [(math.exp(c[0] - top), c[1], c[2]) for c in chunks]
        total = sum(s * z for s, _, z in scaled)
        marginals[coupled] = sum(s * m for s, m, _ in scaled) / total
        log_evidence += top + math.log(total) + float(log_not_p.sum())
    elif len(present):
        log_evidence += float(np.log1p(-np.exp(net.log_keep_leak[list(present)])).sum())
    return Posterior(marginals=marginals, log_evidence=log_evidence)


def infer(net: Network, present: Sequence[int], absent: Sequence[int]) -> Posterior:
    """Exact P(cause | present findings, absent findings) for every cause."""
    if len(present) <= QUICKSCORE_MAX_PRESENT:
        # Double precision first; when the alternating sum cancels too much, the same sum in
        # extended precision keeps ~3 more digits; only beyond that do we enumerate states.
        for extended, bound in ((False, MAX_CANCELLATION), (True, MAX_CANCELLATION_EXTENDED)):
            terms = _quickscore_terms(net, present, absent, bound, extended)
            if terms is not None:
                joint = terms.base @ (terms.pa / terms.t)
                return Posterior(
                    marginals=np.asarray(joint / terms.evidence_sum, dtype=np.float64),
                    log_evidence=math.log(terms.evidence))
    return _enumerate(net, present, absent)


def answer_effects(
    net: Network, present: Sequence[int], absent: Sequence[int], candidates: Sequence[int],
    current: Posterior,
) -> AnswerEffects:
    """For each candidate finding, P(yes) and the posteriors after a yes and after a no.

    The "no" branch adds one absent finding, which Quickscore handles for all candidates
    at once; the "yes" branch follows from P(e) = P(e, yes) + P(e, no).
    """
    m, n = len(candidates), net.n_causes
    p_no = np.empty(m)
    if_no = np.empty((m, n))
    if_yes = np.empty((m, n))
    terms = (
        _quickscore_terms(net, present, absent, MAX_CANCELLATION_RANKING)
        if len(present) <= QUICKSCORE_MAX_PRESENT else None
    )
    done = np.zeros(m, dtype=bool)
    if terms is not None and m:
        p = net.prior
        weight = terms.pa / terms.t  # (2^k, n): the share of each term where the cause is on
        joint = terms.base @ weight
        magnitude_now = float(np.abs(terms.base).sum())
        log_t = np.log(terms.t)
        # Candidates go in batches so the (2^k, links) arrays stay a few MB at most.
        batch = max(1, ANSWER_BATCH_ELEMENTS // (terms.t.size or 1))
        for lo in range(0, m, batch):
            rows_idx = list(candidates[lo : lo + batch])
            b = len(rows_idx)
            # Asking finding j only changes the terms of the causes linked to j: work on
            # those links alone instead of every (candidate, cause) pair.
            link_row, link_col = np.nonzero(net.strength[rows_idx])
            q = 1.0 - net.strength[rows_idx][link_row, link_col]
            pa_q = p[link_col] * terms.a[:, link_col] * q  # (2^k, links)
            t_new = (1.0 - p[link_col]) + pa_q
            incidence = np.zeros((len(link_row), b))
            incidence[np.arange(len(link_row)), link_row] = 1.0
            ratio = np.exp((np.log(t_new) - log_t[:, link_col]) @ incidence).T  # (b, 2^k)
            keep = 1.0 - net.leak[rows_idx]
            base_no = terms.base[None, :] * keep[:, None] * ratio
            evidence_no = base_no.sum(axis=1)
            magnitude_no = np.abs(base_no).sum(axis=1)
            # The yes branch is the difference of two sums, so it inherits the round-off of
            # both over its own, possibly tiny, probability: check each branch on its own.
            evidence_yes = terms.evidence - evidence_no
            ok = (
                (evidence_no > 0) & (magnitude_no <= MAX_CANCELLATION_RANKING * evidence_no)
                & (evidence_yes > 0)
                & (magnitude_now + magnitude_no <= MAX_CANCELLATION_RANKING * evidence_yes)
            )
            joint_no = base_no @ weight  # right for causes not linked to the candidate
            joint_no[link_row, link_col] = np.einsum("ls,sl->l", base_no[link_row], pa_q / t_new)
            span = slice(lo, lo + b)
            safe_no = np.where(ok, evidence_no, 1.0)[:, None]
            safe_yes = np.where(ok, evidence_yes, 1.0)[:, None]
            if_no[span] = joint_no / safe_no
            if_yes[span] = (joint[None, :] - joint_no) / safe_yes
            p_no[span] = evidence_no / terms.evidence
            done[span] = ok
    absent_list = list(absent)
    present_list = list(present)
    for row in np.flatnonzero(~done):
        j = candidates[int(row)]
        after_no = infer(net, present_list, [*absent_list, j])
        after_yes = infer(net, [*present_list, j], absent_list)
        if_no[row] = after_no.marginals
        if_yes[row] = after_yes.marginals
        p_no[row] = math.exp(after_no.log_evidence - current.log_evidence)
    p_no = np.clip(p_no, 0.0, 1.0)
    return AnswerEffects(p_yes=1.0 - p_no, if_yes=np.clip(if_yes, 0.0, 1.0),
                         if_no=np.clip(if_no, 0.0, 1.0))
