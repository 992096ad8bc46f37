"""Age, sex and days since the last cramp, read from a person's own description.

The patterns live in knowledge/intake/profile.yaml. Values given explicitly (a case file,
the web form) always win; `complete_case` only fills what is missing.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from crampcoach.case import OLDEST, YOUNGEST, Case
from crampcoach.intake.lexicon import INTAKE_DIR, expand_macros
from crampcoach.intake.reader import blank_quoted_lines, normalise, tells_of_someone_else
from crampcoach.intake.schema import RulesFile, Strict
from crampcoach.intake.spelling import load_speller
from crampcoach.knowledge import KnowledgeError
from crampcoach.knowledge.loader import KNOWLEDGE_DIR, ProblemCollector, cached_build

Sex = Literal["female", "male"]
_UNIT_DAYS = {"day": 1, "days": 1, "night": 1, "nights": 1, "week": 7, "weeks": 7,
              "month": 30, "months": 30}


class SexCue(Strict):
    pattern: str
    # The sex it says; without it the pattern names it in group `sex` (see sex_words).
    sex: Sex | None = None


class DaysCue(Strict):
    pattern: str
    # The days it says; without it the pattern gives groups `num` and `unit`.
    days: int | None = Field(default=None, ge=0)


class ProfileFile(Strict):
    age: list[str]
    sex_words: dict[str, Sex]
    sex: list[SexCue]
    their_sex: dict[str, Sex]
    their_pronouns: dict[str, Sex]
    days: list[DaysCue]


class Profile(BaseModel):
    """What the description says about the person, with the words it came from."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    age: int | None = None
    sex: Sex | None = None
    days_since_last_cramp: int | None = None
    # field name -> the words it was read from
    words: dict[str, str] = {}

    def plain(self) -> list[str]:
        """What was read, in plain words ("age 34", "female", "last cramp 2 days ago")."""
        out = []
        if self.age is not None:
            out.append(f"age {self.age}")
        if self.sex is not None:
            out.append(self.sex)
        days = self.days_since_last_cramp
        if days is not None:
            out.append("last cramp today" if days == 0 else
                       "last cramp yesterday" if days == 1 else f"last cramp {days} days ago")
        return out


@dataclass(frozen=True)
class _Rules:
    age: tuple[re.Pattern[str], ...]
    sex_words: dict[str, Sex]
    sex: tuple[tuple[re.Pattern[str], Sex | None], ...]
    their_sex: re.Pattern[str]
    their_words: dict[str, Sex]
    their_pronouns: re.Pattern[str]
    pronoun_sex: dict[str, Sex]
    days: tuple[tuple[re.Pattern[str], int | None], ...]
    cramp: re.Pattern[str]
    numbers: dict[str, float]


