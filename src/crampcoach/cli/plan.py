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

from crampcoach.case import Case, TrainingVolume, load_case_file
from crampcoach.errors import InputError, suggest, whole_number
from crampcoach.export import BINARY, FORMATS, PAGES, render
from crampcoach.limits import check_day
from crampcoach.plan.builder import build_plan
from crampcoach.plan.models import Plan, PlanOptions
from crampcoach.reading import parse_day
from crampcoach.settings import Settings

CaseOption = Annotated[Path | None, typer.Option("--case", help="Case file (JSON or YAML).")]


def parse_date(text: str, field: str) -> date:
    return check_day(parse_day(text, field, words=False), field)


def check_choice(value: str, choices: tuple[str, ...], field: str) -> str:
    if value not in choices:
        raise InputError(field, f"unknown value '{value}'{suggest(value, choices)}; "
                         f"choose one of {', '.join(choices)}")
    return value


VOLUME_UNITS = ("km", "minutes", "sessions", "sets")
MAX_VOLUME = 100_000


def volume_amount(text: str, field: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise InputError(field, f"'{text}' is not a number") from None
    if not 0 < value <= MAX_VOLUME:
        raise InputError(field, f"must be above 0 and at most {MAX_VOLUME}, not {text}")
    return value


def training_volume(weekly: str | None, target: str | None, last_good: str | None,
                    unit: str | None) -> TrainingVolume | None:
    """The weekly volume the options give, or None when they give none."""
    if weekly is None:
        if target is not None or last_good is not None:
            raise InputError("--weekly-volume", "give your current weekly volume too (--weekly-volume)")
        return None
    if unit is None:
        raise InputError("--volume-unit", f"give the unit of the volume: {', '.join(VOLUME_UNITS)}")
    return TrainingVolume(
        current=volume_amount(weekly, "--weekly-volume"),
        unit=check_choice(unit, VOLUME_UNITS, "--volume-unit"),  # type: ignore[arg-type]
        target=volume_amount(target, "--target-volume") if target is not None else None,
        tolerated=volume_amount(last_good, "--last-good-volume") if last_good is not None else None,
    )


def next_step(plan: Plan) -> str:
    """What the person does next with a plan, in words."""
    if plan.triage == "urgent":
        return "get medical help today, as the plan says; no training until you have been seen"
    if plan.sessions() or plan.practice_session() is not None:
        return "`crampcoach session` guides you through the first session"
    if plan.see_a_professional is not None:
        return (f"book {plan.see_a_professional.who}, {plan.see_a_professional.when}, and "
                "follow the plan's advice until then")
    return "follow the plan's advice and habits"


def recorded_volume(profile: str | None,
                    settings: Settings | None = None) -> tuple[TrainingVolume, str] | None:
    """The weekly volume the person's imported training record shows, with how it was read."""
    settings = settings or Settings.from_environment()
    if settings.has_no_database():
        return None  # nothing stored yet, so no record; and no database made just to look
    from crampcoach.store.presence import holds_no_workouts

    if holds_no_workouts(settings):
        return None
    from crampcoach.store import database, people
    from crampcoach.training.record import recorded_volume_for

    with database.reading() as session:
        person = people.find(session, profile)
        found = None if person is None else recorded_volume_for(session, person)
    return None if found is None else (found.volume, found.says)


def plan_for(case: Case, weeks: int = 8, start: date | None = None,
             sessions_per_week: int | None = None, ladder_step: int | None = None,
             volume: TrainingVolume | None = None, volume_from: str | None = None,
             settings: Settings | None = None) -> Plan:
    from crampcoach.reasoning import assess

    try:
        options = PlanOptions(weeks=weeks, start=start, sessions_per_week=sessions_per_week,
                              ladder_step=ladder_step, training_volume=volume,
                              volume_from=volume_from)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise InputError(f"--{str(first['loc'][0]).replace('_', '-')}", first["msg"]) from None
    use_model = (settings or Settings.from_environment()).text_model
    return build_plan(case, assess(case, use_text_model=use_model), options)


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


def stored_case(profile: str | None) -> tuple[Case, int, str]:
    """The case of the person's latest stored assessment, its version, and when it was made."""
    from crampcoach import plain_words
    from crampcoach.case import parse_case
    from crampcoach.store import database, people, versions

    with database.reading() as session:
        person = people.find(session, profile)
        latest = None if person is None else versions.latest_assessment(session, person)
    if latest is None:
        raise InputError("--case", "no saved assessment yet: run `crampcoach interview` first "
                                   "(or give a case file with --case FILE)")
    return parse_case(latest.case), latest.version, plain_words.day(latest.created_at)


def store_plan(plan: Plan, profile: str | None, assessment_version: int,
               made_on: str) -> tuple[int, bool]:
    """Keep the plan as the person's newest version; (its version, whether it is new). Looking
    at the same plan again keeps no copy of it."""
    from crampcoach.store import database, people, versions

    document = plan.to_contract()
    with database.transaction() as session:
        person = people.ensure(session, profile)
        latest = versions.latest_plan(session, person)
        if (latest is not None and latest.assessment_version == assessment_version
                and document == latest.document):
            return latest.version, False
        stored = versions.add_plan(session, person, document,
                                   reason=f"made from the assessment of {made_on}",
                                   assessment_version=assessment_version)
    return stored.version, True


def stored_plan(profile: str | None) -> tuple[Plan, int] | None:
    """The person's latest stored plan and its version, or None."""
    from crampcoach.store import database, people, versions

    with database.reading() as session:
        person = people.find(session, profile)
        latest = None if person is None else versions.latest_plan(session, person)
    if latest is None:
        return None
    return Plan.model_validate(latest.document), latest.version


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
        "--profile", help="Whose saved assessment and training log to use "
                          "(default: the `profile` setting).")] = None,
    weekly_volume: Annotated[str | None, typer.Option(
        "--weekly-volume", help="Your training this week (in --volume-unit), for a volume schedule.")] = None,
    target_volume: Annotated[str | None, typer.Option(
        "--target-volume", help="The weekly volume to build up to (default: the current one).")] = None,
    last_good_volume: Annotated[str | None, typer.Option(
        "--last-good-volume", help="The last weekly volume your legs handled without cramps.")] = None,
    volume_unit: Annotated[str | None, typer.Option(
        "--volume-unit", help="km, minutes, sessions or sets.")] = None,
) -> None:
    """A care plan: exercises week by week, advice, and who to see.

    Without --case it plans from your latest saved assessment (from `crampcoach interview`)
    and saves the plan, so `crampcoach session` can follow it.
    """
    check_choice(fmt, FORMATS, "--format")
    check_choice(page, PAGES, "--page")
    # Every option is checked before anything is read or kept.
    weeks_wanted = whole_number(weeks, "--weeks", 1, 52)
    start_day = parse_date(start, "--start") if start else date.today()
    per_week = whole_number(sessions, "--sessions-per-week", 1, 7) if sessions else None
    if fmt in BINARY and out is None and sys.stdout.isatty():
        raise InputError("--out", f"{fmt} output is a file; give --out FILE")
    if out is not None and not out.parent.is_dir():
        raise InputError("--out", f"folder does not exist: {out.parent}")
    settings = Settings.from_environment()
    volume = training_volume(weekly_volume, target_volume, last_good_volume, volume_unit)
    assessment_version, made_on = None, ""
    if case_file is None:
        case, assessment_version, made_on = stored_case(profile)
        typer.echo(f"Plan from your assessment of {made_on}.", err=True)
    else:
        case = load_case_file(case_file)
    case, ladder_step = follow_log(case, profile) if from_log else (case, None)
    volume_from = None
    if volume is None and case.training_volume is None:
        recorded = recorded_volume(profile, settings)
        volume, volume_from = recorded if recorded is not None else (None, None)
    plan = plan_for(
        case, weeks=weeks_wanted, start=start_day, sessions_per_week=per_week,
        ladder_step=ladder_step, volume=volume, volume_from=volume_from, settings=settings,
    )
    document = render(plan, fmt, page=page)
    data = document if isinstance(document, bytes) else document.encode()
    if assessment_version is not None:
        version, new = store_plan(plan, profile, assessment_version, made_on)
        kept = f"Saved as your plan (version {version})" if new else \
            f"Your plan (version {version}) is unchanged"
        typer.echo(f"{kept}; next: {next_step(plan)}.", err=True)
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

    from crampcoach.cli.guided import done_summary, pick_session, run_session

    plan_version = None
    if case_file is not None:
        plan = plan_for(load_case_file(case_file))
    else:
        saved = stored_plan(profile)
        if saved is None:
            raise InputError("--case", "no plan yet: run `crampcoach interview`, then "
                                       "`crampcoach plan` (or give a case file with --case FILE)")
        plan, plan_version = saved
    session = pick_session(plan, whole_number(day, "--day", 1, 52 * 7) if day else None)
    # Someone at the keyboard is asked where they felt the ladder work, even without countdowns.
    present = sys.stdin.isatty()
    # The guide and its prompts go to stderr, so stdout holds only the record.
    console = Console(stderr=True, highlight=False)
    record = run_session(plan, session, console, wait=present and not no_wait,
                         ask=console.input if present else None)
    if sys.stdout.isatty():
        for line in done_summary(session, record):
            console.print(line, markup=False)
    else:
        sys.stdout.write(json.dumps(record, indent=2) + "\n")
    if save:
        from crampcoach.progress.record import store_session_record

        store_session_record(record, profile=profile, plan_version=plan_version)
        console.print("[dim]Stored in your training log: see `crampcoach history` and `crampcoach progress`.[/dim]")


