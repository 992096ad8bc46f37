"""What the assessment rules out of a plan, who to see, and what to do now when it is urgent."""

from __future__ import annotations

from collections.abc import Mapping

from crampcoach.knowledge import KnowledgeBase
from crampcoach.plan.knowledge import PlanSafetyFile, Restriction, Tag
from crampcoach.plan.models import Professional
from crampcoach.reasoning.assessment import Assessment


def _fires(r: Restriction, assessment: Assessment, answers: Mapping[str, bool | None]) -> bool:
    when = r.when
    probability = {c.id: c.probability for c in assessment.causes}
    suspected = {reason.suspected for reason in assessment.triage.reasons}
    return (
        any(probability.get(c, 0.0) >= when.probability_at_least for c in when.causes)
        or any(s in suspected for s in when.suspected)
        or any(answers.get(f) is True for f in when.findings)
        or assessment.triage.level in when.levels
    )


def active_restrictions(safety: PlanSafetyFile, assessment: Assessment,
                        answers: Mapping[str, bool | None]) -> list[Restriction]:
    return [r for r in safety.restrictions if _fires(r, assessment, answers)]


def excluded_tags(restrictions: list[Restriction]) -> set[Tag]:
    return {tag for r in restrictions for tag in r.exclude_tags}


def allowed_families(restrictions: list[Restriction]) -> set[str] | None:
    """The families every restriction with a limit allows; None when none limits them."""
    limits = [set(r.only_families) for r in restrictions if r.only_families]
    return set.intersection(*limits) if limits else None


def referral(kb: KnowledgeBase, safety: PlanSafetyFile,
             assessment: Assessment) -> Professional | None:
    """Who to see and why, when the triage level is above self-care or nothing fits.

    The reasons at the triage level name the suspected cause; its `refer` says who, else the
    level's default does.
    """
    level = assessment.triage.level
    unexplained = assessment.unexplained
    if level == "self_care":
        if unexplained is None or not unexplained.leading:
            return None
        # Nothing fits: no danger, but an examination is the way to find the cause.
        physio = safety.referral["see_physio"]
        return Professional(level="see_physio", who=physio.who, why=unexplained.says,
                            when=physio.when)
    default = safety.referral[level]
    rule_level = kb.red_flag_levels
    # The reasons in the order the assessment shows their conditions (the likelier first among
    # signs of one level), so that who to see follows the condition that leads.
    shown = {cause.id: i for i, cause in enumerate(assessment.causes)}
    top = sorted((r for r in assessment.triage.reasons if rule_level.get(r.rule) == level),
                 key=lambda r: shown.get(r.suspected, len(shown)))
    who, when = default.who, default.when
    for reason in top:
        refer = kb.causes[reason.suspected].refer if reason.suspected in kb.causes else None
        if refer is not None and refer.level == level:
            who, when = refer.who, refer.when or default.when
            break
    # One reason per concern, the most urgent (reasons come most urgent first).
    says: list[str] = []
    concerns: set[str] = set()
    for reason in top:
        if reason.suspected not in concerns:
            concerns.add(reason.suspected)
            says.append(reason.says)
    says = list(dict.fromkeys(says)) or [assessment.triage.action]
    return Professional(level=level, who=who, why=" ".join(says), when=when)


def urgent_steps(safety: PlanSafetyFile, assessment: Assessment) -> list[str]:
    """What to do now: the triage action first, then the steps for each suspected cause."""
    steps = [assessment.triage.action, *safety.urgent.always]
    for reason in assessment.triage.reasons:
        steps.extend(safety.urgent.by_suspected.get(reason.suspected, []))
    return list(dict.fromkeys(steps))
