"""The tables: people and everything logged about them.

The migrations in `migrations/versions` build exactly this schema (a test compares them).
Record times (`created_at`, `recorded_at`) are UTC instants. When a cramp happened
(`occurred_at`) and the dates of sessions and notes are wall-clock values, as the person
tells them, so a 2 a.m. cramp stays at 2 a.m. and lands in the right ISO week.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    func,
    literal_column,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Stable constraint names, so later migrations can alter them on SQLite and PostgreSQL alike.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

UID_LENGTH = 32


class UTCDateTime(TypeDecorator[dt.datetime]):
    """An aware UTC instant; SQLite keeps it as naive UTC text, PostgreSQL as timestamptz."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(
        self, value: dt.datetime | None, dialect: Dialect
    ) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("a record time must be timezone-aware")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(
        self, value: dt.datetime | None, dialect: Dialect
    ) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _person_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("people.id", ondelete="CASCADE"), nullable=False)


class Person(Base):
    """A local profile, or one of a coach's clients (`owner` names the coach's account)."""

    __tablename__ = "people"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), nullable=False)
    owner: Mapped[str | None] = mapped_column(String(200), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime(), nullable=False, default=now_utc
    )

    assessments: Mapped[list[AssessmentVersion]] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True
    )
    plans: Mapped[list[PlanVersion]] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True
    )
    sessions: Mapped[list[SessionLog]] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True
    )
    cramps: Mapped[list[CrampEvent]] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True
    )
    notes: Mapped[list[Note]] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True
    )
    activities: Mapped[list[Activity]] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True
    )


# NULL owners never collide in a plain unique constraint; coalescing makes the local
# profile's name unique too.
Index(
    "uq_people_owner_name",
    func.coalesce(Person.owner, literal_column("''")),
    Person.name,
    unique=True,
)


class AssessmentVersion(Base):
    """A case and the assessment made from it; versions count up per person."""

    __tablename__ = "assessments"
    __table_args__ = (
        UniqueConstraint("person_id", "version", name="uq_assessments_person_version"),
        UniqueConstraint("person_id", "uid", name="uq_assessments_person_uid"),
        CheckConstraint("version >= 1", name="version_positive"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(UID_LENGTH), nullable=False)
    person_id: Mapped[int] = _person_fk()
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False)
    # Plain JSON, not JSONB: the documents come back exactly as stored, key order included.
    case_document: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    result_document: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)

    person: Mapped[Person] = relationship(back_populates="assessments")


class PlanVersion(Base):
    """One version of a person's plan: the plan document and why this version was made."""

    __tablename__ = "plans"
    __table_args__ = (
        UniqueConstraint("person_id", "version", name="uq_plans_person_version"),
        UniqueConstraint("person_id", "uid", name="uq_plans_person_uid"),
        CheckConstraint("version >= 1", name="version_positive"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(UID_LENGTH), nullable=False)
    person_id: Mapped[int] = _person_fk()
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False)
    assessment_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    document: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)

    person: Mapped[Person] = relationship(back_populates="plans")


