"""The log page: quick forms for a cramp and a session."""

from __future__ import annotations

import datetime as dt
import re

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


def test_a_cramp_length_is_typed_as_people_say_it_and_a_bad_one_is_named(
        single_user: Client) -> None:
    person = me(single_user)
    form = {"occurred_at": "2024-06-01T07:45", "side": "left", "during": "sleep",
            "severity": "5", "duration_s": "a while"}
    refused = single_user.form(f"/people/{person}/cramps", form)
    assert refused.status_code == 422
    assert "How long it lasted: &#39;a while&#39; is not a length of time" in refused.text \
        or "How long it lasted: 'a while' is not a length of time" in refused.text
    response = single_user.form(f"/people/{person}/cramps", {**form, "duration_s": "2 min"})
    assert response.status_code == 303
    cramps = single_user.get(f"/api/v1/people/{person}/cramp-events").json()
    assert [c["duration_s"] for c in cramps] == [120]


def test_a_logged_cramp_can_be_removed_from_the_page(single_user: Client) -> None:
    person = me(single_user)
    single_user.form(f"/people/{person}/cramps", {
        "occurred_at": "2024-06-01T07:45", "side": "right", "during": "running",
        "severity": "7"})
    page = single_user.get(f"/people/{person}/log").text
    (action,) = re.findall(rf'action="(/people/{person}/cramps/[0-9a-f]{{32}}/remove)"', page)
    removed = single_user.form(action, {})
    assert removed.status_code == 303
    page = single_user.get(removed.headers["location"]).text
    assert "Cramp removed from the log." in page and "during running" not in page
    assert single_user.form(action, {}).status_code == 404


def test_a_logged_session_is_listed(single_user: Client) -> None:
    person = me(single_user)
    response = single_user.form(f"/people/{person}/sessions", {
        "date": dt.date.today().isoformat(), "item0.exercise": "glute_bridge",
        "item0.sets": "3", "item0.reps": "12", "item0.felt_glutes": "6",
        "item0.felt_hamstrings": "2", "item0.felt_low_back": "1"})
    assert response.status_code == 303, response.text
    page = single_user.get(f"/people/{person}/log").text
    assert "Bodyweight glute bridge 3 × 12" in page


def test_a_refused_entry_names_the_field_by_its_label_and_keeps_what_was_typed(
        single_user: Client) -> None:
    person = me(single_user)
    cases = [
        ({"occurred_at": "yesterday", "side": "left", "during": "hip thrusts", "severity": "3"},
         "When:"),
        ({"occurred_at": "2024-06-01T07:45", "side": "middle", "during": "hip thrusts",
          "severity": "3"}, "Which leg:"),
        ({"occurred_at": "2024-06-01T07:45", "side": "left", "during": "hip thrusts",
          "severity": "11"}, "How bad:"),
    ]
    for form, label in cases:
        response = single_user.form(f"/people/{person}/cramps", form)
        assert response.status_code == 422
        alert = response.text.split('role="alert"', 1)[1].split("</p>", 1)[0]
        assert label in alert and "_" not in alert, alert
        assert 'value="hip thrusts"' in response.text  # nothing to type again
    session = single_user.form(f"/people/{person}/sessions", {
        "date": dt.date.today().isoformat(), "item0.exercise": "glute_bridge",
        "item0.sets": "3", "item0.reps": "12", "item0.felt_glutes": "6"})
    assert session.status_code == 422
    assert "Exercise 1, where you felt it: give all three" in session.text
    assert 'value="12"' in session.text
    misspelt = single_user.form(f"/people/{person}/sessions", {
        "date": dt.date.today().isoformat(), "item0.exercise": "glute brige",
        "item0.sets": "3", "item0.reps": "12"})
    assert misspelt.status_code == 422
    assert "Exercise 1, the exercise: unknown exercise" in misspelt.text
    assert "crampcoach exercises" not in misspelt.text  # a page, not a terminal
    long_ago = single_user.form(f"/people/{person}/sessions", {
        "date": "1901-01-01", "item0.exercise": "glute bridge", "item0.sets": "3",
        "item0.reps": "12"})
    assert long_ago.status_code == 422 and "check the year" in long_ago.text


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
