"""The path through the pages in a real browser, desktop and phone size, with axe-core run
on every page on the way: description -> checklists -> result -> plan -> first session ->
log -> progress -> training record; the account pages; the urgent result.

axe-core is installed by scripts/install-test-deps (npm, into .test-deps/).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserType, Page, sync_playwright

from crampcoach.store import accounts, database

from .servers import Running, running_server

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).resolve().parents[2] / ".test-deps" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
GLUTE_STORY = {"trigger_bridge_or_hip_thrust", "hard_to_feel_glutes",
               "feel_hamstrings_more_than_glutes", "cramp_during_exercise"}
DESCRIPTION = "My hamstrings cramp in hip thrusts and I can hardly feel my glutes."
PASSWORD = "correct horse battery"


@pytest.fixture(scope="module")
def chromium() -> Iterator[BrowserType]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    if not AXE.exists():
        pytest.skip("axe-core is not installed (run scripts/install-test-deps)")
    with sync_playwright() as playwright:
        yield playwright.chromium


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    with running_server(tmp_path_factory.mktemp("a11y") / "data") as running:
        yield running


@pytest.fixture(params=list(SIZES))
def page(request: pytest.FixtureRequest, chromium: BrowserType, tmp_path: Path) -> Iterator[Page]:
    context = chromium.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=str(CHROMIUM), headless=True,
        args=CHROMIUM_ARGS, viewport=SIZES[request.param], bypass_csp=True)
    context.set_default_timeout(90_000)  # two cores shared by server, browser and pytest
    try:
        yield context.pages[0] if context.pages else context.new_page()
    finally:
        context.close()


def serious_problems(page: Page) -> list[str]:
    """axe-core's critical and serious findings on the page as it is now."""
    page.add_script_tag(path=str(AXE))
    found: list[dict[str, Any]] = page.evaluate(
        "async () => (await axe.run(document)).violations.map(v => "
        "({id: v.id, impact: v.impact, where: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}))")
    return [f"{page.url}: {v['id']} ({v['impact']}) at {v['where']}" for v in found
            if v["impact"] in ("critical", "serious")]


def answer_until_result(page: Page, limit: int = 80) -> list[str]:
    """Answer each step from GLUTE_STORY (tick its lines on a checklist, yes or no to a
    question) and return axe's findings on every checklist page on the way."""
    problems: list[str] = []
    for _ in range(limit):
        finding = page.locator('input[name="finding"]')
        if finding.count() == 0:
            return problems
        ticks = page.locator('input[name="tick"]')
        if ticks.count():
            problems += serious_problems(page)  # a checklist
            values = [ticks.nth(i).get_attribute("value") for i in range(ticks.count())]
            chosen = [v for v in values if v in GLUTE_STORY]
            for value in chosen:
                page.locator(f'input[name="tick"][value="{value}"]').check()
            name = "Continue with these" if chosen else "None of these"
        else:
            name = "Yes" if finding.get_attribute("value") in GLUTE_STORY else "No"
        with page.expect_navigation():
            page.get_by_role("button", name=name, exact=True).click()
    raise AssertionError("the interview did not end")


def add_coach(data_dir: Path, username: str) -> None:
    """A coach made as `crampcoach account add` makes one (sign-up is closed by default)."""
    url = database.sqlite_url_in(data_dir)
    try:
        with database.transaction(url) as session:
            accounts.create_coach(session, accounts.Credentials(username=username,
                                                                password=PASSWORD))
    finally:
        database.dispose(url)


