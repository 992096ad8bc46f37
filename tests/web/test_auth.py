"""Who may open what: one table lists every route, and each is tried by every role.

Roles: anonymous, the owner, the owner's coach, another client and another coach. A page
refused to an anonymous visitor redirects to the login form; the API answers 401; a record
that is not yours is "not found" (404), the same as one that does not exist.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient
from starlette.routing import BaseRoute

from .clients import BASE_URL, Accounts, Client, csrf_of

TODAY = dt.date.today().isoformat()
CRAMP_FORM = {"occurred_at": f"{TODAY}T07:15", "side": "left", "during": "running",
              "severity": "4"}
SESSION_FORM = {"date": TODAY, "item0.exercise": "glute_bridge", "item0.sets": "2",
                "item0.reps": "10"}
CRAMP_JSON = {"occurred_at": f"{TODAY}T07:15:00", "side": "left", "during": "running",
              "severity": 4}
SESSION_JSON = {"date": TODAY, "items": [{"exercise": "glute_bridge", "sets": 2, "reps": 10}]}
_unique = itertools.count()


@dataclass(frozen=True)
class Route:
    method: str
    path: str
    # public: anyone; signed_in: any account; coach: coaches only; person: the record's
    # client and their coach; token: the token's owner.
    access: str
    form: dict[str, str] | None = None
    json: Any = None
    # Status every allowed role gets, when not simply "below 400".
    allowed_status: tuple[int, ...] = ()
    # Changes the caller's own login (log out everywhere): run on fresh accounts.
    fresh: bool = False

    @property
    def api(self) -> bool:
        return self.path.startswith("/api/")


def _client_form() -> dict[str, str]:
    n = next(_unique)
    return {"name": f"Client {n}", "username": f"client-{n}", "password": "correct horse battery"}


ROUTES: tuple[Route, ...] = (
    Route("GET", "/", "public"),
    Route("GET", "/static/{path}", "public"),
    Route("GET", "/login", "public"),
    Route("POST", "/login", "public", form={"username": "nobody", "password": "not a password"},
          allowed_status=(401,)),
    Route("POST", "/logout", "public", form={}, fresh=True),
    # Sign-up is closed unless the settings open it.
    Route("GET", "/signup", "public", allowed_status=(403,)),
    Route("POST", "/signup", "public", form={"username": "coach-anna",
                                               "password": "long enough pw"},
          allowed_status=(403,)),
    Route("GET", "/invite/{token}", "public"),
    Route("POST", "/invite/{token}", "public", form={}),
    Route("GET", "/interview", "signed_in"),
    Route("POST", "/interview", "signed_in", form={"action": "start"}),
    Route("POST", "/describe", "signed_in", form={"text": "cramps in hip thrusts"}),
    Route("POST", "/results", "signed_in", form={}),
    Route("POST", "/plan", "signed_in", form={"weeks": "1"}),
    Route("POST", "/plan/download", "signed_in", form={"weeks": "1", "format": "fhir"}),
    Route("GET", "/me/{page}", "signed_in"),
    Route("GET", "/account", "signed_in"),
    Route("POST", "/account/tokens", "signed_in", form={"label": "a tool"}),
    Route("POST", "/account/tokens/{token_id}/revoke", "token", form={}),
    Route("POST", "/account/logout-everywhere", "signed_in", form={}, fresh=True),
    Route("GET", "/clients", "coach"),
    Route("POST", "/clients", "coach", form={}),
    Route("POST", "/clients/invite", "coach", form={}),
    Route("GET", "/people/{person_id}", "person"),
    Route("POST", "/people/{person_id}/assessments", "person", form={}),
    Route("GET", "/people/{person_id}/assessments/{version}", "person"),
    Route("POST", "/people/{person_id}/plans", "person", form={"weeks": "1"}),
    Route("GET", "/people/{person_id}/plans/{version}", "person"),
    Route("POST", "/people/{person_id}/plans/{version}/download", "person",
          form={"format": "fhir"}),
    Route("GET", "/people/{person_id}/export.json", "person"),
    Route("GET", "/people/{person_id}/log", "person"),
    Route("POST", "/people/{person_id}/cramps", "person", form=CRAMP_FORM),
    Route("POST", "/people/{person_id}/sessions", "person", form=SESSION_FORM),
    # A fresh entry of the client's is made for each call (see World.prepared_path).
    Route("POST", "/people/{person_id}/cramps/{uid}/remove", "person", form={}),
    Route("POST", "/people/{person_id}/sessions/{uid}/remove", "person", form={}),
    Route("GET", "/people/{person_id}/progress", "person"),
    Route("GET", "/people/{person_id}/progress.svg", "person"),
    Route("GET", "/people/{person_id}/training", "person"),
    # An upload without files is refused once the person is known to be visible.
    Route("POST", "/people/{person_id}/training", "person", form={}, allowed_status=(422,)),
    Route("GET", "/api/v1/ping", "public"),
    Route("GET", "/api/v1/openapi.json", "public"),
    Route("POST", "/api/v1/assessments", "signed_in", json={}),
    Route("POST", "/api/v1/plans", "signed_in", json={"case": {}, "options": {"weeks": 1}}),
    Route("GET", "/api/v1/people", "signed_in"),
    Route("GET", "/api/v1/people/{person_id}/assessments", "person"),
    Route("POST", "/api/v1/people/{person_id}/assessments", "person", json={}),
    Route("GET", "/api/v1/people/{person_id}/plans", "person"),
    Route("POST", "/api/v1/people/{person_id}/plans", "person", json={"options": {"weeks": 1}}),
    Route("GET", "/api/v1/people/{person_id}/sessions", "person"),
    Route("POST", "/api/v1/people/{person_id}/sessions", "person", json=SESSION_JSON),
    Route("GET", "/api/v1/people/{person_id}/cramp-events", "person"),
    Route("POST", "/api/v1/people/{person_id}/cramp-events", "person", json=CRAMP_JSON),
    Route("DELETE", "/api/v1/people/{person_id}/sessions/{uid}", "person"),
    Route("DELETE", "/api/v1/people/{person_id}/cramp-events/{uid}", "person"),
    Route("GET", "/api/v1/people/{person_id}/progress", "person"),
    Route("GET", "/api/v1/people/{person_id}/export", "person"),
    Route("GET", "/api/v1/people/{person_id}/activities", "person"),
    Route("POST", "/api/v1/people/{person_id}/activities", "person", json={},
          allowed_status=(422,)),
)

ROLES = ("anonymous", "owner", "their_coach", "other_client", "other_coach")
# Which role may do what, by the route's kind of access.
ALLOWED: dict[str, set[str]] = {
    "public": set(ROLES),
    "signed_in": {"owner", "their_coach", "other_client", "other_coach"},
    "coach": {"their_coach", "other_coach"},
    "person": {"owner", "their_coach"},
    "token": {"owner"},
}
ACCOUNT_OF = {"owner": "client", "their_coach": "coach", "other_client": "other_client",
              "other_coach": "other_coach", "anonymous": "anonymous"}


def flatten(routes: list[BaseRoute]) -> Iterator[tuple[str, str]]:
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            yield from flatten(inner.routes)
            continue
        path = getattr(route, "path", "")
        if type(route).__name__ == "Mount":
            yield "GET", path + "/{path}"
            continue
        for method in sorted(getattr(route, "methods", None) or ()):
            if method != "HEAD":
                yield method, path


# -- the preparation every role needs -----------------------------------------------------


@dataclass
class World:
    accounts: Accounts
    tokens: dict[str, str]  # API token per account attribute name

    def prepared_path(self, route: Route) -> str:
        path = route.path.replace("{person_id}", str(self.accounts.client_person))
        path = path.replace("{version}", "1").replace("{page}", "log")
        path = path.replace("{path}", "style.css")
        if "{token}" in path:
            n = next(_unique)
            page = self.accounts.coach.form("/clients/invite", {"name": f"Invitee {n}"})
            assert page.status_code == 201, page.text
            path = path.replace("{token}", re.findall(r"/invite/([\w-]+)", page.text)[-1])
        if "{uid}" in path:
            path = path.replace("{uid}", self.fresh_entry("cramp" in path))
        if "{token_id}" in path:
            page = self.accounts.client.form("/account/tokens", {"label": "to revoke"})
            token_id = re.findall(r"/account/tokens/(\d+)/revoke", page.text)[-1]
            path = path.replace("{token_id}", token_id)
        return path

    def fresh_entry(self, cramp: bool) -> str:
        """The uid of a new cramp or session in the client's log, logged by the client."""
        kind, body = ("cramp-events", CRAMP_JSON) if cramp else ("sessions", SESSION_JSON)
        made = self.accounts.client.post(
            f"/api/v1/people/{self.accounts.client_person}/{kind}", json=body,
            headers={"Authorization": f"Bearer {self.tokens['client']}"})
        assert made.status_code == 201, made.text
        return str(made.json()["uid"])

    def call(self, route: Route, role: str) -> Any:
        who = self.accounts.by_role(ACCOUNT_OF[role])
        # A copy of the role's cookies: one call must not log the shared client out.
        with TestClient(who.app, base_url=BASE_URL, follow_redirects=False,
                        cookies=dict(who.cookies)) as caller:
            path = self.prepared_path(route)
            headers = {}
            if route.api and role != "anonymous":
                headers["Authorization"] = f"Bearer {self.tokens[ACCOUNT_OF[role]]}"
            if route.method == "GET":
                return caller.get(path, headers=headers)
            if route.method == "DELETE":
                return caller.delete(path, headers=headers)
            if route.api:
                return caller.post(path, json=route.json, headers=headers)
            form = dict(route.form or {})
            if route.path == "/clients":
                form = _client_form()
            elif route.path == "/clients/invite":
                form = {"name": f"Invitee {next(_unique)}"}
            elif route.path == "/invite/{token}":
                form = {"username": f"invitee-{next(_unique)}", "password": "correct horse battery"}
            form["csrf_token"] = csrf_of(caller.get("/").text)
            return caller.post(path, data=form)


