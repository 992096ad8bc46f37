"""The person's own words, quoted back: whole words, never ending on one that leaves it hanging."""

from __future__ import annotations

import re

# Words a quote should not end on: the word after them says what was meant ("can't feel my").
_DANGLING = frozenset({"my", "the", "a", "an", "his", "her", "their", "your", "our", "of",
                       "to", "in", "on", "at", "and", "or", "with", "for", "very", "really"})

_QUOTED_WORD = re.compile(r"[\w'’-]+")


def whole_words(text: str, start: int, end: int) -> str:
    """The quoted words, carried on past a word that leaves it hanging."""
    quote = text[start:end]
    last = (_QUOTED_WORD.findall(quote) or [""])[-1].lower()
    for found in _QUOTED_WORD.finditer(text, end):
        if last not in _DANGLING:
            break
        quote, last = text[start:found.end()], found.group().lower()
    return quote
