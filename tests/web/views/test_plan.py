"""The plan page: the weekly table, each exercise with dose, cues and figure; downloads."""

from __future__ import annotations

from ..clients import Client

GLUTES = [("answered", "trigger_bridge_or_hip_thrust:yes"), ("answered", "hard_to_feel_glutes:yes"),
          ("answered", "bruising:no")]


def test_the_plan_shows_weeks_exercises_with_dose_cues_and_a_figure(single_user: Client) -> None:
    page = single_user.form("/plan", [*GLUTES, ("weeks", "4")]).text
    assert "Week by week" in page and "Week 4" in page
    bridge = page.split('id="ex-glute_bridge"')[1].split("</article>")[0]
    assert "×" in bridge and "Cues" in bridge
    assert "<svg" in bridge


def test_the_pdf_download_is_a_pdf(single_user: Client) -> None:
    response = single_user.form("/plan/download", [*GLUTES, ("format", "pdf")])
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_an_urgent_case_gets_no_exercises(single_user: Client) -> None:
    page = single_user.form("/plan", [("answered", "saddle_numbness:yes")]).text
    assert "level-urgent" in page
    assert "No exercises" in page and 'class="card exercise"' not in page


def test_a_saved_plan_opens_and_downloads(single_user: Client) -> None:
    me = single_user.get("/api/v1/people").json()[0]["id"]
    saved = single_user.form(f"/people/{me}/plans", [*GLUTES, ("weeks", "2")])
    assert saved.status_code == 303
    page = single_user.get(saved.headers["location"]).text
    assert "log as plan 1" in page
    ics = single_user.form(f"/people/{me}/plans/1/download", {"format": "ics"})
    assert ics.content.startswith(b"BEGIN:VCALENDAR")


def test_an_unknown_format_is_refused(single_user: Client) -> None:
    response = single_user.form("/plan/download", [*GLUTES, ("format", "docx")])
    assert response.status_code == 422


def test_a_plan_with_no_sessions_says_so_once_instead_of_empty_weeks(single_user: Client) -> None:
    page = single_user.form("/plan", [("answered", "takes_cramp_linked_medication:yes"),
                                      ("answered", "cramp_at_night:yes")]).text
    assert "level-see-doctor" in page
    assert "No training sessions for now: see the doctor first." in page
    assert "grid-table" not in page and "Day by day" not in page
