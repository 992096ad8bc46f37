"""Command-line commands of the intake: `crampcoach ask`.

`register(app)` adds them to the main Typer app; bad input raises InputError, which the
app turns into one line on stderr and exit status 2.
"""

from __future__ import annotations

import json
import sys
import textwrap
from enum import StrEnum
from typing import Annotated

import typer

from crampcoach import plain_words
from crampcoach.ask import AskAnswer, answer_question


class AskFormat(StrEnum):
    text = "text"
    json = "json"


def render_answer(answer: AskAnswer, width: int = 88) -> str:
    """The answer as plain text for a terminal."""

    def wrap(text: str, indent: str = "") -> str:
        return textwrap.fill(text, width=width, initial_indent=indent, subsequent_indent=indent)

    lines: list[str] = []
    if not answer.covered:
        lines.append(wrap("Not covered. " + answer.note))
    else:
        for item in answer.answers:
            lines.append(item.title)
            lines.append(wrap(item.text, "  "))
            sources = f"Sources: {plain_words.short_sources(item.sources)}. " if item.sources else ""
            lines.append(wrap(f"{sources}Evidence: {plain_words.grade(item.evidence)} "
                              f"({item.basis})", "  "))
            lines.append("")
        lines.append(wrap(answer.note))
    if answer.interview:
        lines.append(wrap(answer.interview))
    lines.append(wrap(answer.disclaimer))
    return "\n".join(lines)


def ask_command(
    question: Annotated[str, typer.Argument(help="Your question, in your own words.")],
    output: Annotated[AskFormat, typer.Option("--format", "-f", help="text or json.")] = (
        AskFormat.text
    ),
) -> None:
    """Answer a question about hamstring cramps from the knowledge base, with sources."""
    answer = answer_question(question)
    if output is AskFormat.json:
        sys.stdout.write(json.dumps(answer.to_json(), indent=2, ensure_ascii=False) + "\n")
    else:
        typer.echo(render_answer(answer))


def register(app: typer.Typer) -> None:
    """Add the intake commands (`ask`) to the crampcoach app."""
    app.command("ask")(ask_command)
