"""Cookies: who is logged in, and the token that proves a form came from our page.

The session cookie holds a random id whose digest is a row in the database, so logging
out ends it everywhere, copies included. The CSRF token is stateless (an HMAC over a
random cookie with the server's key), so any worker sharing the key can check it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from starlette.requests import Request
from starlette.responses import Response

from crampcoach.store.accounts import SESSION_DAYS

SESSION_COOKIE = "cc_session"
CSRF_COOKIE = "cc_csrf"
CSRF_FIELD = "csrf_token"


class Signer:
    def __init__(self, key: bytes) -> None:
        self._key = key

    def mac(self, purpose: str, value: str) -> str:
        message = f"{purpose}|{value}".encode()
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()

    def sign(self, purpose: str, value: str) -> str:
        return f"{value}.{self.mac(purpose, value)}"

    def unsign(self, purpose: str, signed: str) -> str | None:
        value, dot, mac = signed.rpartition(".")
        if not dot or not hmac.compare_digest(mac, self.mac(purpose, value)):
            return None
        return value


def session_id(request: Request) -> str | None:
    """The session id the browser sent; the database says whether it is still valid."""
    return request.cookies.get(SESSION_COOKIE) or None


def write_session(response: Response, request: Request, plain: str) -> None:
    response.set_cookie(
        SESSION_COOKIE, plain, max_age=SESSION_DAYS * 86_400, httponly=True, samesite="lax",
        secure=is_https(request), path="/",
    )


def is_https(request: Request) -> bool:
    """Served over HTTPS, directly or behind a proxy named in `forwarded_allow_ips`
    (whose X-Forwarded-Proto the app has already applied to the request's scheme)."""
    return request.url.scheme == "https"


def clear_session(response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/")


# -- CSRF: a random cookie, and a form field that is its MAC (signed double submit) -------


def csrf_seed(request: Request) -> tuple[str, bool]:
    """The browser's CSRF cookie value, or a new one (True: the response must set it)."""
    seed = request.cookies.get(CSRF_COOKIE)
    if seed and 20 <= len(seed) <= 100:
        return seed, False
    return secrets.token_urlsafe(24), True


def set_csrf_cookie(response: Response, request: Request, seed: str) -> None:
    response.set_cookie(CSRF_COOKIE, seed, httponly=True, samesite="lax",
                        secure=is_https(request), path="/")


def csrf_token(signer: Signer, seed: str) -> str:
    return signer.mac("csrf", seed)


def csrf_ok(request: Request, signer: Signer, submitted: str | None) -> bool:
    seed = request.cookies.get(CSRF_COOKIE)
    if not seed or not submitted:
        return False
    return hmac.compare_digest(submitted, csrf_token(signer, seed))
