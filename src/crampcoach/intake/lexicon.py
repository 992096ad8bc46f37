"""Load the intake lexicon and rules, check them, and compile every pattern once.

Every problem (unknown finding id, unknown macro, a regex that does not compile) is
collected with its file:line before anything is raised, like the core knowledge loader.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from crampcoach.intake.prefilter import (
    AnchorFinder,
    OpeningFinder,
    Openings,
    anchors_of,
    openings_of,
)
from crampcoach.intake.schema import Concept, ConceptsFile, Cue, Implication, LexiconFile, RulesFile
from crampcoach.knowledge import KnowledgeError, load_knowledge
from crampcoach.knowledge.loader import KNOWLEDGE_DIR, ProblemCollector, cached_build
from crampcoach.knowledge.stored_regex import CachePickler, StoredCode, compiled_from

INTAKE_DIR = KNOWLEDGE_DIR / "intake"

_MACRO = re.compile(r"\{([A-Z_]+)\}")
_GAP = " ... "
# A gap stays inside one sentence: separators never include sentence punctuation.
_SEP = r"[^\w.!?;\n]+"
_MEASURE_GROUPS = {"minutes": ("num", "unit"), "per_week": ("num", "unit"),
                   "percent": ("num",), "ratio": ("num", "num2"), "clock": ("num", "num2"),
                   "day_span": ("num", "num2")}


class LazyRegex:
    """A cue's regular expression, compiled the first time a text could match it.

    The lexicon holds some 1,800 patterns and compiling them all from their text costs about
    a second, while a text's anchors rule most of them out: a process that reads one
    description compiles only the few it needs, and from the code the on-disk cache keeps
    (see `stored_regex`) when it has it. Every pattern compiled once when the lexicon was
    built and checked, so compiling it again later cannot fail. Two patterns of the same
    text are equal.
    """

    __slots__ = ("_code", "_compiled", "pattern")

    def __init__(self, pattern: str, compiled: re.Pattern[str] | None = None,
                 code: StoredCode | None = None) -> None:
        self.pattern = pattern
        self._compiled = compiled
        self._code = code

    @property
    def is_compiled(self) -> bool:
        """Whether the pattern has been compiled yet (a server compiles them all at start)."""
        return self._compiled is not None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = compiled_from(self.pattern, 0, self._code)
            self._code = None  # needed once
        return self._compiled

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0,
                 endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(string, pos, endpos)

    @property
    def groupindex(self) -> Mapping[str, int]:
        return self.compiled.groupindex

    def __reduce__(self) -> tuple[type[LazyRegex], tuple[str]]:
        return LazyRegex, (self.pattern,)  # kept as text; compiled again only when used

    def reduce_for_cache(self, pickler: CachePickler,
                         ) -> tuple[type[LazyRegex], tuple[str, None, StoredCode | None]]:
        """For the on-disk cache: the text with its compiled code, still compiled only when used."""
        return LazyRegex, (self.pattern, None, self._code or pickler.code_of(self.pattern))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LazyRegex) and other.pattern == self.pattern

    def __hash__(self) -> int:
        return hash(self.pattern)

    def __repr__(self) -> str:
        return f"LazyRegex({self.pattern[:40]!r})"


@dataclass(frozen=True)
class CompiledCue:
    finding: str
    cue: Cue
    regex: LazyRegex
    gaps: tuple[str, ...]
    needs: tuple[LazyRegex, ...]
    needs_also: tuple[LazyRegex, ...]
    needs_clause: tuple[LazyRegex, ...]
    unless: tuple[LazyRegex, ...]
    unless_in_story: tuple[LazyRegex, ...]
    not_after: LazyRegex | None
    # One of these occurs in every text the pattern matches (see `prefilter`); () for none.
    anchors: tuple[str, ...] = ()


@dataclass(frozen=True)
class CompiledConcept:
    finding: str
    groups: tuple[LazyRegex, ...]
    value: bool
    fixed: bool
    sentence_scope: bool
    unless: tuple[LazyRegex, ...]
    denied_by_first: bool
    # The groups after the first may be in the sentence before.
    story_scope: bool = False
    # Per group, strings one of which its every match contains (() when none can be told).
    group_anchors: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class CompiledOthers:
    opinion: re.Pattern[str]
    experience: re.Pattern[str]
    writer: re.Pattern[str]
    writer_again: re.Pattern[str] | None = None
    own_person: re.Pattern[str] | None = None
    one_person: re.Pattern[str] | None = None
    never_subject: re.Pattern[str] | None = None
    # An opinion and the words that join it to its reason, ending where the reason's clause
    # starts (see the rules' `others.reason`).
    reason: re.Pattern[str] | None = None


@dataclass(frozen=True)
class CompiledImplication:
    rule: Implication
    # The finding whose readings set aside this rule's, with the words said just before
    # (the rule's `not_inside` and `said_after`, compiled); None where it has none.
    set_aside: tuple[str, re.Pattern[str]] | None = None


@dataclass(frozen=True)
class CompiledSessionPosition:
    late_from: float
    early_until: float
    units: dict[str, tuple[str, float]]
    named: dict[str, tuple[str, float]]
    named_regex: re.Pattern[str] | None
    totals: tuple[re.Pattern[str], ...]
    points: tuple[re.Pattern[str], ...]
    cramp: re.Pattern[str]
    remaining: tuple[re.Pattern[str], ...] = ()
    long_from: dict[str, float] = field(default_factory=dict)
    long_not_for: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Lexicon:
    cues: tuple[CompiledCue, ...]
    negation: re.Pattern[str]
    pseudo_negation: re.Pattern[str]
    negation_after: re.Pattern[str] | None
    negation_window: int
    # A denial of an action, with the verb it denies: its reach stops at a comma.
    verbal_negation: re.Pattern[str] | None
    hedge: re.Pattern[str]
    hedge_window: int
    # Hedges that doubt only their window, never the whole sentence (see intake.schema.Hedge).
    fear: re.Pattern[str] | None
    breakers: re.Pattern[str]
    question_start: re.Pattern[str] | None
    speaker_label: re.Pattern[str] | None
    question_frame: re.Pattern[str] | None
    numbers: dict[str, float]
    units: dict[str, dict[str, float]]
    # Rounding words before a number (rules' `rounding`), each read as "about".
    rounding: re.Pattern[str] | None
    implications: tuple[CompiledImplication, ...]
    concepts: tuple[CompiledConcept, ...]
    story_about_other: re.Pattern[str] | None
    story_child: re.Pattern[str] | None
    # The writer telling of a condition of their own, and the findings it may hold.
    writer_own: re.Pattern[str] | None
    writer_own_findings: frozenset[str]
    their_words: dict[str, str]
    asked_words: dict[str, str]
    others: CompiledOthers | None
    # How many sentences before and after a cue its `needs` may be found in.
    needs_before: int
    needs_after: int
    refers_back: re.Pattern[str] | None
    self_correction: re.Pattern[str]
    topic: re.Pattern[str] | None
    red_flags: frozenset[str]
    findings: frozenset[str]
    session_position: CompiledSessionPosition | None = None
    # Findings said by any one instance (see the rules' `existential`).
    existential: frozenset[str] = frozenset()
    # "his"/"her" kept as someone else's ("their cousin") when a story is retold.
    theirs: re.Pattern[str] | None = None
    # Every cue's anchors, each once, with the cues (by position) that need each: a text is
    # searched for each anchor once, and only the cues whose anchors it holds are tried.
    anchors: tuple[str, ...] = ()
    cues_by_anchor: dict[str, tuple[int, ...]] = field(default_factory=dict)
    # Cues without anchors: tried on every text.
    unanchored: tuple[int, ...] = ()
    # Finds which of `anchors` a text holds, in one pass.
    anchor_finder: AnchorFinder = field(default_factory=lambda: AnchorFinder(()))
    # By a pattern's text, its set of openings in `opening_finder`: strings one of which
    # every match starts with (see `prefilter.openings_of`). The reader tries such a pattern
    # only where one of them starts. Patterns share sets; one without is tried everywhere.
    opening_set_of: dict[str, int] = field(default_factory=dict)
    opening_finder: OpeningFinder = field(default_factory=lambda: OpeningFinder(()))


def expand_macros(pattern: str, macros: dict[str, str], depth: int = 0) -> str:
    """Replace `{NAME}` with its macro (which may use macros); KeyError names a missing one."""
    if depth > 8:
        raise RecursionError("macros nest too deeply (a macro uses itself?)")

    def one(match: re.Match[str]) -> str:
        return "(?:" + expand_macros(macros[match.group(1)], macros, depth + 1) + ")"

    return _MACRO.sub(one, pattern)


def _with_gaps(pattern: str, gap_words: int) -> tuple[str, tuple[str, ...]]:
    parts = pattern.split(_GAP)
    names = tuple(f"gap{i}" for i in range(len(parts) - 1))
    out = parts[0]
    for name, part in zip(names, parts[1:], strict=True):
        out += f"(?P<{name}>{_SEP}(?:[\\w']+{_SEP}){{0,{gap_words}}}?)" + part
    return out, names


def _alternation(items: list[str]) -> str:
    return "(?:" + "|".join(f"(?:{item})" for item in items) + ")"


def _word_regex_text(body: str) -> str:
    return rf"(?<![\w'])(?:{body})(?!\w)"


def _word_regex(body: str) -> re.Pattern[str]:
    return re.compile(_word_regex_text(body))


def _lazy_word_regex(body: str, written: str, templates: dict[str, str]) -> LazyRegex:
    """`_word_regex`, compiled now (so a bad pattern is reported at load) and kept lazily.
    `body` as `written`, with its macros, is kept in `templates` by the pattern's text."""
    compiled = _word_regex(body)
    templates[compiled.pattern] = written
    return LazyRegex(compiled.pattern, compiled)


