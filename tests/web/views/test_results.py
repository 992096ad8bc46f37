"""The result page: the triage banner first, causes with bars, answers, sources, grades."""

from __future__ import annotations

from crampcoach import DISCLAIMER

from ..clients import Client

GLUTES = [("answered", "trigger_bridge_or_hip_thrust:yes"), ("answered", "hard_to_feel_glutes:yes"),
          ("answered", "feel_hamstrings_more_than_glutes:no"), ("answered", "bruising:no")]


def test_the_triage_banner_comes_before_the_causes(single_user: Client) -> None:
    page = single_user.form("/results", GLUTES).text
    assert page.index("triage-banner") < page.index("Likely causes")
    assert "Self-care" in page


def test_each_cause_shows_its_bar_the_answers_behind_it_and_its_sources(
        single_user: Client) -> None:
    page = single_user.form("/results", GLUTES).text
    glutes = page.split('id="cause-glute_weakness"')[1].split("</article>")[0]
    assert 'class="bar-fill"' in glutes
    assert "Do glute bridges or hip thrusts set them off?" in glutes
    assert "Evidence:" in glutes and "grade-weak" in glutes
    assert 'href="#source-000"' in glutes
    assert 'id="source-000"' in page


def test_disagreements_between_sources_are_shown(single_user: Client) -> None:
    page = single_user.form("/results", [*GLUTES, ("answered", "low_fluid_intake:yes")]).text
    assert "Where the sources disagree" in page
    # Named in plain words, not by the topic's id.
    assert "Does too little fluid cause cramps?" in page and ">Dehydration<" not in page


def test_the_result_can_be_saved_and_opened_again(single_user: Client) -> None:
    people = single_user.get("/api/v1/people").json()
    me = people[0]["id"]
    saved = single_user.form(f"/people/{me}/assessments", GLUTES)
    assert saved.status_code == 303
    page = single_user.get(saved.headers["location"]).text
    assert "log as assessment 1" in page
    assert DISCLAIMER.split(";")[0] in page
    record = single_user.get(f"/people/{me}").text
    assert f"/people/{me}/assessments/1" in record
