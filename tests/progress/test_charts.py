"""The progress chart as PNG or SVG, and the compact text chart for the terminal."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from rich.console import Console

from crampcoach import DISCLAIMER
from crampcoach.cli.charts import text_chart
from crampcoach.errors import InputError
from crampcoach.progress.charts import chart_image, write_chart
from crampcoach.progress.summary import ProgressContext, ProgressSummary, progress_summary

from .samples import cramp, item, session

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def summary() -> ProgressSummary:
    split = (3, 2, 5)
    log = [session(0, item(felt=split)), session(9, item(felt=split)),
           session(10, item(felt=split, sets=6)), session(16, item(felt=(3, 3, 4)))]
    return progress_summary(log, [cramp(1), cramp(9), cramp(10)], ProgressContext(profile="me"))


def render(table: object, width: int = 120) -> str:
    console = Console(width=width, record=True, file=None, color_system=None)
    console.print(table)
    return console.export_text()


def test_png_and_svg_are_written_by_the_file_suffix(tmp_path: Path) -> None:
    png, svg = tmp_path / "progress.png", tmp_path / "progress.SVG"
    write_chart(summary(), png)
    write_chart(summary(), svg)
    assert png.read_bytes().startswith(PNG_MAGIC)
    root = ET.fromstring(svg.read_bytes())
    assert root.tag.endswith("svg")
    text = " ".join(t for t in root.itertext())
    assert "cramps per week" in text and "ladder step" in text and "11 Mar 2024" in text


def test_the_same_summary_draws_the_same_svg() -> None:
    assert chart_image(summary(), "svg") == chart_image(summary(), "svg")


def test_the_chart_carries_the_disclaimer() -> None:
    text = " ".join(ET.fromstring(chart_image(summary(), "svg")).itertext())
    assert " ".join(DISCLAIMER.split()[:6]) in " ".join(text.split())


def test_an_empty_log_still_draws_a_chart() -> None:
    empty = progress_summary([], [])
    assert chart_image(empty, "png").startswith(PNG_MAGIC)
    assert "Nothing logged yet" in " ".join(ET.fromstring(chart_image(empty, "svg")).itertext())


@pytest.mark.parametrize("name", ["progress.pdf", "progress", "progress.png.txt"])
def test_a_file_that_is_not_png_or_svg_is_bad_input(tmp_path: Path, name: str) -> None:
    with pytest.raises(InputError, match=r"^--out: .* must end in \.png or \.svg"):
        write_chart(summary(), tmp_path / name)
    assert not (tmp_path / name).exists()


def test_text_chart_shows_each_week_cramps_step_split_and_load_flag() -> None:
    text = render(text_chart(summary()))
    lines = {" ".join(line.split()[:3]): line for line in text.splitlines()
             if line.endswith(("%", "—", "⚠")) and "Mar 2024" in line}
    assert list(lines) == ["4 Mar 2024", "11 Mar 2024", "18 Mar 2024"]
    assert "▇ 1" in lines["4 Mar 2024"] and "▇▇ 2" in lines["11 Mar 2024"]
    assert "30/20/50" in lines["4 Mar 2024"]
    assert "⚠" in lines["11 Mar 2024"] and "⚠" not in lines["4 Mar 2024"]
    assert "load rose more than" in text  # the mark is used, so it is explained
    assert "low back" in text and "more than 10%" in text


def test_text_chart_shows_only_the_latest_weeks() -> None:
    text = render(text_chart(summary(), last_weeks=1))
    assert "18 Mar 2024" in text and "4 Mar 2024" not in text