def _compile_rules(rules: RulesFile, path: Path, problems: ProblemCollector) -> dict[str, str] | None:
    """Expand every macro once; report bad ones. Returns the expanded macros."""
    expanded: dict[str, str] = {}
    for name, body in rules.macros.items():
        try:
            expanded[name] = expand_macros(body, rules.macros)
            re.compile(expanded[name])
        except KeyError as exc:
            problems.add_at(path, ("macros", name), f"macro {name}: unknown macro {exc.args[0]}")
        except (re.error, RecursionError) as exc:
            problems.add_at(path, ("macros", name), f"macro {name}: {exc}")
    return expanded if len(expanded) == len(rules.macros) else None


def _macro_regex(name: str, macros: dict[str, str], templates: dict[str, str]) -> LazyRegex:
    return _lazy_word_regex(macros[name], "{" + name + "}", templates)


def _compile_cue(
    finding: str, index: int, cue: Cue, rules: RulesFile, macros: dict[str, str],
    path: Path, problems: ProblemCollector, templates: dict[str, str],
) -> CompiledCue | None:
    loc: tuple[str | int, ...] = ("findings", finding, index)
    try:
        body, gaps = _with_gaps(expand_macros(cue.pattern, rules.macros), rules.gap_words)
        regex = _lazy_word_regex(body, _with_gaps(cue.pattern, rules.gap_words)[0], templates)
    except KeyError as exc:
        problems.add_at(path, (*loc, "pattern"), f"{finding}: unknown macro {exc.args[0]}")
        return None
    except (re.error, RecursionError) as exc:
        problems.add_at(path, (*loc, "pattern"), f"{finding}: bad pattern: {exc}")
        return None
    if cue.measure is not None:
        missing = [g for g in _MEASURE_GROUPS[cue.measure.quantity] if g not in regex.groupindex]
        if missing:
            problems.add_at(path, (*loc, "measure"),
                         f"{finding}: measure needs group(s) {', '.join(missing)}")
            return None
    named = (*cue.needs, *cue.needs_also, *cue.needs_clause, *cue.unless, *cue.unless_in_story,
             *([cue.not_after] if cue.not_after else []))
    unknown = [m for m in named if m not in macros]
    if unknown:
        problems.add_at(path, loc, f"{finding}: unknown macro(s) {', '.join(unknown)}")
        return None
    return CompiledCue(
        finding=finding, cue=cue, regex=regex, gaps=gaps,
        needs=tuple(_macro_regex(m, macros, templates) for m in cue.needs),
        needs_also=tuple(_macro_regex(m, macros, templates) for m in cue.needs_also),
        needs_clause=tuple(_macro_regex(m, macros, templates) for m in cue.needs_clause),
        unless=tuple(_macro_regex(m, macros, templates) for m in cue.unless),
        unless_in_story=tuple(_macro_regex(m, macros, templates) for m in cue.unless_in_story),
        not_after=_macro_regex(cue.not_after, macros, templates) if cue.not_after else None,
        # Anchors from the cue's own words: the macros stand in as groups that may be empty,
        # so parsing stays small and what is found is still in every match.
        anchors=anchors_of(_with_gaps(_MACRO.sub("(?:)", cue.pattern), rules.gap_words)[0]),
    )


