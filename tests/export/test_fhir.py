"""The FHIR R4 export, validated against the official models (R4B in fhir.resources 8)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.careplan import CarePlan
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from crampcoach.export.fhir import render_fhir

from .plans import glute_plan, urgent_plan

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
MODELS: dict[str, Any] = {"CarePlan": CarePlan, "Observation": Observation,
                          "QuestionnaireResponse": QuestionnaireResponse}


def resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def test_bundle_and_every_resource_validate() -> None:
    bundle = render_fhir(glute_plan(), now=NOW)
    assert Bundle.model_validate(bundle).type == "collection"
    for entry in bundle["entry"]:
        resource = entry["resource"]
        MODELS[resource["resourceType"]].model_validate(resource)


def test_care_plan_has_one_activity_per_exercise_with_dose_timing_and_reason() -> None:
    plan = glute_plan()
    (care_plan,) = resources(render_fhir(plan, now=NOW), "CarePlan")
    activities = [a for a in care_plan["activity"]
                  if a["detail"].get("scheduledTiming", {}).get("repeat", {}).get("periodUnit") == "wk"]
    assert {a["detail"]["code"]["coding"][0]["code"] for a in activities} == plan.session_exercise_ids()
    assert len(activities) == len(plan.session_exercise_ids())
    for activity in activities:
        detail = activity["detail"]
        assert "×" in detail["description"]
        repeat = detail["scheduledTiming"]["repeat"]
        assert repeat["periodUnit"] == "wk" and repeat["frequency"] >= 1
        assert repeat["boundsPeriod"]["start"] >= "2025-03-03"
        assert detail["reasonCode"][0]["text"]
    assert care_plan["period"] == {"start": "2025-03-03", "end": "2025-04-27"}


def test_answers_become_a_questionnaire_response() -> None:
    plan = glute_plan()
    (answers,) = resources(render_fhir(plan, now=NOW), "QuestionnaireResponse")
    items = {i["linkId"]: i for i in answers["item"]}
    assert set(items) == set(plan.answers)
    assert items["trigger_bridge_or_hip_thrust"]["answer"] == [{"valueBoolean": True}]
    assert items["bruising"]["answer"] == [{"valueBoolean": False}]
    assert "answer" not in items["popping_sensation"]  # asked, not known
    assert items["bruising"]["text"].endswith("?")


def test_assessment_becomes_observations_of_triage_and_each_cause() -> None:
    plan = glute_plan()
    observations = resources(render_fhir(plan, now=NOW), "Observation")
    assert len(observations) == 1 + len(plan.causes)
    assert observations[0]["valueCodeableConcept"]["coding"][0]["code"] == "self_care"
    glute = next(o for o in observations if o["code"]["coding"][0]["code"] == "glute_weakness")
    top = next(c for c in plan.causes if c.id == "glute_weakness")
    assert glute["valueQuantity"]["value"] == round(top.probability * 100, 1)


def test_references_point_at_entries_of_the_bundle() -> None:
    bundle = render_fhir(glute_plan(), now=NOW)
    urls = {e["fullUrl"] for e in bundle["entry"]}
    (care_plan,) = resources(bundle, "CarePlan")
    assert {r["reference"] for r in care_plan["supportingInfo"]} <= urls


def test_urgent_care_plan_holds_no_activity_but_the_steps_to_take() -> None:
    plan = urgent_plan()
    bundle = render_fhir(plan, now=NOW)
    Bundle.model_validate(bundle)
    (care_plan,) = resources(bundle, "CarePlan")
    assert "activity" not in care_plan
    notes = " ".join(n["text"] for n in care_plan["note"])
    assert plan.what_to_do_now[0] in notes


def test_habits_routine_and_volume_targets_are_activities_with_their_cause() -> None:
    from crampcoach.case import Case, TrainingVolume
    from crampcoach.plan import PlanOptions, build_plan
    from crampcoach.reasoning import assess

    from .plans import START

    case = Case(findings={"recent_training_increase": True, "cramp_during_exercise": True,
                          "sits_most_of_day": True, "tight_hip_flexors": True},
                training_volume=TrainingVolume(current=300, unit="minutes", tolerated=240))
    plan = build_plan(case, assess(case), PlanOptions(weeks=4, start=START))
    assert plan.volume is not None and plan.habits
    bundle = render_fhir(plan, now=NOW)
    Bundle.model_validate(bundle)
    (care_plan,) = resources(bundle, "CarePlan")
    CarePlan.model_validate(care_plan)
    by_code = {a["detail"]["code"]["coding"][0]["code"]: a["detail"] for a in care_plan["activity"]}
    for habit in plan.habits:
        detail = by_code[habit.id]
        assert detail["reasonCode"][0]["coding"][0]["code"] == habit.why
        assert habit.target in detail["description"]
        if habit.when == "daily":
            assert detail["scheduledTiming"]["repeat"]["periodUnit"] == "d"
    volumes = [a["detail"] for a in care_plan["activity"]
               if a["detail"]["code"]["coding"][0]["code"] == "weekly_training_volume"]
    assert [v["quantity"]["value"] for v in volumes] == [w.volume for w in plan.volume.weeks]
    assert volumes[0]["quantity"]["code"] == "min"
    assert volumes[1]["scheduledPeriod"]["start"] == "2025-03-10"
    if plan.routine:
        daily = [by_code[i.exercise] for i in plan.routine.items]
        assert all(d["scheduledTiming"]["repeat"]["periodUnit"] in ("d", "wk") for d in daily)
