"""Export all of a person's data as one JSON document, and import it back.

Import keeps every uid, version and timestamp, so exporting an imported document gives
the same document again. Importing into an existing person merges: records already
there (same uid, same content) are skipped; a clash is an error and nothing is imported.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from crampcoach.errors import InputError
from crampcoach.store import log, people, versions
from crampcoach.store.models import AssessmentVersion, Person, PlanVersion
from crampcoach.store.people import PersonName, PersonRef
from crampcoach.store.records import (
    ExportDocument,
    PersonRecord,
    Record,
    parse,
    parse_json,
)


def export_person(session: Session, person: PersonRef) -> ExportDocument:
    """Everything stored about the person."""
    row = session.get(Person, person.id)
    if row is None:
        raise InputError("profile", f"no data for '{person.name}'")
    return ExportDocument(
        person=PersonRecord(name=row.name, owner=row.owner, created_at=row.created_at),
        assessments=versions.assessments(session, person),
        plans=versions.plans(session, person),
        sessions=log.sessions_between(session, person),
        cramp_events=log.cramps_between(session, person),
        notes=log.notes_between(session, person),
    )


def export_json(document: ExportDocument) -> str:
    return document.model_dump_json(indent=2) + "\n"


def parse_export(raw: str | bytes) -> ExportDocument:
    """Read an export file's text; InputError names the first bad field."""
    return parse_json(ExportDocument, raw, "import")


@dataclass(frozen=True)
class Imported:
    person: PersonRef
    added: dict[str, int]
    already_there: dict[str, int]


def import_person(
    session: Session, document: ExportDocument | dict[str, Any], *, name: str | None = None,
    owner: str | None = None,
) -> Imported:
    """Store an exported document, under `name` if given (else the name it was exported with).

    The record belongs to `owner` (None: the local profiles of the command line), whatever
    owner the file names: a file must not place data where its importer cannot reach it.
    Runs in the caller's transaction: if anything clashes, the whole import is rolled back.
    """
    doc = parse(ExportDocument, document, "import")
    target = parse(PersonName, {"name": name or doc.person.name, "owner": owner}, "profile")
    person = people.find(session, target.name, target.owner)
    if person is None:
        row = Person(name=target.name, owner=target.owner, created_at=doc.person.created_at)
        session.add(row)
        session.flush()
        person = PersonRef(row.id, row.name, row.owner)
    people.lock(session, person)

    added = dict.fromkeys(("assessments", "plans", "sessions", "cramp_events", "notes"), 0)
    there = dict(added)

    def merge(kind: str, index: int, record: Record, existing: Record | None) -> bool:
        if existing is None:
            added[kind] += 1
            return True
        if existing != record:
            raise InputError(
                f"import.{kind}.{index}.uid",
                f"{getattr(record, 'uid', '')} is already stored with different content",
            )
        there[kind] += 1
        return False

    stored_assessments = {a.uid: a for a in versions.assessments(session, person)}
    for index, assessment in enumerate(doc.assessments):
        if merge("assessments", index, assessment, stored_assessments.get(assessment.uid)):
            _version_free(session, AssessmentVersion, person, assessment.version,
                          f"import.assessments.{index}.version")
            versions.insert_assessment(session, person, assessment)

    stored_plans = {p.uid: p for p in versions.plans(session, person)}
    for index, plan in enumerate(doc.plans):
        if merge("plans", index, plan, stored_plans.get(plan.uid)):
            _version_free(session, PlanVersion, person, plan.version,
                          f"import.plans.{index}.version")
            versions.insert_plan(session, person, plan)

    stored_sessions = {s.uid: s for s in log.sessions_between(session, person)}
    for index, logged in enumerate(doc.sessions):
        if merge("sessions", index, logged, stored_sessions.get(logged.uid)):
            if logged.plan_version is not None and not versions.plan_exists(
                session, person, logged.plan_version
            ):
                raise InputError(f"import.sessions.{index}.plan_version",
                                 f"no plan version {logged.plan_version} in the file or stored")
            log.insert_session(session, person, logged)

    stored_cramps = {c.uid: c for c in log.cramps_between(session, person)}
    for index, cramp in enumerate(doc.cramp_events):
        if merge("cramp_events", index, cramp, stored_cramps.get(cramp.uid)):
            log.insert_cramp(session, person, cramp)

    stored_notes = {n.uid: n for n in log.notes_between(session, person)}
    for index, note in enumerate(doc.notes):
        if merge("notes", index, note, stored_notes.get(note.uid)):
            log.insert_note(session, person, note)

    return Imported(person, added, there)


def _version_free(
    session: Session,
    model: type[AssessmentVersion] | type[PlanVersion],
    person: PersonRef,
    version: int,
    field: str,
) -> None:
    taken = session.scalar(
        select(model.uid).where(model.person_id == person.id, model.version == version)
    )
    if taken is not None:
        raise InputError(field, f"version {version} is already stored as a different record")
