"""Typo tolerance: misspelt words are read as the domain word meant; spans keep the person's words."""

from __future__ import annotations

import pytest

from crampcoach.intake.reader import read_findings
from crampcoach.intake.spelling import load_speller


@pytest.mark.parametrize(("typed", "meant"), [
    ("briges", "bridges"), ("quats", "quads"), ("thight", "tight"), ("hamstings", "hamstrings"),
    ("crampin", "cramping"), ("hamstrigs", "hamstrings"), ("extensie", "extension"),
])
def test_a_misspelt_domain_word_is_read_as_the_word_meant(typed: str, meant: str) -> None:
    assert load_speller().correct(f"my {typed} hurt").text == f"my {meant} hurt"


@pytest.mark.parametrize("word", ["ngl", "tbh", "lol", "glutes", "hammies", "carb", "rdls", "wont", "its",
                                  "paraesthesia", "paresthesia"])
def test_slang_and_domain_words_are_left_as_written(word: str) -> None:
    assert load_speller().correct(f"so {word} here").changes == ()


@pytest.mark.parametrize(("typed", "meant"), [("dont", "don't"), ("cant", "can't"),
                                              ("wasnt", "wasn't"), ("im", "i'm")])
def test_a_contraction_typed_without_its_apostrophe_is_read_with_it(typed: str, meant: str) -> None:
    fixed = load_speller().correct(f"so {typed} here")
    assert fixed.text == f"so {meant} here"
    assert fixed.original(len(f"so {meant}")) == len(f"so {typed}")


def test_cant_feel_my_glutes_without_an_apostrophe_reads_hard_to_feel_glutes() -> None:
    from crampcoach.intake import read_findings

    assert read_findings("cant feel my glutes at all").findings.get("hard_to_feel_glutes") is True


def test_offsets_map_back_to_the_original_words() -> None:
    text = "My quats are thight after hip briges"
    fixed = load_speller().correct(text.lower())
    start = fixed.text.index("bridges")
    end = start + len("bridges")
    assert text[fixed.original(start):fixed.original(end)] == "briges"


def test_a_misspelt_description_is_read_and_its_spans_quote_the_person() -> None:
    reading = read_findings("Every time I do hip briges my hamstings crampin.")
    assert reading.findings.get("trigger_bridge_or_hip_thrust") is True
    quoted = {s.text for s in reading.spans if s.finding == "trigger_bridge_or_hip_thrust"}
    assert quoted == {"hip briges"}
