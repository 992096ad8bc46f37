"""Tolerate typos: misspelt words of a description are replaced by the domain word meant.

A word is left alone when it is an English word (the frequency list shipped with symspellpy)
or a domain word. Any other word of four letters or more is looked up among the domain words
(knowledge/intake/words.yaml plus every English word the lexicon's patterns use) within one
edit, or two for words of seven letters or more; the closest wins, ties going to the more
common word. So "quats" reads as "quads" and "briges" as "bridges", while slang nobody
listed ("ngl", "tbh") stays as written: the lexicon's patterns then match the corrected text.

Speech written down is then read as meant (words.yaml, `spoken`): fillers such as "um" go,
"like" before a number rounds it, "me hammies" is "my hammies", and numbers said in words from
eleven up become digits ("thirty four degrees", "the seventy-fifth minute"), so that patterns
written for digits read them too.

The corrected text keeps a map back to the original offsets, so that the words shown for a
finding are always the person's own.
"""

from __future__ import annotations

import difflib
import functools
import importlib.resources
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from symspellpy import SymSpell, Verbosity

from crampcoach.intake.lexicon import INTAKE_DIR
from crampcoach.intake.prefilter import (
    OpeningFinder,
    anchors_of,
    has_other_digits,
    matches_at,
    openings_of,
)
from crampcoach.intake.schema import SpeechSection, WordsFile
from crampcoach.knowledge.loader import (
    KNOWLEDGE_DIR,
    KnowledgeError,
    ProblemCollector,
    cached_build,
)

WORDS_PATH = INTAKE_DIR / "words.yaml"
_ENGLISH = "frequency_dictionary_en_82_765.txt"
# Letters with accents belong to words of the languages people mix in ("pipí", "cãibras"):
# such a word is looked up as written and never corrected towards an English one.
_LETTERS = re.compile(r"[a-zß-öø-ÿ]+")
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

    @classmethod
    def unchanged(cls, text: str) -> Corrected:
        """`text` as it is, every offset its own."""
        return cls(text, tuple(range(len(text) + 1)), ())

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
        return self.replaced(pattern, lambda m: words[m.group()])

    def spans_replaced(self, edits: list[tuple[int, int, str]]) -> Corrected:
        """The text with each (start, end, new) of this text replaced, keeping the map.

        The edits may not overlap; with none, the text itself.
        """
        if not edits:
            return self
        parts: list[str] = []
        origin: list[int] = []
        changes = list(self.changes)
        pos = 0
        for start, end, said in sorted(edits):
            parts.append(self.text[pos:start])
            origin.extend(self.origin[pos:start])
            parts.append(said)
            origin.extend(self.origin[min(start + i, end - 1)] for i in range(len(said)))
            changes.append((self.text[start:end], said))
            pos = end
        parts.append(self.text[pos:])
        origin.extend(self.origin[pos:])
        return Corrected("".join(parts), tuple(origin), tuple(changes))

    def followed_by(self, later: Corrected) -> Corrected:
        """`later`, made from this text, with its offsets taken back to this one's original."""
        if not later.changes:
            return self
        return Corrected(later.text, tuple(self.origin[i] for i in later.origin),
                         (*self.changes, *later.changes))

    def replaced(self, pattern: re.Pattern[str], new: Callable[[re.Match[str]], str]) -> Corrected:
        """Every match of `pattern` replaced by `new(match)`, keeping the map."""
        return self.spans_replaced([(*m.span(), new(m)) for m in pattern.finditer(self.text)])


# A word sent again with a star to mend one autocorrect spoilt ("puffin" then "*puffy").
# On a line of its own, the words after the mended one are a remark ("*spin not spine lol").
_STARRED = re.compile(
    r"(?:(?<=\n)|^)\*+ *([a-z][a-z'-]{2,})\b[^\n*]*(?=\n|$)"
    r"|(?:(?<=\n)|^)([a-z][a-z'-]{2,})\*+[^\n*]*(?=\n|$)"
    r"|(?<=\s)\*([a-z][a-z'-]{2,})(?=\s|$)")
