"""The plan page: the weekly table, each exercise with dose and cues, and the downloads."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Depends
from pydantic import ValidationError
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from crampcoach.case import TrainingVolume
from crampcoach.errors import InputError, from_validation_error
from crampcoach.export.handout import handout, idle_week_words
from crampcoach.plan import Plan, PlanOptions
from crampcoach.reading import parse_day
from crampcoach.reasoning import assess
from crampcoach.web import capabilities
from crampcoach.web.auth import Viewer, require_viewer
from crampcoach.web.capabilities import EXPORT_FORMATS, ExportFormat
from crampcoach.web.forms import optional_int, read_form, single_fields
from crampcoach.web.interview_state import UNDERSTOOD_PREFIX, InterviewForm, read_state
from crampcoach.web.templating import render
from crampcoach.web.views.results import STATE_FIELDS, save_targets

router = APIRouter()

VOLUME_FIELDS = ("volume_current", "volume_unit", "volume_tolerated", "volume_target")
OPTION_FIELDS = ("weeks", "start", "sessions_per_week", *VOLUME_FIELDS)
VOLUME_UNITS = ("km", "minutes", "sessions", "sets")
DOWNLOADS: tuple[tuple[ExportFormat, str], ...] = (
    ("pdf", "Printable PDF"), ("ics", "Calendar (.ics)"), ("fhir", "FHIR care plan (JSON)"),
    ("json", "Plan data (JSON)"),
)


def _optional_amount(values: dict[str, str], name: str) -> float | None:
    raw = values.get(name, "").strip()
    if not raw:
        return None
    try:
        return float(raw)
    except ValueError:
        raise InputError(name, f"must be a number, got {raw!r}") from None


def read_volume(values: dict[str, str]) -> TrainingVolume | None:
    """The weekly training volume the page asks for; empty when the current week is not given."""
    current = _optional_amount(values, "volume_current")
    if current is None:
        return None
    try:
        return TrainingVolume.model_validate({
            "current": current, "unit": values.get("volume_unit") or "km",
            "tolerated": _optional_amount(values, "volume_tolerated"),
            "target": _optional_amount(values, "volume_target")})
    except ValidationError as exc:
        raise from_validation_error(exc, prefix="volume") from None


def read_options(values: dict[str, str]) -> PlanOptions:
    raw_start = values.get("start", "").strip()
    # A plan on the page starts today unless told otherwise, so its days have dates.
    start = parse_day(raw_start, "start", words=False) if raw_start else dt.date.today()
    weeks = optional_int(values, "weeks")
    fields: dict[str, Any] = {"start": start,
                              "sessions_per_week": optional_int(values, "sessions_per_week")}
    if weeks is not None:
        fields["weeks"] = weeks
    volume = read_volume(values)
    if volume is not None:
        fields["training_volume"] = volume
    try:
        return PlanOptions(**fields)
    except ValidationError as exc:
        raise from_validation_error(exc) from None


def _posted(form: FormData, extra: tuple[str, ...] = ()
            ) -> tuple[FormData, InterviewForm, PlanOptions, dict[str, str]]:
    values = single_fields(form, (*STATE_FIELDS, *OPTION_FIELDS, *extra),
                           repeatable=("answered",), prefixes=(UNDERSTOOD_PREFIX,))
    state = read_state(form, {k: v for k, v in values.items() if k not in OPTION_FIELDS})
    return form, state, read_options(values), values


def plan_for(state: InterviewForm, options: PlanOptions) -> Plan:
    case = state.case()
    return capabilities.make_plan(case, assess(case), options)


def plan_page(request: Request, plan: Plan, **extra: Any) -> HTMLResponse:
    sheet = handout(plan)
    context: dict[str, Any] = {
        "plan": plan, "sheet": sheet, "downloads": DOWNLOADS, "state": None, "options": None,
        "figures": capabilities.figure_svgs([card.id for card in sheet.cards]),
        "save_targets": [], "saved_version": None, "saved_for": None,
        "download_action": "/plan/download", "log_url": None,
        "idle_week": idle_week_words(plan), "volume_units": VOLUME_UNITS,
    }
    context.update(extra)
    return render(request, "plan.html", context)


@router.post("/plan", response_class=HTMLResponse)
def show_plan(request: Request, viewer: Viewer = Depends(require_viewer),
              form: FormData = Depends(read_form)) -> HTMLResponse:
    _, state, options, _ = _posted(form)
    return plan_page(request, plan_for(state, options), state=state, options=options,
                     save_targets=save_targets(request, viewer))


@router.post("/plan/download")
def download_plan(request: Request, viewer: Viewer = Depends(require_viewer),
                  form: FormData = Depends(read_form)) -> Response:
    _, state, options, values = _posted(form, extra=("format",))
    fmt = values.get("format", "")
    if fmt not in EXPORT_FORMATS:
        raise InputError("format", f"must be one of {', '.join(EXPORT_FORMATS)}")
    # A plain (not async) handler: building and rendering a PDF run in a worker thread.
    plan = plan_for(state, options)
    exported = capabilities.export_plan(plan, fmt)
    return Response(exported.body, media_type=exported.media_type, headers=exported.headers)
