"""Hostile input and broken storage at the command line: a short answer, never a traceback.

Each case runs the real `crampcoach` in its own process, with its own data folder, and
must end within 10 seconds with a non-zero status and at most three lines on stderr.
Bad input exits 2; a storage fault (damaged, read-only, full, unreachable) exits 1.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIG = "9" * 5000
DEEP = 200_000
TIMEOUT_S = 10


@dataclass(frozen=True)
class Hostile:
    name: str
    args: list[str]
    status: int  # 2: bad input, 1: storage fault
    expect: str  # words the one-line answer must contain
    # Prepares the data folder (and files) before the command; returns extra environment.
    prepare: Callable[[Path], dict[str, str]] | None = None


def _file(name: str, content: bytes | str) -> Callable[[Path], dict[str, str]]:
    def make(tmp: Path) -> dict[str, str]:
        path = tmp / name
        path.write_bytes(content.encode() if isinstance(content, str) else content)
        return {}
    return make


def _fifo(name: str) -> Callable[[Path], dict[str, str]]:
    def make(tmp: Path) -> dict[str, str]:
        os.mkfifo(tmp / name)
        return {}
    return make


def _data_dir_is_a_file(tmp: Path) -> dict[str, str]:
    (tmp / "plain").write_text("not a folder")
    return {"CRAMPCOACH_DATA_DIR": str(tmp / "plain")}


def _stored_note(tmp: Path) -> Path:
    """A real database in the data folder with one note in it."""
    data = tmp / "data"
    run(["log", "note", "a note worth keeping"], tmp, {}, check=True)
    return data / "crampcoach.db"


def damage_page_holding(path: Path, text: bytes) -> None:
    """Overwrite the page of the SQLite file that holds `text` (after a checkpoint)."""
    content = path.read_bytes()
    offset = content.index(text)
    page_size = int.from_bytes(content[16:18], "big")
    with path.open("r+b") as handle:
        handle.seek(offset // page_size * page_size)
        handle.write(b"\xff" * page_size)


def _damaged(tmp: Path) -> dict[str, str]:
    path = _stored_note(tmp)
    run(["doctor"], tmp, {}, check=True)  # the note moves from the log into the file
    damage_page_holding(path, b"a note worth keeping")
    return {}


def _closed_port(tmp: Path) -> dict[str, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # Nothing listens there once the probe socket is closed.
    return {"CRAMPCOACH_DATABASE_URL": f"postgresql+psycopg://nobody@127.0.0.1:{port}/none"}


def _nan_export(tmp: Path) -> dict[str, str]:
    document = {
        "format": "crampcoach-export", "format_version": 1,
        "person": {"name": "kim", "created_at": "2024-05-01T10:00:00Z"},
        "assessments": [{"uid": "a" * 32, "version": 1, "created_at": "2024-05-01T10:00:00Z",
                         "case": {"findings": {}, "score": float("nan")}, "result": {}}],
        "plans": [], "sessions": [], "cramp_events": [], "notes": [],
    }
    (tmp / "nan.json").write_text(json.dumps(document))  # json writes NaN unquoted
    return {}


HOSTILE = [
    Hostile("5000-digit sets", ["log", "session", "--item", f"glute_bridge {BIG}x12"], 2,
            "--item 1"),
    Hostile("5000-digit load", ["log", "session", "--item", f"glute_bridge 3x12 @{BIG}"], 2,
            "--item 1"),
    Hostile("5000-digit effort", ["log", "session", "--item", f"glute_bridge 3x12 effort={BIG}"],
            2, "--item 1"),
    Hostile("huge history limit", ["history", "--limit", "99999999999999999999999"], 2,
            "--limit"),
    Hostile("words for chart weeks", ["progress", "--weeks", "abc"], 2,
            "--weeks: 'abc' is not a whole number"),
    Hostile("negative history limit", ["history", "--limit=-3"], 2,
            "--limit: must be at least 1, not -3"),
    Hostile("far progress day", ["progress", "--as-of", "9999-12-31"], 2, "1900"),
    Hostile("far plan start", ["plan", "--case", "case.json", "--start", "9999-12-31"],
            2, "1900", _file("case.json", '{"findings": {}}')),
    Hostile("far calendar", ["plan", "--case", "case.json", "--format", "ics",
                             "--start", "9999-12-20"], 2, "1900",
            _file("case.json", '{"findings": {}}')),
    Hostile("far cramp day", ["log", "cramp", "--when", "9999-12-31 10:00", "--side", "left",
                              "--during", "sleep", "--severity", "3"], 2, "--when"),
    Hostile("deep JSON case", ["assess", "--case", "deep.json"], 2, "nested",
            _file("deep.json", "[" * DEEP + "]" * DEEP)),
    Hostile("deep YAML case", ["assess", "--case", "deep.yaml"], 2, "nested",
            _file("deep.yaml", "[" * DEEP + "]" * DEEP)),
    Hostile("deep JSON import", ["import", "deep.json"], 2, "import",
            _file("deep.json", '{"a":' * DEEP + "1" + "}" * DEEP)),
    Hostile("binary cases", ["evaluate", "binary.jsonl"], 2, "not",
            _file("binary.jsonl", bytes(range(256)) * 64)),
    Hostile("zero device case", ["assess", "--case", "/dev/zero"], 2, "not a regular file"),
    Hostile("zero device import", ["import", "/dev/zero"], 2, "not a regular file"),
    Hostile("zero device session", ["log", "session", "--file", "/dev/zero"], 2,
            "not a regular file"),
    Hostile("FIFO case", ["assess", "--case", "pipe.json"], 2, "not a regular file",
            _fifo("pipe.json")),
    Hostile("FIFO session", ["log", "session", "--file", "pipe.json"], 2, "not a regular file",
            _fifo("pipe.json")),
    Hostile("FIFO import", ["import", "pipe.json"], 2, "not a regular file", _fifo("pipe.json")),
    Hostile("folder as case", ["assess", "--case", "."], 2, "folder"),
    Hostile("empty interview text", ["interview", "--text", ""], 2, "--text"),
    Hostile("empty assess text", ["assess", "--text", "  "], 2, "--text"),
    Hostile("NUL in a note", ["log", "note", "bad\x01note"], 2, "control"),
    Hostile("NaN in an imported case", ["import", "nan.json"], 2, "NaN", _nan_export),
    Hostile("data folder is a file", ["log", "note", "hello"], 1, "folder", _data_dir_is_a_file),
    Hostile("damaged database", ["history"], 1, "crampcoach doctor", _damaged),
    Hostile("closed PostgreSQL port", ["history"], 1, "does not answer", _closed_port),
]


def run(args: list[str], tmp: Path, env: dict[str, str], check: bool = False,
        stdin: str = "", as_user: int | None = None) -> subprocess.CompletedProcess[str]:
    """The CLI in a fresh process; `as_user`: run it under that user id (from root)."""
    environment = {**os.environ, "CRAMPCOACH_DATA_DIR": str(tmp / "data"),
                   "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "200"}
    environment.pop("CRAMPCOACH_DATABASE_URL", None)
    environment.update(env)
    user = [] if as_user is None else [
        "setpriv", f"--reuid={as_user}", f"--regid={as_user}", "--clear-groups"]
    done = subprocess.run([*user, sys.executable, "-m", "crampcoach", *args], cwd=tmp,
                          env=environment, input=stdin, capture_output=True, text=True,
                          timeout=TIMEOUT_S)
    if check:
        assert done.returncode == 0, done.stderr
    return done


def assert_short_refusal(done: subprocess.CompletedProcess[str], status: int,
                         expect: str) -> None:
    lines = done.stderr.strip().splitlines()
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout, done.stderr
    assert done.returncode == status, (done.returncode, done.stderr)
    assert 1 <= len(lines) <= 3, done.stderr
    assert lines[0].startswith("error: "), done.stderr
    assert expect.lower() in done.stderr.lower(), done.stderr


@pytest.mark.parametrize("case", HOSTILE, ids=lambda case: case.name)
def test_hostile_input_gets_a_short_answer_never_a_traceback(case: Hostile, tmp_path: Path) -> None:
    env = case.prepare(tmp_path) if case.prepare else {}
    assert_short_refusal(run(case.args, tmp_path, env), case.status, case.expect)


# -- storage faults that need the file system's help ---------------------------------------


def cannot_test_here(reason: str) -> None:
    """A storage-fault test that cannot set up its fault fails with the reason: it is never
    passed over in silence."""
    pytest.fail(reason)


def as_namespace_root(request: pytest.FixtureRequest, tmp_path: Path) -> bool:
    """Without real root, run this test again as root of a user and mount namespace of its
    own (where mounting a tmpfs is allowed); True when that run stands for this one."""
    if os.geteuid() == 0:
        return False
    if shutil.which("unshare") is None:
        cannot_test_here("mounting a small file system needs root or util-linux's unshare")
    done = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", sys.executable, "-m", "pytest",
         "-q", "-p", "no:cacheprovider", f"--basetemp={tmp_path / 'in-namespace'}",
         request.node.nodeid],
        cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT_S * 12)
    assert done.returncode == 0, (done.stdout + done.stderr)[-3000:]
    return True


@contextmanager
def small_filesystem(where: Path, size: str, read_only: bool = False) -> Iterator[Path]:
    """A tmpfs of `size` mounted at `where` (needs root, real or in a user namespace)."""
    where.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        cannot_test_here(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def test_a_full_disk_is_named_and_nothing_is_half_written(tmp_path: Path,
                                                         request: pytest.FixtureRequest) -> None:
    if as_namespace_root(request, tmp_path):
        return
    with small_filesystem(tmp_path / "data", "2m") as data:
        run(["log", "note", "first"], tmp_path, {}, check=True)
        # Fill what is left, so the next write cannot grow the log.
        try:
            with (data / "filler").open("wb") as filler:
                while True:
                    filler.write(b"\0" * 4096)
                    filler.flush()
        except OSError:
            pass  # full, as intended
        done = run(["log", "note", "x" * 4000], tmp_path, {})
        assert_short_refusal(done, 1, "full")
        (data / "filler").unlink()
        history = run(["history", "--format", "json"], tmp_path, {}, check=True)
        assert [n["text"] for n in json.loads(history.stdout)["notes"]] == ["first"]


def test_a_read_only_database_is_named(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    if as_namespace_root(request, tmp_path):
        return
    with small_filesystem(tmp_path / "data", "4m"):
        run(["log", "note", "first"], tmp_path, {}, check=True)
        run(["doctor"], tmp_path, {}, check=True)  # log emptied into the file first
        # Named as a tmpfs: a user namespace's mount(8) cannot look the mount up otherwise.
        remount = subprocess.run(["mount", "-t", "tmpfs", "-o", "remount,ro", "tmpfs",
                                  str(tmp_path / "data")],
                                 capture_output=True, text=True)
        if remount.returncode != 0:
            cannot_test_here(f"cannot remount read-only: {remount.stderr.strip()}")
        done = run(["log", "note", "second"], tmp_path, {})
        assert_short_refusal(done, 1, "read-only")


# Root writes through file permissions, so under root the CLI runs as this unprivileged user.
UNPRIVILEGED = 65534  # "nobody"


@contextmanager
def reachable_by_others(*paths: Path) -> Iterator[None]:
    """Let other users pass through the folders above `paths` (a clone made in a `mktemp -d`
    folder is closed to them), putting each folder's mode back afterwards."""
    changed: list[tuple[Path, int]] = []
    for path in paths:
        for folder in [path, *path.parents]:
            mode = folder.stat().st_mode
            if folder.is_dir() and not mode & 0o001:
                changed.append((folder, mode))
                folder.chmod(mode | 0o001)
    try:
        yield
    finally:
        for folder, mode in changed:
            folder.chmod(mode)


