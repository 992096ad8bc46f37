"""Input records: what may be stored is checked before any write."""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crampcoach.errors import InputError
from crampcoach.store.records import (
    CrampRecord,
    ExportDocument,
    NoteRecord,
    SessionRecord,
    check_exercises,
    json_object,
    parse,
    parse_json,
)

from .samples import session_record

DAY = dt.date(2024, 5, 6)
BRIDGE = {"exercise": "glute_bridge", "sets": 3, "reps": 12}


def session(**changes: Any) -> dict[str, Any]:
    return {"date": DAY, "items": [dict(BRIDGE)], **changes}


def item(**changes: Any) -> dict[str, Any]:
    return session(items=[{**BRIDGE, **changes}])


def test_unknown_field_is_rejected_with_its_name() -> None:
    with pytest.raises(InputError) as caught:
        parse(SessionRecord, session(mood="great"))
    assert caught.value.field == "mood"


def test_number_written_as_text_is_not_coerced() -> None:
    with pytest.raises(InputError) as caught:
        parse(SessionRecord, item(sets="3"))
    assert caught.value.field == "items.0.sets"


def test_true_is_not_taken_for_one() -> None:
    with pytest.raises(InputError):
        parse(SessionRecord, item(effort=True))


def test_item_needs_reps_or_a_hold() -> None:
    with pytest.raises(InputError, match="reps or hold_s"):
        parse(SessionRecord, session(items=[{"exercise": "glute_bridge", "sets": 3}]))
    held = parse(SessionRecord, session(items=[{"exercise": "bird_dog", "sets": 2,
                                                "hold_s": 10}]))
    assert held.items[0].hold_s == 10


@pytest.mark.parametrize(("field", "value"), [
    ("effort", 0), ("effort", 11), ("pain", -1), ("pain", 11), ("sets", 0),
    ("load_kg", -5.0), ("load_kg", math.inf),
])
def test_scores_and_doses_stay_in_range(field: str, value: object) -> None:
    with pytest.raises(InputError) as caught:
        parse(SessionRecord, item(**{field: value}))
    assert caught.value.field == f"items.0.{field}"


def test_an_out_of_range_score_is_refused_in_plain_words() -> None:
    with pytest.raises(InputError) as caught:
        parse(SessionRecord, item(effort=11))
    assert caught.value.message == "must be at most 10, not 11"


def test_felt_needs_all_three_waterfalls_within_0_to_10() -> None:
    with pytest.raises(InputError) as caught:
        parse(SessionRecord, item(felt={"low_back": 2, "glutes": 11, "hamstrings": 3}))
    assert caught.value.field == "items.0.felt.glutes"
    with pytest.raises(InputError):
        parse(SessionRecord, item(felt={"low_back": 2, "glutes": 6}))


def test_session_needs_at_least_one_item() -> None:
    with pytest.raises(InputError) as caught:
        parse(SessionRecord, session(items=[]))
    assert caught.value.field == "items"


def test_an_exercise_name_must_be_a_short_line() -> None:
    with pytest.raises(InputError):
        parse(SessionRecord, item(exercise="x" * 65))
    with pytest.raises(InputError):
        parse(SessionRecord, item(exercise="  "))


def test_future_days_are_rejected() -> None:
    with pytest.raises(InputError, match="future"):
        parse(SessionRecord, session(date=dt.date.today() + dt.timedelta(days=3)))
    with pytest.raises(InputError, match="future"):
        parse(CrampRecord, {"occurred_at": dt.datetime.now() + dt.timedelta(days=3),
                            "side": "left", "during": "sleep", "severity": 4})


def test_cramp_time_with_a_zone_is_kept_as_local_wall_clock() -> None:
    aware = dt.datetime(2024, 5, 6, 18, 30, tzinfo=dt.UTC)
    cramp = parse(CrampRecord, {"occurred_at": aware, "side": "both", "during": "running",
                                "severity": 3})
    assert cramp.occurred_at.tzinfo is None
    assert cramp.occurred_at == aware.astimezone().replace(tzinfo=None)


def test_cramp_side_must_be_left_right_or_both() -> None:
    with pytest.raises(InputError) as caught:
        parse(CrampRecord, {"occurred_at": dt.datetime(2024, 5, 6, 7), "side": "middle",
                            "during": "sleep", "severity": 4})
    assert caught.value.field == "side"


def test_control_characters_in_text_are_rejected() -> None:
    with pytest.raises(InputError, match="control characters"):
        parse(NoteRecord, {"date": DAY, "text": "bad\x00byte"})


def test_text_is_trimmed_and_may_not_be_blank() -> None:
    assert parse(NoteRecord, {"date": DAY, "text": "  calm day \n"}).text == "calm day"
    with pytest.raises(InputError):
        parse(NoteRecord, {"date": DAY, "text": "   "})


def test_each_record_gets_its_own_uid() -> None:
    first, second = parse(NoteRecord, {"date": DAY, "text": "a"}), parse(
        NoteRecord, {"date": DAY, "text": "a"})
    assert first.uid != second.uid
    with pytest.raises(InputError):
        parse(NoteRecord, {"date": DAY, "text": "a", "uid": "not-a-uid"})


def test_json_text_with_dates_as_strings_is_read() -> None:
    record = parse_json(SessionRecord, json.dumps(
        {"date": "2024-05-06", "items": [BRIDGE]}))
    assert record.date == DAY


def test_unknown_exercise_gets_a_suggestion() -> None:
    record = parse(SessionRecord, item(exercise="glute_bridg"))
    with pytest.raises(InputError, match="did you mean 'glute_bridge'"):
        check_exercises(record, {"glute_bridge", "bird_dog"})


def test_export_with_a_repeated_uid_is_rejected() -> None:
    logged = session_record(DAY).model_dump()
    stored = {**logged, "recorded_at": "2024-05-06T10:00:00Z"}
    document = {"person": {"name": "me", "created_at": "2024-05-01T10:00:00Z"},
                "sessions": [stored, stored]}
    with pytest.raises(InputError, match="appears twice"):
        parse(ExportDocument, document)


@pytest.mark.parametrize("value", [{"x": math.nan}, {1: "a"}, ["a"], {"x": {1, 2}}])
def test_documents_that_would_not_survive_json_are_refused(value: Any) -> None:
    with pytest.raises(InputError):
        json_object(value, "document")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)
session_like = st.fixed_dictionaries(
    {"date": st.sampled_from(["2024-05-06", "yesterday", 5, None])},
    optional={
        "items": st.lists(st.dictionaries(
            st.sampled_from(["exercise", "sets", "reps", "hold_s", "effort", "pain", "felt",
                             "load_kg", "extra"]), json_values, max_size=6), max_size=3),
        "note": json_values,
        "plan_day": json_values,
    },
)


@settings(max_examples=200, deadline=None)
@given(data=session_like)
def test_any_decoded_json_is_either_a_record_or_an_input_error(data: dict[str, Any]) -> None:
    try:
        record = parse_json(SessionRecord, json.dumps(data))
    except InputError as exc:
        assert exc.field or exc.message
    else:
        assert record.items
