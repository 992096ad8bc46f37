"""The app as a whole: the disclaimer on every page, error pages, the loopback guard."""

from __future__ import annotations

import gc
import re
from pathlib import Path

from starlette.testclient import TestClient

from crampcoach import DISCLAIMER
from crampcoach.store import database

from .clients import Client, settings_for


def test_every_page_carries_the_disclaimer(single_user: Client) -> None:
    me = single_user.get("/api/v1/people").json()[0]["id"]
    pages = [single_user.get(path) for path in ("/", "/interview", f"/people/{me}",
                                                f"/people/{me}/log", f"/people/{me}/progress",
                                                "/no-such-page")]
    pages.append(single_user.form("/results", {}))
    pages.append(single_user.form("/plan", {}))
    for response in pages:
        assert DISCLAIMER.replace("'", "&#39;") in response.text, response.url


def test_an_unknown_page_is_an_html_404_and_an_unknown_api_path_is_json(
        single_user: Client) -> None:
    page = single_user.get("/nowhere")
    assert page.status_code == 404 and "Page not found" in page.text
    api = single_user.get("/api/v1/nowhere")
    assert api.status_code == 404 and api.json() == {"detail": "Not Found"}
    assert single_user.get("/people/abc/log").status_code == 404


def test_without_accounts_other_host_names_are_refused(single_user: Client) -> None:
    assert single_user.get("/", headers={"host": "rebind.example:8000"}).status_code == 421
    assert single_user.get("/", headers={"host": "localhost:8000"}).status_code == 200
    assert single_user.get("/", headers={"host": "[::1]:8000"}).status_code == 200


def test_the_first_visit_sets_a_csrf_cookie_that_is_http_only(single_user: Client) -> None:
    single_user.cookies.clear()
    response = single_user.get("/")
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("cc_csrf=") and "HttpOnly" in cookie and "SameSite=lax" in cookie


def test_pages_link_their_stylesheet_and_it_is_served(single_user: Client) -> None:
    page = single_user.get("/").text
    href = re.search(r'<link rel="stylesheet" href="([^"]+)"', page)
    assert href
    css = single_user.get(href.group(1))
    assert css.status_code == 200 and "text/css" in css.headers["content-type"]


def test_a_served_app_keeps_what_lives_as_long_as_the_process_out_of_the_collector(
        tmp_path: Path) -> None:
    from crampcoach.intake.lexicon import load_lexicon, patterns_of
    from crampcoach.web.server import YOUNG_COLLECTION_EVERY, serving_app

    threshold = gc.get_threshold()
    settings = settings_for(tmp_path)
    load_lexicon.cache_clear()  # a lexicon no earlier test has compiled
    try:
        app = serving_app(settings)
        # The reader's patterns are compiled before the first request, not by it.
        assert all(pattern.is_compiled for pattern in patterns_of(load_lexicon()))
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold()[0] == YOUNG_COLLECTION_EVERY
        with TestClient(app, base_url="http://127.0.0.1") as client:
            assert client.post("/api/v1/assessments", json={"findings": {}}).status_code == 200
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)
        database.dispose(settings.database_url)