def exercises_command(
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """Every exercise: the id and name to log it by, its kind, its glute-ladder step, aliases."""
    from rich.console import Console

    from crampcoach import DISCLAIMER
    from crampcoach.plan.exercise_names import catalogue

    check_choice(fmt, ("text", "json"), "--format")
    entries = catalogue()
    if fmt == "json":
        sys.stdout.write(json.dumps([{
            "id": e.id, "name": e.name, "kind": e.kind, "family": e.family,
            "ladder_step": e.ladder_step, "aliases": list(e.aliases),
        } for e in entries], indent=2) + "\n")
        return
    # A list, not a table: names are long and terminals can be narrow.
    console = Console(highlight=False)
    console.print("[bold]Exercises[/bold] (log one by its id, its name or any other name shown)")
    heading = ""
    for e in entries:
        group = "The glute ladder, step by step" if e.ladder_step else "Other exercises"
        if group != heading:
            console.print(f"\n[bold underline]{group}[/bold underline]")
            heading = group
        step = f"{e.ladder_step}. " if e.ladder_step else ""
        console.print(f"  {step}[bold]{e.name}[/bold]  [cyan]{e.id}[/cyan] · {e.kind.replace('_', ' ')}")
        if e.aliases:
            console.print(f"     [dim]also: {', '.join(e.aliases)}[/dim]")
    console.print(f"[dim]{DISCLAIMER}[/dim]")


def register(app: typer.Typer) -> None:
    app.command("plan")(plan_command)
    app.command("session")(session_command)
    app.command("exercises")(exercises_command)