# A line that goes on with the sentence the star interrupted ("puffin / *puffy / and warm").
_GOES_ON = re.compile(r"(?:and|or|but|with|in|on|at|when|while|whilst|after|before|like|so|"
                      r"cos|because|then|to|of|for|from|during|every|each)\b")
_WORD_BEFORE = re.compile(r"[a-z][a-z'-]*")
# How alike the mended word and the one it mends must be (difflib's ratio), and how far back
# the one it mends may be.
_STAR_LIKENESS = 0.6
_STAR_REACH = 40


def mend_starred(norm: str) -> Corrected:
    """`norm` with each starred word put in place of the word before it that it mends.

    People send "*puffy" on a line of its own when autocorrect has turned "puffy" into
    "puffin": the most alike of the words before the star (within a few dozen) is replaced
    and the star is dropped. Nothing changes where no star stands by a word.
    """
    if "*" not in norm:
        return Corrected.unchanged(norm)
    # Every edit is found in `norm` and made at once, so no edit moves another's place.
    edits: list[tuple[int, int, str]] = []
    for m in _STARRED.finditer(norm):
        word = m.group(1) or m.group(2) or m.group(3)
        before = list(_WORD_BEFORE.finditer(norm, 0, m.start()))[-_STAR_REACH:]
        scored = [(difflib.SequenceMatcher(None, w.group(), word).ratio(), w.start(), w)
                  for w in before if w.group() != word]
        best = max(scored, default=None, key=lambda t: (t[0], t[1]))
        if best is None or best[0] < _STAR_LIKENESS:
            continue
        target = best[2]
        pair = [(target.start(), target.end(), word)]
        # A star on a line of its own may split the sentence it mends: the lines rejoin when
        # the next goes on with it, and stay apart when it starts afresh.
        start, end = m.start(), m.end()
        if norm[start - 1:start] == "\n" and norm[end:end + 1] == "\n":
            goes_on = _GOES_ON.match(norm, end + 1) is not None
            # The newline before may already be taken by a star on the line above.
            before_line = start if edits and edits[-1][1] == start else start - 1
            pair.append((before_line, end + 1, " " if goes_on else "\n"))
        else:
            pair.append((start, end, ""))
        # A word already mended, or mended by a star itself, is left to the first star.
        if any(s < e2 and s2 < e for s, e, _ in pair for s2, e2, _ in edits):
            continue
        edits += pair
    return Corrected.unchanged(norm).spans_replaced(edits)


@dataclass(frozen=True)
class Rewrite:
    """One way of speaking read as meant: what it matches and what that is read as."""

    pattern: re.Pattern[str]
    meant: str
    # Strings one of which every match holds, and its openings' set in the spoken finder
    # (-1: none told): a text holding neither is not scanned.
    anchors: tuple[str, ...]
    opening_set: int = -1


