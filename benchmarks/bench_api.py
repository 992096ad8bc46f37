"""Throughput and latency of POST /api/v1/assessments under concurrent load.

Starts `crampcoach serve` on a free loopback port (single user, a throwaway data folder),
then drives it from N keep-alive connections: first the trivial GET /api/v1/ping of the
same app, then the assessment. Prints requests per second and p50 / p99 latency of each,
and the assessment's throughput as a share of the trivial endpoint's.

Targets: assessment >= 50% of the trivial endpoint's throughput; p99 < 50 ms at 64
connections. Loopback only; every phase is bounded in time and in requests.

    .venv/bin/python benchmarks/bench_api.py [--connections 64] [--seconds 5] [--workers 1]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# A mid-interview case: a few answers in, the way the pages and coaching tools call it.
# The run cycles through this case and CASE_VARIANTS seeded variations of it, so the
# figures cover a spread of cases rather than one.
CASE_VARIANTS = 255
CASE: dict[str, Any] = {
    "age": 32,
    "sex": "male",
    "findings": {
        "calf_or_thigh_swollen_warm_red": False, "saddle_numbness": False,
        "dark_urine_after_exercise": False, "trigger_bridge_or_hip_thrust": True,
        "hard_to_feel_glutes": True, "cramp_during_exercise": True, "skips_warmup": False,
        "low_fluid_intake": False, "bruising": False,
    },
}
WARMUP_REQUESTS = 200


def cases(variants: int = CASE_VARIANTS) -> list[dict[str, Any]]:
    """CASE and variants: the same screening answers, then 3 to 12 other random answers."""
    from crampcoach.knowledge import load_knowledge

    findings = sorted(f for f, spec in load_knowledge().findings.items() if spec.screen is None)
    rng = random.Random(20240601)
    made = [CASE]
    for _ in range(variants):
        answers: dict[str, bool | None] = {f: False for f in CASE["findings"]
                                           if load_knowledge().findings[f].screen}
        for finding in rng.sample(findings, rng.randint(3, 12)):
            answers[finding] = rng.choice([True, False, None])
        made.append({"age": rng.randint(16, 80), "findings": answers})
    return made


@dataclass
class Result:
    name: str
    requests: int
    seconds: float
    latencies_ms: list[float]

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def raw_request(method: str, path: str, port: int, body: bytes = b"") -> bytes:
    head = (f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n")
    return head.encode() + body


async def read_response(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    await reader.readexactly(length)
    return status


async def drive(port: int, requests: list[bytes], connections: int, seconds: float,
                max_requests: int) -> tuple[int, float, list[float]]:
    """Each connection sends, waits for the answer, sends again, until time or count ends."""
    latencies: list[float] = []
    sent = 0
    deadline = time.perf_counter() + seconds

    async def connection() -> None:
        nonlocal sent
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while time.perf_counter() < deadline and sent < max_requests:
                request = requests[sent % len(requests)]
                sent += 1
                start = time.perf_counter()
                writer.write(request)
                status = await read_response(reader)
                latencies.append((time.perf_counter() - start) * 1000)
                if status != 200:
                    raise RuntimeError(f"status {status}")
        finally:
            writer.close()

    start = time.perf_counter()
    await asyncio.gather(*(connection() for _ in range(connections)))
    return len(latencies), time.perf_counter() - start, latencies


def measure(name: str, port: int, requests: list[bytes], args: argparse.Namespace) -> Result:
    asyncio.run(drive(port, requests, min(args.connections, 8), 10.0, WARMUP_REQUESTS))
    count, elapsed, latencies = asyncio.run(
        drive(port, requests, args.connections, args.seconds, args.max_requests))
    return Result(name, count, elapsed, latencies)


def start_server(port: int, data_dir: Path, workers: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "CRAMPCOACH_DATA_DIR": str(data_dir), "CRAMPCOACH_DATABASE_URL": ""}
    process = subprocess.Popen(
        [sys.executable, "-m", "crampcoach", "serve", "--port", str(port),
         "--workers", str(workers), "--single-user"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5) as probe:
                probe.sendall(raw_request("GET", "/api/v1/ping", port))
                if b" 200 " in probe.recv(200):
                    return process
        except OSError:
            time.sleep(0.1)
    os.killpg(process.pid, signal.SIGKILL)
    raise SystemExit("the server did not start")


def report(result: Result) -> None:
    print(f"{result.name:<28} {result.requests:>7} req  {result.throughput:>8.0f} req/s  "
          f"p50 {result.percentile(0.50):6.2f} ms  p99 {result.percentile(0.99):6.2f} ms  "
          f"mean {statistics.fmean(result.latencies_ms):6.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=5.0, help="per endpoint (max 30)")
    parser.add_argument("--max-requests", type=int, default=50_000, help="per endpoint")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--variants", type=int, default=CASE_VARIANTS,
                        help="distinct cases besides the first; more than the run sends "
                             "means every assessment is computed, none served from the cache")
    args = parser.parse_args()
    args.seconds = min(args.seconds, 30.0)

    port = free_port()
    with tempfile.TemporaryDirectory(prefix="crampcoach-bench-") as folder:
        server = start_server(port, Path(folder) / "data", args.workers)
        try:
            trivial = measure("GET /api/v1/ping", port,
                              [raw_request("GET", "/api/v1/ping", port)], args)
            assessment = measure("POST /api/v1/assessments", port, [
                raw_request("POST", "/api/v1/assessments", port, json.dumps(case).encode())
                for case in cases(args.variants)], args)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=15)

    print(f"{args.connections} connections, {args.workers} worker(s), "
          f"{args.seconds:g} s per endpoint, {args.variants + 1} distinct cases, loopback")
    report(trivial)
    report(assessment)
    ratio = assessment.throughput / trivial.throughput
    p99 = assessment.percentile(0.99)
    print(f"assessment throughput / trivial: {ratio:.0%} (target >= 50%: "
          f"{'met' if ratio >= 0.5 else 'missed'})")
    print(f"assessment p99: {p99:.1f} ms (target < 50 ms: {'met' if p99 < 50 else 'missed'})")


if __name__ == "__main__":
    main()