class SessionLog(Base):
    """A training session as done: the day, which plan day it followed, the items done."""

    __tablename__ = "session_logs"
    __table_args__ = (
        UniqueConstraint("person_id", "uid", name="uq_session_logs_person_uid"),
        Index("ix_session_logs_person_date", "person_id", "date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(UID_LENGTH), nullable=False)
    person_id: Mapped[int] = _person_fk()
    date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    plan_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    plan_week: Mapped[int | None] = mapped_column(Integer, nullable=True)
    plan_day: Mapped[int | None] = mapped_column(Integer, nullable=True)
    duration_min: Mapped[int | None] = mapped_column(Integer, nullable=True)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False)

    person: Mapped[Person] = relationship(back_populates="sessions")
    items: Mapped[list[SessionItem]] = relationship(
        back_populates="session_log",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="SessionItem.position",
    )


class SessionItem(Base):
    """One exercise done in a session, with where the work was felt (0-10 each)."""

    __tablename__ = "session_items"
    __table_args__ = (
        UniqueConstraint("session_log_id", "position", name="uq_session_items_log_position"),
        CheckConstraint("sets >= 1", name="sets_positive"),
        CheckConstraint("reps IS NOT NULL OR hold_s IS NOT NULL", name="dose_given"),
        CheckConstraint("effort IS NULL OR effort BETWEEN 1 AND 10", name="effort_range"),
        CheckConstraint("pain IS NULL OR pain BETWEEN 0 AND 10", name="pain_range"),
        CheckConstraint(
            "(felt_low_back IS NULL AND felt_glutes IS NULL AND felt_hamstrings IS NULL) OR "
            "(felt_low_back BETWEEN 0 AND 10 AND felt_glutes BETWEEN 0 AND 10 "
            "AND felt_hamstrings BETWEEN 0 AND 10)",
            name="felt_all_or_none",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_log_id: Mapped[int] = mapped_column(
        ForeignKey("session_logs.id", ondelete="CASCADE"), nullable=False
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    exercise: Mapped[str] = mapped_column(String(64), nullable=False)
    sets: Mapped[int] = mapped_column(SmallInteger, nullable=False)
    reps: Mapped[int | None] = mapped_column(SmallInteger, nullable=True)
    hold_s: Mapped[int | None] = mapped_column(SmallInteger, nullable=True)
    load_kg: Mapped[float | None] = mapped_column(Float, nullable=True)
    effort: Mapped[int | None] = mapped_column(SmallInteger, nullable=True)
    pain: Mapped[int | None] = mapped_column(SmallInteger, nullable=True)
    felt_low_back: Mapped[int | None] = mapped_column(SmallInteger, nullable=True)
    felt_glutes: Mapped[int | None] = mapped_column(SmallInteger, nullable=True)
    felt_hamstrings: Mapped[int | None] = mapped_column(SmallInteger, nullable=True)

    session_log: Mapped[SessionLog] = relationship(back_populates="items")


class CrampEvent(Base):
    """A cramp: when, which side, during what, how far into the session, how long, how bad."""

    __tablename__ = "cramp_events"
    __table_args__ = (
        UniqueConstraint("person_id", "uid", name="uq_cramp_events_person_uid"),
        CheckConstraint("side IN ('left', 'right', 'both')", name="side_known"),
        CheckConstraint("severity BETWEEN 0 AND 10", name="severity_range"),
        CheckConstraint("minutes_into IS NULL OR minutes_into >= 0", name="minutes_not_negative"),
        CheckConstraint("duration_s IS NULL OR duration_s >= 0", name="duration_not_negative"),
        Index("ix_cramp_events_person_occurred_at", "person_id", "occurred_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(UID_LENGTH), nullable=False)
    person_id: Mapped[int] = _person_fk()
    occurred_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=False), nullable=False)
    side: Mapped[str] = mapped_column(String(5), nullable=False)
    during: Mapped[str] = mapped_column(String(100), nullable=False)
    minutes_into: Mapped[int | None] = mapped_column(Integer, nullable=True)
    duration_s: Mapped[int | None] = mapped_column(Integer, nullable=True)
    severity: Mapped[int] = mapped_column(SmallInteger, nullable=False)
    eased_by: Mapped[str | None] = mapped_column(Text, nullable=True)
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False)

    person: Mapped[Person] = relationship(back_populates="cramps")


class Note(Base):
    """A free-text note about a day (added by the second migration)."""

    __tablename__ = "notes"
    __table_args__ = (
        UniqueConstraint("person_id", "uid", name="uq_notes_person_uid"),
        Index("ix_notes_person_date", "person_id", "date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(UID_LENGTH), nullable=False)
    person_id: Mapped[int] = _person_fk()
    date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False)

    person: Mapped[Person] = relationship(back_populates="notes")


class Activity(Base):
    """A recorded workout read from a watch or app export (added by migration 0005).

    `start` is wall-clock time where the person was, like a cramp's `occurred_at`, so a
    cramp can be placed inside the session it happened in. One row per start and sport:
    importing the same file again adds nothing.
    """

    __tablename__ = "activities"
    __table_args__ = (
        UniqueConstraint("person_id", "start", "sport", name="uq_activities_person_start_sport"),
        CheckConstraint("duration_s > 0", name="duration_positive"),
        CheckConstraint("distance_m IS NULL OR distance_m >= 0", name="distance_not_negative"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = _person_fk()
    start: Mapped[dt.datetime] = mapped_column(DateTime(timezone=False), nullable=False)
    sport: Mapped[str] = mapped_column(String(32), nullable=False)
    duration_s: Mapped[int] = mapped_column(Integer, nullable=False)
    distance_m: Mapped[float | None] = mapped_column(Float, nullable=True)
    elevation_gain_m: Mapped[float | None] = mapped_column(Float, nullable=True)
    avg_heart_rate: Mapped[int | None] = mapped_column(SmallInteger, nullable=True)
    max_heart_rate: Mapped[int | None] = mapped_column(SmallInteger, nullable=True)
    temperature_c: Mapped[float | None] = mapped_column(Float, nullable=True)
    source: Mapped[str] = mapped_column(String(8), nullable=False)
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False)

    person: Mapped[Person] = relationship(back_populates="activities")
