"""The `crampcoach` command line: commands parse input, call the core and print."""

from crampcoach.cli.app import app

__all__ = ["app"]
