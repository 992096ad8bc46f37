"""`crampcoach doctor`: check the database, checkpoint its log, recover a damaged file."""

from __future__ import annotations

import typer

from crampcoach import DISCLAIMER


def register(app: typer.Typer) -> None:
    app.command("doctor")(doctor)


def doctor() -> None:
    """Check the database; on SQLite, write its log into the file and recover it if damaged
    (into a new file, keeping the damaged one next to it)."""
    from crampcoach.store.doctor import run_checkup

    checkup = run_checkup()
    if checkup.backend == "postgresql":
        typer.echo(f"PostgreSQL at {checkup.where} answers and is up to date; it checks "
                   "its own files.")
        return
    if checkup.missing:
        typer.echo(f"No database yet at {checkup.where}; it is made on first use.")
        return
    if checkup.healthy:
        typer.echo(f"The database {checkup.where} is sound; its log is written into it "
                   "and emptied.")
        return
    typer.echo(f"The database {checkup.where} was damaged: {checkup.problems[0]}")
    total = sum(checkup.recovered.values())
    typer.echo(f"Recovered {total} rows into a new file in its place:")
    for table, count in checkup.recovered.items():
        lost = " (the rest could not be read)" if table in checkup.unreadable else ""
        typer.echo(f"  {table}: {count}{lost}")
    typer.echo(f"The damaged file is kept as {checkup.kept}; delete it once you have checked "
               "your data (`crampcoach history`).")
    typer.echo(DISCLAIMER)
