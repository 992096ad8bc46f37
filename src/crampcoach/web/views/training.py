"""The training page: upload watch and app exports, see what the record shows."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Depends
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from crampcoach.knowledge import load_knowledge
from crampcoach.store import activities
from crampcoach.training.importing import read_exports, store_activities
from crampcoach.training.knowledge import load_training_knowledge
from crampcoach.training.record import observed_for, recent_weekly_volumes
from crampcoach.web.auth import RowId, Viewer, person_for, require_viewer
from crampcoach.web.context import web_context
from crampcoach.web.cookies import CSRF_FIELD, csrf_ok
from crampcoach.web.forms import CsrfRejected
from crampcoach.web.templating import render
from crampcoach.web.training_uploads import exports_from_form

router = APIRouter()

RECENT = 12
WEEKS_SHOWN = 4


@router.get("/people/{person_id}/training", response_class=HTMLResponse)
def training_page(person_id: RowId, request: Request, added: int | None = None,
                  skipped: int | None = None,
                  viewer: Viewer = Depends(require_viewer)) -> HTMLResponse:
    today = dt.date.today()
    with web_context(request).reading() as session:
        person = person_for(session, viewer, person_id)
        recent = activities.activities_between(session, person)[-RECENT:]
        observed = observed_for(session, person, today)
        volumes = recent_weekly_volumes(session, person, today, WEEKS_SHOWN)
    k = load_training_knowledge()
    message = None
    if added is not None:
        message = f"Stored {added} new activities" + (
            f"; {skipped} were already stored." if skipped else ".")
    return render(request, "training.html", {
        "person": person,
        "recent": list(reversed(recent)),
        "observed": observed,
        "volumes": [v for v in volumes if v.sessions],
        "sport_name": k.sport_name,
        "findings": {fid: f.question for fid, f in load_knowledge().findings.items()},
        "message": message,
    })


@router.post("/people/{person_id}/training")
async def upload(person_id: RowId, request: Request,
                 viewer: Viewer = Depends(require_viewer)) -> Response:
    ctx = web_context(request)
    with ctx.reading() as session:
        person_for(session, viewer, person_id)
    exports, fields = await exports_from_form(request, extra_fields=(CSRF_FIELD,))
    if not csrf_ok(request, ctx.signer, fields.get(CSRF_FIELD)):
        raise CsrfRejected()

    def store() -> tuple[int, int]:
        records = read_exports(exports)
        with ctx.writing() as session:
            report = store_activities(session, person_for(session, viewer, person_id), records,
                                      len(exports))
        return report.added, report.already_there

    added, skipped = await run_in_threadpool(store)
    return RedirectResponse(f"/people/{person_id}/training?added={added}&skipped={skipped}",
                            status_code=303)
