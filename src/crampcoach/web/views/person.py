"""A person's record: overview, saving an assessment or plan, the saved versions, export."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from crampcoach.case import parse_case
from crampcoach.errors import InputError
from crampcoach.plan.models import Plan
from crampcoach.reasoning import Assessment, assess
from crampcoach.store import transfer, versions
from crampcoach.store.people import PersonRef
from crampcoach.training.record import recorded_volume_for
from crampcoach.web import capabilities
from crampcoach.web.auth import (
    NotVisible,
    RowId,
    Viewer,
    own_person,
    person_for,
    require_viewer,
)
from crampcoach.web.capabilities import EXPORT_FORMATS
from crampcoach.web.context import WebContext, web_context
from crampcoach.web.forms import read_form, single_fields
from crampcoach.web.interview_state import UNDERSTOOD_PREFIX, InterviewForm, read_state
from crampcoach.web.templating import render
from crampcoach.web.views.plan import OPTION_FIELDS, plan_page, read_options
from crampcoach.web.views.results import STATE_FIELDS, results_page

router = APIRouter()

Page = Literal["log", "progress", "record"]


@router.get("/me/{page}")
def my_page(page: Page, request: Request, viewer: Viewer = Depends(require_viewer)) -> Response:
    """The viewer's own log or progress page; a coach picks a client first."""
    own = own_person(web_context(request), viewer)
    if own is None:
        return RedirectResponse("/clients", status_code=303)
    suffix = "" if page == "record" else f"/{page}"
    return RedirectResponse(f"/people/{own.id}{suffix}", status_code=303)


@router.get("/people/{person_id}", response_class=HTMLResponse)
def record(person_id: RowId, request: Request,
           viewer: Viewer = Depends(require_viewer)) -> HTMLResponse:
    ctx = web_context(request)
    with ctx.reading() as session:
        person = person_for(session, viewer, person_id)
        assessments = versions.assessments(session, person)
        plans = versions.plans(session, person)
    return render(request, "person.html", {
        "person": person,
        "assessments": [(a, Assessment.model_validate(a.result)) for a in reversed(assessments)],
        "plans": list(reversed(plans)),
    })


def state_of_case(document: dict[str, object]) -> InterviewForm:
    case = parse_case(document)
    return InterviewForm(answers=tuple(case.findings.items()), age=case.age, sex=case.sex,
                          days_since_last_cramp=case.days_since_last_cramp)


@router.post("/people/{person_id}/assessments")
def save_assessment(person_id: RowId, request: Request,
                    viewer: Viewer = Depends(require_viewer),
                    form: FormData = Depends(read_form)) -> Response:
    ctx = web_context(request)
    values = single_fields(form, STATE_FIELDS, repeatable=("answered",),
                           prefixes=(UNDERSTOOD_PREFIX,))
    case = read_state(form, values).case()
    result = assess(case)
    with ctx.writing() as session:
        person = person_for(session, viewer, person_id)
        stored = versions.add_assessment(session, person, case.model_dump(exclude_none=True),
                                         result.to_contract())
    return RedirectResponse(f"/people/{person.id}/assessments/{stored.version}", status_code=303)


@router.get("/people/{person_id}/assessments/{version}", response_class=HTMLResponse)
def saved_assessment(person_id: RowId, version: RowId, request: Request,
                     viewer: Viewer = Depends(require_viewer)) -> HTMLResponse:
    with web_context(request).reading() as session:
        person = person_for(session, viewer, person_id)
        found = [a for a in versions.assessments(session, person) if a.version == version]
    if not found:
        raise NotVisible()
    stored = found[0]
    return results_page(request, viewer, state_of_case(stored.case),
                        Assessment.model_validate(stored.result),
                        saved_version=stored.version, saved_for=person.name)


@router.post("/people/{person_id}/plans")
def save_plan(person_id: RowId, request: Request,
              viewer: Viewer = Depends(require_viewer),
              form: FormData = Depends(read_form)) -> Response:
    """Store the assessment and the plan made from it, together."""
    ctx = web_context(request)
    values = single_fields(form, (*STATE_FIELDS, *OPTION_FIELDS), repeatable=("answered",),
                           prefixes=(UNDERSTOOD_PREFIX,))
    state = read_state(form, {k: v for k, v in values.items() if k not in OPTION_FIELDS})
    case = state.case()
    result = assess(case)
    with ctx.reading() as session:
        recorded = recorded_volume_for(session, person_for(session, viewer, person_id))
    options = capabilities.with_recorded_volume(read_options(values), case, recorded)
    plan = capabilities.make_plan(case, result, options)
    with ctx.writing() as session:
        person = person_for(session, viewer, person_id)
        assessment = versions.add_assessment(session, person, case.model_dump(exclude_none=True),
                                             result.to_contract())
        stored = versions.add_plan(session, person, plan.to_contract(),
                                   reason="made on the plan page",
                                   assessment_version=assessment.version)
    return RedirectResponse(f"/people/{person.id}/plans/{stored.version}", status_code=303)


def _stored_plan(ctx: WebContext, viewer: Viewer, person_id: int,
                 version: int) -> tuple[PersonRef, Plan]:
    with ctx.reading() as session:
        person = person_for(session, viewer, person_id)
        stored = versions.plan(session, person, version)
    if stored is None:
        raise NotVisible()
    return person, Plan.model_validate(stored.document)


@router.get("/people/{person_id}/plans/{version}", response_class=HTMLResponse)
def saved_plan(person_id: RowId, version: RowId, request: Request,
               viewer: Viewer = Depends(require_viewer)) -> HTMLResponse:
    person, plan = _stored_plan(web_context(request), viewer, person_id, version)
    return plan_page(request, plan, saved_version=version, saved_for=person.name,
                     download_action=f"/people/{person.id}/plans/{version}/download",
                     log_url=f"/people/{person.id}/log")


@router.post("/people/{person_id}/plans/{version}/download")
def download_saved_plan(person_id: RowId, version: RowId, request: Request,
                        viewer: Viewer = Depends(require_viewer),
                        form: FormData = Depends(read_form)) -> Response:
    fmt = single_fields(form, ("format",)).get("format", "")
    if fmt not in EXPORT_FORMATS:
        raise InputError("format", f"must be one of {', '.join(EXPORT_FORMATS)}")
    _, plan = _stored_plan(web_context(request), viewer, person_id, version)
    exported = capabilities.export_plan(plan, fmt)
    return Response(exported.body, media_type=exported.media_type, headers=exported.headers)


@router.get("/people/{person_id}/export.json")
def export(person_id: RowId, request: Request,
           viewer: Viewer = Depends(require_viewer)) -> Response:
    with web_context(request).reading() as session:
        person = person_for(session, viewer, person_id)
        document = transfer.export_person(session, person)
    return Response(transfer.export_json(document), media_type="application/json", headers={
        "Content-Disposition": 'attachment; filename="crampcoach-export.json"'})
