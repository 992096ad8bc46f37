"""Typo tolerance: misspelt words are read as the domain word meant; spans keep the person's words."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from crampcoach.intake.lexicon import INTAKE_DIR
from crampcoach.intake.reader import read_findings
from crampcoach.intake.spelling import (
    english_counts,
    lexicon_words,
    load_speller,
    load_speller_from,
    mend_starred,
    names_in,
)
from crampcoach.knowledge.loader import KnowledgeError


@pytest.mark.parametrize(("typed", "meant"), [
    ("briges", "bridges"), ("quats", "quads"), ("thight", "tight"), ("hamstings", "hamstrings"),
    ("crampin", "cramping"), ("hamstrigs", "hamstrings"), ("extensie", "extension"),
])
def test_a_misspelt_domain_word_is_read_as_the_word_meant(typed: str, meant: str) -> None:
    assert load_speller().correct(f"my {typed} hurt").text == f"my {meant} hurt"


@pytest.mark.parametrize("word", ["ngl", "tbh", "lol", "glutes", "hammies", "carb", "rdls", "wont", "its",
                                  "paraesthesia", "paresthesia"])
def test_slang_and_domain_words_are_left_as_written(word: str) -> None:
    assert load_speller().correct(f"it's {word}.").changes == ()


def test_lol_before_more_words_closes_the_thought_as_a_full_stop() -> None:
    fixed = load_speller().correct("check ur pee lol so i did")
    assert "lol. so i did" in fixed.text


@pytest.mark.parametrize(("typed", "meant"), [("dont", "don't"), ("cant", "can't"),
                                              ("wasnt", "wasn't"), ("im", "i'm")])
def test_a_contraction_typed_without_its_apostrophe_is_read_with_it(typed: str, meant: str) -> None:
    fixed = load_speller().correct(f"so {typed} here")
    assert fixed.text == f"so {meant} here"
    assert fixed.original(len(f"so {meant}")) == len(f"so {typed}")


@pytest.mark.parametrize(("typed", "meant"), [
    ("chasin", "chasing"), ("trainin", "training"), ("sprintin", "sprinting")])
def test_a_word_said_without_its_final_g_is_read_as_the_word_meant(typed: str, meant: str) -> None:
    assert load_speller().correct(f"was {typed} hard").text == f"was {meant} hard"


@pytest.mark.parametrize("word", ["cabin", "protein", "raisin", "basin"])
def test_a_known_word_ending_in_in_is_left_as_written(word: str) -> None:
    assert load_speller().correct(f"the {word} again").changes == ()


def test_cant_feel_my_glutes_without_an_apostrophe_reads_hard_to_feel_glutes() -> None:
    from crampcoach.intake import read_findings

    assert read_findings("cant feel my glutes at all").findings.get("hard_to_feel_glutes") is True


def test_a_name_capitalised_inside_a_sentence_is_not_taken_for_a_domain_word() -> None:
    text = "His hamstring cramped and we tried stretching and rubbing Vicks on it"
    assert names_in(text) == frozenset({"vicks"})
    assert load_speller().correct("rubbing vicks on it", names_in(text)).changes == ()
    assert load_speller().correct("rubbing vicks on it").text != "rubbing vicks on it"
    assert "trigger_running_or_sprinting" not in read_findings(text).findings


def test_title_case_says_nothing_of_names() -> None:
    assert names_in("My Quats Are Thight After Hip Briges") == frozenset()
    assert names_in("my quats are thight after hip briges") == frozenset()


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


@pytest.mark.parametrize(("said", "meant"), [
    ("at the seventy-fifth minute", "at the 75th minute"),
    ("thirty four degrees", "34 degrees"),
    ("the twenty-first lap", "the 21st lap"),
    ("about fifteen k", "about 15 k"),
    ("so um, it cramped", "so it cramped"),
    ("at like thirty five k", "at about 35 k"),
    ("can't feel me glutes", "can't feel my glutes"),
])
def test_speech_is_read_as_meant(said: str, meant: str) -> None:
    assert load_speller().correct(said).text == meant


@pytest.mark.parametrize("said", [
    "one leg, two days", "the second half, first set", "what felt like twenty minutes",
    "he told me off", "i like running",
])
def test_speech_rewrites_leave_other_words_alone(said: str) -> None:
    fixed = load_speller().correct(said).text
    assert fixed.split()[:2] == said.split()[:2]
    assert ("like" in fixed) == ("like" in said)


def test_a_number_said_in_words_is_quoted_as_the_person_said_it() -> None:
    text = "It was like thirty four degrees and my hamstrings cramped"
    reading = read_findings(text)
    assert reading.findings.get("cramp_in_hot_conditions") is True
    quoted = {s.text for s in reading.spans if s.finding == "cramp_in_hot_conditions"}
    assert any("thirty four degrees" in q for q in quoted)


def test_two_starred_words_each_mend_their_own_word_with_the_map_kept() -> None:
    text = "thigh is puffin and numbr\n*puffy\n*numb\nand warm"
    mended = mend_starred(text)
    assert mended.text.startswith("thigh is puffy and numb")
    assert mended.text.endswith(" and warm")  # no letter of the next line lost
    assert "*" not in mended.text and "puffin" not in mended.text
    assert len(mended.origin) == len(mended.text) + 1
    # Each mended word still points at the person's own word.
    at = mended.text.index("numb")
    assert text[mended.original(at):mended.original(at) + 5] == "numbr"


def _speller_error(tmp_path: Path, marker: str, added: str) -> tuple[Path, str, str]:
    """Load a copy of the intake files whose words.yaml has `added` put right after
    `marker`: (that words.yaml, its text before the change, the error reported)."""
    for source in INTAKE_DIR.iterdir():
        if source.is_file():
            shutil.copy(source, tmp_path / source.name)
    words = tmp_path / "words.yaml"
    text = words.read_text(encoding="utf-8")
    assert marker in text
    words.write_text(text.replace(marker, marker + added, 1), encoding="utf-8")
    with pytest.raises(KnowledgeError) as raised:
        load_speller_from(tmp_path)
    return words, text, str(raised.value)


def test_a_broken_rewrite_is_reported_at_its_line_in_words_yaml(tmp_path: Path) -> None:
    marker = "  rewrites:\n"
    words, text, error = _speller_error(tmp_path, marker, "    - {pattern: '(?<=a+)b', as: 'c'}\n")
    line = text[:text.index(marker)].count("\n") + 2
    # Named as the other knowledge files name theirs: by the file's own path here.
    assert error.startswith(f"{words}:{line}: spoken.rewrites[0]")


# A rewrite naming a group its pattern lacks; one written with a capital, which would never
# match a pattern since descriptions are read lower-cased.
@pytest.mark.parametrize(("rewrite", "says"), [
    ("    - {pattern: '(dad)''s', as: '\\2 is'}\n", "group"),
    ("    - {pattern: 'mi(?= cyaan)', as: 'I'}\n", "lower case"),
])
def test_a_rewrite_that_cannot_work_is_reported_at_its_line(tmp_path: Path, rewrite: str,
                                                            says: str) -> None:
    marker = "  rewrites:\n"
    words, text, error = _speller_error(tmp_path, marker, rewrite)
    line = text[:text.index(marker)].count("\n") + 2
    assert error.startswith(f"{words}:{line}: spoken.rewrites")
    assert says in error


@pytest.mark.parametrize(("said", "meant"), [
    # English words stay English; the Hindi and Patois senses only in their phrases.
    ("i rang the gp about my cramps", "i rang the gp about my cramps"),
    ("peshab ka rang kaala hai", "urine ka colour black hai"),
    ("my batty aunt says stretch", "my batty aunt says stretch"),
    ("round mi batty feel dead", "round my bum feel dead"),
    ("5-6 peg har raat", "5-6 drinks every night"),
])
def test_a_word_of_another_language_is_read_only_where_it_is_meant(said: str,
                                                                   meant: str) -> None:
    assert load_speller().correct(said).text == meant


def test_a_rewrite_may_keep_its_groups() -> None:
    # "my dad's diabetic" is read as "my dad is diabetic", the relative kept.
    assert load_speller().correct("my dad's diabetic").text == "my dad is diabetic"


# `bad`: which of the added lines is at fault (a duplicate is reported where it repeats).
@pytest.mark.parametrize(("added", "bad", "says"), [
    ("  zzdup: aren't\n  zzdup: are not\n", 1, "duplicate key 'zzdup'"),
    ("  zzbool: off\n", 0, "contractions.zzbool: Input should be a valid string"),
])
def test_a_duplicate_or_a_yaml_boolean_in_words_yaml_is_reported_at_its_line(
        tmp_path: Path, added: str, bad: int, says: str) -> None:
    marker = "\ncontractions:\n"
    words, text, error = _speller_error(tmp_path, marker, "  zzfirst: zz\n" + added)
    line = text[:text.index(marker)].count("\n") + 4 + bad
    assert f"{words}:{line}:" in error and says in error


def test_a_word_only_in_a_comment_is_not_kept_from_correction(tmp_path: Path) -> None:
    """Comments quote examples ("dark afterwards? it wasn't"); only the patterns' own words
    are kept as written, or a note about a rule would change how words are read."""
    for source in INTAKE_DIR.iterdir():
        if source.is_file():
            shutil.copy(source, tmp_path / source.name)
    rules = tmp_path / "rules.yaml"
    rules.write_text("# zzcommentword\n" + rules.read_text(encoding="utf-8"), encoding="utf-8")
    assert "zzcommentword" not in lexicon_words(tmp_path)
    assert "afterward" not in lexicon_words(INTAKE_DIR)
    assert "afterwards" in lexicon_words(INTAKE_DIR)
    assert load_speller().correct("in the evening afterward").text.endswith("afterwards")


def test_no_pattern_spells_a_word_with_its_final_g_dropped() -> None:
    """A word a pattern spells out is kept as written by the spelling matcher, so "nothin" in a
    pattern would stop every "nothin" being read as "nothing" by the patterns that need it."""
    english = english_counts()
    dropped = {w for w in lexicon_words(INTAKE_DIR)
               if w.endswith("in") and w not in english and w + "g" in english}
    assert dropped <= {"statin"}  # a medicine, not a dropped g
    assert load_speller().correct("no stretch, nothin, doin nothin").text == \
        "no stretch, nothing, doing nothing"


def test_scots_an_is_and_only_where_english_could_not_have_the_article() -> None:
    speller = load_speller()
    assert speller.correct("an ma pish wis dark").text == "and my pee was dark"
    assert speller.correct("an all-out effort and an after-work run").text == \
        "an all-out effort and an after-work run"
