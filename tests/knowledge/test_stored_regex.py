"""Patterns kept in the on-disk caches with their compiled code (knowledge/stored_regex.py)."""

from __future__ import annotations

import io
import pickle
import re
import sys

import pytest

from crampcoach.intake.lexicon import LazyRegex, load_lexicon, patterns_of
from crampcoach.intake.reader import read_with
from crampcoach.knowledge.stored_regex import CachePickler, compiled_from, stored_code

CPYTHON = sys.implementation.name == "cpython"


def through_cache(value: object) -> object:
    """`value` written as the on-disk caches write it and read back, as a later process does."""
    buffer = io.BytesIO()
    CachePickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return pickle.loads(buffer.getvalue())


def test_every_reader_pattern_built_from_its_stored_code_is_the_pattern_re_compiles() -> None:
    # `re` compares patterns by flags, text and compiled code: equal means the same engine
    # program, so the reader matches exactly as it would compiling from the text.
    re.purge()
    patterns = {p.pattern for p in patterns_of(load_lexicon())}
    assert len(patterns) > 1000
    for pattern in patterns:
        code = stored_code(pattern)
        assert (code is not None) == CPYTHON
        assert compiled_from(pattern, 0, code) == re.compile(pattern), pattern[:80]


@pytest.mark.skipif(not CPYTHON, reason="the stored code is CPython's own")
def test_code_stored_by_another_interpreter_is_not_used() -> None:
    pattern = r"(?P<num>\d+) ?min(?:ute)?s?"
    code = stored_code(pattern)
    assert code is not None
    # A wrong program in place of the real one: used, it would match nothing.
    foreign = (("2.7.0", 0, 4), *code[1:])
    borrowed = (code[0], code[1], stored_code("x")[2], *code[3:])  # type: ignore[index]
    assert compiled_from(pattern, 0, borrowed).search("for 20 minutes") is None
    built = compiled_from(pattern, 0, foreign)  # type: ignore[arg-type]
    assert built == re.compile(pattern)
    assert built.search("for 20 minutes").group("num") == "20"  # type: ignore[union-attr]


def test_compiled_patterns_go_through_the_cache_with_their_flags_and_groups() -> None:
    original = {"eager": re.compile(r"(?P<side>left|right) (?:ham|hammy)", re.IGNORECASE),
                "plain": re.compile(r"cramp(?:s|ed)?")}
    restored = through_cache(original)
    assert isinstance(restored, dict)
    assert restored == original
    assert restored["eager"].groupindex == {"side": 1}
    assert restored["eager"].search("My LEFT Hammy went").group("side") == "LEFT"


def test_a_lazy_pattern_read_from_the_cache_carries_its_code_and_compiles_only_when_used() -> None:
    lazy = LazyRegex(r"(?<![\w'])(?:hammies?|hamstrings?)(?!\w)")
    restored = through_cache([lazy, lazy])
    assert isinstance(restored, list) and restored[0] is restored[1]
    assert restored[0] == lazy and not restored[0].is_compiled
    assert (restored[0]._code is not None) == CPYTHON
    assert restored[0].search("my hammies cramped") is not None
    assert restored[0].compiled == re.compile(lazy.pattern)
    # Plain pickling (copies, other processes) keeps the text only, as before.
    assert pickle.loads(pickle.dumps(lazy))._code is None


def test_the_whole_lexicon_read_back_from_the_cache_reads_as_the_one_built_here() -> None:
    lexicon = through_cache(load_lexicon())
    text = ("Tried heavy hip thrusts today. Halfway through the third set my left hammy "
            "seized and it took 20 minutes to let go. Drank hardly anything all day.")
    assert read_with(text, lexicon) == read_with(text, load_lexicon())  # type: ignore[arg-type]
