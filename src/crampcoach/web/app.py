"""The FastAPI application: pages, the /api/v1 JSON API, static files and error pages.

`create_app()` reads the settings table; tests and the server pass `ServerSettings`.
The app keeps no state between requests apart from the database, so any number of
workers (or machines) can serve one database.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import DBAPIError
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from crampcoach import __version__
from crampcoach.errors import InputError
from crampcoach.store.accounts import prepare_logins
from crampcoach.store.faults import storage_fault
from crampcoach.web import api
from crampcoach.web.auth import LoginRequired
from crampcoach.web.config import ServerSettings, signing_key
from crampcoach.web.context import WebContext
from crampcoach.web.cookies import Signer
from crampcoach.web.forms import CsrfRejected
from crampcoach.web.headers import SecurityHeaders
from crampcoach.web.templating import TEMPLATES_DIR, make_templates, render
from crampcoach.web.views import (
    accounts,
    clients,
    describe,
    home,
    interview,
    log,
    person,
    plan,
    progress,
    results,
    training,
)

STATIC_DIR = TEMPLATES_DIR.parent / "static"
STORAGE_LOG = logging.getLogger("crampcoach.storage")
PAGE_ROUTERS = (home, interview, describe, results, plan, person, log, progress, accounts,
                clients, training)


def create_app(settings: ServerSettings | None = None) -> FastAPI:
    settings = settings or ServerSettings.from_environment()
    app = FastAPI(
        title="crampcoach API",
        version=__version__,
        description="Why hamstrings cramp, how urgent it is, and a plan that fixes the "
                    "cause. Every response carries the disclaimer; this is not medical advice.",
        openapi_url=None,
        docs_url=None,
        redoc_url=None,
    )
    key = signing_key(settings.secret_key, settings.data_dir)
    app.state.web = WebContext(settings=settings, signer=Signer(key),
                               templates=make_templates())
    app.include_router(api.router)
    for module in PAGE_ROUTERS:
        app.include_router(module.router, include_in_schema=False)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    api.mount_schema(app)
    _add_error_handlers(app)
    if settings.multi_user:
        prepare_logins()
    else:
        # No login in single-user mode: refuse requests addressed to another host name,
        # so a web page elsewhere cannot reach this server by DNS rebinding.
        app.add_middleware(LoopbackHostOnly)
    if settings.forwarded_allow_ips:
        from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

        # Only the named proxies may say the client's address and that it came over HTTPS
        # (which makes the cookies Secure); anyone else's X-Forwarded-* is ignored.
        app.add_middleware(ProxyHeadersMiddleware,
                           trusted_hosts=list(settings.forwarded_allow_ips))
    app.add_middleware(SecurityHeaders, routes=app.router.routes)  # outermost: every response
    return app


def _is_api(request: Request) -> bool:
    return request.url.path.startswith(api.PREFIX)


# Results, confirmations and plans are worked out from the answers a form sends; the
# answers are never put in the address (it ends up in histories and logs).
FORM_PAGE_BY_ADDRESS = (
    "It shows what was worked out from answers sent with a form, and those answers are not "
    "kept in its address, so a bookmark, a reload or a shared link cannot show it again. "
    "Start again from the first page; results you saved are on your own page."
)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(InputError)
    async def input_error(request: Request, exc: InputError) -> Response:
        if _is_api(request):
            return api.problem(422, [(exc.field, exc.message)])
        return render(request, "error.html", {
            "title": "Something in the form was not right",
            "message": f"{exc.field}: {exc.message}" if exc.field else exc.message,
        }, status_code=422)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        if _is_api(request):
            return api.problem(422, api.fields_of(exc.errors()))
        # A page address with a malformed part (/people/abc) names nothing: not found.
        return render(request, "error.html", {
            "title": "Page not found",
            "message": "There is nothing here for you. Check the address, or go back.",
        }, status_code=404)

    @app.exception_handler(DBAPIError)
    async def storage_failed(request: Request, exc: DBAPIError) -> Response:
        # Locked, read-only, full or unreachable: the operator's log says which; the
        # visitor gets a plain 503 without server details.
        STORAGE_LOG.error("storage fault on %s %s: %s", request.method, request.url.path,
                          storage_fault(exc))
        message = "The database is not available right now; please try again shortly."
        if _is_api(request):
            return JSONResponse({"detail": message}, status_code=503,
                                headers={"Retry-After": "5"})
        return render(request, "error.html", {"title": "Please try again shortly",
                                               "message": message}, status_code=503)

    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, exc: LoginRequired) -> Response:
        target = request.url.path if request.method == "GET" else "/"
        return RedirectResponse(f"/login?next={target}", status_code=303)

    @app.exception_handler(CsrfRejected)
    async def csrf_rejected(request: Request, exc: CsrfRejected) -> Response:
        return render(request, "error.html", {
            "title": "This form has expired",
            "message": "Please go back, reload the page and try again.",
        }, status_code=403)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if _is_api(request) and exc.status_code == 400:
            # FastAPI's "error parsing the body" (not UTF-8, say) is bad input like any other.
            return api.problem(422, [("body", "is not a readable JSON document")])
        if _is_api(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code,
                                headers=exc.headers)
        if exc.status_code == 405 and request.method in ("GET", "HEAD"):
            # A bookmark, a reload or a pasted link to a page that answers a form: say why
            # it is empty and where to go, not "Method Not Allowed".
            response = render(request, "error.html", {
                "title": "This page answers a form",
                "message": FORM_PAGE_BY_ADDRESS,
            }, status_code=405)
            response.headers.update(exc.headers or {})
            return response
        titles = {404: "Page not found", 405: "Not allowed here", 401: "Please log in",
                  403: "Not open here", 429: "Too many attempts"}
        return render(request, "error.html", {
            "title": titles.get(exc.status_code, "Something went wrong"),
            "message": "There is nothing here for you. Check the address, or go back."
            if exc.status_code == 404 else str(exc.detail),
        }, status_code=exc.status_code)


ALLOWED_HOSTS = frozenset({"localhost", "127.0.0.1", "[::1]", "::1"})


class LoopbackHostOnly:
    """A plain ASGI guard (cheap): only Host headers naming this machine's loopback."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not _loopback_host(scope):
            response = JSONResponse({"detail": "this server answers on localhost only"},
                                    status_code=421)
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


def _loopback_host(scope: Scope) -> bool:
    for key, value in scope.get("headers", []):
        if key == b"host":
            host = value.decode("latin-1").lower()
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            return name in ALLOWED_HOSTS
    return True  # HTTP/1.0 without a Host header: nothing to rebind
