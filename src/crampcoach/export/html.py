"""The printable handout: HTML from one Jinja2 template, and the same page as a PDF."""

from __future__ import annotations

import contextlib
import ctypes.util
import functools
import logging
from collections.abc import Iterator
from typing import Any, Literal

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from crampcoach import plain_words
from crampcoach.export.figures import exercise_svg, ladder_svg
from crampcoach.export.handout import GRADE_WORDS, amount_text, dose_text, handout, volume_line
from crampcoach.plan.loader import load_plan_knowledge
from crampcoach.plan.models import Plan

PageSize = Literal["a4", "letter"]
PAGE_SIZES: dict[str, str] = {"a4": "A4", "letter": "letter"}


@functools.cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("crampcoach.export", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(plan: Plan, page: PageSize = "a4") -> str:
    pk = load_plan_knowledge()
    view = handout(plan)
    # The SVG is drawn by our own code from fixed coordinates and escaped names, so it is safe
    # to mark as markup.
    figures = {card.id: Markup(exercise_svg(card.figure, card.name, card.id))
               for card in view.cards}
    return _environment().get_template("handout.html.j2").render(
        h=view,
        page_size=PAGE_SIZES[page],
        figures=figures,
        ladder_svg=Markup(ladder_svg(plan.ladder)) if plan.ladder else "",
        phase_names={name: spec.name for name, spec in pk.phases.phases.items()},
        grade_words=GRADE_WORDS,
        source_names=plain_words.short_sources,
        percent=plain_words.percent,
        dose_text=dose_text,
        amount_text=amount_text,
        volume_line=volume_line,
    )


@contextlib.contextmanager
def _native_libraries_looked_up_in_the_linker_cache() -> Iterator[None]:
    """WeasyPrint tries up to six names for each native library it loads. On Linux, ctypes
    looks up a name that is not in the linker cache again by running gcc and ld, about 12 ms
    a name and a quarter of a second in all, at every cold start. While it loads, the linker
    cache's answer is taken as final; where ctypes has no such lookup, nothing changes."""
    cache_only = getattr(ctypes.util, "_findSoname_ldconfig", None)
    if cache_only is None or cache_only("c") is None:  # no linker cache here
        yield
        return
    usual = ctypes.util.find_library
    ctypes.util.find_library = cache_only
    try:
        yield
    finally:
        ctypes.util.find_library = usual


@functools.cache
def _pdf_engine() -> tuple[Any, Any]:
    """WeasyPrint's font configuration, made once per process and reused by every PDF."""
    with _native_libraries_looked_up_in_the_linker_cache():
        import weasyprint  # heavy: loaded only when a PDF is asked for
    from weasyprint.text.fonts import FontConfiguration

    # WeasyPrint logs every CSS property it does not support; the handout does not need them.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    return weasyprint, FontConfiguration()


def render_pdf(plan: Plan, page: PageSize = "a4") -> bytes:
    """The handout as a PDF, with only the glyphs it uses embedded (font subsetting).

    Blocking and CPU-bound: the web app calls it from a worker thread, never on the event loop.
    """
    weasyprint, fonts = _pdf_engine()
    document = weasyprint.HTML(string=render_html(plan, page))
    pdf: bytes = document.write_pdf(font_config=fonts, full_fonts=False)
    return pdf
