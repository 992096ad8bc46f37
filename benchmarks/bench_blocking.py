"""Blocking work kept off the server's event loop, and imports kept off the write lock.

1. Starts `crampcoach serve` (single user, one worker, a throwaway data folder), then asks
   for PDF handouts from the plan page in a loop while timing GET /api/v1/ping. Prints the
   ping's p50 / p99 / max with and without PDFs rendering. Target: p99 < 100 ms.
2. Imports an export of N sessions and N cramps into a fresh SQLite file and prints how
   long the write lock was held (staged import, then one short bulk transaction), and how
   long a `log note` written meanwhile had to wait. Target: a few seconds at most.

Loopback only; every phase is bounded in time.

    .venv/bin/python benchmarks/bench_blocking.py [--seconds 10] [--records 9000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return (f"n={len(ordered)} p50={statistics.median(ordered) * 1000:.1f} ms "
            f"p99={p99 * 1000:.1f} ms max={ordered[-1] * 1000:.1f} ms")


def _pings(base: str, until: float) -> list[float]:
    samples = []
    with httpx.Client(timeout=30) as client:
        while time.monotonic() < until:
            start = time.perf_counter()
            client.get(f"{base}/api/v1/ping").raise_for_status()
            samples.append(time.perf_counter() - start)
            time.sleep(0.01)
    return samples


def _render_pdfs(base: str, until: float, rendered: list[float]) -> None:
    with httpx.Client(timeout=60) as client:
        page = client.get(f"{base}/").text
        token = page.split('name="csrf-token" content="')[1].split('"')[0]
        while time.monotonic() < until:
            start = time.perf_counter()
            response = client.post(f"{base}/plan/download",
                                   data={"weeks": "8", "format": "pdf", "csrf_token": token})
            response.raise_for_status()
            assert response.content.startswith(b"%PDF")
            rendered.append(time.perf_counter() - start)


def ping_while_rendering(seconds: float) -> None:
    port = _free_port()
    folder = Path(tempfile.mkdtemp(prefix="crampcoach-bench-"))
    env = {**os.environ, "CRAMPCOACH_DATA_DIR": str(folder), "PYTHONPATH": str(ROOT / "src")}
    env.pop("CRAMPCOACH_DATABASE_URL", None)
    server = subprocess.Popen([sys.executable, "-m", "crampcoach", "serve", "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"{base}/api/v1/ping", timeout=1).raise_for_status()
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        quiet = _pings(base, time.monotonic() + seconds / 2)
        rendered: list[float] = []
        until = time.monotonic() + seconds
        renderer = threading.Thread(target=_render_pdfs, args=(base, until, rendered))
        renderer.start()
        time.sleep(0.5)  # the first render is under way
        busy = _pings(base, until)
        renderer.join()
        print(f"ping, server idle:        {_percentiles(quiet)}")
        print(f"ping, PDFs rendering:     {_percentiles(busy)}  (target p99 < 100 ms)")
        if rendered:
            print(f"PDF handouts rendered:    {len(rendered)}, median "
                  f"{statistics.median(rendered):.2f} s each")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=15)


def import_lock(records: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="crampcoach-bench-"))
    first = dt.date(1990, 1, 1)
    document = {
        "format": "crampcoach-export", "format_version": 1,
        "person": {"name": "big", "created_at": "2024-05-01T10:00:00Z"},
        "assessments": [], "plans": [], "notes": [],
        "sessions": [{"uid": uuid.uuid4().hex, "date": (first + dt.timedelta(days=i)).isoformat(),
                      "items": [{"exercise": "glute_bridge", "sets": 3, "reps": 12}],
                      "recorded_at": "2024-05-01T10:00:00Z"} for i in range(records)],
        "cramp_events": [{"uid": uuid.uuid4().hex, "side": "left", "during": "sleep",
                          "occurred_at": (dt.datetime(1990, 1, 1, 7) + dt.timedelta(days=i))
                          .isoformat(), "severity": 3, "recorded_at": "2024-05-01T10:00:00Z"}
                         for i in range(records)],
    }
    path = folder / "big.json"
    path.write_text(json.dumps(document))
    os.environ["CRAMPCOACH_DATA_DIR"] = str(folder / "data")
    os.environ.pop("CRAMPCOACH_DATABASE_URL", None)
    sys.path.insert(0, str(ROOT / "src"))
    from crampcoach.limits import read_text
    from crampcoach.store import database, log, people, transfer

    database.engine()
    start = time.perf_counter()
    parsed = transfer.parse_export(read_text(path, "FILE"))
    with database.reading() as session:
        staged = transfer.stage_import(session, parsed)
    checked = time.perf_counter()
    waited: list[float] = []

    def note_meanwhile() -> None:
        time.sleep(0.05)
        begin = time.perf_counter()
        with database.transaction() as session:
            log.add_note(session, people.ensure(session, "other"),
                         {"date": dt.date.today(), "text": "written during the import"})
        waited.append(time.perf_counter() - begin)

    writer = threading.Thread(target=note_meanwhile)
    writer.start()
    with database.transaction() as session:
        transfer.write_import(session, staged)
    written = time.perf_counter()
    writer.join()
    print(f"import of {records} sessions + {records} cramps: read and checked in "
          f"{checked - start:.2f} s without a lock; write lock held {written - checked:.2f} s")
    print(f"a note written meanwhile waited {waited[0]:.2f} s  (target: a few seconds)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--records", type=int, default=9000)
    args = parser.parse_args()
    ping_while_rendering(args.seconds)
    import_lock(args.records)


if __name__ == "__main__":
    main()
