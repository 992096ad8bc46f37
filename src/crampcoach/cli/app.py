"""The `crampcoach` command line. Commands parse input and print; the core does the work."""

from __future__ import annotations

import importlib
import json
import re
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from pydantic import ValidationError
from typer.core import TyperGroup

from crampcoach import DISCLAIMER, __version__
from crampcoach.case import CHILD_NOTE, OLDEST, YOUNGEST, Case, load_case_file, parse_case
from crampcoach.errors import InputError, bound_message, suggest
from crampcoach.knowledge import KnowledgeError, load_knowledge
from crampcoach.reasoning import assess
from crampcoach.settings import Settings

if TYPE_CHECKING:
    from rich.console import Console

# Rich, the evaluation and the interview state are imported where they are used: a cold
# `crampcoach assess --format json` should not pay for them.


# Commands of the other domains, imported only when used: a cold `crampcoach assess`
# should not pay for the plan builder, the database or the web server.
DOMAIN_COMMANDS: dict[str, str] = {
    "plan": "crampcoach.cli.plan",
    "session": "crampcoach.cli.plan",
    "exercises": "crampcoach.cli.plan",
    "log": "crampcoach.cli.store",
    "history": "crampcoach.cli.store",
    "export": "crampcoach.cli.store",
    "import": "crampcoach.cli.store",
    "forget": "crampcoach.cli.store",
    "progress": "crampcoach.cli.progress",
    "ask": "crampcoach.cli.ask",
    "serve": "crampcoach.cli.serve",
    "import-training": "crampcoach.cli.training",
    "account": "crampcoach.cli.account",
    "doctor": "crampcoach.cli.doctor",
}


def _domain_command(name: str) -> Any:
    """Build the click command `name` from its domain module's `register(app)`."""
    module = importlib.import_module(DOMAIN_COMMANDS[name])
    domain = typer.Typer(cls=TyperGroup, add_completion=False, pretty_exceptions_enable=False)
    module.register(domain)
    built = typer.main.get_command(domain)
    commands = getattr(built, "commands", None)
    return commands.get(name) if commands is not None else built


# Typer raises its own copy of Click's usage error; BadParameter is its public subclass.
UsageError: type[Exception] = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")


# Typer converts option values with pydantic and passes its wording through ("Input should
# be a valid integer, unable to parse string as an integer"); the error it wraps says the same
# in the words the rest of the CLI uses, with the value given.
_NOT_A = {"int_parsing": "a whole number", "int_type": "a whole number",
          "int_from_float": "a whole number", "float_parsing": "a number", "float_type": "a number"}


def parameter_message(exc: Exception) -> str | None:
    """"--weeks: 'abc' is not a whole number" for a value Typer refused, or None."""
    cause, param = exc.__cause__, getattr(exc, "param", None)
    if not isinstance(cause, ValidationError) or param is None or not param.opts:
        return None
    detail = cause.errors()[0]
    said = bound_message(detail)
    if said is None and detail["type"] in _NOT_A:
        said = f"'{detail['input']}' is not {_NOT_A[detail['type']]}"
    return f"{param.opts[0]}: {said}" if said is not None else None


