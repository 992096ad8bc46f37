"""Progress chart as a PNG or SVG image (matplotlib, Agg); the terminal chart is the CLI's.

It draws the same summary: cramps per week (with the weeks whose load rose too fast
marked), the ladder step at the end of each week, and the shares of the three waterfalls
against the even thirds. matplotlib is imported only when an image is drawn.
"""

from __future__ import annotations

import io
import textwrap
from pathlib import Path
from typing import Any, Literal

from crampcoach import plain_words
from crampcoach.errors import InputError
from crampcoach.progress.knowledge import PARTS, Part, load_progress_knowledge
from crampcoach.progress.summary import ProgressSummary, WeekRow

ImageFormat = Literal["png", "svg"]
ChartSize = Literal["wide", "phone"]
# Inches and wrap width per size: the phone chart is drawn for a 390 px screen, not shrunk.
FIGURE_SIZES: dict[ChartSize, tuple[float, float, int]] = {"wide": (9, 7.5, 130),
                                                          "phone": (3.7, 7.0, 55)}
IMAGE_FORMATS: tuple[ImageFormat, ...] = ("png", "svg")
COLOURS: dict[Part, str] = {"low_back": "#d9a62b", "glutes": "#3a8a4f", "hamstrings": "#c8553d"}
CRAMP_COLOUR = "#1f3b57"
FLAG_COLOUR = "#d9822b"


def image_format(path: Path) -> ImageFormat:
    suffix = path.suffix.lower().lstrip(".")
    for fmt in IMAGE_FORMATS:
        if suffix == fmt:
            return fmt
    raise InputError("--out", f"'{path.name}' must end in .png or .svg")


def chart_image(summary: ProgressSummary, fmt: ImageFormat, size: ChartSize = "wide",
                own: bool = True) -> bytes:
    """The chart as PNG or SVG bytes; the same summary always gives the same SVG.

    `own` titles it "Your progress"; otherwise it carries the person's name.
    """
    import matplotlib
    from matplotlib.figure import Figure

    weeks = summary.weeks
    x = list(range(len(weeks)))
    # SVG text stays text (searchable, readable by screen readers), not outlines.
    with matplotlib.rc_context({"svg.hashsalt": "crampcoach", "svg.fonttype": "none",
                                "font.size": 9}):
        width, height, wrap = FIGURE_SIZES[size]
        fig = Figure(figsize=(width, height), layout="constrained")
        cramps_ax, ladder_ax, shares_ax = fig.subplots(3, 1, sharex=True,
                                                       height_ratios=[1.0, 0.8, 1.0])
        whose = plain_words.whose(summary.profile or "you", own or not summary.profile)
        upto = f" up to {plain_words.day(summary.as_of)}" if summary.as_of else ""
        fig.suptitle(f"{whose} progress{upto}", fontweight="bold")
        _cramps(cramps_ax, weeks, x, size)
        _ladder(ladder_ax, summary, x)
        _shares(shares_ax, weeks, x, size)
        _week_labels(shares_ax, weeks, x, 5 if size == "phone" else 12)
        # A figure label, so the constrained layout keeps it clear of the week labels.
        fig.supxlabel("\n".join(textwrap.wrap(summary.disclaimer, wrap)), fontsize=7,
                      color="#555555")
        buffer = io.BytesIO()
        metadata: dict[str, Any] = {"Date": None} if fmt == "svg" else {"Software": None}
        fig.savefig(buffer, format=fmt, dpi=110, metadata=metadata)
    return buffer.getvalue()


def write_chart(summary: ProgressSummary, path: Path) -> None:
    """Write the chart to `path`; its suffix (.png or .svg) picks the format."""
    data = chart_image(summary, image_format(path))
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise InputError("--out", f"cannot write {path}: {exc.strerror}") from None


def _legend_place(size: ChartSize) -> dict[str, Any]:
    # Beside the plot on a wide chart; above it on a phone, where width is scarce.
    if size == "phone":
        return {"loc": "lower left", "bbox_to_anchor": (0.0, 1.0), "ncols": 2}
    return {"loc": "upper left", "bbox_to_anchor": (1.0, 1.0)}


def _cramps(ax: Any, weeks: list[WeekRow], x: list[int], size: ChartSize) -> None:
    ax.bar(x, [w.cramps for w in weeks], color=CRAMP_COLOUR, label="cramps")
    top = max([w.cramps for w in weeks] + [1])
    flagged = [i for i, w in zip(x, weeks, strict=True) if w.load_flagged]
    if flagged:
        ax.scatter(flagged, [top * 1.15] * len(flagged), marker="v", color=FLAG_COLOUR,
                   label="load rose faster\nthan the rule allows", zorder=3)
    ax.set_ylabel("cramps per week")
    ax.set_ylim(0, top * 1.3)
    ax.yaxis.get_major_locator().set_params(integer=True)
    if not weeks:
        ax.text(0.5, 0.5, "Nothing logged yet", ha="center", va="center",
                transform=ax.transAxes)
    ax.legend(fontsize=7, frameon=False, **_legend_place(size))


def _ladder(ax: Any, summary: ProgressSummary, x: list[int]) -> None:
    steps = [w.ladder_step for w in summary.weeks]
    if summary.ladder is not None and any(s is not None for s in steps):
        # Markers too, so a single week's step shows as a point.
        ax.step(x, [float("nan") if s is None else s for s in steps], where="mid",
                color=COLOURS["glutes"], linewidth=2, marker="o", markersize=5)
        ax.set_ylim(0.5, summary.ladder.steps + 0.5)
        ax.set_yticks(range(1, summary.ladder.steps + 1))
    else:
        ax.text(0.5, 0.5, "No ladder work in the plan", ha="center", va="center",
                transform=ax.transAxes)
        ax.set_yticks([])
    ax.set_ylabel("ladder step")


def _shares(ax: Any, weeks: list[WeekRow], x: list[int], size: ChartSize) -> None:
    names = load_progress_knowledge().waterfalls.parts
    bottom = [0.0] * len(weeks)
    for part in PARTS:
        heights = [w.shares.of(part) if w.shares is not None else 0.0 for w in weeks]
        ax.bar(x, heights, bottom=bottom, color=COLOURS[part], label=names[part].name)
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    for third in (1 / 3, 2 / 3):
        ax.axhline(third, color="#333333", linestyle="--", linewidth=0.8)
    ax.set_ylim(0, 1)
    ax.set_yticks([0, 1 / 3, 2 / 3, 1], ["0", "⅓", "⅔", "1"])
    ax.set_ylabel("work felt in bridges")
    ax.legend(fontsize=7, frameon=False, **_legend_place(size),
              reverse=True)  # top to bottom, as the bars are stacked


def _week_labels(ax: Any, weeks: list[WeekRow], x: list[int], most: int) -> None:
    every = max(1, len(weeks) // most + (1 if len(weeks) % most else 0))
    shown = x[::every]
    ax.set_xticks(shown, [plain_words.day(weeks[i].monday) for i in shown], rotation=45, ha="right")
