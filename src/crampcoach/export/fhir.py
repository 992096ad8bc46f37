"""The plan as a FHIR R4 Bundle: the CarePlan, the answers and the assessment.

Built as plain dicts (the tests validate them against the official models) so exporting needs
no FHIR library at run time.
"""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

from crampcoach.export.calendar import plan_key
from crampcoach.export.handout import (
    GRADE_WORDS,
    LEVEL_TITLES,
    WHEN_WORDS,
    amount_text,
    dose_text,
    volume_line,
)
from crampcoach.knowledge import load_knowledge
from crampcoach.plan.models import HabitOut, Item, Plan, PlannedSession, VolumeWeek

Resource = dict[str, Any]
SUBJECT = {"display": "The person who answered the crampcoach questions"}
UCUM = "http://unitsofmeasure.org"
CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
UCUM_UNITS = {"km": "km", "minutes": "min"}   # sessions and sets have no UCUM code


class _Ids:
    """Stable urn:uuid ids derived from the plan, so the same plan exports the same Bundle."""

    def __init__(self, plan: Plan) -> None:
        self.namespace = uuid.uuid5(uuid.NAMESPACE_URL, f"crampcoach:{plan_key(plan)}")

    def __call__(self, name: str) -> str:
        return f"urn:uuid:{uuid.uuid5(self.namespace, name)}"


def _questionnaire_response(plan: Plan, when: str) -> Resource:
    questions = load_knowledge().findings
    items = []
    for finding, value in sorted(plan.answers.items()):
        entry: Resource = {"linkId": finding}
        if finding in questions:
            entry["text"] = questions[finding].question
        if value is not None:  # "don't know" is an item without an answer
            entry["answer"] = [{"valueBoolean": value}]
        items.append(entry)
    resource: Resource = {"resourceType": "QuestionnaireResponse", "status": "completed",
                          "subject": SUBJECT, "authored": when}
    if items:
        resource["item"] = items
    return resource


def _observations(plan: Plan, when: str, answers_ref: str) -> list[Resource]:
    base = {
        "resourceType": "Observation", "status": "final",
        "category": [{"coding": [{"system": CATEGORY, "code": "survey", "display": "Survey"}]}],
        "subject": SUBJECT, "effectiveDateTime": when,
        "derivedFrom": [{"reference": answers_ref}],
    }
    found = [{**base, "code": {"text": "crampcoach triage level",
                               "coding": [{"code": "triage_level"}]},
              "valueCodeableConcept": {"text": LEVEL_TITLES[plan.triage],
                                       "coding": [{"code": plan.triage}]}}]
    for cause in plan.causes:
        found.append({
            **base, "code": {"text": f"Probability that a cause is at work: {cause.name}",
                             "coding": [{"code": cause.id}]},
            "valueQuantity": {"value": round(cause.probability * 100, 1), "unit": "%",
                              "system": UCUM, "code": "%"},
        })
    return found


def _activity(plan: Plan, uses: list[tuple[PlannedSession, Item]]) -> Resource:
    """One CarePlan activity for an exercise: what, how much, how often, and why."""
    item = uses[0][1]
    names = {c.id: c.name for c in plan.causes}
    per_week = Counter(session.week for session, _ in uses)
    repeat: Resource = {
        "frequency": max(1, round(len(uses) / len(per_week))), "period": 1, "periodUnit": "wk",
    }
    dates = sorted(session.date for session, _ in uses if session.date is not None)
    if dates:
        repeat["boundsPeriod"] = {"start": dates[0].isoformat(), "end": dates[-1].isoformat()}
    return {"detail": {
        "status": "scheduled",
        "code": {"text": item.name, "coding": [{"code": item.exercise}]},
        "reasonCode": [{"text": names.get(item.why, item.why), "coding": [{"code": item.why}]}],
        "description": f"{dose_text(item)}. {item.reason} Cues: {' '.join(item.cues)}",
        "scheduledTiming": {"repeat": repeat},
    }}


def _reason(plan: Plan, cause: str) -> list[Resource]:
    names = {c.id: c.name for c in plan.causes}
    return [{"text": names.get(cause, cause), "coding": [{"code": cause}]}]


def _plan_days(plan: Plan, first_day: int = 1) -> Resource | None:
    if plan.start is None or not plan.weeks:
        return None
    end = plan.start + timedelta(days=7 * len(plan.weeks) - 1)
    begin = plan.start + timedelta(days=first_day - 1)
    return {"start": begin.isoformat(), "end": end.isoformat()}


def _daily_timing(plan: Plan, first_day: int = 1) -> Resource:
    repeat: Resource = {"frequency": 1, "period": 1, "periodUnit": "d"}
    bounds = _plan_days(plan, first_day)
    if bounds:
        repeat["boundsPeriod"] = bounds
    return {"repeat": repeat}


