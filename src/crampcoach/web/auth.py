"""Who is asking, and whose data they may see.

Single-user mode (the default) has one viewer, the local profile, and no login. With
accounts on, pages know the viewer from the session cookie (a row in the database) and the API from a
bearer token. A client sees only their own record; a coach only the records they own.
Anyone else gets "not found", so record ids cannot be probed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import HTTPException, Path
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from crampcoach.store import accounts, people
from crampcoach.store.models import Person
from crampcoach.store.records import UID_PATTERN
from crampcoach.web.context import WebContext, web_context
from crampcoach.web.cookies import session_id


@dataclass(frozen=True)
class Viewer:
    role: Literal["local", "coach", "client"]
    account_id: int | None = None
    username: str | None = None
    person_id: int | None = None  # a client's own record

    @property
    def is_coach(self) -> bool:
        return self.role == "coach"


LOCAL = Viewer(role="local")
# Row ids and version numbers in URLs: bounded, so a huge number is a 422, not a crash.
RowId = Annotated[int, Path(ge=1, le=2_147_483_647)]
# A logged entry's uid in a URL, as the records make them: anything else is a 422.
EntryUid = Annotated[str, Path(pattern=UID_PATTERN)]


class LoginRequired(Exception):
    """A page needs a logged-in viewer; the app answers with a redirect to the login form."""


def viewer_of(account: accounts.Account) -> Viewer:
    role: Literal["coach", "client"] = "coach" if account.role == "coach" else "client"
    return Viewer(role=role, account_id=account.id, username=account.username,
                  person_id=account.person_id)


def page_viewer(request: Request) -> Viewer | None:
    """The viewer of a page, or None when accounts are on and nobody is logged in."""
    if hasattr(request.state, "viewer"):
        cached: Viewer | None = request.state.viewer
        return cached
    ctx = web_context(request)
    viewer: Viewer | None = LOCAL
    if ctx.settings.multi_user:
        viewer = None
        plain = session_id(request)
        if plain is not None:
            with ctx.reading() as session:
                account = accounts.account_for_session(session, plain)
                if account is not None:
                    viewer = viewer_of(account)
    request.state.viewer = viewer
    return viewer


def require_viewer(request: Request) -> Viewer:
    """FastAPI dependency for pages that need someone logged in."""
    viewer = page_viewer(request)
    if viewer is None:
        raise LoginRequired()
    return viewer


def require_coach(request: Request) -> Viewer:
    viewer = require_viewer(request)
    if not viewer.is_coach:
        raise HTTPException(status_code=404, detail="Not found")
    return viewer


def require_account(request: Request) -> Viewer:
    """Pages about the account itself (tokens): only with accounts on."""
    viewer = require_viewer(request)
    if viewer.account_id is None:
        raise HTTPException(status_code=404, detail="Not found")
    return viewer


async def api_viewer(request: Request) -> Viewer:
    """FastAPI dependency for the JSON API: a bearer token when accounts are on.

    Async so that single-user calls skip the thread pool; the token lookup runs in it.
    """
    ctx = web_context(request)
    if not ctx.settings.multi_user:
        return LOCAL
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token:
        found = await run_in_threadpool(_token_viewer, ctx, token.strip())
        if found is not None:
            return found
    raise HTTPException(
        status_code=401, detail="an API token is needed: Authorization: Bearer <token>",
        headers={"WWW-Authenticate": "Bearer"},
    )


def _token_viewer(ctx: WebContext, token: str) -> Viewer | None:
    with ctx.reading() as session:
        account = accounts.account_for_token(session, token)
        return None if account is None else viewer_of(account)


# -- whose records ------------------------------------------------------------------------


class NotVisible(HTTPException):
    def __init__(self) -> None:
        super().__init__(status_code=404, detail="Not found")


def may_see(viewer: Viewer, person: Person) -> bool:
    if viewer.role == "local":
        return person.owner is None
    if viewer.role == "client":
        return person.id == viewer.person_id
    return person.owner is not None and person.owner == viewer.username


def person_for(session: Session, viewer: Viewer, person_id: int) -> people.PersonRef:
    """The record `person_id` if the viewer may see it; otherwise 404."""
    person = session.get(Person, person_id)
    if person is None or not may_see(viewer, person):
        raise NotVisible()
    return people.PersonRef(person.id, person.name, person.owner)


def own_person(ctx: WebContext, viewer: Viewer) -> people.PersonRef | None:
    """The viewer's own record (the local profile, or a client's); a coach has none."""
    if viewer.role == "coach":
        return None
    if viewer.role == "client":
        assert viewer.person_id is not None
        with ctx.reading() as session:
            return person_for(session, viewer, viewer.person_id)
    with ctx.reading() as session:
        found = people.find(session, ctx.settings.profile)
    if found is not None:
        return found
    with ctx.writing() as session:
        return people.ensure(session, ctx.settings.profile)


def visible_people(ctx: WebContext, viewer: Viewer) -> list[people.PersonRef]:
    """Everyone whose records the viewer may open, by name."""
    if viewer.role == "coach":
        with ctx.reading() as session:
            return people.list_people(session, owner=viewer.username)
    own = own_person(ctx, viewer)
    return [own] if own else []
