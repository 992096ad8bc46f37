"""The log page: quick forms for a cramp or a session, and the latest entries."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal

from fastapi import APIRouter, Depends
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from crampcoach.errors import InputError
from crampcoach.plan import exercise_names
from crampcoach.plan.loader import load_plan_knowledge
from crampcoach.reading import parse_day, parse_moment
from crampcoach.store import log
from crampcoach.web.auth import EntryUid, NotVisible, RowId, Viewer, person_for, require_viewer
from crampcoach.web.context import web_context
from crampcoach.web.forms import (
    optional_duration,
    optional_int,
    optional_text,
    read_form,
    single_fields,
)
from crampcoach.web.templating import render

router = APIRouter()

# A planned session holds up to five items with its warm-up; one more row for extra work.
ITEM_ROWS = 6
RECENT = 10
CRAMP_FIELDS = ("occurred_at", "side", "during", "minutes_into", "duration_s", "severity",
                "eased_by")
SESSION_FIELDS = ("date", "duration_min", "note")
ITEM_FIELDS = ("exercise", "sets", "reps", "hold_s", "effort", "pain", "felt_glutes",
               "felt_hamstrings", "felt_low_back")
ITEM_FORM_FIELDS = tuple(f"item{row}.{name}" for row in range(ITEM_ROWS) for name in ITEM_FIELDS)
LOGGED_MESSAGES = {"cramp": "Cramp logged.", "session": "Session logged."}
REMOVED_MESSAGES = {"cramp": "Cramp removed from the log.",
                    "session": "Session removed from the log."}


@router.get("/people/{person_id}/log", response_class=HTMLResponse)
def log_page(person_id: RowId, request: Request, logged: str | None = None,
             removed: str | None = None,
             viewer: Viewer = Depends(require_viewer)) -> HTMLResponse:
    message = LOGGED_MESSAGES.get(logged or "") or REMOVED_MESSAGES.get(removed or "")
    return _log_page(request, viewer, person_id, message=message)


def _log_page(request: Request, viewer: Viewer, person_id: int, *, message: str | None = None,
              failed: str | None = None, error: str | None = None,
              typed: dict[str, str] | None = None) -> HTMLResponse:
    """The log page; after a refused form, that form again with what was typed and why."""
    with web_context(request).reading() as session:
        person = person_for(session, viewer, person_id)
        cramps = log.cramps_between(session, person)[-RECENT:]
        sessions = log.sessions_between(session, person)[-RECENT:]
    exercises = load_plan_knowledge().exercises
    now = dt.datetime.now().replace(second=0, microsecond=0)
    return render(request, "log.html", {
        "person": person,
        "cramps": list(reversed(cramps)),
        "sessions": list(reversed(sessions)),
        "exercises": sorted(((e.id, e.name) for e in exercises.values()), key=lambda e: e[1]),
        "exercise_names": {e.id: e.name for e in exercises.values()},
        "now": now.isoformat(timespec="minutes"),
        "today": now.date().isoformat(),
        "item_rows": range(ITEM_ROWS),
        "message": message,
        "failed": failed,
        "error": error,
        "typed": typed or {},
    }, status_code=422 if error else 200)


# The form's fields in the words of their labels, for a message about one of them.
FIELD_WORDS = {
    "occurred_at": "When", "side": "Which leg", "during": "During what",
    "minutes_into": "Minutes into the session", "duration_s": "How long it lasted",
    "severity": "How bad", "eased_by": "What eased it", "date": "Date",
    "duration_min": "How long", "note": "Note", "items": "Exercises",
    "exercise": "the exercise", "sets": "sets", "reps": "reps", "hold_s": "hold",
    "effort": "effort", "pain": "pain", "felt": "where you felt it",
}
_ITEM_FIELD = re.compile(r"^items?\.?(\d+)(?:\.(\w+))?$")


def form_message(exc: InputError) -> str:
    """A refused value in the words of the form: its label, then what to do."""
    message = exc.message.removeprefix("Value error, ").replace("hold_s", "hold")
    field = exc.field or ""
    row = _ITEM_FIELD.match(field)  # "item2.felt" from the form, "items.1.exercise" from the record
    if row is not None:
        part = FIELD_WORDS.get(row.group(2) or "", "")
        label = f"Exercise {int(row.group(1)) + 1}" + (f", {part}" if part else "")
    else:
        label = FIELD_WORDS.get(field, field.replace("_", " "))
    return f"{label}: {message}" if label else message


def _web_exercise_id(text: str, field: str) -> str:
    return exercise_names.resolve(text, field, hint="start typing to see the names it knows")


def _moment(raw: str, field: str) -> dt.datetime:
    """The form's local date and time (a datetime-local field never carries an offset)."""
    return parse_moment(raw, field)


