"""The log page: quick forms for a cramp and a session."""

from __future__ import annotations

import datetime as dt

from ..clients import Client, read_page


def me(client: Client) -> int:
    return int(client.get("/api/v1/people").json()[0]["id"])


def test_a_logged_cramp_is_listed(single_user: Client) -> None:
    person = me(single_user)
    response = single_user.form(f"/people/{person}/cramps", {
        "occurred_at": "2024-06-01T07:45", "side": "right", "during": "running",
        "severity": "7", "duration_s": "30"})
    assert response.status_code == 303
    page = single_user.get(response.headers["location"]).text
    assert "Cramp logged." in page
    assert "right leg, during running, severity 7/10" in page


def test_a_logged_session_is_listed(single_user: Client) -> None:
    person = me(single_user)
    response = single_user.form(f"/people/{person}/sessions", {
        "date": dt.date.today().isoformat(), "item0.exercise": "glute_bridge",
        "item0.sets": "3", "item0.reps": "12", "item0.felt_glutes": "6",
        "item0.felt_hamstrings": "2", "item0.felt_low_back": "1"})
    assert response.status_code == 303, response.text
    page = single_user.get(f"/people/{person}/log").text
    assert "Bodyweight glute bridge 3 × 12" in page


def test_bad_entries_are_refused_with_the_field_named(single_user: Client) -> None:
    person = me(single_user)
    cases = [
        ({"occurred_at": "yesterday", "side": "left", "during": "x", "severity": "3"},
         "occurred_at"),
        ({"occurred_at": "2024-06-01T07:45", "side": "middle", "during": "x", "severity": "3"},
         "side"),
        ({"occurred_at": "2024-06-01T07:45", "side": "left", "during": "x", "severity": "11"},
         "severity"),
    ]
    for form, field in cases:
        response = single_user.form(f"/people/{person}/cramps", form)
        assert response.status_code == 422 and field in response.text, field
    session = single_user.form(f"/people/{person}/sessions", {
        "date": dt.date.today().isoformat(), "item0.exercise": "glute_bridge",
        "item0.sets": "3", "item0.reps": "12", "item0.felt_glutes": "6"})
    assert session.status_code == 422 and "felt" in session.text


def test_every_log_control_has_a_label(single_user: Client) -> None:
    page = single_user.get(f"/people/{me(single_user)}/log").text
    assert read_page(page).unlabelled() == []


def test_the_forms_and_the_api_take_the_same_exercise_names(single_user: Client) -> None:
    person = me(single_user)
    today = dt.date.today().isoformat()
    assert single_user.form(f"/people/{person}/sessions", {
        "date": today, "item0.exercise": "hip thrust", "item0.sets": "3",
        "item0.reps": "8"}).status_code == 303
    assert single_user.form(f"/people/{person}/cramps", {
        "occurred_at": f"{today}T07:45", "side": "left", "during": "RDLs",
        "severity": "3"}).status_code == 303
    api = single_user.post(f"/api/v1/people/{person}/sessions", json={
        "date": today, "items": [{"exercise": "Glute bridge", "sets": 2, "reps": 10}]})
    assert api.status_code == 201, api.text
    stored = single_user.get(f"/api/v1/people/{person}/sessions").json()
    assert [i["exercise"] for s in stored for i in s["items"]] == ["barbell_hip_thrust",
                                                                   "glute_bridge"]
    (cramp,) = single_user.get(f"/api/v1/people/{person}/cramp-events").json()
    assert cramp["during"] == "romanian_deadlift"
    refused = single_user.post(f"/api/v1/people/{person}/sessions", json={
        "date": today, "items": [{"exercise": "glute brige", "sets": 2, "reps": 10}]})
    assert refused.status_code == 422 and "closest: Bodyweight glute bridge" in refused.text
