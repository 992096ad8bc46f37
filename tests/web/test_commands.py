"""`crampcoach serve`: real server processes, and several of them on one PostgreSQL."""

from __future__ import annotations

import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from .servers import running_server

SECRET = "shared-secret-for-every-machine-0123"
PASSWORD = "correct horse battery"


def test_serve_refuses_an_open_address_without_accounts(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "crampcoach", "serve", "--host", "0.0.0.0"],
        env={"CRAMPCOACH_DATA_DIR": str(tmp_path), "PATH": ""}, capture_output=True,
        text=True, timeout=60, check=False)
    assert result.returncode == 2
    assert "--multi-user" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_single_user_server_answers_pages_and_the_api(tmp_path: Path) -> None:
    with running_server(tmp_path / "data") as server:
        base = server.url
        page = httpx.get(f"{base}/")
        assert page.status_code == 200 and "crampcoach" in page.text
        ping = httpx.get(f"{base}/api/v1/ping").json()
        assert ping["status"] == "ok"
        # Another host name (DNS rebinding) is refused when there is no login.
        assert httpx.get(f"{base}/", headers={"host": "evil.example"}).status_code == 421


def _token(client: httpx.Client, base: str) -> str:
    found = re.search(r'<meta name="csrf-token" content="([^"]+)">', client.get(f"{base}/").text)
    assert found
    return found.group(1)


def _post_form(client: httpx.Client, base: str, path: str, data: dict[str, str]) -> httpx.Response:
    return client.post(f"{base}{path}", data={**data, "csrf_token": _token(client, base)})


@pytest.mark.postgres
def test_two_servers_on_one_postgres_see_each_others_writes(tmp_path: Path, postgres_url: str) -> None:
    url = postgres_url
    with running_server(tmp_path / "a", database_url=url, multi_user=True,
                           secret_key=SECRET, signup=True) as server_a, \
            running_server(tmp_path / "b", database_url=url, multi_user=True,
                           secret_key=SECRET, signup=True) as server_b, \
            httpx.Client() as browser:
        a, b = server_a.url, server_b.url
        # Sign up on one machine; the session cookie works on the other.
        signed_up = _post_form(browser, a, "/signup", {"username": "coach-eve",
                                                        "password": PASSWORD})
        assert signed_up.status_code == 303
        added = _post_form(browser, b, "/clients", {"name": "Finn", "username": "finn",
                                                     "password": PASSWORD})
        assert added.status_code == 303
        assert "Finn" in browser.get(f"{a}/clients").text
        # A token made on one works on the other, and writes on each show on both.
        page = _post_form(browser, b, "/account/tokens", {"label": "sync"})
        token = page.text.split('<code class="token">')[1].split("<")[0]
        auth = {"Authorization": f"Bearer {token}"}
        (finn,) = httpx.get(f"{a}/api/v1/people", headers=auth).json()
        cramp = httpx.post(f"{a}/api/v1/people/{finn['id']}/cramp-events", headers=auth, json={
            "occurred_at": "2024-06-01T07:15:00", "side": "left", "during": "running",
            "severity": 5})
        assert cramp.status_code == 201, cramp.text
        seen_on_b = httpx.get(f"{b}/api/v1/people/{finn['id']}/cramp-events", headers=auth)
        assert [c["uid"] for c in seen_on_b.json()] == [cramp.json()["uid"]]
        saved = httpx.post(f"{b}/api/v1/people/{finn['id']}/assessments", headers=auth,
                           json={"findings": {"bruising": False}})
        assert saved.status_code == 201
        seen_on_a = httpx.get(f"{a}/api/v1/people/{finn['id']}/assessments", headers=auth)
        assert [s["version"] for s in seen_on_a.json()] == [1]


def _children(pid: int) -> list[int]:
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        if re.search(rf"^PPid:\s+{pid}$", text, re.MULTILINE):
            found.append(int(status.parent.name))
    return found


@pytest.mark.postgres
def test_two_workers_share_one_postgres_without_losing_a_write(tmp_path: Path, postgres_url: str) -> None:
    with running_server(tmp_path / "data", database_url=postgres_url, workers=2) as server:
        base = server.url
        assert len(_children(server.pid)) >= 2, "uvicorn should run two worker processes"
        (me,) = httpx.get(f"{base}/api/v1/people").json()

        def save(_: int) -> int:
            response = httpx.post(f"{base}/api/v1/people/{me['id']}/assessments",
                                  json={"findings": {}}, timeout=30)
            assert response.status_code == 201, response.text
            version: int = response.json()["version"]
            return version

        with ThreadPoolExecutor(max_workers=8) as pool:
            versions = sorted(pool.map(save, range(24)))
        assert versions == list(range(1, 25))
        listed = httpx.get(f"{base}/api/v1/people/{me['id']}/assessments").json()
        assert len(listed) == 24
