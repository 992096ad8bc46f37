"""Scoring the reasoning against labelled cases (the format of the shared dev cases).

Each line holds {"id", "case", "expect": {top1_any, top3_any, triage, triage_min, ...}}.
"""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from crampcoach.case import Case, parse_case
from crampcoach.errors import InputError
from crampcoach.limits import loads_json, read_text
from crampcoach.reasoning.assess import answers_of, assess
from crampcoach.reasoning.assessment import Assessment
from crampcoach.reasoning.interview import STOPPING, StoppingRule
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


Missing = Literal["case", "no", "unknown"]


@dataclass(frozen=True)
class Walk:
    """One simulated interview: steps taken (a checklist counts once), where it ended."""

    steps: int
    final: Assessment
    urgent_at: int | None  # the step after which triage first read urgent


def walk_interview(case: Case, answering: Missing = "case",
                   stopping: StoppingRule = STOPPING) -> Walk:
    """Answer only what `next_question` asks, from a start that knows just age and sex.

    "case": each answer comes from the case (explicit findings merged with those read from
    its text) and what the case does not mention is answered "no"; "no" and "unknown"
    answer every question that way.
    """
    truth = answers_of(case)
    interview = Case(age=case.age, sex=case.sex)
    steps, urgent_at = 0, None
    while True:
        current = assess(interview, stopping)
        if urgent_at is None and current.triage.level == "urgent":
            urgent_at = steps
        question = current.next_question
        if question is None or steps >= MAX_QUESTIONS:
            return Walk(steps=steps, final=current, urgent_at=urgent_at)
        for finding in (question.finding, *question.also):
            value = (truth.get(finding, False) if answering == "case"
                     else False if answering == "no" else None)
            interview = interview.with_answer(finding, value)
        steps += 1


class InterviewFigures(BaseModel):
    """How short the interview is and how often it ends where the full case does."""

    change_below: float
    level_below: float
    max_questions: int
    median_steps: float
    max_steps: int
    agreement: float  # top cause and triage level equal to the full case's
    urgent_cases: int
    urgent_median_steps: float | None
    urgent_max_steps: int | None
    all_no_median_steps: float
    all_unknown_median_steps: float


def interview_figures(cases: list[Case], stopping: StoppingRule = STOPPING) -> InterviewFigures:
    steps, agree, urgent, all_no, all_unknown = [], [], [], [], []
    for case in cases:
        full = assess(case)
        walk = walk_interview(case, "case", stopping)
        steps.append(walk.steps)
        agree.append(walk.final.top_cause() == full.top_cause()
                     and walk.final.triage.level == full.triage.level)
        if full.triage.level == "urgent":
            urgent.append(MAX_QUESTIONS if walk.urgent_at is None else walk.urgent_at)
        all_no.append(walk_interview(case, "no", stopping).steps)
        all_unknown.append(walk_interview(case, "unknown", stopping).steps)
    return InterviewFigures(
        change_below=stopping.change_below,
        level_below=stopping.level_below,
        max_questions=stopping.max_questions,
        median_steps=statistics.median(steps),
        max_steps=max(steps),
        agreement=sum(agree) / len(agree),
        urgent_cases=len(urgent),
        urgent_median_steps=statistics.median(urgent) if urgent else None,
        urgent_max_steps=max(urgent) if urgent else None,
        all_no_median_steps=statistics.median(all_no),
        all_unknown_median_steps=statistics.median(all_unknown),
    )


# The stopping thresholds the trade-off table tries: (change_below, level_below).
TRADE_OFF_THRESHOLDS = (
    (0.05, 0.005), (0.15, 0.005), (0.1, 0.01), (0.15, 0.01), (0.1, 0.02), (0.15, 0.02), (0.3, 0.02),
    (0.15, 0.05), (0.3, 0.05), (0.15, 0.1), (0.3, 0.1), (0.5, 0.2),
)


def trade_off(cases: list[Case],
              thresholds: tuple[tuple[float, float], ...] = TRADE_OFF_THRESHOLDS,
              ) -> list[InterviewFigures]:
    """Questions against agreement for each pair of stopping thresholds (the cap as chosen).

    Agreement compares each interview's end with its own full case, so the table can be
    made on `leave_one_out` variants as well as on the cases.
    """
    return [interview_figures(cases, StoppingRule(change_below=change, level_below=level,
                                                  max_questions=STOPPING.max_questions))
            for change, level in thresholds]


def leave_one_out(cases: list[LabelledCase]) -> list[LabelledCase]:
    """Each case, plus a copy without each of its present findings (and without its text),
    plus its text alone: many more interviews to tune on than the cases themselves, each
    still labelled by what its own full answers say.
    """
    variants = list(cases)
    for labelled in cases:
        findings = dict(labelled.case.get("findings", {}))
        for finding in [f for f, value in findings.items() if value]:
            case = {k: v for k, v in labelled.case.items() if k != "text"}
            case["findings"] = {f: v for f, v in findings.items() if f != finding}
            variants.append(labelled.model_copy(update={"id": f"{labelled.id}-{finding}",
                                                        "case": case}))
        if labelled.case.get("text"):
            variants.append(labelled.model_copy(update={
                "id": f"{labelled.id}-text", "case": {**labelled.case, "findings": {}}}))
    return variants


def parsed_cases(cases: list[LabelledCase], from_text: bool = False) -> list[Case]:
    parsed = []
    for labelled in cases:
        data = dict(labelled.case)
        if from_text:
            data["findings"] = {}
        try:
            parsed.append(parse_case(data))
        except InputError as exc:
            raise InputError(f"case {labelled.id}: {exc.field}", exc.message) from None
    return parsed


def evaluate(cases: list[LabelledCase], from_text: bool = False,
             interview: bool = True) -> EvaluationReport:
    results = []
    for labelled, case in zip(cases, parsed_cases(cases, from_text), strict=True):
        result = assess(case)
        exp = labelled.expect
        top3 = [c.id for c in result.causes[:3]]
        level = result.triage.level
        needed = walk_interview(case).steps if interview else None
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
            statistics.median(q for q in needed_counts if q is not None)
            if interview else None
        ),
        from_text=from_text,
        results=results,
    )
