"""Plain words for what a person reads: source articles by title, evidence grades, dates.

Ids and seed numbers stay in JSON, the API and FHIR; text, pages and handouts call these.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable

import yaml

from crampcoach.knowledge.loader import KNOWLEDGE_DIR
from crampcoach.knowledge.schema import SourceInfo, SourcesFile

GRADE_WORDS = {
    "strong": "strong evidence",
    "supported": "supported by studies",
    "mixed": "mixed evidence",
    "weak": "weak evidence",
    "contradicted": "contradicted by studies",
    "not_studied": "not studied",
}
LEVEL_WORDS = {
    "self_care": "self-care",
    "see_physio": "see a physiotherapist",
    "see_doctor": "see a doctor",
    "urgent": "urgent",
}


def grade(name: str) -> str:
    """An evidence grade in words ("weak evidence"); an unknown grade is spelt out."""
    return GRADE_WORDS.get(name, name.replace("_", " "))


@functools.cache
def source_infos() -> dict[str, SourceInfo]:
    # The plan loader checks this file strictly with file and line; read it as data here.
    raw = yaml.safe_load((KNOWLEDGE_DIR / "sources.yaml").read_text(encoding="utf-8"))
    return dict(SourcesFile.model_validate(raw).seeds)


def source_title(seed: str) -> str:
    """The article's own title in quotes, or "a source article" when it is not known."""
    info = source_infos().get(seed)
    return f"“{info.title}”" if info is not None else "a source article"


def source(seed: str) -> str:
    """The article as a reader can find it: title, then author, site and date when known."""
    info = source_infos().get(seed)
    if info is None:
        return "a source article"
    when = info.published or (str(info.year) if info.year else "")
    by = ", ".join(part for part in (info.author, info.site, when) if part)
    return f"“{info.title}”" + (f" ({by})" if by else "")


def sources(seeds: Iterable[str]) -> str:
    """Several articles by title, in seed order, joined for a sentence."""
    return "; ".join(source_title(s) for s in sorted(set(seeds)))


def short_source(seed: str) -> str:
    """The article by its author when it names one, else by its title (for tight spaces)."""
    info = source_infos().get(seed)
    if info is None:
        return "a source article"
    return info.author or f"“{info.title}”"


def short_sources(seeds: Iterable[str]) -> str:
    names = [short_source(s) for s in sorted(set(seeds))]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def day(value: dt.date | dt.datetime) -> str:
    """A date as people write it: "26 Nov 2026"."""
    return f"{value.day} {value:%b %Y}"


def week_of(monday: dt.date) -> str:
    return f"week of {day(monday)}"


def iso_week(label: str) -> str:
    """An ISO week label ("2026-W48") as the week of its Monday ("week of 23 Nov 2026")."""
    year, _, week = label.partition("-W")
    try:
        return week_of(dt.date.fromisocalendar(int(year), int(week), 1))
    except ValueError:
        return label


def percent(probability: float) -> str:
    """A probability as a person reads it: no "0%" for a small chance, no "100%" certainty."""
    if 0 < probability < 0.005:
        return "<1%"
    if 0.995 <= probability < 1:
        return ">99%"
    return f"{probability:.0%}"


def count(number: int, thing: str, things: str | None = None) -> str:
    """"1 cramp", "3 cramps": a number with its noun in the right form."""
    return f"{number} {thing if number == 1 else (things or thing + 's')}"


def whose(name: str, own: bool) -> str:
    """"Your" for the person's own record, else their name with an apostrophe-s."""
    return "Your" if own else f"{name}’s"


def seconds(total: int) -> str:
    """A cramp's length as people say it: "40 s", "2 min", "1 min 30 s"."""
    minutes, rest = divmod(total, 60)
    if not minutes:
        return f"{rest} s"
    return f"{minutes} min" + (f" {rest} s" if rest else "")
