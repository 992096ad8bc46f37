"""assess(case) -> Assessment: the one pure core behind the CLI, the API and the pages."""

from __future__ import annotations

import functools
import math
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from crampcoach import DISCLAIMER
from crampcoach.case import Case
from crampcoach.knowledge import KnowledgeBase, load_knowledge
from crampcoach.knowledge.schema import Grade
from crampcoach.reasoning.assessment import (
    SHOWN_FROM,
    Assessment,
    Because,
    ChecklistItem,
    DisagreementOut,
    NextQuestion,
    Understood,
    Unexplained,
    assessment_of,
    cause_result,
)
from crampcoach.reasoning.inference import Posterior, infer
from crampcoach.reasoning.interview import (
    STOPPING,
    StoppingRule,
    choose_question,
    unexplained_probability,
)
from crampcoach.reasoning.network import Network, network
from crampcoach.triage import RANK, Triage, filled, triage

# A disagreement is shown when one of its causes is at least this likely (or in the top 3).
DISAGREEMENT_SHOWN_AT = 0.2


@dataclass(frozen=True)
class Reading:
    """What was read from a case's text: one value per finding, and the words behind it."""

    findings: dict[str, bool | None]
    spans: list[Understood]


def read_text(case: Case, *, use_model: bool = False) -> Reading | None:
    if not case.text:
        return None
    from crampcoach.intake import read_findings  # the text reader is only needed with text
    from crampcoach.intake.quotes import whole_words

    reading = read_findings(case.text, use_model=use_model)
    # A finding that cannot be the person's, given the sex they told ("my wife's 7 months
    # pregnant" from a man), is about someone else in the story: set aside.
    kb = load_knowledge()
    theirs = {fid: value for fid, value in reading.findings.items()
              if kb.findings[fid].fits_sex(case.sex)}
    # One line per finding for the person to check: the words that gave the value read.
    chosen: dict[str, Any] = {}
    for s in reading.spans:
        if s.finding not in theirs:
            continue
        if s.finding not in chosen or (chosen[s.finding].value != theirs.get(s.finding)
                                       and s.value == theirs.get(s.finding)):
            chosen[s.finding] = s
    # Quoted back as whole words ("can't feel my bum", not "can't feel my").
    spans = [Understood(finding=s.finding, value=s.value, span=(s.start, s.end),
                        text=whole_words(case.text, s.start, s.end))
             for s in sorted(chosen.values(), key=lambda s: s.start)]
    return Reading(findings=theirs, spans=spans)


def answers_of(case: Case, reading: Reading | None = None) -> dict[str, bool | None]:
    """The case's findings merged with those read from its text; explicit answers win."""
    reading = reading or read_text(case)
    return {**reading.findings, **case.findings} if reading else dict(case.findings)


def weight_of_evidence(net: Network, finding: int, cause: int, present: bool) -> float:
    """ln P(answer | cause alone) / P(answer | no cause): how hard the answer pushes the cause."""
    leak = float(net.leak[finding])
    keep = float(net.strength[finding, cause])
    if present:
        return math.log((1.0 - (1.0 - leak) * (1.0 - keep)) / leak)
    return math.log1p(-keep)


Link = tuple[str, float, float]  # finding, weight of a yes, weight of a no


@functools.cache
def _cause_facts(net: Network) -> list[tuple[str, str, list[str], Grade, list[Link]]]:
    """Per cause (in network order): id, name, seeds, evidence grade, linked findings.

    Fixed for the life of the process, so it is worked out once, not on every assessment.
    """
    kb = load_knowledge()
    facts = []
    for c, cid in enumerate(net.cause_ids):
        cause = kb.causes[cid]
        links = [
            (fid, round(weight_of_evidence(net, net.finding_index[fid], c, True), 3),
             round(weight_of_evidence(net, net.finding_index[fid], c, False), 3))
            for fid in cause.links
        ]
        facts.append((cid, cause.name, sorted({c.seed for c in cause.sources}),
                      cause.evidence.grade, links))
    return facts


@functools.cache
def _cause_columns(net: Network) -> tuple[tuple[str, ...], tuple[str, ...], tuple[list[str], ...],
                                          tuple[Grade, ...]]:
    """Per cause (network order): ids, names, seeds and evidence grades, as columns.

    The seed lists are shared by every assessment, as the explanations are: the document
    is never changed once built.
    """
    facts = _cause_facts(net)
    return (tuple(f[0] for f in facts), tuple(f[1] for f in facts), tuple(f[2] for f in facts),
            tuple(f[3] for f in facts))


