"""The `progress` command (added to the CLI by `register`).

The database, matplotlib and Rich are imported inside the command, so registering it costs
nothing for the other commands.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from crampcoach import plain_words
from crampcoach.errors import InputError
from crampcoach.reading import parse_day
from crampcoach.settings import Settings

if TYPE_CHECKING:
    from rich.console import Console

    from crampcoach.progress.summary import ProgressSummary

FORMATS = ("text", "json")
LEVEL_STYLE = {"self_care": "green", "see_physio": "yellow", "see_doctor": "dark_orange3",
               "urgent": "bold white on red"}
SHOWN_LOAD_FLAGS = 3
MOVE_WORDS = {"up": "move up", "down": "go back a step", "hold": "stay on this step",
              "stop": "no exercise for now"}


def register(app: typer.Typer) -> None:
    """Add `progress` to `app`."""
    app.command("progress")(progress_command)


def progress_command(
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help="Also draw the charts into this file: .png or .svg.")] = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    weeks: Annotated[int, typer.Option(
        min=1, max=520, help="Weeks shown in the terminal chart.")] = 12,
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="Summarise up to this day, YYYY-MM-DD (default: today).")] = None,
    profile: Annotated[str | None, typer.Option(
        "--profile", help="Whose data (default: the `profile` setting).")] = None,
) -> None:
    """Cramps per week, the glute-ladder step and next move, where bridges are felt, load."""
    try:
        summary = _summary(out, output_format, as_of, profile)
    except InputError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    if output_format == "json":
        sys.stdout.write(json.dumps(summary.model_dump(mode="json"), indent=2,
                                    ensure_ascii=False) + "\n")
    else:
        from rich.console import Console

        render_progress(Console(highlight=False), summary, weeks)


def _summary(out: Path | None, output_format: str, as_of: str | None,
             profile: str | None) -> ProgressSummary:
    from crampcoach.progress.charts import image_format, write_chart
    from crampcoach.progress.reading import progress_for
    from crampcoach.progress.summary import ProgressContext, progress_summary
    from crampcoach.store import database, people

    if output_format not in FORMATS:
        raise InputError("--format", f"'{output_format}' is not one of: {', '.join(FORMATS)}")
    if out is not None:
        image_format(out)  # a wrong suffix is reported before any work
    day = dt.date.today() if as_of is None else _day(as_of)
    with database.reading() as session:
        person = people.find(session, profile)
        if person is not None:
            summary = progress_for(session, person, as_of=day)
        else:
            name = profile or Settings.from_environment().profile
            summary = progress_summary([], [], ProgressContext(profile=name), as_of=day)
    if out is not None:
        write_chart(summary, out)
        typer.echo(f"wrote {out}", err=True)
    return summary


def _day(text: str) -> dt.date:
    return parse_day(text, "--as-of", words=False)


def render_progress(console: Console, summary: ProgressSummary, weeks: int = 12) -> None:
    """The summary in the terminal: escalation first, then the ladder, the split, load, chart."""
    from rich.panel import Panel

    from crampcoach.cli.charts import text_chart
    from crampcoach.knowledge import load_knowledge

    own = summary.profile in (None, Settings.from_environment().profile)
    name = "you" if own else str(summary.profile)
    if summary.first_day is None:
        if summary.training is None:
            console.print(f"Nothing logged for {name} yet: try `crampcoach log session`.")
        else:
            from crampcoach.cli.training import render_training

            render_training(console, summary.training, weeks)
        console.print(f"[dim]{summary.disclaimer}[/dim]")
        return
    assert summary.as_of is not None  # set whenever something was logged
    console.print(f"[bold]{plain_words.whose(name, own)} progress[/bold], "
                  f"{plain_words.day(summary.first_day)} to "
                  f"{plain_words.day(summary.as_of)}: "
                  f"{plain_words.count(summary.sessions, 'session')}, "
                  f"{plain_words.count(summary.cramps, 'cramp')}.")
    escalation = summary.escalation
    levels = load_knowledge().triage_levels
    if escalation is not None and escalation.persists:
        level = levels[escalation.level_after]
        title = (f"Triage raised to {level.name}" if escalation.raised
                 else f"Triage: {level.name}")
        body = "\n".join([escalation.says or "", *escalation.reasons, escalation.action])
        console.print(Panel(body, title=title, title_align="left",
                            border_style=LEVEL_STYLE[escalation.level_after]))
    elif summary.triage_level not in (None, "self_care") and summary.triage_action:
        console.print(Panel(summary.triage_action, title=f"Triage: "
                            f"{levels[summary.triage_level].name}", title_align="left",
                            border_style=LEVEL_STYLE[summary.triage_level]))
    ladder = summary.ladder
    if ladder is not None:
        console.print(f"\n[bold]Glute ladder:[/bold] step {ladder.step} of {ladder.steps}, "
                      f"{ladder.name}. Next: [bold]{MOVE_WORDS[ladder.next_move]}[/bold].")
        console.print(ladder.says)
    console.print("\n[bold]Where bridges are felt:[/bold] " + summary.waterfalls.says)
    if summary.waterfalls.advice:
        console.print(summary.waterfalls.advice)
    if summary.load_flags:
        latest = summary.load_flags[-SHOWN_LOAD_FLAGS:]
        words = "; ".join(f"{plain_words.iso_week(c.week)}: {c.measure.replace('_', ' ')} {c.rise:+.0%} "
                          f"({c.before:g} -> {c.after:g})" for c in latest)
        console.print(f"\n[bold yellow]Load rose too fast[/bold yellow] in "
                      f"{len(summary.load_flags)} week(s), latest: {words}. {summary.load_rule}")
    if summary.training is not None:
        from crampcoach.cli.training import render_training

        render_training(console, summary.training, weeks)
    console.print()
    console.print(text_chart(summary, weeks))
    console.print(f"\n[dim]{summary.disclaimer}[/dim]")
