"""Find the export files to read: single files, folders (searched through) and zip archives.

Limits keep a bad upload from eating the machine: a file over the size limit is refused
before it is read, and a zip is checked member by member before anything is unpacked (too
many members, too much unpacked, or a member that expands far beyond its packed size — a
zip bomb). Members are also read with a cap, as a zip's own size fields can lie.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from crampcoach.errors import InputError
from crampcoach.training.knowledge import Limits, TrainingKnowledge, load_training_knowledge
from crampcoach.training.readers import source_of

MB = 1024 * 1024


@dataclass(frozen=True)
class ExportFile:
    """One export file to read: the name shown in messages and its bytes."""

    name: str
    data: bytes


def _size_words(size: int) -> str:
    if size >= 1024 * MB:
        return f"{size / (1024 * MB):.1f} GB"
    return f"{size / MB:.1f} MB"


def _too_big(name: str, size: int, limits: Limits) -> InputError:
    return InputError(name, f"the file is {_size_words(size)}; an activity export is at most "
                            f"{limits.max_file_mb:g} MB")


def collect(paths: Sequence[Path], knowledge: TrainingKnowledge | None = None
            ) -> list[ExportFile]:
    """Every activity file named, found in a named folder, or inside a named zip, read."""
    limits = (knowledge or load_training_knowledge()).limits
    found: list[ExportFile] = []
    for path in paths:
        if path.is_dir():
            members = sorted(p for p in path.rglob("*") if p.is_file() and _wanted(p.name))
            if not members:
                raise InputError(str(path), "no .fit, .gpx, .tcx, .csv or .zip files in this folder")
            for member in members:
                found.extend(_files_of(member, limits))
        elif path.is_file():
            if not _wanted(path.name):
                raise InputError(str(path), "not an activity file: use .fit, .gpx, .tcx, .csv, "
                                            "a .zip of them, or a folder")
            found.extend(_files_of(path, limits))
        else:
            raise InputError(str(path), "no such file or folder")
    return found


def _wanted(name: str) -> bool:
    return source_of(name) is not None or name.lower().endswith(".zip")


def _files_of(path: Path, limits: Limits) -> Iterator[ExportFile]:
    size = path.stat().st_size
    if size > limits.max_file_mb * MB:
        raise _too_big(str(path), size, limits)
    if path.name.lower().endswith(".zip"):
        yield from _zip_members(path, limits)
        return
    try:
        yield ExportFile(str(path), path.read_bytes())
    except OSError as exc:
        raise InputError(str(path), f"cannot read the file: {exc.strerror}") from None


def unpack(name: str, data: bytes, knowledge: TrainingKnowledge | None = None
           ) -> list[ExportFile]:
    """An uploaded file: itself, or the activity files inside it when it is a zip."""
    limits = (knowledge or load_training_knowledge()).limits
    if len(data) > limits.max_file_mb * MB:
        raise _too_big(name, len(data), limits)
    if name.lower().endswith(".zip"):
        return list(_zip_members(io.BytesIO(data), limits, name))
    if source_of(name) is None:
        raise InputError(name, "not an activity file: use .fit, .gpx, .tcx, .csv or a .zip of them")
    return [ExportFile(name, data)]


def _zip_members(path: Path | IO[bytes], limits: Limits, name: str | None = None
                 ) -> Iterator[ExportFile]:
    name = name or str(path)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise InputError(name, "not a readable zip archive") from None
    with archive:
        members = [m for m in archive.infolist()
                   if not m.is_dir() and source_of(m.filename) is not None]
        if len(archive.infolist()) > limits.max_zip_members:
            raise InputError(name, f"the zip holds {len(archive.infolist())} entries; at most "
                                   f"{limits.max_zip_members} are read")
        unpacked = sum(m.file_size for m in members)
        if unpacked > limits.max_unpacked_mb * MB:
            raise InputError(name, f"the zip unpacks to {_size_words(unpacked)}; at most "
                                   f"{limits.max_unpacked_mb:g} MB are read")
        for member in members:
            where = f"{name}:{member.filename}"
            ratio = member.file_size / max(member.compress_size, 1)
            if ratio > limits.max_compression_ratio:
                raise InputError(where, f"expands {ratio:.0f} times its packed size, which looks "
                                        "like a zip bomb; nothing was read")
            if member.file_size > limits.max_file_mb * MB:
                raise _too_big(where, member.file_size, limits)
            cap = int(limits.max_file_mb * MB)
            try:
                with archive.open(member) as handle:
                    data = handle.read(cap + 1)
            except (zipfile.BadZipFile, OSError, EOFError, RuntimeError) as exc:
                raise InputError(where, f"cannot unpack this member ({exc})") from None
            if len(data) > cap:  # the size in the zip's directory was a lie
                raise _too_big(where, len(data), limits)
            yield ExportFile(where, data)
