"""The interview state in hidden fields: answers in order, back, and strict reading."""

from __future__ import annotations

import pytest
from starlette.datastructures import FormData

from crampcoach.errors import InputError
from crampcoach.web.interview_state import InterviewForm, read_state


def test_answers_keep_their_order_and_back_drops_the_last_step() -> None:
    state = InterviewForm().answered("bruising", False).answered("one_side_only", None)
    assert state.hidden_fields() == [("answered", "bruising:no"),
                                     ("answered", "one_side_only:unknown"), ("steps", "1,1")]
    assert state.back().answers == (("bruising", False),)
    assert state.answered("bruising", True).answers[0] == ("bruising", True)


def test_a_checklist_is_one_step_and_back_takes_it_away_whole() -> None:
    state = InterviewForm(answers=(("cramp_at_night", True),))  # read from the description
    state = state.answered_step({"saddle_numbness": False, "cannot_walk": None})
    assert state.steps == (2,) and state.from_description == 1
    assert state.back().answers == (("cramp_at_night", True),)


def test_step_counts_that_do_not_fit_the_answers_are_refused() -> None:
    form = FormData([("answered", "bruising:no")])
    with pytest.raises(InputError) as caught:
        read_state(form, {"steps": "3"})
    assert caught.value.field == "steps"


def test_the_state_reads_back_what_it_wrote() -> None:
    state = InterviewForm(answers=(("bruising", True),), age=40, sex="female")
    form = FormData([(k, v) for k, v in state.hidden_fields()])
    values = {k: v for k, v in state.hidden_fields() if k != "answered"}
    assert read_state(form, values) == state
    assert state.case().findings == {"bruising": True}


@pytest.mark.parametrize(("answered", "field"), [
    (["bruising:perhaps"], "answered"),
    (["brusing:yes"], "answered"),
    (["bruising:yes", "bruising:no"], "answered"),
    (["bruising"], "answered"),
])
def test_a_bad_answer_is_refused(answered: list[str], field: str) -> None:
    form = FormData([("answered", a) for a in answered])
    with pytest.raises(InputError) as caught:
        read_state(form, {})
    assert caught.value.field == field


def test_age_is_checked_like_a_case_file() -> None:
    with pytest.raises(InputError) as caught:
        read_state(FormData([]), {"age": "200"})
    assert caught.value.field == "age"
