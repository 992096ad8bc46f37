"""The training-record knowledge (knowledge/training_record.yaml), checked strictly, loaded once."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from crampcoach.knowledge import KnowledgeError
from crampcoach.knowledge.loader import KNOWLEDGE_DIR, KnowledgeProblem
from crampcoach.knowledge.schema import Citation

TRAINING_FILE = KNOWLEDGE_DIR / "training_record.yaml"
OTHER_SPORT = "other"

Fraction = Annotated[float, Field(gt=0.0, lt=1.0)]
Positive = Annotated[float, Field(gt=0.0)]
Column = Literal["start", "sport", "duration", "duration_s", "distance", "distance_m",
                 "avg_heart_rate", "max_heart_rate", "temperature", "elevation_gain"]
Unit = Literal["time", "text", "clock_or_minutes", "seconds", "km", "metres", "bpm", "celsius"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Sport(Strict):
    name: str = Field(min_length=2)
    spelled: list[str] = Field(min_length=1)


class CsvColumn(Strict):
    unit: Unit
    names: list[str] = Field(min_length=1)


class Limits(Strict):
    max_file_mb: Positive
    max_zip_members: int = Field(ge=1)
    max_unpacked_mb: Positive
    max_compression_ratio: Positive


class LoadRule(Strict):
    max_weekly_increase: Fraction
    minimum_minutes: Positive
    minimum_km: Positive
    recent_weeks: int = Field(ge=1, le=26)
    acwr_high: Positive
    sources: list[Citation] = Field(min_length=1)


class SessionRule(Strict):
    long_minutes: Positive
    long_count: int = Field(ge=1)
    sources: list[Citation] = Field(min_length=1)


class HeatRule(Strict):
    hot_celsius: float
    minimum_cramps: int = Field(ge=1)
    hot_share: Fraction
    sources: list[Citation] = Field(min_length=1)


class ReturningRule(Strict):
    gap_days: int = Field(ge=7)
    restart_within_days: int = Field(ge=1)
    sources: list[Citation] = Field(min_length=1)


class ClusteringRule(Strict):
    late_fraction: Fraction
    slack_minutes: int = Field(ge=0, le=60)


class TrainingKnowledge(Strict):
    sports: dict[str, Sport]
    csv_columns: dict[Column, CsvColumn]
    limits: Limits
    load: LoadRule
    sessions: SessionRule
    heat: HeatRule
    returning: ReturningRule
    clustering: ClusteringRule

    @model_validator(mode="after")
    def _consistent(self) -> TrainingKnowledge:
        if OTHER_SPORT not in self.sports:
            raise ValueError(f"sports: '{OTHER_SPORT}' is needed for the sports not listed")
        seen: dict[str, str] = {}
        for sport_id, sport in self.sports.items():
            if not re.fullmatch(r"[a-z][a-z_]{1,31}", sport_id):
                raise ValueError(f"sports: '{sport_id}' is not a sport id (a-z and _)")
            for word in sport.spelled:
                key = spelling_key(word)
                if key in seen and seen[key] != sport_id:
                    raise ValueError(f"sports: '{word}' is listed for {seen[key]} and {sport_id}")
                seen[key] = sport_id
        missing = {"start", "sport", "duration", "distance"} - set(self.csv_columns)
        if missing:
            raise ValueError(f"csv_columns: {', '.join(sorted(missing))} missing")
        return self

    @functools.cached_property
    def spellings(self) -> dict[str, str]:
        return {spelling_key(word): sport_id for sport_id, sport in self.sports.items()
                for word in sport.spelled}

    def sport_of(self, word: str | None) -> str:
        """The sport id for a file's own word for it ("Running", "road_biking", "Ride")."""
        if not word:
            return OTHER_SPORT
        return self.spellings.get(spelling_key(word), OTHER_SPORT)

    def sport_name(self, sport_id: str) -> str:
        found = self.sports.get(sport_id)
        return found.name if found is not None else sport_id.replace("_", " ")


def spelling_key(word: str) -> str:
    """'Trail Running', 'trail_running' and 'trail-running' are one spelling."""
    return re.sub(r"[\s_\-]+", "_", word.strip().lower())


@functools.cache
def load_training_knowledge(path: Path = TRAINING_FILE) -> TrainingKnowledge:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return TrainingKnowledge.model_validate(data)
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeError([KnowledgeProblem(path.name, 0, str(exc))]) from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise KnowledgeError([KnowledgeProblem(path.name, 0, f"{where}: {first['msg']}")]) from None