class CommandGroup(TyperGroup):
    """Turns bad input into one line on stderr and exit status 2, and storage faults into
    one line and exit status 1, for every command."""

    def list_commands(self, ctx: Any) -> list[str]:
        core = super().list_commands(ctx)
        return [*core, *(name for name in DOMAIN_COMMANDS if name not in core)]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is None and cmd_name in DOMAIN_COMMANDS:
            command = _domain_command(cmd_name)
            if command is not None:
                self.add_command(command, cmd_name)
        return command

    def _command_hint(self, ctx: Any, message: str, exc: Exception) -> str:
        """' (did you mean ...?)' for a misspelt command ("plna"); where to see a command's
        options for words it does not take ("log session glute bridge 3x10"); else ''."""
        failed = getattr(exc, "ctx", None)  # the (sub)command whose parsing failed
        if message.startswith("Got unexpected extra argument") and failed is not None:
            command = " ".join(["crampcoach", *failed.command_path.split()[1:]])
            return f" (`{command} --help` shows what it takes and how)"
        if message.startswith(f"--age: must be at least {YOUNGEST},"):
            return f" ({CHILD_NOTE})"
        unknown = re.match(r"No such command '([^']*)'", message)
        if unknown is None:
            return ""
        return suggest(unknown.group(1), self.list_commands(ctx)) or \
            " (`crampcoach --help` lists the commands)"

    def invoke(self, ctx: Any) -> Any:  # the Context class is internal to Typer
        try:
            return super().invoke(ctx)
        except InputError as exc:
            typer.echo(f"error: {exc}", err=True)
            ctx.exit(2)
        except UsageError as exc:  # a bad option or argument, found while parsing
            message = parameter_message(exc) or " ".join(
                str(exc.format_message()).split())  # type: ignore[attr-defined]
            typer.echo(f"error: {message}{self._command_hint(ctx, message, exc)}", err=True)
            ctx.exit(2)
        except KnowledgeError as exc:
            typer.echo("error: the knowledge base is broken:\n" + str(exc), err=True)
            ctx.exit(1)
        except (typer.Exit, typer.Abort):
            raise
        except Exception as exc:
            # Storage faults (locked, damaged, read-only, full, unreachable): one line, exit 1.
            from crampcoach.store.faults import storage_fault

            fault = storage_fault(exc)
            if fault is None:
                raise
            typer.echo(f"error: {fault}", err=True)
            ctx.exit(1)


app = typer.Typer(
    cls=CommandGroup,
    help="Find out why your hamstrings cramp, how urgent it is, and what fixes it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="text or json.")]


def _console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False, stderr=stderr)


def _print_json(document: object) -> None:
    sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"crampcoach {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Find out why your hamstrings cramp, how urgent it is, and what fixes it."""


def case_from_options(case_file: Path | None, text: str | None) -> Case:
    """The case given by --case and/or --text (text is merged; explicit findings win)."""
    if case_file is None and text is None:
        raise InputError("--case", "give a case file (--case FILE) or a description (--text)")
    case = load_case_file(case_file) if case_file else Case()
    if text is not None:
        if not text.strip():
            raise InputError("--text", "the description is empty")
        case = parse_case({**case.model_dump(exclude_none=True), "text": text})
    if not case.text:
        return case  # nothing to read: the text reader and its spelling index stay unloaded
    from crampcoach.intake.profile import complete_case

    return complete_case(case)[0]


@app.command("assess")
def assess_command(
    case_file: Annotated[Path | None, typer.Option("--case", help="Case file (JSON or YAML).")] = None,
    text: Annotated[str | None, typer.Option("--text", help="Your own description of the cramps.")] = None,
    from_record: Annotated[bool, typer.Option(
        "--from-record", help="Also use what your imported training record shows.")] = False,
    profile: Annotated[str | None, typer.Option(
        "--profile", help="Whose training record (with --from-record).")] = None,
    output: FormatOption = OutputFormat.text,
) -> None:
    """Assess a case: triage level, likely causes with reasons and sources, next question."""
    if not from_record:
        if profile is not None:
            raise InputError("--profile", "give it with --from-record")
        result = assess(case_from_options(case_file, text),
                        use_text_model=Settings.from_environment().text_model)
        observed: list[Any] = []
    else:
        from crampcoach.cli.training import assess_with_record

        case = Case() if case_file is None and text is None else case_from_options(case_file, text)
        result, observed = assess_with_record(case, profile)
    if output is OutputFormat.json:
        document = result.to_contract()
        if from_record:
            document["observed"] = [o.model_dump(mode="json") for o in observed]
        _print_json(document)
    else:
        from crampcoach.cli.terminal import render_assessment

        if observed:  # first, so the record's answers are not taken for the person's own
            from crampcoach.cli.training import render_observed

            render_observed(_console(), observed)
        render_assessment(_console(), result)


