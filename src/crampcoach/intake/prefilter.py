"""Words a pattern cannot match without: a cheap test before running the pattern itself.

Most descriptions hold none of the words a given cue needs, so the reader first asks whether
one of the cue's anchor strings occurs in the text at all (a plain substring search) and runs
the regular expression only when one does. The anchors are worked out from the pattern's own
parse: a run of literal characters every match must contain, or a set of alternatives every
one of which contains such a run. A pattern with no such part gets no anchors and always runs.
"""

from __future__ import annotations

# The standard library's own regular-expression parser (public as sre_parse before 3.11):
# reading a pattern's parse tree is the only sure way to know what every match contains.
import re
import re._constants as sre_constants  # type: ignore[import-not-found]
import re._parser as sre_parser  # type: ignore[import-not-found]
from typing import Any

import ahocorasick

# Shorter anchors are found in almost every text and would only cost time.
MIN_ANCHOR = 3

Anchors = frozenset[str]


class AnchorFinder:
    """Which of many anchor strings a text holds, in one pass over the text.

    Two thousand `in` tests cost half a millisecond a description; an Aho-Corasick automaton
    finds every one of them in a single scan, whatever their number.
    """

    def __init__(self, anchors: tuple[str, ...]) -> None:
        self._automaton = ahocorasick.Automaton()
        for anchor in anchors:
            self._automaton.add_word(anchor, anchor)
        if anchors:
            self._automaton.make_automaton()

    def found_in(self, text: str) -> set[str]:
        # An automaton without words cannot be searched (and holds nothing to find).
        if not len(self._automaton):
            return set()
        return {anchor for _, anchor in self._automaton.iter(text)}


def opening_literal(pattern: str) -> str:
    """The literal text every match of `pattern` starts with ("" when none can be told). The
    parser moves what all alternatives open with to the front, so a leading run of literals in
    its parse is common to every match."""
    try:
        parsed = sre_parser.parse(pattern)
    except re.error:
        return ""
    run = ""
    items = list(parsed)
    # Lookarounds before anything else ("(?<!rest of the ){ACTIVITY}") take no text: the
    # match still starts with what follows them.
    while not run and items and items[0][0] in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
        items.pop(0)
    for op, av in items:
        if op is not sre_constants.LITERAL:
            break
        run += chr(av)
    return run


def anchors_of(pattern: str) -> tuple[str, ...]:
    """Strings one of which every match of `pattern` contains; () when none can be told."""
    try:
        parsed = sre_parser.parse(pattern)
    except re.error:
        return ()
    found = _sequence(list(parsed))
    return tuple(sorted(found)) if found else ()


def _sequence(items: list[tuple[Any, Any]]) -> Anchors | None:
    """The most selective anchor set of a sequence: any one required element's set will do."""
    best: Anchors | None = None
    run = ""

    def consider(candidate: Anchors | None) -> None:
        nonlocal best
        if candidate and _selectivity(candidate)[0] >= MIN_ANCHOR and (
                best is None or _weaker(best, candidate)):
            best = candidate

    for op, av in items:
        if op is sre_constants.LITERAL:
            run += chr(av)
            continue
        consider(frozenset({run}) if run else None)
        run = ""
        consider(_element(op, av))
    consider(frozenset({run}) if run else None)
    return best


def _weaker(current: Anchors, candidate: Anchors) -> bool:
    """Longer, rarer words in fewer strings rule out more texts."""
    return _selectivity(candidate) > _selectivity(current)


# Words in nearly every description: an anchor made only of these rules nothing out.
_COMMON = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "did", "do", "does", "for",
    "from", "had", "has", "have", "he", "her", "his", "i", "i'm", "in", "is", "it", "it's", "its",
    "me", "my", "no", "not", "of", "on", "or", "our", "she", "so", "that", "the", "their", "them",
    "then", "they", "this", "to", "up", "was", "we", "were", "when", "with", "you", "your",
})


def _selectivity(anchors: Anchors) -> tuple[int, int]:
    def strength(text: str) -> int:
        words = [w for w in re.findall(r"[a-z']+", text) if w not in _COMMON]
        return max((len(w) for w in words), default=0)

    return min(map(strength, anchors)), -len(anchors)


def _element(op: Any, av: Any) -> Anchors | None:
    if op is sre_constants.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        if add_flags & sre_constants.SRE_FLAG_IGNORECASE:
            return None  # the text is lower case already; a case-blind part is left to the pattern
        return _sequence(list(sub))
    if op is sre_constants.BRANCH:
        union: set[str] = set()
        for alternative in av[1]:
            part = _sequence(list(alternative))
            if not part:
                return None  # one alternative needs no anchor, so the branch needs none
            union |= part
        return frozenset(union)
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
        low, _high, sub = av
        return _sequence(list(sub)) if low >= 1 else None
    return None  # a class, any character, a look-around, a group reference: no literal to rely on