def _regex(body: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'])(?:{body})(?![\w])")


def load_profile_rules_from(root: Path) -> _Rules:
    problems = ProblemCollector(KNOWLEDGE_DIR)
    path = root / "profile.yaml"
    data = problems.parse(path, ProfileFile)
    rules = problems.parse(root / "rules.yaml", RulesFile)
    compiled: _Rules | None = None
    if data is not None and rules is not None:
        macros = rules.macros
        try:
            compiled = _Rules(
                age=tuple(_regex(expand_macros(p, macros)) for p in data.age),
                sex_words=dict(data.sex_words),
                sex=tuple((_regex(expand_macros(c.pattern, macros)), c.sex) for c in data.sex),
                their_sex=_regex(r"(?:my|our) (?:[\w'-]+ ){0,3}?(?P<who>" + "|".join(
                    re.escape(w) for w in data.their_sex) + ")"),
                their_words=dict(data.their_sex),
                their_pronouns=_regex("|".join(re.escape(w) for w in data.their_pronouns)),
                pronoun_sex=dict(data.their_pronouns),
                days=tuple((_regex(expand_macros(c.pattern, macros)), c.days) for c in data.days),
                cramp=_regex(expand_macros("{CRAMP}", macros)),
                numbers=dict(rules.numbers),
            )
        except (KeyError, re.error, RecursionError) as exc:
            problems.add(path, 1, f"bad pattern: {exc}")
        if compiled is not None:
            for i, pattern in enumerate(compiled.age):
                if "age" not in pattern.groupindex:
                    problems.add_at(path, ("age", i), "an age pattern needs a group 'age'")
            for i, (pattern, days) in enumerate(compiled.days):
                if days is None and not {"num", "unit"} <= set(pattern.groupindex):
                    problems.add_at(path, ("days", i), "give 'days' or groups 'num' and 'unit'")
    if problems.problems:
        raise KnowledgeError(problems.problems)
    assert compiled is not None
    return compiled


@functools.cache
def load_profile_rules() -> _Rules:
    return cached_build("profile-rules", _Rules, lambda: load_profile_rules_from(INTAKE_DIR))


def _sentences(norm: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer(r"[.!?]+(?=\s|$)|\n+", norm):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(norm):
        spans.append((start, len(norm)))
    return spans


def read_profile(text: str) -> Profile:
    """Age, sex and days since the last cramp stated in `text` (None where not stated)."""
    rules = load_profile_rules()
    # Another poster's age or sex, quoted in a reply, is not the writer's.
    norm = blank_quoted_lines(normalise(text))
    words: dict[str, str] = {}
    age: int | None = None
    sex: Sex | None = None
    # An age said in words ("I'm thirty two") is read as its digits, quoted as said.
    spoken = load_speller().spoken_form(norm)
    # The first pattern that reads an age gives it; any of them may also give the sex.
    for pattern in rules.age:
        for m in pattern.finditer(spoken.text):
            value = int(m.group("age"))
            if not YOUNGEST <= value <= OLDEST:
                continue
            quoted = text[spoken.original(m.start()):spoken.original(m.end())]
            if age is None:
                age, words["age"] = value, quoted
            said = rules.sex_words.get(m.groupdict().get("sex") or "")
            if said and sex is None:
                sex, words["sex"] = said, quoted
    if sex is None:
        for pattern, fixed in rules.sex:
            hit = pattern.search(norm)
            if hit:
                said = fixed or rules.sex_words.get(hit.groupdict().get("sex") or "")
                if said:
                    sex, words["sex"] = said, text[hit.start():hit.end()]
                    break
    if sex is None and tells_of_someone_else(text):
        who = rules.their_sex.search(norm)
        pronoun = rules.their_pronouns.search(norm)
        if who:
            sex, words["sex"] = rules.their_words[who.group("who")], text[who.start():who.end()]
        elif pronoun:
            sex, words["sex"] = rules.pronoun_sex[pronoun.group()], text[pronoun.start():pronoun.end()]
    days = _days(norm, text, rules, words)
    return Profile(age=age, sex=sex, days_since_last_cramp=days, words=words)


def _days(norm: str, text: str, rules: _Rules, words: dict[str, str]) -> int | None:
    best: tuple[int, int, int] | None = None
    for start, end in _sentences(norm):
        if not rules.cramp.search(norm, start, end):
            continue
        for pattern, fixed in rules.days:
            for m in pattern.finditer(norm, start, end):
                if fixed is not None:
                    days = fixed
                else:
                    word = m.group("num").strip()
                    num = rules.numbers.get(word) or (float(word) if word.isdigit() else None)
                    if num is None:
                        continue
                    days = round(num * _UNIT_DAYS[m.group("unit")])
                # The most recent cramp named is the last one.
                if best is None or days < best[0]:
                    best = (days, m.start(), m.end())
    if best is None:
        return None
    words["days_since_last_cramp"] = text[best[1]:best[2]]
    return best[0]


ABOUT = ("age", "sex", "days_since_last_cramp")


def missing_from(profile: Profile, given: dict[str, object]) -> Profile:
    """Only what `profile` adds to the values already `given` (explicit values win)."""
    kept = {n: getattr(profile, n) for n in ABOUT if given.get(n) is None}
    return Profile(**kept, words={n: w for n, w in profile.words.items() if kept.get(n) is not None})


def complete_case(case: Case) -> tuple[Case, Profile]:
    """The case with age, sex and days since the last cramp read from its text where they are
    missing, and what was read (only the values that were added)."""
    if not case.text:
        return case, Profile()
    added = missing_from(read_profile(case.text), {n: getattr(case, n) for n in ABOUT})
    update = {n: getattr(added, n) for n in ABOUT if getattr(added, n) is not None}
    return (case.model_copy(update=update) if update else case), added


__all__ = ["ABOUT", "Profile", "complete_case", "missing_from", "read_profile"]
