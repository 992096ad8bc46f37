"""`crampcoach serve`: the web app and the JSON API under uvicorn."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from crampcoach.errors import InputError
from crampcoach.settings import BY_NAME
from crampcoach.store import database
from crampcoach.web.config import ServerSettings, signing_key

APP_FACTORY = "crampcoach.web.app:create_app"


def _help(name: str, text: str | None = None) -> str:
    # Parentheses, not brackets: the help is printed with Rich, which reads [..] as markup.
    setting = BY_NAME[name]
    return f"{text or setting.help} (env {setting.env}, default {setting.default})"


def start_server(settings: ServerSettings) -> None:
    """Check the settings, prepare the database and key once, then run the workers."""
    if settings.multi_user is False and not settings.on_loopback:
        raise InputError(
            "--host",
            f"{settings.host} is reachable from other machines, and single-user mode has no "
            "login: add --multi-user, or listen on 127.0.0.1",
        )
    signing_key(settings.secret_key)  # made once here, not raced by the workers
    database.engine(settings.database_url or None)  # migrated before any worker starts
    database.dispose()
    import uvicorn

    # The workers are separate processes that read the settings from the environment.
    overrides = {"host": settings.host, "port": str(settings.port),
                 "workers": str(settings.workers),
                 "multi_user": "1" if settings.multi_user else "0"}
    for name, value in overrides.items():
        os.environ[BY_NAME[name].env] = value
    mode = "accounts on" if settings.multi_user else "single user, no login"
    typer.echo(f"crampcoach on http://{settings.host}:{settings.port}/ ({mode}, "
               f"{settings.workers} worker{'s' if settings.workers > 1 else ''}); "
               "Ctrl+C stops it", err=True)
    uvicorn.run(APP_FACTORY, factory=True, host=settings.host, port=settings.port,
                workers=settings.workers, proxy_headers=False, server_header=False,
                log_level="warning", access_log=False)


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve(
        host: Annotated[str | None, typer.Option("--host", help=_help("host"))] = None,
        port: Annotated[int | None, typer.Option("--port", min=1, max=65535,
                                                 help=_help("port"))] = None,
        workers: Annotated[int | None, typer.Option("--workers", min=1, max=64,
                                                    help=_help("workers"))] = None,
        multi_user: Annotated[bool | None, typer.Option(
            "--multi-user/--single-user",
            help=_help("multi_user", "Accounts for coaches and clients, or one local profile "
                       "with no login."))] = None,
    ) -> None:
        """Serve the web pages and the JSON API (/api/v1) in a browser."""
        settings = ServerSettings.from_environment()
        changes: dict[str, object] = {
            name: value for name, value in (("host", host), ("port", port),
                                            ("workers", workers), ("multi_user", multi_user))
            if value is not None
        }
        start_server(settings.but(**changes))
