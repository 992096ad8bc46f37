"""Assessments and plans are kept as numbered versions; old ones never change."""

from __future__ import annotations

import pytest

from crampcoach.errors import InputError
from crampcoach.store import database, people, versions

from .samples import CASE, PLAN, RESULT


def test_assessment_versions_count_up_per_person(database_url: str) -> None:
    with database.transaction(database_url) as session:
        alex, sam = people.ensure(session, "alex"), people.ensure(session, "sam")
        assert versions.add_assessment(session, alex, CASE, RESULT).version == 1
        assert versions.add_assessment(session, alex, {**CASE, "age": 35}, RESULT).version == 2
        assert versions.add_assessment(session, sam, CASE, RESULT).version == 1
    with database.reading(database_url) as session:
        alex = people.require(session, "alex")
        latest = versions.latest_assessment(session, alex)
        history = versions.assessments(session, alex)
    assert latest is not None and latest.case["age"] == 35
    assert [a.version for a in history] == [1, 2] and history[0].case == CASE


def test_a_case_with_an_unknown_finding_is_not_stored(database_url: str) -> None:
    with database.transaction(database_url) as session:
        person = people.ensure(session, "alex")
        with pytest.raises(InputError) as caught:
            versions.add_assessment(session, person, {"findings": {"brusing": True}}, RESULT)
        assert caught.value.field == "findings.brusing"
        assert versions.assessments(session, person) == []


def test_new_plan_versions_leave_the_old_documents_alone(database_url: str) -> None:
    harder = {**PLAN, "phase": "chronic"}
    with database.transaction(database_url) as session:
        person = people.ensure(session, "alex")
        versions.add_assessment(session, person, CASE, RESULT)
        versions.add_plan(session, person, PLAN, reason="first plan", assessment_version=1)
        versions.add_plan(session, person, harder, reason="moved up the ladder")
    with database.reading(database_url) as session:
        person = people.require(session, "alex")
        first = versions.plan(session, person, 1)
        latest = versions.latest_plan(session, person)
    assert first is not None and first.document == PLAN and first.assessment_version == 1
    assert latest is not None and latest.version == 2 and latest.document == harder
    assert latest.reason == "moved up the ladder"


def test_plan_from_an_assessment_that_does_not_exist_is_refused(database_url: str) -> None:
    with database.transaction(database_url) as session:
        person = people.ensure(session, "alex")
        with pytest.raises(InputError) as caught:
            versions.add_plan(session, person, PLAN, assessment_version=4)
        assert caught.value.field == "assessment_version"


def test_plan_document_must_be_a_json_object(database_url: str) -> None:
    with database.transaction(database_url) as session:
        person = people.ensure(session, "alex")
        with pytest.raises(InputError):
            versions.add_plan(session, person, ["not", "a", "plan"])
        assert versions.latest_plan(session, person) is None
