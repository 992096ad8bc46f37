"""Plausible records for the storage tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from crampcoach.store.records import CrampRecord, NoteRecord, SessionRecord


def session_record(day: dt.date, **changes: Any) -> SessionRecord:
    data: dict[str, Any] = {
        "date": day,
        "duration_min": 35,
        "items": [
            {"exercise": "hip_flexor_stretch", "sets": 2, "hold_s": 30},
            {"exercise": "glute_bridge", "sets": 3, "reps": 12, "effort": 6, "pain": 0,
             "felt": {"low_back": 2, "glutes": 6, "hamstrings": 3}},
            {"exercise": "barbell_hip_thrust", "sets": 3, "reps": 8, "load_kg": 42.5,
             "effort": 8, "pain": 1, "felt": {"low_back": 1, "glutes": 7, "hamstrings": 4}},
        ],
        "note": "Bridges felt better with feet flat.",
    }
    data.update(changes)
    return SessionRecord.model_validate(data)


def cramp_record(moment: dt.datetime, **changes: Any) -> CrampRecord:
    data: dict[str, Any] = {
        "occurred_at": moment, "side": "left", "during": "glute_bridge", "minutes_into": 20,
        "duration_s": 45, "severity": 6, "eased_by": "walking it off",
    }
    data.update(changes)
    return CrampRecord.model_validate(data)


def note_record(day: dt.date, text: str = "Slept badly.") -> NoteRecord:
    return NoteRecord(date=day, text=text)


CASE = {"age": 34, "sex": "female",
        "findings": {"trigger_bridge_or_hip_thrust": True, "bruising": False}}
RESULT = {"triage": {"level": "self_care", "reasons": [], "action": "Train at home."},
          "causes": [{"id": "glute_weakness", "probability": 0.71}], "disclaimer": "..."}
PLAN = {"phase": "prevention", "weeks": [{"week": 1, "sessions": [{"day": 1, "items": [
    {"exercise": "glute_bridge", "sets": 3, "reps": 12, "cues": ["feet flat"],
     "why": "glute_weakness", "sources": ["000"]}]}]}],
        "advice": [], "see_a_professional": None}
