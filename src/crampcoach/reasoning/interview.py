"""Choosing the next question: the warning-sign checklist first, then only what is worth asking.

1. Every warning sign that alone makes triage see_doctor or urgent is asked first, together,
   as one checklist step (`Choice.also`); a sign already answered is left out.
2. Context screens follow while they could still raise the level (a pop brings the tear
   questions, back pain the disc question).
3. Then each topic's unasked findings (one step, a checklist when several) are weighed by
   what their answers are worth: the chance that they change the leading cause, or raise
   the triage level. When no topic reaches the `StoppingRule` thresholds, or its cap of
   ordinary steps is used up, the interview is done. Among the topics worth asking, the one
   with the largest expected information gain (bits) plus those chances goes first.

A question that contradicts an earlier answer (`skip_when`) is never asked.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

from crampcoach.knowledge import KnowledgeBase
from crampcoach.reasoning.inference import Posterior, answer_effects
from crampcoach.reasoning.network import Array, Network
from crampcoach.triage import RANK, raised_levels


@dataclass(frozen=True)
class StoppingRule:
    """When more questions stop being worth asking.

    `change_below`: stop once no topic's answers have this chance of changing the leading
    cause; `level_below`: ...nor this chance of raising the triage level (lower, because a
    missed level is a safety matter and a missed top cause is not). Tuned with
    `crampcoach evaluate CASES --trade-off --variants` on the project's labelled cases and
    their leave-one-out variants (192 interviews): agreement with the full case is flat at
    96% from (0.05, 0.005) to (0.15, 0.02) and drops from a level threshold of 0.05 on;
    (0.1, 0.01) sits inside the flat part, for a median of 6 steps. `max_questions` caps the
    ordinary steps (screens do not count), so a run of "don't know" still ends.
    """

    change_below: float = 0.1
    level_below: float = 0.01
    max_questions: int = 8


STOPPING = StoppingRule()


@dataclass(frozen=True)
class Choice:
    finding: str
    screening: bool
    also: tuple[str, ...] = ()


def _entropy(p: Array) -> Array:
    p = np.clip(p, 1e-12, 1 - 1e-12)
    result: Array = -(p * np.log2(p) + (1 - p) * np.log2(1 - p))
    return result


def askable(kb: KnowledgeBase, fid: str, answers: Mapping[str, bool | None],
            sex: str | None, age: int | None) -> bool:
    """Whether the question fits this person and does not contradict an earlier answer."""
    finding = kb.findings[fid]
    if finding.asked_below_age is not None and age is not None and age >= finding.asked_below_age:
        return False
    if not finding.fits_sex(sex):
        return False
    skip = finding.skip_when
    if skip is not None:
        if any(answers.get(f) is True for f in skip.after_yes):
            return False
        if any(answers.get(f) is False for f in skip.after_no):
            return False
    return True


def unexplained_probability(net: Network, answers: Mapping[str, bool | None],
                            posterior: Posterior) -> float:
    """P(no modelled cause is at work | answers): the noisy-OR leak explains everything.

    With every cause off, each finding is present only through its leak, so the joint is
    prod(1 - prior) * prod(leak of yes) * prod(1 - leak of no), divided by the evidence.
    """
    all_off, leak_alone = _leak_logs(net)
    log_joint = all_off
    for answer in answers.items():  # (finding, value): "don't know" adds nothing
        term = leak_alone.get(answer)
        if term is not None:
            log_joint += term
    return float(min(1.0, np.exp(log_joint - posterior.log_evidence)))


@functools.cache
def _leak_logs(net: Network) -> tuple[float, dict[tuple[str, bool | None], float]]:
    """log prod(1 - prior), and per answer (finding, yes/no) the log chance of the leak alone.

    Fixed per network, so worked out once rather than on every assessment.
    """
    leak_alone: dict[tuple[str, bool | None], float] = {}
    for fid, j in net.finding_index.items():
        leak_alone[(fid, True)] = float(np.log(net.leak[j]))
        leak_alone[(fid, False)] = float(net.log_keep_leak[j])
    return float(np.log1p(-net.prior).sum()), leak_alone


def choose_question(
    kb: KnowledgeBase,
    net: Network,
    answers: Mapping[str, bool | None],
    posterior: Posterior,
    level: str,
    sex: str | None = None,
    age: int | None = None,
    asked: int = 0,
    rule: StoppingRule = STOPPING,
) -> Choice | None:
    """The next step, or None when the interview is done.

    `asked` counts the ordinary (non-screening) questions the person has answered.
    """
    if level == "urgent":
        return None  # nothing to add: the person needs care today
    conditional = kb.conditional_questions

    def unasked_of(findings: Iterable[str]) -> list[str]:
        return [f for f in findings if f not in answers
                and (f not in conditional or askable(kb, f, answers, sex, age))]

    # The checklist first: while it is open, nothing else needs working out.
    checklist = unasked_of(kb.screening_checklist())
    if checklist:
        return Choice(finding=checklist[0], screening=True, also=tuple(checklist[1:]))
    present = {f for f, v in answers.items() if v is True}
    unasked = unasked_of(kb.findings)
    raises_level = raised_levels(kb, present)
    screens = sorted(
        (screen.order, fid) for fid in unasked
        if (screen := kb.findings[fid].screen) and present & set(screen.when_any)
        and fid in raises_level
    )
    if screens:
        return Choice(finding=screens[0][1], screening=True, also=tuple(f for _, f in screens[1:]))
    if asked >= rule.max_questions or not unasked:
        return None
    by_group: dict[str, list[int]] = {}
    for i, fid in enumerate(unasked):
        by_group.setdefault(kb.findings[fid].group, []).append(i)
    openings = sorted((kb.findings[f].opening or 0, f) for f in unasked
                      if kb.findings[f].opening is not None)
    if openings:
        return _topic(kb, unasked, by_group[kb.findings[openings[0][1]].group])

    idx = net.finding_index
    present_idx = [idx[f] for f in present]
    absent_idx = [idx[f] for f, v in answers.items() if v is False]
    candidates = [idx[f] for f in unasked]
    effects = answer_effects(net, present_idx, absent_idx, candidates, posterior)
    p_yes = effects.p_yes
    p_no = 1.0 - p_yes

    # The top is the leading known cause. "Nothing known fits" is not a rival here: it is
    # concluded only once no topic could still bring a known pattern to the top.
    top = int(np.argmax(posterior.marginals))
    top_if_yes = np.argmax(effects.if_yes, axis=1)
    top_if_no = np.argmax(effects.if_no, axis=1)
    change = p_yes * (top_if_yes != top) + p_no * (top_if_no != top)
    level_now = RANK[level]
    after = (p_yes * _entropy(effects.if_yes).sum(axis=1)
             + p_no * _entropy(effects.if_no).sum(axis=1))
    gain = _entropy(posterior.marginals).sum() - after

    # A topic's answers come together: the chance that at least one of them changes the
    # result (taken as independent), and the information they bring between them.
    yes_chance = dict(zip(unasked, p_yes.tolist(), strict=True))
    best: tuple[float, str] | None = None
    for group, members in by_group.items():
        group_change = 1.0 - float(np.prod(1.0 - change[members]))
        group_raise = _raise_chance(kb, present, level_now, {unasked[i] for i in members},
                                    yes_chance)
        if group_change < rule.change_below and group_raise < rule.level_below:
            continue
        value = float(gain[members].sum()) + group_change + group_raise
        if best is None or value > best[0]:
            best = (value, group)
    if best is None:
        return None
    return _topic(kb, unasked, by_group[best[1]])


def _raise_chance(kb: KnowledgeBase, present: set[str], level_now: int, topic: set[str],
                  yes_chance: Mapping[str, float]) -> float:
    """The chance that this topic's answers fire a rule above the current level.

    A rule counts when every finding it still needs is in the topic; the answers are
    taken as independent. The most likely such rule gives the chance.
    """
    best = 0.0
    for rule in kb.red_flags:
        # A rule that also needs a "no" (both legs: one side only, no) names which condition
        # leads; a rule without that need fires at its level on the same "yes" answers.
        if RANK[rule.level] <= level_now or rule.when.none:
            continue
        needed = [f for f in rule.when.all if f not in present]
        if not all(f in topic for f in needed):
            continue
        chance = float(np.prod([yes_chance[f] for f in needed])) if needed else 1.0
        if rule.when.any and not present & set(rule.when.any):
            options = [f for f in rule.when.any if f in topic]
            chance *= 1.0 - float(np.prod([1.0 - yes_chance[f] for f in options]))
        best = max(best, chance)
    return best


def _topic(kb: KnowledgeBase, unasked: list[str], members: list[int]) -> Choice:
    """One topic's unasked questions as one step (a checklist when there are several)."""
    ordered = [unasked[i] for i in members]
    return Choice(finding=ordered[0], screening=False, also=tuple(ordered[1:]))
