"""Words a pattern cannot match without: a cheap test before running the pattern itself.

Most descriptions hold none of the words a given cue needs, so the reader first asks whether
one of the cue's anchor strings occurs in the text at all (a plain substring search) and runs
the regular expression only when one does. The anchors are worked out from the pattern's own
parse: a run of literal characters every match must contain, or a set of alternatives every
one of which contains such a run. A pattern with no such part gets no anchors and always runs.

A pattern that runs is then tried only where a match can start: its openings, the strings
one of which every match starts with, are found in the text in one pass for all patterns, and
the pattern is matched at those places instead of at every character (`matches_at`).
"""

from __future__ import annotations

import bisect

# The standard library's own regular-expression parser (public as sre_parse before 3.11):
# reading a pattern's parse tree is the only sure way to know what every match contains.
import re
import re._constants as sre_constants  # type: ignore[import-not-found]
import re._parser as sre_parser  # type: ignore[import-not-found]
import sys
from collections.abc import Iterator, Mapping
from typing import Any, Protocol, TypeVar

import ahocorasick

# Shorter anchors are found in almost every text and would only cost time.
MIN_ANCHOR = 3

Anchors = frozenset[str]
Key = TypeVar("Key")


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


class OpeningFinder:
    """Where in a text each of several sets of openings (see `openings_of`) starts, found in
    one pass: a pattern is then tried at those places only."""

    def __init__(self, sets: tuple[tuple[str, ...], ...]) -> None:
        self.sets = sets
        # Each opening with the sets that hold it: a text holds few openings, so its places
        # are handed to their sets, not looked up set by set.
        # (set, how far before the found text's last character its place is): the text's
        # start, or just after it for an opening after words.
        holders: dict[str, list[tuple[int, int]]] = {}
        for index, openings in enumerate(sets):
            for text in openings:
                words = text.removeprefix(AFTER)
                holders.setdefault(words, []).append(
                    (index, -1 if text.startswith(AFTER) else len(words) - 1))
        self._automaton = ahocorasick.Automaton()
        for words, held in sorted(holders.items()):
            self._automaton.add_word(words, tuple(held))
        if holders:
            self._automaton.make_automaton()

    @classmethod
    def indexed(cls, openings: Mapping[Key, tuple[str, ...]]) -> tuple[OpeningFinder, dict[Key, int]]:
        """A finder of the distinct sets among `openings`, and each key's set in it (keys
        whose openings cannot be told are left out)."""
        sets = tuple(sorted({found for found in openings.values() if found}))
        index = {found: i for i, found in enumerate(sets)}
        return cls(sets), {key: index[found] for key, found in openings.items() if found}

    def places_in(self, text: str) -> OpeningPlaces:
        starts: dict[int, list[int]] = {}
        if len(self._automaton):
            for end, held in self._automaton.iter(text):
                for index, back in held:
                    starts.setdefault(index, []).append(end - back)
        return OpeningPlaces(starts)


class OpeningPlaces:
    """The places of one text where each set of openings starts."""

    def __init__(self, starts: dict[int, list[int]]) -> None:
        self._starts = starts
        self._of: dict[int, list[int]] = {}

    def of(self, index: int) -> list[int]:
        """Where the openings of set `index` start in the text, in order, each place once."""
        places = self._of.get(index)
        if places is None:
            places = self._of[index] = sorted(set(self._starts.get(index, ())))
        return places


class Matcher(Protocol):
    """A compiled pattern, or one compiled when first used."""

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        ...


def matches_at(regex: Matcher, text: str, starts: list[int], start: int = 0,
               end: int = sys.maxsize) -> Iterator[re.Match[str]]:
    """What `regex.finditer(text, start, end)` finds, tried only at `starts` (in order), the
    places where every match of it must begin: the same matches, without trying every
    character."""
    for at in starts[bisect.bisect_left(starts, start):]:
        if at >= end:
            break
        if at < start:
            continue  # inside the match before
        found = regex.match(text, at, end)
        if found is not None:
            yield found
            start = max(found.end(), at + 1)


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