def _compile_concept(
    finding: str, index: int, concept: Concept, rules: RulesFile, macros: dict[str, str],
    path: Path, problems: ProblemCollector, templates: dict[str, str],
) -> CompiledConcept | None:
    loc: tuple[str | int, ...] = ("findings", finding, index)
    unknown = [m for m in concept.unless if m not in macros]
    if unknown:
        problems.add_at(path, loc, f"{finding}: unknown macro(s) {', '.join(unknown)}")
        return None
    try:
        bodies = [_alternation([expand_macros(p, rules.macros) for p in group])
                  for group in concept.all]
        groups = tuple(_lazy_word_regex(body, _alternation(group), templates)
                       for body, group in zip(bodies, concept.all, strict=True))
    except KeyError as exc:
        problems.add_at(path, loc, f"{finding}: unknown macro {exc.args[0]}")
        return None
    except (re.error, RecursionError) as exc:
        problems.add_at(path, loc, f"{finding}: bad pattern: {exc}")
        return None
    return CompiledConcept(
        finding=finding, groups=groups, value=concept.value,
        fixed=concept.polarity == "fixed", sentence_scope=concept.scope in ("sentence", "story"),
        story_scope=concept.scope == "story",
        unless=tuple(_macro_regex(m, macros, templates) for m in concept.unless),
        # Across sentences only a denial of the first group's words ("didn't cramp") counts.
        denied_by_first=concept.denied_by == "first" or concept.scope == "story",
        group_anchors=tuple(anchors_of(body) for body in bodies),
    )


