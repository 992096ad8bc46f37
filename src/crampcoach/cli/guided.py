"""A guided session in the terminal: each item in turn, countdowns for holds and rests, cues on
screen, and a record of what was done at the end.

The record has the shape of the training log's session record, so it can be stored as is.
Waiting is skipped when asked to (`wait=False`), which keeps tests and scripted use fast.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from typing import Any

from rich.console import Console
from rich.panel import Panel
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

from crampcoach.cli.plan import next_step
from crampcoach.errors import InputError
from crampcoach.export.handout import dose_text, seconds_text
from crampcoach.plan.models import Item, Plan, PlannedSession

Ask = Callable[[str], str]


def pick_session(plan: Plan, plan_day: int | None) -> PlannedSession:
    """The session on a day of the plan (1 = the start date); the first session when None."""
    sessions = plan.sessions()
    practice = plan.practice_session()
    if not sessions and practice is not None:
        return practice
    if not sessions:
        raise InputError("session", f"this plan holds no exercise: {next_step(plan)}")
    if plan_day is None:
        return sessions[0]
    last = len(plan.weeks) * 7
    if not 1 <= plan_day <= last:
        raise InputError("--day", f"the plan runs from day 1 to day {last}")
    for session in sessions:
        if session.plan_day == plan_day:
            return session
    later = [s.plan_day for s in sessions if s.plan_day > plan_day][:3]
    hint = f"; the next sessions are on days {', '.join(map(str, later))}" if later else ""
    raise InputError("--day", f"day {plan_day} is a rest day{hint}")


def _countdown(console: Console, label: str, seconds: int, sleep: Callable[[float], None]) -> None:
    columns = (TextColumn("{task.description}"), BarColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task(label, total=seconds)
        for _ in range(seconds):
            sleep(1)
            progress.advance(task)


def _show(console: Console, item: Item, index: int, count: int) -> None:
    lines = [f"[bold]{dose_text(item)}[/bold]" + (" · gently" if item.intensity == "gentle" else ""),
             f"[green]{item.reason}[/green]", ""]
    lines += [f"• {cue}" for cue in item.cues]
    if item.mistakes:
        lines += ["", "[red]Avoid:[/red]", *(f"• {m}" for m in item.mistakes)]
    if item.load_note:
        lines += ["", item.load_note]
    console.print(Panel("\n".join(lines), title=f"{index}/{count}  {item.name}", expand=False))


def _do_item(console: Console, item: Item, wait: bool, ask: Ask | None,
             sleep: Callable[[float], None]) -> None:
    sides = ["left side", "right side"] if item.per_side else [""]
    for number in range(1, item.sets + 1):
        for side in sides:
            label = f"Set {number}/{item.sets}" + (f", {side}" if side else "")
            if item.reps is not None:
                console.print(f"{label}: {item.reps} reps"
                              + (f", hold {seconds_text(item.hold_s)} each" if item.hold_s else ""))
                if wait and ask is not None:
                    ask("  press Enter when done ")
            else:
                verb = "hold " if item.kind == "stretch" else ""
                console.print(f"{label}: {verb}{seconds_text(item.hold_s or 0)}")
                if wait:
                    _countdown(console, label, item.hold_s or 0, sleep)
        if number < item.sets and item.rest_s:
            console.print(f"  rest {seconds_text(item.rest_s)}")
            if wait:
                _countdown(console, "rest", item.rest_s, sleep)


def _felt(ask: Ask, item: Item) -> dict[str, int] | None:
    """Where the work of a ladder exercise was felt, 0-10, for the ladder's move-up rule.

    Enter skips the scores; anything else that is not 0-10 is named and asked again, so a
    slip of the finger neither stops the session nor loses the scores already given."""
    scores = {}
    for part, words in (("glutes", "glutes"), ("hamstrings", "hamstrings"),
                        ("low_back", "lower back")):
        prompt = f"{item.name}: how much did you feel your {words}, 0-10 (Enter skips)? "
        answer = ask(prompt).strip()
        while answer and not (answer.isdigit() and int(answer) <= 10):
            answer = ask(f"'{answer[:20]}' is not a score: type a whole number from 0 to 10, "
                         "or press Enter to skip. ").strip()
        if not answer:
            return None
        scores[part] = int(answer)
    return scores


def done_summary(session: PlannedSession, record: dict[str, Any]) -> list[str]:
    """What was done, in words, for a person at a terminal (the record itself is for scripts)."""
    done = {entry["exercise"] for entry in record["items"]}
    lines = [f"Done: week {record['plan_week']}, day {record['plan_day']}, "
             f"about {record['duration_min']} min."]
    lines += [f"  - {item.name}: {dose_text(item)}" for item in session.items if item.exercise in done]
    return lines


def run_session(plan: Plan, session: PlannedSession, console: Console, *, wait: bool,
                ask: Ask | None, sleep: Callable[[float], None] = time.sleep,
                today: date | None = None) -> dict[str, Any]:
    """Guide one session; returns the record of what was done (a training-log session record).

    `ask` reads a line from the person (None when nobody is there to answer).
    """
    started = time.monotonic()
    console.print(f"[bold]Week {session.week}, day {session.day}: {session.title}[/bold] "
                  f"(about {session.minutes} min)")
    if plan.see_a_professional:
        pro = plan.see_a_professional
        console.print(f"See {pro.who} {pro.when}: {pro.why}", style="yellow", markup=False)
    done = []
    for index, item in enumerate(session.items, start=1):
        _show(console, item, index, len(session.items))
        _do_item(console, item, wait, ask, sleep)
        entry: dict[str, Any] = {"exercise": item.exercise, "sets": item.sets}
        if item.reps is not None:
            entry["reps"] = item.reps
        if item.hold_s is not None:
            entry["hold_s"] = item.hold_s
        if item.ladder_step is not None and ask is not None:
            felt = _felt(ask, item)
            if felt is not None:
                entry["felt"] = felt
        done.append(entry)
    console.print("[bold green]Session done.[/bold green] If a hamstring cramped, note when it "
                  "came and how long it lasted, and log it with `crampcoach log cramp`.")
    elapsed = max(1, round((time.monotonic() - started) / 60)) if wait else session.minutes
    return {
        "date": (today or date.today()).isoformat(),
        "plan_week": session.week,
        "plan_day": session.day,
        "duration_min": elapsed,
        "items": done,
        "note": f"Guided session: {session.title}.",
    }
