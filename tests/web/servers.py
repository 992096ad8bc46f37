"""Real servers for the tests: `python -m crampcoach serve` on a free loopback port."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

START_TIMEOUT_S = 30.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass(frozen=True)
class Running:
    url: str
    pid: int

    def __str__(self) -> str:
        return self.url


@contextmanager
def running_server(data_dir: Path, *, database_url: str = "", workers: int = 1,
                   multi_user: bool = False, secret_key: str = "", signup: bool = False
                   ) -> Iterator[Running]:
    """A server in its own process group, stopped afterwards."""
    port = free_port()
    env = {**os.environ, "CRAMPCOACH_DATA_DIR": str(data_dir),
           "CRAMPCOACH_DATABASE_URL": database_url, "CRAMPCOACH_SECRET_KEY": secret_key,
           "CRAMPCOACH_SIGNUP": "1" if signup else "0"}
    command = [sys.executable, "-m", "crampcoach", "serve", "--port", str(port),
               "--workers", str(workers), "--multi-user" if multi_user else "--single-user"]
    log = data_dir.parent / f"server-{port}.log"
    data_dir.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as output:
        process = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, process, log)
        yield Running(base, process.pid)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def _wait_until_up(base: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the server stopped: {log.read_text(errors='replace')}")
        try:
            if httpx.get(f"{base}/api/v1/ping", timeout=1.0).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"the server did not start: {log.read_text(errors='replace')}")


