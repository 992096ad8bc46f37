"""People's input is read one way in the terminal and the browser: days, times, answers."""

from __future__ import annotations

import datetime as dt
from typing import Literal

import pytest

from crampcoach.errors import InputError
from crampcoach.reading import (
    ANSWER_WORD,
    checklist_complaint,
    parse_answer,
    parse_checklist,
    parse_confirmation,
    parse_day,
    parse_duration,
    parse_moment,
    parse_reply,
)

TODAY = dt.date(2025, 3, 5)
NOW = dt.datetime(2025, 3, 5, 14, 7, 33)


@pytest.mark.parametrize(("text", "day"), [("2025-03-01", dt.date(2025, 3, 1)),
                                           (" today ", TODAY), ("Yesterday", dt.date(2025, 3, 4))])
def test_days_are_read_from_dates_and_day_words(text: str, day: dt.date) -> None:
    assert parse_day(text, "--date", today=TODAY) == day


def test_day_words_can_be_refused_where_only_dates_make_sense() -> None:
    with pytest.raises(InputError) as caught:
        parse_day("today", "--start", today=TODAY, words=False)
    assert caught.value.field == "--start"
    assert "like 2025-03-03" in str(caught.value)


@pytest.mark.parametrize(("text", "moment"), [
    ("now", dt.datetime(2025, 3, 5, 14, 7)),
    ("9:30", dt.datetime(2025, 3, 5, 9, 30)),
    ("yesterday 21:30", dt.datetime(2025, 3, 4, 21, 30)),
    ("2025-02-28T06:15", dt.datetime(2025, 2, 28, 6, 15)),
    ("2025-02-28 06:15", dt.datetime(2025, 2, 28, 6, 15)),
])
def test_moments_are_read_from_clock_times_and_day_words(text: str, moment: dt.datetime) -> None:
    assert parse_moment(text, "--when", now=NOW) == moment


@pytest.mark.parametrize(("text", "complaint"), [("yesterday", "needs a time too"),
                                                 ("teatime", "is not a time"),
                                                 ("2025-02-28T06:15+01:00", "UTC offset")])
def test_unreadable_moments_say_what_to_type(text: str, complaint: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_moment(text, "--when", now=NOW)
    assert complaint in str(caught.value)


def test_answer_words_round_trip() -> None:
    for value, word in ANSWER_WORD.items():
        assert parse_answer(word, "answer") is value
    with pytest.raises(InputError):
        parse_answer("perhaps", "answer")


@pytest.mark.parametrize(("typed", "reply"), [("Y", "yes"), ("no", "no"), ("?", "unknown"),
                                              ("don't know", "unknown"), ("b", "back"),
                                              ("why?", "why"), ("q", "quit"), ("maybe", None),
                                              ("Yeah", "yes"), ("yes.", "yes"), ("nope", "no"),
                                              ("none", "no"), ("dunno", "unknown")])
def test_interview_replies_are_read_from_short_and_long_words(typed: str, reply: str | None) -> None:
    assert parse_reply(typed) == reply


def test_checklist_numbers_may_be_joined_with_and() -> None:
    assert parse_checklist("1 and 3", 4) == {0: True, 1: False, 2: True, 3: False}


def test_a_number_off_the_checklist_is_named_with_the_range() -> None:
    assert parse_checklist("8", 7) is None
    assert "8 is not on the list: the numbers go from 1 to 7" in checklist_complaint("8", 7)
    assert "numbers that apply" in checklist_complaint("blah", 7)


@pytest.mark.parametrize(("typed", "meant"), [
    ("", "right"), ("y", "right"), ("Yes", "right"), ("ok", "right"), ("looks good.", "right"),
    ("none", "right"), ("Nothing wrong", "right"),
    ("no", "wrong"), ("nope", "wrong"), ("why", "why"),
    ("2", 1), (" 4 ", 3), ("5", None), ("0", None), ("2 3", None), ("banana", None),
])
def test_a_reading_read_back_is_confirmed_with_enter_or_yes_and_corrected_by_number(
        typed: str, meant: str | int | None) -> None:
    assert parse_confirmation(typed, 4) == meant


@pytest.mark.parametrize(("typed", "unit", "length"), [
    ("40", "s", 40), ("40s", "s", 40), ("40 secs", "s", 40), ("2 min", "s", 120),
    ("1m30s", "s", 90), ("1 min 30 s", "s", 90), ("1:30", "s", 90), ("1.5 min", "s", 90),
    ("2 minutes and 10 seconds", "s", 130),
    ("45", "min", 45), ("45 min", "min", 45), ("1h", "min", 60), ("1 h 15 min", "min", 75),
    ("1:15", "min", 75), ("90 seconds", "min", 2),
    ("about a minute", "s", 60), ("two minutes or so", "s", 120), ("half a minute", "s", 30),
    ("around 90 seconds", "s", 90), ("an hour", "min", 60), ("half an hour", "min", 30),
])
def test_lengths_of_time_are_read_as_people_write_them(typed: str, unit: Literal["s", "min"],
                                                       length: int) -> None:
    assert parse_duration(typed, "--duration", unit=unit) == length


@pytest.mark.parametrize("typed", ["abc", "2 fortnights", "", "1:75", "-3", "40s later"])
def test_an_unreadable_length_of_time_says_what_to_type(typed: str) -> None:
    with pytest.raises(InputError) as refused:
        parse_duration(typed, "--duration", unit="s")
    assert refused.value.field == "--duration"
    assert "e.g. 40, 40s, 2 min or 1:30" in refused.value.message


@pytest.mark.parametrize("typed", ["26 hours", "25h", "1500 min"])
def test_a_length_of_time_over_a_day_is_refused_in_plain_words(typed: str) -> None:
    with pytest.raises(InputError) as refused:
        parse_duration(typed, "--duration", unit="s")
    assert "longer than a day" in refused.value.message
    assert parse_duration("24 h", "--duration", unit="min") == 1440


def test_only_a_cramp_too_long_to_log_is_called_a_warning_sign() -> None:
    with pytest.raises(InputError) as cramp:
        parse_duration("30 h", "--duration", unit="s")
    assert "needs a doctor" in cramp.value.message
    with pytest.raises(InputError) as session:
        parse_duration("30 h", "--duration", unit="min")
    assert "longer than a day" in session.value.message
    assert "doctor" not in session.value.message
