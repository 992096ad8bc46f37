"""Starting the web app under uvicorn, after the settings, database and key are ready."""

from __future__ import annotations

import os
import sys

from crampcoach.errors import InputError
from crampcoach.settings import BY_NAME
from crampcoach.store import database
from crampcoach.web.config import ServerSettings, signing_key

APP_FACTORY = "crampcoach.web.app:create_app"


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
    print(f"crampcoach on http://{settings.host}:{settings.port}/ ({mode}, "
               f"{settings.workers} worker{'s' if settings.workers > 1 else ''}); "
               "Ctrl+C stops it", file=sys.stderr)
    uvicorn.run(APP_FACTORY, factory=True, host=settings.host, port=settings.port,
                workers=settings.workers, proxy_headers=False, server_header=False,
                log_level="warning", access_log=False)