# Openings are spelt out to this many characters: longer ones are found in hardly fewer places.
_OPENING_LENGTH = 6
# An opening that is the place just after these words, not where they start.
AFTER = "\x00"
# Beyond this many openings they are cut shorter (fewer, and found in more places).
_MAX_OPENINGS = 400
# A character class of at most this many characters is spelt out ("[2-9]").
_MAX_CLASS = 10

# (text, whole): text every match of a part starts with; whole when it is the part's whole match.
_Prefixes = frozenset[tuple[str, bool]]


def openings_of(pattern: str) -> tuple[str, ...]:
    """Strings one of which every match of `pattern` starts with; () when none can be told.

    The reader finds them all in a text in one pass and tries the pattern only where one
    starts, instead of at every character (a pattern opening with a look-behind or a long
    alternation gives the engine no fast way to skip ahead of its own).
    """
    return Openings({}).of(pattern)


# Macros stand in the patterns as one private-use character each while they are parsed.
_MARKERS = 0xF0000


class Openings:
    """`openings_of` for patterns written with macros (`{NAME}`, `macro_syntax`), each macro
    parsed and worked out once however many patterns use it: the lexicon's expanded patterns
    are long, and parsing each again is most of the cost."""

    def __init__(self, macros: Mapping[str, str],
                 macro_syntax: re.Pattern[str] = re.compile(r"\{([A-Z_]+)\}")) -> None:
        self._macros = macros
        self._syntax = macro_syntax
        self._marker = {name: chr(_MARKERS + i) for i, name in enumerate(macros)}
        self._named = {ord(mark): name for name, mark in self._marker.items()}
        self._parsed: dict[str, list[tuple[Any, Any]] | None] = {}
        self._known: dict[tuple[str, int], _Prefixes | None] = {}

    def of(self, pattern: str) -> tuple[str, ...]:
        """Openings of `pattern`, its macros expanded; () when none can be told."""
        items = self._parse(pattern)
        found = None if items is None else self._prefixes(items, _OPENING_LENGTH)
        if found is None or any(not text for text, _ in found):
            return ()
        return tuple(sorted({text for text, _ in found}))

    def _parse(self, pattern: str) -> list[tuple[Any, Any]] | None:
        if any(_MARKERS <= ord(c) < _MARKERS + len(self._marker) for c in pattern):
            return None  # the pattern's own text would be taken for a macro
        try:
            marked = self._syntax.sub(lambda m: re.escape(self._marker[m.group(1)]), pattern)
            return list(sre_parser.parse(marked))
        except (re.error, KeyError):
            return None

    def _macro(self, name: str, budget: int) -> _Prefixes | None:
        key = (name, budget)
        if key not in self._known:
            self._known[key] = None  # a macro that uses itself tells nothing
            if name not in self._parsed:
                self._parsed[name] = self._parse(self._macros[name])
            items = self._parsed[name]
            self._known[key] = None if items is None else self._prefixes(items, budget)
        return self._known[key]

    def _prefixes(self, items: list[tuple[Any, Any]], budget: int) -> _Prefixes | None:
        """How every match of `items` starts, spelt out to `budget` characters."""
        if budget <= 0:
            return frozenset({("", False)})  # enough is known already
        if not items:
            return frozenset({("", True)})
        op, av = items[0]
        after = _behind_literal(op, av)
        if after is not None:
            # "(?<=back home )...": what follows when it can be told, else the place just
            # after the words looked behind at.
            rest = self._prefixes(items[1:], budget)
            if rest is not None and all(text for text, _ in rest):
                return rest
            return frozenset({(AFTER + after, False)})
        if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and av[0] >= 1:
            # "u+m+": one "u", then more of them or what follows ("uu", "um"), which rules
            # out far more places than the "u" alone.
            low, high, sub = av
            again = (op, (low - 1, high if high == sre_constants.MAXREPEAT else high - 1, sub))
            return self._prefixes([*list(sub), again, *items[1:]], budget)
        head = self._part(*items[0], budget)
        if head is None:
            return None
        rests: dict[int, _Prefixes | None] = {}
        out: set[tuple[str, bool]] = set()
        for text, whole in head:
            if not whole:
                out.add((text, False))
                continue
            left = budget - len(text)
            if left not in rests:
                rests[left] = self._prefixes(items[1:], left)
            rest = rests[left]
            if rest is None:
                if not text:
                    return None
                out.add((text, False))
            else:
                out.update((text + more, more_whole) for more, more_whole in rest)
        return _few(out)

    def _part(self, op: Any, av: Any, budget: int) -> _Prefixes | None:
        if op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT, sre_constants.AT):
            return frozenset({("", True)})  # takes no text
        if op is sre_constants.LITERAL:
            name = self._named.get(av)
            return frozenset({(chr(av), True)}) if name is None else self._macro(name, budget)
        if op is sre_constants.IN:
            chars = _class_chars(av)
            if chars is None:
                return None
            # The parser makes a class of an alternation of single characters, macros too.
            union: set[tuple[str, bool]] = set()
            for char in chars:
                part = self._part(sre_constants.LITERAL, ord(char), budget)
                if part is None:
                    return None
                union |= part
            return _few(union)
        if op is sre_constants.SUBPATTERN:
            _group, add_flags, _del_flags, sub = av
            if add_flags & sre_constants.SRE_FLAG_IGNORECASE:
                return None
            return self._prefixes(list(sub), budget)
        if op is sre_constants.ATOMIC_GROUP:
            return self._prefixes(list(av), budget)
        if op is sre_constants.BRANCH:
            union = set()
            for alternative in av[1]:
                part = self._prefixes(list(alternative), budget)
                if part is None:
                    return None
                union |= part
            return _few(union)
        if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT,
                  sre_constants.POSSESSIVE_REPEAT):
            low, high, sub = av
            part = self._prefixes(list(sub), budget)
            if part is None:
                return None
            # Past one repeat the part's whole match may be followed by more of it.
            once = frozenset((text, whole and high == 1) for text, whole in part)
            return once | {("", True)} if low == 0 else once
        return None  # any character, a category, a group reference: no text to rely on