def test_the_path_from_description_to_progress_is_usable_at_desktop_and_phone_size(
        page: Page, server: Running) -> None:
    problems: list[str] = []
    page.goto(f"{server.url}/")
    problems += serious_problems(page)

    # The describe path keeps what was typed about the person on the home page.
    page.get_by_label("Age").fill("34")
    page.get_by_label("Sex").select_option("female")
    page.get_by_label("Days since the last cramp").fill("12")
    page.get_by_label("What happens, when, and what you have tried").fill(DESCRIPTION)
    with page.expect_navigation():
        page.get_by_role("button", name="Read my description").click()
    kept = {name: page.locator(f'input[name="{name}"]').first.input_value()
            for name in ("age", "sex", "days_since_last_cramp")}
    assert kept == {"age": "34", "sex": "female", "days_since_last_cramp": "12"}
    problems += serious_problems(page)

    # Each step waits for the page it leads to: a check made while the next page is still
    # loading would see an empty title or no form yet.
    with page.expect_navigation():
        page.get_by_role("button", name="That's right — continue").click()
    assert page.locator('input[name="tick"]').count() > 0  # the warning-sign checklist
    problems += answer_until_result(page)
    problems += serious_problems(page)  # the result

    with page.expect_navigation():
        page.get_by_role("button", name="Make my plan").click()
    assert page.title().startswith("Your plan") and "<" not in page.title()
    problems += serious_problems(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Save this plan").click()
    assert page.get_by_role("heading", name="Your first session").is_visible()
    problems += serious_problems(page)

    with page.expect_navigation():
        page.get_by_role("link", name="Log the session when you have done it").click()
    problems += serious_problems(page)
    page.get_by_label("Exercise", exact=True).first.fill("hip thrust")  # an alias
    page.locator('input[name="item0.sets"]').fill("3")
    page.locator('input[name="item0.reps"]').fill("8")
    with page.expect_navigation():
        page.get_by_role("button", name="Log the session").click()
    assert page.get_by_text("Session logged.").is_visible()
    assert page.get_by_text("Barbell hip thrust 3 × 8").count() >= 1  # stored by its id

    page.goto(f"{server.url}/me/progress")
    assert page.get_by_role("heading", name="Your progress").is_visible()
    problems += serious_problems(page)
    page.goto(f"{server.url}/me/record")
    problems += serious_problems(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Training record").first.click()
    assert page.url.endswith("/training")
    assert page.get_by_role("heading", level=1).count() == 1
    problems += serious_problems(page)
    assert problems == []


def test_the_progress_chart_is_drawn_for_the_screen_it_is_shown_on(
        page: Page, server: Running) -> None:
    page.goto(f"{server.url}/me/log")
    page.get_by_label("During what").fill("glute bridge")
    with page.expect_navigation():
        page.get_by_role("button", name="Log the cramp").click()
    page.goto(f"{server.url}/me/progress")
    chart = page.locator("figure.chart img")
    chart.scroll_into_view_if_needed()
    page.wait_for_function("() => document.querySelector('figure.chart img').complete")
    natural = page.evaluate("() => document.querySelector('figure.chart img').naturalWidth")
    shown = chart.bounding_box()
    assert shown is not None and natural > 0
    # The picture the browser chose was drawn for about this width, not shrunk to a third.
    assert natural <= 2 * shown["width"]
    problems = serious_problems(page)
    assert problems == []


def test_the_account_pages_pass_axe_at_desktop_and_phone_size(page: Page, tmp_path: Path) -> None:
    with running_server(tmp_path / "data", multi_user=True) as team:
        add_coach(tmp_path / "data", "coach-ada")
        problems: list[str] = []
        page.goto(f"{team.url}/login")
        problems += serious_problems(page)
        page.get_by_label("Username").fill("coach-ada")
        page.get_by_label("Password").fill(PASSWORD)
        with page.expect_navigation():
            page.get_by_role("button", name="Log in").click()
        page.goto(f"{team.url}/clients")
        problems += serious_problems(page)  # no clients yet
        page.locator("#name").fill("Bea")
        page.get_by_label("Their username").fill("bea")
        page.get_by_label("Their first password").fill(PASSWORD)
        with page.expect_navigation():
            page.get_by_role("button", name="Add the client").click()
        page.goto(f"{team.url}/clients")
        problems += serious_problems(page)
        page.get_by_role("link", name="Bea", exact=True).first.click()
        page.wait_for_url(f"{team.url}/people/*")
        problems += serious_problems(page)  # the client's record, seen by the coach
        record = page.url
        response = page.goto(f"{record}/training")
        assert response is not None and response.status == 200
        problems += serious_problems(page)  # the client's training record
        page.goto(f"{team.url}/account")
        problems += serious_problems(page)
        missing = page.goto(f"{team.url}/people/999999/log")
        assert missing is not None and missing.status == 404
        problems += serious_problems(page)  # the not-found page
        assert problems == []


def test_the_urgent_result_passes_axe(page: Page, server: Running) -> None:
    page.goto(f"{server.url}/interview")
    assert page.locator('input[name="tick"]').count() > 0  # the warning-sign checklist
    assert serious_problems(page) == []
    page.get_by_label("One calf or thigh is swollen, warm or red", exact=True).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Continue with these", exact=True).click()
    assert "level-urgent" in (page.locator(".triage-banner").get_attribute("class") or "")
    assert serious_problems(page) == []  # the red banner keeps its text readable


# The plans whose pages hold the newer elements: a volume schedule, a daily routine, acute care.
MODULE_PLANS = {
    "load spike": ["recent_training_increase:yes", "trigger_running_or_sprinting:yes",
                   "cramp_during_exercise:yes", "cramp_late_in_session:no",
                   "volume_current=50", "volume_unit=km", "volume_tolerated=30"],
    "sitting": ["sits_most_of_day:yes", "tight_hip_flexors:yes",
                "cramp_while_sitting_or_resting:yes", "cramp_during_exercise:no"],
    "strain": ["cramp_during_exercise:yes", "tender_after_cramp:yes", "bruising:yes",
               "popping_sensation:no", "pain_walking_or_straightening:no"],
}

MODULE_HEADINGS = {"load spike": "Your weekly training volume", "sitting": "Your daily routine",
                   "strain": "The first days and getting back to running"}


def test_plan_pages_with_schedule_routine_and_acute_care_pass_axe(
        page: Page, server: Running) -> None:
    problems: list[str] = []
    for name, fields in MODULE_PLANS.items():
        page.goto(f"{server.url}/interview")
        pairs = [f.split("=", 1) if "=" in f else ["answered", f] for f in fields]
        with page.expect_navigation():
            # The form a results page would post, with this page's CSRF token.
            page.evaluate("""pairs => {
                const form = document.createElement('form');
                form.method = 'post'; form.action = '/plan';
                const token = document.querySelector('input[name="csrf_token"]');
                for (const [k, v] of [...pairs, ['csrf_token', token.value]]) {
                    const input = document.createElement('input');
                    input.type = 'hidden'; input.name = k; input.value = v;
                    form.appendChild(input);
                }
                document.body.appendChild(form); form.submit();
            }""", pairs)
        assert page.title().startswith("Your plan"), name
        assert page.get_by_role("heading", name=MODULE_HEADINGS[name]).count() == 1, name
        problems += [f"{name}: {p}" for p in serious_problems(page)]
    assert problems == []
