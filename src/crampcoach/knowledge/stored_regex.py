"""Regular expressions kept compiled in the on-disk caches, so a new process need not parse them.

Python's `re` parses a pattern in pure Python: the reader's ~1,800 patterns (1.4 million
characters once their macros are expanded) take about a second to compile, and a process that
reads one description used to spend most of its time there. `re` cannot save a compiled
pattern, but it compiles in two steps: parse the text into the engine's code (slow, Python)
and build the pattern object from that code (`_sre.compile`, fast, C). The caches keep the
code; loading them builds each pattern from it in microseconds.

The code is CPython's internal format, so it is kept with the exact interpreter version and
the engine's magic number, and used only by that same interpreter; anything else (another
version, another implementation, a change of those internals) compiles from the text as
before. The result is the same pattern object either way: `re` compares patterns by their
code, and the tests check every pattern of the packaged lexicon that way.
"""

from __future__ import annotations

import array
import importlib
import pickle
import re
import sys
from collections.abc import Callable
from typing import Any

# The interpreter internals used, or None where they are not there (another Python).
try:
    _sre: Any = importlib.import_module("_sre")
    _parser: Any = importlib.import_module("re._parser")
    _compiler: Any = importlib.import_module("re._compiler")
    _TAG: tuple[object, ...] | None = (sys.version, _sre.MAGIC, _sre.CODESIZE)
except (ImportError, AttributeError):  # pragma: no cover - not CPython 3.11+
    _TAG = None

# The engine's code words, kept as an array of the same width (CODESIZE, 4 bytes).
_WORD = "I"
if _TAG is not None and array.array(_WORD).itemsize != _sre.CODESIZE:  # pragma: no cover
    _TAG = None

# (interpreter tag, flags, code as bytes, groups, group index, index group)
StoredCode = tuple[tuple[object, ...], int, bytes, int, dict[str, int], tuple[str | None, ...]]


def stored_code(pattern: str, flags: int = 0) -> StoredCode | None:
    """The engine code `re.compile(pattern, flags)` builds, to keep; None where it cannot be had."""
    if _TAG is None:
        return None
    try:
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        return (_TAG, flags | parsed.state.flags, array.array(_WORD, code).tobytes(),
                parsed.state.groups - 1, groupindex, tuple(indexgroup))
    except (AttributeError, TypeError, ValueError, OverflowError):
        return None  # internals changed shape: the pattern is compiled from its text


def compiled_from(pattern: str, flags: int, code: StoredCode | None) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from `code` when this interpreter made it."""
    if code is not None and _TAG is not None and code[0] == _TAG:
        _, all_flags, words, groups, groupindex, indexgroup = code
        try:
            built: re.Pattern[str] = _sre.compile(pattern, all_flags, array.array(_WORD, words).tolist(),
                                                  groups, groupindex, indexgroup)
            return built
        except (TypeError, ValueError, RuntimeError):
            pass
    return re.compile(pattern, flags)


class CachePickler(pickle.Pickler):
    """A pickler for the on-disk caches: compiled patterns are written with their code.

    An object may keep its own patterns the same way by offering `reduce_for_cache(pickler)`,
    a `__reduce__`-style pair used only here (the reader's lazily compiled patterns do).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Equal patterns share one code object, which pickle then writes once.
        self._codes: dict[tuple[str, int], StoredCode | None] = {}

    def code_of(self, pattern: str, flags: int = 0) -> StoredCode | None:
        key = (pattern, flags)
        if key not in self._codes:
            self._codes[key] = stored_code(pattern, flags)
        return self._codes[key]

    def reducer_override(self, obj: object) -> Any:
        if isinstance(obj, re.Pattern) and isinstance(obj.pattern, str):
            # re.compile adds UNICODE to a text pattern's flags; passing them back is harmless.
            return compiled_from, (obj.pattern, obj.flags, self.code_of(obj.pattern, obj.flags))
        reduce: Callable[[Any, CachePickler], object] | None = getattr(
            type(obj), "reduce_for_cache", None)
        return NotImplemented if reduce is None else reduce(obj, self)
