"""Logging in and out, coach sign-up, and the account page with API tokens."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from crampcoach.errors import InputError
from crampcoach.web import accounts
from crampcoach.web.auth import RowId, Viewer, page_viewer, require_account
from crampcoach.web.context import web_context
from crampcoach.web.cookies import clear_session, write_session
from crampcoach.web.forms import read_form, single_fields
from crampcoach.web.templating import render

router = APIRouter()


def _accounts_on(request: Request) -> None:
    if not web_context(request).settings.multi_user:
        raise HTTPException(status_code=404, detail="Not found")


def _safe_next(target: str | None) -> str:
    """Only paths on this site: never `//elsewhere` or a full URL (open redirect)."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


@router.get("/login", response_class=HTMLResponse, dependencies=[Depends(_accounts_on)])
def login_form(request: Request, next: str | None = None) -> Response:
    if page_viewer(request) is not None:
        return RedirectResponse(_safe_next(next), status_code=303)
    return render(request, "login.html", {"next": _safe_next(next), "error": None,
                                          "username": ""})


@router.post("/login", dependencies=[Depends(_accounts_on)])
async def login(request: Request) -> Response:
    values = single_fields(await read_form(request), ("username", "password", "next"))
    username = values.get("username", "")
    with web_context(request).writing() as session:
        account = accounts.authenticate(session, username, values.get("password", ""))
        found = None if account is None else (account.id, account.epoch)
    if found is None:
        return render(request, "login.html", {
            "next": _safe_next(values.get("next")), "username": username,
            "error": "That username and password do not match an account.",
        }, status_code=401)
    response = RedirectResponse(_safe_next(values.get("next")), status_code=303)
    write_session(response, request, web_context(request).signer, *found)
    return response


@router.post("/logout", dependencies=[Depends(_accounts_on)])
async def logout(request: Request) -> Response:
    await read_form(request)
    response = RedirectResponse("/login", status_code=303)
    clear_session(response)
    return response


@router.get("/signup", response_class=HTMLResponse, dependencies=[Depends(_accounts_on)])
def signup_form(request: Request) -> HTMLResponse:
    return render(request, "signup.html", {"error": None, "username": ""})


@router.post("/signup", dependencies=[Depends(_accounts_on)])
async def signup(request: Request) -> Response:
    values = single_fields(await read_form(request), ("username", "password"))
    try:
        credentials = accounts.checked(accounts.Credentials, dict(values))
        with web_context(request).writing() as session:
            account = accounts.create_coach(session, credentials)
            found = (account.id, account.epoch)
    except InputError as exc:
        return render(request, "signup.html", {
            "error": f"{exc.field}: {exc.message}", "username": values.get("username", ""),
        }, status_code=422)
    response = RedirectResponse("/clients", status_code=303)
    write_session(response, request, web_context(request).signer, *found)
    return response


def _account_page(request: Request, viewer: Viewer, new_token: str | None = None,
                  status_code: int = 200) -> HTMLResponse:
    with web_context(request).reading() as session:
        account = accounts.account_by_id(session, viewer.account_id or 0)
        tokens = accounts.tokens_of(session, account) if account else []
        listed = [(t.id, t.label, t.created_at) for t in tokens]
    return render(request, "account.html", {"tokens": listed, "new_token": new_token},
                  status_code=status_code)


@router.get("/account", response_class=HTMLResponse)
def account_page(request: Request, viewer: Viewer = Depends(require_account)) -> HTMLResponse:
    return _account_page(request, viewer)


@router.post("/account/tokens", response_class=HTMLResponse)
async def new_token(request: Request, viewer: Viewer = Depends(require_account)) -> HTMLResponse:
    values = single_fields(await read_form(request), ("label",))
    with web_context(request).writing() as session:
        account = accounts.account_by_id(session, viewer.account_id or 0)
        if account is None:
            raise HTTPException(status_code=404, detail="Not found")
        _, plain = accounts.issue_token(session, account, values.get("label", ""))
    return _account_page(request, viewer, new_token=plain, status_code=201)


@router.post("/account/tokens/{token_id}/revoke")
async def revoke_token(token_id: RowId, request: Request,
                       viewer: Viewer = Depends(require_account)) -> Response:
    await read_form(request)
    with web_context(request).writing() as session:
        account = accounts.account_by_id(session, viewer.account_id or 0)
        if account is None or not accounts.revoke_token(session, account, token_id):
            raise HTTPException(status_code=404, detail="Not found")
    return RedirectResponse("/account", status_code=303)


@router.post("/account/logout-everywhere")
async def logout_everywhere(request: Request,
                            viewer: Viewer = Depends(require_account)) -> Response:
    await read_form(request)
    with web_context(request).writing() as session:
        account = accounts.account_by_id(session, viewer.account_id or 0)
        if account is not None:
            accounts.log_out_everywhere(session, account)
    response = RedirectResponse("/login", status_code=303)
    clear_session(response)
    return response
