"""The optional model reader: sentence embeddings find what the rules did not read.

After the rule reader, each clause of the text (cut as the rules cut it) is embedded and
compared with a phrasebook: every finding's question and help text, the example phrasings
of knowledge/intake/semantic.yaml, and phrasings of nothing in particular (background).
A clause in which the rules read nothing proposes the finding it is closest to, when that
similarity reaches the threshold and leads everything else by the margin, the rules did
not read that finding, and the model may add it. Red-flag findings are never added: only
the rules read those. The rules' negation and hedge scope decides the value: a clause
that denies gives false, one that doubts or asks gives null.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from crampcoach.intake.embedding import Matrix, load_encoder, model_available
from crampcoach.intake.lexicon import INTAKE_DIR, Lexicon, load_lexicon
from crampcoach.intake.reader import Reading, Span, clauses, read_with
from crampcoach.intake.schema import SemanticFile
from crampcoach.knowledge import KnowledgeError, load_knowledge
from crampcoach.knowledge.loader import KNOWLEDGE_DIR, ProblemCollector

__all__ = ["Agreement", "ClauseMatch", "SemanticRules", "agreement_with_rules",
           "load_semantic_rules", "load_semantic_rules_from", "match_clauses", "model_available",
           "read_with_model"]

BACKGROUND = "background"
_WORD = re.compile(r"[\w']+")


@dataclass(frozen=True)
class SemanticRules:
    """The checked semantic.yaml, with the findings the model may add."""

    data: SemanticFile
    # Every finding id with its phrasings (question, help, examples), red flags included,
    # so that a clause about a finding the model may not add is not taken for another.
    phrasings: dict[str, tuple[str, ...]]
    addable: frozenset[str]


@dataclass(frozen=True)
class ClauseMatch:
    """A clause and the phrasebook entry it is most similar to (a finding id or background)."""

    start: int
    end: int
    negated: bool
    hedged: bool
    best: str
    similarity: float
    # How far `best` leads the closest phrasing of any other finding or the background.
    lead: float


def _check(path: Path, problems: ProblemCollector) -> SemanticRules | None:
    data = problems.parse(path, SemanticFile)
    if data is None:
        return None
    findings = load_knowledge().findings
    red = set(load_knowledge().red_flag_findings())
    for section, ids in (("skip", data.skip), ("said_as_lack", data.said_as_lack),
                         ("contrary", data.contrary), ("examples", data.examples)):
        for fid in ids:
            if fid not in findings:
                problems.add_at(path, (section, fid), f"unknown finding id '{fid}'")
    for fid in data.skip:
        if fid in red:
            problems.add_at(path, ("skip", fid), f"'{fid}' is a red flag: the model never adds those")
    lex = load_lexicon()
    for fid, phrases in data.examples.items():
        if fid in red or fid in data.skip:
            continue  # never added: its examples only keep other findings from taking a clause
        for i, phrase in enumerate(phrases):
            # The clause's own negation decides the value, so an example must say "present".
            if any(c.negated for c in clauses(phrase, lex)):
                problems.add_at(path, ("examples", fid, i),
                                f"{fid}: an example must not hold a negation: {phrase!r}")
    if problems.problems:
        return None
    phrasings = {
        fid: (f.question, f.help, *data.examples.get(fid, []))
        for fid, f in findings.items()
    }
    addable = frozenset(fid for fid in findings if fid not in red and fid not in data.skip)
    return SemanticRules(data=data, phrasings=phrasings, addable=addable)


def load_semantic_rules_from(path: Path) -> SemanticRules:
    """Load and check a semantic.yaml (tests use broken copies); every problem is reported."""
    problems = ProblemCollector(KNOWLEDGE_DIR)
    rules = _check(path, problems)
    if rules is None:
        raise KnowledgeError(problems.problems)
    return rules


@functools.cache
def load_semantic_rules() -> SemanticRules:
    """The packaged semantic.yaml, checked against the packaged findings, once."""
    return load_semantic_rules_from(INTAKE_DIR / "semantic.yaml")


@dataclass(frozen=True)
class _Phrasebook:
    owners: tuple[str, ...]  # the finding id (or background) of each row
    matrix: Matrix  # (phrasings, hidden), unit rows


@functools.cache
def _phrasebook() -> _Phrasebook:
    """Every phrasing embedded once per process."""
    rules = load_semantic_rules()
    owners: list[str] = []
    texts: list[str] = []
    for fid, phrases in rules.phrasings.items():
        owners.extend([fid] * len(phrases))
        texts.extend(phrases)
    # What says nothing, or says a finding is absent without a negation, proposes nothing.
    for nothing in (rules.data.background, *rules.data.contrary.values()):
        owners.extend([BACKGROUND] * len(nothing))
        texts.extend(nothing)
    return _Phrasebook(owners=tuple(owners), matrix=load_encoder().embed(texts))


def match_clauses(text: str, lex: Lexicon | None = None, unread_in: Reading | None = None) -> list[ClauseMatch]:
    """Each clause long enough to match on, with its closest phrasebook entry.

    With `unread_in`, only the clauses in which that reading has no span: a clause the
    rules read something in is understood, and the model fills gaps only.
    """
    lex = lex or load_lexicon()
    rules = load_semantic_rules()
    book = _phrasebook()
    spans = unread_in.spans if unread_in is not None else []
    found = [c for c in clauses(text, lex)
             if len(_WORD.findall(text, c.start, c.end)) >= rules.data.min_words
             and not any(s.start < c.end and c.start < s.end for s in spans)]
    if not found:
        return []
    sims = load_encoder().embed([text[c.start:c.end] for c in found]) @ book.matrix.T
    owners = np.asarray(book.owners)
    matches = []
    for i, c in enumerate(found):
        j = int(np.argmax(sims[i]))
        others = sims[i][owners != owners[j]]
        lead = float(sims[i, j] - others.max()) if others.size else 1.0
        matches.append(ClauseMatch(c.start, c.end, c.negated, c.hedged, book.owners[j],
                                   float(sims[i, j]), lead))
    return matches


def read_with_model(text: str, lex: Lexicon | None = None) -> Reading:
    """The rule reading of `text`, plus the findings the model proposes for what it missed."""
    lex = lex or load_lexicon()
    reading = read_with(text, lex)
    rules = load_semantic_rules()
    cutoff, lead = rules.data.threshold, rules.data.margin
    chosen: dict[str, ClauseMatch] = {}
    for match in match_clauses(text, lex, unread_in=reading):
        fid = match.best
        if (fid in rules.addable and fid not in reading.findings
                and match.similarity >= cutoff and match.lead >= lead
                and not (match.negated and fid in rules.data.said_as_lack)
                and (fid not in chosen or match.similarity > chosen[fid].similarity)):
            chosen[fid] = match
    if not chosen:
        return reading
    findings = dict(reading.findings)
    spans = list(reading.spans)
    for fid, match in chosen.items():
        value = None if match.hedged else not match.negated
        findings[fid] = value
        spans.append(Span(finding=fid, value=value, start=match.start, end=match.end,
                          text=text[match.start:match.end]))
    spans.sort(key=lambda s: (s.start, s.end, s.finding))
    return Reading(findings=dict(sorted(findings.items())), spans=spans)


@dataclass(frozen=True)
class Agreement:
    """A clause the rules read, and whether the model would have read it the same way."""

    similarity: float
    lead: float
    agrees: bool


def agreement_with_rules(text: str, lex: Lexicon | None = None) -> list[Agreement]:
    """How the model's proposals compare with the rules on the clauses the rules did read.

    Used to tune the threshold and margin: for each clause whose closest phrasing is a
    finding the model may add, it agrees when the rules read that finding in the clause
    and the value the model would give does not contradict theirs.
    """
    lex = lex or load_lexicon()
    rules = load_semantic_rules()
    reading = read_with(text, lex)
    points = []
    for match in match_clauses(text, lex):
        inside = {s.finding: s.value for s in reading.spans if s.start < match.end and match.start < s.end}
        if not inside or match.best not in rules.addable:
            continue
        value = None if match.hedged else not match.negated
        agrees = match.best in inside and (value is None or inside[match.best] in (None, value))
        points.append(Agreement(match.similarity, match.lead, agrees))
    return points
