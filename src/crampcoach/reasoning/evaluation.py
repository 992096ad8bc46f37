"""Scoring the reasoning against labelled cases (the format of the shared dev cases).

Each line holds {"id", "case", "expect": {top1_any, top3_any, triage, triage_min, ...}}.
"""

from __future__ import annotations

import json
import statistics
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from crampcoach.case import Case, parse_case
from crampcoach.errors import InputError
from crampcoach.limits import loads_json, read_text
from crampcoach.reasoning.assess import answers_of, assess
from crampcoach.triage import RANK

MAX_QUESTIONS = 80


class Expect(BaseModel):
    model_config = ConfigDict(extra="allow")

    top1_any: list[str]
    top3_any: list[str]
    triage: str
    triage_min: str
    triage_max: str
    plan_must_include: list[str] = Field(default_factory=list)
    plan_must_exclude: list[str] = Field(default_factory=list)


class LabelledCase(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    case: dict[str, Any]
    expect: Expect


class CaseResult(BaseModel):
    id: str
    top1: str
    top3: list[str]
    level: str
    top1_ok: bool
    top3_ok: bool
    triage_exact: bool
    triage_safe: bool
    over_triage: bool
    questions_needed: int | None


class EvaluationReport(BaseModel):
    cases: int
    top1_accuracy: float
    top3_accuracy: float
    triage_exact: float
    triage_safe: float
    urgent_recall: float | None
    over_triage_rate: float
    median_questions: float | None
    from_text: bool
    results: list[CaseResult]


def read_cases(path: Path) -> list[LabelledCase]:
    lines = read_text(path, "CASES").splitlines()
    cases = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            cases.append(LabelledCase.model_validate(loads_json(line, f"{path.name}:{number}")))
        except json.JSONDecodeError:
            raise InputError(f"{path.name}:{number}", "not valid JSON") from None
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise InputError(f"{path.name}:{number}", f"{where}: {first['msg']}") from None
    if not cases:
        raise InputError("CASES", f"{path} holds no cases")
    return cases


def simulate_interview(case: Case) -> tuple[int | None, int]:
    """Questions a simulated interview needs to reach the full case's top cause and level.

    Answers come from the case (explicit findings merged with those read from its text);
    what the case does not say is answered "don't know". Returns (questions needed, asked):
    needed is the count after which the top cause and level match the full case for good,
    None if the interview ended without matching.
    """
    truth = answers_of(case)
    full = assess(case)
    target = (full.top_cause(), full.triage.level)
    interview = Case(age=case.age, sex=case.sex)
    matched_since: int | None = None
    asked = 0
    while True:
        current = assess(interview)
        if (current.top_cause(), current.triage.level) == target:
            matched_since = asked if matched_since is None else matched_since
        else:
            matched_since = None
        question = current.next_question
        if question is None or asked >= MAX_QUESTIONS:
            return matched_since, asked
        interview = interview.with_answer(question.finding, truth.get(question.finding))
        asked += 1


def evaluate(cases: list[LabelledCase], from_text: bool = False,
             interview: bool = True) -> EvaluationReport:
    results = []
    for labelled in cases:
        data = dict(labelled.case)
        if from_text:
            data["findings"] = {}
        try:
            case = parse_case(data)
        except InputError as exc:
            raise InputError(f"case {labelled.id}: {exc.field}", exc.message) from None
        result = assess(case)
        exp = labelled.expect
        top3 = [c.id for c in result.causes[:3]]
        level = result.triage.level
        needed = simulate_interview(case)[0] if interview else None
        results.append(CaseResult(
            id=labelled.id, top1=top3[0], top3=top3, level=level,
            top1_ok=top3[0] in exp.top1_any,
            top3_ok=any(c in exp.top3_any for c in top3),
            triage_exact=level == exp.triage,
            triage_safe=RANK[level] >= RANK[exp.triage_min],
            over_triage=RANK[level] > RANK[exp.triage_max],
            questions_needed=needed,
        ))
    n = len(results)
    urgent = [r for r, c in zip(results, cases, strict=True) if c.expect.triage == "urgent"]
    needed_counts = [r.questions_needed for r in results]
    return EvaluationReport(
        cases=n,
        top1_accuracy=sum(r.top1_ok for r in results) / n,
        top3_accuracy=sum(r.top3_ok for r in results) / n,
        triage_exact=sum(r.triage_exact for r in results) / n,
        triage_safe=sum(r.triage_safe for r in results) / n,
        urgent_recall=(sum(r.level == "urgent" for r in urgent) / len(urgent)) if urgent else None,
        over_triage_rate=sum(r.over_triage for r in results) / n,
        median_questions=(
            statistics.median(MAX_QUESTIONS if q is None else q for q in needed_counts)
            if interview else None
        ),
        from_text=from_text,
        results=results,
    )
