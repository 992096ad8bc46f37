"""Answer a question asked in a person's own words from the knowledge base, or say it is not covered.

Answers come only from reviewed entries: the topics of knowledge/topics.yaml and the cause
entries. A question is matched by the topics' and causes' keywords and, when it describes
the person's own cramps, by the findings read from it and the causes they point to. A
question about something the knowledge base does not cover gets `covered=False` and a plain
statement of what it does cover; nothing is made up.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict

from crampcoach import DISCLAIMER
from crampcoach.errors import InputError
from crampcoach.intake.knowledge import load_topics_knowledge
from crampcoach.intake.reader import normalise, read_findings
from crampcoach.intake.schema import TopicsFile
from crampcoach.knowledge import load_knowledge
from crampcoach.plan.loader import load_plan_knowledge

MAX_QUESTION = 2_000
MAX_ANSWERS = 3
# An entry is shown when it scores at least this share of the best entry's score.
KEEP_SHARE = 0.5
# Each finding read from the question adds its link strength to a cause, times this.
LINK_WEIGHT = 2.0
# A question that names a remedy (pickle juice, quinine) is about that remedy: its entry
# gets this much on top of the keyword, so it comes before broader topics that mention it.
NAMED_BONUS = 2

_HAMSTRING = re.compile(r"\b(?:hamstrings?|hammies|hammy|hams|back of (?:my |the )?thighs?)\b")
_CRAMP = re.compile(r"\b(?:cramp\w*|spasm\w*|seiz\w* up|lock\w* up|charl(?:ey|ie) horse)")
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|i've|i'd|my|me|mine)\b")


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AnswerItem(Out):
    """One knowledge-base entry that answers the question."""

    id: str
    kind: Literal["topic", "cause", "advice"]
    title: str
    text: str
    sources: list[str]
    evidence: str
    basis: str


class AskAnswer(Out):
    """`covered` says whether the knowledge base answers the question at all."""

    question: str
    covered: bool
    answers: list[AnswerItem]
    note: str
    interview: str | None
    disclaimer: str

    def to_json(self) -> dict[str, object]:
        return self.model_dump(mode="json")


@dataclass(frozen=True)
class _Entry:
    item: AnswerItem
    keywords: tuple[tuple[re.Pattern[str], int], ...]


@dataclass(frozen=True)
class _Index:
    topics: TopicsFile
    entries: tuple[_Entry, ...]
    out_of_scope: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]


def _keyword(phrase: str) -> tuple[re.Pattern[str], int]:
    """A keyword matches its words in order, with any ending ("deadlift" finds "deadlifts")."""
    words = normalise(phrase).split()
    body = r"[\s-]+".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![\w']){body}"), len(words)


def _seed_ids(citations: list[str]) -> list[str]:
    return sorted(set(citations))


@functools.cache
def load_topics_index() -> _Index:
    """The topics and causes as answerable entries, with their keywords compiled once."""
    kb = load_knowledge()
    topics = load_topics_knowledge()
    entries = [
        _Entry(
            AnswerItem(id=t.id, kind="topic", title=t.title, text=" ".join(t.text.split()),
                       sources=_seed_ids([c.seed for c in t.sources]),
                       evidence=t.evidence.grade, basis=t.evidence.basis),
            tuple(_keyword(k) for k in t.keywords),
        )
        for t in topics.topics
    ]
    for cid, cause in kb.causes.items():
        words = [cause.name, *topics.cause_keywords.get(cid, [])]
        entries.append(_Entry(
            AnswerItem(id=cid, kind="cause", title=cause.name,
                       text=" ".join(f"{cause.summary} {cause.explanation}".split()),
                       sources=_seed_ids([c.seed for c in cause.sources]),
                       evidence=cause.evidence.grade, basis=cause.evidence.basis),
            tuple(_keyword(k) for k in words),
        ))
    advice = load_plan_knowledge().advice
    for topic, words in topics.advice_keywords.items():
        entry = advice[topic]
        entries.append(_Entry(
            AnswerItem(id=topic, kind="advice", title=entry.title, text=" ".join(entry.text.split()),
                       sources=_seed_ids([c.seed for c in entry.sources]),
                       evidence=entry.evidence.grade, basis=entry.evidence.basis),
            tuple((pattern, size + NAMED_BONUS) for pattern, size in map(_keyword, words)),
        ))
    scope = tuple((o.says, tuple(_keyword(k)[0] for k in o.keywords)) for o in topics.out_of_scope)
    return _Index(topics, tuple(entries), scope)


def _scores(question: str, index: _Index) -> dict[str, float]:
    kb = load_knowledge()
    present = [f for f, v in read_findings(question).findings.items() if v]
    scores: dict[str, float] = {}
    for entry in index.entries:
        score = float(sum(weight for pattern, weight in entry.keywords if pattern.search(question)))
        if entry.item.kind == "cause":
            links = kb.causes[entry.item.id].links
            score += LINK_WEIGHT * sum(links[f].strength for f in present if f in links)
        if score > 0:
            scores[entry.item.id] = score
    return scores


def answer_question(question: str) -> AskAnswer:
    """The few most relevant knowledge-base entries for a question, or a plain 'not covered'."""
    if not question.strip():
        raise InputError("question", "the question is empty")
    if len(question) > MAX_QUESTION:
        raise InputError("question", f"keep the question under {MAX_QUESTION} characters")
    index = load_topics_index()
    topics = index.topics
    text = normalise(question)
    personal = bool(_FIRST_PERSON.search(text) and _CRAMP.search(text))
    interview = " ".join(topics.interview_hint.split()) if personal else None
    scope = " ".join(topics.scope.split())
    about_hamstring_cramps = bool(_HAMSTRING.search(text) and _CRAMP.search(text))
    outside = [says for says, patterns in index.out_of_scope
               if any(p.search(text) for p in patterns)]
    if outside and not about_hamstring_cramps:
        return AskAnswer(question=question, covered=False, answers=[],
                         note=f"{outside[0]} {scope}", interview=None, disclaimer=DISCLAIMER)
    scores = _scores(text, index)
    if not scores:
        return AskAnswer(question=question, covered=False, answers=[],
                         note=f"The knowledge base has no entry on that. {scope}",
                         interview=interview, disclaimer=DISCLAIMER)
    order = {"advice": 0, "topic": 1, "cause": 2}
    by_id = {e.item.id: e.item for e in index.entries}
    best = max(scores.values())
    ranked = sorted(scores, key=lambda i: (-scores[i], order[by_id[i].kind], i))
    kept = [by_id[i] for i in ranked if scores[i] >= KEEP_SHARE * best][:MAX_ANSWERS]
    note = "Answered from the knowledge base; each answer names its sources and evidence grade."
    if outside:
        note = f"{outside[0]} {note}"
    return AskAnswer(question=question, covered=True, answers=kept, note=note,
                     interview=interview, disclaimer=DISCLAIMER)
