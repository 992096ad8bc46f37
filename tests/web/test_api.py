"""The JSON API: the CONTRACT documents, plans in every format, records, and clean 422s."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from crampcoach import DISCLAIMER
from crampcoach.case import parse_case
from crampcoach.knowledge import load_knowledge
from crampcoach.reasoning import assess

from .clients import Accounts, Client

GLUTE_CASE: dict[str, Any] = {
    "age": 32,
    "sex": "male",
    "findings": {
        "trigger_bridge_or_hip_thrust": True, "hard_to_feel_glutes": True,
        "cramp_during_exercise": True, "feel_hamstrings_more_than_glutes": True,
        "calf_or_thigh_swollen_warm_red": False, "saddle_numbness": False,
        "dark_urine_after_exercise": False, "bruising": False,
    },
}
URGENT_CASE: dict[str, Any] = {"findings": {"calf_or_thigh_swollen_warm_red": True,
                                            "recent_immobilisation_or_surgery": True}}


def fields(response: Any) -> dict[str, str]:
    assert response.status_code == 422, response.text
    return {problem["field"]: problem["message"] for problem in response.json()["detail"]}


# -- assessments --------------------------------------------------------------------------


def test_assessment_is_the_same_document_as_the_core_makes(single_user: Client) -> None:
    response = single_user.post("/api/v1/assessments", json=copy_of(GLUTE_CASE))
    assert response.status_code == 200
    document = response.json()
    assert document == assess(parse_case(GLUTE_CASE)).to_contract()
    assert document["causes"][0]["id"] == "glute_weakness"
    assert {c["id"] for c in document["causes"]} == set(load_knowledge().causes)
    assert document["disclaimer"] == DISCLAIMER
    assert "understood" not in document


def copy_of(case: dict[str, Any]) -> dict[str, Any]:
    """A deep copy, so a test cannot change the shared case by accident."""
    copied: dict[str, Any] = json.loads(json.dumps(case))
    return copied


def test_assessment_offers_the_next_question_until_the_interview_is_done(
        single_user: Client) -> None:
    first = single_user.post("/api/v1/assessments", json={"findings": {}}).json()
    question = first["next_question"]
    assert question["finding"] in load_knowledge().findings
    assert question["text"] and question["help"]
    urgent = single_user.post("/api/v1/assessments", json=URGENT_CASE).json()
    assert urgent["triage"]["level"] == "urgent"
    assert urgent["next_question"] is None


def test_the_first_step_asks_every_warning_sign_at_once_through_also(single_user: Client) -> None:
    checklist = load_knowledge().screening_checklist()
    first = single_user.post("/api/v1/assessments", json={"findings": {}, "sex": "female"}).json()
    question = first["next_question"]
    assert question["screening"] is True
    assert [question["finding"], *question["also"]] == checklist
    assert sorted(item["finding"] for item in question["checklist"]) == sorted(checklist)
    # One step answers every finding of the screen; the next step is an ordinary one.
    answered = dict.fromkeys(checklist, False)
    second = single_user.post("/api/v1/assessments",
                              json={"findings": answered, "sex": "female"}).json()
    assert second["next_question"]["screening"] is False
    assert not set(answered) & {second["next_question"]["finding"], *second["next_question"]["also"]}


def test_an_api_walk_answering_only_what_is_asked_ends_in_a_few_steps(single_user: Client) -> None:
    truth = {"trigger_bridge_or_hip_thrust": True, "feel_hamstrings_more_than_glutes": True,
             "cramp_during_exercise": True, "hard_to_feel_glutes": True}
    findings: dict[str, bool | None] = {}
    steps = 0
    while (question := single_user.post("/api/v1/assessments", json={"findings": findings})
           .json()["next_question"]) is not None:
        steps += 1
        assert steps <= 8, "the interview is still asking after eight steps"
        for finding in (question["finding"], *question["also"]):
            findings[finding] = truth.get(finding, False)
    final = single_user.post("/api/v1/assessments", json={"findings": findings}).json()
    assert final["causes"][0]["id"] == "glute_weakness"


def test_assessment_with_text_lists_what_was_understood(single_user: Client) -> None:
    text = "My hamstrings cramp every time I do hip thrusts and I can't feel my glutes at all."
    document = single_user.post("/api/v1/assessments", json={"text": text}).json()
    assert "understood" in document
    assert document["understood"].get("trigger_bridge_or_hip_thrust") is True


def test_unknown_finding_id_is_a_422_naming_it(single_user: Client) -> None:
    problems = fields(single_user.post("/api/v1/assessments",
                                       json={"findings": {"brusing": True}}))
    assert "findings.brusing" in problems
    assert "bruising" in problems["findings.brusing"]  # the suggestion


def test_each_wrongly_typed_field_is_named(single_user: Client) -> None:
    problems = fields(single_user.post("/api/v1/assessments", json={
        "age": "34", "sex": 1, "findings": {"bruising": "yes"}}))
    assert {"age", "sex", "findings.bruising"} <= set(problems)


@pytest.mark.parametrize("age", [9, 111, -1, 10**12])
def test_age_out_of_range_is_a_422(single_user: Client, age: int) -> None:
    assert "age" in fields(single_user.post("/api/v1/assessments", json={"age": age}))


def test_unknown_keys_are_refused(single_user: Client) -> None:
    problems = fields(single_user.post("/api/v1/assessments", json={"findngs": {}}))
    assert "findngs" in problems


@pytest.mark.parametrize("body", [b"{", b"[]", b"null", b"\xff\xfe", b'{"findings": []}'])
def test_malformed_bodies_are_422_never_500(single_user: Client, body: bytes) -> None:
    response = single_user.post("/api/v1/assessments", content=body,
                                headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert response.json()["detail"]


# -- plans --------------------------------------------------------------------------------


def test_plan_json_follows_the_contract(single_user: Client) -> None:
    response = single_user.post("/api/v1/plans", json={"case": copy_of(GLUTE_CASE)})
    assert response.status_code == 200
    plan = response.json()
    assert plan["phase"] in ("acute", "subacute", "chronic", "prevention")
    items = [i for w in plan["weeks"] for s in w["sessions"] for i in s["items"]]
    assert any(i["exercise"] == "glute_bridge" for i in items)
    assert all(i["sets"] >= 1 and (i.get("reps") or i.get("hold_s")) for i in items)
    assert plan["disclaimer"] == DISCLAIMER


@pytest.mark.parametrize(("fmt", "media", "starts"), [
    ("pdf", "application/pdf", b"%PDF"),
    ("ics", "text/calendar", b"BEGIN:VCALENDAR"),
    ("html", "text/html", b"<!"),
    ("fhir", "application/fhir+json", b"{"),
])
def test_plan_comes_in_each_format(single_user: Client, fmt: str, media: str,
                                   starts: bytes) -> None:
    response = single_user.post("/api/v1/plans", json={
        "case": copy_of(GLUTE_CASE), "format": fmt,
        "options": {"weeks": 2, "start": "2024-06-03"}})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(media)
    assert response.content.lstrip().startswith(starts)
    assert "attachment" in response.headers["content-disposition"]


def test_fhir_plan_is_a_json_resource(single_user: Client) -> None:
    response = single_user.post("/api/v1/plans", json={"case": copy_of(GLUTE_CASE),
                                                       "format": "fhir"})
    assert response.json()["resourceType"]


def test_urgent_plan_holds_no_exercise(single_user: Client) -> None:
    plan = single_user.post("/api/v1/plans", json={"case": URGENT_CASE}).json()
    assert plan["triage"] == "urgent"
    assert not [i for w in plan["weeks"] for s in w["sessions"] for i in s["items"]]


RUNNER_CASE: dict[str, Any] = {"findings": {
    "recent_training_increase": True, "trigger_running_or_sprinting": True,
    "cramp_during_exercise": True, "cramp_late_in_session": False}}


@pytest.mark.parametrize("where", ["case", "options"])
def test_plan_takes_the_weekly_volume_from_the_case_or_the_options(
        single_user: Client, where: str) -> None:
    volume = {"current": 50, "unit": "km", "tolerated": 30}
    case = {**copy_of(RUNNER_CASE), **({"training_volume": volume} if where == "case" else {})}
    options = {"training_volume": volume} if where == "options" else {}
    response = single_user.post("/api/v1/plans", json={"case": case, "options": options})
    assert response.status_code == 200, response.text
    weeks = response.json()["volume"]["weeks"]
    assert weeks[0]["volume"] == 30 and weeks[0]["why"] == "training_load_spike"


def test_plan_request_refuses_a_volume_in_an_unknown_unit(single_user: Client) -> None:
    problems = fields(single_user.post("/api/v1/plans", json={
        "case": copy_of(RUNNER_CASE),
        "options": {"training_volume": {"current": 50, "unit": "miles"}}}))
    assert "options.training_volume.unit" in problems


def test_plan_request_refuses_an_unknown_format_and_bad_options(single_user: Client) -> None:
    problems = fields(single_user.post("/api/v1/plans", json={
        "case": {}, "format": "docx", "options": {"weeks": 0, "start": "tomorrow"}}))
    assert {"format", "options.weeks", "options.start"} <= set(problems)


# -- a person's records -------------------------------------------------------------------


def _me(client: Client) -> int:
    (person,) = client.get("/api/v1/people").json()
    return int(person["id"])


def test_logged_cramps_and_sessions_show_in_progress_and_export(single_user: Client) -> None:
    me = _me(single_user)
    day = dt.date.today() - dt.timedelta(days=3)
    cramp = single_user.post(f"/api/v1/people/{me}/cramp-events", json={
        "occurred_at": f"{day.isoformat()}T18:30:00", "side": "left", "during": "glute_bridge",
        "severity": 6, "duration_s": 40})
    assert cramp.status_code == 201, cramp.text
    session = single_user.post(f"/api/v1/people/{me}/sessions", json={
        "date": day.isoformat(), "items": [{"exercise": "glute_bridge", "sets": 3, "reps": 12,
                                            "felt": {"low_back": 1, "glutes": 7,
                                                     "hamstrings": 3}}]})
    assert session.status_code == 201, session.text
    assert [c["uid"] for c in single_user.get(f"/api/v1/people/{me}/cramp-events").json()] == [
        cramp.json()["uid"]]
    progress = single_user.get(f"/api/v1/people/{me}/progress").json()
    (week,) = progress["weeks"]
    assert (week["cramps"], week["sessions"]) == (1, 1)
    assert week["shares"]["glutes"] == pytest.approx(7 / 11, abs=1e-3)
    assert progress["ladder"]["step"] >= 1 and progress["disclaimer"] == DISCLAIMER
    exported = single_user.get(f"/api/v1/people/{me}/export").json()
    assert len(exported["cramp_events"]) == 1 and len(exported["sessions"]) == 1


def test_a_logged_entry_can_be_removed_and_a_second_removal_is_not_found(
        single_user: Client) -> None:
    me = _me(single_user)
    day = dt.date.today().isoformat()
    cramp = single_user.post(f"/api/v1/people/{me}/cramp-events", json={
        "occurred_at": f"{day}T18:30:00", "side": "left", "during": "sleep", "severity": 3})
    session = single_user.post(f"/api/v1/people/{me}/sessions", json={
        "date": day, "items": [{"exercise": "glute_bridge", "sets": 3, "reps": 12}]})
    cramp_uid, session_uid = cramp.json()["uid"], session.json()["uid"]
    gone = single_user.delete(f"/api/v1/people/{me}/cramp-events/{cramp_uid}")
    assert gone.status_code == 204 and gone.content == b""
    assert single_user.get(f"/api/v1/people/{me}/cramp-events").json() == []
    assert single_user.delete(f"/api/v1/people/{me}/cramp-events/{cramp_uid}").status_code == 404
    assert single_user.delete(f"/api/v1/people/{me}/sessions/{session_uid}").status_code == 204
    assert single_user.get(f"/api/v1/people/{me}/sessions").json() == []
    # Not a uid at all: refused before anything is looked up.
    assert single_user.delete(f"/api/v1/people/{me}/sessions/not-a-uid").status_code == 422


def test_a_logged_session_with_an_unknown_exercise_is_refused(single_user: Client) -> None:
    me = _me(single_user)
    problems = fields(single_user.post(f"/api/v1/people/{me}/sessions", json={
        "date": dt.date.today().isoformat(), "items": [{"exercise": "glute_brige", "sets": 3,
                                                        "reps": 10}]}))
    assert "items.0.exercise" in problems


def test_saved_assessments_and_plans_count_up(single_user: Client) -> None:
    me = _me(single_user)
    assert single_user.post(f"/api/v1/people/{me}/plans", json={}).status_code == 409
    for expected in (1, 2):
        saved = single_user.post(f"/api/v1/people/{me}/assessments", json=copy_of(GLUTE_CASE))
        assert saved.status_code == 201
        assert saved.json()["version"] == expected
    plan = single_user.post(f"/api/v1/people/{me}/plans", json={"reason": "first"})
    assert plan.status_code == 201, plan.text
    assert (plan.json()["version"], plan.json()["assessment_version"]) == (1, 2)
    assert len(single_user.get(f"/api/v1/people/{me}/assessments").json()) == 2


def test_an_unknown_person_is_404(single_user: Client) -> None:
    assert single_user.get("/api/v1/people/999999/progress").status_code == 404


# -- tokens -------------------------------------------------------------------------------


def test_with_accounts_the_api_needs_a_token_and_a_revoked_one_stops_working(
        accounts: Accounts) -> None:
    assert accounts.anonymous.post("/api/v1/assessments", json={}).status_code == 401
    page = accounts.client.form("/account/tokens", {"label": "my watch"})
    assert page.status_code == 201
    token = page.text.split('<code class="token">')[1].split("<")[0]
    auth = {"Authorization": f"Bearer {token}"}
    assert accounts.anonymous.post("/api/v1/assessments", json={}, headers=auth).status_code == 200
    (person,) = accounts.anonymous.get("/api/v1/people", headers=auth).json()
    assert person["id"] == accounts.client_person
    token_id = page.text.split("/account/tokens/")[1].split("/")[0]
    assert accounts.client.form(f"/account/tokens/{token_id}/revoke").status_code == 303
    assert accounts.anonymous.post("/api/v1/assessments", json={}, headers=auth).status_code == 401


def test_a_calendar_without_a_start_date_starts_today(single_user: Client) -> None:
    import datetime as dt

    response = single_user.post("/api/v1/plans", json={"case": copy_of(GLUTE_CASE), "format": "ics",
                                                       "options": {"weeks": 1}})
    assert response.status_code == 200, response.text
    assert f"DTSTART:{dt.date.today():%Y%m%d}".encode() in response.content
