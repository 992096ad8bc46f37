"""The progress chart in the terminal: a compact Rich table of the latest weeks.

A shape per part as well as a colour, so it reads without colour too.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from crampcoach import plain_words
from crampcoach.progress.knowledge import PARTS, Part, load_progress_knowledge
from crampcoach.progress.summary import ProgressSummary, WeekRow

MARKS: dict[Part, tuple[str, str]] = {"low_back": ("▒", "yellow"), "glutes": ("█", "green"),
                                      "hamstrings": ("░", "red")}
SHARE_WIDTH = 15
STEP_MARKS = "▁▂▃▄▅▆▇█"
MAX_CRAMP_MARKS = 8

def _share_bar(row: WeekRow) -> Text:
    if row.shares is None:
        return Text("·" * SHARE_WIDTH, style="dim")
    text = Text()
    used = 0
    for index, part in enumerate(PARTS):
        width = (SHARE_WIDTH - used if index == len(PARTS) - 1
                 else round(row.shares.of(part) * SHARE_WIDTH))
        mark, colour = MARKS[part]
        text.append(mark * max(0, width), style=colour)
        used += width
    text.append(" " + "/".join(f"{row.shares.of(p):.0%}".rstrip("%") for p in PARTS))
    return text


def _load(row: WeekRow) -> Text:
    changes = [c for c in (row.reps_change, row.lifted_change) if c is not None]
    if not changes:
        return Text("—", style="dim")
    rise = max(changes)
    return Text(f"{rise:+.0%}" + (" ⚠" if row.load_flagged else ""),
                style="bold yellow" if row.load_flagged else "")


def text_chart(summary: ProgressSummary, last_weeks: int = 12) -> Table:
    """The latest weeks as a compact table: cramps, ladder step, the split, load change."""
    names = load_progress_knowledge().waterfalls.parts
    legend = "  ".join(f"{MARKS[p][0]} {names[p].name}" for p in PARTS)
    shown = summary.weeks[-last_weeks:]
    caption = f"Work felt: {legend} (per cent)"
    if any(row.load_flagged for row in shown):  # the mark is explained only when it is used
        caption += (f"   ⚠ load rose more than {summary.max_weekly_increase:.0%} "
                    "on the week before")
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold",
                  caption=caption, caption_justify="left")
    table.add_column("Week of", no_wrap=True)
    table.add_column("Cramps", no_wrap=True)
    table.add_column("Step", no_wrap=True)
    table.add_column("Work felt: back/glutes/hams", no_wrap=True)
    table.add_column("Load", no_wrap=True, justify="right")
    for row in shown:
        cramps = Text("▇" * min(row.cramps, MAX_CRAMP_MARKS)
                      + ("+" if row.cramps > MAX_CRAMP_MARKS else ""), style="red")
        cramps.append(f" {row.cramps}")
        step = ("—" if row.ladder_step is None
                else f"{row.ladder_step} {STEP_MARKS[min(row.ladder_step, len(STEP_MARKS)) - 1]}")
        table.add_row(plain_words.day(row.monday), cramps, step, _share_bar(row), _load(row))
    return table
