"""One name per exercise: ids, names and everyday aliases all lead to the exercise id.

The log (CLI, web form, API) and the cramp record read exercise names through `resolve`,
so "hip_thrust", "hip thrust" and "Barbell hip thrust" are the same exercise everywhere.
The aliases live in each exercise's YAML file.
"""

from __future__ import annotations

import difflib
import functools
from dataclasses import dataclass

from crampcoach.errors import InputError
from crampcoach.plan.loader import PlanKnowledge, load_plan_knowledge, name_key


@dataclass(frozen=True)
class CatalogueEntry:
    id: str
    name: str
    kind: str
    family: str
    ladder_step: int | None
    aliases: tuple[str, ...]


def names_of(pk: PlanKnowledge) -> dict[str, str]:
    """Every accepted spelling (as a name key) and the exercise id it means."""
    found: dict[str, str] = {}
    for eid, exercise in sorted(pk.exercises.items()):
        for text in (eid, exercise.name, *exercise.aliases):
            found.setdefault(name_key(text), eid)
    return found


@functools.cache
def _names() -> dict[str, str]:
    return names_of(load_plan_knowledge())


def find(text: str) -> str | None:
    """The exercise id a name, id or alias means, or None when it names no exercise."""
    return _names().get(name_key(text))


def near_miss(text: str) -> str | None:
    """The exercise id that `text` misspells ("hip thurst"), when one name is that close."""
    names = _names()
    found = difflib.get_close_matches(name_key(text), list(names), n=1, cutoff=0.85)
    return names[found[0]] if found else None


def closest(text: str, n: int = 3) -> list[str]:
    """The ids of the exercises whose names come closest to `text`."""
    names = _names()
    ids: list[str] = []
    for key in difflib.get_close_matches(name_key(text), list(names), n=8, cutoff=0.5):
        if names[key] not in ids:
            ids.append(names[key])
    if not ids:  # a word of the text inside a longer name ("thrust" in "hip thrust")
        words = set(name_key(text).split())
        ids = sorted({eid for key, eid in names.items() if words & set(key.split())})
    return ids[:n]


def resolve(text: str, field: str,
            hint: str = "`crampcoach exercises` lists every name it goes by") -> str:
    """The exercise id for `text`, or an InputError naming the closest exercises by name;
    `hint` says where to find every name (a command in the terminal, the list on a page)."""
    found = find(text)
    if found is not None:
        return found
    exercises = load_plan_knowledge().exercises
    near = [exercises[eid].name for eid in closest(text)]
    closest_names = f"; closest: {', '.join(near)}" if near else ""
    raise InputError(field, f"unknown exercise '{text.strip()}'{closest_names} ({hint})")


def catalogue() -> list[CatalogueEntry]:
    """Every exercise with its kind and glute-ladder step, ladder first, then by name."""
    pk = load_plan_knowledge()
    step_of = {s.exercise: s.step for s in pk.ladder.steps}
    entries = [
        CatalogueEntry(id=eid, name=e.name, kind=e.kind, family=e.family,
                       ladder_step=step_of.get(eid), aliases=tuple(e.aliases))
        for eid, e in pk.exercises.items()
    ]
    return sorted(entries, key=lambda e: (e.ladder_step is None, e.ladder_step or 0, e.name))


def said(during: str) -> str:
    """How a person reads what a cramp came during: an exercise's name, or the activity."""
    exercise = load_plan_knowledge().exercises.get(during)
    return exercise.name.lower() if exercise is not None else during
