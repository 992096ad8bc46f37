"""How fast is assess()? Figures and ratios against the targets of issue 2.

    .venv/bin/python benchmarks/bench_assess.py [--repeats N]

1. assess() in-process over the dev cases (explicit findings; free text removed):
   median time per call, target <= 200 us.
2. pgmpy's exact inference (variable elimination) on the same network and the same
   cases: the answers must agree to 1e-9, and assess() should be >= 100x faster.
3. A cold `crampcoach assess --case F --format json` process against `python -c pass`,
   target <= 8x, and the modules it imports, from `python -X importtime`.
4. What the question ranking (choose_question) costs inside assess().

Speed is printed, not asserted; a disagreement with pgmpy exits with status 1.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from crampcoach.case import Case, parse_case
from crampcoach.reasoning import assess
from crampcoach.reasoning.assess import forget_recent_assessments
from crampcoach.reasoning.inference import infer
from crampcoach.reasoning.network import network

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()
ASSESS_TARGET_US = 200.0
PGMPY_RATIO_TARGET = 100.0
COLD_RATIO_TARGET = 8.0
TOLERANCE = 1e-9


def dev_cases(path: Path) -> list[tuple[str, Case]]:
    if not path.is_file():
        sys.exit(f"{path} not found: give --cases, or put ../shared beside the project")
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            data = {k: v for k, v in item["case"].items() if k != "text"}
            out.append((item["id"], parse_case(data)))
    return out


def pgmpy_reference() -> ModuleType:
    """The pgmpy twin of the network that the tests use (tests/reasoning/pgmpy_reference.py)."""
    path = ROOT / "tests" / "reasoning" / "pgmpy_reference.py"
    spec = importlib.util.spec_from_file_location("pgmpy_reference", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def per_call_us(func: Any, arg: Any, repeats: int) -> list[float]:
    times = []
    for _ in range(repeats):
        start = time.perf_counter_ns()
        func(arg)
        times.append((time.perf_counter_ns() - start) / 1000)
    return times


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def assess_afresh(case: Case) -> Any:
    """assess() with its cache of recent cases emptied first: the work itself is timed."""
    forget_recent_assessments()
    return assess(case)


def bench_in_process(cases: list[tuple[str, Case]], repeats: int) -> float:
    for _, case in cases:
        assess(case)  # warm: the knowledge base and network load once per process
    cached = statistics.median(per_call_us(assess, cases[0][1], repeats))
    print(f"assess() of a case seen before (kept among recent cases): median {cached:.1f} us")
    times: list[float] = []
    slowest = ("", 0.0)
    for cid, case in cases:
        case_times = per_call_us(assess_afresh, case, repeats)
        times += case_times
        if statistics.median(case_times) > slowest[1]:
            slowest = (cid, statistics.median(case_times))
    median = statistics.median(times)
    print(f"assess() in-process, not cached: median {median:.1f} us per call over {len(cases)} dev cases "
          f"x {repeats} repeats (slowest case {slowest[0]}: {slowest[1]:.1f} us)")
    print(f"  target <= {ASSESS_TARGET_US:.0f} us: ratio {median / ASSESS_TARGET_US:.2f} "
          f"of target ({verdict(median <= ASSESS_TARGET_US)})")
    return median


def bench_pgmpy(cases: list[tuple[str, Case]], repeats: int, our_median_us: float) -> bool:
    reference = pgmpy_reference()
    net = network()
    # The whole network and its engine are built once, outside the timing.
    engine = reference.pgmpy_engine(reference.build_model(net, range(len(net.finding_ids))))
    worst = 0.0
    pgmpy_times: list[float] = []
    infer_times: list[float] = []
    for _, case in cases:
        evidence = {net.finding_index[f]: v for f, v in case.findings.items() if v is not None}
        present = [j for j, v in evidence.items() if v]
        absent = [j for j, v in evidence.items() if not v]
        theirs = reference.pgmpy_marginals(net, evidence, engine)
        ours = assess_afresh(case)
        by_id = {c.id: c.probability for c in ours.causes}
        ours_array = np.array([by_id[cid] for cid in net.cause_ids])
        worst = max(worst, float(np.abs(ours_array - theirs).max()))
        pgmpy_times += per_call_us(
            lambda ev: reference.pgmpy_marginals(net, ev, engine), evidence, max(3, repeats // 50))
        infer_times += per_call_us(lambda pa: infer(net, *pa), (present, absent), repeats)
    pgmpy_median = statistics.median(pgmpy_times)
    infer_median = statistics.median(infer_times)
    ratio = pgmpy_median / our_median_us
    print(f"pgmpy {reference.PGMPY_VERSION} variable elimination: median "
          f"{pgmpy_median / 1000:.2f} ms per case (posteriors only)")
    print(f"  assess() (posteriors + triage + next question) is {ratio:.0f}x faster; "
          f"target >= {PGMPY_RATIO_TARGET:.0f}x ({verdict(ratio >= PGMPY_RATIO_TARGET)})")
    print(f"  posteriors alone (infer): median {infer_median:.1f} us, "
          f"{pgmpy_median / infer_median:.0f}x faster than pgmpy")
    same = worst <= TOLERANCE
    print(f"  largest difference from pgmpy: {worst:.2e} (tolerance {TOLERANCE:.0e}: "
          f"{'identical' if same else 'DIFFERENT'})")
    return same


def wall_ms(command: list[str], runs: int) -> float:
    subprocess.run(command, capture_output=True, check=False)  # warm the file cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def bench_cold_process(cases: list[tuple[str, Case]], runs: int) -> None:
    executable = shutil.which("crampcoach", path=str(Path(sys.executable).parent)) or \
        shutil.which("crampcoach")
    if executable is None:
        print("cold process: skipped (no `crampcoach` command installed)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        case_file = Path(tmp) / "case.json"
        case_file.write_text(cases[0][1].model_dump_json(exclude_none=True), encoding="utf-8")
        command = [executable, "assess", "--case", str(case_file), "--format", "json"]
        probe = subprocess.run(command, capture_output=True, text=True, check=False)
        try:
            json.loads(probe.stdout)
        except json.JSONDecodeError:
            print("cold process: skipped (`crampcoach assess --case F --format json` does not "
                  f"print JSON yet; exit {probe.returncode}: {probe.stderr.strip()[:120]})")
            return
        ours = wall_ms(command, runs)
    bare = wall_ms([sys.executable, "-c", "pass"], runs)
    print(f"cold `crampcoach assess --case F --format json`: median {ours:.0f} ms wall over "
          f"{runs} runs; `python -c pass`: {bare:.0f} ms; ratio {ours / bare:.1f}x")
    print(f"  target <= {COLD_RATIO_TARGET:.0f}x: {verdict(ours / bare <= COLD_RATIO_TARGET)}")
    imported = import_times(command)
    total = sum(imported.values())
    print(f"  imports (python -X importtime, cumulative per top-level package): {total:.0f} ms")
    for name, ms in sorted(imported.items(), key=lambda kv: -kv[1])[:8]:
        print(f"    {name:<14} {ms:7.1f} ms")


def import_times(command: list[str]) -> dict[str, float]:
    """Cumulative import time of each top-level package the command loads, in ms."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "crampcoach", *command[1:]],
                          capture_output=True, text=True, check=False)
    found: dict[str, float] = {}
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        _, cumulative, name = line.split("|")
        if not cumulative.strip().isdigit():
            continue  # the header line
        if name.startswith(" ") and not name.startswith("  "):  # a top-level import
            top = name.strip().split(".")[0]
            found[top] = found.get(top, 0.0) + int(cumulative) / 1000
    return found


def bench_question_ranking(cases: list[tuple[str, Case]], repeats: int) -> None:
    """The share of assess() spent choosing the next question."""
    module = sys.modules[assess.__module__]
    original = module.choose_question
    spent = [0]

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter_ns()
        try:
            return original(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter_ns() - start

    module.choose_question = timed
    try:
        start = time.perf_counter_ns()
        for _ in range(repeats):
            for _, case in cases:
                assess_afresh(case)
        total = time.perf_counter_ns() - start
    finally:
        module.choose_question = original
    calls = repeats * len(cases)
    print(f"question ranking: {spent[0] / calls / 1000:.1f} us per assess() "
          f"({spent[0] / total:.0%} of it)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=500, help="calls per case in-process")
    parser.add_argument("--runs", type=int, default=15, help="cold process runs")
    parser.add_argument("--cases", type=Path, default=SHARED / "cases" / "dev.jsonl",
                        help="the dev cases (JSON lines)")
    args = parser.parse_args()
    cases = dev_cases(args.cases)
    median = bench_in_process(cases, args.repeats)
    bench_question_ranking(cases, max(1, args.repeats // 5))
    same = bench_pgmpy(cases, args.repeats, median)
    bench_cold_process(cases, args.runs)
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