def _build(root: Path, findings: dict[str, bool]) -> Lexicon:
    """`findings` maps every known finding id to whether it is a red flag."""
    problems = ProblemCollector(KNOWLEDGE_DIR)
    rules_path, lexicon_path = root / "rules.yaml", root / "lexicon.yaml"
    concepts_path = root / "concepts.yaml"
    rules = problems.parse(rules_path, RulesFile)
    lexicon = problems.parse(lexicon_path, LexiconFile)
    concepts_file = problems.parse(concepts_path, ConceptsFile) if concepts_path.exists() else None
    concepts: list[CompiledConcept] = []
    # Each cue's and concept's pattern as written, with its macros, by the compiled text.
    templates: dict[str, str] = {}
    others: CompiledOthers | None = None
    macros = _compile_rules(rules, rules_path, problems) if rules else None
    cues: list[CompiledCue] = []
    if rules:
        for index, finding in enumerate(rules.existential):
            if finding not in findings:
                problems.add_at(rules_path, ("existential", index), f"unknown finding id '{finding}'")
    if rules and lexicon and macros is not None:
        for finding, finding_cues in lexicon.findings.items():
            if finding not in findings:
                problems.add_at(lexicon_path, ("findings", finding), f"unknown finding id '{finding}'")
                continue
            for index, cue in enumerate(finding_cues):
                compiled = _compile_cue(finding, index, cue, rules, macros, lexicon_path, problems,
                                        templates)
                if compiled is not None:
                    cues.append(compiled)
                for covered in cue.covers:
                    if covered not in findings:
                        problems.add_at(lexicon_path, ("findings", finding, index, "covers"),
                                     f"unknown finding id '{covered}'")
    if rules and macros is not None and concepts_file is not None:
        for finding, finding_concepts in concepts_file.findings.items():
            if finding not in findings:
                problems.add_at(concepts_path, ("findings", finding), f"unknown finding id '{finding}'")
                continue
            for index, concept in enumerate(finding_concepts):
                compiled_concept = _compile_concept(finding, index, concept, rules, macros,
                                                    concepts_path, problems, templates)
                if compiled_concept is not None:
                    concepts.append(compiled_concept)
    if rules and rules.others is not None:
        try:
            o = rules.others
            person = expand_macros(o.person, rules.macros)
            opinion = expand_macros(o.opinion, rules.macros)
            others = CompiledOthers(
                opinion=_word_regex(
                    (f"(?!(?:[\\w']+ )(?:{o.clinician})\\b)" if o.clinician else "")
                    + f"(?:{person}) (?:[\\w']+ ){{0,2}}?(?:{opinion})"),
                # "My physio says she has a tilt" reports an opinion, not the physio's own
                # experience: the words between may not be an opinion's, nor join on another
                # statement ("with the rest of us and drinks plenty"), nor name the writer ("my
                # PT pointed out I've got an arch"). Three words let a place in: "a mate from
                # the club ended up in hospital".
                experience=_word_regex(
                    f"(?:{person}) (?:(?!(?:{opinion}|and|but|so|then|while|when|because"
                    f"|i|i'm|i've|i'd|me)\\b)"
                    f"[\\w']+ ){{0,3}}?"
                    f"(?:{expand_macros(o.experience, rules.macros)})"),
                writer=_word_regex(expand_macros(o.writer, rules.macros)),
                writer_again=(_word_regex(expand_macros(o.writer_again, rules.macros))
                              if o.writer_again else None),
                own_person=re.compile(o.own_person) if o.own_person else None,
                one_person=re.compile(o.one_person) if o.one_person else None,
                never_subject=re.compile(o.never_subject) if o.never_subject else None,
                reason=(re.compile(f"(?<![\\w'])(?:{expand_macros(o.reason, rules.macros)})\\s*$")
                        if o.reason else None),
            )
        except (KeyError, re.error, RecursionError) as exc:
            problems.add_at(rules_path, ("others",), f"others: {exc}")
    position: CompiledSessionPosition | None = None
    if rules and rules.session_position is not None:
        try:
            sp = rules.session_position
            position = CompiledSessionPosition(
                late_from=sp.late_from, early_until=sp.early_until,
                units=dict(sp.units), named=dict(sp.named),
                named_regex=_word_regex(_alternation([re.escape(n) for n in sp.named]))
                if sp.named else None,
                totals=tuple(_word_regex(expand_macros(p, rules.macros)) for p in sp.totals),
                points=tuple(_word_regex(expand_macros(p, rules.macros)) for p in sp.points),
                cramp=_word_regex(expand_macros(sp.cramp, rules.macros)),
                remaining=tuple(_word_regex(expand_macros(p, rules.macros))
                                for p in sp.remaining),
                long_from={str(family): size for family, size in sp.long_from.items()},
                long_not_for=(_word_regex(expand_macros(sp.long_not_for, rules.macros))
                              if sp.long_not_for else None),
            )
        except (KeyError, re.error, RecursionError) as exc:
            problems.add_at(rules_path, ("session_position",), f"session_position: {exc}")
    if rules and rules.perspective:
        for finding in rules.perspective.writer_own_findings:
            if finding not in findings:
                problems.add_at(rules_path, ("perspective", "writer_own_findings"),
                                f"unknown finding id '{finding}'")
    implications: list[CompiledImplication] = []
    if rules:
        for i, rule in enumerate(rules.implications):
            for ident in (rule.when, rule.then, *([rule.not_inside] if rule.not_inside else [])):
                if ident not in findings:
                    problems.add_at(rules_path, ("implications", i), f"unknown finding id '{ident}'")
            # A red flag is only ever read from the person's own words about it.
            if findings.get(rule.then) and rule.gives:
                problems.add_at(rules_path, ("implications", i),
                             f"an implication may not make red flag '{rule.then}' present")
            # One without the other would set aside nothing, silently.
            if bool(rule.not_inside) != bool(rule.said_after):
                problems.add_at(rules_path, ("implications", i),
                                "not_inside and said_after are given together")
            elif rule.not_inside and rule.said_after:
                try:
                    implications.append(CompiledImplication(rule, (
                        rule.not_inside,
                        _word_regex(expand_macros(rule.said_after, rules.macros)))))
                except (KeyError, re.error, RecursionError) as exc:
                    problems.add_at(rules_path, ("implications", i), f"said_after: {exc}")
            else:
                implications.append(CompiledImplication(rule))
        # Hedges and pseudo-negations may use macros; they are checked as they will be built.
        sections: tuple[tuple[tuple[str, ...], list[str]], ...] = (
            (("negation",), rules.negation.cues), (("hedge",), rules.hedge.cues),
            (("hedge", "fears"), rules.hedge.fears),
            (("breakers",), rules.breakers), (("negation", "pseudo"), rules.negation.pseudo))
        located: list[tuple[tuple[str | int, ...], str]] = [
            ((*section, i), item) for section, items in sections for i, item in enumerate(items)]
        if rules.discourse.refers_back:
            located.append((("discourse", "refers_back"), rules.discourse.refers_back))
        if rules.perspective and rules.perspective.writer_own:
            located.append((("perspective", "writer_own"), rules.perspective.writer_own))
        for where, item in located:
            try:
                re.compile(expand_macros(item, rules.macros))
            except KeyError as exc:
                problems.add_at(rules_path, where, f"unknown macro {exc.args[0]}")
            except (re.error, RecursionError) as exc:
                problems.add_at(rules_path, where, f"bad pattern: {exc}")
        topic = rules.discourse.topic
        if macros is not None and topic is not None and topic not in macros:
            problems.add_at(rules_path, ("discourse", "topic"), f"unknown macro '{topic}'")
    if problems.problems:
        raise KnowledgeError(problems.problems)
    assert rules is not None  # no problems means both files parsed
    neg = rules.negation
    anchors = tuple(sorted({a for cue in cues for a in cue.anchors}
                           | {a for c in concepts for group in c.group_anchors for a in group}))
    built = Lexicon(
        cues=tuple(cues),
        negation=_word_regex(_alternation(neg.cues)),
        pseudo_negation=_word_regex(_alternation(
            [expand_macros(p, rules.macros) for p in neg.pseudo] or ["(?!x)x"])),
        negation_after=re.compile(_alternation(neg.after)) if neg.after else None,
        negation_window=neg.window_words,
        verbal_negation=(
            re.compile(r"(?:" + neg.verbal + r")\s+(?!(?:" + "|".join(neg.list_verbs)
                       + r")\b)[a-z]+\b") if neg.verbal else None
        ),
        hedge=_word_regex(_alternation([expand_macros(h, rules.macros) for h in rules.hedge.cues])),
        hedge_window=rules.hedge.window_words,
        fear=(_word_regex(_alternation([expand_macros(h, rules.macros) for h in rules.hedge.fears]))
              if rules.hedge.fears else None),
        breakers=re.compile(_alternation(rules.breakers)),
        question_start=(
            re.compile(r"\W*(?:" + "|".join(rules.question_starts) + r")\b")
            if rules.question_starts else None
        ),
        speaker_label=(re.compile(r"\W*(?:" + rules.speaker_label + r")[ \t]*:[ \t]*")
                       if rules.speaker_label else None),
        question_frame=_word_regex(_alternation(rules.question_frames))
        if rules.question_frames else None,
        numbers=dict(rules.numbers),
        rounding=(_word_regex(expand_macros(rules.rounding, rules.macros))
                  if rules.rounding else None),
        units={k: dict(v) for k, v in rules.units.items()},
        implications=tuple(implications),
        concepts=tuple(concepts),
        story_about_other=(_word_regex(expand_macros(rules.perspective.story_about_other, rules.macros))
                           if rules.perspective else None),
        story_child=(_word_regex(rules.perspective.child)
                     if rules.perspective and rules.perspective.child else None),
        writer_own=(_word_regex(expand_macros(rules.perspective.writer_own, rules.macros))
                    if rules.perspective and rules.perspective.writer_own else None),
        writer_own_findings=(frozenset(rules.perspective.writer_own_findings)
                             if rules.perspective else frozenset()),
        their_words=dict(rules.perspective.words) if rules.perspective else {},
        asked_words=dict(rules.perspective.asked_words) if rules.perspective else {},
        theirs=(re.compile(rules.perspective.theirs)
                if rules.perspective and rules.perspective.theirs else None),
        others=others,
        needs_before=rules.discourse.sentences_before,
        needs_after=rules.discourse.sentences_after,
        refers_back=(_word_regex(expand_macros(rules.discourse.refers_back, rules.macros))
                     if rules.discourse.refers_back else None),
        self_correction=_word_regex(rules.discourse.self_correction),
        # Compiled as a cue's `needs` are, so a cue needing it is told by its pattern.
        topic=_word_regex(macros[rules.discourse.topic]) if macros and rules.discourse.topic
        else None,
        red_flags=frozenset(f for f, red in findings.items() if red),
        findings=frozenset(findings),
        existential=frozenset(rules.existential),
        session_position=position,
        anchors=anchors,
        cues_by_anchor=_cues_by_anchor(cues),
        unanchored=tuple(i for i, cue in enumerate(cues) if not cue.anchors),
        anchor_finder=AnchorFinder(anchors),
    )
    # Worked out from the patterns as written: each macro is parsed once, not in every
    # pattern that uses it.
    opener = Openings(rules.macros, _MACRO)
    openings = {regex.pattern: opener.of(_word_regex_text(templates[regex.pattern]))
                for regex in patterns_of(built) if regex.pattern in templates}
    # The few rules patterns searched for every reading are worked out as compiled.
    openings.update((pattern.pattern, openings_of(pattern.pattern))
                    for pattern in _searched_per_reading(built))
    finder, set_of = OpeningFinder.indexed(openings)
    return dataclasses.replace(built, opening_finder=finder, opening_set_of=set_of)


