"""The printable handout: HTML from the template, and the PDF WeasyPrint makes of it."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET

import pytest
from pypdf import PdfReader

from crampcoach import DISCLAIMER
from crampcoach.export.html import render_html, render_pdf

from .plans import glute_plan, urgent_plan


def test_handout_has_banner_reasons_table_exercises_ladder_sources_and_disclaimer() -> None:
    plan = glute_plan()
    html = render_html(plan)
    for anchor in ('id="triage"', 'id="why"', 'id="weeks"', 'id="exercises"', 'id="ladder"',
                   'id="advice"', 'id="safety"', 'id="sources"'):
        assert anchor in html
    assert "level-self_care" in html
    assert DISCLAIMER in html
    for eid in plan.exercise_ids():
        assert f'id="ex-{eid}"' in html


def test_every_exercise_has_a_figure_and_the_ladder_is_drawn() -> None:
    html = render_html(glute_plan())
    svgs = re.findall(r"<svg.*?</svg>", html, flags=re.S)
    assert len(svgs) == len(glute_plan().exercise_ids()) + 1
    for svg in svgs:
        ET.fromstring(svg)  # well-formed
    ladder = next(s for s in svgs if "Glute bridge ladder" in s)
    assert ladder.count("<line") >= 2 + 6  # two rails and six rungs
    ids = re.findall(r'marker id="([^"]+)"', html)
    assert len(ids) == len(set(ids))


def test_page_size_follows_the_option() -> None:
    assert "size: A4" in render_html(glute_plan(), "a4")
    assert "size: letter" in render_html(glute_plan(), "letter")


def test_names_in_the_handout_are_escaped() -> None:
    html = render_html(urgent_plan())
    assert "A&amp;E" in html and "A&E" not in html.replace("A&amp;E", "")


@pytest.mark.parametrize(("page", "width", "height"), [("a4", 595, 842), ("letter", 612, 792)])
def test_pdf_has_the_pages_and_text_it_should(page: str, width: int, height: int) -> None:
    plan = glute_plan()
    reader = PdfReader(io.BytesIO(render_pdf(plan, page)))  # type: ignore[arg-type]
    assert len(reader.pages) >= 4
    box = reader.pages[0].mediabox
    assert round(float(box.width)) == width and round(float(box.height)) == height
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "Your hamstring cramp plan" in text
    assert "Self-care" in text
    assert "Bodyweight glute bridge" in text and "Barbell hip thrust" in text
    assert "The glute ladder" in text
    assert "Sources" in text
    assert " ".join(DISCLAIMER.split())[:60] in text


def test_urgent_pdf_is_one_page_of_what_to_do() -> None:
    reader = PdfReader(io.BytesIO(render_pdf(urgent_plan())))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Get medical help today" in text and "What to do now" in text
