"""The result page: triage first, then the causes with the answers behind them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Depends
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse

from crampcoach.knowledge import load_knowledge
from crampcoach.knowledge.schema import Cause
from crampcoach.reasoning import Assessment, assess
from crampcoach.store import people
from crampcoach.web.auth import Viewer, own_person, require_viewer, visible_people
from crampcoach.web.context import web_context
from crampcoach.web.forms import read_form, single_fields
from crampcoach.web.interview_state import UNDERSTOOD_PREFIX, InterviewForm, read_state
from crampcoach.web.templating import ANSWER_WORD, render

router = APIRouter()

STATE_FIELDS = ("age", "sex", "days_since_last_cramp", "finding", "answer", "action", "steps")


@dataclass(frozen=True)
class BecauseLine:
    question: str
    answer: bool
    weight: float


@dataclass(frozen=True)
class CauseView:
    result: Any
    cause: Cause
    because: list[BecauseLine]


@dataclass(frozen=True)
class ReasonView:
    says: str
    questions: list[str]


def results_context(assessment: Assessment) -> dict[str, Any]:
    kb = load_knowledge()
    causes = [
        CauseView(
            result=c,
            cause=kb.causes[c.id],
            because=[BecauseLine(kb.findings[b.finding].question, b.answer, b.weight)
                     for b in c.because],
        )
        for c in assessment.causes
    ]
    # Open: the causes a person can read as likely (warning-led ones and readable chances).
    shown_open = len(assessment.shown_causes(limit=len(assessment.causes)))
    reasons: dict[str, ReasonView] = {}
    for reason in assessment.triage.reasons:
        view = reasons.setdefault(reason.rule, ReasonView(reason.says, []))
        view.questions.append(kb.findings[reason.finding].question)
    answers = [(kb.findings[f].question, ANSWER_WORD[v]) for f, v in assessment.answers.items()]
    seeds = {s for c in assessment.causes for s in c.sources}
    seeds |= {s for d in assessment.disagreements for s in (*d.sources_for, *d.sources_against)}
    unexplained = assessment.unexplained
    return {
        "assessment": assessment,
        "causes": causes,
        "nothing_fits": unexplained if unexplained is not None and unexplained.leading else None,
        "shown_open": min(shown_open, len(causes)),
        "reasons": list(reasons.values()),
        "answers": answers,
        "seeds": sorted(seeds),
    }


def save_targets(request: Request, viewer: Viewer) -> list[people.PersonRef]:
    ctx = web_context(request)
    if viewer.role == "coach":
        return visible_people(ctx, viewer)
    own = own_person(ctx, viewer)
    return [own] if own else []


def results_page(request: Request, viewer: Viewer, state: InterviewForm | None,
                 assessment: Assessment, **extra: Any) -> HTMLResponse:
    context = results_context(assessment)
    context.update(state=state, save_targets=save_targets(request, viewer) if state else [],
                   saved_version=None, saved_for=None)
    context.update(extra)
    return render(request, "results.html", context)


@router.post("/results", response_class=HTMLResponse)
def results(request: Request, viewer: Viewer = Depends(require_viewer),
            form: FormData = Depends(read_form)) -> HTMLResponse:
    values = single_fields(form, STATE_FIELDS, repeatable=("answered",),
                           prefixes=(UNDERSTOOD_PREFIX,))
    state = read_state(form, values)
    return results_page(request, viewer, state, assess(state.case()))
