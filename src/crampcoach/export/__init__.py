"""Exports of a plan: text, JSON, Markdown, an HTML/PDF handout, a calendar and FHIR R4."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Literal, get_args

from crampcoach.errors import InputError, suggest
from crampcoach.plan.models import Plan

Format = Literal["text", "json", "md", "html", "pdf", "ics", "fhir"]
FORMATS: tuple[str, ...] = get_args(Format)
PAGES: tuple[str, ...] = ("a4", "letter")
BINARY: frozenset[str] = frozenset({"pdf", "ics"})


def render(plan: Plan, fmt: str, *, page: str = "a4", now: datetime | None = None) -> bytes | str:
    """The plan in `fmt`: bytes for pdf and ics, text for the rest.

    `page` (a4 or letter) sizes the html and pdf handout; `now` stamps ics and fhir (default:
    the current time).
    """
    if fmt not in FORMATS:
        raise InputError("--format", f"unknown format '{fmt}'{suggest(fmt, FORMATS)}; "
                         f"choose one of {', '.join(FORMATS)}")
    if page not in PAGES:
        raise InputError("--page", f"unknown page size '{page}'{suggest(page, PAGES)}; "
                         "choose a4 or letter")
    size: Literal["a4", "letter"] = "letter" if page == "letter" else "a4"
    if fmt == "json":
        return json.dumps(plan.to_contract(), indent=2, ensure_ascii=False) + "\n"
    if fmt == "text":
        from crampcoach.export.text import render_text

        return render_text(plan)
    if fmt == "md":
        from crampcoach.export.markdown import render_markdown

        return render_markdown(plan)
    if fmt == "html":
        from crampcoach.export.html import render_html

        return render_html(plan, size)
    if fmt == "pdf":
        from crampcoach.export.html import render_pdf

        return render_pdf(plan, size)
    if fmt == "ics":
        from crampcoach.export.calendar import render_ics

        return render_ics(plan, now=now)
    from crampcoach.export.fhir import render_fhir

    return json.dumps(render_fhir(plan, now=now), indent=2, ensure_ascii=False) + "\n"


__all__ = ["BINARY", "FORMATS", "PAGES", "Format", "render"]
