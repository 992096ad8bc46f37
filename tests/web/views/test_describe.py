"""Describe it in your own words: what was understood is shown for confirmation first."""

from __future__ import annotations

import re

from ..clients import Client, read_page

TEXT = ("Every time I do hip thrusts my hamstrings cramp, and I can't really feel my glutes. "
        "No bruising afterwards.")


def test_what_was_understood_is_shown_with_the_words_it_came_from(single_user: Client) -> None:
    response = single_user.form("/describe", {"text": TEXT, "age": "30"})
    assert response.status_code == 200
    page = response.text
    assert "What we understood" in page
    radios = dict(re.findall(r'name="understood\.(\w+)" value="(\w+)" checked', page))
    assert radios.get("trigger_bridge_or_hip_thrust") == "yes"
    assert "<q>" in page
    assert read_page(page).unlabelled() == []


def test_confirmed_readings_become_answers_and_left_out_ones_do_not(single_user: Client) -> None:
    page = single_user.form("/interview", [
        ("age", "30"),
        ("understood.trigger_bridge_or_hip_thrust", "yes"),
        ("understood.bruising", "skip"),
        ("action", "start"),
    ]).text
    answered = [v for k, v in read_page(page).hidden if k == "answered"]
    assert answered == ["trigger_bridge_or_hip_thrust:yes"]
    assert ("age", "30") in read_page(page).hidden


def test_an_empty_description_is_refused(single_user: Client) -> None:
    response = single_user.form("/describe", {"text": "   "})
    assert response.status_code == 422
    assert "empty" in response.text


def test_age_sex_and_last_cramp_from_the_words_travel_with_the_interview(single_user: Client) -> None:
    page = single_user.form("/describe", {
        "text": "I'm a 34-year-old woman. My hamstrings cramped on hip thrusts two days ago.",
    }).text
    hidden = read_page(page).hidden
    assert ("age", "34") in hidden
    assert ("sex", "female") in hidden
    assert ("days_since_last_cramp", "2") in hidden
    assert "age 34, female, last cramp 2 days ago" in page


def test_an_age_given_on_the_form_wins_over_the_words(single_user: Client) -> None:
    page = single_user.form("/describe", {
        "text": "I'm 34 and my hamstrings cramp on hip thrusts.", "age": "41",
    }).text
    hidden = read_page(page).hidden
    assert ("age", "41") in hidden
    assert ("age", "34") not in hidden


def test_an_urgent_result_settled_by_the_description_alone_is_kept(single_user: Client) -> None:
    page = single_user.form("/describe", {
        "text": "Back from a 13 hour flight and my left calf is swollen, warm and red."}).text
    confirm = [(k, v) for k, v in read_page(page).hidden if k != "csrf_token"]
    radios = re.findall(r'name="(understood\.\w+)" value="(\w+)" checked', page)
    result = single_user.form("/interview", [*confirm, *radios, ("action", "continue")]).text
    assert "level-urgent" in result
    assert "log as assessment 1" in result
