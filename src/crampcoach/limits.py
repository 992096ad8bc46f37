"""Bounds on everything that comes in: days, files, and how deeply documents nest.

A far-future day overflows date arithmetic, a FIFO given as a file blocks a read forever,
/dev/zero never ends, and a document nested 200,000 deep exhausts the stack. Each of these
is refused here with a line saying what to give instead.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path
from typing import Any

from crampcoach.errors import InputError

EARLIEST_DAY = dt.date(1900, 1, 1)
LATEST_DAY = dt.date(2200, 12, 31)
# The largest file read: an export of years of daily logs is a few megabytes.
MAX_FILE_BYTES = 32 * 1024 * 1024
# Case files and exports nest five or six levels; anything far deeper is not one of ours.
MAX_NESTING = 64
# Values in one document: a YAML alias bomb expands past this long before memory runs out.
MAX_NODES = 5_000_000
# The largest value of the integer columns (32-bit signed on both databases).
MAX_COLUMN_INT = 2_147_483_647


def day_in_range(day: dt.date) -> dt.date:
    """For validators: a day from 1900 to 2200 (ValueError otherwise)."""
    if not EARLIEST_DAY <= day <= LATEST_DAY:
        raise ValueError(f"must be from {EARLIEST_DAY.isoformat()} to {LATEST_DAY.isoformat()}")
    return day


def check_day(day: dt.date, field: str) -> dt.date:
    try:
        return day_in_range(day)
    except ValueError as exc:
        raise InputError(field, f"{day.isoformat()} {exc}") from None


def read_text(path: Path, field: str, max_bytes: int = MAX_FILE_BYTES) -> str:
    """A UTF-8 text file, read only if it is a regular file and not larger than `max_bytes`."""
    try:
        # O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise InputError(field, f"file not found: {path}") from None
    except IsADirectoryError:
        raise InputError(field, f"{path} is a folder; give a file") from None
    except OSError as exc:
        raise InputError(field, f"cannot read {path}: {exc.strerror}") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(field, f"{path} is a folder; give a file")
        raise InputError(field, f"{path} is not a regular file (a pipe or a device); "
                                "give a file")
    with os.fdopen(fd, "rb") as handle:
        try:
            data = handle.read(max_bytes + 1)
        except OSError as exc:
            raise InputError(field, f"cannot read {path}: {exc.strerror}") from None
    if len(data) > max_bytes:
        raise InputError(field, f"{path} is larger than {max_bytes // (1024 * 1024)} MB")
    if b"\x00" in data:
        raise InputError(field, f"{path} is not a text file (it holds NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(field, f"{path} is not UTF-8 text") from None


def nesting_depth(document: Any, limit: int = MAX_NESTING) -> int:
    """How deeply lists and objects nest (counting stops once past `limit`, or when a YAML
    document's aliases make it larger than any real one)."""
    deepest = visited = 0
    stack: list[tuple[Any, int]] = [(document, 1)]
    while stack:
        item, depth = stack.pop()
        visited += 1
        if visited > MAX_NODES:
            return limit + 1
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list | tuple):
            children = item
        else:
            continue
        deepest = max(deepest, depth)
        if deepest > limit:
            return deepest
        stack.extend((child, depth + 1) for child in children)
    return deepest


def check_nesting(document: Any, field: str, limit: int = MAX_NESTING) -> Any:
    if nesting_depth(document, limit) > limit:
        raise InputError(field, f"nested more than {limit} levels deep, or far too large; this is not a "
                                "crampcoach document")
    return document


def bracket_depth(text: str) -> int:
    """The deepest run of [ and { in the text, strings aside: checked before parsing, so a
    document nested 200,000 deep is refused without recursing into it."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
        elif char in "]}":
            depth -= 1
    return deepest


def loads_json(text: str | bytes, field: str, limit: int = MAX_NESTING) -> Any:
    """json.loads with the nesting bound; JSONDecodeError passes through for the caller."""
    try:
        # The C decoder stops cleanly at the interpreter's recursion limit.
        document = json.loads(text)
    except RecursionError:
        raise InputError(field, f"nested more than {limit} levels deep, or far too large; this is not a "
                                "crampcoach document") from None
    return check_nesting(document, field, limit)


def loads_yaml(text: str, field: str, limit: int = MAX_NESTING) -> Any:
    """yaml.safe_load with the nesting bound (flow style is checked before parsing)."""
    import yaml

    if _may_nest_deeply(text, limit) and bracket_depth(text.replace("'", '"')) > limit:
        raise InputError(field, f"nested more than {limit} levels deep, or far too large; this is not a "
                                "crampcoach document")
    try:
        document = yaml.safe_load(text)
    except RecursionError:
        raise InputError(field, "nested too deeply; this is not a crampcoach document") from None
    return check_nesting(document, field, limit)


def _may_nest_deeply(text: str, limit: int) -> bool:
    # Cheap first look: fewer opening brackets than the limit cannot nest past it.
    return text.count("[") + text.count("{") > limit
