"""Starting the web app under uvicorn, after the settings, database and key are ready."""

from __future__ import annotations

import functools
import gc
import sys
from typing import TYPE_CHECKING

from crampcoach.errors import InputError
from crampcoach.store import database
from crampcoach.web.config import ServerSettings, signing_key

if TYPE_CHECKING:
    from fastapi import FastAPI

# Young collections every 10,000 new objects instead of Python's 700. A new assessment
# makes a few hundred, so the default ran a collection every other request and a full one
# (over the cache of recent assessments) every few thousand; the work per object is the
# same either way, but it is done about 15 times less often.
YOUNG_COLLECTION_EVERY = 10_000


def start_server(settings: ServerSettings) -> None:
    """Check the settings, prepare the database and key once, then run the workers."""
    if settings.multi_user is False and not settings.on_loopback:
        raise InputError(
            "--host",
            f"{settings.host} is reachable from other machines, and single-user mode has no "
            "login: add --multi-user, or listen on 127.0.0.1",
        )
    signing_key(settings.secret_key, settings.data_dir)  # made once here, not raced by the workers
    database.engine(settings.resolved_database_url)  # migrated before any worker starts
    database.dispose()
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    # The settings go to each worker process inside the (pickled) app factory, so the
    # workers build the same app without anything written to the environment.
    config = uvicorn.Config(functools.partial(serving_app, settings), factory=True,
                            host=settings.host, port=settings.port, workers=settings.workers,
                            proxy_headers=False, server_header=False, log_level="warning",
                            access_log=False)
    mode = "accounts on" if settings.multi_user else "single user, no login"
    print(f"crampcoach on http://{settings.host}:{settings.port}/ ({mode}, "
          f"{settings.workers} worker{'s' if settings.workers > 1 else ''}); "
          "Ctrl+C stops it", file=sys.stderr)
    try:
        if settings.workers > 1:
            Multiprocess(config, sockets=[config.bind_socket()]).run()
        else:
            uvicorn.Server(config).run()
    except KeyboardInterrupt:
        pass


def serving_app(settings: ServerSettings) -> FastAPI:
    """The app as a server process runs it, with the garbage collector set for serving.

    What is alive once the app is built (modules, routes, the knowledge base and its
    network, the reader's compiled patterns) lives as long as the process: frozen out of the
    collector's view, it is not walked again by every full collection.
    """
    from crampcoach.intake.reader import prepare_reader
    from crampcoach.reasoning.network import network
    from crampcoach.web.app import create_app

    app = create_app(settings)
    network()  # the knowledge base and its network, loaded before the freeze
    # The reader's patterns compile lazily (about a second in all); compiled here, before the
    # worker takes requests, the first description anyone sends is read at once.
    prepare_reader()
    gc.collect()
    gc.freeze()
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_COLLECTION_EVERY, older, oldest)
    return app