def _searched_per_reading(lex: Lexicon) -> list[re.Pattern[str]]:
    """The rules' patterns that the reader searches for every description, or again for each
    reading or number."""
    others, position = lex.others, lex.session_position
    # The clause words every description is scanned for once.
    found = [lex.pseudo_negation, lex.hedge, lex.fear, lex.refers_back, lex.topic]
    if others is not None:
        found += [others.opinion, others.experience, others.writer_again, others.reason]
    if position is not None:
        found += [*position.totals, *position.points, *position.remaining, position.cramp,
                  position.long_not_for]
    return [pattern for pattern in found if pattern is not None]


def _cues_by_anchor(cues: list[CompiledCue]) -> dict[str, tuple[int, ...]]:
    index: dict[str, list[int]] = {}
    for i, cue in enumerate(cues):
        for a in cue.anchors:
            index.setdefault(a, []).append(i)
    return {a: tuple(found) for a, found in index.items()}


def patterns_of(lex: Lexicon) -> list[LazyRegex]:
    """Every pattern of the lexicon, each once."""
    found: dict[int, LazyRegex] = {}
    stack: list[object] = [lex]
    while stack:
        item = stack.pop()
        if isinstance(item, LazyRegex):
            found.setdefault(id(item), item)
        elif isinstance(item, (tuple, list, frozenset, set)):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif dataclasses.is_dataclass(item) and not isinstance(item, type):
            stack.extend(getattr(item, f.name) for f in dataclasses.fields(item))
    return list(found.values())


def compile_patterns(lex: Lexicon) -> int:
    """Compile every pattern of the lexicon now, and say how many there are.

    Patterns compile lazily, when a text first needs them (a cold process reading one
    description compiles some hundreds, about half a second); a front end that has time to
    spare, such as while a person types, can do it all beforehand.
    """
    patterns = patterns_of(lex)
    for pattern in patterns:
        pattern.compiled  # noqa: B018 - compiling is the point
    return len(patterns)


def load_lexicon_from(root: Path, findings: dict[str, bool]) -> Lexicon:
    """Load a lexicon from any folder (tests use broken copies)."""
    return _build(root, findings)


@functools.cache
def load_lexicon() -> Lexicon:
    """The packaged lexicon, checked against the packaged findings, compiled once.

    Parsing the files and every pattern for its anchors is slow in pure Python: later
    processes reuse the lexicon worked out here while the knowledge files are unchanged.
    """
    def build() -> Lexicon:
        kb = load_knowledge()
        red = kb.red_flag_findings()
        return _build(INTAKE_DIR, {fid: fid in red for fid in kb.findings})

    return cached_build("intake-lexicon", Lexicon, build)
