"""The interview pages: one question per screen, answers travel in the form, back works."""

from __future__ import annotations

import html
import re

from crampcoach.case import Case
from crampcoach.knowledge import load_knowledge
from crampcoach.reasoning import assess

from ..clients import Client, read_page

CHECKLIST = load_knowledge().screening_checklist()


def post(client: Client, page: str, extra: list[tuple[str, str]]) -> str:
    """Press a button on `page`: post its hidden fields plus `extra`."""
    reader = read_page(page)
    fields = [(k, v) for k, v in reader.hidden if k != "csrf_token"]
    response = client.form("/interview", [*fields, *extra])
    assert response.status_code == 200, response.text
    return str(response.text)


def answer(client: Client, page: str, word: str) -> str:
    """Answer a step: a yes / no / don't know button, or on a checklist "none of these"."""
    if 'name="tick"' in page:
        return post(client, page, [("answer", "none" if word == "no" else "checklist")])
    return post(client, page, [("answer", word)])


def question_of(page: str) -> str:
    found = re.search(r'<h1 class="question">(.*?)</h1>', page)
    assert found, "not a question page"
    return found.group(1)


def answered(page: str) -> list[str]:
    return [v for k, v in read_page(page).hidden if k == "answered"]


def ticks(page: str) -> list[str]:
    return re.findall(r'name="tick" value="(\w+)"', page)


def test_the_first_screen_is_the_whole_warning_sign_checklist(single_user: Client) -> None:
    page = single_user.get("/interview").text
    kb = load_knowledge()
    first = assess(Case()).next_question
    assert first is not None and first.also
    assert question_of(page) == "Do any of these apply to you now?"
    assert sorted(ticks(page)) == sorted(CHECKLIST)
    assert re.findall(r'name="unsure" value="(\w+)"', page) == ticks(page)
    assert "Warning signs" in page and "Medical history" in page  # the long list in parts
    for finding in CHECKLIST:
        assert (kb.findings[finding].checklist or "?") in html.unescape(page)
    assert re.findall(r'name="answer" value="(\w+)"', page) == ["none", "checklist", "none"]
    assert "None of these apply" in page  # the early way out, named apart from the last
    assert "Step 1" in page


def test_each_step_is_carried_forward_and_back_undoes_the_whole_step(single_user: Client) -> None:
    first = single_user.get("/interview").text
    second = answer(single_user, first, "no")
    assert len(answered(second)) == len(CHECKLIST)
    topic = ticks(second)
    assert topic, "the step after the warning signs is a topic checklist"
    third = post(single_user, second, [("answer", "checklist"), ("tick", topic[0]),
                                       ("unsure", topic[1])])
    assert len(answered(third)) == len(CHECKLIST) + len(topic)
    assert f"{topic[0]}:yes" in answered(third) and f"{topic[1]}:unknown" in answered(third)
    assert "Step 3" in third
    back = post(single_user, third, [("action", "back")])
    assert question_of(back) == question_of(second)
    assert len(answered(back)) == len(CHECKLIST)


def test_a_tick_that_is_not_on_the_list_is_refused(single_user: Client) -> None:
    page = single_user.get("/interview").text
    reader = read_page(page)
    fields = [(k, v) for k, v in reader.hidden if k != "csrf_token"]
    response = single_user.form("/interview", [*fields, ("answer", "checklist"),
                                               ("tick", "tight_hamstrings")])
    assert response.status_code == 422 and "tick" in response.text


def test_the_leading_causes_follow_the_answers(single_user: Client) -> None:
    fields = [("answered", "trigger_bridge_or_hip_thrust:yes"),
              ("answered", "hard_to_feel_glutes:yes"),
              ("answered", "feel_hamstrings_more_than_glutes:yes"),
              ("action", "continue")]
    page = single_user.form("/interview", fields).text
    leading = page.split("Leading causes so far")[1]
    first_cause = re.search(r'<span class="cause-name">(.*?)</span>', leading)
    assert first_cause and first_cause.group(1).startswith("Weak glutes")


def test_answering_no_to_everything_ends_kept_with_nothing_fits_and_the_plan_button(
    single_user: Client,
) -> None:
    page = single_user.get("/interview").text
    for _ in range(20):
        if "Leading causes so far" not in page:
            break
        page = answer(single_user, page, "no")
    else:
        raise AssertionError("the interview never ended")
    assert 'class="triage-banner level-self-care"' in page
    assert "Nothing here fits" in page and "physiotherapist" in page
    assert "Make my plan" in page and 'action="/plan"' in page
    assert "log as assessment 1" in page
    # Posting the same final answers again (a reload) keeps no second copy.
    again = single_user.form("/interview", [(k, v) for k, v in read_page(page).hidden
                                             if k != "csrf_token"] + [("action", "continue")]).text
    assert "log as assessment 1" in again


def test_a_ticked_warning_sign_goes_straight_to_the_urgent_result(single_user: Client) -> None:
    page = single_user.get("/interview").text
    result = post(single_user, page, [("answer", "checklist"),
                                      ("tick", "dark_urine_after_exercise")])
    assert 'class="triage-banner level-urgent"' in result
    assert "What to do now" in result
    assert "Make my plan" not in result
    causes = result.split('id="causes-title"')[1]
    first = re.search(r'<h3 id="cause-(\w+)"', causes)
    assert first and first.group(1) == "rhabdomyolysis"


def test_a_tampered_state_is_refused_with_the_field_named(single_user: Client) -> None:
    response = single_user.form("/interview", [("answered", "not_a_finding:yes")])
    assert response.status_code == 422
    assert "unknown finding id" in response.text
    response = single_user.form("/interview", [("answered", "bruising:maybe")])
    assert response.status_code == 422
    response = single_user.form("/interview", [("age", "7")])
    assert response.status_code == 422 and "age" in response.text
    response = single_user.form("/interview", [("surprise", "1")])
    assert response.status_code == 422 and "surprise" in response.text


def test_every_control_on_the_question_screen_has_a_label(single_user: Client) -> None:
    reader = read_page(single_user.get("/interview").text)
    assert reader.unlabelled() == []
