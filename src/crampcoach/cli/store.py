"""The log, history, export, import and forget commands (added to the CLI by `register`).

The database layer and Rich are imported inside the commands, so that registering these
commands costs nothing for the other ones.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar

import click
import typer

from crampcoach import DISCLAIMER, plain_words
from crampcoach.errors import InputError
from crampcoach.reading import parse_day, parse_duration, parse_moment
from crampcoach.settings import Settings

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress

    from crampcoach.store.records import (
        Record,
        SessionItemRecord,
        StoredCramp,
        StoredNote,
        StoredSession,
    )

ITEM_EXAMPLE = "glute bridge 3x12 @20kg effort=6 pain=0 felt=2/6/2"
ITEM_HELP = (
    f"An exercise done, e.g. '{ITEM_EXAMPLE}': sets x reps (or x30s for holds), "
    "@load, effort 1-10, pain 0-10, and where it was felt, low back/glutes/hamstrings "
    "0-10 each. Repeat for each exercise."
)

ProfileOption = Annotated[
    str | None, typer.Option("--profile", help="Whose data (default: the `profile` setting).")
]
AskOption = Annotated[
    bool | None,
    typer.Option("--ask/--no-ask",
                 help="Ask for what the flags leave out (default: when run in a terminal)."),
]


def register(app: typer.Typer) -> None:
    """Add `log session|cramp|note|undo`, `history`, `export`, `import` and `forget` to `app`."""
    log_app = typer.Typer(help="Record a training session, a cramp or a note.",
                          no_args_is_help=True)
    log_app.command("session")(log_session)
    log_app.command("cramp")(log_cramp)
    log_app.command("note")(log_note)
    log_app.command("undo")(log_undo)
    app.add_typer(log_app, name="log")
    app.command("history")(history)
    app.command("export")(export)
    app.command("import")(import_)
    app.command("forget")(forget)


@contextmanager
def _reporting() -> Iterator[None]:
    """Bad input: one line on stderr and exit status 2, never a traceback."""
    try:
        yield
    except InputError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None


def _console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(highlight=False, stderr=stderr)


def _done(console: Console, message: str) -> None:
    console.print(message, markup=False)  # names and notes are the person's own words
    console.print(DISCLAIMER, style="dim", markup=False)


def _for(name: str) -> str:
    """ " for Ana" when logging for someone else; nothing for the person's own log."""
    return "" if name == Settings.from_environment().profile else f" for {name}"


def _confirm_or_stop(question: str, kept: str) -> None:
    """Ask before removing anything; no (or end of input) says `kept` and exits 1."""
    try:
        agreed = typer.confirm(question)
    except (typer.Abort, click.exceptions.Abort):  # end of input; typer's own Abort since 0.24
        agreed = False
    if not agreed:
        typer.echo(kept)
        raise typer.Exit(1)


def _asking(ask: bool | None) -> bool:
    return sys.stdin.isatty() if ask is None else ask


# -- log session --------------------------------------------------------------------------

# At most nine digits: every bound of the records is far below, and int() of thousands of
# digits is refused by Python itself.
_SETS = re.compile(r"^([0-9]{1,9})x([0-9]{1,9})(s?)$")
_LOAD = re.compile(r"^@([0-9]{1,9}(?:\.[0-9]{1,9})?)(?:kg)?$")
_FELT = re.compile(r"^([0-9]{1,9})/([0-9]{1,9})/([0-9]{1,9})$")
_WHOLE = re.compile(r"^[0-9]{1,9}$")


