"""Tolerate typos: misspelt words of a description are replaced by the domain word meant.

A word is left alone when it is an English word (the frequency list shipped with symspellpy)
or a domain word. Any other word of four letters or more is looked up among the domain words
(knowledge/intake/words.yaml plus every English word the lexicon's patterns use) within one
edit, or two for words of seven letters or more; the closest wins, ties going to the more
common word. So "quats" reads as "quads" and "briges" as "bridges", while slang nobody
listed ("ngl", "tbh") stays as written: the lexicon's patterns then match the corrected text.

The corrected text keeps a map back to the original offsets, so that the words shown for a
finding are always the person's own.
"""

from __future__ import annotations

import functools
import importlib.resources
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from symspellpy import SymSpell, Verbosity

from crampcoach.intake.lexicon import INTAKE_DIR
from crampcoach.knowledge.loader import cached_build

WORDS_PATH = INTAKE_DIR / "words.yaml"
_ENGLISH = "frequency_dictionary_en_82_765.txt"
_LETTERS = re.compile(r"[a-z]+")
_MIN_LENGTH = 4
_OPTIONAL_LAST = re.compile(r"(?<![a-z\\])([a-z]+)\?")
# Words this long may be two edits away from the word meant; shorter ones only one.
_TWO_EDITS_FROM = 7
# Count given to a domain word the English list lacks ("glutes"): common enough to win ties.
_DOMAIN_COUNT = 1_000_000


@dataclass(frozen=True)
class Corrected:
    """A text with its misspellings replaced, and each of its offsets in the original."""

    text: str
    # origin[i]: the offset in the original of corrected character i (one extra at the end).
    origin: tuple[int, ...]
    # (original word, the word read instead), in order.
    changes: tuple[tuple[str, str], ...]

    def original(self, pos: int) -> int:
        return self.origin[pos]

    def squeezed(self) -> Corrected:
        """Runs of spaces as one space, keeping the map: a quote read as a space ("can't
        'find' her glutes") leaves the words as far apart as any others."""
        if "  " not in self.text:
            return self
        text = self.text
        keep = [i for i, ch in enumerate(text) if not (ch == " " and i and text[i - 1] == " ")]
        return Corrected("".join(text[i] for i in keep),
                         (*(self.origin[i] for i in keep), self.origin[-1]), self.changes)

    def then(self, words: dict[str, str]) -> Corrected:
        """Also replace whole words (with their apostrophes) by `words`, keeping the map."""
        if not words:
            return self
        pattern = re.compile(r"(?<![\w'])(?:" + "|".join(
            re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?![\w'])")
        parts: list[str] = []
        origin: list[int] = []
        changes = list(self.changes)
        pos = 0
        for m in pattern.finditer(self.text):
            start, end = m.span()
            new = words[m.group()]
            parts.append(self.text[pos:start])
            origin.extend(self.origin[pos:start])
            parts.append(new)
            origin.extend(self.origin[min(start + i, end - 1)] for i in range(len(new)))
            changes.append((m.group(), new))
            pos = end
        if pos == 0:
            return self
        parts.append(self.text[pos:])
        origin.extend(self.origin[pos:])
        return Corrected("".join(parts), tuple(origin), tuple(changes))


class Speller:
    """The known words and a symmetric-delete index over the domain words."""

    def __init__(self, english: dict[str, int], domain: set[str], also_known: set[str],
                 contractions: dict[str, str] | None = None) -> None:
        self.known = set(english) | domain | also_known
        self.contractions = dict(contractions or {})
        self.index = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
        for word in sorted(domain):
            self.index.create_dictionary_entry(word, english.get(word, _DOMAIN_COUNT))

    def suggest(self, word: str) -> str | None:
        """The domain word meant by an unknown `word`, or None when none is close enough."""
        if len(word) < _MIN_LENGTH or word in self.known:
            return None
        distance = 2 if len(word) >= _TWO_EDITS_FROM else 1
        found = self.index.lookup(word, Verbosity.CLOSEST, max_edit_distance=distance)
        if not found:
            return None
        best = max(found, key=lambda s: (-s.distance, s.count))
        return str(best.term)

    def correct(self, norm: str) -> Corrected:
        """Correct lower-cased `norm`; offsets of unchanged characters are kept exactly."""
        parts: list[str] = []
        origin: list[int] = []
        changes: list[tuple[str, str]] = []
        pos = 0
        for m in _LETTERS.finditer(norm):
            start, end = m.span()
            # Part of a longer token with digits or an apostrophe ("don't", "10k"): leave it.
            if (start and (norm[start - 1].isalnum() or norm[start - 1] == "'")) or (
                end < len(norm) and (norm[end].isalnum() or norm[end] == "'")
            ):
                continue
            fixed = self.contractions.get(m.group()) or self.suggest(m.group())
            if fixed is None:
                continue
            parts.append(norm[pos:start])
            origin.extend(range(pos, start))
            parts.append(fixed)
            # Every corrected character points into the original word, the last ones at its end.
            origin.extend(min(start + i, end - 1) for i in range(len(fixed)))
            changes.append((m.group(), fixed))
            pos = end
        if not changes:
            return Corrected(norm, tuple(range(len(norm) + 1)), ())
        parts.append(norm[pos:])
        origin.extend(range(pos, len(norm) + 1))
        return Corrected("".join(parts), tuple(origin), tuple(changes))


def _english() -> dict[str, int]:
    source = importlib.resources.files("symspellpy") / _ENGLISH
    counts: dict[str, int] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        word, _, count = line.partition(" ")
        counts[word] = int(count or 0)
    return counts


def lexicon_words(root: Path) -> set[str]:
    """Every run of letters the lexicon's patterns, concepts and macros spell out."""
    found: set[str] = set()
    for name in ("lexicon.yaml", "rules.yaml", "concepts.yaml"):
        path = root / name
        if path.exists():
            source = path.read_text(encoding="utf-8").lower()
            found.update(w for w in _LETTERS.findall(source) if len(w) >= _MIN_LENGTH)
            # "paraesthesiae?" spells "paraesthesia" too: a last letter made optional.
            found.update(m.group(1)[:-1] for m in _OPTIONAL_LAST.finditer(source)
                         if len(m.group(1)) > _MIN_LENGTH)
    return found


def load_speller_from(root: Path) -> Speller:
    english = _english()
    data = yaml.safe_load((root / "words.yaml").read_text(encoding="utf-8"))
    listed = {str(w).lower() for w in data["words"]}
    contractions = {str(k).lower(): str(v).lower() for k, v in (data.get("contractions") or {}).items()}
    spelt = lexicon_words(root)
    # Words the patterns spell are never corrected ("carb" from "carbs?"); only whole English
    # words among them, and the listed ones, are offered as corrections (not stems like "seiz").
    return Speller(english, listed | {w for w in spelt if w in english}, spelt, contractions)


@functools.cache
def load_speller() -> Speller:
    """The packaged speller, built once and kept for later processes (the delete index of
    every domain word takes longer to build than to read back)."""
    return cached_build("intake-speller", Speller, lambda: load_speller_from(INTAKE_DIR))
