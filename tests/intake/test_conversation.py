"""A written-up conversation ("Nurse: ... / Pt: ..."): the clinician's questions are asked, not
said; the patient's answers say or deny them."""

from __future__ import annotations

import pytest

from crampcoach.intake import read_findings


def read(text: str) -> dict[str, bool | None]:
    return read_findings(text).findings


@pytest.mark.parametrize("sign", [
    ("Nurse: Any numbness in your groin or around your bottom?\nPt: no", "saddle_numbness"),
    ("Nurse: Is the leg swollen, hot or red?\nPt: no looks normal",
     "calf_or_thigh_swollen_warm_red"),
    ("Nurse: Any trouble peeing or with your bowels?\nPt: nope", "bladder_or_bowel_change"),
    ("Nurse: Has your wee ever gone the colour of tea?\nPt: no, always pale",
     "dark_urine_after_exercise"),
])
def test_a_warning_sign_asked_and_answered_no_is_denied(sign: tuple[str, str]) -> None:
    text, finding = sign
    assert read("Pt: my hamstrings cramp on long runs\n" + text).get(finding) is False


def test_a_warning_sign_asked_and_not_answered_is_never_read_as_present() -> None:
    text = ("Nurse: Any numbness around your bottom?\nPt: why do you ask\n"
            "Nurse: When do the cramps come?\nPt: at the end of my runs")
    assert read(text).get("saddle_numbness") is not True


SAID_IN_A_CONVERSATION = {
    # A question answered yes says its words, its own "could" included.
    "answered_yes_with_a_could": (
        "Nurse: Any chance you could be pregnant?\nPt: yes, 24 weeks\n"
        "Nurse: When do the cramps come?\nPt: at night", "pregnant"),
    # A question asking what gives the answer its topic.
    "open_question_gives_the_topic": (
        "Nurse: What colour is your urine?\nPt: like cola. dark brown\n"
        "Nurse: How are the legs?\nPt: hamstrings cramping since the march yesterday",
        "dark_urine_after_exercise"),
    # A reply that opens with "no" denies only the question, not what follows it.
    "no_denies_only_the_question": (
        "Nurse: How long has the cramp been going?\nPt: 25 mins now, back of the thigh\n"
        "Nurse: Does it ease when you stretch it?\nPt: no, stretching does nothing, "
        "won't let go", "cramp_lasts_over_10_min"),
    # "Your" in a clinician's question is the patient's.
    "your_is_the_patients": (
        "Nurse: Do the fronts of your hips feel tight?\nPt: yes, when I first stand up\n"
        "Nurse: When do the cramps come?\nPt: in bridges", "tight_hip_flexors"),
}


@pytest.mark.parametrize("said", SAID_IN_A_CONVERSATION.values(), ids=SAID_IN_A_CONVERSATION)
def test_what_the_patient_answers_is_read_as_said(said: tuple[str, str]) -> None:
    text, finding = said
    assert read(text).get(finding) is True


def test_a_speakers_label_is_not_read_as_a_finding() -> None:
    text = "Nurse: What's been going on?\nPt: hamstrings cramp in hip thrusts"
    assert "sits_most_of_day" not in read(text)


def test_one_line_with_a_label_is_not_a_conversation() -> None:
    # A single "A:" (an ambulance form's "age" field) does not make the text a conversation:
    # its sentences keep their own scope.
    text = ("A: 67F. T: called 07:45. I: R calf swollen, hot vs L. S: constant 'cramp' back "
            "of R thigh since waking, 10 days after a knee replacement.")
    assert read(text).get("calf_or_thigh_swollen_warm_red") is True


@pytest.mark.parametrize(("text", "finding", "value"), [
    ("Nurse: Any bruising? Caller: No, no marks nothing. Nurse: Can he walk? Caller: Yes.",
     "bruising", False),
    ("Nurse: Is the calf swollen or red? Caller: No, both legs look the same.",
     "calf_or_thigh_swollen_warm_red", False),
    ("Nurse: What's happened? Caller: Dad had his knee replaced ten days ago. Since last night "
     "the back of that thigh has been cramping and the whole thigh's swollen up, it's hot and "
     "red.", "calf_or_thigh_swollen_warm_red", True),
])
def test_a_conversation_written_on_one_line_is_read_as_one(text: str, finding: str,
                                                           value: bool) -> None:
    # Speakers named in words at the starts of sentences ("Nurse: ... ? Caller: ..."): the
    # questions are asked and the answers say or deny them, each sentence in its own scope.
    assert read(text).get(finding) is value


def test_a_change_of_colour_is_not_trouble_passing_urine() -> None:
    text = ("Nurse: Any change in your pee?\nPt: yes its brown like cola this morning\n"
            "Nurse: Is either leg swollen, hot or red?\nPt: no")
    reading = read(text)
    assert reading.get("dark_urine_after_exercise") is True
    assert reading.get("bladder_or_bowel_change") is not True
    # "Is either leg ...? / no" denies the swelling, and says nothing of one side only.
    assert reading.get("calf_or_thigh_swollen_warm_red") is False
    assert "one_side_only" not in reading

