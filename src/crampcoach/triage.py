"""Red-flag triage: deterministic rules from the knowledge base, never probabilities.

A rule fires on present findings only, and the level is the highest of the fired rules,
so a further "yes" can never lower the level: red flags always escalate.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict

from crampcoach.knowledge import KnowledgeBase
from crampcoach.knowledge.schema import LEVELS, Level, RedFlagRule


class Out(BaseModel):
    """An output document: no unknown fields, never changed once built."""

    model_config = ConfigDict(extra="forbid", frozen=True)


Document = TypeVar("Document", bound=Out)


@functools.cache
def _private_defaults(model: type[Out]) -> tuple[tuple[str, Any], ...]:
    return tuple((name, attr.get_default()) for name, attr in model.__private_attributes__.items())


def filled(model: type[Document], values: dict[str, Any]) -> Document:
    """The document model_construct() makes when every field is given (a test compares them),
    at a fraction of the cost: no defaults, aliases or checks to work out field by field.

    Only for parts built from validated data: nothing here is validated. assess() builds
    several of these on every call.
    """
    made = model.__new__(model)
    object.__setattr__(made, "__dict__", values)
    object.__setattr__(made, "__pydantic_fields_set__", set(values))
    object.__setattr__(made, "__pydantic_extra__", None)
    private = _private_defaults(model)
    object.__setattr__(made, "__pydantic_private__", dict(private) if private else None)
    return made


class TriageReason(Out):
    finding: str
    says: str
    sources: list[str]
    rule: str
    suspected: str
    basis: str


class Triage(Out):
    level: Level
    reasons: list[TriageReason]
    action: str
    # Warning-sign questions not yet answered (yes, no or don't know): until they are, a
    # level below urgent is provisional.
    unchecked: list[str] = []


RANK: dict[str, int] = {level: i for i, level in enumerate(LEVELS)}


def fired_rules(kb: KnowledgeBase, present: set[str],
                absent: AbstractSet[str] = frozenset()) -> list[RedFlagRule]:
    """Fired rules, most urgent first (knowledge-base order within a level).

    `absent`: the findings answered no, for rules that need one (`none`).
    """
    if present.isdisjoint(kb.red_flag_rule_findings):
        return []  # most people: no finding that any rule needs
    fired = [rule for rule, needs_all, needs_any, needs_no in kb.red_flag_sets
             if needs_all <= present and (not needs_any or not needs_any.isdisjoint(present))
             and needs_no <= absent]
    return sorted(fired, key=lambda r: -RANK[r.level])


def level_for(kb: KnowledgeBase, present: set[str],
              absent: AbstractSet[str] = frozenset()) -> Level:
    fired = fired_rules(kb, present, absent)
    return fired[0].level if fired else "self_care"


def raised_levels(kb: KnowledgeBase, present: set[str],
                  absent: AbstractSet[str] = frozenset()) -> dict[str, Level]:
    """For each finding not yet present, the level it would raise triage to if it were.

    Only findings that would raise the level appear. One pass over the rules, because
    the interview asks this for every candidate question. A rule that also needs a finding
    answered no counts only once that answer is given.
    """
    current = RANK[level_for(kb, present, absent)]
    raised: dict[str, Level] = {}
    for rule, _, _, needs_no in kb.red_flag_sets:
        if RANK[rule.level] <= current or not needs_no <= absent:
            continue
        missing = [f for f in rule.when.all if f not in present]
        any_met = not rule.when.any or any(f in present for f in rule.when.any)
        if not missing and not any_met:
            would_fire = [f for f in rule.when.any if f not in present]
        elif len(missing) == 1 and any_met:
            would_fire = missing
        else:
            would_fire = []
        for finding in would_fire:
            if finding not in raised or RANK[rule.level] > RANK[raised[finding]]:
                raised[finding] = rule.level
    return raised


def present_findings(findings: Mapping[str, bool | None]) -> set[str]:
    return {f for f, v in findings.items() if v is True}


def triage(kb: KnowledgeBase, findings: Mapping[str, bool | None]) -> Triage:
    present = present_findings(findings)
    fired = fired_rules(kb, present, {f for f, v in findings.items() if v is False})
    level: Level = fired[0].level if fired else "self_care"
    reasons = [_reason(rule, finding) for rule in fired
               for finding in (*rule.when.all, *rule.when.any) if finding in present]
    action = fired[0].action if fired else kb.triage_levels[level].action
    unchecked = [] if level == "urgent" else unchecked_red_flags(kb, findings)
    # Every field is built here from the validated knowledge base: constructing without a
    # second validation keeps triage cheap on the interview's every step.
    return filled(Triage, {"level": level, "reasons": reasons, "action": action,
                           "unchecked": unchecked})


# Built once per rule and finding (reasons are immutable). Keyed by the rule object's id,
# with the rule kept alongside so the id cannot be reused while the entry lives.
_REASONS: dict[tuple[int, str], tuple[RedFlagRule, TriageReason]] = {}


def _reason(rule: RedFlagRule, finding: str) -> TriageReason:
    """One fired rule's reason for one finding."""
    kept = _REASONS.get((id(rule), finding))
    if kept is not None and kept[0] is rule:
        return kept[1]
    reason = TriageReason(finding=finding, says=rule.says,
                          sources=sorted({c.seed for c in rule.sources}), rule=rule.id,
                          suspected=rule.suspected, basis=rule.basis)
    _REASONS[(id(rule), finding)] = (rule, reason)
    return reason


def unchecked_red_flags(kb: KnowledgeBase, findings: Mapping[str, bool | None]) -> list[str]:
    """Red-flag findings not yet asked, in the order the interview screens them."""
    return [f for f in kb.red_flags_in_screening_order if f not in findings]


def at_least(level: str, minimum: str) -> bool:
    return RANK[level] >= RANK[minimum]