def test_a_read_only_file_is_named(tmp_path: Path) -> None:
    user = UNPRIVILEGED if os.geteuid() == 0 else None
    work = tmp_path
    if user is not None:
        # pytest's own folders are closed to other users: work in one the user owns.
        work = Path(tempfile.mkdtemp(prefix="crampcoach-read-only-"))
        work.chmod(0o755)
        os.chown(work, user, user)
    try:
        with reachable_by_others(ROOT, Path(sys.executable).resolve()):
            run(["log", "note", "a note worth keeping"], work, {}, check=True, as_user=user)
            run(["doctor"], work, {}, check=True, as_user=user)
            (work / "data" / "crampcoach.db").chmod(0o444)
            (work / "data").chmod(0o555)
            done = run(["log", "note", "second"], work, {}, as_user=user)
        assert_short_refusal(done, 1, "read-only")
    finally:
        if (work / "data").exists():
            (work / "data").chmod(0o755)
        if work != tmp_path:
            shutil.rmtree(work, ignore_errors=True)


# -- doctor ---------------------------------------------------------------------------------


def test_doctor_recovers_a_damaged_file_into_a_new_one_and_keeps_the_old(tmp_path: Path) -> None:
    data = tmp_path / "data"
    for n in range(30):
        run(["log", "note", f"note {n} " + "words " * 50], tmp_path, {}, check=True)
    run(["doctor"], tmp_path, {}, check=True)
    path = data / "crampcoach.db"
    damage_page_holding(path, b"note 15 words")
    assert_short_refusal(run(["history"], tmp_path, {}), 1, "damaged")
    done = run(["doctor"], tmp_path, {}, check=True)
    assert "Recovered" in done.stdout and "damaged-" in done.stdout
    kept = [p for p in data.iterdir() if ".damaged-" in p.name and not p.name.endswith(("-wal", "-shm"))]
    assert len(kept) == 1
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    history = run(["history", "--format", "json", "--limit", "100"], tmp_path, {}, check=True)
    assert 0 < len(json.loads(history.stdout)["notes"]) <= 30
    assert run(["log", "note", "after the repair"], tmp_path, {}).returncode == 0


def test_doctor_on_a_sound_file_checkpoints_and_says_so(tmp_path: Path) -> None:
    _stored_note(tmp_path)
    done = run(["doctor"], tmp_path, {}, check=True)
    assert "sound" in done.stdout
    wal = tmp_path / "data" / "crampcoach.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0
