"""The inline SVG figures are well-formed and cover every pose."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from crampcoach.export.figures import POSES, exercise_svg, ladder_svg

from .plans import glute_plan


def test_every_pose_draws_a_well_formed_svg_with_a_title() -> None:
    for name in POSES:
        svg = ET.fromstring(exercise_svg(name, f"{name} <pose>", name))
        title = svg.find("{http://www.w3.org/2000/svg}title")
        assert title is not None and title.text == f"{name} <pose>"


def test_the_ladder_marks_blocked_rungs_and_the_starting_rung() -> None:
    ladder = glute_plan().ladder
    assert ladder is not None
    blocked = ladder.model_copy(update={"rungs": [
        r.model_copy(update={"blocked": r.step >= 3}) for r in ladder.rungs]})
    svg = ladder_svg(blocked)
    ET.fromstring(svg)
    assert svg.count("stroke-dasharray") == 4
    assert svg.count("not until cleared") == 4
    assert "from week 1" in svg
