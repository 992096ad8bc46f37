"""The shape of every core knowledge file, checked strictly on load.

Each model forbids unknown keys so a typo in a YAML file is an error, not a silent
default. Plan, intake and tracking files have their own schema modules.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

SeedId = Annotated[str, Field(pattern=r"^\d{3}$")]
Level = Literal["self_care", "see_physio", "see_doctor", "urgent"]
LEVELS: tuple[Level, ...] = ("self_care", "see_physio", "see_doctor", "urgent")
Grade = Literal["strong", "supported", "mixed", "weak", "contradicted", "not_studied"]
Probability = Annotated[float, Field(gt=0.0, lt=1.0)]


class Strict(BaseModel):
    # Validators are built on first validation: a cached knowledge base never validates again.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Citation(Strict):
    """A seed and a few words copied verbatim from the spot, so it can be found."""

    seed: SeedId
    locator: str = Field(min_length=8)
    note: str = ""


class Evidence(Strict):
    """How the wider literature grades a claim (see EVIDENCE.md)."""

    grade: Grade
    basis: str = Field(min_length=3)


class TriageLevel(Strict):
    name: str
    meaning: str
    action: str


class TriageLevelsFile(Strict):
    levels: dict[Level, TriageLevel]


class Screen(Strict):
    """Red-flag screening: asked before anything else, in `order`.

    With `when_any`, the question is screened only once one of those findings is present.
    """

    order: int = Field(ge=1)
    when_any: list[str] = []


class SkipWhen(Strict):
    """Answers that make a question contradict what was said: not asked after any of them."""

    after_yes: list[str] = []
    after_no: list[str] = []


class Finding(Strict):
    question: str = Field(min_length=5)
    help: str = Field(min_length=5)
    group: str
    leak: Probability
    answers: list[Literal["yes", "no", "unknown"]] = ["yes", "no", "unknown"]
    screen: Screen | None = None
    opening: int | None = Field(default=None, ge=1, description=(
        "Asked right after the red-flag screen, in this order: the questions a clinician opens "
        "with, because they sort exercise cramps from secondary ones."))
    checklist: str | None = Field(default=None, min_length=5, description=(
        "The line shown for this finding on a checklist step (a statement, "
        "ticked when it applies)."))
    skip_when: SkipWhen | None = None
    asked_when_sex: list[Literal["female", "male", "other"]] = []
    asked_below_age: int | None = Field(default=None, ge=10, le=110)
    sources: list[Citation] = []
    added: bool = False  # not in the shared vocabulary: an id this project added

    def fits_sex(self, sex: str | None) -> bool:
        """Whether the finding can be a person's own, given their sex (unknown fits all)."""
        return not (self.asked_when_sex and sex is not None and sex not in self.asked_when_sex)


class FindingsFile(Strict):
    groups: dict[str, str]
    findings: dict[str, Finding]


class Link(Strict):
    """P(finding present | this cause alone at work): one noisy-OR link."""

    strength: Probability
    sources: list[Citation] = []
    basis: str = ""


class Referral(Strict):
    level: Level
    who: str
    # How soon, when the cause needs sooner than its level's default ("within days").
    when: str | None = None


class Cause(Strict):
    id: str
    name: str
    summary: str = Field(min_length=10)
    explanation: str = Field(min_length=10)
    prior: Probability
    red_flag: bool = False
    evidence: Evidence
    sources: list[Citation] = []
    links: dict[str, Link]
    what_helps: list[str] = []
    refer: Referral | None = None
    added: bool = False


class Condition(Strict):
    """Findings that fire a rule: all of `all` present, at least one of `any` if given, and
    every one of `none` answered no ("weakness in both legs": one side only, answered no)."""

    all: list[str] = []
    any: list[str] = []
    none: list[str] = []


class RedFlagRule(Strict):
    id: str
    when: Condition
    level: Level
    suspected: str
    says: str = Field(min_length=10)
    action: str = Field(min_length=10)
    sources: list[Citation] = []
    basis: str = Field(min_length=3)


class RedFlagsFile(Strict):
    rules: list[RedFlagRule]


class Disagreement(Strict):
    topic: str
    # What the disagreement is about, in plain words for people ("Does too little fluid cause
    # cramps?"); the topic is its stable id.
    title: str = Field(min_length=5)
    causes: list[str]
    sources_for: list[SeedId]
    sources_against: list[SeedId]
    note: str = Field(min_length=10)
    evidence: Evidence
    citations: list[Citation] = []


class DisagreementsFile(Strict):
    disagreements: list[Disagreement]


class SourceInfo(Strict):
    """A seed article as a reader would look it up: its own title, author and date."""

    title: str
    author: str = ""
    site: str = ""
    year: int | None = None
    published: str = ""  # the date the article gives, in words ("18 October 2010")


class SourcesFile(Strict):
    """The seed articles, named for readers of a handout."""

    seeds: dict[SeedId, SourceInfo]
