"""The progress page: cramps per week, the ladder step, where the work was felt, load and
escalation, as the tracking core sums them up; the same chart as `crampcoach progress`."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from crampcoach.plan import load_plan_knowledge
from crampcoach.progress.charts import ChartSize, chart_image
from crampcoach.progress.reading import progress_for
from crampcoach.store import log
from crampcoach.web.auth import RowId, Viewer, person_for, require_viewer
from crampcoach.web.context import web_context
from crampcoach.web.templating import render

router = APIRouter()

RECENT_CRAMPS = 10
SHOWN_WEEKS = 26


@router.get("/people/{person_id}/progress", response_class=HTMLResponse)
def progress_page(person_id: RowId, request: Request,
                  viewer: Viewer = Depends(require_viewer)) -> HTMLResponse:
    with web_context(request).reading() as session:
        person = person_for(session, viewer, person_id)
        summary = progress_for(session, person)
        cramps = log.cramps_between(session, person)[-RECENT_CRAMPS:]
    return render(request, "progress.html", {
        "person": person,
        "summary": summary,
        "weeks": list(reversed(summary.weeks[-SHOWN_WEEKS:])),
        "cramps": list(reversed(cramps)),
        "exercise_names": {e.id: e.name for e in load_plan_knowledge().exercises.values()},
    })


@router.get("/people/{person_id}/progress.svg")
def progress_chart(person_id: RowId, request: Request, size: ChartSize = "wide",
                   viewer: Viewer = Depends(require_viewer)) -> Response:
    with web_context(request).reading() as session:
        summary = progress_for(session, person_for(session, viewer, person_id))
    own = viewer.role != "coach"  # a coach reads a client's chart under the client's name
    return Response(chart_image(summary, "svg", size, own=own), media_type="image/svg+xml",
                    headers={"Cache-Control": "private, no-store"})
