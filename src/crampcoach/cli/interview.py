"""The `interview` command's conversation in the terminal: steps, the result, what next.

Presentation only: the core chooses every step (`next_question`, with `also` for a
checklist) and decides when to stop; this module asks, reads replies and prints.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from crampcoach import plain_words
from crampcoach.case import Case
from crampcoach.errors import InputError
from crampcoach.knowledge import load_knowledge
from crampcoach.reading import (
    checklist_complaint,
    is_go_ahead,
    parse_checklist,
    parse_reply,
)
from crampcoach.reasoning.assessment import Assessment, NextQuestion
from crampcoach.reasoning.dialogue import InterviewDialogue

if TYPE_CHECKING:
    from rich.console import Console

CHECKLIST_HINT = ("Type the numbers that apply (e.g. 2 5), 'none' if none does, ?N for one you "
                  "are not sure about; or back, why, quit.")


# A paste arrives at once: the lines after the first that are already waiting belong to it.
PASTE_WAIT_S = 0.15


def read_description(stream: TextIO) -> str | None:
    """The person's own words at a terminal: the first line, and every further line of the
    same paste (lines already waiting when one is read), so a message of several lines is one
    description rather than answers to the questions after it. None when only Enter is typed.
    """
    import select

    lines = [stream.readline()]
    try:
        while lines[-1] and select.select([stream], [], [], PASTE_WAIT_S)[0]:
            lines.append(stream.readline())
    except (OSError, ValueError):  # a stream select cannot watch: its first line alone
        pass
    text = "".join(lines).strip()
    return text or None


def _step_heading(question: NextQuestion) -> str:
    if question.screening:
        return "[red]Safety check[/red] [bold]Do any of these apply to you now?[/bold]"
    group = load_knowledge().findings[question.finding].group
    return f"[bold]{load_knowledge().groups[group]}: which of these apply to you?[/bold]"


def _lines(question: NextQuestion) -> list[tuple[str, str]]:
    """The step's lines, in the core's order (gathered by topic)."""
    if question.checklist:
        return [(item.finding, item.text) for item in question.checklist]
    kb = load_knowledge()
    return [(f, kb.findings[f].question) for f in (question.finding, *question.also)]


def _show_progress(console: Console, state: InterviewDialogue, current: Assessment,
                   described: int) -> None:
    from crampcoach.cli.terminal import bar

    counter = f"Step {state.asked + 1}"
    if described:
        counter += f" · {described} answer{'s' if described != 1 else ''} taken from your description"
    console.print(f"\n[dim]{counter}[/dim]")
    if state.asked == 0:
        return  # before any answer the leading causes are only how common each one is
    unexplained = current.unexplained
    if unexplained is not None and unexplained.leading:
        console.print("[dim]  So far no known pattern fits your answers.[/dim]")
        return
    for cause in current.shown_causes(3):
        chance = plain_words.percent(cause.probability)
        console.print(f"[dim]  {bar(cause.probability, 10)} {chance:>4}  {cause.name}[/dim]")


def _show_checklist(console: Console, question: NextQuestion, lines: list[tuple[str, str]]) -> None:
    """The step's heading and numbered lines; a long list is parted by topic for scanning."""
    kb = load_knowledge()
    console.print(_step_heading(question))
    groups = [kb.findings[fid].group for fid, _ in lines]
    parted = len(lines) > 8 and len(set(groups)) > 1
    shown = None
    for number, ((_, text), group) in enumerate(zip(lines, groups, strict=True), start=1):
        if parted and group != shown:
            console.print(f"  [underline]{kb.groups[group]}[/underline]")
            shown = group
        console.print(f"  {number:2}. {text}")
    console.print(f"[dim]{CHECKLIST_HINT}[/dim]")


def _why_checklist(state: InterviewDialogue, question: NextQuestion) -> str:
    if question.screening:
        return ("Each of these is a warning sign: any one of them changes what you should do "
                "(see a doctor, or get care today).")
    return state.why(question.finding)


