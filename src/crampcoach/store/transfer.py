"""Export all of a person's data as one JSON document, and import it back.

Import keeps every uid, version and timestamp, so exporting an imported document gives
the same document again. Importing into an existing person merges: records already
there (same uid, same content) are skipped; a clash is an error and nothing is imported.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from crampcoach.errors import InputError
from crampcoach.store import activities, log, people, versions
from crampcoach.store.models import (
    AssessmentVersion,
    CrampEvent,
    Note,
    Person,
    PlanVersion,
    SessionItem,
    SessionLog,
)
from crampcoach.store.people import PersonName, PersonRef
from crampcoach.store.records import (
    ExportDocument,
    PersonRecord,
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
        activities=activities.activities_between(session, person),
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


KINDS = ("assessments", "plans", "sessions", "cramp_events", "notes")
# Rows per INSERT statement when writing an import in bulk.
_CHUNK = 500

# Told how many more records were checked or written, for a front end's progress bar.
Advance = Callable[[int], None]


def _no_progress(_: int) -> None:
    pass


def record_count(document: ExportDocument) -> int:
    """The records an import checks: every kind, activities included."""
    return sum(len(getattr(document, kind)) for kind in KINDS) + len(document.activities)


@dataclass(frozen=True)
class StagedImport:
    """What an import will add, worked out from a read snapshot (no write lock held).

    `person` is None when the person is new. Writing it needs one short transaction, which
    first checks that nothing it relied on changed since.
    """

    name: str
    owner: str | None
    created_at: Any
    person: PersonRef | None
    new: dict[str, list[Any]]
    already_there: dict[str, int]

    @property
    def count(self) -> int:
        """The records writing it adds."""
        return sum(len(records) for records in self.new.values())


def import_person(
    session: Session, document: ExportDocument | dict[str, Any], *, name: str | None = None,
    owner: str | None = None,
) -> Imported:
    """Store an exported document, under `name` if given (else the name it was exported with).

    The record belongs to `owner` (None: the local profiles of the command line), whatever
    owner the file names: a file must not place data where its importer cannot reach it.
    Runs in the caller's transaction: if anything clashes, the whole import is rolled back.
    """
    return write_import(session, stage_import(session, document, name=name, owner=owner))


def stage_import(
    session: Session, document: ExportDocument | dict[str, Any], *, name: str | None = None,
    owner: str | None = None, advance: Advance | None = None,
) -> StagedImport:
    """Check the document against what is stored and decide what to add; writes nothing.

    Raises InputError on a clash (same uid, different content; a version taken; a session
    following a plan that exists nowhere), so a bad file fails before any lock is taken.
    `advance` is told each record checked (of `record_count`).
    """
    step = advance or _no_progress
    doc = parse(ExportDocument, document, "import")
    target = parse(PersonName, {"name": name or doc.person.name, "owner": owner}, "profile")
    person = people.find(session, target.name, target.owner)
    stored: dict[str, dict[str, Any]] = {kind: {} for kind in KINDS}
    if person is not None:
        stored = {
            "assessments": {a.uid: a for a in versions.assessments(session, person)},
            "plans": {p.uid: p for p in versions.plans(session, person)},
            "sessions": {s.uid: s for s in log.sessions_between(session, person)},
            "cramp_events": {c.uid: c for c in log.cramps_between(session, person)},
            "notes": {n.uid: n for n in log.notes_between(session, person)},
        }
    new: dict[str, list[Any]] = {kind: [] for kind in KINDS}
    there = dict.fromkeys(KINDS, 0)
    for kind in KINDS:
        records: list[Any] = getattr(doc, kind)
        for index, record in enumerate(records):
            existing = stored[kind].get(record.uid)
            if existing is None:
                new[kind].append(record)
            elif existing != record:
                raise InputError(f"import.{kind}.{index}.uid",
                                 f"{record.uid} is already stored with different content")
            else:
                there[kind] += 1
            step(1)
    for kind in ("assessments", "plans"):
        taken = {r.version: r.uid for r in stored[kind].values()}
        for record in new[kind]:
            if record.version in taken:
                index = getattr(doc, kind).index(record)
                raise InputError(f"import.{kind}.{index}.version",
                                 f"version {record.version} is already stored as a different "
                                 "record")
    # Activities are known by their start and sport; the same workout stored from a file
    # and from an export is one activity, whenever each was recorded.
    stored_activities = ({a.key: a for a in activities.activities_between(session, person)}
                         if person is not None else {})
    new["activities"], there["activities"] = [], 0
    for index, activity in enumerate(doc.activities):
        existing = stored_activities.get(activity.key)
        if existing is None:
            new["activities"].append(activity)
        elif existing.model_dump(exclude={"recorded_at"}) != activity.model_dump(
                exclude={"recorded_at"}):
            raise InputError(f"import.activities.{index}",
                             f"an activity starting {activity.start.isoformat()} is already "
                             "stored with different figures")
        else:
            there["activities"] += 1
        step(1)
    plan_versions = {p.version for p in doc.plans} | {p.version for p in stored["plans"].values()}
    for record in new["sessions"]:
        if record.plan_version is not None and record.plan_version not in plan_versions:
            index = doc.sessions.index(record)
            raise InputError(f"import.sessions.{index}.plan_version",
                             f"no plan version {record.plan_version} in the file or stored")
    return StagedImport(target.name, target.owner, doc.person.created_at, person, new, there)


def write_import(session: Session, staged: StagedImport,
                 advance: Advance | None = None) -> Imported:
    """Write a staged import in bulk, in the caller's (short) write transaction.

    If the stored data changed since it was staged (another import of the same records, a
    new person of that name), nothing is written twice: the clashing records are found
    again here and the whole import is refused. `advance` is told each record written (of
    `staged.count`).
    """
    step = advance or _no_progress
    person = people.find(session, staged.name, staged.owner)
    if person is None:
        row = Person(name=staged.name, owner=staged.owner, created_at=staged.created_at)
        session.add(row)
        session.flush()
        person = PersonRef(row.id, row.name, row.owner)
    elif staged.person is None or staged.person.id != person.id:
        raise InputError("import", f"'{staged.name}' was created while this file was being "
                                   "read; import it again")
    people.lock(session, person)
    _still_new(session, person, staged)
    new = staged.new
    _insert_many(session, AssessmentVersion, [
        {"uid": a.uid, "person_id": person.id, "version": a.version,
         "created_at": a.created_at, "case_document": a.case, "result_document": a.result}
        for a in new["assessments"]], step)
    _insert_many(session, PlanVersion, [
        {"uid": p.uid, "person_id": person.id, "version": p.version, "created_at": p.created_at,
         "assessment_version": p.assessment_version, "reason": p.reason,
         "document": p.document} for p in new["plans"]], step)
    _insert_many(session, SessionLog, [
        {"uid": s.uid, "person_id": person.id, "date": s.date, "plan_version": s.plan_version,
         "plan_week": s.plan_week, "plan_day": s.plan_day, "duration_min": s.duration_min,
         "note": s.note, "recorded_at": s.recorded_at} for s in new["sessions"]], step)
    if new["sessions"]:
        log_ids = _ids_by_uid(session, person, [s.uid for s in new["sessions"]])
        _insert_many(session, SessionItem, [
            {"session_log_id": log_ids[s.uid], "position": position, "exercise": i.exercise,
             "sets": i.sets, "reps": i.reps, "hold_s": i.hold_s, "load_kg": i.load_kg,
             "effort": i.effort, "pain": i.pain,
             "felt_low_back": None if i.felt is None else i.felt.low_back,
             "felt_glutes": None if i.felt is None else i.felt.glutes,
             "felt_hamstrings": None if i.felt is None else i.felt.hamstrings}
            for s in new["sessions"] for position, i in enumerate(s.items)])
    _insert_many(session, CrampEvent, [
        {"uid": c.uid, "person_id": person.id, "occurred_at": c.occurred_at, "side": c.side,
         "during": c.during, "minutes_into": c.minutes_into, "duration_s": c.duration_s,
         "severity": c.severity, "eased_by": c.eased_by, "recorded_at": c.recorded_at}
        for c in new["cramp_events"]], step)
    _insert_many(session, Note, [
        {"uid": n.uid, "person_id": person.id, "date": n.date, "text": n.text,
         "recorded_at": n.recorded_at} for n in new["notes"]], step)
    # Activities are known by their start and sport, not by a uid (see stage_import).
    activities.insert_activities(session, person, new["activities"])
    step(len(new["activities"]))
    added = {kind: len(records) for kind, records in new.items()}
    return Imported(person, added, dict(staged.already_there))


def _still_new(session: Session, person: PersonRef, staged: StagedImport) -> None:
    """None of the staged records (nor their version numbers) appeared in the meantime."""
    for kind, model in (("assessments", AssessmentVersion), ("plans", PlanVersion),
                        ("sessions", SessionLog), ("cramp_events", CrampEvent),
                        ("notes", Note)):
        uids = [r.uid for r in staged.new[kind]]
        for chunk in _chunks(uids):
            if session.scalar(select(model.uid).where(model.person_id == person.id,
                                                      model.uid.in_(chunk)).limit(1)):
                raise InputError("import", "some of these records were stored by someone "
                                           "else while the file was being read; import it again")
    for kind, versioned in (("assessments", AssessmentVersion), ("plans", PlanVersion)):
        numbers = [r.version for r in staged.new[kind]]
        for chunk in _chunks(numbers):
            if session.scalar(select(versioned.version).where(
                    versioned.person_id == person.id, versioned.version.in_(chunk)).limit(1)):
                raise InputError(f"import.{kind}", "a version in the file was stored by "
                                                   "someone else meanwhile; import it again")


def _chunks(values: list[Any]) -> list[list[Any]]:
    return [values[i:i + _CHUNK] for i in range(0, len(values), _CHUNK)]


def _insert_many(session: Session, model: Any, rows: list[dict[str, Any]],
                 advance: Advance | None = None) -> None:
    # Core inserts on the table: one executemany per chunk, no ORM bookkeeping per row.
    connection = session.connection()
    for chunk in _chunks(rows):
        connection.execute(insert(model.__table__), chunk)
        if advance is not None:
            advance(len(chunk))


def _ids_by_uid(session: Session, person: PersonRef, uids: list[str]) -> dict[str, int]:
    """The row ids of the person's session logs with these uids."""
    found: dict[str, int] = {}
    for chunk in _chunks(uids):
        rows = session.execute(select(SessionLog.uid, SessionLog.id).where(
            SessionLog.person_id == person.id, SessionLog.uid.in_(chunk)))
        found.update({uid: row_id for uid, row_id in rows})
    return found
