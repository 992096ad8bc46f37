"""The interview: one question per screen, its help, yes / no / don't know, and back.

Each answer posts the whole state back (hidden fields); the next question, or the result
when the core says more questions would not change it, comes straight back.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse

from crampcoach.errors import InputError
from crampcoach.knowledge import load_knowledge
from crampcoach.reasoning import Assessment, assess
from crampcoach.web.auth import Viewer, require_viewer
from crampcoach.web.forms import read_form, single_fields
from crampcoach.web.interview_state import (
    ANSWER_OF,
    UNDERSTOOD_PREFIX,
    InterviewState,
    read_state,
)
from crampcoach.web.templating import render
from crampcoach.web.views.results import STATE_FIELDS, results_page

router = APIRouter()

LEADING_SHOWN = 3
ACTIONS = ("start", "answer", "back", "continue")


def question_page(request: Request, state: InterviewState,
                  assessment: Assessment) -> HTMLResponse:
    kb = load_knowledge()
    question = assessment.next_question
    assert question is not None
    answered = len(state.answers)
    unasked = sum(1 for f in kb.findings if f not in assessment.answers)
    return render(request, "interview.html", {
        "state": state,
        "question": question,
        "group_title": kb.groups[kb.findings[question.finding].group],
        "number": answered + 1,
        "answered": answered,
        "progress_max": answered + unasked,
        "leading": assessment.causes[:LEADING_SHOWN],
        "level": assessment.triage.level,
    })


def step(request: Request, viewer: Viewer, state: InterviewState) -> HTMLResponse:
    assessment = assess(state.case())
    if assessment.next_question is None:
        return results_page(request, viewer, state, assessment)
    return question_page(request, state, assessment)


@router.get("/interview", response_class=HTMLResponse)
def first_question(request: Request, viewer: Viewer = Depends(require_viewer)) -> HTMLResponse:
    return step(request, viewer, InterviewState())


@router.post("/interview", response_class=HTMLResponse)
def answer(request: Request, viewer: Viewer = Depends(require_viewer),
           form: FormData = Depends(read_form)) -> HTMLResponse:
    values = single_fields(form, STATE_FIELDS, repeatable=("answered",),
                           prefixes=(UNDERSTOOD_PREFIX,))
    state = read_state(form, values)
    action = values.get("action") or ("answer" if "answer" in values else "start")
    if action not in ACTIONS:
        raise InputError("action", f"must be one of {', '.join(ACTIONS)}")
    if action == "back":
        state = state.back()
    elif action == "answer":
        finding, word = values.get("finding", ""), values.get("answer", "")
        if word not in ANSWER_OF:
            raise InputError("answer", "must be yes, no or unknown")
        state = state.answered(finding, ANSWER_OF[word])
        state.case()  # refuses an unknown finding id
    return step(request, viewer, state)
