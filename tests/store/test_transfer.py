"""Export all of a person's data and import it back, exactly."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from crampcoach.errors import InputError
from crampcoach.store import database, log, people, transfer, versions

from .samples import CASE, PLAN, RESULT, cramp_record, note_record, session_record


def fill(url: str, name: str = "me") -> None:
    with database.transaction(url) as session:
        person = people.ensure(session, name)
        versions.add_assessment(session, person, CASE, RESULT)
        versions.add_plan(session, person, PLAN, reason="first plan", assessment_version=1)
        versions.add_plan(session, person, {**PLAN, "phase": "chronic"}, reason="harder")
        for day in range(1, 15):
            log.add_session(session, person, session_record(
                dt.date(2024, 5, day), plan_version=1 + day // 8, plan_week=1 + day // 7,
                plan_day=1 + day % 7))
        log.add_cramp(session, person, cramp_record(dt.datetime(2024, 5, 3, 18, 45, 10)))
        log.add_cramp(session, person, cramp_record(
            dt.datetime(2024, 5, 9, 2, 10), side="both", during="sleep", minutes_into=None,
            duration_s=None, eased_by=None, severity=9))
        log.add_note(session, person, note_record(dt.date(2024, 5, 9), "Woke with a cramp. «ouch»"))


def export_text(url: str, name: str = "me") -> str:
    with database.reading(url) as session:
        return transfer.export_json(transfer.export_person(session, people.require(session, name)))


def import_text(url: str, text: str, name: str | None = None) -> transfer.Imported:
    with database.transaction(url) as session:
        return transfer.import_person(session, transfer.parse_export(text), name=name)


def test_export_then_import_then_export_gives_the_same_document(
    database_url: str, tmp_path: Path
) -> None:
    fill(database_url)
    first = export_text(database_url)
    # Into a fresh SQLite file ...
    elsewhere = f"sqlite:///{tmp_path / 'elsewhere.db'}"
    try:
        import_text(elsewhere, first)
        assert export_text(elsewhere) == first
    finally:
        database.dispose(elsewhere)
    # ... and back into the same database after forgetting.
    with database.transaction(database_url) as session:
        people.forget(session, people.require(session, "me"))
    imported = import_text(database_url, first)
    assert export_text(database_url) == first
    assert imported.added == {"assessments": 1, "plans": 2, "sessions": 14, "cramp_events": 2,
                              "notes": 1, "activities": 0}
    document = json.loads(first)
    assert document["format"] == "crampcoach-export"
    assert document["cramp_events"][1]["occurred_at"] == "2024-05-09T02:10:00"


def test_importing_the_same_file_twice_adds_nothing(database_url: str) -> None:
    fill(database_url)
    text = export_text(database_url)
    again = import_text(database_url, text)
    assert sum(again.added.values()) == 0
    assert again.already_there["sessions"] == 14
    assert export_text(database_url) == text


def test_import_under_another_name_copies_everything(database_url: str) -> None:
    fill(database_url)
    text = export_text(database_url)
    import_text(database_url, text, name="copy")
    copy = json.loads(export_text(database_url, "copy"))
    original = json.loads(text)
    assert copy["person"]["name"] == "copy"
    assert {k: v for k, v in copy.items() if k != "person"} == {
        k: v for k, v in original.items() if k != "person"}


def test_a_clashing_import_is_refused_whole(database_url: str) -> None:
    fill(database_url)
    text = export_text(database_url)
    document = json.loads(text)
    document["sessions"].append({**document["sessions"][0], "uid": "f" * 32})
    document["cramp_events"][0]["severity"] = 1  # same uid, other content
    with pytest.raises(InputError) as caught:
        import_text(database_url, json.dumps(document))
    assert caught.value.field == "import.cramp_events.0.uid"
    assert export_text(database_url) == text


def test_a_plan_version_taken_by_another_plan_is_refused(database_url: str) -> None:
    fill(database_url)
    document = json.loads(export_text(database_url))
    document["plans"][0]["uid"] = "e" * 32
    with pytest.raises(InputError) as caught:
        import_text(database_url, json.dumps(document))
    assert caught.value.field == "import.plans.0.version"


@pytest.mark.parametrize(("text", "field"), [
    ("not json", "import"),
    ('{"format": "other", "person": {"name": "me", "created_at": "2024-05-01T00:00:00Z"}}',
     "import.format"),
    ('{"person": {"name": "me", "created_at": "2024-05-01T00:00:00"}}',
     "import.person.created_at"),
    ('{"person": {"name": "me", "created_at": "2024-05-01T00:00:00Z"}, "sessions": [{}]}',
     "import.sessions.0.uid"),
])
def test_a_broken_file_is_bad_input_and_stores_nothing(
    database_url: str, text: str, field: str
) -> None:
    with pytest.raises(InputError) as caught:
        import_text(database_url, text)
    assert caught.value.field == field
    with database.reading(database_url) as session:
        assert people.find(session, "me") is None


def test_sessions_pointing_at_a_missing_plan_are_refused(database_url: str) -> None:
    fill(database_url)
    document = json.loads(export_text(database_url))
    document["plans"] = []
    with pytest.raises(InputError, match="no plan version"):
        import_text(database_url, json.dumps(document), name="fresh")
    with database.reading(database_url) as session:
        assert people.find(session, "fresh") is None


def test_a_nan_in_an_imported_case_is_refused_on_both_databases(database_url: str) -> None:
    fill(database_url)
    document = json.loads(export_text(database_url))
    document["assessments"][0]["case"]["findings"] = {"bruising": float("nan")}
    text = json.dumps(document)  # json writes NaN as a bare literal
    assert "NaN" in text
    with pytest.raises(InputError) as caught:
        import_text(database_url, text, name="kim")
    assert caught.value.field.startswith("import.assessments.0.case")
    assert "NaN" in caught.value.message
    with database.reading(database_url) as session:
        assert people.find(session, "kim") is None


def test_an_imported_owner_does_not_hide_the_data_from_its_importer(database_url: str) -> None:
    fill(database_url)
    document = json.loads(export_text(database_url))
    document["person"]["owner"] = "coach-somebody"
    imported = import_text(database_url, json.dumps(document), name="kim")
    assert imported.person.owner is None
    with database.reading(database_url) as session:
        found = people.find(session, "kim")  # how export, history and forget look it up
        assert found is not None and found.id == imported.person.id
        assert people.list_people(session, owner="coach-somebody") == []
