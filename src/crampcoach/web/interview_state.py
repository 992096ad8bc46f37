"""The interview's state as it travels in the page: hidden form fields, no server session.

Each answer is one hidden `answered` field, `finding:yes|no|unknown`, in the order asked,
so "back" drops the last one. The state is the person's own answers about themselves;
it is re-validated on every post (unknown ids and values are refused), so it needs no
signature. Posting it (not putting it in the URL) keeps health answers out of logs.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from starlette.datastructures import FormData

from crampcoach.case import Case, check_finding_id, parse_case
from crampcoach.errors import InputError
from crampcoach.reading import ANSWER_VALUE, ANSWER_WORD
from crampcoach.web.forms import optional_int, optional_text, repeated

ABOUT_FIELDS = ("age", "sex", "days_since_last_cramp")
# `understood.<finding>` radios on the confirmation page; "skip" drops the reading.
UNDERSTOOD_PREFIX = "understood."


@dataclass(frozen=True)
class InterviewForm:
    answers: tuple[tuple[str, bool | None], ...] = ()
    age: int | None = None
    sex: str | None = None
    days_since_last_cramp: int | None = None

    def case(self) -> Case:
        document: dict[str, Any] = {"findings": dict(self.answers)}
        for name in ABOUT_FIELDS:
            value = getattr(self, name)
            if value is not None:
                document[name] = value
        return parse_case(document)

    def answered(self, finding: str, answer: bool | None) -> InterviewForm:
        kept = tuple(a for a in self.answers if a[0] != finding)
        return replace(self, answers=(*kept, (finding, answer)))

    def back(self) -> InterviewForm:
        return replace(self, answers=self.answers[:-1])

    def hidden_fields(self) -> list[tuple[str, str]]:
        fields = [("answered", f"{f}:{ANSWER_WORD[a]}") for f, a in self.answers]
        for name in ABOUT_FIELDS:
            value = getattr(self, name)
            if value is not None:
                fields.append((name, str(value)))
        return fields


def parse_answered(raw: str, field: str) -> tuple[str, bool | None]:
    finding, colon, word = raw.partition(":")
    if not colon or word not in ANSWER_VALUE:
        raise InputError(field, f"expected 'finding:yes|no|unknown', got {raw[:80]!r}")
    check_finding_id(finding, field)
    return finding, ANSWER_VALUE[word]


def read_state(form: FormData, values: dict[str, str]) -> InterviewForm:
    """The state from a posted form; `values` are its single fields, already checked."""
    answers: list[tuple[str, bool | None]] = []
    seen: set[str] = set()
    for raw in repeated(form, "answered"):
        finding, answer = parse_answered(raw, "answered")
        if finding in seen:
            raise InputError("answered", f"'{finding}' is answered twice")
        seen.add(finding)
        answers.append((finding, answer))
    for key, word in values.items():
        if not key.startswith(UNDERSTOOD_PREFIX) or word == "skip":
            continue
        finding = key.removeprefix(UNDERSTOOD_PREFIX)
        check_finding_id(finding, key)
        if word not in ANSWER_VALUE:
            raise InputError(key, "must be yes, no, unknown or skip")
        if finding not in seen:
            seen.add(finding)
            answers.append((finding, ANSWER_VALUE[word]))
    state = InterviewForm(
        answers=tuple(answers),
        age=optional_int(values, "age"),
        sex=optional_text(values, "sex"),
        days_since_last_cramp=optional_int(values, "days_since_last_cramp"),
    )
    state.case()  # validates age, sex and days the same way as a case file
    return state