def parse_item(text: str, field: str = "--item") -> SessionItemRecord:
    """Read one item written as in ITEM_EXAMPLE, its exercise name turned into the id.

    Errors name `field`, the way the person gave the item ("--item 2").
    """
    from crampcoach.plan import exercise_names
    from crampcoach.store.records import SessionItemRecord, parse

    words = text.split()
    if not words:
        raise InputError(field, f"empty; write e.g. '{ITEM_EXAMPLE}'")
    if _is_dose(words[0]):
        raise InputError(field, f"'{text}' names no exercise; start with it, e.g. '{ITEM_EXAMPLE}'")
    # The exercise's name may take several words ("hip thrust 3x8"): it runs up to the dose.
    named = next((n for n, word in enumerate(words) if n and _is_dose(word)), len(words))
    data: dict[str, Any] = {"exercise": " ".join(words[:named])}
    for word in words[named:]:
        key, _, value = word.partition("=")
        if (match := _SETS.match(word)) is not None:
            data["sets"] = int(match[1])
            data["hold_s" if match[3] else "reps"] = int(match[2])
        elif (match := _LOAD.match(word)) is not None:
            data["load_kg"] = float(match[1])
        elif key in ("effort", "pain") and _WHOLE.match(value):
            data[key] = int(value)
        elif key == "felt" and (match := _FELT.match(value)) is not None:
            data["felt"] = {"low_back": int(match[1]), "glutes": int(match[2]),
                            "hamstrings": int(match[3])}
        else:
            raise InputError(field, f"cannot read '{word}' in '{text}'; write e.g. "
                                    f"'{ITEM_EXAMPLE}'")
    if "sets" not in data:
        raise InputError(field, f"'{text}' needs sets x reps, e.g. 3x12 (or 3x30s for holds)")
    item = parse(SessionItemRecord, data, field)
    return item.model_copy(update={"exercise": exercise_names.resolve(item.exercise, field)})


R = TypeVar("R", bound="Record")

# Record fields whose command-line option is not the field's own name with dashes.
_OPTION_OF_FIELD = {"occurred_at": "--when", "duration_s": "--duration",
                    "duration_min": "--duration", "items": "--item"}


def _from_options(model: type[R], data: dict[str, Any]) -> R:
    """The record the options make; a bad value is named by its option ("--side")."""
    from crampcoach.store.records import parse

    try:
        return parse(model, data)
    except InputError as exc:
        name = exc.field.split(".")[0]
        raise InputError(_OPTION_OF_FIELD.get(name, "--" + name.replace("_", "-")),
                         exc.message) from None


def _is_dose(word: str) -> bool:
    return bool(_SETS.match(word) or _LOAD.match(word) or "=" in word)


DAY_HELP = "YYYY-MM-DD, 'today' or 'yesterday'"
MAX_HISTORY = 100_000


def log_session(
    item: Annotated[list[str] | None, typer.Option("--item", "-i", help=ITEM_HELP)] = None,
    date: Annotated[str, typer.Option(help=f"Day of the session: {DAY_HELP}.")] = "today",
    plan_version: Annotated[int | None, typer.Option(help="Plan version followed.")] = None,
    plan_week: Annotated[int | None, typer.Option(help="Week of the plan followed.")] = None,
    plan_day: Annotated[int | None, typer.Option(help="Day of the plan followed.")] = None,
    duration: Annotated[str | None, typer.Option(
        help="How long the session took: minutes, or e.g. '45 min', '1h', '1:15'.")] = None,
    note: Annotated[str | None, typer.Option(help="A few words about the session.")] = None,
    file: Annotated[Path | None, typer.Option(
        "--file", help="Read the session from a JSON file instead (a session record).")] = None,
    profile: ProfileOption = None,
    ask: AskOption = None,
) -> None:
    """Log a training session: what was done and where the work was felt."""
    from crampcoach.plan import exercise_names
    from crampcoach.store import database, log, people
    from crampcoach.store.records import SessionRecord, parse_json

    console = _console()
    with _reporting():
        if file is not None:
            record = parse_json(SessionRecord, _read(file, "--file"), "--file")
        else:
            items = [parse_item(text, f"--item {n + 1}") for n, text in enumerate(item or [])]
            if not items and _asking(ask):
                items = _ask_items()
            if not items:
                raise InputError("--item", f"give at least one, e.g. --item '{ITEM_EXAMPLE}'")
            record = _from_options(SessionRecord, {
                "date": _day(date, "--date"), "plan_version": plan_version,
                "plan_week": plan_week, "plan_day": plan_day,
                "duration_min": _duration(duration, "min"),
                "note": note, "items": items,
            })
        with database.transaction() as session:
            person = people.ensure(session, profile)
            stored = log.add_session(session, person, record,
                                     exercise_id=exercise_names.resolve)
        count = len(stored.items)
        _done(console, f"Logged the session of {plain_words.day(stored.date)} ({count} "
                       f"item{'s' if count != 1 else ''}){_for(person.name)}.")


