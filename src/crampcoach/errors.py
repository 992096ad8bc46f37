"""The one error type for bad input: it names the field and says what is wrong.

The CLI prints it as a single line and exits 2; the API answers 422 with it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from pydantic import ValidationError
from pydantic_core import ErrorDetails


class InputError(ValueError):
    """Bad input from a person or a program, reported as `field: message`."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}" if field else message)


def suggest(word: str, choices: Iterable[str]) -> str:
    """A ' (did you mean ...?)' hint for a misspelt id, or ''."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.75)
    return f" (did you mean '{close[0]}'?)" if close else ""


# Pydantic's range errors in plain words: its error type -> (the bound said, its ctx key).
_BOUNDS = {
    "less_than_equal": ("at most", "le"),
    "greater_than_equal": ("at least", "ge"),
    "less_than": ("less than", "lt"),
    "greater_than": ("more than", "gt"),
}


def bound_message(detail: ErrorDetails) -> str | None:
    """"must be at most 1440, not 2000" for one of pydantic's range errors, else None."""
    bound = _BOUNDS.get(detail["type"])
    context = detail.get("ctx") or {}
    if bound is None or bound[1] not in context:
        return None
    return f"must be {bound[0]} {context[bound[1]]}, not {detail['input']}"


def from_validation_error(error: ValidationError, prefix: str = "") -> InputError:
    """Turn pydantic's multi-line report into one line naming the first bad field."""
    first = error.errors()[0]
    loc = ".".join(str(part) for part in first["loc"])
    field = f"{prefix}.{loc}" if prefix and loc else (prefix or loc)
    message = bound_message(first) or first["msg"]
    more = len(error.errors()) - 1
    if more:
        message += f" (and {more} more problem{'s' if more > 1 else ''})"
    return InputError(field or "input", message)


def whole_number(text: str, field: str, low: int, high: int) -> int:
    """Read an integer option or setting within [low, high], or say which field is wrong."""
    try:
        value = int(text)
    except ValueError:
        raise InputError(field, f"'{text}' is not a whole number") from None
    if not low <= value <= high:
        raise InputError(field, f"must be from {low} to {high}, not {value}")
    return value


def refuse_control_characters(text: str) -> str:
    """Text that is stored: no NUL or other control characters (tabs and newlines are fine).

    PostgreSQL refuses NUL in text outright, and the others only hide things from readers.
    """
    for char in text:
        if (char < " " and char not in "\t\n\r") or char == "\x7f":
            raise ValueError(f"contains a control character (code {ord(char)}); remove it")
    return text
