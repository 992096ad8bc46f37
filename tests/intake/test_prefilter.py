"""The prefilter: a cue's pattern runs only on texts holding one of its anchor words."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crampcoach.intake.lexicon import load_lexicon
from crampcoach.intake.prefilter import (
    AFTER,
    AnchorFinder,
    OpeningFinder,
    Openings,
    anchors_of,
    openings_of,
)
from crampcoach.intake.reader import read_with

BATCHES = sorted(Path(__file__).parent.glob("*_batches/batch*.jsonl"))


@pytest.mark.parametrize(("pattern", "anchors"), [
    ("(?:urine|pee) was (?:dark|brown)", ("brown", "dark")),
    ("pop(?:ped|ping)?|snap", ("pop", "snap")),
    ("x?abc", ("abc",)),
    ("the (?:last|final) set", ("final", "last")),
])
def test_anchors_are_the_rarest_words_every_match_holds(pattern: str, anchors: tuple[str, ...]) -> None:
    assert anchors_of(pattern) == anchors


@pytest.mark.parametrize("pattern", [
    r"(?:a|b)c",          # nothing three letters long is certain
    r"\d+ ?km",           # digits and a short unit only
    r"(?:sore)?ness|x",   # one alternative needs no anchor
    r"[a-z]+s",           # a class, and one letter
])
def test_a_pattern_without_a_certain_word_gets_no_anchor(pattern: str) -> None:
    assert anchors_of(pattern) == ()


def _without_anchors() -> object:
    lex = load_lexicon()
    return dataclasses.replace(lex, cues=tuple(dataclasses.replace(c, anchors=()) for c in lex.cues))


def test_most_cues_have_anchors() -> None:
    cues = load_lexicon().cues
    assert sum(1 for c in cues if c.anchors) > 0.8 * len(cues)


@pytest.mark.parametrize("path", BATCHES[:4], ids=lambda p: p.stem)
def test_descriptions_read_the_same_with_and_without_the_prefilter(path: Path) -> None:
    lex, plain = load_lexicon(), _without_anchors()
    for line in path.read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["case"]["text"]
        assert read_with(text, lex) == read_with(text, plain), text  # type: ignore[arg-type]


_WORDS = ["my", "hamstrings", "cramp", "not", "no", "swollen", "calf", "pee", "dark", "last",
          "set", "hip", "thrusts", "bridges", "glutes", "can't", "feel", "hot", "minutes", "20",
          "night", "woke", "sat", "desk", "pop", "bruise", "run", "and", ",", "."]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=14))
def test_any_text_reads_the_same_with_and_without_the_prefilter(words: list[str]) -> None:
    text = " ".join(words)
    assert read_with(text, load_lexicon()) == read_with(text, _without_anchors())  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ',.", max_size=300))
def test_the_anchor_finder_finds_exactly_the_anchors_a_text_holds(text: str) -> None:
    lex = load_lexicon()
    assert lex.anchor_finder.found_in(text) == {a for a in lex.anchors if a in text}


def test_anchors_found_in_a_description_are_those_it_holds() -> None:
    finder = AnchorFinder(("cramp", "ramp", "hip thrust", "night"))
    assert finder.found_in("hamstrings cramp on hip thrusts") == {"cramp", "ramp", "hip thrust"}
    assert AnchorFinder(()).found_in("anything") == set()


def test_the_lexicon_worked_out_is_kept_for_later_processes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from crampcoach.intake import lexicon
    from crampcoach.knowledge import loader

    monkeypatch.setattr(loader.platformdirs, "user_cache_dir", lambda *_a, **_k: str(tmp_path))
    first = lexicon.load_lexicon.__wrapped__()
    kept = loader.read_cached("intake-lexicon", lexicon.Lexicon)
    assert kept is not None
    assert [c.anchors for c in kept.cues] == [c.anchors for c in first.cues]

    # A later process reads it back instead of parsing the files and patterns again.
    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(lexicon, "anchors_of", no_parsing)
    monkeypatch.setattr(lexicon, "_build", no_parsing)
    again = lexicon.load_lexicon.__wrapped__()
    assert [c.regex.pattern for c in again.cues] == [c.regex.pattern for c in first.cues]
    assert again.cues_by_anchor == first.cues_by_anchor
    assert again.opening_set_of == first.opening_set_of


def test_a_lexicon_read_back_compiles_only_the_patterns_a_text_needs() -> None:
    import pickle

    from crampcoach.intake.lexicon import LazyRegex

    lexicon = pickle.loads(pickle.dumps(load_lexicon()))  # as a later process reads it
    assert all(cue.regex._compiled is None for cue in lexicon.cues)
    text = "My hamstrings cramp on glute bridges and I can't feel my glutes."
    assert read_with(text, lexicon) == read_with(text, load_lexicon())
    compiled = sum(cue.regex._compiled is not None for cue in lexicon.cues)
    assert 0 < compiled < len(lexicon.cues) // 4
    # A pattern kept as text is the same pattern as the one compiled at load.
    assert LazyRegex("a+b") == LazyRegex("a+b") and LazyRegex("a+b") != LazyRegex("a+c")
    assert LazyRegex("(?P<n>a+)b").search("xaab") is not None


@pytest.mark.parametrize(("pattern", "openings"), [
    ("cramp(?:s|ed)? at night", ("cramp ", "crampe", "cramps")),
    ("(?:my )?cramps", ("cramps", "my cra")),
    ("(?<![\\w'])(?:pop|snap)(?!\\w)", ("pop", "snap")),
    ("[2-4] ?(?:hours|hrs)", ("2 hour", "2 hrs", "2hours", "2hrs", "3 hour", "3 hrs", "3hours",
                              "3hrs", "4 hour", "4 hrs", "4hours", "4hrs")),
    ("(?:^|(?<=[.!?] ))(?:i'm|im) pregnant", ("i'm pr", "im pre")),
    ("x*cramp", ("cramp", "x")),
    # One of a repeated letter, then more of it or what follows.
    ("u+m+ ", ("um ", "umm", "uu")),
])
def test_openings_are_what_every_match_starts_with(pattern: str, openings: tuple[str, ...]) -> None:
    assert openings_of(pattern) == openings


@pytest.mark.parametrize("pattern", [
    r"\w+ cramp",        # any word first
    r"(?:sore)?ness|.x",  # any character first in one alternative
    r"(?i:Cramp)",        # case-blind: the text's case is not the pattern's
    r"x?",                # may match nothing at all
])
def test_a_pattern_that_may_open_with_anything_gets_no_openings(pattern: str) -> None:
    assert openings_of(pattern) == ()


_SMALL_PATTERNS = [
    r"(?:very |really )?(?:sore|tight) (?:hamstrings?|hammies)",
    r"\d+ ?(?:km|miles?)",
    r"(?:a|b){1,3}c+",
    r"(?:one|two|three|\d{1,2})[- ](?:hour|day)s?",
    r"(?:a|b|c|d|e|f|g|h|i|j)(?:a|b|c|d|e|f|g|h|i|j)(?:a|b|c|d|e|f|g|h|i|j)(?:k|l|m|n|o|p)",
]


@pytest.mark.parametrize("pattern", _SMALL_PATTERNS)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_every_match_starts_with_one_of_its_openings(pattern: str, data: st.DataObject) -> None:
    openings = openings_of(pattern)
    assert openings
    matched = data.draw(st.from_regex(pattern, fullmatch=True).filter(str.isascii))
    assert any(matched.startswith(opening) for opening in openings), (matched, openings)


@pytest.mark.parametrize("pattern", [
    "{HAM} cramps?",
    "(?:{HAM}|{ONE}) x",    # the parser makes a class of single characters, macros too
    "{ONE}?{HAM}",
    "(?:my )?{LEG}",
])
def test_openings_with_macros_are_those_of_the_pattern_written_out(pattern: str) -> None:
    macros = {"HAM": "ham(?:string|my|mies)s?", "ONE": "[1-3]", "LEG": "(?:left |right )?{HAM}"}
    written_out = pattern
    while "{" in written_out:
        for name, body in macros.items():
            written_out = written_out.replace("{" + name + "}", f"(?:{body})")
    assert Openings(macros).of(pattern) == openings_of(written_out)


def test_the_lexicon_works_out_each_patterns_openings_as_if_written_out() -> None:
    from crampcoach.intake.lexicon import patterns_of

    lex = load_lexicon()
    patterns = sorted({p.pattern for p in patterns_of(lex)})[::15]
    for pattern in patterns:
        index = lex.opening_set_of.get(pattern)
        kept = () if index is None else tuple(sorted(lex.opening_finder.sets[index]))
        assert kept == openings_of(pattern), pattern


def test_a_pattern_after_a_look_behind_opens_just_after_its_words() -> None:
    # What follows the look-behind opens with any word: the place after "back home " will do.
    openings = openings_of(r"(?<=back home )(?:[\w']+ ){0,8}?never")
    assert openings == (AFTER + "back home ",)
    places = OpeningFinder((openings, ("ne",))).places_in("we went back home and never")
    assert places.of(0) == [len("we went back home ")]
    assert places.of(1) == [len("we went back home and ")]
    # What follows opens with known words: those are the openings.
    assert openings_of(r"(?<=the )po(?!x)") == ("po",)


def test_too_many_openings_are_cut_shorter_not_dropped() -> None:
    # Four choices of ten letters: ten thousand spellings, spelt to fewer characters.
    openings = openings_of(_SMALL_PATTERNS[-1])
    assert 0 < len(openings) <= 400
    assert all(len(opening) < 4 for opening in openings)


def test_the_opening_finder_hands_each_set_the_places_its_openings_start() -> None:
    places = OpeningFinder((("cramp", "spasm"), ("cramp",), ("night",))).places_in(
        "a cramp, then a spasm, then another cramp")
    assert places.of(0) == [2, 16, 36]
    assert places.of(1) == [2, 36]
    assert places.of(2) == []


def _without_openings() -> object:
    return dataclasses.replace(load_lexicon(), opening_set_of={})


def test_most_patterns_have_openings() -> None:
    from crampcoach.intake.lexicon import patterns_of

    lex = load_lexicon()
    patterns = patterns_of(lex)
    assert sum(p.pattern in lex.opening_set_of for p in patterns) > 0.9 * len(patterns)


@pytest.mark.parametrize("path", BATCHES[-4:], ids=lambda p: p.stem)
def test_descriptions_read_the_same_tried_at_openings_or_everywhere(path: Path) -> None:
    lex, plain = load_lexicon(), _without_openings()
    for line in path.read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["case"]["text"]
        assert read_with(text, lex) == read_with(text, plain), text  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([*_WORDS, "3", "45", "mins", "weeks", "pregnant", "i'm", "hours",
                                 "ran", "km"]), min_size=1, max_size=14))
def test_any_text_reads_the_same_tried_at_openings_or_everywhere(words: list[str]) -> None:
    text = " ".join(words)
    assert read_with(text, load_lexicon()) == read_with(text, _without_openings())  # type: ignore[arg-type]


def test_a_text_with_other_digits_is_read_without_relying_on_openings() -> None:
    # Arabic-Indic digits are digits to the patterns but not among the spelt-out openings.
    text = "My hamstring cramp lasted \u0662\u0660 minutes and my calf is swollen."
    assert read_with(text, load_lexicon()) == read_with(text, _without_openings())  # type: ignore[arg-type]


def test_spoken_words_read_the_same_tried_at_openings_or_everywhere() -> None:
    from crampcoach.intake.spelling import Corrected, load_speller

    spoken = load_speller().spoken
    assert spoken is not None
    everywhere = dataclasses.replace(spoken, rewrites=tuple(
        dataclasses.replace(rewrite, opening_set=-1) for rewrite in spoken.rewrites))
    assert sum(rewrite.opening_set >= 0 for rewrite in spoken.rewrites) > len(spoken.rewrites) // 2
    for path in BATCHES[-6:]:
        for line in path.read_text(encoding="utf-8").splitlines():
            text = json.loads(line)["case"]["text"].lower()
            assert spoken.read(Corrected.unchanged(text)) == everywhere.read(
                Corrected.unchanged(text)), text
