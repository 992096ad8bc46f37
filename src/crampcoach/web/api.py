"""The JSON API, /api/v1: assessments and plans, and a person's stored records.

Request bodies are strict pydantic models (unknown keys refused). Every bad input gets a
422 whose `detail` names each bad field; the OpenAPI document is /api/v1/openapi.json.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    WithJsonSchema,
)
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from crampcoach import DISCLAIMER, __version__
from crampcoach.case import Case, TrainingVolume, check_finding_id, parse_case
from crampcoach.knowledge import load_knowledge
from crampcoach.limits import day_in_range
from crampcoach.plan import Plan, PlanOptions, exercise_names
from crampcoach.progress.reading import progress_for
from crampcoach.progress.summary import ProgressSummary
from crampcoach.reasoning import Assessment, assess
from crampcoach.store import activities, log, people, transfer, versions
from crampcoach.store.records import (
    CrampRecord,
    ExportDocument,
    SessionRecord,
    StoredActivity,
    StoredAssessment,
    StoredCramp,
    StoredPlan,
    StoredSession,
)
from crampcoach.training.files import ExportFile
from crampcoach.training.findings import ObservedFinding, with_observed
from crampcoach.training.importing import ImportReport, read_exports, store_activities
from crampcoach.training.record import observed_for, recorded_volume_for
from crampcoach.web import capabilities, training_uploads
from crampcoach.web.auth import (
    EntryUid,
    NotVisible,
    RowId,
    Viewer,
    api_viewer,
    person_for,
    visible_people,
)
from crampcoach.web.capabilities import MEDIA_TYPES, ExportFormat
from crampcoach.web.context import WebContext, web_context

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

PREFIX = "/api/v1"


def _written_day(value: object) -> object:
    """A day in a query is written YYYY-MM-DD: `0` or a timestamp is not read as 1970."""
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("must be a day written YYYY-MM-DD")
    return value


WrittenDay = Annotated[dt.date, BeforeValidator(_written_day), AfterValidator(day_in_range),
                       WithJsonSchema({"type": "string", "format": "date",
                                       "description": "A day from 1900-01-01 to 2200-12-31."})]


class FieldProblem(BaseModel):
    field: str
    message: str


class Problem(BaseModel):
    """A 422 answer: every bad field of the request, with what is wrong with it."""

    detail: list[FieldProblem]


class Message(BaseModel):
    detail: str


COMMON_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"model": Message, "description": "An API token is needed (accounts on)."},
    422: {"model": Problem, "description": "Bad input: each bad field, named."},
}
PERSON_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"model": Message, "description": "No such person, or not yours to see."},
}

router = APIRouter(prefix=PREFIX, tags=["crampcoach"], responses=COMMON_RESPONSES)


def problem(status: int, fields: Iterable[tuple[str, str]]) -> JSONResponse:
    body = Problem(detail=[FieldProblem(field=f or "body", message=m) for f, m in fields])
    return JSONResponse(body.model_dump(), status_code=status)


def fields_of(errors: Sequence[Any]) -> list[tuple[str, str]]:
    """pydantic / FastAPI error entries as (dotted field, message), without the 'body' part."""
    found = []
    for error in errors:
        loc = [str(part) for part in error.get("loc", ())]
        if loc and loc[0] in ("body", "query", "path", "header", "cookie"):
            loc = loc[1:]
        found.append((".".join(loc) or "body", str(error.get("msg", "is not valid"))))
    return found


# -- request models ----------------------------------------------------------------------


def _finding_names(schema: dict[str, Any]) -> None:
    findings = schema.get("properties", {}).get("findings")
    if isinstance(findings, dict):
        findings["propertyNames"] = {"enum": sorted(load_knowledge().findings)}


class CaseIn(Case):
    """A case document (CONTRACT input)."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, title="Case",
                              json_schema_extra=_finding_names)

    def checked(self) -> Case:
        """The case, once its finding ids are known ones: it was validated as it was read,
        with Case's own rules, so it is not built and validated a second time."""
        for finding in self.findings:
            check_finding_id(finding, f"findings.{finding}")
        return self


class PlanOptionsIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, title="PlanOptions")

    weeks: int = Field(default=8, ge=1, le=52)
    start: WrittenDay | None = Field(
        default=None, strict=False, description="First day of the plan (YYYY-MM-DD, 1900-2200).")
    sessions_per_week: int | None = Field(default=None, ge=1, le=7)
    training_volume: TrainingVolume | None = None

    def options(self) -> PlanOptions:
        return PlanOptions(**dict(self))


class PlanRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    case: CaseIn
    format: ExportFormat = Field(default="json",
                                 description="json, html, pdf, ics (calendar) or fhir.")
    options: PlanOptionsIn = Field(default_factory=PlanOptionsIn)


class NewPlanIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    options: PlanOptionsIn = Field(default_factory=PlanOptionsIn)
    reason: str | None = Field(default=None, min_length=1, max_length=500)


# -- response models ---------------------------------------------------------------------


class Pong(BaseModel):
    status: str
    version: str


class PersonOut(BaseModel):
    id: int
    name: str


class SavedAssessment(BaseModel):
    version: int
    uid: str
    created_at: dt.datetime
    assessment: Assessment
    observed: list[ObservedFinding] = Field(
        default_factory=list, description="Answers taken from the training record (from_record).")


class ActivitiesImported(BaseModel):
    report: ImportReport
    observed: list[ObservedFinding]
    disclaimer: str


R = TypeVar("R", bound=BaseModel)


def strict_body(model: type[R]) -> Callable[[Request], Awaitable[R]]:
    """The JSON body read strictly: a number is not a date, a string is not a number.

    The endpoint also names the model as its body, which documents it in the schema.
    """

    async def read(request: Request) -> R:
        try:
            return model.model_validate_json(await request.body(), strict=True)
        except ValidationError as exc:
            raise RequestValidationError(exc.errors(include_url=False)) from None
        except OverflowError:
            # A time at the edge of the calendar (year 1 with an offset) cannot be moved to
            # local time; it is bad input like any other.
            raise RequestValidationError([{"loc": ("body",), "msg": "a date or time is out "
                                           "of range", "type": "value_error"}]) from None

    return read


def _json(document: object, status: int = 200) -> JSONResponse:
    return JSONResponse(document, status_code=status)


# -- stateless core ----------------------------------------------------------------------


@router.get("/ping", response_model=Pong, summary="Is the server up (no database)")
async def ping() -> Pong:
    return Pong(status="ok", version=__version__)


# The busiest endpoint reads its body itself, straight from the JSON bytes in one pass,
# instead of FastAPI's decode-then-validate; the schema still documents it as a Case.
_read_case = strict_body(CaseIn)
CASE_BODY = {"requestBody": {"content": {
    "application/json": {"schema": {"$ref": "#/components/schemas/CaseIn"}}}, "required": True}}


@router.post("/assessments", summary="Assess a case (CONTRACT assessment)",
             responses={200: {"model": Assessment}}, response_model=None,
             openapi_extra=CASE_BODY)
async def create_assessment(request: Request, viewer: Viewer = Depends(api_viewer)) -> Response:
    case = await _read_case(request)
    # The same document as to_contract(), serialised by pydantic once per assessment; a case
    # seen recently is served from the core's cache of recent assessments.
    result = assess(case.checked(), use_text_model=web_context(request).settings.text_model)
    return Response(result.contract_json(), media_type="application/json")


PLAN_CONTENT = {
    media.split(";")[0]: {"schema": {"type": "object"} if "json" in media
                          else {"type": "string", "format": "binary"}}
    for fmt, media in MEDIA_TYPES.items() if fmt != "json"
}


@router.post("/plans", summary="Make a plan for a case, as json, html, pdf, ics or fhir",
             response_model=None,
             responses={200: {"model": Plan, "content": PLAN_CONTENT,
                              "description": "The plan in the requested format."}})
