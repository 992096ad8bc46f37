"""Care plans: from an assessment to a phase-aware programme, its doses and its safety limits."""

from crampcoach.plan.builder import build_plan
from crampcoach.plan.loader import PlanKnowledge, load_plan_knowledge, load_plan_knowledge_from
from crampcoach.plan.models import Plan, PlanOptions

__all__ = [
    "Plan",
    "PlanKnowledge",
    "PlanOptions",
    "build_plan",
    "load_plan_knowledge",
    "load_plan_knowledge_from",
]