@dataclass(frozen=True)
class Spoken:
    """How speech is read: fillers and dialect rewritten, numbers said in words as digits."""

    rewrites: tuple[Rewrite, ...]
    tens: dict[str, int]
    units: dict[str, int]
    # Numbers said in one word that are not tens: "eleven" .. "nineteen".
    teens: dict[str, int]
    # "fifth" -> "five", "twentieth" -> "twenty": the ordinal's cardinal.
    ordinals: dict[str, str]
    # Finds where the rewrites' openings start in a text.
    openings: OpeningFinder = field(default_factory=lambda: OpeningFinder(()))

    @functools.cached_property
    def number(self) -> re.Pattern[str]:
        def alternation(words: Iterable[str]) -> str:
            return "|".join(sorted(words, key=len, reverse=True))
        units = alternation([*self.units, *(o for o, c in self.ordinals.items() if c in self.units)])
        tens = alternation([*self.tens, *(o for o, c in self.ordinals.items() if c in self.tens)])
        teens = alternation([*self.teens, *(o for o, c in self.ordinals.items() if c in self.teens)])
        return re.compile(rf"(?<![\w'-])(?:(?P<tens>{tens})(?:[- ](?P<units>{units}))?|(?P<teen>{teens}))(?![\w'-])")

    def _digits(self, m: re.Match[str]) -> str:
        def value(word: str, table: dict[str, int]) -> tuple[int, bool]:
            cardinal = self.ordinals.get(word, word)
            return table[cardinal], cardinal != word
        if m.group("teen"):
            n, ordinal = value(m.group("teen"), self.teens)
        else:
            n, ordinal = value(m.group("tens"), self.tens)
            if m.group("units"):
                unit, ordinal = value(m.group("units"), self.units)
                n += unit
        if not ordinal:
            return str(n)
        return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"

    def read(self, said: Corrected) -> Corrected:
        # Where the rewrites' openings start, found in one pass (again only after a rewrite
        # changed the text); not relied on for digits other than 0-9.
        places = None if has_other_digits(said.text) else self.openings.places_in(said.text)
        for rewrite in self.rewrites:
            # Most rewrites cannot match a given text: a substring test and the openings
            # skip the scan.
            if rewrite.anchors and not any(anchor in said.text for anchor in rewrite.anchors):
                continue
            meant = functools.partial(_said_as, rewrite.meant)
            before = said.text
            if places is not None and rewrite.opening_set >= 0:
                starts = places.of(rewrite.opening_set)
                if not starts:
                    continue
                said = said.spans_replaced([(*m.span(), meant(m)) for m in matches_at(
                    rewrite.pattern, said.text, starts)])
            else:
                said = said.replaced(rewrite.pattern, meant)
            if said.text != before and places is not None:
                places = self.openings.places_in(said.text)
        return said.replaced(self.number, self._digits)


def _said_as(meant: str, match: re.Match[str]) -> str:
    # `meant` may name the pattern's groups ("\1 is"), as in re.sub.
    return match.expand(meant)


class Speller:
    """The known words and a symmetric-delete index over the domain words."""

    def __init__(self, english: dict[str, int], domain: set[str], also_known: set[str],
                 contractions: dict[str, str] | None = None, spoken: Spoken | None = None) -> None:
        self.known = set(english) | domain | also_known
        self.contractions = dict(contractions or {})
        self.spoken = spoken
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

    def _g_dropped(self, word: str) -> str | None:
        """A word written as said, without its final g ("chasin", "trainin"): the word
        meant, when only that is known."""
        if word.endswith("in") and word not in self.known and word + "g" in self.known:
            return word + "g"
        return None

    def spoken_form(self, norm: str) -> Corrected:
        """`norm` with speech read as meant (no spelling corrected), keeping the map."""
        return self._as_meant(Corrected.unchanged(norm))

    def _as_meant(self, said: Corrected) -> Corrected:
        return self.spoken.read(said) if self.spoken is not None else said

    def correct(self, norm: str, names: frozenset[str] = frozenset()) -> Corrected:
        """Correct lower-cased `norm`; offsets of unchanged characters are kept exactly.

        Starred words mend the words they were sent for first (`mend_starred`). `names`
        (lower-cased) are never taken for a near domain word: "rubbing Vicks" is not "kicks".
        """
        mended = mend_starred(norm)
        if mended.changes:
            return mended.followed_by(self._spelt(mended.text, names))
        return self._spelt(norm, names)

    def _spelt(self, norm: str, names: frozenset[str] = frozenset()) -> Corrected:
        edits: list[tuple[int, int, str]] = []
        for m in _LETTERS.finditer(norm):
            start, end = m.span()
            # Part of a longer token with digits or an apostrophe ("don't", "10k"): leave it.
            if (start and (norm[start - 1].isalnum() or norm[start - 1] == "'")) or (
                end < len(norm) and (norm[end].isalnum() or norm[end] == "'")
            ):
                continue
            word = m.group()
            fixed = self.contractions.get(word) or self._g_dropped(word) or (
                self.suggest(word) if word.isascii() and word not in names else None)
            if fixed is not None:
                edits.append((start, end, fixed))
        # spans_replaced points every corrected character into the original word.
        return self._as_meant(Corrected.unchanged(norm).spans_replaced(edits))


