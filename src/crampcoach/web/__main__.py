"""`python -m crampcoach.web serve ...`: the server without the rest of the command line."""

from __future__ import annotations

import sys

import typer

from crampcoach.errors import InputError
from crampcoach.web.commands import register

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False)
register(app)


@app.callback()
def main() -> None:
    """crampcoach web server."""


if __name__ == "__main__":
    try:
        app()
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(2)