# Per answer (finding, yes/no): (cause index, rank, explanation) for every cause it moves.
# The rank orders one cause's explanations (strongest first; among equals, the cause's own
# order of links), so one plain sort of these triples orders every cause's list at once. The
# explanations are immutable, so one object serves every assessment that gives that answer.
Explanations = dict[tuple[str, bool | None], list[tuple[int, int, Because]]]


@functools.cache
def _explanations(net: Network) -> Explanations:
    table: Explanations = {}
    for c, (_, _, _, _, links) in enumerate(_cause_facts(net)):
        moves = [((-abs(weight), position), fid, value, weight)
                 for position, (fid, if_yes, if_no) in enumerate(links)
                 for value, weight in ((True, if_yes), (False, if_no))]
        for rank, (_, fid, value, weight) in enumerate(sorted(moves)):
            table.setdefault((fid, value), []).append(
                (c, rank, Because(finding=fid, answer=value, weight=weight)))
    return table


def _because_per_cause(net: Network, answers: dict[str, bool | None]) -> list[list[Because]]:
    """For each cause (network order), the answers that moved it, strongest first."""
    table = _explanations(net)
    moved: list[tuple[int, int, Because]] = []
    for answer in answers.items():  # (finding, value): "don't know" moves nothing
        moved += table.get(answer, ())
    moved.sort()  # by cause, then rank: (cause, rank) pairs are unique
    found: list[list[Because]] = [[] for _ in range(net.n_causes)]
    for c, _, because in moved:
        found[c].append(because)
    return found


@functools.cache
def _disagreements(net: Network) -> list[tuple[tuple[int, ...], DisagreementOut]]:
    """Each disagreement as shown (immutable, so built once), with the causes it concerns."""
    kb = load_knowledge()
    return [
        (tuple(net.cause_index[c] for c in d.causes),
         DisagreementOut(topic=d.topic, title=d.title, sources_for=d.sources_for,
                         sources_against=d.sources_against, note=d.note,
                         evidence=d.evidence.grade))
        for d in kb.disagreements
    ]


@functools.lru_cache(maxsize=1024)
def _checklist_item(finding: str, text: str) -> ChecklistItem:
    """A checklist line is immutable: one object serves every assessment that shows it."""
    return ChecklistItem(finding=finding, text=text)


def posterior_for(net: Network, answers: dict[str, bool | None]) -> Posterior:
    idx = net.finding_index
    present: list[int] = []
    absent: list[int] = []
    for f, v in answers.items():
        if v is not None:
            (present if v else absent).append(idx[f])
    return infer(net, present, absent)


def _warnings(kb: KnowledgeBase, triaged: Triage) -> dict[str, tuple[str, int]]:
    """Cause -> what the warning sign says and how urgent its most urgent rule is, for every
    rule that fired.

    The condition behind the level leads the list of causes, whatever its probability: the
    rule, not the network, decided the level.
    """
    levels = kb.red_flag_levels
    led: dict[str, tuple[str, int]] = {}
    for reason in triaged.reasons:  # already most urgent first
        rank = RANK[levels[reason.rule]] if reason.rule in levels else 0
        led.setdefault(reason.suspected, (reason.says, rank))
    return led


def _cause_order(net: Network, marginals: list[float],
                 warnings: dict[str, tuple[str, int]]) -> list[int]:
    """Causes a warning sign points to first, the most urgent first and, among signs of the
    same level (numbness and diabetes both "see a doctor"), the most likely first; then the
    rest, most likely first.

    Ties keep network order: the sort is stable, reversed or not.
    """
    by_probability = sorted(range(net.n_causes), key=marginals.__getitem__, reverse=True)
    if not warnings:
        return by_probability
    led = sorted((net.cause_index[cid] for cid in warnings if cid in net.cause_index),
                 key=lambda i: (-warnings[net.cause_ids[i]][1], -marginals[i]))
    if not led:
        return by_probability
    return led + [i for i in by_probability if i not in led]


@functools.lru_cache(maxsize=1024)
def _next_question(first: str, screening: bool, also: tuple[str, ...]) -> NextQuestion:
    """The question shown for a choice is immutable: one object serves every assessment."""
    kb = load_knowledge()
    finding = kb.findings[first]
    # The lines gathered by topic, in the order the topics first come, so a long list reads
    # in parts (the most urgent topic first, since the step starts with it).
    asked = (first, *also)
    topics = list(dict.fromkeys(kb.findings[f].group for f in asked))
    checklist = [
        _checklist_item(f, kb.findings[f].checklist or kb.findings[f].question)
        for f in sorted(asked, key=lambda f: topics.index(kb.findings[f].group))
    ] if also else []
    return NextQuestion(finding=first, text=finding.question, help=finding.help,
                        screening=screening, also=list(also), checklist=checklist)


