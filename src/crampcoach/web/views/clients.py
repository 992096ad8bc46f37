"""A coach's clients: the list, adding a client with a first password, and invite links."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from crampcoach.errors import InputError
from crampcoach.store import accounts
from crampcoach.web.auth import Viewer, require_coach, visible_people
from crampcoach.web.context import web_context
from crampcoach.web.forms import read_form, single_fields
from crampcoach.web.templating import render

router = APIRouter()


def _page(request: Request, viewer: Viewer, error: str | None = None,
          entered: dict[str, str] | None = None, status_code: int = 200,
          **invite: object) -> HTMLResponse:
    ctx = web_context(request)
    clients = visible_people(ctx, viewer)
    with ctx.reading() as session:
        coach = accounts.account_by_id(session, viewer.account_id or 0)
        logins = {a.person_id: a.username
                  for a in (accounts.client_accounts(session, coach) if coach else [])}
    return render(request, "clients.html", {
        "clients": [(person, logins.get(person.id)) for person in clients],
        "error": error, "entered": entered or {}, "invite_link": None, "invited": None,
        "invite_error": None, "invite_days": accounts.INVITE_DAYS, **invite,
    }, status_code=status_code)


@router.get("/clients", response_class=HTMLResponse)
def clients_page(request: Request, viewer: Viewer = Depends(require_coach)) -> HTMLResponse:
    return _page(request, viewer)


@router.post("/clients")
def add_client(request: Request, viewer: Viewer = Depends(require_coach),
               form: FormData = Depends(read_form)) -> Response:
    values = single_fields(form, ("name", "username", "password"))
    try:
        client = accounts.checked(accounts.NewClient, dict(values))
        with web_context(request).writing() as session:
            coach = accounts.account_by_id(session, viewer.account_id or 0)
            if coach is None:
                raise InputError("coach", "this account no longer exists")
            accounts.create_client(session, coach, client)
    except InputError as exc:
        entered = {k: v for k, v in values.items() if k != "password"}
        return _page(request, viewer, f"{exc.field}: {exc.message}", entered, status_code=422)
    return RedirectResponse("/clients", status_code=303)


@router.post("/clients/invite", response_class=HTMLResponse)
def invite_client(request: Request, viewer: Viewer = Depends(require_coach),
                  form: FormData = Depends(read_form)) -> HTMLResponse:
    values = single_fields(form, ("name",))
    try:
        with web_context(request).writing() as session:
            coach = accounts.account_by_id(session, viewer.account_id or 0)
            if coach is None:
                raise InputError("coach", "this account no longer exists")
            plain = accounts.invite_client(session, coach, values.get("name", ""))
    except InputError as exc:
        return _page(request, viewer, status_code=422, invite_error=f"{exc.field}: {exc.message}")
    link = str(request.url_for("invite_form", token=plain))
    return _page(request, viewer, status_code=201, invite_link=link,
                 invited=values.get("name", "").strip())
