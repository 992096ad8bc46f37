"""Speed of the free-text reader: median time to read one description.

Target: at most 20 ms per description with the rule reader. Reads the shared dev case
texts when they are there, and the descriptions the intake tests use.
Run: python benchmarks/bench_intake.py [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import yaml

from crampcoach.intake import read_findings
from crampcoach.intake.lexicon import load_lexicon

ROOT = Path(__file__).resolve().parents[1]
TARGET_MS = 20.0


def texts() -> list[str]:
    found: list[str] = []
    dev = ROOT.parent / "shared" / "cases" / "dev.jsonl"
    if dev.exists():
        for line in dev.read_text(encoding="utf-8").splitlines():
            if line.strip():
                text = json.loads(line)["case"].get("text")
                if text:
                    found.append(text)
    own = ROOT / "tests" / "intake" / "descriptions.yaml"
    if own.exists():
        found.extend(item["text"] for item in yaml.safe_load(own.read_text(encoding="utf-8")))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20, help="reads of each description")
    args = parser.parse_args()
    started = time.perf_counter()
    load_lexicon()
    load_ms = (time.perf_counter() - started) * 1000
    samples = texts()
    if not samples:
        raise SystemExit("no descriptions found to time")
    times: list[float] = []
    for _ in range(args.repeat):
        for text in samples:
            t0 = time.perf_counter()
            read_findings(text)
            times.append((time.perf_counter() - t0) * 1000)
    median = statistics.median(times)
    p95 = statistics.quantiles(times, n=20)[-1]
    chars = statistics.mean(len(t) for t in samples)
    print(f"descriptions: {len(samples)} (mean {chars:.0f} characters), reads: {len(times)}")
    print(f"lexicon load and compile (once per process): {load_ms:.1f} ms")
    print(f"median per description: {median:.2f} ms  (p95 {p95:.2f} ms)")
    print(f"target {TARGET_MS:.0f} ms; median / target = {median / TARGET_MS:.3f}")


if __name__ == "__main__":
    main()