def _ask_items() -> list[SessionItemRecord]:
    typer.echo(f"One exercise per line, e.g. {ITEM_EXAMPLE}; an empty line ends the list.")
    items: list[SessionItemRecord] = []
    while True:
        text: str = typer.prompt(f"Item {len(items) + 1}", default="", show_default=False)
        if not text.strip():
            return items
        try:
            item = parse_item(text, "item")
        except InputError as exc:
            typer.echo(f"  {exc.message}", err=True)
            continue
        items.append(item)


# -- log cramp ----------------------------------------------------------------------------


def log_cramp(
    when: Annotated[str, typer.Option(
        help="When it happened: 'now', 'YYYY-MM-DD HH:MM', or 'HH:MM' for today.")] = "now",
    side: Annotated[str | None, typer.Option(help="left, right or both.")] = None,
    during: Annotated[str | None, typer.Option(
        help="The exercise (its name, e.g. 'hip thrust') or activity (e.g. sleep).")] = None,
    minutes_into: Annotated[int | None, typer.Option(help="Minutes into the session.")] = None,
    duration: Annotated[str | None, typer.Option(
        help="How long it lasted: seconds, or e.g. '40s', '2 min', '1:30'.")] = None,
    severity: Annotated[int | None, typer.Option(help="How bad, 0-10.")] = None,
    eased_by: Annotated[str | None, typer.Option(help="What eased it.")] = None,
    profile: ProfileOption = None,
    ask: AskOption = None,
) -> None:
    """Log a cramp: when, which side, during what, how long and how bad."""
    from crampcoach.plan import exercise_names
    from crampcoach.store import database, log, people
    from crampcoach.store.records import CrampRecord

    console = _console()
    with _reporting():
        everything_missing = all(
            value is None for value in (side, during, minutes_into, duration, severity, eased_by)
        )
        if _asking(ask):
            side = side or _ask("Which side (left, right, both)")
            during = during or _ask("During what (exercise or activity)")
            if severity is None:
                severity = _ask_int("How bad, 0-10")
            if everything_missing:
                minutes_into = _ask_int("Minutes into the session (empty to skip)", True)
                duration = _ask_duration("How long did it last, e.g. 40s or 2 min (empty to skip)")
                eased_by = _ask("What eased it (empty to skip)", True) or None
        # A bad value given is named before a value left out: check the given ones first,
        # with stand-ins for the missing ones.
        _from_options(CrampRecord, {
            "occurred_at": _moment(when, "--when"), "side": side or "left",
            "during": during or "-", "minutes_into": minutes_into,
            "duration_s": _duration(duration, "s"),
            "severity": 0 if severity is None else severity, "eased_by": eased_by,
        })
        for flag, value in (("--side", side), ("--during", during), ("--severity", severity)):
            if value is None:
                raise InputError(flag, "missing; give the flag, or run in a terminal to be asked")
        read_as = ""
        if during is not None and exercise_names.find(during) is None:
            # A typo of an exercise's name is that exercise, so the ladder counts the cramp;
            # other words stay as the activity said ("sleep", "a football match").
            near = exercise_names.near_miss(during)
            if near is not None:
                read_as = f" ('{during.strip()}' read as {exercise_names.said(near)})"
                during = near
        record = _from_options(CrampRecord, {
            "occurred_at": _moment(when, "--when"), "side": side, "during": during,
            "minutes_into": minutes_into, "duration_s": _duration(duration, "s"),
            "severity": severity,
            "eased_by": eased_by,
        })
        with database.transaction() as session:
            person = people.ensure(session, profile)
            stored = log.add_cramp(session, person, record, exercise_of=exercise_names.find)
        # The length as read back, so "about two minutes" can be checked.
        lasted = ("" if stored.duration_s is None
                  else f", lasted {plain_words.seconds(stored.duration_s)}")
        _done(console, f"Logged a cramp ({stored.side}, during {exercise_names.said(stored.during)}"
                       f"{lasted}, {stored.severity}/10) on {plain_words.day(stored.occurred_at)} at "
                       f"{stored.occurred_at:%H:%M}{_for(person.name)}{read_as}.")


