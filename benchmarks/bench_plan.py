"""How fast are plans built and exported? Figures only; nothing is asserted.

    .venv/bin/python benchmarks/bench_plan.py [--repeats N]

1. build_plan() over the dev cases (their assessments made once beforehand): median time
   per plan, and its ratio to assess() on the same cases.
2. render() of an 8-week glute plan in every format: median time per format.
3. A cold `crampcoach plan --weeks 8 --format pdf` process (import, plan, PDF), target <= 2 s:
   for a first-time user (an empty data folder), for one with a stored database but no imported
   training (looked at without loading the ORM), and for one with an imported training record,
   which the plan reads through the store to start its volume schedule from.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from crampcoach.case import Case, parse_case
from crampcoach.export import FORMATS, render
from crampcoach.plan import PlanOptions, build_plan
from crampcoach.reasoning import assess
from crampcoach.reasoning.assess import forget_recent_assessments

PDF_TARGET_S = 2.0
DEV_CASES = Path(__file__).resolve().parents[1] / ".." / "shared" / "cases" / "dev.jsonl"
GLUTE = Case(findings={"trigger_bridge_or_hip_thrust": True, "hard_to_feel_glutes": True,
                       "feel_hamstrings_more_than_glutes": True, "cramp_during_exercise": True})


def median_s(work: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def assess_afresh(case: Case) -> object:
    forget_recent_assessments()  # the work itself, not the cache of recent cases
    return assess(case)


def cases() -> list[Case]:
    if not DEV_CASES.is_file():
        return [GLUTE]
    found = []
    for line in DEV_CASES.read_text(encoding="utf-8").splitlines():
        if line.strip():
            data = json.loads(line)["case"]
            data.pop("text", None)  # the text reader is measured on its own
            found.append(parse_case(data))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3, help="cold PDF processes")
    args = parser.parse_args()
    options = PlanOptions(start=date(2025, 3, 3))

    pairs = [(case, assess(case)) for case in cases()]
    build_plan(*pairs[0], options)  # load the knowledge once, outside the timing
    plan_s = median_s(lambda: [build_plan(c, a, options) for c, a in pairs], args.repeats)
    assess_s = median_s(lambda: [assess_afresh(c) for c, _ in pairs], args.repeats)
    per_plan = plan_s / len(pairs)
    print(f"build_plan: {per_plan * 1e3:.2f} ms per plan over {len(pairs)} cases "
          f"({per_plan / (assess_s / len(pairs)):.1f}x the time of assess)")

    plan = build_plan(GLUTE, assess(GLUTE), options.model_copy(update={"weeks": 8}))
    for fmt in FORMATS:
        repeats = 3 if fmt == "pdf" else args.repeats
        render(plan, fmt)  # warm caches (templates, fonts)
        seconds = median_s(functools.partial(render, plan, fmt), repeats)
        print(f"render {fmt:>4}: {seconds * 1e3:8.1f} ms")
        if fmt == "pdf":
            print(f"  8-week PDF in a warm process: target <= {PDF_TARGET_S:.0f} s: "
                  f"ratio {seconds / PDF_TARGET_S:.2f} of target")
    cold_pdf(args.runs)


def recent_runs_csv() -> str:
    """Four weeks of runs, three a week, as an app's activity list: a typical record."""
    today = date.today()
    rows = [f"{today - timedelta(days=day)},Running,0:45:00,8.0" for day in range(2, 30, 2)]
    return "Date,Activity Type,Time,Distance\n" + "\n".join(rows) + "\n"


def cold_pdf(runs: int) -> None:
    executable = shutil.which("crampcoach", path=str(Path(sys.executable).parent))
    command_start = [executable] if executable else [sys.executable, "-m", "crampcoach"]
    with tempfile.TemporaryDirectory() as tmp:
        case_file = Path(tmp) / "case.json"
        case_file.write_text(GLUTE.model_dump_json(exclude_none=True), encoding="utf-8")
        command = [*command_start, "plan", "--case", str(case_file), "--weeks", "8",
                   "--format", "pdf", "--out", str(Path(tmp) / "plan.pdf")]
        data = Path(tmp) / "data"
        env = {**os.environ, "CRAMPCOACH_DATA_DIR": str(data), "CRAMPCOACH_DATABASE_URL": ""}
        record = Path(tmp) / "record.csv"
        record.write_text(recent_runs_csv(), encoding="utf-8")
        # Each state is made once, on top of the one before: nothing, a note, a record.
        for label, step in (("first-time user, no database", None),
                            ("with a stored database", ["log", "note", "bench"]),
                            ("with an imported training record", ["import-training", str(record)])):
            if step is not None:
                subprocess.run([*command_start, *step], env=env, capture_output=True, check=True)
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                subprocess.run(command, env=env, capture_output=True, check=True)
                times.append(time.perf_counter() - start)
            seconds = statistics.median(times)
            print(f"cold `crampcoach plan --weeks 8 --format pdf` ({label}): median "
                  f"{seconds:.2f} s over {runs} runs; target <= {PDF_TARGET_S:.0f} s: ratio "
                  f"{seconds / PDF_TARGET_S:.2f} of target")


if __name__ == "__main__":
    main()
