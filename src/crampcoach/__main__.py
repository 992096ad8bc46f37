"""`python -m crampcoach ...`: the same command line as `crampcoach ...`."""

from crampcoach.cli import app

app(prog_name="crampcoach")