def _ask(question: str, optional: bool = False) -> str:
    answer: str = typer.prompt(question, default="" if optional else None,
                               show_default=False)
    return answer.strip()


def _duration(text: str | None, unit: Literal["s", "min"]) -> int | None:
    return None if text is None else parse_duration(text, "--duration", unit=unit)


def _ask_duration(question: str) -> str | None:
    """A length of time typed at the prompt, asked again until it reads as one."""
    while True:
        answer = _ask(question, True)
        if not answer:
            return None
        try:
            parse_duration(answer, "duration", unit="s")
        except InputError as exc:
            typer.echo(f"  {exc.message}", err=True)
            continue
        return answer


def _ask_int(question: str, optional: bool = False) -> int | None:
    while True:
        answer = _ask(question, optional)
        if optional and not answer:
            return None
        if _WHOLE.match(answer):
            return int(answer)
        typer.echo("  a whole number, please", err=True)


# -- log note -----------------------------------------------------------------------------


def log_note(
    text: Annotated[str, typer.Argument(help="The note.")],
    date: Annotated[str, typer.Option(help=f"Day it is about: {DAY_HELP}.")] = "today",
    profile: ProfileOption = None,
) -> None:
    """Keep a note about a day."""
    from crampcoach.store import database, log, people

    console = _console()
    with _reporting():
        record = {"date": _day(date, "--date"), "text": text}
        with database.transaction() as session:
            person = people.ensure(session, profile)
            stored = log.add_note(session, person, record)
        _done(console, f"Noted for {stored.date.isoformat()} ({person.name}).")


# -- history ------------------------------------------------------------------------------


