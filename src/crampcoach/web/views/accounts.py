"""Logging in and out, coach sign-up (off unless the settings open it), client invites,
and the account page with API tokens.

Handlers are plain functions: password hashing and the database run in the thread pool,
never on the event loop.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from crampcoach.errors import InputError
from crampcoach.store import accounts, throttle
from crampcoach.web.auth import RowId, Viewer, page_viewer, require_account
from crampcoach.web.context import web_context
from crampcoach.web.cookies import clear_session, session_id, write_session
from crampcoach.web.forms import read_form, single_fields
from crampcoach.web.templating import render

router = APIRouter()


def _accounts_on(request: Request) -> None:
    if not web_context(request).settings.multi_user:
        raise HTTPException(status_code=404, detail="Not found")


def _safe_next(target: str | None) -> str:
    """Only paths on this site: never `//elsewhere` or a full URL (open redirect)."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target \
            and target.isprintable():
        return target
    return "/"


def _address(request: Request) -> str:
    # Behind a proxy named in `forwarded_allow_ips` this is already the forwarded address.
    return request.client.host if request.client else "unknown"


def _wait_message(seconds: int) -> str:
    unit = "second" if seconds == 1 else "seconds"
    return f"Too many failed attempts. Please wait {seconds} {unit} and try again."


def _logged_in(request: Request, target: str, plain: str) -> Response:
    response = RedirectResponse(target, status_code=303)
    write_session(response, request, plain)
    return response


@router.get("/login", response_class=HTMLResponse, dependencies=[Depends(_accounts_on)])
def login_form(request: Request, next: str | None = None) -> Response:
    if page_viewer(request) is not None:
        return RedirectResponse(_safe_next(next), status_code=303)
    return render(request, "login.html", {"next": _safe_next(next), "error": None,
                                          "username": "",
                                          "signup": web_context(request).settings.signup})


@router.post("/login", dependencies=[Depends(_accounts_on)])
def login(request: Request, form: FormData = Depends(read_form)) -> Response:
    values = single_fields(form, ("username", "password", "next"))
    username = values.get("username", "")
    keys: dict[throttle.Scope, str] = {"account": username, "address": _address(request)}
    target = _safe_next(values.get("next"))
    page = {"next": target, "username": username, "signup": web_context(request).settings.signup}
    with web_context(request).writing() as session:
        wait = throttle.wait_seconds(session, keys)
        if wait:
            # Locked: the password is not even checked, so guessing gains nothing.
            response = render(request, "login.html", {**page, "error": _wait_message(wait)},
                              status_code=429)
            response.headers["Retry-After"] = str(wait)
            return response
        account = accounts.authenticate(session, username, values.get("password", ""))
        if account is None:
            throttle.record_failure(session, keys)
            plain = None
        else:
            throttle.record_success(session, keys)
            plain = accounts.start_session(session, account)
    if account is None or plain is None:
        return render(request, "login.html", {
            **page, "error": "That username and password do not match an account.",
        }, status_code=401)
    return _logged_in(request, target, plain)


@router.post("/logout", dependencies=[Depends(_accounts_on)])
def logout(request: Request, form: FormData = Depends(read_form)) -> Response:
    plain = session_id(request)
    if plain is not None:
        with web_context(request).writing() as session:
            accounts.end_session(session, plain)
    response = RedirectResponse("/login", status_code=303)
    clear_session(response)
    return response


def _signup_open(request: Request) -> None:
    _accounts_on(request)
    if not web_context(request).settings.signup:
        raise HTTPException(status_code=403, detail="Sign-up is closed here. Coaches get an "
                            "account from whoever runs this server; clients get an invite "
                            "link from their coach.")


def _too_many_signups(request: Request, template: str, extra: dict[str, object]
                      ) -> Response | None:
    """A 429 page when this address has made too many accounts lately; else count this one."""
    keys: dict[throttle.Scope, str] = {"signup": _address(request)}
    with web_context(request).writing() as session:
        wait = throttle.wait_seconds(session, keys)
        if not wait:
            throttle.record_failure(session, keys)
            return None
    response = render(request, template, {**extra, "error": _wait_message(wait)},
                      status_code=429)
    response.headers["Retry-After"] = str(wait)
    return response


