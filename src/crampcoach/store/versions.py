"""Assessments and plans, kept as numbered versions per person; old versions never change.

A new assessment or plan gets the next version number. The person's row is locked for
the rest of the transaction, so two writers cannot both take the same number.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crampcoach.errors import InputError
from crampcoach.store import people
from crampcoach.store.models import AssessmentVersion, PlanVersion, now_utc
from crampcoach.store.people import PersonRef
from crampcoach.store.records import (
    StoredAssessment,
    StoredPlan,
    json_object,
    new_uid,
    parse,
)


def add_assessment(
    session: Session, person: PersonRef, case: Any, result: Any
) -> StoredAssessment:
    """Store a case (checked like any case file) and the assessment made from it."""
    from crampcoach.case import parse_case  # loads the knowledge base: only when needed

    case_document = json_object(case, "case")
    parse_case(case_document)
    people.lock(session, person)
    stored = StoredAssessment(
        uid=new_uid(),
        version=_next_version(session, AssessmentVersion, person),
        created_at=now_utc(),
        case=case_document,
        result=json_object(result, "result"),
    )
    insert_assessment(session, person, stored)
    return stored


def insert_assessment(session: Session, person: PersonRef, stored: StoredAssessment) -> None:
    session.add(AssessmentVersion(
        uid=stored.uid, person_id=person.id, version=stored.version,
        created_at=stored.created_at, case_document=stored.case,
        result_document=stored.result,
    ))
    session.flush()


def assessments(session: Session, person: PersonRef) -> list[StoredAssessment]:
    """Every assessment of the person, oldest version first."""
    rows = session.scalars(
        select(AssessmentVersion)
        .where(AssessmentVersion.person_id == person.id)
        .order_by(AssessmentVersion.version)
    )
    return [_assessment(row) for row in rows]


def latest_assessment(session: Session, person: PersonRef) -> StoredAssessment | None:
    row = session.scalars(
        select(AssessmentVersion)
        .where(AssessmentVersion.person_id == person.id)
        .order_by(AssessmentVersion.version.desc())
        .limit(1)
    ).one_or_none()
    return None if row is None else _assessment(row)


def add_plan(
    session: Session,
    person: PersonRef,
    document: Any,
    *,
    reason: str | None = None,
    assessment_version: int | None = None,
) -> StoredPlan:
    """Store a new plan version: the plan document, why it changed, what it was built from."""
    if assessment_version is not None and not _exists(
        session, AssessmentVersion, person, assessment_version
    ):
        raise InputError(
            "assessment_version", f"{person.name} has no assessment version {assessment_version}"
        )
    people.lock(session, person)
    stored = parse(StoredPlan, {
        "uid": new_uid(),
        "version": _next_version(session, PlanVersion, person),
        "created_at": now_utc(),
        "assessment_version": assessment_version,
        "reason": reason,
        "document": json_object(document, "document"),
    })
    insert_plan(session, person, stored)
    return stored


def insert_plan(session: Session, person: PersonRef, stored: StoredPlan) -> None:
    session.add(PlanVersion(
        uid=stored.uid, person_id=person.id, version=stored.version,
        created_at=stored.created_at, assessment_version=stored.assessment_version,
        reason=stored.reason, document=stored.document,
    ))
    session.flush()


def plans(session: Session, person: PersonRef) -> list[StoredPlan]:
    """Every plan version of the person, oldest first."""
    rows = session.scalars(
        select(PlanVersion).where(PlanVersion.person_id == person.id).order_by(PlanVersion.version)
    )
    return [_plan(row) for row in rows]


def plan(session: Session, person: PersonRef, version: int) -> StoredPlan | None:
    row = session.scalars(
        select(PlanVersion).where(PlanVersion.person_id == person.id,
                                  PlanVersion.version == version)
    ).one_or_none()
    return None if row is None else _plan(row)


def latest_plan(session: Session, person: PersonRef) -> StoredPlan | None:
    row = session.scalars(
        select(PlanVersion)
        .where(PlanVersion.person_id == person.id)
        .order_by(PlanVersion.version.desc())
        .limit(1)
    ).one_or_none()
    return None if row is None else _plan(row)


def plan_exists(session: Session, person: PersonRef, version: int) -> bool:
    return _exists(session, PlanVersion, person, version)


def _exists(
    session: Session,
    model: type[AssessmentVersion] | type[PlanVersion],
    person: PersonRef,
    version: int,
) -> bool:
    found = session.scalar(
        select(model.id).where(model.person_id == person.id, model.version == version)
    )
    return found is not None


def _next_version(
    session: Session, model: type[AssessmentVersion] | type[PlanVersion], person: PersonRef
) -> int:
    highest = session.scalar(select(func.max(model.version)).where(model.person_id == person.id))
    return (highest or 0) + 1


def _assessment(row: AssessmentVersion) -> StoredAssessment:
    return StoredAssessment(
        uid=row.uid, version=row.version, created_at=row.created_at,
        case=row.case_document, result=row.result_document,
    )


def _plan(row: PlanVersion) -> StoredPlan:
    return StoredPlan(
        uid=row.uid, version=row.version, created_at=row.created_at,
        assessment_version=row.assessment_version, reason=row.reason, document=row.document,
    )
