"""Importing a year of daily activities: 365 FIT files read and stored, against a 10 s budget.

    .venv/bin/python benchmarks/bench_training.py [--days N] [--every S]

Each file is one run of 40-70 minutes as a watch writes it: a file id, a record every
`--every` seconds (default 5) with time, distance, heart rate and temperature, the session
and the activity message. The files are written once through Garmin's encoder, then timed:
finding them in the folder, reading each, and storing them in a fresh SQLite file, as
`crampcoach import-training FOLDER` does. A second import of the same folder (which stores
nothing) is timed too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from pathlib import Path

from garmin_fit_sdk import Encoder, Profile

from crampcoach.store import database, people
from crampcoach.training.files import collect
from crampcoach.training.importing import read_exports, store_activities

BUDGET_S = 10.0
MESG = Profile["mesg_num"]
FIRST = dt.datetime(2025, 1, 1, 6, 30, tzinfo=dt.UTC)


def run_file(day: int, every_s: int) -> bytes:
    start = FIRST + dt.timedelta(days=day)
    minutes = 40 + day % 31
    encoder = Encoder()
    encoder.write_mesg({"mesg_num": MESG["FILE_ID"], "type": "activity", "manufacturer": "development",
                        "product": 0, "serial_number": 1, "time_created": start})
    metres_per_s = 10_000 / 3600
    for second in range(0, minutes * 60 + 1, every_s):
        encoder.write_mesg({"mesg_num": MESG["RECORD"], "timestamp": start + dt.timedelta(seconds=second),
                            "distance": second * metres_per_s, "heart_rate": 140 + second % 20,
                            "temperature": 12 + day % 15})
    end = start + dt.timedelta(minutes=minutes)
    encoder.write_mesg({"mesg_num": MESG["SESSION"], "timestamp": end, "start_time": start,
                        "sport": "running", "total_elapsed_time": minutes * 60.0,
                        "total_timer_time": minutes * 60.0, "total_distance": minutes * 60 * metres_per_s,
                        "avg_heart_rate": 150, "max_heart_rate": 172, "avg_temperature": 12 + day % 15})
    encoder.write_mesg({"mesg_num": MESG["ACTIVITY"], "timestamp": end, "num_sessions": 1})
    return encoder.close()


def import_folder(folder: Path, url: str) -> tuple[float, float, float, int, int]:
    began = time.perf_counter()
    files = collect([folder])
    found = time.perf_counter()
    records = read_exports(files)
    read = time.perf_counter()
    with database.transaction(url) as session:
        report = store_activities(session, people.ensure(session, "runner"), records, len(files))
    stored = time.perf_counter()
    return found - began, read - found, stored - read, report.added, report.already_there


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--every", type=int, default=5, help="seconds between records")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "season"
        folder.mkdir()
        size = 0
        for day in range(args.days):
            data = run_file(day, args.every)
            size += len(data)
            (folder / f"{day:03d}.fit").write_bytes(data)
        url = f"sqlite:///{Path(tmp) / 'crampcoach.db'}"
        database.engine(url)  # create and migrate first: not part of an import
        print(f"{args.days} FIT files, a record every {args.every} s, "
              f"{size / 1024 / 1024:.1f} MB in all")
        for label in ("first import", "same files again"):
            finding, reading, storing, added, skipped = import_folder(folder, url)
            total = finding + reading + storing
            print(f"{label:17s} {total:6.2f} s  (find {finding:.2f}, read {reading:.2f}, "
                  f"store {storing:.2f}; {added} added, {skipped} already stored)  "
                  f"{args.days / total:6.0f} files/s  budget ratio {total / BUDGET_S:.2f}")
        database.dispose(url)


if __name__ == "__main__":
    main()
