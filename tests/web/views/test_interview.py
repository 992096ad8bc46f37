"""The interview pages: one question per screen, answers travel in the form, back works."""

from __future__ import annotations

import html
import re

from crampcoach.case import Case
from crampcoach.knowledge import load_knowledge
from crampcoach.reasoning import assess

from ..clients import Client, read_page


def answer(client: Client, page: str, word: str) -> str:
    """Press an answer button: post the page's hidden fields plus the answer."""
    reader = read_page(page)
    fields = [(k, v) for k, v in reader.hidden if k != "csrf_token"]
    response = client.form("/interview", [*fields, ("answer", word)])
    assert response.status_code == 200, response.text
    return str(response.text)


def question_of(page: str) -> str:
    found = re.search(r'<h1 class="question">(.*?)</h1>', page)
    assert found, "not a question page"
    return found.group(1)


def answered(page: str) -> list[str]:
    return [v for k, v in read_page(page).hidden if k == "answered"]


def test_the_first_screen_asks_one_safety_question_with_its_help(single_user: Client) -> None:
    page = single_user.get("/interview").text
    kb = load_knowledge()
    first = assess(Case()).next_question
    assert first is not None
    assert question_of(page) == html.escape(first.text)
    assert kb.findings[first.finding].help.split(",")[0] in page
    assert "Safety check" in page
    buttons = re.findall(r'name="answer" value="(\w+)"', page)
    assert buttons == ["yes", "no", "unknown"]
    assert "Question 1" in page


def test_each_answer_is_carried_forward_and_back_undoes_the_last(single_user: Client) -> None:
    first = single_user.get("/interview").text
    second = answer(single_user, first, "no")
    third = answer(single_user, second, "unknown")
    assert len(answered(third)) == 2
    assert answered(third)[1].endswith(":unknown")
    assert "Question 3" in third
    fields = [(k, v) for k, v in read_page(third).hidden if k != "csrf_token"]
    back = single_user.form("/interview", [*fields, ("action", "back")]).text
    assert question_of(back) == question_of(second)
    assert len(answered(back)) == 1


def test_the_leading_causes_follow_the_answers(single_user: Client) -> None:
    fields = [("answered", "trigger_bridge_or_hip_thrust:yes"),
              ("answered", "hard_to_feel_glutes:yes"),
              ("answered", "feel_hamstrings_more_than_glutes:yes"),
              ("action", "continue")]
    page = single_user.form("/interview", fields).text
    leading = page.split("Leading causes so far")[1]
    first_cause = re.search(r'<span class="cause-name">(.*?)</span>', leading)
    assert first_cause and first_cause.group(1).startswith("Weak glutes")


def test_answering_no_to_everything_ends_in_a_self_care_result(single_user: Client) -> None:
    page = single_user.get("/interview").text
    for _ in range(80):
        if "Leading causes so far" not in page:
            break
        page = answer(single_user, page, "no")
    else:
        raise AssertionError("the interview never ended")
    assert 'class="triage-banner level-self-care"' in page
    assert "Likely causes" in page and "Make my plan" in page


def test_a_warning_sign_goes_straight_to_the_urgent_result(single_user: Client) -> None:
    page = single_user.form("/interview", [("finding", "calf_or_thigh_swollen_warm_red"),
                                           ("answer", "yes")]).text
    assert 'class="triage-banner level-urgent"' in page
    assert "What to do now" in page
    assert "Make my plan" not in page


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
