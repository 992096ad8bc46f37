"""People: the local profile, or a coach's clients; found by name, created on first write."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, CursorResult, delete, func, literal_column, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from crampcoach.errors import InputError, suggest
from crampcoach.settings import Settings
from crampcoach.store.models import (
    Activity,
    AssessmentVersion,
    CrampEvent,
    Note,
    Person,
    PlanVersion,
    SessionItem,
    SessionLog,
    now_utc,
)
from crampcoach.store.records import Name, Owner, Record, parse


class PersonName(Record):
    name: Name
    owner: Owner | None = None


@dataclass(frozen=True)
class PersonRef:
    """A person as the repository functions take it: the row id plus the name shown."""

    id: int
    name: str
    owner: str | None


def default_profile() -> str:
    return Settings.from_environment().profile


def _clean(name: str | None, owner: str | None) -> PersonName:
    return parse(PersonName, {"name": default_profile() if name is None else name,
                              "owner": owner}, "profile")


def _owned_by(owner: str | None) -> ColumnElement[bool]:
    return func.coalesce(Person.owner, literal_column("''")) == (owner or "")


def find(session: Session, name: str | None = None, owner: str | None = None) -> PersonRef | None:
    """The person called `name` (default: the `profile` setting), or None."""
    wanted = _clean(name, owner)
    person = session.scalars(
        select(Person).where(Person.name == wanted.name, _owned_by(wanted.owner))
    ).one_or_none()
    return None if person is None else PersonRef(person.id, person.name, person.owner)


def require(session: Session, name: str | None = None, owner: str | None = None) -> PersonRef:
    """The person called `name`, or InputError naming the profiles that do exist."""
    found = find(session, name, owner)
    if found is not None:
        return found
    wanted = _clean(name, owner).name
    names = [p.name for p in list_people(session, owner)]
    hint = suggest(wanted, names) or (f" (profiles: {', '.join(names)})" if names else "")
    raise InputError("profile", f"no data for '{wanted}' yet{hint}")


def ensure(session: Session, name: str | None = None, owner: str | None = None) -> PersonRef:
    """The person called `name`, created if new. Safe when two writers create them at once."""
    found = find(session, name, owner)
    if found is not None:
        return found
    wanted = _clean(name, owner)
    values = {"name": wanted.name, "owner": wanted.owner, "created_at": now_utc()}
    # ON CONFLICT DO NOTHING: if another transaction created the person first, use theirs.
    insert = (postgresql.insert if session.get_bind().dialect.name == "postgresql"
              else sqlite.insert)
    session.execute(insert(Person).values(**values).on_conflict_do_nothing())
    created = find(session, wanted.name, wanted.owner)
    assert created is not None
    return created


def lock(session: Session, person: PersonRef) -> None:
    """Hold the person's row until the transaction ends, so version numbers cannot race.

    SQLite needs nothing here: a write transaction already holds the database's write lock.
    """
    session.execute(select(Person.id).where(Person.id == person.id).with_for_update())


def list_people(session: Session, owner: str | None = None) -> list[PersonRef]:
    """Everyone with the given owner (None: local profiles), by name."""
    rows = session.scalars(select(Person).where(_owned_by(owner)).order_by(Person.name))
    return [PersonRef(p.id, p.name, p.owner) for p in rows]


@dataclass(frozen=True)
class Forgotten:
    assessments: int
    plans: int
    sessions: int
    cramp_events: int
    notes: int
    activities: int


def forget(session: Session, person: PersonRef) -> Forgotten:
    """Delete the person and everything stored about them, in the caller's transaction."""
    logs = select(SessionLog.id).where(SessionLog.person_id == person.id)
    session.execute(delete(SessionItem).where(SessionItem.session_log_id.in_(logs)))
    counts: dict[str, int] = {}
    for key, model in (("assessments", AssessmentVersion), ("plans", PlanVersion),
                       ("sessions", SessionLog), ("cramp_events", CrampEvent), ("notes", Note),
                       ("activities", Activity)):
        result = session.execute(delete(model).where(model.person_id == person.id))
        assert isinstance(result, CursorResult)
        counts[key] = result.rowcount
    session.execute(delete(Person).where(Person.id == person.id))
    return Forgotten(**counts)