@app.command("interview")
def interview_command(
    text: Annotated[str | None, typer.Option("--text", help="Start from your own description.")] = None,
    age: Annotated[int | None, typer.Option("--age", min=YOUNGEST, max=OLDEST, help="Your age.")] = None,
    sex: Annotated[str | None, typer.Option("--sex", help="female, male or other (f, m, o).")] = None,
    save: Annotated[Path | None, typer.Option("--save", help="Also write the answered case to this file.")] = None,
    keep: Annotated[bool, typer.Option(
        "--keep/--no-save", help="Keep the result in your log (default: yes).")] = True,
    from_record: Annotated[bool, typer.Option(
        "--from-record", help="Take what your imported training record shows as answered.")] = False,
    profile: Annotated[str | None, typer.Option(
        "--profile", help="Whose log keeps the result and whose training record --from-record reads "
                          "(default: the `profile` setting).")] = None,
    output: FormatOption = OutputFormat.text,
) -> None:
    """Answer a few steps (checklists: numbers; questions: yes / no / don't know / back / why / quit)."""
    from crampcoach.cli.interview import (
        converse,
        offer_plan,
        read_description,
        store_in_log,
        write_case_file,
    )
    from crampcoach.cli.terminal import render_assessment
    from crampcoach.reading import parse_sex
    from crampcoach.reasoning.dialogue import InterviewDialogue

    if save is not None and not save.parent.is_dir():  # say so now, not after the last answer
        raise InputError("--save", f"folder does not exist: {save.parent}")
    if text is not None and not text.strip():  # as `assess --text ""` refuses it
        raise InputError("--text", "the description is empty")
    console = _console(stderr=output is OutputFormat.json)
    interactive = sys.stdin.isatty()
    base: dict[str, Any] = {"age": age, "sex": parse_sex(sex, "--sex") if sex else None}
    if text is None and interactive:
        import threading

        from crampcoach.intake.reader import prepare_reader

        # Reading a description first compiles the lexicon's patterns (about a second): done
        # while the person types, the words are read as soon as they press Enter.
        threading.Thread(target=prepare_reader, name="prepare-reader", daemon=True).start()
        console.print("[bold]Describe your cramps in your own words[/bold] (Enter to skip; "
                      "a message of several lines can be pasted whole):")
        text = read_description(sys.stdin)
    if text is not None:
        base["text"] = text
    start = parse_case({k: v for k, v in base.items() if v is not None})
    from crampcoach.intake.profile import complete_case

    start, about = complete_case(start)
    if about.plain():
        console.print(f"[bold]From your words:[/bold] {', '.join(about.plain())}")
    start = _confirm_understood(console, start)
    if from_record:  # after the person's own words, which win over the record
        from crampcoach.cli.training import record_answers, render_observed

        start, observed = record_answers(start, profile)
        render_observed(console, observed)
    state = InterviewDialogue(start)
    converse(console, state)
    final = state.assessment()
    case = state.case()
    if save:
        write_case_file(save, case)
    saved = store_in_log(case, final, profile) if keep else None
    if output is OutputFormat.json:
        _print_json(final.to_contract())
        return
    console.print()
    render_assessment(console, final)
    if saved:
        whose = "your" if profile is None else f"{saved[0]}'s"
        console.print(f"\nKept in {whose} log as assessment {saved[1]}, "
                      f"{date.today().strftime('%-d %B %Y')}.")
    if save:
        console.print(f"Saved your answers to {save}.")
    offer_plan(console, case, final, saved, profile)


