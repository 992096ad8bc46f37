"""A writer process for the concurrency and crash tests (run as a script, not collected).

    python writer.py URL PROFILE WORKER COUNT cramps|sessions

Prints "ready" once imported, waits for a line on stdin so that every writer starts at
once, then stores COUNT records, one transaction each, printing each uid after its commit.
"""

from __future__ import annotations

import datetime as dt
import sys

from crampcoach.store import database, log, people
from crampcoach.store.records import CrampRecord, SessionRecord

ITEMS_PER_SESSION = 20
START = dt.datetime(2024, 1, 1, 6, 0)


def main() -> None:
    url, profile, worker, count, kind = sys.argv[1:6]
    print("ready", flush=True)
    sys.stdin.readline()
    for index in range(int(count)):
        record: CrampRecord | SessionRecord
        if kind == "cramps":
            record = CrampRecord(
                occurred_at=START + dt.timedelta(minutes=index), side="left",
                during=f"writer {worker} event {index}", severity=index % 11,
            )
        else:
            record = SessionRecord.model_validate({
                "date": (START + dt.timedelta(days=index % 300)).date(),
                "note": f"writer {worker} session {index}",
                "items": [{"exercise": "glute_bridge", "sets": 3, "reps": position + 1,
                           "felt": {"low_back": 2, "glutes": 6, "hamstrings": 2}}
                          for position in range(ITEMS_PER_SESSION)],
            })
        with database.transaction(url) as session:
            person = people.ensure(session, profile)
            if isinstance(record, CrampRecord):
                stored_uid = log.add_cramp(session, person, record).uid
            else:
                stored_uid = log.add_session(session, person, record).uid
        print(stored_uid, flush=True)


if __name__ == "__main__":
    main()
