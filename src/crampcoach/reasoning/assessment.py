"""The assessment document (CONTRACT output) shared by the CLI, the API and the pages."""

from __future__ import annotations

from dataclasses import dataclass, fields

from pydantic import Field, PrivateAttr

from crampcoach.triage import Out, Triage, filled

# A cause is shown to a person as likely only from this probability on ("5%"); below it a
# bar would read as zero. Causes that a warning sign points to are shown whatever their
# probability.
SHOWN_FROM = 0.05

# The two documents made ~50 times per assessment are plain frozen dataclasses: building
# them costs a tenth of a pydantic model, and pydantic still serialises and documents them.
@dataclass(frozen=True, slots=True)
class Because:
    """A finding that moved a cause: weight is the natural log of its likelihood ratio.

    Positive pushed the cause up, negative pushed it down.
    """

    finding: str
    answer: bool
    weight: float


@dataclass(frozen=True, slots=True)
class UnderstoodLine:
    """A finding read from the person's words, as shown to them (see
    Assessment.understood_lines)."""

    finding: str
    answer: bool | None
    words: tuple[str, ...]
    corrected: bool


@dataclass(frozen=True, slots=True)
class CauseResult:
    id: str
    name: str
    probability: float
    because: list[Because]
    sources: list[str]
    evidence: str
    # Set when a warning sign points to this cause: what the sign says. Such a cause is
    # listed first, whatever its probability.
    warning: str | None = None


# CauseResult's fields, set straight through their slots (see cause_result).
(_set_id, _set_name, _set_probability, _set_because, _set_sources, _set_evidence,
 _set_warning) = (CauseResult.__dict__[f.name].__set__ for f in fields(CauseResult))


def cause_result(id: str, name: str, probability: float, because: list[Because],
                 sources: list[str], evidence: str, warning: str | None) -> CauseResult:
    """The same CauseResult as the constructor makes, at a third of the cost.

    A frozen dataclass's __init__ sets every field through object.__setattr__, and assess()
    makes one of these per cause on every call; the instance is as frozen as any other.
    """
    made = object.__new__(CauseResult)
    _set_id(made, id)
    _set_name(made, name)
    _set_probability(made, probability)
    _set_because(made, because)
    _set_sources(made, sources)
    _set_evidence(made, evidence)
    _set_warning(made, warning)
    return made


class ChecklistItem(Out):
    finding: str
    text: str


class NextQuestion(Out):
    finding: str
    text: str
    help: str
    screening: bool
    # Further findings asked on the same screen (the warning-sign checklist); one step
    # answers `finding` and every one of these.
    also: list[str] = Field(default_factory=list)
    # The checklist lines, `finding` first then `also`, when the step is a checklist.
    checklist: list[ChecklistItem] = Field(default_factory=list)


class Unexplained(Out):
    """The chance that none of the known causes is at work: "nothing here fits"."""

    probability: float
    leading: bool  # more likely than any single known cause
    says: str


class DisagreementOut(Out):
    topic: str
    title: str  # the topic in plain words, for people
    sources_for: list[str]
    sources_against: list[str]
    note: str
    evidence: str


class Understood(Out):
    """A finding read from the person's own words, with the words it came from."""

    finding: str
    value: bool | None
    span: tuple[int, int]
    text: str


class Assessment(Out):
    triage: Triage
    causes: list[CauseResult]
    next_question: NextQuestion | None
    understood: dict[str, bool | None] | None = None
    understood_spans: list[Understood] | None = None
    disagreements: list[DisagreementOut]
    answers: dict[str, bool | None]
    disclaimer: str
    unexplained: Unexplained | None = None
    _json: bytes | None = PrivateAttr(default=None)

    def top_cause(self) -> str:
        return self.causes[0].id

    def understood_lines(self) -> list[UnderstoodLine]:
        """What was read from the person's words, a line per finding, with the answer used:
        their own where they corrected the reading (then the misread words are not shown)."""
        lines = []
        for finding, read in (self.understood or {}).items():
            used = self.answers.get(finding, read)
            words = tuple(dict.fromkeys(s.text for s in self.understood_spans or []
                                        if s.finding == finding))
            corrected = used != read
            lines.append(UnderstoodLine(finding=finding, answer=used,
                                        words=() if corrected else words, corrected=corrected))
        return lines

    def shown_causes(self, limit: int = 5) -> list[CauseResult]:
        """The causes worth showing a person: warning-led ones, then readable probabilities;
        under urgent, only the warning signs' causes."""
        urgent = self.triage.level == "urgent"
        return [c for c in self.causes if c.warning is not None
                or (not urgent and c.probability >= SHOWN_FROM)][:limit]

    def contract_json(self) -> bytes:
        """The JSON document as bytes, serialised once per assessment (it never changes)."""
        if self._json is None:
            self._json = self.model_dump_json(exclude=self._absent()).encode()
        return self._json

    def to_contract(self) -> dict[str, object]:
        """The JSON document; `understood` appears only when the case had text."""
        return self.model_dump(mode="json", exclude_none=False, exclude=self._absent())

    def _absent(self) -> set[str]:
        return {"understood", "understood_spans"} if self.understood is None else set()


_ASSESSMENT_FIELDS = ("triage", "causes", "next_question", "understood", "understood_spans",
                      "disagreements", "answers", "disclaimer", "unexplained")
if tuple(Assessment.model_fields) != _ASSESSMENT_FIELDS:  # pragma: no cover - caught on import
    raise RuntimeError("assessment_of() must name every Assessment field, in order")


def assessment_of(*, triage: Triage, causes: list[CauseResult],
                  next_question: NextQuestion | None,
                  understood: dict[str, bool | None] | None,
                  understood_spans: list[Understood] | None,
                  disagreements: list[DisagreementOut], answers: dict[str, bool | None],
                  disclaimer: str, unexplained: Unexplained | None) -> Assessment:
    """The document from parts built from validated data, not validated again (see
    `filled`); every field is named here, in order, so none can be left out."""
    return filled(Assessment, {
        "triage": triage, "causes": causes, "next_question": next_question,
        "understood": understood, "understood_spans": understood_spans,
        "disagreements": disagreements, "answers": answers, "disclaimer": disclaimer,
        "unexplained": unexplained,
    })
