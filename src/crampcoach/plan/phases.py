"""Which care phase a plan starts in, and how the phases follow one another week by week."""

from __future__ import annotations

from collections.abc import Mapping

from crampcoach.plan.knowledge import Phase, PhaseRule, PhasesFile


def rule_matches(rule: PhaseRule, answers: Mapping[str, bool | None], days: int | None) -> bool:
    if rule.any and not any(answers.get(f) is True for f in rule.any):
        return False
    if days is None:
        return rule.when_days_unknown
    if rule.days_at_most is not None and days > rule.days_at_most:
        return False
    return rule.days_at_least is None or days >= rule.days_at_least


def starting_phase(phases: PhasesFile, answers: Mapping[str, bool | None],
                   days_since_last_cramp: int | None) -> tuple[Phase, str]:
    """The phase to start in and the words that say why."""
    for rule in phases.rules:
        if rule_matches(rule, answers, days_since_last_cramp):
            return rule.phase, rule.says
    return phases.default, phases.phases[phases.default].focus


def phase_by_week(phases: PhasesFile, start: Phase, weeks: int) -> list[Phase]:
    """The phase of each week: a phase lasts its `weeks`, then hands over to its `next`."""
    result: list[Phase] = []
    current, left = start, phases.phases[start].weeks
    while len(result) < weeks:
        result.append(current)
        if left is not None:
            left -= 1
            nxt = phases.phases[current].next
            if left == 0 and nxt is not None:
                current, left = nxt, phases.phases[nxt].weeks
    return result
