"""Describe it in your own words: what was read from the text, shown for confirmation."""

from __future__ import annotations

from dataclasses import replace

from fastapi import APIRouter, Depends
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse

from crampcoach.case import parse_case
from crampcoach.errors import InputError
from crampcoach.intake.profile import ABOUT, complete_case
from crampcoach.reasoning import assess
from crampcoach.reasoning.assessment import Understood
from crampcoach.web.auth import Viewer, require_viewer
from crampcoach.web.context import web_context
from crampcoach.web.forms import read_form, single_fields
from crampcoach.web.interview_state import read_state
from crampcoach.web.templating import render
from crampcoach.web.views.interview import step

router = APIRouter()


def _first_per_finding(spans: list[Understood]) -> list[Understood]:
    seen: set[str] = set()
    kept = []
    for span in spans:
        if span.finding not in seen:
            seen.add(span.finding)
            kept.append(span)
    return kept


@router.post("/describe", response_class=HTMLResponse)
def describe(request: Request, viewer: Viewer = Depends(require_viewer),
             form: FormData = Depends(read_form)) -> HTMLResponse:
    values = single_fields(form, ("text", "age", "sex", "days_since_last_cramp", "action"))
    state = read_state(form, {k: v for k, v in values.items() if k not in ("text", "action")})
    if values.get("action") == "start":  # the home page's other button: questions only
        return step(request, viewer, state)
    text = values.get("text", "").strip()
    if not text:
        raise InputError("text", "the description is empty")
    case = parse_case({**state.case().model_dump(exclude_none=True), "text": text})
    # Age, sex and days since the last cramp from the words fill what the form left empty.
    case, about = complete_case(case)
    state = replace(state, **{n: getattr(case, n) for n in ABOUT})
    use_model = web_context(request).settings.text_model
    spans = assess(case, use_text_model=use_model).understood_spans or []
    return render(request, "confirm.html", {
        "text": text, "spans": _first_per_finding(spans), "state": state, "about": about,
    })