def history(
    since: Annotated[str | None, typer.Option("--from", help="First day, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option("--to", help="Last day, YYYY-MM-DD.")] = None,
    limit: Annotated[int, typer.Option(
        min=1, max=MAX_HISTORY, help="Show at most this many of the latest entries.")] = 50,
    output_format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    profile: ProfileOption = None,
) -> None:
    """Sessions, cramps and notes logged, most recent last."""
    from rich.table import Table
    from rich.text import Text

    from crampcoach.store import database, log, people

    console = _console()
    with _reporting():
        if output_format not in ("table", "json"):
            raise InputError("--format", f"'{output_format}' is not one of: table, json")
        start = None if since is None else _day(since, "--from")
        end = None if until is None else _day(until, "--to")
        if start is not None and end is not None and end < start:
            raise InputError("--to", f"{end.isoformat()} is before --from {start.isoformat()}")
        with database.reading() as session:
            person = people.find(session, profile)
            if person is None:
                sessions, cramps, notes = [], [], []
            else:
                sessions = log.sessions_between(session, person, start, end, latest=limit)
                cramps = log.cramps_between(session, person, start, end, latest=limit)
                notes = log.notes_between(session, person, start, end, latest=limit)
        name = profile or Settings.from_environment().profile
        if output_format == "json":
            typer.echo(json.dumps({
                "profile": name,
                "sessions": [s.model_dump(mode="json") for s in sessions],
                "cramp_events": [c.model_dump(mode="json") for c in cramps],
                "notes": [n.model_dump(mode="json") for n in notes],
                "disclaimer": DISCLAIMER,
            }, indent=2))
            return
        # Sorted by when, shown as people write dates.
        rows = [row[1:] for row in sorted(
            [_session_row(s) for s in sessions] + [_cramp_row(c) for c in cramps]
            + [_note_row(n) for n in notes])[-limit:]]
        # One's own log is "yours", as on the progress page; another person's is named.
        whose = "you" if profile is None else name
        if not rows:
            _done(console, f"Nothing logged for {whose} yet: try `crampcoach log session`.")
            return
        table = Table(title=Text("Your history" if profile is None else f"History of {name}"))
        table.add_column("When", no_wrap=True)
        table.add_column("What")
        table.add_column("Details")
        for row in rows:
            table.add_row(*(Text(cell) for cell in row))
        console.print(table)
        _done(console, f"The latest {plain_words.count(len(rows), 'entry', 'entries')}; "
                       "--from, --to and --limit choose others.")


def _session_row(logged: StoredSession) -> tuple[str, str, str, str]:
    from crampcoach.export.handout import seconds_text
    from crampcoach.plan import exercise_names

    parts = []
    for item in logged.items:
        if item.reps is not None:
            dose = f"{item.sets} × {item.reps}"
            if item.hold_s is not None:
                dose += f" (hold {seconds_text(item.hold_s)})"
        else:
            dose = f"{item.sets} × {seconds_text(item.hold_s)}" if item.hold_s is not None else ""
        text = f"{exercise_names.said(item.exercise)} {dose}".rstrip()
        if item.load_kg:
            text += f" at {item.load_kg:g} kg"
        if item.felt is not None:
            text += (f", felt in glutes {item.felt.glutes}, hamstrings {item.felt.hamstrings}, "
                     f"lower back {item.felt.low_back}")
        if item.pain:
            text += f", pain {item.pain}/10"
        parts.append(text)
    if logged.note:
        parts.append(f"note: {logged.note}")
    return logged.date.isoformat(), plain_words.day(logged.date), "session", "; ".join(parts)


def _cramp_row(cramp: StoredCramp) -> tuple[str, str, str, str]:
    from crampcoach.plan import exercise_names

    details = [cramp.side, f"during {exercise_names.said(cramp.during)}", f"severity {cramp.severity}/10"]
    if cramp.minutes_into is not None:
        details.append(f"{cramp.minutes_into} min in")
    if cramp.duration_s is not None:
        details.append(f"lasted {plain_words.seconds(cramp.duration_s)}")
    if cramp.eased_by:
        details.append(f"eased by {cramp.eased_by}")
    when = plain_words.day(cramp.occurred_at)
    # A cramp logged with a date alone is stored at midnight: no time is shown for it.
    if (cramp.occurred_at.hour, cramp.occurred_at.minute) != (0, 0):
        when += f" {cramp.occurred_at:%H:%M}"
    return cramp.occurred_at.isoformat(), when, "cramp", ", ".join(details)


def _note_row(note: StoredNote) -> tuple[str, str, str, str]:
    return note.date.isoformat(), plain_words.day(note.date), "note", note.text


# -- log undo -----------------------------------------------------------------------------


def log_undo(
    profile: ProfileOption = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Remove the session or cramp logged last (a slip of the keyboard); asks first."""
    from crampcoach.store import database, log, people
    from crampcoach.store.records import StoredCramp

    console = _console()
    with _reporting():
        with database.reading() as session:
            person = people.require(session, profile) if profile else people.find(session)
            entry = None if person is None else log.latest_recorded(session, person)
        if person is None or entry is None:
            _done(console, "Nothing logged yet, so nothing to remove.")
            return
        _, when, what, details = (_cramp_row(entry) if isinstance(entry, StoredCramp)
                                  else _session_row(entry))
        described = f"the {what} of {when} ({details})"
        if not yes:
            _confirm_or_stop(f"Remove {described} from the log?", "Nothing removed.")
        with database.transaction() as session:
            if isinstance(entry, StoredCramp):
                log.remove_cramp(session, person, entry.uid)
            else:
                log.remove_session(session, person, entry.uid)
        _done(console, f"Removed {described}{_for(person.name)}.")


# -- export, import, forget ---------------------------------------------------------------


def export(
    out: Annotated[Path, typer.Option(
        "--out", "-o", help="File to write the JSON to ('-' for standard output).")],
    profile: ProfileOption = None,
) -> None:
    """Write all of a person's data to one JSON file."""
    from crampcoach.store import database, exports, people, transfer

    console = _console(stderr=str(out) == "-")
    with _reporting():
        with database.reading() as session:
            person = people.require(session, profile)
            document = transfer.export_person(session, person)
        text = transfer.export_json(document)
        if str(out) == "-":
            sys.stdout.write(text)
            return
        content = text.encode("utf-8")
        try:
            out.write_bytes(content)
        except OSError as exc:
            raise InputError("--out", f"cannot write {out}: {exc.strerror}") from None
        with database.transaction() as session:
            # Remembered, so that `forget` removes this copy of the data as well.
            exports.record_export(session, person, out, content)
        _done(console, f"Exported {person.name}: {len(document.sessions)} sessions, "
                       f"{len(document.cramp_events)} cramps, {len(document.notes)} notes, "
                       f"{len(document.plans)} plans, {len(document.assessments)} "
                       f"assessments, {len(document.activities)} activities -> {out}")


def import_(
    file: Annotated[Path, typer.Argument(help="A file written by `crampcoach export`.")],
    as_name: Annotated[str | None, typer.Option(
        "--as", help="Store under this profile name instead of the one in the file.")] = None,
) -> None:
    """Read a file written by `crampcoach export`; records already stored are skipped."""
    from crampcoach.store import database, transfer

    console = _console()
    with _reporting(), _import_progress() as progress:
        reading = progress.add_task("Reading the file", total=None)
        document = transfer.parse_export(_read(file, "FILE"))
        progress.update(reading, total=1, completed=1)
        checking = progress.add_task("Checking the records", total=transfer.record_count(document))
        # Checked against a snapshot first, so other writers are not kept waiting ...
        with database.reading() as session:
            staged = transfer.stage_import(session, document, name=as_name,
                                           advance=lambda n: progress.advance(checking, n))
        writing = progress.add_task("Writing the new records", total=staged.count)
        # ... and written in one short transaction (bulk inserts).
        with database.transaction() as session:
            imported = transfer.write_import(session, staged,
                                             advance=lambda n: progress.advance(writing, n))
        added = ", ".join(f"{count} {kind.replace('_', ' ')}"
                          for kind, count in imported.added.items())
        skipped = sum(imported.already_there.values())
        _done(console, f"Imported into {imported.person.name}: {added}"
                       + (f" ({skipped} already stored)" if skipped else "") + ".")


@contextmanager
def _import_progress() -> Iterator[Progress]:
    """A progress bar on stderr while a file is read, checked and written; when stderr is not
    a terminal (piped, or a log file) the same calls draw nothing."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = _console(stderr=True)
    progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                        MofNCompleteColumn(), TimeElapsedColumn(), console=console,
                        transient=True, disable=not console.is_terminal)
    with progress:
        yield progress


def forget(
    profile: ProfileOption = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete everything stored about a person, and the export files written of them.
    This cannot be undone."""
    from crampcoach.store import database, exports, people

    console = _console()
    with _reporting():
        with database.reading() as session:
            person = people.require(session, profile)
            files = exports.exports_of(session, person)
        for path in files:
            typer.echo(f"Export to delete: {path}")  # unwrapped: a path must stay whole
        if not yes:
            _confirm_or_stop(f"Delete all data of '{person.name}'"
                             + (f" and the {len(files)} export file(s) above" if files else "")
                             + "? This cannot be undone", "Nothing deleted.")
        with database.transaction() as session:
            found = people.find(session, person.name, person.owner)
            if found is not None:
                files = exports.exports_of(session, found)
            gone = people.forget(session, found) if found is not None else None
        left = exports.remove_files(files)
        scrubbed = database.scrub()
        for path in left:
            typer.echo(f"Could not delete {path}; delete it yourself.")
        if scrubbed == "postgresql":
            console.print("PostgreSQL frees the space at its next vacuum (autovacuum, "
                          "usually within minutes).")
        elif scrubbed == "busy":
            console.print("Another program is still reading the database; the deleted data "
                          "leaves its log when it stops (or run `crampcoach doctor` then).")
        if gone is None:
            _done(console, f"{person.name} had already been forgotten.")
            return
        removed = f", {len(files) - len(left)} export files" if files else ""
        _done(console, f"Forgot {person.name}: {gone.sessions} sessions, {gone.cramp_events} "
                       f"cramps, {gone.notes} notes, {gone.plans} plans, {gone.assessments} "
                       f"assessments, {gone.activities} activities{removed}.")


# -- reading flags ------------------------------------------------------------------------


def _read(path: Path, field: str) -> str:
    from crampcoach.limits import read_text

    return read_text(path, field)


def _day(text: str, field: str) -> dt.date:
    return parse_day(text, field)


def _moment(text: str, field: str) -> dt.datetime:
    return parse_moment(text, field)
