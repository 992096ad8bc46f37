"""The state of a question-by-question interview: answers so far, back, and why."""

from __future__ import annotations

from crampcoach.case import Case
from crampcoach.knowledge import load_knowledge
from crampcoach.reading import ANSWER_VALUE, Reply
from crampcoach.reasoning.assess import assess
from crampcoach.reasoning.assessment import Assessment
from crampcoach.triage import RANK


class InterviewDialogue:
    """Steps answered on top of a starting case; each step can be taken back whole.

    A step is one question, or one checklist that answers several findings at once.
    """

    def __init__(self, start: Case) -> None:
        self.start = start
        self._steps: list[list[tuple[str, bool | None]]] = []
        self._cached: tuple[int, Assessment] | None = None

    @property
    def asked(self) -> int:
        """Steps answered so far."""
        return len(self._steps)

    def from_description(self) -> int:
        """Answers the person's own description (and its corrections) gave before any step."""
        return len(self.assessment_of_start().answers)

    def assessment_of_start(self) -> Assessment:
        return assess(self.start)

    def case(self) -> Case:
        findings = dict(self.start.findings)
        for step in self._steps:
            findings.update(step)
        return self.start.model_copy(update={"findings": findings})

    def assessment(self) -> Assessment:
        if self._cached is None or self._cached[0] != len(self._steps):
            self._cached = (len(self._steps), assess(self.case()))
        return self._cached[1]

    def answer(self, finding: str, reply: Reply) -> None:
        self._steps.append([(finding, ANSWER_VALUE[reply])])

    def answer_step(self, answers: dict[str, bool | None]) -> None:
        """Answer a whole checklist step at once."""
        self._steps.append(list(answers.items()))

    def back(self) -> bool:
        if not self._steps:
            return False
        self._steps.pop()
        return True

    def why(self, finding: str) -> str:
        """Why this question matters now: the warning sign it screens for, or the causes it separates."""
        kb = load_knowledge()
        current = {c.id: c.probability for c in self.assessment().causes}
        rules = [r for r in kb.red_flags if finding in (*r.when.all, *r.when.any)]
        parts = []
        if rules:
            worst = max(rules, key=lambda r: RANK[r.level])
            parts.append(f"It checks for a warning sign ({kb.causes[worst.suspected].name.lower()}).")
        # Causes the answer could move, the likelier first; red-flag conditions are left to
        # the warning-sign sentence above rather than shown as "0% now".
        linked = sorted(
            (c for c in kb.causes.values() if finding in c.links and not c.red_flag),
            key=lambda c: -current[c.id],
        )[:4]
        if linked:
            names = "; ".join(f"{c.name.lower()} ({current[c.id]:.0%} now)" for c in linked)
            parts.append(f"Your answer moves: {names}.")
        return " ".join(parts)
