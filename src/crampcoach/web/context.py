"""What every request handler shares: settings, the cookie signer, templates, the database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session
from starlette.requests import Request

from crampcoach.store import database
from crampcoach.web.config import ServerSettings
from crampcoach.web.cookies import Signer


@dataclass(frozen=True)
class WebContext:
    settings: ServerSettings
    signer: Signer
    templates: Jinja2Templates

    @property
    def database_url(self) -> str | None:
        return self.settings.resolved_database_url

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One write transaction, committed when the block ends."""
        with database.transaction(self.database_url) as session:
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with database.reading(self.database_url) as session:
            yield session


def web_context(request: Request) -> WebContext:
    found: WebContext = request.app.state.web
    return found
