"""One ASGI middleware for what every response needs: security headers, and OPTIONS.

Pages, the API, errors and static files all pass through it, so no route can forget a
header. Everything but the static files is personal or generated per request, so it is
marked `no-store`: a shared computer's browser cache keeps no one's records or exports.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.responses import Response
from starlette.routing import BaseRoute, Match, Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Inline style attributes draw the probability bars; scripts only from our own files.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "cross-origin-opener-policy": "same-origin",
}
CACHEABLE_PREFIX = "/static/"


class SecurityHeaders:
    def __init__(self, app: ASGIApp, routes: list[BaseRoute]) -> None:
        self.app = app
        self.routes = routes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
                if not path.startswith(CACHEABLE_PREFIX):
                    headers["cache-control"] = "no-store"
            await send(message)

        if scope["method"] == "OPTIONS":
            await options_response(self.routes, scope)(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)


PROBED_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")


def allowed_methods(routes: list[BaseRoute], scope: Scope) -> set[str]:
    """The methods the routes at this path answer (empty: no such path).

    Each method is tried against the routing itself (a full match means it is served), so
    the answer cannot drift from the routes."""
    found: set[str] = set()
    for method in PROBED_METHODS:
        probe = {**scope, "method": method}
        for route in routes:
            match, _ = route.matches(probe)
            if match is Match.FULL:
                # A mount (the static files) matches any method but serves only reads.
                if not isinstance(route, Mount) or method in ("GET", "HEAD"):
                    found.add(method)
                break
    return found


def options_response(routes: list[BaseRoute], scope: Scope) -> Response:
    methods = allowed_methods(routes, scope)
    if not methods:
        return Response('{"detail":"Not found"}', status_code=404,
                        media_type="application/json")
    allow = ", ".join(sorted(methods | {"OPTIONS"}))
    return Response(status_code=204, headers={"Allow": allow})