def prepare(accounts: Accounts) -> World:
    tokens = {}
    for name in ("client", "coach", "other_client", "other_coach"):
        page = accounts.by_role(name).form("/account/tokens", {"label": "tests"})
        tokens[name] = page.text.split('<code class="token">')[1].split("<")[0]
    # The client's record has an assessment and a plan (version 1 of each).
    saved = accounts.client.form(f"/people/{accounts.client_person}/plans", {"weeks": "1"})
    assert saved.status_code == 303, saved.text
    return World(accounts, tokens)


@pytest.fixture(scope="module")
def world(shared_accounts: Accounts) -> World:
    return prepare(shared_accounts)


def outcome(route: Route, response: Any) -> str:
    status = response.status_code
    if route.api and status == 401:
        return "refused"
    if not route.api and status == 303 and response.headers["location"].startswith(
            "/login?next="):
        return "refused"
    if status == 404:
        return "hidden"
    expected = route.allowed_status or tuple(range(200, 400))
    assert status in expected, f"{route.method} {route.path}: {status} {response.text[:300]}"
    return "allowed"


def expected_outcome(route: Route, role: str) -> str:
    if role in ALLOWED[route.access]:
        return "allowed"
    return "refused" if role == "anonymous" else "hidden"


# -- the tests ----------------------------------------------------------------------------