def _routine_activity(plan: Plan, item: Item, first_day: int) -> Resource:
    return {"detail": {
        "status": "scheduled",
        "code": {"text": item.name, "coding": [{"code": item.exercise}]},
        "reasonCode": _reason(plan, item.why),
        "description": f"Every day, training days or not: {dose_text(item)}. {item.reason}",
        "scheduledTiming": _daily_timing(plan, first_day),
    }}


def _habit_activity(plan: Plan, habit: HabitOut) -> Resource:
    """A habit as an activity: daily ones on a daily timing, the others said in words."""
    detail: Resource = {
        "status": "scheduled",
        "code": {"text": habit.title, "coding": [{"code": habit.id}]},
        "reasonCode": _reason(plan, habit.why),
        "description": f"{habit.text} Target: {habit.target} "
                       f"(Evidence: {GRADE_WORDS[habit.evidence.grade]}.)",
    }
    if habit.when == "daily":
        detail["scheduledTiming"] = _daily_timing(plan)
    else:
        detail["scheduledString"] = WHEN_WORDS[habit.when]
    return {"detail": detail}


def _volume_activity(plan: Plan, week: VolumeWeek) -> Resource:
    """One week's training-volume target, with its dates when the plan has a start."""
    quantity: Resource = {"value": week.volume, "unit": week.unit}
    if week.unit in UCUM_UNITS:
        quantity |= {"system": UCUM, "code": UCUM_UNITS[week.unit]}
    detail: Resource = {
        "status": "scheduled",
        "code": {"text": f"Weekly training volume, week {week.week}",
                 "coding": [{"code": "weekly_training_volume"}]},
        "reasonCode": _reason(plan, week.why),
        "description": f"Week {week.week}: {volume_line(week)}. "
                       + (plan.volume.replaces if plan.volume else ""),
        "quantity": quantity,
    }
    if plan.start is not None:
        first = plan.start + timedelta(days=7 * (week.week - 1))
        detail["scheduledPeriod"] = {"start": first.isoformat(),
                                     "end": (first + timedelta(days=6)).isoformat()}
    return {"detail": detail}


def _care_notes(plan: Plan) -> list[str]:
    notes = []
    if plan.recovery:
        r = plan.recovery
        notes.append("Run again only when: " + " ".join(r.return_to_run) + f" {r.no_loading}")
        notes.append(f"See {r.refer_who}: {r.refer_says}")
    for g in plan.guidance:
        notes.append(f"{g.name}: see {g.see}. Avoid: " + " ".join(g.avoid))
    if plan.volume:
        v = plan.volume
        notes.append(f"Weekly volume: {v.says} Now {amount_text(v.current)} {v.unit}; "
                     f"target {amount_text(v.target)} {v.unit}.")
    return notes


def render_fhir(plan: Plan, *, now: datetime | None = None) -> Resource:
    """The Bundle (type `collection`) as a JSON-ready dict."""
    when = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    ids = _Ids(plan)
    answers_ref, plan_ref = ids("answers"), ids("careplan")
    observations = _observations(plan, when, answers_ref)
    obs_refs = [ids(f"observation-{i}") for i in range(len(observations))]

    uses: dict[str, list[tuple[PlannedSession, Item]]] = {}
    for session in plan.sessions():
        for item in session.items:
            uses.setdefault(item.exercise, []).append((session, item))
    care_plan: Resource = {
        "resourceType": "CarePlan", "status": "active", "intent": "plan",
        "title": "Hamstring cramp care plan", "subject": SUBJECT, "created": when,
        "description": plan.phase_says,
        "supportingInfo": [{"reference": r} for r in [answers_ref, *obs_refs]],
        "note": [{"text": plan.disclaimer}],
    }
    activities = [_activity(plan, found) for found in uses.values()]
    if plan.routine:
        activities += [_routine_activity(plan, i, plan.routine.start_day) for i in plan.routine.items]
    activities += [_habit_activity(plan, h) for h in plan.habits]
    activities += [_volume_activity(plan, w) for w in plan.volume.weeks] if plan.volume else []
    if activities:
        care_plan["activity"] = activities
    if plan.start is not None:
        end = plan.start + timedelta(days=7 * len(plan.weeks) - 1) if plan.weeks else plan.start
        care_plan["period"] = {"start": plan.start.isoformat(), "end": end.isoformat()}
    notes = [*plan.what_to_do_now, *_care_notes(plan)]
    if plan.see_a_professional:
        pro = plan.see_a_professional
        notes.append(f"See {pro.who}, {pro.when}: {pro.why}")
    care_plan["note"] += [{"text": n} for n in notes]

    entries = [(plan_ref, care_plan), (answers_ref, _questionnaire_response(plan, when)),
               *zip(obs_refs, observations, strict=True)]
    return {
        "resourceType": "Bundle", "type": "collection", "timestamp": when,
        "entry": [{"fullUrl": url, "resource": resource} for url, resource in entries],
    }

