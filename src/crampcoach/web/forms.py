"""Reading HTML form posts: the CSRF check first, then strict fields (unknown ones refused)."""

from __future__ import annotations

from collections.abc import Collection
from typing import Literal

from starlette.datastructures import FormData
from starlette.requests import Request

from crampcoach.errors import InputError
from crampcoach.reading import parse_duration
from crampcoach.web.context import web_context
from crampcoach.web.cookies import CSRF_FIELD, csrf_ok

MAX_FIELD_LENGTH = 10_000


class CsrfRejected(Exception):
    """The form did not carry the token of our own page (expired, or posted from elsewhere)."""


async def read_form(request: Request) -> FormData:
    form = await request.form(max_files=0, max_fields=400, max_part_size=64 * 1024)
    token = form.get(CSRF_FIELD)
    if not isinstance(token, str) or not csrf_ok(request, web_context(request).signer, token):
        raise CsrfRejected()
    return form


def single_fields(form: FormData, allowed: Collection[str],
                  repeatable: Collection[str] = (), prefixes: Collection[str] = ()
                  ) -> dict[str, str]:
    """The form's fields as text, refusing unknown names, files and repeats."""
    values: dict[str, str] = {}
    for key, value in form.multi_items():
        if key == CSRF_FIELD or key in repeatable:
            continue
        if key not in allowed and not any(key.startswith(p) for p in prefixes):
            raise InputError(key, "is not a field of this form")
        if not isinstance(value, str):
            raise InputError(key, "must be text, not a file")
        if key in values:
            raise InputError(key, "was given twice")
        if len(value) > MAX_FIELD_LENGTH:
            raise InputError(key, f"is longer than {MAX_FIELD_LENGTH} characters")
        values[key] = value
    return values


def repeated(form: FormData, name: str) -> list[str]:
    found = []
    for value in form.getlist(name):
        if not isinstance(value, str):
            raise InputError(name, "must be text, not a file")
        found.append(value)
    return found


def optional_int(values: dict[str, str], name: str) -> int | None:
    raw = values.get(name, "").strip()
    if not raw:
        return None
    try:
        return int(raw)
    except ValueError:
        raise InputError(name, f"must be a whole number, got {raw!r}") from None


def optional_duration(values: dict[str, str], name: str,
                      unit: Literal["s", "min"]) -> int | None:
    """A length of time as people type it ("40s", "2 min", "1:30"); empty is none given."""
    raw = values.get(name, "").strip()
    return parse_duration(raw, name, unit=unit) if raw else None


def optional_text(values: dict[str, str], name: str) -> str | None:
    raw = values.get(name, "").strip()
    return raw or None
