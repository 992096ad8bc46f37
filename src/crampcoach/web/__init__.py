"""The web app and the JSON API (FastAPI) over the same core as the command line."""

from crampcoach.web.app import create_app
from crampcoach.web.config import ServerSettings

__all__ = ["ServerSettings", "create_app"]
