"""Rendering pages: the Jinja2 environment and what every page gets (disclaimer, CSRF, nav)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from fastapi.templating import Jinja2Templates
from starlette.requests import Request
from starlette.responses import HTMLResponse

from crampcoach import DISCLAIMER, __version__, plain_words
from crampcoach.export.handout import amount_text, dose_text, short_dose, volume_line
from crampcoach.knowledge import load_knowledge
from crampcoach.web.auth import page_viewer
from crampcoach.web.context import web_context
from crampcoach.web.cookies import CSRF_FIELD, csrf_seed, csrf_token, set_csrf_cookie

TEMPLATES_DIR = Path(__file__).parent / "templates"

LEVEL_CLASS = {
    "self_care": "level-self-care",
    "see_physio": "level-see-physio",
    "see_doctor": "level-see-doctor",
    "urgent": "level-urgent",
}
ANSWER_WORD = {True: "Yes", False: "No", None: "Don't know"}


def source_label(seed: str) -> str:
    """A seed article as a reader can find it: its title, author, site and date."""
    return plain_words.source(seed)


def make_templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=jinja2.select_autoescape(default=True, default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["percent"] = plain_words.percent
    env.filters["seconds"] = plain_words.seconds
    env.filters["level_class"] = lambda level: LEVEL_CLASS[level]
    env.filters["answer_word"] = lambda value: ANSWER_WORD[value]
    env.filters["dose"] = dose_text
    env.filters["short_dose"] = short_dose
    env.filters["amount"] = amount_text
    env.filters["volume_line"] = volume_line
    env.globals["source_label"] = source_label
    env.filters["source_name"] = plain_words.short_source
    env.filters["source_names"] = plain_words.short_sources
    env.filters["grade_words"] = plain_words.grade
    env.filters["day"] = plain_words.day
    env.filters["iso_week"] = plain_words.iso_week
    return Jinja2Templates(env=env)


def render(request: Request, name: str, context: dict[str, Any] | None = None,
           status_code: int = 200) -> HTMLResponse:
    """A page with the shared context; sets the CSRF cookie on a browser's first visit."""
    ctx = web_context(request)
    seed, fresh = csrf_seed(request)
    full: dict[str, Any] = {
        "disclaimer": DISCLAIMER,
        "version": __version__,
        "viewer": page_viewer(request),
        "multi_user": ctx.settings.multi_user,
        "signup_open": ctx.settings.signup,
        "csrf_field": CSRF_FIELD,
        "csrf_token": csrf_token(ctx.signer, seed),
        "kb": load_knowledge(),
        **(context or {}),
    }
    response = ctx.templates.TemplateResponse(request, name, full, status_code=status_code)
    if fresh:
        set_csrf_cookie(response, request, seed)
    return response