def create_plan(request: PlanRequest, viewer: Viewer = Depends(api_viewer)) -> Response:
    case = request.case.checked()
    options = request.options.options()
    if request.format == "ics" and options.start is None:
        # A calendar needs dates: start today, as `crampcoach plan --format ics` does.
        options = options.model_copy(update={"start": dt.date.today()})
    plan = capabilities.make_plan(case, assess(case), options)
    if request.format == "json":
        return _json(plan.to_contract())
    exported = capabilities.export_plan(plan, request.format)
    return Response(exported.body, media_type=exported.media_type, headers=exported.headers)


# -- a person's records ------------------------------------------------------------------


def _person(request: Request, viewer: Viewer, person_id: RowId) -> people.PersonRef:
    with web_context(request).reading() as session:
        return person_for(session, viewer, person_id)


@router.get("/people", response_model=list[PersonOut],
            summary="The people whose records you may read")
def list_people(request: Request, viewer: Viewer = Depends(api_viewer)) -> list[PersonOut]:
    return [PersonOut(id=p.id, name=p.name)
            for p in visible_people(web_context(request), viewer)]


@router.get("/people/{person_id}/assessments", response_model=list[StoredAssessment],
            responses=PERSON_RESPONSES, summary="Stored assessments, oldest first")
def person_assessments(person_id: RowId, request: Request,
                       viewer: Viewer = Depends(api_viewer)) -> list[StoredAssessment]:
    with web_context(request).reading() as session:
        return versions.assessments(session, person_for(session, viewer, person_id))


@router.post("/people/{person_id}/assessments", response_model=SavedAssessment,
             status_code=201, responses=PERSON_RESPONSES,
             summary="Assess a case and store it as the person's next version")
def save_assessment(person_id: RowId, case: CaseIn, request: Request, from_record: bool = False,
                    viewer: Viewer = Depends(api_viewer)) -> SavedAssessment:
    checked = case.checked()
    used: list[ObservedFinding] = []
    if from_record:  # the record answers what the case leaves open; the person's answers win
        with web_context(request).reading() as session:
            observed = observed_for(session, person_for(session, viewer, person_id))
        checked, used = with_observed(checked, observed)
    result = assess(checked, use_text_model=web_context(request).settings.text_model)
    with web_context(request).writing() as session:
        person = person_for(session, viewer, person_id)
        stored = versions.add_assessment(session, person, checked.model_dump(exclude_none=True),
                                         result.to_contract())
    return SavedAssessment(version=stored.version, uid=stored.uid,
                           created_at=stored.created_at, assessment=result, observed=used)


@router.get("/people/{person_id}/plans", response_model=list[StoredPlan],
            responses=PERSON_RESPONSES, summary="Stored plan versions, oldest first")
def person_plans(person_id: RowId, request: Request,
                 viewer: Viewer = Depends(api_viewer)) -> list[StoredPlan]:
    with web_context(request).reading() as session:
        return versions.plans(session, person_for(session, viewer, person_id))


@router.post("/people/{person_id}/plans", response_model=StoredPlan, status_code=201,
             responses={**PERSON_RESPONSES, 409: {"model": Message,
                                                  "description": "No assessment yet."}},
             summary="Make a plan from the latest stored assessment and store it")
def save_plan(person_id: RowId, body: NewPlanIn, request: Request,
              viewer: Viewer = Depends(api_viewer)) -> Response | StoredPlan:
    ctx = web_context(request)
    with ctx.reading() as session:
        person = person_for(session, viewer, person_id)
        latest = versions.latest_assessment(session, person)
        recorded = recorded_volume_for(session, person)
    if latest is None:
        return _json({"detail": "no stored assessment yet: POST one to "
                                f"{PREFIX}/people/{person.id}/assessments first"}, status=409)
    case = parse_case(latest.case)
    result = assess(case, use_text_model=ctx.settings.text_model)
    options = capabilities.with_recorded_volume(body.options.options(), case, recorded)
    plan = capabilities.make_plan(case, result, options)
    with ctx.writing() as session:
        return versions.add_plan(session, person, plan.to_contract(), reason=body.reason,
                                 assessment_version=latest.version)


