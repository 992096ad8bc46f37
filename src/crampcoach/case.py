"""The case document (CONTRACT input): what a person has told us, strictly validated."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from crampcoach.errors import InputError, from_validation_error, suggest
from crampcoach.knowledge import load_knowledge
from crampcoach.limits import loads_json, loads_yaml, read_text

Answer = bool | None
VolumeUnitName = Literal["km", "minutes", "sessions", "sets"]


class TrainingVolume(BaseModel):
    """A person's weekly training volume, for the plan's volume schedule."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    current: float = Field(gt=0, le=100_000, description="This week's volume.")
    unit: VolumeUnitName
    target: float | None = Field(default=None, gt=0, le=100_000,
                                 description="The weekly volume to build back up to; empty: the current one.")
    tolerated: float | None = Field(default=None, gt=0, le=100_000,
                                    description="The last weekly volume handled without cramps.")


# The model's priors and advice are for adolescents and adults; a child's cramps need their doctor.
YOUNGEST, OLDEST = 10, 110
CHILD_NOTE = (f"crampcoach is made for people aged {YOUNGEST} and over; "
              "a younger child's cramps are for their doctor to look at")

# A case is a few hundred answers and a description: a megabyte is far more than enough.
MAX_CASE_BYTES = 1024 * 1024


class Case(BaseModel):
    """`findings` maps a finding id to true (present), false (absent) or null (asked, unknown).

    A finding that is missing was not asked. Explicit findings win over ones read from `text`.
    """

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    age: int | None = Field(default=None, ge=YOUNGEST, le=OLDEST)
    sex: Literal["female", "male", "other"] | None = None
    findings: dict[str, Answer] = Field(default_factory=dict)
    text: str | None = Field(default=None, max_length=10_000)
    days_since_last_cramp: int | None = Field(
        default=None, ge=0, le=36_500,
        description="Days since the most recent cramp; sets the care phase of the plan.",
    )
    training_volume: TrainingVolume | None = None

    def with_answer(self, finding: str, answer: Answer) -> Case:
        check_finding_id(finding, "finding")
        return self.model_copy(update={"findings": {**self.findings, finding: answer}})


def check_finding_id(finding: str, field: str) -> None:
    known = load_knowledge().findings
    if finding not in known:
        raise InputError(field, f"unknown finding id '{finding}'{suggest(finding, known)}")


def parse_case(data: Any) -> Case:
    """Validate a decoded case document; raise InputError naming the first bad field."""
    if not isinstance(data, dict):
        raise InputError("case", "must be an object with 'findings' (and optional age, sex, text)")
    try:
        case = Case.model_validate(data)
    except ValidationError as exc:
        error = from_validation_error(exc)
        if error.field == "age" and isinstance(data.get("age"), int) and data["age"] < YOUNGEST:
            error = InputError("age", f"{error.message} ({CHILD_NOTE})")
        raise error from None
    for finding in case.findings:
        check_finding_id(finding, f"findings.{finding}")
    return case


def load_case_file(path: Path) -> Case:
    """Read a case from a JSON or YAML file."""
    raw = read_text(path, "--case", MAX_CASE_BYTES)
    if path.suffix.lower() == ".json":
        try:
            return parse_case(loads_json(raw, "--case"))
        except json.JSONDecodeError as exc:
            raise InputError("--case", f"{path}: not valid JSON (line {exc.lineno})") from None
    import yaml  # YAML case files are the rarer kind: a JSON case never loads the parser

    try:
        data = loads_yaml(raw, "--case")
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 1
        raise InputError("--case", f"{path}: not valid JSON or YAML (line {line})") from None
    return parse_case(data)
