"""The progress page: the tracking summary (cramps per week, ladder, waterfalls) and chart."""

from __future__ import annotations

import datetime as dt

from ..clients import Client


def test_logged_cramps_and_sessions_show_up_per_week(single_user: Client) -> None:
    person = single_user.get("/api/v1/people").json()[0]["id"]
    empty = single_user.get(f"/people/{person}/progress").text
    assert "Nothing logged yet" in empty
    day = dt.date.today()
    for hour in ("07:00", "19:30"):
        single_user.form(f"/people/{person}/cramps", {
            "occurred_at": f"{day.isoformat()}T{hour}", "side": "left", "during": "sleep",
            "severity": "5"})
    single_user.form(f"/people/{person}/sessions", {
        "date": day.isoformat(), "item0.exercise": "glute_bridge", "item0.sets": "3",
        "item0.reps": "12", "item0.felt_glutes": "6", "item0.felt_hamstrings": "3",
        "item0.felt_low_back": "1"})
    page = single_user.get(f"/people/{person}/progress").text
    monday = day - dt.timedelta(days=day.weekday())
    assert f"{monday.day} {monday:%b %Y}</th><td>2</td>" in page  # the week by its Monday
    assert "Your progress" in page
    assert "The glute ladder: step 1" in page
    assert "Glutes 60%" in page
    assert page.count("during sleep") == 2
    assert f'src="/people/{person}/progress.svg"' in page
    assert f'srcset="/people/{person}/progress.svg?size=phone"' in page
    phone = single_user.get(f"/people/{person}/progress.svg?size=phone")
    wide = single_user.get(f"/people/{person}/progress.svg")
    assert phone.status_code == 200 and "Your progress" in phone.text
    assert _width_pt(phone.text) < _width_pt(wide.text) / 2  # drawn for a phone, not shrunk


def test_the_chart_is_an_svg_image(single_user: Client) -> None:
    person = single_user.get("/api/v1/people").json()[0]["id"]
    single_user.form(f"/people/{person}/cramps", {
        "occurred_at": f"{dt.date.today().isoformat()}T07:00", "side": "left",
        "during": "sleep", "severity": "5"})
    chart = single_user.get(f"/people/{person}/progress.svg")
    assert chart.status_code == 200
    assert chart.headers["content-type"].startswith("image/svg+xml")
    assert b"<svg" in chart.content[:500]


def _width_pt(svg: str) -> float:
    import re

    found = re.search(r'<svg[^>]* width="([0-9.]+)pt"', svg)
    assert found is not None
    return float(found.group(1))
