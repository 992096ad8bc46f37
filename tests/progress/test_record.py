"""A guided session's record (`crampcoach session`) stored through the training log."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from rich.console import Console

from crampcoach.case import parse_case
from crampcoach.cli.guided import pick_session, run_session
from crampcoach.cli.plan import plan_for
from crampcoach.errors import InputError
from crampcoach.progress.record import store_session_record
from crampcoach.store import database, log, people

CASE = {"findings": {"trigger_bridge_or_hip_thrust": True, "feel_hamstrings_more_than_glutes": True}}


def guided_record() -> dict[str, Any]:
    """What `crampcoach session` prints, with felt scores answered 6 / 2 / 1."""
    plan = plan_for(parse_case(CASE), start=dt.date(2024, 3, 4))
    answers = iter(["6", "2", "1"] * 10)
    record = run_session(plan, pick_session(plan, None), Console(file=None, quiet=True),
                         wait=False, ask=lambda _question: next(answers),
                         today=dt.date(2024, 3, 4))
    decoded: dict[str, Any] = json.loads(json.dumps(record))  # as printed, as read back
    return decoded


def stored_sessions(url: str, name: str = "me") -> list[Any]:
    with database.reading(url) as session:
        person = people.find(session, name)
        return [] if person is None else log.sessions_between(session, person)


def test_a_guided_session_record_is_stored_in_the_log(database_url: str) -> None:
    record = guided_record()
    stored = store_session_record(record, profile="me", url=database_url)
    [back] = stored_sessions(database_url)
    assert back == stored
    assert back.date == dt.date(2024, 3, 4) and back.plan_week == record["plan_week"]
    assert [i.exercise for i in back.items] == [i["exercise"] for i in record["items"]]
    felt = [(i.felt.glutes, i.felt.hamstrings, i.felt.low_back)
            for i in back.items if i.felt is not None]
    assert felt and set(felt) == {(6, 2, 1)}


def test_the_printed_json_text_is_stored_too(database_url: str) -> None:
    text = json.dumps(guided_record())
    stored = store_session_record(text, profile="coached", url=database_url)
    assert stored_sessions(database_url, "coached") == [stored]


def test_a_record_with_an_unknown_exercise_stores_nothing(database_url: str) -> None:
    record = guided_record()
    record["items"][0]["exercise"] = "glute_brige"
    with pytest.raises(InputError, match="closest: Bodyweight glute bridge"):
        store_session_record(record, url=database_url)
    assert stored_sessions(database_url) == []


def test_unreadable_json_is_bad_input(database_url: str) -> None:
    with pytest.raises(InputError, match=r"^session"):
        store_session_record("{not json", url=database_url)


def test_a_plan_version_that_is_not_stored_is_bad_input(database_url: str) -> None:
    with pytest.raises(InputError, match="plan_version"):
        store_session_record(guided_record(), url=database_url, plan_version=3)
    assert stored_sessions(database_url) == []
