"""The prefilter: a cue's pattern runs only on texts holding one of its anchor words."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crampcoach.intake.lexicon import load_lexicon
from crampcoach.intake.prefilter import AnchorFinder, anchors_of, opening_literal
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


@pytest.mark.parametrize(("pattern", "opening"), [
    ("cramp(?:s|ed)? at night|cramp(?:s|ed)? in bed", "cramp"),
    ("(?:my )?cramps", ""),
    ("cramp|spasm", ""),
    ("ab?c", "a"),
    ("(", ""),
    # Lookarounds before the text take none of it.
    ("(?<!rest of the )(?<!later )cramp(?:s|ing)?", "cramp"),
    ("(?<!no )(?=cr)cramp", "cramp"),
])
def test_the_opening_literal_is_what_every_match_starts_with(pattern: str, opening: str) -> None:
    assert opening_literal(pattern) == opening
