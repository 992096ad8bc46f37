"""The upload page and POST /api/v1/people/{id}/activities, in-process on a real SQLite file."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from web.clients import Client, fresh_token, make_client, settings_for

from crampcoach.store import database
from crampcoach.web import create_app

from .exports import Workout, fit_bytes, gpx_text

TODAY = dt.date.today()
MONDAY = TODAY - dt.timedelta(days=TODAY.weekday())


@pytest.fixture
def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Client]:
    monkeypatch.setenv("CRAMPCOACH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("CRAMPCOACH_DATABASE_URL", raising=False)
    settings = settings_for(tmp_path)
    with make_client(create_app(settings)) as made:
        yield made
    database.dispose(settings.database_url)


def me(client: Client) -> int:
    client.get("/")  # the local profile is made on the first visit
    (person,) = client.get("/api/v1/people").json()
    return int(person["id"])


def season_zip() -> bytes:
    """Five weeks of 30 km and last week 50 km, five runs a week, zipped as FIT files."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for week, km in enumerate([30, 30, 30, 30, 30, 50]):
            for run in range(5):
                day = MONDAY - dt.timedelta(weeks=6 - week) + dt.timedelta(days=run)
                start = dt.datetime.combine(day, dt.time(7), dt.UTC)
                zf.writestr(f"runs/{day}.fit", fit_bytes([Workout(start, km / 5 * 6, km / 5)]))
    return buffer.getvalue()


def test_api_imports_a_zip_once_and_answers_from_the_record(client: Client) -> None:
    person = me(client)
    files = {"files": ("season.zip", season_zip(), "application/zip")}
    first = client.post(f"/api/v1/people/{person}/activities", files=files)
    assert first.status_code == 201, first.text
    body = first.json()
    assert (body["report"]["added"], body["report"]["files"]) == (30, 30)
    assert "recent_training_increase" in {o["finding"] for o in body["observed"]}
    again = client.post(f"/api/v1/people/{person}/activities", files=files).json()
    assert (again["report"]["added"], again["report"]["already_there"]) == (0, 30)
    assert len(client.get(f"/api/v1/people/{person}/activities").json()) == 30
    saved = client.post(f"/api/v1/people/{person}/assessments?from_record=true",
                        json={"findings": {"cramp_during_exercise": True}}).json()
    assert saved["assessment"]["causes"][0]["id"] == "training_load_spike"
    assert [o["finding"] for o in saved["observed"]] == ["recent_training_increase"]


def test_api_refuses_a_bad_file_with_a_422_naming_it_and_stores_nothing(client: Client) -> None:
    person = me(client)
    good = gpx_text(Workout(dt.datetime(2025, 6, 1, 7, tzinfo=dt.UTC), 30, 5)).encode()
    response = client.post(f"/api/v1/people/{person}/activities", files=[
        ("files", ("good.gpx", good, "application/gpx+xml")),
        ("files", ("cut.fit", fit_bytes([Workout(dt.datetime(2025, 6, 2, tzinfo=dt.UTC), 30, 5)])[:-9],
                   "application/octet-stream"))])
    assert response.status_code == 422
    (problem,) = response.json()["detail"]
    assert problem["field"] == "cut.fit" and "damaged" in problem["message"]
    assert client.get(f"/api/v1/people/{person}/activities").json() == []


def test_api_refuses_an_oversized_upload_before_reading_it(client: Client) -> None:
    person = me(client)
    response = client.post(f"/api/v1/people/{person}/activities", content=b"x" * 10,
                           headers={"content-type": "multipart/form-data; boundary=x",
                                    "content-length": str(1024 ** 3)})
    assert response.status_code == 413
    assert "at most" in response.json()["detail"][0]["message"]


def test_api_upload_to_someone_else_is_404(client: Client) -> None:
    response = client.post("/api/v1/people/999/activities",
                           files={"files": ("a.gpx", b"<gpx/>", "application/gpx+xml")})
    assert response.status_code == 404


def test_upload_page_imports_files_and_shows_what_the_record_shows(client: Client) -> None:
    person = me(client)
    page = client.get(f"/people/{person}/training")
    assert page.status_code == 200 and 'enctype="multipart/form-data"' in page.text
    response = client.post(f"/people/{person}/training",
                           data={"csrf_token": fresh_token(client)},
                           files={"files": ("season.zip", season_zip(), "application/zip")})
    assert response.status_code == 303, response.text
    shown = client.get(response.headers["location"]).text
    assert "Stored 30 new activities" in shown
    assert "from your training record" in shown and "30 km to 50 km" in shown
    progress = client.get(f"/people/{person}/progress").text
    assert "Cramps against your recorded training" in progress


def test_upload_page_without_the_form_token_is_refused(client: Client) -> None:
    person = me(client)
    response = client.post(f"/people/{person}/training",
                           files={"files": ("season.zip", season_zip(), "application/zip")})
    assert response.status_code == 403
    assert client.get(f"/api/v1/people/{person}/activities").json() == []


def test_api_plan_without_a_volume_starts_the_schedule_from_the_record(client: Client) -> None:
    person = me(client)
    files = {"files": ("season.zip", season_zip(), "application/zip")}
    assert client.post(f"/api/v1/people/{person}/activities", files=files).status_code == 201
    client.post(f"/api/v1/people/{person}/assessments", json={"findings": {
        "recent_training_increase": True, "trigger_running_or_sprinting": True,
        "cramp_during_exercise": True}})
    stored = client.post(f"/api/v1/people/{person}/plans", json={})
    assert stored.status_code == 201, stored.text
    volume = stored.json()["document"]["volume"]
    assert volume["from_record"].startswith("From your training record: 50 km")
    figures = [w["volume"] for w in volume["weeks"]]
    assert figures[0] <= 30 and all(b <= a * 1.1 + 1e-9 for a, b in itertools.pairwise(figures))
