"""Cases and hand-built assessments for the plan tests.

Assessments are built directly (they are plain models) where a test needs exact cause
probabilities or triage reasons; elsewhere the real `assess` is used.
"""

from __future__ import annotations

from collections.abc import Mapping

from crampcoach import DISCLAIMER
from crampcoach.case import Case
from crampcoach.knowledge import load_knowledge
from crampcoach.knowledge.schema import Level
from crampcoach.reasoning import Assessment, assess
from crampcoach.reasoning.assessment import CauseResult
from crampcoach.triage import Triage, TriageReason

GLUTE_CASE = Case(age=34, sex="female", findings={
    "trigger_bridge_or_hip_thrust": True, "feel_hamstrings_more_than_glutes": True,
    "cramp_during_exercise": True, "hard_to_feel_glutes": True, "bruising": False,
})
STRAIN_CASE = Case(age=27, findings={
    "cramp_during_exercise": True, "tender_after_cramp": True, "bruising": True,
    "popping_sensation": False, "pain_walking_or_straightening": False,
})
DVT_CASE = Case(age=52, findings={
    "recent_immobilisation_or_surgery": True, "calf_or_thigh_swollen_warm_red": True,
})


def assessment(
    causes: Mapping[str, float],
    level: Level = "self_care",
    reasons: list[tuple[str, str]] | None = None,
    answers: Mapping[str, bool | None] | None = None,
) -> Assessment:
    """An assessment with these cause probabilities (others 0.05) and triage.

    `reasons` are (red-flag rule id, finding) pairs; what the rule says comes from the
    knowledge base, as the real triage would give it.
    """
    kb = load_knowledge()
    rules = {r.id: r for r in kb.red_flags}
    results = sorted(
        (CauseResult(id=cid, name=cause.name, probability=causes.get(cid, 0.05), because=[],
                     sources=[], evidence=cause.evidence.grade)
         for cid, cause in kb.causes.items()),
        key=lambda c: -c.probability,
    )
    triage_reasons = [
        TriageReason(finding=finding, says=rules[rule].says, sources=[], rule=rule,
                     suspected=rules[rule].suspected, basis=rules[rule].basis)
        for rule, finding in (reasons or [])
    ]
    action = rules[reasons[0][0]].action if reasons else kb.triage_levels[level].action
    return Assessment(
        triage=Triage(level=level, reasons=triage_reasons, action=action),
        causes=results, next_question=None, disagreements=[],
        answers=dict(answers or {}), disclaimer=DISCLAIMER,
    )


def assessed(case: Case) -> tuple[Case, Assessment]:
    return case, assess(case)
