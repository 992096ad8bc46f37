"""Folders and zips of export files, and the limits that keep a bad upload harmless."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest

from crampcoach.errors import InputError
from crampcoach.training.files import MB, collect, unpack
from crampcoach.training.knowledge import load_training_knowledge

from .exports import Workout, fit_bytes, gpx_text

START = dt.datetime(2025, 6, 1, 6, 0, tzinfo=dt.UTC)


def season(folder: Path, days: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for day in range(days):
        path = folder / f"run-{day:03d}.fit"
        path.write_bytes(fit_bytes([Workout(START + dt.timedelta(days=day), 40, 8)]))
        paths.append(path)
    return paths


def test_a_folder_is_searched_through_for_activity_files(tmp_path: Path) -> None:
    season(tmp_path / "export" / "2025", 3)
    (tmp_path / "export" / "track.gpx").write_text(gpx_text(Workout(START, 30, 5)))
    (tmp_path / "export" / "readme.txt").write_text("not an activity")
    found = collect([tmp_path / "export"])
    assert sorted(Path(f.name).name for f in found) == [
        "run-000.fit", "run-001.fit", "run-002.fit", "track.gpx"]


def test_a_zip_is_unpacked_member_by_member(tmp_path: Path) -> None:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in season(tmp_path / "runs", 2):
            zf.write(path, f"activities/{path.name}")
        zf.writestr("activities/notes.txt", "skipped")
    found = collect([archive])
    assert [f.name for f in found] == [f"{archive}:activities/run-000.fit",
                                       f"{archive}:activities/run-001.fit"]
    assert unpack("export.zip", archive.read_bytes())[0].data == found[0].data


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("huge.csv", b"0" * (20 * MB))  # packs to about 20 kB
    with pytest.raises(InputError, match="zip bomb"):
        unpack("bomb.zip", buffer.getvalue())


def test_a_zip_that_unpacks_beyond_the_limit_is_refused(tmp_path: Path) -> None:
    limits = load_training_knowledge().limits
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as zf:
        info = zipfile.ZipInfo("big.fit")
        zf.writestr(info, b"x")
    # Rewrite the central directory's size field, as a crafted archive would.
    raw = bytearray(buffer.getvalue())
    central = raw.rfind(b"PK\x01\x02")
    claimed = int(limits.max_unpacked_mb * MB) + 1
    raw[central + 24:central + 28] = claimed.to_bytes(4, "little")
    with pytest.raises(InputError, match="unpacks to"):
        unpack("crafted.zip", bytes(raw))


def test_a_huge_file_is_refused_without_being_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.fit"
    with huge.open("wb") as handle:
        handle.truncate(1024 * MB)  # a sparse 1 GB file: nothing is written to disk
    with pytest.raises(InputError) as caught:
        collect([huge])
    assert "1.0 GB" in str(caught.value) and "\n" not in str(caught.value)


def test_too_many_zip_members_are_refused() -> None:
    limits = load_training_knowledge().limits
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for index in range(limits.max_zip_members + 1):
            zf.writestr(f"{index}.txt", b"")
    with pytest.raises(InputError, match="entries"):
        unpack("many.zip", buffer.getvalue())


def test_a_missing_path_and_an_empty_folder_are_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        collect([tmp_path / "nowhere.fit"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match=r"no \.fit"):
        collect([tmp_path / "empty"])