# A word capitalised inside a sentence ("rubbing Vicks", "after Evertsberg"): a name.
_NAME = re.compile(r"(?<=[a-z,;:] )[A-Z][a-z]{2,}\b")
_WORD = re.compile(r"(?<=[a-z,;:] )[A-Za-z]{3,}\b")
# Above this share of capitalised words inside sentences, capitals say nothing (Title Case).
_NAMES_AT_MOST = 0.3


def names_in(text: str) -> frozenset[str]:
    """The words `text` capitalises inside a sentence, lower-cased: names of places, brands
    and people, which the spelling matcher must leave as written."""
    names = [m.group() for m in _NAME.finditer(text)]
    if not names or len(names) > _NAMES_AT_MOST * len(_WORD.findall(text)):
        return frozenset()
    return frozenset(n.lower() for n in names)


def english_counts() -> dict[str, int]:
    """The English words symspellpy ships, with how common each is."""
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
            # Comments are prose about the patterns: their words spell nothing out.
            source = "\n".join(line for line in path.read_text(encoding="utf-8").lower().splitlines()
                               if not line.lstrip().startswith("#"))
            found.update(w for w in _LETTERS.findall(source) if len(w) >= _MIN_LENGTH)
            # "paraesthesiae?" spells "paraesthesia" too: a last letter made optional.
            found.update(m.group(1)[:-1] for m in _OPTIONAL_LAST.finditer(source)
                         if len(m.group(1)) > _MIN_LENGTH)
    return found


def load_speller_from(root: Path) -> Speller:
    english = english_counts()
    path = root / "words.yaml"
    # Parsed and checked as every knowledge file is: each problem at its file:line.
    problems = ProblemCollector(KNOWLEDGE_DIR)
    data = problems.parse(path, WordsFile)
    spoken = _spoken(data.spoken, path, problems) if data is not None else None
    if data is None or problems.problems:
        raise KnowledgeError(problems.problems)
    listed = {w.lower() for w in data.words}
    contractions = {k.lower(): v.lower() for k, v in data.contractions.items()}
    spelt = lexicon_words(root)
    # Words the patterns spell are never corrected ("carb" from "carbs?"); only whole English
    # words among them, and the listed ones, are offered as corrections (not stems like "seiz").
    return Speller(english, listed | {w for w in spelt if w in english}, spelt, contractions,
                   spoken)


def _spoken(said: SpeechSection | None, path: Path, problems: ProblemCollector) -> Spoken | None:
    if said is None:
        return None
    rewrites: list[Rewrite] = []
    for index, rewrite in enumerate(said.rewrites):
        try:
            compiled = re.compile(rf"(?<![\w']){rewrite.pattern}")
            compiled.sub(rewrite.as_, "")  # a group `as` names that the pattern lacks fails here
            rewrites.append(Rewrite(compiled, rewrite.as_, anchors_of(rewrite.pattern)))
        except re.error as exc:
            problems.add_at(path, ("spoken", "rewrites", index), f"spoken.rewrites[{index}]: {exc}")
    finder, set_of = OpeningFinder.indexed(
        {i: openings_of(rewrite.pattern.pattern) for i, rewrite in enumerate(rewrites)})
    rewrites = [replace(rewrite, opening_set=set_of.get(i, -1))
                for i, rewrite in enumerate(rewrites)]
    numbers = said.numbers
    return Spoken(rewrites=tuple(rewrites), tens=dict(numbers.tens), units=dict(numbers.units),
                  teens=dict(numbers.teens), ordinals=dict(numbers.ordinals),
                  openings=finder)


@functools.cache
def load_speller() -> Speller:
    """The packaged speller, built once and kept for later processes (the delete index of
    every domain word takes longer to build than to read back)."""
    return cached_build("intake-speller", Speller, lambda: load_speller_from(INTAKE_DIR))
