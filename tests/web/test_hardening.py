"""Login abuse, sessions, sign-up, invites, security headers and OPTIONS, on the real app.

Every test drives the app in-process over a real SQLite file, as a browser would.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from crampcoach.store import accounts as account_store
from crampcoach.store import database, throttle
from crampcoach.web import create_app
from crampcoach.web.headers import CONTENT_SECURITY_POLICY

from .clients import (
    BASE_URL,
    PASSWORD,
    Accounts,
    Client,
    add_coach,
    csrf_of,
    log_in,
    make_client,
    settings_for,
)
from .test_auth import ROUTES, World, prepare


def _fresh(accounts: Accounts) -> Client:
    client = make_client(accounts.anonymous.app)
    client.__enter__()
    return client


# -- guessing passwords -------------------------------------------------------------------


def test_guessing_a_password_is_slowed_down_with_429_and_retry_after(accounts: Accounts) -> None:
    guesser = _fresh(accounts)
    statuses = []
    for attempt in range(30):
        response = guesser.form("/login", {"username": "carla", "password": f"guess {attempt}"})
        statuses.append(response.status_code)
        if response.status_code == 429:
            break
    assert statuses[-1] == 429, statuses
    assert set(statuses[:-1]) == {401}
    assert int(response.headers["Retry-After"]) >= 1
    assert "Too many failed attempts" in response.text


def test_the_right_password_is_refused_during_the_back_off_and_works_after_it(
        accounts: Accounts) -> None:
    guesser = _fresh(accounts)
    policy = throttle.POLICIES["account"]
    for attempt in range(policy.free_failures):
        assert guesser.form("/login", {"username": "carla",
                                       "password": f"guess {attempt}"}).status_code == 401
    locked = guesser.form("/login", {"username": "carla", "password": PASSWORD})
    assert locked.status_code == 429
    time.sleep(int(locked.headers["Retry-After"]) + 0.2)
    assert guesser.form("/login", {"username": "carla", "password": PASSWORD}).status_code == 303


def test_each_lockout_writes_one_audit_line(accounts: Accounts,
                                            caplog: pytest.LogCaptureFixture) -> None:
    guesser = _fresh(accounts)
    with caplog.at_level(logging.WARNING, logger="crampcoach.security"):
        for attempt in range(throttle.POLICIES["account"].free_failures):
            guesser.form("/login", {"username": "dev", "password": f"guess {attempt}"})
    lines = [r.getMessage() for r in caplog.records if r.name == "crampcoach.security"]
    assert len(lines) == 1 and "lockout" in lines[0] and "'dev'" in lines[0]


def test_the_back_off_doubles_and_has_a_ceiling() -> None:
    policy = throttle.POLICIES["account"]
    delays = [policy.delay(n) for n in range(policy.free_failures, policy.free_failures + 40)]
    assert delays[0] == policy.first_delay_s and delays[1] == 2 * delays[0]
    assert max(delays) == policy.max_delay_s
    assert policy.delay(policy.free_failures - 1) == 0


def test_failures_are_counted_in_the_database_for_every_worker(accounts: Accounts) -> None:
    # A second app on the same database stands for a second worker process.
    other_worker = make_client(create_app(accounts.settings))
    with other_worker:
        first = _fresh(accounts)
        for attempt in range(throttle.POLICIES["account"].free_failures):
            first.form("/login", {"username": "carla", "password": f"guess {attempt}"})
        response = other_worker.form("/login", {"username": "carla", "password": "another"})
    assert response.status_code == 429


# -- sessions -----------------------------------------------------------------------------


def test_a_cookie_copied_before_logout_is_refused_after_it(accounts: Accounts) -> None:
    copied = dict(accounts.client.cookies)
    assert accounts.client.get(f"/people/{accounts.client_person}").status_code == 200
    assert accounts.client.form("/logout").status_code == 303
    with Client(accounts.client.app, base_url=BASE_URL, follow_redirects=False,
                cookies=copied) as thief:
        response = thief.get(f"/people/{accounts.client_person}")
    assert response.status_code == 303 and response.headers["location"].startswith("/login")


def test_logging_out_everywhere_also_revokes_api_tokens(accounts: Accounts) -> None:
    page = accounts.client.form("/account/tokens", {"label": "script"})
    token = page.text.split('<code class="token">')[1].split("<")[0]
    auth = {"Authorization": f"Bearer {token}"}
    assert accounts.anonymous.get("/api/v1/people", headers=auth).status_code == 200
    assert accounts.client.form("/account/logout-everywhere").status_code == 303
    assert accounts.anonymous.get("/api/v1/people", headers=auth).status_code == 401


def test_the_session_cookie_holds_a_random_id_not_the_account(accounts: Accounts) -> None:
    value = accounts.client.cookies["cc_session"]
    assert len(value) >= 40 and ":" not in value
    with database.reading(accounts.settings.database_url) as session:
        digests = session.scalars(select(account_store.WebSession.digest)).all()
    assert value not in digests and len(digests) >= 4


def test_cookies_are_secure_only_over_https_or_behind_a_named_proxy(tmp_path: Path,
                                                                   data_dir: Path) -> None:
    proxied = settings_for(tmp_path, multi_user=True).but(forwarded_allow_ips=("10.0.0.7",))
    add_coach(proxied, "coach-zoe")
    app = create_app(proxied)
    forwarded = {"x-forwarded-proto": "https", "x-forwarded-for": "203.0.113.9"}

    def login_cookie(client: TestClient, headers: dict[str, str]) -> str:
        page = client.get("/login", headers=headers)
        # Sent by hand: the test client itself keeps a Secure cookie off plain http.
        seed = re.search(r"cc_csrf=([^;]+)", page.headers["set-cookie"])
        assert seed is not None
        client.cookies.clear()
        response = client.post("/login", headers={**headers, "cookie": f"cc_csrf={seed[1]}"},
                               data={"username": "coach-zoe", "password": PASSWORD,
                                     "csrf_token": csrf_of(page.text)})
        assert response.status_code == 303, response.text
        session_cookie = [v for k, v in response.headers.multi_items()
                          if k == "set-cookie" and v.startswith("cc_session=")]
        return session_cookie[0]

    with TestClient(app, base_url=BASE_URL, follow_redirects=False,
                    client=("10.0.0.7", 5000)) as via_proxy:
        assert "secure" in login_cookie(via_proxy, forwarded).lower()
    with TestClient(app, base_url=BASE_URL, follow_redirects=False,
                    client=("198.51.100.1", 5000)) as direct:
        # Anyone else claiming HTTPS is not believed.
        assert "secure" not in login_cookie(direct, forwarded).lower()
    with TestClient(app, base_url="https://127.0.0.1", follow_redirects=False) as https:
        assert "secure" in login_cookie(https, {}).lower()
    database.dispose(proxied.database_url)


# -- sign-up, passwords, invites ----------------------------------------------------------


def test_sign_up_is_closed_by_default(accounts: Accounts) -> None:
    assert accounts.anonymous.get("/signup").status_code == 403
    response = accounts.anonymous.form("/signup", {"username": "coach-mallory",
                                                   "password": PASSWORD})
    assert response.status_code == 403
    assert "Sign-up is closed" in response.text
    assert 'href="/signup"' not in accounts.anonymous.get("/login").text


@pytest.fixture
def open_signup(tmp_path: Path, data_dir: Path) -> Iterator[Client]:
    settings = settings_for(tmp_path, multi_user=True).but(signup=True)
    with make_client(create_app(settings)) as client:
        yield client
    database.dispose(settings.database_url)


@pytest.mark.parametrize("password", ["aaaaaaaaaa", "password12", " " * 10, "coach-walt",
                                      "coach-walt1"])
def test_weak_passwords_are_refused_by_the_strength_estimate(open_signup: Client,
                                                            password: str) -> None:
    response = open_signup.form("/signup", {"username": "coach-walt", "password": password})
    assert response.status_code == 422
    assert "too easy to guess" in response.text or "at least 10" in response.text


def test_an_opened_sign_up_accepts_a_strong_password(open_signup: Client) -> None:
    response = open_signup.form("/signup", {"username": "coach-walt", "password": PASSWORD})
    assert response.status_code == 303 and response.headers["location"] == "/clients"


def test_an_invite_link_works_once(accounts: Accounts) -> None:
    page = accounts.coach.form("/clients/invite", {"name": "Nora"})
    assert page.status_code == 201
    link = re.findall(r"http://127\.0\.0\.1(/invite/[\w-]+)", page.text)[-1]
    invitee = _fresh(accounts)
    assert "invited you as <strong>Nora</strong>" in invitee.get(link).text
    accepted = invitee.form(link, {"username": "nora", "password": PASSWORD})
    assert accepted.status_code == 303
    own = invitee.get("/me/log")  # logged in: sent to her own record, not to the login
    assert own.status_code == 303 and own.headers["location"].startswith("/people/")
    assert "Nora" in accounts.coach.get("/clients").text
    again = _fresh(accounts)
    assert again.get(link).status_code == 404
    second = again.form(link, {"username": "nora2", "password": PASSWORD})
    assert second.status_code == 404 and "used" in second.text


def test_an_invite_refuses_a_weak_password(accounts: Accounts) -> None:
    page = accounts.coach.form("/clients/invite", {"name": "Olu"})
    link = re.findall(r"http://127\.0\.0\.1(/invite/[\w-]+)", page.text)[-1]
    response = _fresh(accounts).form(link, {"username": "olu", "password": "password12"})
    assert response.status_code == 422 and "too easy to guess" in response.text


# -- hostile text -------------------------------------------------------------------------


def test_nul_in_a_login_name_or_a_token_label_is_a_clear_refusal(accounts: Accounts) -> None:
    response = _fresh(accounts).form("/login", {"username": "car\x00la", "password": "x" * 12})
    assert response.status_code == 401
    labelled = accounts.coach.form("/account/tokens", {"label": "bad\x00label"})
    assert labelled.status_code == 422 and "control character" in labelled.text


# -- headers and OPTIONS on every route ---------------------------------------------------


@pytest.fixture(scope="module")
def world(shared_accounts: Accounts) -> World:
    return prepare(shared_accounts)


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: f"{r.method} {r.path}")
def test_every_route_answers_with_the_security_headers(route: object, world: World) -> None:
    from .test_auth import Route

    assert isinstance(route, Route)
    # Logging out would end the shared session; those routes are tried anonymously only.
    for role in ("anonymous",) if route.fresh else ("anonymous", "owner"):
        response = world.call(route, role)
        headers = response.headers
        assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert headers["referrer-policy"] == "same-origin"
        if route.path.startswith("/static/"):
            assert headers.get("cache-control") != "no-store"
        else:
            assert headers["cache-control"] == "no-store", (role, response.status_code)


def test_error_answers_carry_the_headers_too(single_user: Client) -> None:
    for response in (single_user.get("/no/such/page"), single_user.get("/api/v1/nothing"),
                     single_user.get("/", headers={"host": "evil.example"})):
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["cache-control"] == "no-store"


@pytest.mark.parametrize(("path", "allow"), [
    ("/api/v1/ping", "GET, OPTIONS"),
    ("/api/v1/people/1/sessions", "GET, OPTIONS, POST"),
    ("/login", "GET, OPTIONS, POST"),
    ("/static/style.css", "GET, HEAD, OPTIONS"),
])
def test_options_names_the_methods_a_path_answers(accounts: Accounts, path: str,
                                                  allow: str) -> None:
    response = accounts.anonymous.options(path)
    assert response.status_code == 204
    assert response.headers["allow"] == allow
    assert response.headers["x-content-type-options"] == "nosniff"
    # The list agrees with what the path really answers.
    for method in ("GET", "HEAD", "POST", "PUT", "DELETE"):
        status = accounts.anonymous.request(method, path).status_code
        assert (status == 405) == (method not in allow), (method, status)


def test_options_on_an_unknown_path_is_not_found(single_user: Client) -> None:
    assert single_user.options("/nothing/here").status_code == 404


@pytest.mark.postgres
def test_nul_in_a_login_name_on_postgresql_is_a_plain_refusal(tmp_path: Path, data_dir: Path,
                                                             postgres_url: str) -> None:
    settings = settings_for(tmp_path, multi_user=True).but(database_url=postgres_url)
    add_coach(settings, "coach-pia")
    with make_client(create_app(settings)) as client:
        response = client.form("/login", {"username": "coach-pia\x00", "password": PASSWORD})
        assert response.status_code == 401
        log_in(client, "coach-pia")
        labelled = client.form("/account/tokens", {"label": "bad\x00label"})
        assert labelled.status_code == 422


# -- bounded input on the API -------------------------------------------------------------


@pytest.mark.parametrize("query", [
    "progress?as_of=9999-12-31", "progress?as_of=0", "progress?as_of=1899-12-31",
    "cramp-events?end=9999-12-31", "sessions?start=20240101", "cramp-events?start=-1",
])
def test_days_outside_1900_to_2200_or_not_written_as_days_are_422(single_user: Client,
                                                                    query: str) -> None:
    (me,) = single_user.get("/api/v1/people").json()
    response = single_user.get(f"/api/v1/people/{me['id']}/{query}")
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["field"] in ("as_of", "start", "end")


def test_a_far_progress_day_gives_a_bounded_answer(single_user: Client) -> None:
    (me,) = single_user.get("/api/v1/people").json()
    cramp = {"occurred_at": "2024-06-01T07:15:00", "side": "left", "during": "sleep",
             "severity": 4}
    assert single_user.post(f"/api/v1/people/{me['id']}/cramp-events",
                            json=cramp).status_code == 201
    response = single_user.get(f"/api/v1/people/{me['id']}/progress?as_of=2200-12-20")
    assert response.status_code == 200
    summary = response.json()
    assert summary["cramps"] == 1
    assert len(summary["weeks"]) <= 521 and len(response.content) < 1_000_000


def test_a_damaged_database_is_a_plain_503_not_a_traceback(tmp_path: Path, data_dir: Path) -> None:
    settings = settings_for(tmp_path)
    with make_client(create_app(settings)) as client:
        assert client.get("/api/v1/people").status_code == 200
        database.dispose(settings.database_url)
        (tmp_path / "crampcoach.db").write_bytes(b"\xff" * 8192)
        for wal in tmp_path.glob("crampcoach.db-*"):
            wal.unlink()
        api = client.get("/api/v1/people")
        page = client.get("/me/log")
    database.dispose(settings.database_url)
    assert api.status_code == 503 and "not available" in api.json()["detail"]
    assert page.status_code == 503 and "Traceback" not in page.text
    assert str(tmp_path) not in page.text  # no server paths shown to visitors


def _form_only_pages(client: Client) -> list[str]:
    """Every page path (not the API's) that answers only a form's POST, with ids filled in."""
    from .test_auth import flatten

    methods: dict[str, set[str]] = {}
    for method, path in flatten(client.app.routes):  # type: ignore[attr-defined]
        methods.setdefault(path, set()).add(method)
    return [re.sub(r"\{[^}]+\}", "1", path) for path, answered in methods.items()
            if answered == {"POST"} and not path.startswith("/api/")]


def test_a_form_page_opened_by_address_says_why_it_is_empty(single_user: Client) -> None:
    pages = _form_only_pages(single_user)
    assert {"/describe", "/results", "/plan"} <= set(pages)
    for path in pages:
        response = single_user.get(path)
        assert response.status_code == 405, path
        assert "POST" in response.headers["allow"], path
        assert "This page answers a form" in response.text, path
        assert "a bookmark, a reload or a shared link" in response.text, path
        assert "Method Not Allowed" not in response.text, path
        assert 'href="/"' in response.text, path