# Said when no known pattern explains the answers better than any one cause does.
UNEXPLAINED_SAYS = (
    "None of the patterns crampcoach knows fits your answers well. A physiotherapist can "
    "examine the leg and find what a questionnaire cannot."
)


# The self-care action when nothing fits: no warning sign, but no cause to aim a plan at. The
# level stays (a guess at the cause must not move it); the person is pointed to a physio.
NOTHING_FITS_ACTION = (
    "No warning sign, so nothing urgent, but no known cause fits either: book a "
    "physiotherapist to examine the leg, and log your cramps until then so they can see the "
    "pattern."
)


def ordinary_steps_answered(kb: KnowledgeBase, case: Case) -> int:
    """Ordinary steps the person has answered (the interview's cap): one topic is one step.

    Counted from the case alone (topics with an explicit answer outside the screens), so
    the API, the CLI and the pages need keep no count of their own.
    """
    topics = kb.ordinary_topics
    return len({topics[f] for f in case.findings if f in topics})


# Recent assessments by case: assess() is pure, and an interview, its results page and the
# API ask again and again about the same answers.
ASSESSMENTS_KEPT = 4096
_recent: OrderedDict[tuple[object, ...], Assessment] = OrderedDict()
_recent_lock = threading.Lock()


def _case_key(case: Case) -> tuple[object, ...]:
    """Every field of the case, hashable; the answers in their order (it decides sums' order).

    A fraction of the cost of serialising the case, and no field can be left out by mistake.
    """
    return tuple(tuple(value.items()) if isinstance(value, dict) else value
                 for value in case.__dict__.values())


def assess(case: Case, stopping: StoppingRule = STOPPING, *, use_text_model: bool = False) -> Assessment:
    """`use_text_model`: the `text_model` setting, for reading the case's own words."""
    key = (_case_key(case), use_text_model, stopping)
    with _recent_lock:
        found = _recent.get(key)
        if found is not None:
            _recent.move_to_end(key)
            return found
    made = _assess(case, stopping, use_text_model)
    with _recent_lock:
        _recent[key] = made
        if len(_recent) > ASSESSMENTS_KEPT:
            _recent.popitem(last=False)
    return made


def forget_recent_assessments() -> None:
    """Empty the cache of recent assessments (benchmarks time the work itself)."""
    with _recent_lock:
        _recent.clear()


def _assess(case: Case, stopping: StoppingRule, use_text_model: bool) -> Assessment:
    kb, net = load_knowledge(), network()
    reading = read_text(case, use_model=use_text_model)
    answers = answers_of(case, reading)
    posterior = posterior_for(net, answers)
    triaged = triage(kb, answers)

    warnings = _warnings(kb, triaged)
    marginals: list[float] = posterior.marginals.tolist()
    ids, names, seeds, grades = _cause_columns(net)
    because = _because_per_cause(net, answers)
    order = _cause_order(net, marginals, warnings)
    causes = [cause_result(ids[i], names[i], marginals[i], because[i], seeds[i], grades[i],
                           warnings[ids[i]][0] if ids[i] in warnings else None)
              for i in order]
    other = unexplained_probability(net, answers, posterior)
    unexplained = filled(Unexplained, {  # built from computed values, no input
        "probability": other,
        "leading": not warnings and other > max(marginals),
        "says": UNEXPLAINED_SAYS,
    })

    choice = choose_question(kb, net, answers, posterior, triaged.level, case.sex, case.age,
                             asked=ordinary_steps_answered(kb, case), rule=stopping)
    next_question = (_next_question(choice.finding, choice.screening, choice.also)
                     if choice else None)

    if unexplained.leading and triaged.level == "self_care":
        triaged = triaged.model_copy(update={"action": NOTHING_FITS_ACTION})
    # Only causes a person is shown can bring their dispute along (none when nothing fits);
    # under urgent only the warning signs' causes are shown, and no dispute distracts from them.
    disagreements = []
    if triaged.level != "urgent":
        top3 = {i for i, c in zip(order[:3], causes[:3], strict=True)
                if c.warning or c.probability >= SHOWN_FROM}
        for causes_of, disagreement in _disagreements(net):
            for c in causes_of:
                if c in top3 or marginals[c] >= DISAGREEMENT_SHOWN_AT:
                    disagreements.append(disagreement)
                    break
    return assessment_of(
        triage=triaged,
        causes=causes,
        next_question=next_question,
        understood=reading.findings if reading is not None else None,
        understood_spans=reading.spans if reading is not None else None,
        disagreements=disagreements,
        answers=answers,
        disclaimer=DISCLAIMER,
        unexplained=unexplained,
    )
