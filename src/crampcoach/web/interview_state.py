"""The interview's state as it travels in the page: hidden form fields, no server session.

Each answer is one hidden `answered` field, `finding:yes|no|unknown`, in the order asked.
`steps` holds how many answers each interview step gave (a checklist gives several), so
"back" drops the whole last step; answers before the steps came from the description.
The state is the person's own answers about themselves; it is re-validated on every post
(unknown ids and values are refused), so it needs no signature. Posting it (not putting
it in the URL) keeps health answers out of logs.
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
    steps: tuple[int, ...] = ()
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
        return self.answered_step({finding: answer})

    def answered_step(self, answers: dict[str, bool | None]) -> InterviewForm:
        """One interview step: a question, or a checklist answering several findings."""
        if any(f == finding for f, _ in self.answers for finding in answers):
            # A changed answer replaces the old one where it stands; no new step.
            changed = tuple((f, answers.get(f, a)) for f, a in self.answers)
            return replace(self, answers=changed)
        return replace(self, answers=(*self.answers, *answers.items()),
                       steps=(*self.steps, len(answers)))

    def back(self) -> InterviewForm:
        if not self.steps:
            return replace(self, answers=self.answers[:-1])
        return replace(self, answers=self.answers[: -self.steps[-1]], steps=self.steps[:-1])

    @property
    def from_description(self) -> int:
        """Answers given before the first step: read from the person's description."""
        return len(self.answers) - sum(self.steps)

    def hidden_fields(self) -> list[tuple[str, str]]:
        fields = [("answered", f"{f}:{ANSWER_WORD[a]}") for f, a in self.answers]
        if self.steps:
            fields.append(("steps", ",".join(map(str, self.steps))))
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
        steps=_steps(values.get("steps", ""), len(answers)),
        age=optional_int(values, "age"),
        sex=optional_text(values, "sex"),
        days_since_last_cramp=optional_int(values, "days_since_last_cramp"),
    )
    state.case()  # validates age, sex and days the same way as a case file
    return state


def _steps(raw: str, answers: int) -> tuple[int, ...]:
    if not raw:
        return ()
    parts = raw.split(",")
    if not all(p.isdigit() and int(p) >= 1 for p in parts):
        raise InputError("steps", f"expected counts like '23,7,1', got {raw[:40]!r}")
    steps = tuple(int(p) for p in parts)
    if sum(steps) > answers:
        raise InputError("steps", "counts more answers than were given")
    return steps
