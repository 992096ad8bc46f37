"""Test clients for the web app: forms posted with the CSRF token, and accounts per role."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI
from fastapi.testclient import TestClient

from crampcoach.store import accounts, database
from crampcoach.web import ServerSettings, create_app

SECRET = "test-secret-key-0123456789abcdef"
BASE_URL = "http://127.0.0.1"
PASSWORD = "correct horse battery"


def settings_for(tmp: Path, *, multi_user: bool = False) -> ServerSettings:
    return ServerSettings(multi_user=multi_user, secret_key=SECRET,
                          database_url=f"sqlite:///{tmp / 'crampcoach.db'}")


def csrf_of(html: str) -> str:
    found = re.search(r'<meta name="csrf-token" content="([^"]+)">', html)
    assert found, "the page has no form token"
    return found.group(1)


def fresh_token(client: TestClient) -> str:
    """A CSRF token for the client's cookie (fetched from a page, as a browser would)."""
    return csrf_of(client.get("/").text)


class Client(TestClient):
    """A TestClient that posts forms with the page's CSRF token, as a browser would."""

    def form(self, path: str, data: dict[str, Any] | list[tuple[str, str]] | None = None,
             **kwargs: Any) -> Any:
        """Post the fields (a list keeps repeated names and order) and the page's token."""
        pairs = list(data.items()) if isinstance(data, dict) else list(data or [])
        pairs.append(("csrf_token", fresh_token(self)))
        return self.post(path, content=urlencode(pairs), headers={
            "content-type": "application/x-www-form-urlencoded"}, **kwargs)


def make_client(app: FastAPI) -> Client:
    return Client(app, base_url=BASE_URL, follow_redirects=False)


@dataclass
class Accounts:
    """Two coaches with one client each, every one logged in with their own cookies."""

    anonymous: Client
    coach: Client
    client: Client
    other_coach: Client
    other_client: Client
    client_person: int
    other_person: int
    settings: ServerSettings

    def by_role(self, role: str) -> Client:
        client: Client = getattr(self, role)
        return client


def log_in(client: Client, username: str) -> None:
    response = client.form("/login", {"username": username, "password": PASSWORD, "next": "/"})
    assert response.status_code == 303, response.text


def add_client(coach: Client, name: str, username: str) -> int:
    response = coach.form("/clients", {"name": name, "username": username,
                                       "password": PASSWORD})
    assert response.status_code == 303, response.text
    page = coach.get("/clients").text
    found = re.search(rf'href="/people/(\d+)">{re.escape(name)}<', page)
    assert found, page
    return int(found.group(1))


def add_coach(settings: ServerSettings, username: str, password: str = PASSWORD) -> None:
    """A coach made as `crampcoach account add` makes one (sign-up is closed by default)."""
    with database.transaction(settings.database_url) as session:
        accounts.create_coach(session, accounts.Credentials(username=username,
                                                            password=password))


def build_accounts(tmp: Path) -> Iterator[Accounts]:
    settings = settings_for(tmp, multi_user=True)
    app = create_app(settings)
    clients = [make_client(app) for _ in range(5)]
    anonymous, coach, client, other_coach, other_client = clients
    for c in clients:
        c.__enter__()
    try:
        for who, name in ((coach, "coach-anna"), (other_coach, "coach-ben")):
            add_coach(settings, name)
            log_in(who, name)
        client_person = add_client(coach, "Carla", "carla")
        other_person = add_client(other_coach, "Dev", "dev")
        log_in(client, "carla")
        log_in(other_client, "dev")
        yield Accounts(anonymous, coach, client, other_coach, other_client, client_person,
                       other_person, settings)
    finally:
        for c in clients:
            c.__exit__(None, None, None)
        database.dispose(settings.database_url)




class PageReader(HTMLParser):
    """What a page offers: its form controls, their labels, hidden fields and headings."""

    def __init__(self) -> None:
        super().__init__()
        self.controls: list[dict[str, str | None]] = []
        self.label_for: set[str] = set()
        self.hidden: list[tuple[str, str]] = []
        self.headings: list[str] = []
        self._in_heading = False
        self._label_depth = 0
        self._button_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "label":
            self._label_depth += 1
            if a.get("for"):
                self.label_for.add(a["for"] or "")
        elif tag in ("input", "select", "textarea"):
            if a.get("type") == "hidden":
                self.hidden.append((a.get("name") or "", a.get("value") or ""))
            else:
                self.controls.append({**a, "wrapped": "yes" if self._label_depth else None})
        elif tag in ("h1", "h2"):
            self._in_heading = True
            self.headings.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self._label_depth -= 1
        elif tag in ("h1", "h2"):
            self._in_heading = False

    def handle_data(self, data: str) -> None:
        if self._in_heading:
            self.headings[-1] += data.strip()

    def unlabelled(self) -> list[dict[str, str | None]]:
        return [c for c in self.controls
                if not c.get("wrapped") and not c.get("aria-label")
                and c.get("id") not in self.label_for]


def read_page(html: str) -> PageReader:
    reader = PageReader()
    reader.feed(html)
    return reader
