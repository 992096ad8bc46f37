"""`import-training` (added to the CLI by `register`), and the record's part of `assess`.

The readers, the database and Rich are imported inside the commands, so registering them
costs nothing for the other commands.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from crampcoach import DISCLAIMER
from crampcoach.errors import InputError

if TYPE_CHECKING:
    from rich.console import Console

    from crampcoach.case import Case
    from crampcoach.reasoning import Assessment
    from crampcoach.store.records import ActivityRecord
    from crampcoach.training.files import ExportFile
    from crampcoach.training.findings import ObservedFinding
    from crampcoach.training.importing import ImportReport
    from crampcoach.training.load import WeeklyVolume
    from crampcoach.training.view import TrainingView

# Fewer files than this import too fast for a progress bar to help.
PROGRESS_FROM_FILES = 5
SHOWN_WEEKS = 4


def register(app: typer.Typer) -> None:
    """Add `import-training` to `app`."""
    app.command("import-training")(import_training)


def import_training(
    files: Annotated[list[Path], typer.Argument(
        metavar="FILE...", help="FIT, GPX, TCX or CSV activity files, folders of them, or zips.")],
    profile: Annotated[str | None, typer.Option(
        "--profile", help="Whose record (default: the `profile` setting).")] = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """Read the training you already record (watch and app exports) into your record."""
    from crampcoach.store import database, people
    from crampcoach.training.files import collect
    from crampcoach.training.importing import store_activities
    from crampcoach.training.record import observed_for, recent_weekly_volumes

    if output_format not in ("text", "json"):
        raise InputError("--format", f"'{output_format}' is not one of: text, json")
    exports = collect(files)
    records = _read_with_progress(exports)
    today = dt.date.today()
    with database.transaction() as session:
        person = people.ensure(session, profile)
        report = store_activities(session, person, records, len(exports))
    with database.reading() as session:
        observed = observed_for(session, person, today)
        volumes = recent_weekly_volumes(session, person, today, SHOWN_WEEKS)
    if output_format == "json":
        sys.stdout.write(json.dumps({
            "profile": person.name, **report.model_dump(mode="json"),
            "observed": [o.model_dump(mode="json") for o in observed],
            "weekly_volumes": [v.model_dump(mode="json") for v in volumes],
            "disclaimer": DISCLAIMER,
        }, indent=2, ensure_ascii=False) + "\n")
        return
    from rich.console import Console

    render_import(Console(highlight=False), person.name, report, observed, volumes)


def _read_with_progress(exports: list[ExportFile]) -> list[ActivityRecord]:
    """Read every file, with a progress bar on stderr when there are many."""
    from crampcoach.training.importing import read_exports

    if len(exports) < PROGRESS_FROM_FILES:
        return read_exports(exports)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    console = Console(stderr=True)
    if not console.is_terminal:  # piped or captured: the bar would only add noise
        return read_exports(exports)
    with Progress(TextColumn("Reading"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("files"), console=console, transient=True) as bar:
        task = bar.add_task("read", total=len(exports))
        return read_exports(exports, on_file=lambda _export: bar.advance(task))


def render_import(console: Console, name: str, report: ImportReport,
                  observed: list[ObservedFinding], volumes: list[WeeklyVolume]) -> None:
    from crampcoach.training.knowledge import load_training_knowledge

    k = load_training_knowledge()
    sports = ", ".join(f"{count} {k.sport_name(sport)}"
                       for sport, count in sorted(report.by_sport.items(), key=lambda kv: -kv[1]))
    console.print(f"Read {report.read} activities from {report.files} file(s): {sports}.",
                  markup=False)
    if report.first is not None and report.last is not None:
        console.print(f"They run from {report.first:%d %b %Y} to {report.last:%d %b %Y}.",
                      markup=False)
    stored = f"Stored {report.added} new for {name}"
    if report.already_there:
        stored += f"; {report.already_there} were already stored and were skipped"
    console.print(stored + ".", markup=False)
    if volumes:
        console.print(f"\n[bold]The last {SHOWN_WEEKS} weeks[/bold]")
        for week in sorted({v.monday for v in volumes}):
            parts = [f"{k.sport_name(v.sport)} {v.km:.0f} km in {v.minutes:.0f} min"
                     if v.km else f"{k.sport_name(v.sport)} {v.minutes:.0f} min"
                     for v in volumes if v.monday == week and v.sessions]
            console.print(f"  week of {week:%d %b}: {'; '.join(parts) or 'nothing recorded'}",
                          markup=False)
    render_observed(console, observed, heading="What your training record shows")
    if observed:
        console.print("\nNext: [bold]crampcoach assess --from-record[/bold] uses these answers; "
                      "[bold]crampcoach progress[/bold] shows cramps against your weekly load.")
    console.print(DISCLAIMER, style="dim", markup=False)


def render_observed(console: Console, observed: list[ObservedFinding],
                    heading: str = "Answered from your training record") -> None:
    from crampcoach.knowledge import load_knowledge

    if not observed:
        return
    findings = load_knowledge().findings
    console.print(f"\n[bold]{heading}[/bold]")
    for item in observed:
        console.print(f"  {findings[item.finding].question} — yes, {item.source_words}",
                      markup=False)
        console.print(f"    {item.says}", style="dim", markup=False)


def record_answers(case: Case, profile: str | None) -> tuple[Case, list[ObservedFinding]]:
    """`case` with the answers the person's training record gives where the case has none
    (the person's own answers win), and those answers."""
    from crampcoach.store import database, people
    from crampcoach.training.findings import with_observed
    from crampcoach.training.record import observed_for

    with database.reading() as session:
        person = people.require(session, profile)
        observed = observed_for(session, person)
    return with_observed(case, observed)


def assess_with_record(case: Case, profile: str | None) -> tuple[Assessment, list[ObservedFinding]]:
    """Assess `case` with the answers the person's training record gives where it has none."""
    from crampcoach.reasoning import assess

    merged, used = record_answers(case, profile)
    return assess(merged), used


def render_training(console: Console, view: TrainingView, weeks: int = 12) -> None:
    """Cramps against the recorded weekly load, with the weeks that broke the 10% rule."""
    from crampcoach.cli.terminal import bar
    from crampcoach.training.knowledge import load_training_knowledge

    k = load_training_knowledge()
    console.print(f"\n[bold]Your training record[/bold]: {view.activities} activities, "
                  f"{view.first_day:%d %b %Y} to {view.last_day:%d %b %Y}.")
    shown = view.weeks[-weeks:]
    top = max((w.km for w in shown), default=0.0) or 1.0
    for week in shown:
        mark = " rose too fast" if week.over_rule else ""
        cramps = f"  {'x' * min(week.cramps, 10)} {week.cramps} cramp(s)" if week.cramps else ""
        console.print(f"  week of {week.monday:%d %b}  {bar(week.km / top, 15)} "
                      f"{week.km:5.0f} km {week.minutes:5.0f} min{mark}{cramps}", markup=False)
    ratio = view.workload
    if ratio.ratio is not None:
        console.print(f"Last 7 days against the 4-week average: {ratio.ratio:.1f} times "
                      f"({ratio.acute_minutes:.0f} min against {ratio.chronic_weekly_minutes:.0f})"
                      + (", well above your usual load." if ratio.high else "."), markup=False)
    # One line per week and sport: the distance when it rose, else the time.
    shown_rises = {(r.week, r.sport): r for r in sorted(view.rises, key=lambda r: r.measure == "km")}
    for rise in list(shown_rises.values())[-3:]:
        unit = "km" if rise.measure == "km" else "min"
        console.print(f"  {k.sport_name(rise.sport)}: {rise.before:.0f} -> {rise.after:.0f} {unit} "
                      f"({rise.rise:+.0%}) in the week of {rise.monday:%d %b}", markup=False)
    for sentence in [*view.says, *view.advice]:
        console.print(sentence, markup=False)
