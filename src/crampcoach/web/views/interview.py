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
from crampcoach.reading import parse_answer
from crampcoach.reasoning import Assessment, assess
from crampcoach.store import versions
from crampcoach.web.auth import Viewer, person_for, require_viewer
from crampcoach.web.context import web_context
from crampcoach.web.forms import read_form, repeated, single_fields
from crampcoach.web.interview_state import (
    UNDERSTOOD_PREFIX,
    InterviewForm,
    read_state,
)
from crampcoach.web.templating import render
from crampcoach.web.views.results import STATE_FIELDS, results_page, save_targets

router = APIRouter()

LEADING_SHOWN = 3
ACTIONS = ("start", "answer", "back", "continue")
# The buttons of a checklist step: the ticks as they stand, or none of them.
CHECKLIST_ANSWERS = ("checklist", "none")


def question_page(request: Request, state: InterviewForm,
                  assessment: Assessment) -> HTMLResponse:
    kb = load_knowledge()
    question = assessment.next_question
    assert question is not None
    steps = len(state.steps)
    group = kb.findings[question.finding].group
    heading = ("Do any of these apply to you now?" if question.screening
               else f"{kb.groups[group]}: which of these apply to you?")
    return render(request, "interview.html", {
        "state": state,
        "question": question,
        "heading": heading,
        "group_title": "Warning signs" if question.screening and question.also else kb.groups[group],
        "number": steps + 1,
        "answered": steps,
        "described": state.from_description,
        "leading": assessment.shown_causes(LEADING_SHOWN),
        "nothing_fits": assessment.unexplained is not None and assessment.unexplained.leading,
        "level": assessment.triage.level,
    })


def keep_result(request: Request, viewer: Viewer, state: InterviewForm,
                assessment: Assessment) -> tuple[str, int] | None:
    """Keep a finished interview in the person's own log; (whose, version), or None.

    A coach chooses whom it is for on the result page, so nothing is kept for them here.
    Posting the same final answers again (a reload) keeps no second copy. A result the
    description alone settled (an urgent one, often) is kept too.
    """
    targets = save_targets(request, viewer)
    case_now = state.case()
    if (viewer.role == "coach" or len(targets) != 1
            or not (state.steps or case_now.text or case_now.findings)):
        return None
    case = state.case().model_dump(exclude_none=True)
    with web_context(request).writing() as session:
        person = person_for(session, viewer, targets[0].id)
        latest = versions.latest_assessment(session, person)
        if latest is not None and latest.case == case:
            return person.name, latest.version
        stored = versions.add_assessment(session, person, case, assessment.to_contract())
        return person.name, stored.version


def step(request: Request, viewer: Viewer, state: InterviewForm) -> HTMLResponse:
    assessment = assess(state.case())
    if assessment.next_question is None:
        kept = keep_result(request, viewer, state, assessment)
        if kept is None:
            return results_page(request, viewer, state, assessment)
        return results_page(request, viewer, state, assessment,
                            saved_for=kept[0], saved_version=kept[1])
    return question_page(request, state, assessment)


def answer_checklist(state: InterviewForm, values: dict[str, str], ticked: list[str],
                     unsure: list[str]) -> InterviewForm:
    """One checklist step: ticked = yes, "not sure" = don't know, the rest no."""
    question = assess(state.case()).next_question
    if question is None or values.get("finding") != question.finding:
        raise InputError("finding", "this list of questions has changed; go back and answer it again")
    items = [question.finding, *question.also]
    for field, chosen in (("tick", ticked), ("unsure", unsure)):
        stray = [f for f in chosen if f not in items]
        if stray:
            raise InputError(field, f"'{stray[0][:60]}' is not on this list")
    # A tick wins over "not sure": a warning sign someone ticked is taken as present.
    return state.answered_step({f: True if f in ticked else None if f in unsure else False
                                for f in items})


@router.get("/interview", response_class=HTMLResponse)
def first_question(request: Request, viewer: Viewer = Depends(require_viewer)) -> HTMLResponse:
    return step(request, viewer, InterviewForm())


@router.post("/interview", response_class=HTMLResponse)
def answer(request: Request, viewer: Viewer = Depends(require_viewer),
           form: FormData = Depends(read_form)) -> HTMLResponse:
    values = single_fields(form, STATE_FIELDS, repeatable=("answered", "tick", "unsure"),
                           prefixes=(UNDERSTOOD_PREFIX,))
    state = read_state(form, values)
    action = values.get("action") or ("answer" if "answer" in values else "start")
    if action not in ACTIONS:
        raise InputError("action", f"must be one of {', '.join(ACTIONS)}")
    if action == "back":
        state = state.back()
    elif action == "answer":
        finding, word = values.get("finding", ""), values.get("answer", "")
        if word in CHECKLIST_ANSWERS:
            ticked = [] if word == "none" else repeated(form, "tick")
            state = answer_checklist(state, values, ticked, [] if word == "none" else repeated(form, "unsure"))
        else:
            state = state.answered(finding, parse_answer(word, "answer"))
            state.case()  # refuses an unknown finding id
    return step(request, viewer, state)