def _confirm_understood(console: Console, case: Case) -> Case:
    """Show what was read from the person's words and let them correct any of it.

    A correction becomes an explicit answer, which wins over the text.
    """
    if not case.text:
        return case
    from crampcoach.reading import ANSWER_SAID, ANSWER_VALUE, parse_confirmation, parse_reply

    kb = load_knowledge()
    while True:
        understood = assess(case).understood_spans or []
        if not understood:
            console.print("[dim]I could not pick out specific answers from that; let's go through the questions.[/dim]")
            return case
        console.print("[bold]From your words I understood:[/bold]")
        for number, item in enumerate(understood, start=1):
            value = ANSWER_SAID[item.value]
            # A corrected item is the person's own answer: the words it was misread from
            # are no longer its source.
            source = f"  [dim]“{item.text}”[/dim]"
            if item.finding in case.findings:
                value = ANSWER_SAID[case.findings[item.finding]] + " (corrected by you)"
                source = ""
            console.print(f"  {number}. {kb.findings[item.finding].question} [bold]{value}[/bold]"
                          + source)
        console.print("Is that right? Press Enter (or type yes) if so, or the number of an item "
                      "to correct it:")
        reply = parse_confirmation(sys.stdin.readline(), len(understood))
        asked_which = False
        while not isinstance(reply, int) and reply != "right":
            if reply == "why":
                console.print("These are the answers I read in your words. Correct any I got "
                              "wrong; a correction counts as your answer.")
            elif reply == "wrong" and asked_which:
                # "No" to "which one is wrong?": none of them.
                return case
            elif reply == "wrong":
                asked_which = True
                console.print(f"Which one is wrong? Type its number (1 to {len(understood)}), or "
                              "press Enter if all is right:")
            else:
                console.print(f"Type a number from 1 to {len(understood)} to correct it, or "
                              "press Enter if all is right:")
            line = sys.stdin.readline()
            if not line:  # end of input: nothing more will be corrected
                return case
            reply = parse_confirmation(line, len(understood))
        if reply == "right":
            return case
        finding = understood[reply].finding
        console.print(f"{kb.findings[finding].question} (yes/no/?)")
        answer = parse_reply(sys.stdin.readline())
        if answer in ANSWER_VALUE:
            case = case.with_answer(finding, ANSWER_VALUE[answer])


@app.command("questions")
def questions_command(output: FormatOption = OutputFormat.text) -> None:
    """List every question crampcoach can ask, by topic, with its help text."""
    kb = load_knowledge()
    if output is OutputFormat.json:
        _print_json({fid: {"question": f.question, "help": f.help, "group": f.group,
                           "answers": f.answers, "screening": f.screen is not None}
                     for fid, f in kb.findings.items()})
        return
    console = _console()
    for group, title in kb.groups.items():
        console.print(f"\n[bold underline]{title}[/bold underline]")
        for finding in kb.findings.values():
            if finding.group == group:
                console.print(f"  • {finding.question}\n      [dim]{finding.help}[/dim]")
    # The ids are for case files, which only scripts and clinicians' tools write.
    console.print("\n[dim]`crampcoach questions --format json` gives the id of each question "
                  "for a case file.[/dim]")
    console.print(f"[dim]{DISCLAIMER}[/dim]")


@app.command("explain")
def explain_command(
    cause_words: Annotated[str, typer.Argument(
        metavar="CAUSE",
        help="The cause in a few words (\"weak glutes\", \"too little fluid\", \"blood clot\") "
             "or its id from `--format json`.")],
    output: FormatOption = OutputFormat.text,
) -> None:
    """Explain a cause: what it is, how sure the literature is, what points to it, sources."""
    from crampcoach.knowledge.cause_names import matching_causes

    kb = load_knowledge()
    found = matching_causes(kb, cause_words)
    if len(found) != 1:
        said = cause_words.strip()
        if found:
            could = "; or ".join(kb.causes[c].name.lower() for c in found)
            raise InputError("CAUSE", f"'{said}' could mean {could}: add a word or two")
        names = "; ".join(c.name.lower() for c in kb.causes.values())
        raise InputError("CAUSE", f"no cause matches '{said}'; name one of these in a few "
                                  f"words: {names}")
    cause_id = found[0]
    cause = kb.causes[cause_id]
    if output is OutputFormat.json:
        _print_json({**cause.model_dump(mode="json"), "disclaimer": DISCLAIMER})
        return
    from crampcoach import plain_words

    console = _console()
    console.print(f"[bold]{cause.name}[/bold]\n")
    console.print(cause.explanation + "\n")
    console.print(f"[bold]Evidence:[/bold] {plain_words.grade(cause.evidence.grade)} — {cause.evidence.basis}\n")
    console.print("[bold]What points to it[/bold] (chance of the answer 'yes' when this cause is at work):")
    for fid, link in sorted(cause.links.items(), key=lambda kv: -kv[1].strength):
        cited = plain_words.short_sources(c.seed for c in link.sources) or link.basis
        console.print(f"  {link.strength:4.0%}  {kb.findings[fid].question}  [dim]{cited}[/dim]")
    if cause.sources:
        console.print("\n[bold]Sources[/bold]")
        for c in cause.sources:
            note = f" ({c.note})" if c.note else ""
            console.print(f"  {plain_words.source(c.seed)}: “{c.locator}”{note}")
    for d in kb.disagreements:
        if cause_id in d.causes:
            console.print(f"\n[bold]Where the sources disagree: {d.title}[/bold] {d.note}")
    if cause.refer:
        console.print(f"\n[bold]Who can help:[/bold] {cause.refer.who}")
    console.print(f"\n[dim]{DISCLAIMER}[/dim]")


