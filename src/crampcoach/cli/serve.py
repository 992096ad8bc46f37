"""`crampcoach serve`: the web app and the JSON API under uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer

from crampcoach.settings import BY_NAME
from crampcoach.web.config import ServerSettings
from crampcoach.web.server import start_server


def _help(name: str, text: str | None = None) -> str:
    # Parentheses, not brackets: the help is printed with Rich, which reads [..] as markup.
    setting = BY_NAME[name]
    return f"{text or setting.help} (env {setting.env}, default {setting.default})"


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