def _few(found: set[tuple[str, bool]]) -> _Prefixes:
    """`found`, its texts cut shorter until there are few enough to look for."""
    length = _OPENING_LENGTH
    while len(found) > _MAX_OPENINGS and length > 1:
        length -= 1
        found = {_shorter(text, whole, length) for text, whole in found}
    return frozenset(found)


def _shorter(text: str, whole: bool, length: int) -> tuple[str, bool]:
    # The place after words keeps their end: after "home " is somewhere after "back home ".
    if text.startswith(AFTER):
        return AFTER + text[1:][-length:], False
    return text[:length], whole and len(text) <= length


def _behind_literal(op: Any, av: Any) -> str | None:
    """The words of a look-behind made only of letters and the like, or None."""
    if op is not sre_constants.ASSERT or av[0] != -1:
        return None
    items = list(av[1])
    if not items or any(item_op is not sre_constants.LITERAL for item_op, _ in items):
        return None
    return "".join(chr(code) for _, code in items)


def _class_chars(items: list[tuple[Any, Any]]) -> list[str] | None:
    chars: list[str] = []
    for op, av in items:
        if op is sre_constants.LITERAL:
            chars.append(chr(av))
        elif op is sre_constants.RANGE and av[1] - av[0] < _MAX_CLASS:
            chars.extend(chr(c) for c in range(av[0], av[1] + 1))
        elif op is sre_constants.CATEGORY and av is sre_constants.CATEGORY_DIGIT:
            # Only the ASCII digits: the reader does not rely on openings in a text that
            # holds any other digit (see `has_other_digits`).
            chars.extend("0123456789")
        else:
            return None  # a negated class, a category (\w, \d) or a wide range
    return chars if len(chars) <= _MAX_CLASS else None


_OTHER_DIGIT = re.compile(r"(?![0-9])\d")


def has_other_digits(text: str) -> bool:
    """Whether `text` holds a digit other than 0-9, which `\\d` matches and openings leave out."""
    return _OTHER_DIGIT.search(text) is not None
