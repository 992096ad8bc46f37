"""The pages in a real headless Chromium (Debian's), against a real server process.

Each flow ends with a screenshot of its final page in test-artifacts/screenshots/.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import BrowserType, Page, sync_playwright
from pypdf import PdfReader

from crampcoach import DISCLAIMER

from .servers import Running, running_server

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
PASSWORD = "correct horse battery"
# The answers of a person whose glutes let the hamstrings do the work; "no" to the rest.
GLUTE_STORY = {"trigger_bridge_or_hip_thrust", "hard_to_feel_glutes",
               "feel_hamstrings_more_than_glutes", "cramp_during_exercise"}


@pytest.fixture(scope="module")
def chromium() -> Iterator[BrowserType]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    with sync_playwright() as playwright:
        yield playwright.chromium


@pytest.fixture
def page(chromium: BrowserType, tmp_path: Path) -> Iterator[Page]:
    """A page in a fresh browser profile."""
    context = chromium.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=str(CHROMIUM), headless=True,
        args=CHROMIUM_ARGS, accept_downloads=True, viewport={"width": 1100, "height": 900})
    # Generous waits: CI shares two cores between the server, the browser and pytest.
    context.set_default_timeout(90_000)
    try:
        yield context.pages[0] if context.pages else context.new_page()
    finally:
        context.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    with running_server(tmp_path_factory.mktemp("browser") / "data") as running:
        yield running


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def answer_until_result(page: Page, story: set[str], limit: int = 30) -> None:
    """Answer each step from `story`: tick its lines on a checklist, yes or no to a question."""
    for _ in range(limit):
        finding = page.locator('input[name="finding"]')
        if finding.count() == 0:
            return
        ticks = page.locator('input[name="tick"]')
        if ticks.count():
            values = [ticks.nth(i).get_attribute("value") for i in range(ticks.count())]
            chosen = [v for v in values if v in story]
            for value in chosen:
                page.locator(f'input[name="tick"][value="{value}"]').check()
            name = "Continue with these" if chosen else "None of these"
            with page.expect_navigation():
                page.get_by_role("button", name=name, exact=True).click()
            continue
        word = "Yes" if finding.get_attribute("value") in story else "No"
        # Each answer waits for the next page: a check of the old one would answer it twice.
        with page.expect_navigation():
            page.get_by_role("button", name=word, exact=True).click()
    raise AssertionError("the interview did not end")


def test_an_interview_ends_in_a_self_care_result_and_opens_the_plan(
        page: Page, server: Running) -> None:
    p = page
    p.goto(f"{server.url}/")
    p.get_by_label("Age").fill("34")
    with p.expect_navigation():
        p.get_by_role("button", name="Start the questions").click()
    # The warning-sign checklist by keyboard alone: Tab to "None of these" and press Enter.
    for _ in range(80):
        p.keyboard.press("Tab")
        if p.evaluate("document.activeElement.textContent.trim()") == "None of these":
            break
    else:
        raise AssertionError("the None of these button cannot be reached with Tab")
    p.keyboard.press("Enter")
    p.wait_for_selector("text=Step 2")
    answer_until_result(p, GLUTE_STORY)
    banner = p.locator(".triage-banner")
    assert "level-self-care" in (banner.get_attribute("class") or "")
    first_cause = p.locator("article.cause h3").first.inner_text()
    assert first_cause.startswith("Weak glutes")
    assert DISCLAIMER[:40] in p.content()
    shot(p, "result-self-care")
    with p.expect_navigation():
        p.get_by_role("button", name="Make my plan").click()
    assert p.locator("h1").inner_text() == "Your plan"
    assert p.locator("#ex-glute_bridge").count() == 1
    shot(p, "plan")


def test_the_urgent_path_shows_the_urgent_banner_and_no_exercises(
        page: Page, server: Running) -> None:
    p = page
    p.goto(f"{server.url}/interview")
    assert "Do any of these apply" in p.locator("h1").inner_text()
    p.get_by_label("One calf or thigh is swollen, warm or red", exact=True).check()
    with p.expect_navigation():
        p.get_by_role("button", name="Continue with these", exact=True).click()
    banner = p.locator(".triage-banner")
    assert "level-urgent" in (banner.get_attribute("class") or "")
    assert "What to do now" in banner.inner_text()
    colour = banner.evaluate("e => getComputedStyle(e).backgroundColor")
    red, green, blue = (int(v) for v in re.findall(r"\d+", colour)[:3])
    assert red > 150 and green < 60 and blue < 60, colour
    assert p.get_by_role("button", name="Make my plan").count() == 0
    assert p.locator(".exercise").count() == 0
    shot(p, "result-urgent")


def test_the_plan_downloads_as_a_pdf(page: Page, server: Running, tmp_path: Path) -> None:
    p = page
    p.goto(f"{server.url}/interview")
    answer_until_result(p, GLUTE_STORY)
    with p.expect_navigation():
        p.get_by_role("button", name="Make my plan").click()
    with p.expect_download() as download_info:
        p.get_by_role("button", name="Printable PDF").click()
    target = tmp_path / "plan.pdf"
    download_info.value.save_as(str(target))
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    text = " ".join(sheet.extract_text() or "" for sheet in PdfReader(io.BytesIO(data)).pages)
    assert "bridge" in text.lower()
    shot(p, "plan-downloaded")


def test_a_logged_cramp_shows_on_the_progress_page(page: Page, server: Running) -> None:
    p = page
    p.goto(f"{server.url}/me/log")
    p.get_by_label("During what").fill("hip thrusts")
    p.get_by_label("Right").check()
    p.get_by_label("How bad (0 = barely, 10 = worst ever)").fill("8")
    with p.expect_navigation():
        p.get_by_role("button", name="Log the cramp").click()
    assert p.get_by_text("Cramp logged.").count() == 1
    with p.expect_navigation():
        p.get_by_role("link", name="See progress").click()
    assert p.locator("#totals-title").inner_text() == "So far"
    p.wait_for_function("() => document.querySelector('figure.chart img').complete")
    assert p.locator("figure.chart img").evaluate("img => img.naturalWidth") > 0
    latest = p.locator("section", has_text="Latest cramps").inner_text()
    assert "right leg, during Barbell hip thrust, severity 8/10" in latest  # named, linked
    shot(p, "progress")


def test_the_question_screen_fits_a_phone(chromium: BrowserType, server: Running,
                                          tmp_path: Path) -> None:
    context = chromium.launch_persistent_context(
        str(tmp_path / "phone"), executable_path=str(CHROMIUM), headless=True,
        args=CHROMIUM_ARGS, viewport={"width": 390, "height": 844}, device_scale_factor=2)
    try:
        p = context.new_page()
        p.goto(f"{server.url}/interview")
        assert p.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        shot(p, "question-phone")
    finally:
        context.close()


# -- with accounts ------------------------------------------------------------------------


def _form(client: httpx.Client, base: str, path: str, data: dict[str, str]) -> httpx.Response:
    html = client.get(f"{base}/").text
    token = re.search(r'<meta name="csrf-token" content="([^"]+)">', html)
    assert token
    return client.post(f"{base}{path}", data={**data, "csrf_token": token.group(1)})


def test_a_client_cannot_open_another_clients_page(page: Page, tmp_path: Path) -> None:
    with running_server(tmp_path / "data", multi_user=True, signup=True) as server, \
            httpx.Client() as coach:
        base = server.url
        assert _form(coach, base, "/signup", {"username": "coach-gil",
                                              "password": PASSWORD}).status_code == 303
        for name in ("Hana", "Ivo"):
            _form(coach, base, "/clients", {"name": name, "username": name.lower(),
                                            "password": PASSWORD})
        ivo = re.search(r'href="/people/(\d+)">Ivo<', coach.get(f"{base}/clients").text)
        assert ivo
        p = page
        p.goto(f"{base}/login")
        p.get_by_label("Username").fill("hana")
        p.get_by_label("Password").fill(PASSWORD)
        with p.expect_navigation():
            p.get_by_role("button", name="Log in").click()
        with p.expect_navigation():
            p.get_by_role("link", name="Log", exact=True).click()
        assert p.locator("h1").inner_text() == "Log"
        response = p.goto(f"{base}/people/{ivo.group(1)}/log")
        assert response is not None and response.status == 404
        assert p.locator("h1").inner_text() == "Page not found"
        assert "Ivo" not in p.content()
        shot(p, "other-client-refused")

