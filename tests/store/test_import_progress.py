"""`crampcoach import` draws a progress bar on stderr while a large file is read, checked and
written, only when stderr is a terminal: piped, it prints no bar and still imports."""

from __future__ import annotations

import datetime as dt
import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crampcoach.store import database, log, people, transfer

from .samples import note_record

NOTES = 1500
BAR = "━"  # the bar Rich draws


def large_export(tmp_path: Path) -> Path:
    """An export file of one person with many notes, made through the store itself."""
    with database.transaction() as session:
        person = people.ensure(session, "me")
        for n in range(NOTES):
            log.add_note(session, person, note_record(dt.date(2020, 1, 1) + dt.timedelta(days=n % 1000),
                                                      f"note {n}"))
    with database.reading() as session:
        document = transfer.export_person(session, people.require(session, "me"))
    path = tmp_path / "large.json"
    path.write_text(transfer.export_json(document), encoding="utf-8")
    return path


def stored_notes(name: str) -> int:
    with database.reading() as session:
        person = people.find(session, name)
        return 0 if person is None else len(log.notes_between(session, person))


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "crampcoach", *args]


def test_a_piped_import_prints_no_progress_bar_and_still_imports(
        configured: str, tmp_path: Path) -> None:
    file = large_export(tmp_path)
    done = subprocess.run(command("import", str(file), "--as", "copy"), capture_output=True,
                          text=True, timeout=120, env=os.environ.copy())
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # no bar, no spinner, no escape codes
    assert f"{NOTES} notes" in " ".join(done.stdout.split())
    assert stored_notes("copy") == NOTES


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_an_import_on_a_terminal_shows_a_progress_bar(configured: str, tmp_path: Path) -> None:
    import pty

    file = large_export(tmp_path)
    controller, terminal = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100"}
    env.pop("NO_COLOR", None)
    # stderr alone is the terminal: the bar belongs there, the summary on stdout.
    process = subprocess.Popen(command("import", str(file), "--as", "copy"), stdout=subprocess.PIPE,
                               stderr=terminal, env=env)
    os.close(terminal)
    shown = b""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([controller], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the terminal closed: the command has ended
                break
            if not chunk:
                break
            shown += chunk
        elif process.poll() is not None:
            break
    os.close(controller)
    out, _ = process.communicate(timeout=30)
    assert process.returncode == 0, shown.decode(errors="replace")
    screen = shown.decode("utf-8", errors="replace")
    assert BAR in screen and "Writing the new records" in screen
    assert f"{NOTES}/{NOTES}" in screen          # the bar counted every new note
    assert f"{NOTES} notes" in " ".join(out.decode().split())
    assert stored_notes("copy") == NOTES
