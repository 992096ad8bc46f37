"""Reading what people type, the same way in the terminal and in the browser: days, moments,
and answer words (yes / no / don't know)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from crampcoach.errors import InputError
from crampcoach.limits import check_day

Reply = Literal["yes", "no", "unknown", "back", "why", "quit"]
AnswerWord = Literal["yes", "no", "unknown"]

# Everything a person may type at an interview prompt, mapped to one reply.
_REPLIES: dict[str, Reply] = {
    "y": "yes", "yes": "yes", "yep": "yes", "yeah": "yes", "yup": "yes", "ya": "yes",
    "n": "no", "no": "no", "nope": "no", "nah": "no", "none": "no", "never": "no",
    "not really": "no",
    "?": "unknown", "d": "unknown", "dk": "unknown", "don't know": "unknown",
    "dont know": "unknown", "unknown": "unknown", "not sure": "unknown", "u": "unknown",
    "idk": "unknown", "dunno": "unknown", "no idea": "unknown", "unsure": "unknown",
    "b": "back", "back": "back", "w": "why", "why": "why", "why?": "why",
    "q": "quit", "quit": "quit", "done": "quit", "finish": "quit",
}
# An answer word and the value it gives a finding; "unknown" is an answer, not a gap.
ANSWER_VALUE: dict[str, bool | None] = {"yes": True, "no": False, "unknown": None}
ANSWER_WORD: dict[bool | None, AnswerWord] = {True: "yes", False: "no", None: "unknown"}
# How an answer is said back to a person.
ANSWER_SAID: dict[bool | None, str] = {True: "yes", False: "no", None: "not sure"}

# The words people use for their sex, mapped to the case's values.
_SEXES: dict[str, str] = {
    "f": "female", "female": "female", "woman": "female", "w": "female", "girl": "female",
    "m": "male", "male": "male", "man": "male", "boy": "male",
    "o": "other", "other": "other", "x": "other", "non-binary": "other", "nonbinary": "other",
}

_CLOCK = re.compile(r"\d{1,2}:\d{2}")
_DAY_AND_CLOCK = re.compile(r"(today|yesterday)(?:\s+(\d{1,2}:\d{2}))?")


def _said(line: str) -> str:
    """A typed reply as compared with the words it may be: trimmed, lower case, no final "." or "!"."""
    return line.strip().lower().rstrip(".!")


def parse_reply(line: str) -> Reply | None:
    """A typed reply, or None when it is not one we understand."""
    return _REPLIES.get(_said(line))


def parse_answer(word: str, field: str) -> bool | None:
    """An answer word (yes, no, unknown) as a finding's value."""
    key = word.strip().lower()
    if key not in ANSWER_VALUE:
        raise InputError(field, f"'{word[:40]}' is not an answer: use yes, no or unknown")
    return ANSWER_VALUE[key]


def parse_sex(text: str, field: str) -> str:
    """female, male or other, from the words people use ("f", "woman", "M")."""
    found = _SEXES.get(text.strip().lower())
    if found is None:
        raise InputError(field, f"'{text[:40]}' is not one of female, male or other (f, m, o)")
    return found


# A day a person types for their own training more than this long ago is a slip of the year.
MAX_YEARS_BACK = 20


def _recent(day: dt.date, field: str, today: dt.date) -> dt.date:
    if day.year < today.year - MAX_YEARS_BACK:
        raise InputError(field, f"{day.isoformat()} is more than {MAX_YEARS_BACK} years ago: "
                                "check the year")
    return day


def parse_day(text: str, field: str, *, today: dt.date | None = None,
              words: bool = True) -> dt.date:
    """YYYY-MM-DD, or (with `words`) 'today' or 'yesterday'."""
    word = text.strip().lower()
    today = today or dt.date.today()
    if words and word == "today":
        return today
    if words and word == "yesterday":
        return today - dt.timedelta(days=1)
    try:
        day = dt.date.fromisoformat(word)
    except ValueError:
        hint = ": use YYYY-MM-DD, today or yesterday" if words else " like 2025-03-03"
        raise InputError(field, f"'{text[:40]}' is not a day{hint}") from None
    return _recent(check_day(day, field), field, today)


