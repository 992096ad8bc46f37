"""Quotes of the person's words end on a word that says what was meant."""

from __future__ import annotations

from crampcoach.case import parse_case
from crampcoach.intake.quotes import whole_words
from crampcoach.reasoning import assess


def test_a_quote_of_the_persons_words_does_not_end_on_a_dangling_word() -> None:
    text = "and I cant feel my glutes at all"
    start = text.index("cant")
    assert whole_words(text, start, start + len("cant feel my")) == "cant feel my glutes"
    assert whole_words(text, start, start + len("cant feel")) == "cant feel"


def test_every_front_end_gets_the_whole_words_in_the_assessment() -> None:
    text = "My hamstrings cramp in hip thrusts and I can't feel my bum working at all."
    spans = assess(parse_case({"text": text})).understood_spans or []
    glutes = [s for s in spans if s.finding == "hard_to_feel_glutes"]
    assert glutes and all(not s.text.rstrip().lower().endswith(" my") for s in glutes)
    assert all(s.text.startswith(text[s.span[0]:s.span[1]]) for s in spans)