def test_every_route_of_the_app_is_in_the_table(shared_accounts: Accounts) -> None:
    app = shared_accounts.anonymous.app
    declared = {(r.method, r.path) for r in ROUTES}
    assert set(flatten(app.routes)) == declared  # type: ignore[attr-defined]


CASES = [pytest.param(route, role, id=f"{route.method} {route.path} as {role}")
         for route in ROUTES for role in ROLES]


@pytest.mark.parametrize(("route", "role"), CASES)
def test_each_role_gets_what_it_may_and_nothing_else(route: Route, role: str,
                                                     world: World, accounts_factory: Any) -> None:
    target = accounts_factory() if route.fresh else world
    assert outcome(route, target.call(route, role)) == expected_outcome(route, role)


@pytest.fixture
def accounts_factory(request: pytest.FixtureRequest) -> Any:
    def make() -> World:
        fresh: Accounts = request.getfixturevalue("accounts")
        return prepare(fresh)
    return make


def test_a_coach_lists_only_their_own_clients(world: World) -> None:
    accounts = world.accounts
    assert "Carla" in accounts.coach.get("/clients").text
    other_page = accounts.other_coach.get("/clients").text
    assert "Carla" not in other_page and "Dev" in other_page
    listed = accounts.anonymous.get("/api/v1/people", headers={
        "Authorization": f"Bearer {world.tokens['other_coach']}"}).json()
    names = {p["name"] for p in listed}  # the table above may have added more clients
    assert "Dev" in names and "Carla" not in names