def parse_moment(text: str, field: str, *, now: dt.datetime | None = None) -> dt.datetime:
    """A local time: now, HH:MM (today), 'yesterday HH:MM', or 'YYYY-MM-DD HH:MM'.

    A day word alone is refused: a cramp needs its time of day too.
    """
    word = text.strip().lower()
    now = (now or dt.datetime.now()).replace(second=0, microsecond=0)
    if word == "now":
        return now
    day_word = _DAY_AND_CLOCK.fullmatch(word)
    if day_word and not day_word.group(2):
        raise InputError(field, f"'{text}' needs a time too, e.g. '{day_word.group(1)} 21:30'")
    try:
        if day_word:
            day = parse_day(day_word.group(1), field, today=now.date())
            return dt.datetime.combine(day, dt.time.fromisoformat(day_word.group(2).zfill(5)))
        if _CLOCK.fullmatch(word):
            return dt.datetime.combine(now.date(), dt.time.fromisoformat(word.zfill(5)))
        moment = dt.datetime.fromisoformat(word)
    except ValueError:
        raise InputError(field, f"'{text[:40]}' is not a time: use now, HH:MM, 'yesterday HH:MM' "
                                "or 'YYYY-MM-DD HH:MM'") from None
    if moment.tzinfo is not None:
        raise InputError(field, "give the local time without a UTC offset")
    _recent(check_day(moment.date(), field), field, now.date())
    return moment


# Units people write after a length of time, in seconds each.
_TIME_UNITS: dict[str, int] = {
    "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
    "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60,
    "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
}
_TIME_PART = re.compile(r"(\d+(?:\.\d+)?)\s*([a-z]+)")
_TIME_PARTS = re.compile(r"(?:\d+(?:\.\d+)?\s*[a-z]+\s*(?:and\s+)?)+")
_CLOCK_LENGTH = re.compile(r"(\d+):([0-5]\d)")


# Lengths said in words: "about a minute", "half an hour", "two minutes or so"; up to two
# hedges on each side ("maybe about a minute", "a minute or so ish").
_LENGTH_HEDGE = re.compile(r"^(?:(?:about|around|roughly|approx(?:imately)?|maybe|nearly|almost|"
                           r"just over|just under|over|under|~)\s+){1,2}"
                           r"|(?:\s+(?:or so|ish|roughly)){1,2}$")
_HALF_LENGTH = re.compile(r"^half an? (hour|minute)$")
_LENGTH_WORDS = {"a": "1", "an": "1", "one": "1", "two": "2", "three": "3", "four": "4",
                 "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10",
                 "fifteen": "15", "twenty": "20", "thirty": "30", "forty": "40", "ninety": "90"}
_LENGTH_WORD = re.compile(r"\b(" + "|".join(_LENGTH_WORDS) + r")\b(?=\s+[a-z])")


def _plain_length(word: str) -> str:
    """`word` with hedges dropped and number words as digits ("about a minute" -> "1 minute")."""
    word = _LENGTH_HEDGE.sub("", word)
    word = _HALF_LENGTH.sub(lambda m: "30 " + ("min" if m[1] == "hour" else "s"), word)
    return _LENGTH_WORD.sub(lambda m: _LENGTH_WORDS[m[1]], word)


# A logged session or cramp lasts at most a day (the records refuse more).
LONGEST_LOGGED_S = 86_400


def parse_duration(text: str, field: str, *, unit: Literal["s", "min"]) -> int:
    """A length of time as whole `unit`s: a bare number is in `unit`; "40s", "2 min",
    "1m30s", "1 h 15 min" and "1:30" (minutes:seconds for seconds, hours:minutes for
    minutes) are read as people write them. Rounded to the nearest whole unit."""
    word = _plain_length(text.strip().lower())
    per_unit = 1 if unit == "s" else 60
    seconds: float
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        seconds = float(word) * per_unit
    elif clock := _CLOCK_LENGTH.fullmatch(word):
        seconds = (int(clock.group(1)) * 60 + int(clock.group(2))) * per_unit
    elif _TIME_PARTS.fullmatch(word) and all(
            part.group(2) in _TIME_UNITS for part in _TIME_PART.finditer(word)):
        seconds = sum(float(part.group(1)) * _TIME_UNITS[part.group(2)]
                      for part in _TIME_PART.finditer(word))
    else:
        example = "40, 40s, 2 min or 1:30" if unit == "s" else "45, 45 min, 1h or 1:15"
        said = "seconds" if unit == "s" else "minutes"
        raise InputError(field, f"'{text[:40]}' is not a length of time: give {said}, "
                                f"e.g. {example}")
    if seconds > LONGEST_LOGGED_S:
        # Only a cramp's length is in seconds; one that lasts for hours is a warning sign.
        warning = " (a cramp that lasts for hours needs a doctor today)" if unit == "s" else ""
        raise InputError(field, f"'{text[:40]}' is longer than a day: give at most 24 h{warning}")
    return round(seconds / per_unit)