@router.get("/people/{person_id}/sessions", response_model=list[StoredSession],
            responses=PERSON_RESPONSES, summary="Logged sessions between two days")
def person_sessions(person_id: RowId, request: Request, start: WrittenDay | None = None,
                    end: WrittenDay | None = None,
                    viewer: Viewer = Depends(api_viewer)) -> list[StoredSession]:
    with web_context(request).reading() as session:
        return log.sessions_between(session, person_for(session, viewer, person_id),
                                    start, end)


@router.post("/people/{person_id}/sessions", response_model=StoredSession, status_code=201,
             responses=PERSON_RESPONSES, summary="Log a session (idempotent by uid)")
def add_session(person_id: RowId, body: SessionRecord, request: Request,
                viewer: Viewer = Depends(api_viewer),
                record: SessionRecord = Depends(strict_body(SessionRecord))) -> StoredSession:
    with web_context(request).writing() as session:
        person = person_for(session, viewer, person_id)
        return log.add_session(session, person, record, exercise_id=exercise_names.resolve)


@router.get("/people/{person_id}/cramp-events", response_model=list[StoredCramp],
            responses=PERSON_RESPONSES, summary="Cramp events between two days")
def person_cramps(person_id: RowId, request: Request, start: WrittenDay | None = None,
                  end: WrittenDay | None = None,
                  viewer: Viewer = Depends(api_viewer)) -> list[StoredCramp]:
    with web_context(request).reading() as session:
        return log.cramps_between(session, person_for(session, viewer, person_id), start, end)


@router.post("/people/{person_id}/cramp-events", response_model=StoredCramp, status_code=201,
             responses=PERSON_RESPONSES, summary="Log a cramp (idempotent by uid)")
def add_cramp(person_id: RowId, body: CrampRecord, request: Request,
              viewer: Viewer = Depends(api_viewer),
              record: CrampRecord = Depends(strict_body(CrampRecord))) -> StoredCramp:
    with web_context(request).writing() as session:
        return log.add_cramp(session, person_for(session, viewer, person_id), record,
                             exercise_of=exercise_names.find)


ENTRY_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"model": Message, "description": "No such person or entry, or not yours to see."},
}


@router.delete("/people/{person_id}/sessions/{uid}", status_code=204, response_class=Response,
               responses=ENTRY_RESPONSES, summary="Remove a logged session")
def remove_session(person_id: RowId, uid: EntryUid, request: Request,
                   viewer: Viewer = Depends(api_viewer)) -> Response:
    return _removed(request, viewer, person_id, uid, log.remove_session)


@router.delete("/people/{person_id}/cramp-events/{uid}", status_code=204,
               response_class=Response, responses=ENTRY_RESPONSES,
               summary="Remove a logged cramp event")
def remove_cramp(person_id: RowId, uid: EntryUid, request: Request,
                 viewer: Viewer = Depends(api_viewer)) -> Response:
    return _removed(request, viewer, person_id, uid, log.remove_cramp)


def _removed(request: Request, viewer: Viewer, person_id: int, uid: str,
             remove: Callable[[Session, people.PersonRef, str], object]) -> Response:
    """204 once the entry is gone; 404 when it is not the person's (or never was)."""
    with web_context(request).writing() as session:
        if remove(session, person_for(session, viewer, person_id), uid) is None:
            raise NotVisible()
    return Response(status_code=204)


@router.get("/people/{person_id}/activities", response_model=list[StoredActivity],
            responses=PERSON_RESPONSES, summary="Imported activities between two days")
