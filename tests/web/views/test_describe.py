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