_NONE_APPLY = {"none", "no", "n", "0", "nothing", "none of these", "nope", "none apply"}

# Replies to "is what I read from your words right?": Enter or a yes means all is right.
_ALL_RIGHT = frozenset({"", "y", "yes", "yep", "yeah", "ok", "okay", "right", "correct", "fine",
                        "all right", "all good", "looks good", "looks right", "that's right",
                        "thats right", "spot on"})
# Said of a list read back: none of it is wrong.
_NOTHING_WRONG = frozenset({"none", "nothing", "none of them", "nothing wrong", "none wrong",
                            "all correct", "all fine", "no changes", "no mistakes",
                            "nothing to change", "nothing to correct"})
_SOMETHING_WRONG = frozenset({"n", "no", "nope", "wrong", "not quite", "not right"})
Confirmation = Literal["right", "wrong", "why"]


def is_go_ahead(line: str) -> bool:
    """Whether a reply to "Press Enter to go on" says go on (Enter, yes, ok)."""
    return _said(line) in _ALL_RIGHT


def parse_confirmation(line: str, count: int) -> Confirmation | int | None:
    """A reply to a numbered list read back for confirmation: "right" (Enter, yes, ok),
    "wrong" (no: which one is asked next), "why", the 0-based number of the item to
    correct, or None when the reply cannot be read."""
    text = _said(line)
    if text in _ALL_RIGHT or text in _NOTHING_WRONG:
        return "right"
    if text in _SOMETHING_WRONG:
        return "wrong"
    if _REPLIES.get(text) == "why":
        return "why"
    words = _checklist_words(text)
    if len(words) == 1 and words[0].isdigit() and 1 <= int(words[0]) <= count:
        return int(words[0]) - 1
    return None
_UNSURE = {"?", "unknown", "dk", "don't know", "dont know", "not sure", "u", "d"}


# Words people put between the numbers they tick ("1 and 3").
_JOINERS = frozenset({"and", "also", "plus", "then"})


def _checklist_words(line: str) -> list[str]:
    """The words of a checklist reply, lower-cased, without what joins the numbers."""
    text = line.strip().lower().replace(",", " ").replace("&", " ")
    return [w for w in text.split() if w not in _JOINERS]


def checklist_complaint(line: str, count: int) -> str:
    """Why a checklist reply could not be read, and what to type instead."""
    words = [w.lstrip("?") for w in _checklist_words(line)]
    beyond = [w for w in words if w.isdigit() and not 1 <= int(w) <= count]
    if beyond:
        return (f"{beyond[0]} is not on the list: the numbers go from 1 to {count}. "
                "Type the numbers that apply, or 'none'.")
    return "Please type the numbers that apply (e.g. 2 5), 'none', or ?N for one you are not sure about."


def parse_checklist(line: str, count: int) -> dict[int, bool | None] | Reply | None:
    """A reply to a checklist of `count` numbered lines: the value of every line (0-based).

    "2 5" ticks lines 2 and 5 (the rest are no); "?3" marks line 3 not sure; "none" (or
    "no") ticks nothing; "?" alone is "not sure" for every line. back / why / quit work as
    for a single question. None when the reply cannot be read.
    """
    text = line.strip().lower()
    if text in _NONE_APPLY:
        return dict.fromkeys(range(count), False)
    if text in _UNSURE:
        return dict.fromkeys(range(count), None)
    reply = _REPLIES.get(text)
    if reply in ("back", "why", "quit"):
        return reply
    values: dict[int, bool | None] = dict.fromkeys(range(count), False)
    words = _checklist_words(text)
    if not words:
        return None
    for word in words:
        unsure = word.startswith("?")
        number = word.lstrip("?")
        if not number.isdigit() or not 1 <= int(number) <= count:
            return None
        values[int(number) - 1] = None if unsure else True
    return values
