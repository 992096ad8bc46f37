"""Signed cookies: who is logged in, and the token that proves a form came from our page.

Both are stateless (an HMAC over the value with the server's key), so any worker on any
machine sharing the key can check them without a shared session store.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response

SESSION_COOKIE = "cc_session"
CSRF_COOKIE = "cc_csrf"
CSRF_FIELD = "csrf_token"
SESSION_DAYS = 14


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


@dataclass(frozen=True)
class SessionClaim:
    """What the session cookie says: the account, and the account's epoch when issued.

    Logging out everywhere (or changing the password) bumps the epoch, which voids every
    cookie issued before without a server-side session list.
    """

    account_id: int
    epoch: int
    expires: int


def read_session(request: Request, signer: Signer) -> SessionClaim | None:
    raw = request.cookies.get(SESSION_COOKIE)
    if not raw:
        return None
    value = signer.unsign("session", raw)
    if value is None:
        return None
    try:
        account, epoch, expires = (int(part) for part in value.split(":"))
    except ValueError:
        return None
    if expires < time.time():
        return None
    return SessionClaim(account, epoch, expires)


def write_session(response: Response, request: Request, signer: Signer,
                  account_id: int, epoch: int) -> None:
    expires = int(time.time()) + SESSION_DAYS * 86_400
    response.set_cookie(
        SESSION_COOKIE, signer.sign("session", f"{account_id}:{epoch}:{expires}"),
        max_age=SESSION_DAYS * 86_400, httponly=True, samesite="lax",
        secure=request.url.scheme == "https", path="/",
    )


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
                        secure=request.url.scheme == "https", path="/")


def csrf_token(signer: Signer, seed: str) -> str:
    return signer.mac("csrf", seed)


def csrf_ok(request: Request, signer: Signer, submitted: str | None) -> bool:
    seed = request.cookies.get(CSRF_COOKIE)
    if not seed or not submitted:
        return False
    return hmac.compare_digest(submitted, csrf_token(signer, seed))