@app.command("sources")
def sources_command(output: FormatOption = OutputFormat.text) -> None:
    """Per source article, what the knowledge base took from it (with the words it cites)."""
    from crampcoach.knowledge.citations import citations_by_seed

    found = citations_by_seed(load_knowledge(), knowledge_extras())
    if output is OutputFormat.json:
        _print_json({seed: [{"entry": e.entry, "locator": e.locator, "note": e.note} for e in items]
                     for seed, items in found.items()})
        return
    from crampcoach import plain_words

    console = _console()
    spoken = entry_names()
    for seed, items in found.items():
        console.print(f"\n[bold]{plain_words.source(seed)}[/bold]", markup=True)
        console.print(f"[dim]{len(items)} passages cited[/dim]")
        for e in items:
            note = f" [dim]({e.note})[/dim]" if e.note else ""
            console.print(f"  {spoken(e.entry)}: “{e.locator}”{note}")
    console.print(f"\n[dim]{DISCLAIMER}[/dim]")


def entry_names() -> Any:
    """Turns a citation's entry label ("link glute_weakness -> one_side_only") into words."""
    from crampcoach.plan.loader import load_plan_knowledge

    kb, pk = load_knowledge(), load_plan_knowledge()
    cause = {cid: c.name for cid, c in kb.causes.items()}
    question = {fid: f.question for fid, f in kb.findings.items()}
    rules = {r.id: cause.get(r.suspected, r.suspected.replace("_", " ")) for r in kb.red_flags}
    kinds: dict[str, Any] = {
        "finding": lambda x: f"question “{question.get(x, x)}”",
        "cause": lambda x: cause.get(x, x),
        "red flag": lambda x: f"warning sign of {str(rules.get(x, x)).lower()}",
        "disagreement": lambda x: f"where the sources disagree on {x.replace('_', ' ')}",
        "exercise": lambda x: pk.exercises[x].name if x in pk.exercises else x,
        "advice": lambda x: f"advice “{pk.advice[x].title}”" if x in pk.advice else x,
        "phase": lambda x: f"the {pk.phases.phases[x].name.lower()} phase" if x in pk.phases.phases else x,
        "plan restriction": lambda x: "a safety limit on the plan",
    }

    def spoken(label: str) -> str:
        if label.startswith("link "):
            cid, _, fid = label.removeprefix("link ").partition(" -> ")
            return f"{cause.get(cid, cid)}, and the question “{question.get(fid, fid)}”"
        for kind, say in kinds.items():
            if label.startswith(kind + " "):
                return str(say(label.removeprefix(kind + " ")))
        return {"topics": "answers to common questions", "session rules": "how sessions are built",
                "glute ladder": "the glute bridge ladder"}.get(label, label.replace("_", " "))

    return spoken


def knowledge_extras() -> dict[str, Any]:
    """Knowledge beyond the core files (plans, topics) whose citations `sources` lists."""
    from crampcoach.intake.knowledge import load_topics_knowledge
    from crampcoach.plan.loader import citation_entries, load_plan_knowledge

    return {**citation_entries(load_plan_knowledge()), "topics": load_topics_knowledge()}