@router.get("/signup", response_class=HTMLResponse, dependencies=[Depends(_signup_open)])
def signup_form(request: Request) -> HTMLResponse:
    return render(request, "signup.html", {"error": None, "username": ""})


@router.post("/signup", dependencies=[Depends(_signup_open)])
def signup(request: Request, form: FormData = Depends(read_form)) -> Response:
    values = single_fields(form, ("username", "password"))
    refused = _too_many_signups(request, "signup.html", {"username": values.get("username", "")})
    if refused is not None:
        return refused
    try:
        credentials = accounts.checked(accounts.Credentials, dict(values))
        with web_context(request).writing() as session:
            account = accounts.create_coach(session, credentials)
            plain = accounts.start_session(session, account)
    except InputError as exc:
        return render(request, "signup.html", {
            "error": f"{exc.field}: {exc.message}", "username": values.get("username", ""),
        }, status_code=422)
    return _logged_in(request, "/clients", plain)


# -- invites: a coach's one-time link for a new client ------------------------------------


def _invite_page(request: Request, token: str, error: str | None = None,
                 username: str = "", status_code: int = 200) -> HTMLResponse:
    with web_context(request).reading() as session:
        invite = accounts.open_invite(session, token)
        coach = accounts.account_by_id(session, invite.coach_id) if invite else None
        found = (invite.client_name, coach.username) if invite and coach else None
    if found is None:
        return render(request, "error.html", {
            "title": "This link does not work",
            "message": "It has been used already or has expired. Ask your coach for a new one.",
        }, status_code=404)
    return render(request, "invite.html", {"token": token, "name": found[0], "coach": found[1],
                                           "error": error, "username": username},
                  status_code=status_code)


@router.get("/invite/{token}", response_class=HTMLResponse, dependencies=[Depends(_accounts_on)])
def invite_form(token: str, request: Request) -> HTMLResponse:
    return _invite_page(request, token)


@router.post("/invite/{token}", dependencies=[Depends(_accounts_on)])
def accept_invite(token: str, request: Request, form: FormData = Depends(read_form)) -> Response:
    values = single_fields(form, ("username", "password"))
    username = values.get("username", "")
    refused = _too_many_signups(request, "invite.html", {
        "token": token, "name": "", "coach": "", "username": username})
    if refused is not None:
        return refused
    try:
        with web_context(request).writing() as session:
            account = accounts.accept_invite(session, token, username, values.get("password", ""))
            plain = accounts.start_session(session, account)
    except InputError as exc:
        return _invite_page(request, token, f"{exc.field}: {exc.message}", username,
                            status_code=422)
    return _logged_in(request, "/", plain)


# -- the account page ---------------------------------------------------------------------


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
def new_token(request: Request, viewer: Viewer = Depends(require_account),
              form: FormData = Depends(read_form)) -> HTMLResponse:
    values = single_fields(form, ("label",))
    with web_context(request).writing() as session:
        account = accounts.account_by_id(session, viewer.account_id or 0)
        if account is None:
            raise HTTPException(status_code=404, detail="Not found")
        _, plain = accounts.issue_token(session, account, values.get("label", ""))
    return _account_page(request, viewer, new_token=plain, status_code=201)


@router.post("/account/tokens/{token_id}/revoke")
def revoke_token(token_id: RowId, request: Request, viewer: Viewer = Depends(require_account),
                 form: FormData = Depends(read_form)) -> Response:
    with web_context(request).writing() as session:
        account = accounts.account_by_id(session, viewer.account_id or 0)
        if account is None or not accounts.revoke_token(session, account, token_id):
            raise HTTPException(status_code=404, detail="Not found")
    return RedirectResponse("/account", status_code=303)


@router.post("/account/logout-everywhere")
def logout_everywhere(request: Request, viewer: Viewer = Depends(require_account),
                      form: FormData = Depends(read_form)) -> Response:
    """End every session of the account, on every device, and revoke its API tokens."""
    with web_context(request).writing() as session:
        account = accounts.account_by_id(session, viewer.account_id or 0)
        if account is not None:
            accounts.log_out_everywhere(session, account)
    response = RedirectResponse("/login", status_code=303)
    clear_session(response)
    return response