def person_activities(person_id: RowId, request: Request, start: WrittenDay | None = None,
                      end: WrittenDay | None = None,
                      viewer: Viewer = Depends(api_viewer)) -> list[StoredActivity]:
    with web_context(request).reading() as session:
        return activities.activities_between(session, person_for(session, viewer, person_id),
                                             start, end)


UPLOAD_BODY = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["files"],
    "properties": {"files": {"type": "array", "items": {"type": "string", "format": "binary"},
                             "description": "FIT, GPX, TCX or CSV files, or zips of them."}},
}}}}}


@router.post("/people/{person_id}/activities", response_model=ActivitiesImported,
             status_code=201, openapi_extra=UPLOAD_BODY,
             responses={**PERSON_RESPONSES, 413: {"model": Problem,
                                                  "description": "The upload is too large."}},
             summary="Import activity files; those already stored (same start and sport) are skipped")
async def import_activities(person_id: RowId, request: Request,
                            viewer: Viewer = Depends(api_viewer)) -> Response:
    ctx = web_context(request)
    with ctx.reading() as session:  # a person you may not see gets 404 before the upload is read
        person_for(session, viewer, person_id)
    try:
        exports, _ = await training_uploads.exports_from_form(request)
    except training_uploads.UploadTooLarge as exc:
        return problem(413, [(exc.field, exc.message)])
    imported = await run_in_threadpool(_import_exports, ctx, viewer, person_id, exports)
    return _json(imported.model_dump(mode="json"), status=201)


def _import_exports(ctx: WebContext, viewer: Viewer, person_id: int,
                    exports: list[ExportFile]) -> ActivitiesImported:
    records = read_exports(exports)
    with ctx.writing() as session:
        person = person_for(session, viewer, person_id)
        report = store_activities(session, person, records, len(exports))
    with ctx.reading() as session:
        observed = observed_for(session, person)
    return ActivitiesImported(report=report, observed=observed, disclaimer=DISCLAIMER)


@router.get("/people/{person_id}/progress", response_model=ProgressSummary,
            responses=PERSON_RESPONSES,
            summary="Cramps per week, the ladder step, where the work was felt, escalation")
def person_progress(person_id: RowId, request: Request, as_of: WrittenDay | None = None,
                    viewer: Viewer = Depends(api_viewer)) -> ProgressSummary:
    with web_context(request).reading() as session:
        return progress_for(session, person_for(session, viewer, person_id), as_of=as_of)


@router.get("/people/{person_id}/export", response_model=ExportDocument,
            responses=PERSON_RESPONSES, summary="Everything stored about the person")
def export_person(person_id: RowId, request: Request,
                  viewer: Viewer = Depends(api_viewer)) -> ExportDocument:
    with web_context(request).reading() as session:
        return transfer.export_person(session, person_for(session, viewer, person_id))


# -- the OpenAPI document of /api/v1 only ------------------------------------------------


def mount_schema(app: FastAPI) -> None:
    cached: dict[str, Any] = {}

    @app.get(f"{PREFIX}/openapi.json", include_in_schema=False)
    async def openapi() -> JSONResponse:
        if not cached:
            document = get_openapi(
                title=app.title, version=app.version, description=app.description,
                routes=app.routes,  # the pages are left out by include_in_schema=False
            )
            _wall_clock(document)
            cached.update(document)
        return JSONResponse(cached)


WALL_CLOCK = {
    "type": "string",
    "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$",
    "description": "Wall-clock time where the person was, without a UTC offset.",
}


def _wall_clock(document: dict[str, Any]) -> None:
    """A stored cramp's time comes back as the person's wall-clock time, with no offset,
    which is not an RFC 3339 "date-time"; say so in the schema of what is returned."""
    schemas = document.get("components", {}).get("schemas", {})
    for name, schema in schemas.items():
        if name.startswith("StoredCramp") and "occurred_at" in schema.get("properties", {}):
            schema["properties"]["occurred_at"] = {"title": "Occurred At", **WALL_CLOCK}
