"""Import export files into a person's record: read every file first, then store them all.

A bad file stops the import before anything is stored, so a folder is never half imported;
activities already stored (same start and sport) are skipped, so importing again adds nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from sqlalchemy.orm import Session

from crampcoach.store import activities
from crampcoach.store.people import PersonRef
from crampcoach.store.records import ActivityRecord
from crampcoach.training.files import ExportFile
from crampcoach.training.knowledge import TrainingKnowledge, load_training_knowledge
from crampcoach.training.load import Out
from crampcoach.training.readers import read_activities


class ImportReport(Out):
    files: int
    read: int
    added: int
    already_there: int
    first: dt.datetime | None
    last: dt.datetime | None
    by_sport: dict[str, int]


def read_exports(files: Sequence[ExportFile], on_file: Callable[[ExportFile], None] | None = None,
                 knowledge: TrainingKnowledge | None = None) -> list[ActivityRecord]:
    """The activities of every file, in order; `on_file` is called after each file is read."""
    k = knowledge or load_training_knowledge()
    found: list[ActivityRecord] = []
    for export in files:
        found.extend(read_activities(export.name, export.data, k))
        if on_file is not None:
            on_file(export)
    return found


def store_activities(session: Session, person: PersonRef, records: Sequence[ActivityRecord],
                     files: int) -> ImportReport:
    """Store what was read, in the caller's transaction, and say what happened."""
    result = activities.add_activities(session, person, records)
    by_sport: dict[str, int] = {}
    for record in records:
        by_sport[record.sport] = by_sport.get(record.sport, 0) + 1
    starts = [r.start for r in records]
    return ImportReport(files=files, read=len(records), added=result.added,
                        already_there=result.already_there, first=min(starts, default=None),
                        last=max(starts, default=None), by_sport=by_sport)
