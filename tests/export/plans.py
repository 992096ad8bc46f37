"""Plans for the export tests, built once from real cases and the real reasoning."""

from __future__ import annotations

import functools
from datetime import date

from crampcoach.case import Case
from crampcoach.plan import Plan, PlanOptions, build_plan
from crampcoach.reasoning import assess

GLUTE = Case(age=34, sex="female", findings={
    "trigger_bridge_or_hip_thrust": True, "feel_hamstrings_more_than_glutes": True,
    "cramp_during_exercise": True, "hard_to_feel_glutes": True, "low_fluid_intake": True,
    "bruising": False, "popping_sensation": None,
})
URGENT = Case(findings={"calf_or_thigh_swollen_warm_red": True,
                        "recent_immobilisation_or_surgery": True})
START = date(2025, 3, 3)


@functools.cache
def glute_plan(weeks: int = 8) -> Plan:
    return build_plan(GLUTE, assess(GLUTE), PlanOptions(weeks=weeks, start=START))


@functools.cache
def urgent_plan() -> Plan:
    return build_plan(URGENT, assess(URGENT), PlanOptions(start=START))