@router.post("/people/{person_id}/cramps")
def add_cramp(person_id: RowId, request: Request,
              viewer: Viewer = Depends(require_viewer),
              form: FormData = Depends(read_form)) -> Response:
    values = single_fields(form, CRAMP_FIELDS)
    try:
        severity = optional_int(values, "severity")
        if severity is None:
            raise InputError("severity", "give how bad it was, 0 to 10")
        record: dict[str, Any] = {
            "occurred_at": _moment(values.get("occurred_at", ""), "occurred_at"),
            "side": values.get("side", ""),
            "during": values.get("during", ""),
            "minutes_into": optional_int(values, "minutes_into"),
            "duration_s": optional_duration(values, "duration_s", "s"),
            "severity": severity,
            "eased_by": optional_text(values, "eased_by"),
        }
        with web_context(request).writing() as session:
            person = person_for(session, viewer, person_id)
            log.add_cramp(session, person, record, exercise_of=exercise_names.find)
    except InputError as exc:
        # The same form again, with what was typed, so nothing has to be typed twice.
        return _log_page(request, viewer, person_id, failed="cramp", error=form_message(exc),
                         typed=values)
    return RedirectResponse(f"/people/{person.id}/log?logged=cramp", status_code=303)


@router.post("/people/{person_id}/cramps/{uid}/remove")
def remove_cramp(person_id: RowId, uid: EntryUid, request: Request,
                 viewer: Viewer = Depends(require_viewer),
                 form: FormData = Depends(read_form)) -> Response:
    return _removed(request, viewer, person_id, uid, "cramp")


@router.post("/people/{person_id}/sessions/{uid}/remove")
def remove_session(person_id: RowId, uid: EntryUid, request: Request,
                   viewer: Viewer = Depends(require_viewer),
                   form: FormData = Depends(read_form)) -> Response:
    return _removed(request, viewer, person_id, uid, "session")


def _removed(request: Request, viewer: Viewer, person_id: int, uid: str,
             kind: Literal["cramp", "session"]) -> Response:
    """Remove the entry and show the log saying so; an entry not the person's is not found."""
    remove = log.remove_cramp if kind == "cramp" else log.remove_session
    with web_context(request).writing() as session:
        person = person_for(session, viewer, person_id)
        if remove(session, person, uid) is None:
            raise NotVisible()
    return RedirectResponse(f"/people/{person.id}/log?removed={kind}", status_code=303)


def _items(values: dict[str, str]) -> list[dict[str, Any]]:
    items = []
    for row in range(ITEM_ROWS):
        prefix = f"item{row}."
        exercise = values.get(prefix + "exercise", "").strip()
        if not exercise:
            continue
        number = {name: optional_int(values, prefix + name)
                  for name in ITEM_FIELDS if name != "exercise"}
        item: dict[str, Any] = {"exercise": exercise, "sets": number["sets"],
                                "reps": number["reps"], "hold_s": number["hold_s"],
                                "effort": number["effort"], "pain": number["pain"]}
        felt = (number["felt_low_back"], number["felt_glutes"], number["felt_hamstrings"])
        if any(v is not None for v in felt):
            if any(v is None for v in felt):
                raise InputError(prefix + "felt", "give all three (glutes, hamstrings, "
                                 "low back) or none")
            item["felt"] = {"low_back": felt[0], "glutes": felt[1], "hamstrings": felt[2]}
        if item["sets"] is None:
            raise InputError(prefix + "sets", "give the number of sets")
        items.append(item)
    return items


@router.post("/people/{person_id}/sessions")
def add_session(person_id: RowId, request: Request,
                viewer: Viewer = Depends(require_viewer),
                form: FormData = Depends(read_form)) -> Response:
    values = single_fields(form, (*SESSION_FIELDS, *ITEM_FORM_FIELDS))
    try:
        day = parse_day(values.get("date", ""), "date", words=False)
        items = _items(values)
        if not items:
            raise InputError("items", "give at least one exercise")
        record = {"date": day, "duration_min": optional_duration(values, "duration_min", "min"),
                  "note": optional_text(values, "note"), "items": items}
        with web_context(request).writing() as session:
            person = person_for(session, viewer, person_id)
            log.add_session(session, person, record, exercise_id=_web_exercise_id)
    except InputError as exc:
        return _log_page(request, viewer, person_id, failed="session", error=form_message(exc),
                         typed=values)
    return RedirectResponse(f"/people/{person.id}/log?logged=session", status_code=303)
