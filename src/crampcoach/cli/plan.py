"""The `plan` and `session` commands; the CLI adds them with `register(app)`.

Options arrive as text and are checked here, so a bad value is one clear line (InputError).
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError

from crampcoach.case import Case, load_case_file
from crampcoach.errors import InputError, suggest, whole_number
from crampcoach.export import BINARY, FORMATS, PAGES, render
from crampcoach.limits import check_day
from crampcoach.plan.builder import build_plan
from crampcoach.plan.models import Plan, PlanOptions

CaseOption = Annotated[Path | None, typer.Option("--case", help="Case file (JSON or YAML).")]


def parse_date(text: str, field: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise InputError(field, f"'{text}' is not a date like 2025-03-03") from None
    return check_day(day, field)


def check_choice(value: str, choices: tuple[str, ...], field: str) -> str:
    if value not in choices:
        raise InputError(field, f"unknown value '{value}'{suggest(value, choices)}; "
                         f"choose one of {', '.join(choices)}")
    return value


def plan_for(case: Case, weeks: int = 8, start: date | None = None,
             sessions_per_week: int | None = None, ladder_step: int | None = None) -> Plan:
    from crampcoach.reasoning import assess

    try:
        options = PlanOptions(weeks=weeks, start=start, sessions_per_week=sessions_per_week,
                              ladder_step=ladder_step)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise InputError(f"--{str(first['loc'][0]).replace('_', '-')}", first["msg"]) from None
    return build_plan(case, assess(case), options)


def follow_log(case: Case, profile: str | None) -> tuple[Case, int | None]:
    """The case and ladder step as the person's training log leaves them.

    Cramps that keep coming despite the plan add `persists_despite_self_care` (which raises
    triage as the knowledge base says); the ladder continues from the step reached.
    """
    from crampcoach.progress.reading import progress_for
    from crampcoach.store import database, people

    with database.reading() as session:
        person = people.require(session, profile)
        summary = progress_for(session, person)
    if summary.sessions == 0:
        raise InputError("--from-log", "the training log holds no sessions yet")
    escalation = summary.escalation
    if escalation is not None and escalation.persists:
        case = case.with_answer(escalation.finding, True)
    return case, summary.ladder.step if summary.ladder is not None else None


def _case(path: Path | None) -> Case:
    if path is None:
        raise InputError("--case", "give the case file the plan is for (--case FILE)")
    return load_case_file(path)


def plan_command(
    case_file: CaseOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f",
                                     help="text, json, md, html, pdf, ics or fhir.")] = "text",
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write to this file.")] = None,
    weeks: Annotated[str, typer.Option("--weeks", help="Length of the plan, 1-52 weeks.")] = "8",
    start: Annotated[str | None, typer.Option(
        "--start", help="First day, YYYY-MM-DD (default: today).")] = None,
    page: Annotated[str, typer.Option("--page", help="Paper for html/pdf: a4 or letter.")] = "a4",
    sessions: Annotated[str | None, typer.Option(
        "--sessions-per-week", help="Sessions a week, 1-7 (default: by phase).")] = None,
    from_log: Annotated[bool, typer.Option(
        "--from-log", help="Follow your training log: continue the glute ladder from the step reached, "
                           "and raise triage when cramps keep coming despite the plan.")] = False,
    profile: Annotated[str | None, typer.Option(
        "--profile", help="Whose training log --from-log reads (default: the `profile` setting).")] = None,
) -> None:
    """A care plan for a case: exercises week by week, advice, and who to see."""
    check_choice(fmt, FORMATS, "--format")
    check_choice(page, PAGES, "--page")
    case, ladder_step = follow_log(_case(case_file), profile) if from_log else (_case(case_file), None)
    plan = plan_for(
        case,
        weeks=whole_number(weeks, "--weeks", 1, 52),
        start=parse_date(start, "--start") if start else date.today(),
        sessions_per_week=whole_number(sessions, "--sessions-per-week", 1, 7) if sessions else None,
        ladder_step=ladder_step,
    )
    if fmt in BINARY and out is None and sys.stdout.isatty():
        raise InputError("--out", f"{fmt} output is a file; give --out FILE")
    document = render(plan, fmt, page=page)
    data = document if isinstance(document, bytes) else document.encode()
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    try:
        out.write_bytes(data)
    except OSError as exc:
        raise InputError("--out", f"cannot write {out}: {exc.strerror}") from None
    typer.echo(f"wrote {out}", err=True)


def session_command(
    case_file: CaseOption = None,
    day: Annotated[str | None, typer.Option(
        "--day", help="Day of the plan to do, 1 = the first day (default: the first session).")] = None,
    no_wait: Annotated[bool, typer.Option(
        "--no-wait", help="Do not count down holds and rests in real time.")] = False,
    save: Annotated[bool, typer.Option(
        "--save/--no-save", help="Store the record in your training log (default: yes).")] = True,
    profile: Annotated[str | None, typer.Option(
        "--profile", help="Whose log to store it in (default: the `profile` setting).")] = None,
) -> None:
    """A guided session: each exercise in turn with its cues and countdowns, then a record."""
    from rich.console import Console

    from crampcoach.cli.guided import pick_session, run_session

    case = load_case_file(case_file) if case_file is not None else Case()
    plan = plan_for(case)
    session = pick_session(plan, whole_number(day, "--day", 1, 52 * 7) if day else None)
    interactive = sys.stdin.isatty() and not no_wait
    # The guide and its prompts go to stderr, so stdout holds only the record.
    console = Console(stderr=True, highlight=False)
    record = run_session(plan, session, console, wait=interactive,
                         ask=console.input if interactive else None)
    sys.stdout.write(json.dumps(record, indent=2) + "\n")
    if save:
        from crampcoach.progress.record import store_session_record

        store_session_record(record, profile=profile)
        console.print("[dim]Stored in your training log: see `crampcoach history` and `crampcoach progress`.[/dim]")


def register(app: typer.Typer) -> None:
    app.command("plan")(plan_command)
    app.command("session")(session_command)