def test_a_client_sees_only_their_own_record(world: World) -> None:
    accounts = world.accounts
    listed = accounts.anonymous.get("/api/v1/people", headers={
        "Authorization": f"Bearer {world.tokens['client']}"}).json()
    assert [p["id"] for p in listed] == [accounts.client_person]
    mine = accounts.client.get("/me/log")
    assert mine.headers["location"] == f"/people/{accounts.client_person}/log"


@pytest.mark.parametrize("tamper", [
    lambda s: s[:-1] + ("A" if s[-1] != "A" else "B"),  # one character changed
    lambda s: s + "x", lambda s: "", lambda s: "1:0:99999999999", lambda s: s + "\x00",
])
def test_a_tampered_session_cookie_counts_as_logged_out(world: World, tamper: Any) -> None:
    who = world.accounts.client
    forged = tamper(who.cookies["cc_session"])
    with Client(who.app, base_url=BASE_URL, follow_redirects=False,
                cookies={"cc_session": forged}) as caller:
        response = caller.get(f"/people/{world.accounts.client_person}")
    assert response.status_code == 303
    assert response.headers["location"].startswith("/login?next=")


def test_a_form_without_the_page_token_is_refused(world: World) -> None:
    response = world.accounts.client.post(
        f"/people/{world.accounts.client_person}/cramps", data=CRAMP_FORM)
    assert response.status_code == 403
    forged = world.accounts.client.post(
        f"/people/{world.accounts.client_person}/cramps",
        data={**CRAMP_FORM, "csrf_token": "0" * 64})
    assert forged.status_code == 403


def test_logging_out_everywhere_voids_every_earlier_cookie(accounts: Accounts) -> None:
    stolen = dict(accounts.client.cookies)
    assert accounts.client.form("/account/logout-everywhere").status_code == 303
    with Client(accounts.client.app, base_url=BASE_URL, follow_redirects=False,
                cookies=stolen) as thief:
        response = thief.get(f"/people/{accounts.client_person}")
    assert response.status_code == 303 and response.headers["location"].startswith("/login")


def test_login_never_redirects_off_the_site(accounts: Accounts) -> None:
    with Client(accounts.client.app, base_url=BASE_URL, follow_redirects=False) as fresh:
        fresh.get("/login")
        response = fresh.form("/login", {"username": "carla", "password": "correct horse battery",
                                         "next": "//evil.example/"})
    assert response.status_code == 303
    assert response.headers["location"] == "/"


def test_a_wrong_password_and_an_unknown_user_get_the_same_answer(accounts: Accounts) -> None:
    wrong = accounts.anonymous.form("/login", {"username": "carla", "password": "wrong guess!"})
    unknown = accounts.anonymous.form("/login", {"username": "nobody", "password": "wrong guess!"})
    assert wrong.status_code == unknown.status_code == 401
    message = "That username and password do not match an account."
    assert message in wrong.text and message in unknown.text


def test_without_accounts_the_account_pages_do_not_exist(single_user: Client) -> None:
    for path in ("/login", "/signup", "/clients", "/account"):
        assert single_user.get(path).status_code == 404, path
    assert single_user.get("/api/v1/people").status_code == 200