def converse(console: Console, state: InterviewDialogue) -> None:
    """Ask step after step until the core has no next question or the person stops."""
    described = state.from_description()
    while True:
        current = state.assessment()
        question = current.next_question
        if question is None:
            return
        _show_progress(console, state, current, described)
        if question.also:
            lines = _lines(question)
            _show_checklist(console, question, lines)
            # A reply that cannot be read, or "why", is answered in place: the list stays put.
            while True:
                line = sys.stdin.readline()
                if not line:
                    return  # end of input: finish with what we have
                parsed = parse_checklist(line, len(lines))
                if parsed is None:
                    console.print(checklist_complaint(line, len(lines)))
                elif parsed == "why":
                    console.print(_why_checklist(state, question))
                else:
                    break
            if parsed == "quit":
                return
            if parsed == "back":
                if not state.back():
                    console.print("[dim]Nothing to go back to.[/dim]")
                continue
            if isinstance(parsed, dict):
                state.answer_step({lines[i][0]: value for i, value in parsed.items()})
            continue
        tag = "[red]Safety check[/red] " if question.screening else ""
        console.print(f"{tag}[bold]{question.text}[/bold]  [dim](yes/no/?/back/why/quit)[/dim]")
        line = sys.stdin.readline()
        if not line:
            return
        reply = parse_reply(line)
        if reply is None:
            console.print("Please answer yes, no, ? (don't know), back, why or quit.")
            continue
        if reply == "quit":
            return
        if reply == "back":
            if not state.back():
                console.print("[dim]Nothing to go back to.[/dim]")
            continue
        if reply == "why":
            console.print(f"[italic]{question.help}[/italic]")
            console.print(state.why(question.finding))
            continue
        state.answer(question.finding, reply)


def write_case_file(path: Path, case: Case) -> None:
    try:
        path.write_text(json.dumps(case.model_dump(mode="json", exclude_none=True), indent=2),
                        encoding="utf-8")
    except OSError as exc:
        raise InputError("--save", f"cannot write {path}: {exc.strerror}") from None


def store_in_log(case: Case, result: Assessment, profile: str | None) -> tuple[str, int]:
    """Keep the assessment in the person's log; returns (whose, version)."""
    from crampcoach.store import database, people, versions

    with database.transaction() as session:
        person = people.ensure(session, profile)
        stored = versions.add_assessment(session, person, case.model_dump(mode="json", exclude_none=True),
                                         result.to_contract())
        return person.name, stored.version


def offer_plan(console: Console, case: Case, result: Assessment, saved: tuple[str, int] | None,
               profile: str | None) -> None:
    """End with what to do next: the plan on one keypress, or why there is none yet."""
    kb = load_knowledge()
    if result.triage.level == "urgent":
        console.print(f"\n[bold]No training plan for now.[/bold] {result.triage.action} "
                      "Once a doctor has seen you and said you may train, run "
                      "`crampcoach interview` again.")
        return
    later = "crampcoach plan" if saved else "crampcoach plan --case FILE (save it with --save FILE)"
    if result.triage.level != "self_care":
        console.print(f"\n[dim]{kb.triage_levels[result.triage.level].name} first; the plan "
                      "holds only what is safe until then.[/dim]")
    console.print("\n[bold]Press Enter to make your plan now, q to finish.[/bold]")
    line = sys.stdin.readline()
    # Enter, "yes" or "ok" make the plan, as they confirm a read-back; anything else finishes.
    if not line or not is_go_ahead(line):
        console.print(f"You can make your plan later with `{later}`.")
        return
    from crampcoach.cli.plan import next_step, plan_for
    from crampcoach.export import render

    plan = plan_for(case, start=date.today())
    console.print(str(render(plan, "text")), markup=False, highlight=False)
    if saved is not None:
        from crampcoach.store import database, people, versions

        with database.transaction() as session:
            person = people.require(session, profile)
            stored = versions.add_plan(session, person, plan.to_contract(),
                                       reason="made at the end of the interview",
                                       assessment_version=saved[1])
        whose = "your" if profile is None else f"{saved[0]}'s"
        step = next_step(plan)
        console.print(f"Plan kept in {whose} log (version {stored.version}). "
                      f"Next: {step[0].upper()}{step[1:]}.", style="dim", markup=False)