@app.command("evaluate")
def evaluate_command(
    cases_file: Annotated[Path, typer.Argument(metavar="CASES.jsonl", help="Labelled cases, one JSON per line.")],
    from_text: Annotated[bool, typer.Option("--from-text", help="Use only each case's text.")] = False,
    trade_off: Annotated[bool, typer.Option(
        "--trade-off", help="Interview steps against agreement with the full case, per stopping threshold.")] = False,
    variants: Annotated[bool, typer.Option(
        "--variants", help="With --trade-off: also each case without each of its present findings.")] = False,
    output: FormatOption = OutputFormat.text,
) -> None:
    """Score the reasoning on labelled cases: accuracy, triage safety, interview length."""
    from crampcoach.reasoning.evaluation import evaluate, read_cases

    cases = read_cases(cases_file)
    if trade_off:
        if variants:
            from crampcoach.reasoning.evaluation import leave_one_out

            cases = leave_one_out(cases)
        _print_trade_off(cases, from_text, output)
        return
    report = evaluate(cases, from_text=from_text)
    reader = None
    if from_text:
        from crampcoach.intake.evaluation import evaluate_reader

        reader = evaluate_reader([c.model_dump() for c in cases])
    if output is OutputFormat.json:
        document = report.model_dump(mode="json")
        if reader is not None:
            document["reader"] = reader.model_dump(mode="json")
        _print_json(document)
        return
    console = _console()
    pct = "{:.0%}".format
    console.print(f"[bold]{report.cases} cases[/bold]{' (from text only)' if from_text else ''}")
    console.print(f"  top-1 cause accuracy   {pct(report.top1_accuracy)}")
    console.print(f"  top-3 cause accuracy   {pct(report.top3_accuracy)}")
    console.print(f"  triage exact           {pct(report.triage_exact)}")
    console.print(f"  triage safe            {pct(report.triage_safe)}")
    recall = "n/a" if report.urgent_recall is None else pct(report.urgent_recall)
    console.print(f"  urgent recall          {recall}")
    console.print(f"  over-triage rate       {pct(report.over_triage_rate)}")
    console.print(f"  median questions       {report.median_questions}")
    if reader is not None:
        console.print(f"  reader precision       {reader.precision}")
        console.print(f"  reader recall          {reader.recall}")
        console.print(f"  red-flag negation errors {len(reader.red_flag_negation_errors)}")
        console.print(f"  warning signs stated present, read present "
                      f"{reader.red_flags_stated_read}/{reader.red_flags_stated}")
        console.print(f"  warning signs read the wrong way round {reader.red_flags_wrong}")
        for score in reader.per_finding.values():
            console.print(f"    {score.finding:32s} {score.correct}/{score.labelled} right, "
                          f"{score.wrong} wrong, {score.uncertain} unsure")
    misses = [r for r in report.results if not (r.top1_ok and r.triage_safe)]
    for r in misses:
        console.print(f"  [yellow]miss[/yellow] {r.id}: top {r.top1}, level {r.level}")



def _print_trade_off(cases: list[Any], from_text: bool, output: OutputFormat) -> None:
    from crampcoach.reasoning.evaluation import parsed_cases, trade_off
    from crampcoach.reasoning.interview import STOPPING

    rows = trade_off(parsed_cases(cases, from_text))
    if output is OutputFormat.json:
        _print_json([row.model_dump(mode="json") for row in rows])
        return
    from rich.table import Table

    table = Table(title=f"Interview trade-off on {len(cases)} cases (answers from each case, "
                        "the rest 'no'; a checklist is one step)")
    for heading in ("change below", "level below", "median steps", "max steps", "agreement",
                    "urgent: median / max steps", "all 'no'", "all 'don't know'"):
        table.add_column(heading, justify="right")
    for row in rows:
        chosen = (row.change_below, row.level_below) == (STOPPING.change_below, STOPPING.level_below)
        urgent = ("n/a" if row.urgent_median_steps is None
                  else f"{row.urgent_median_steps:g} / {row.urgent_max_steps}")
        table.add_row(f"{row.change_below:g}" + (" *" if chosen else ""), f"{row.level_below:g}",
                      f"{row.median_steps:g}", str(row.max_steps), f"{row.agreement:.0%}", urgent,
                      f"{row.all_no_median_steps:g}", f"{row.all_unknown_median_steps:g}")
    _console().print(table)
    _console().print("* the thresholds in use; agreement: top cause and triage level equal to "
                     "the full case's")
