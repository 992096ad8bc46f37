"""Every setting declared once: name, environment variable, default and help.

The CLI options, the server and the docs all read this table, and a test checks the
README documents each one. `Settings.from_environment()` reads the environment once into
an object that is passed on; nothing writes settings back to the environment.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import platformdirs


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str

    @property
    def env(self) -> str:
        return "CRAMPCOACH_" + self.name.upper()

    def value(self, environ: Mapping[str, str]) -> str:
        return environ.get(self.env, self.default)


# The SQLite database in the data folder, when no database URL is configured.
SQLITE_FILE_NAME = "crampcoach.db"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("crampcoach", appauthor=False))


SETTINGS: tuple[Setting, ...] = (
    Setting("data_dir", "", "Folder for the local database and exports; empty means the "
            "per-user data directory of the platform."),
    Setting("database_url", "", "SQLAlchemy URL of the database; empty means an SQLite file "
            "in the data folder. Use postgresql+psycopg://... for PostgreSQL."),
    Setting("profile", "me", "Name of the local person whose data the CLI reads and writes."),
    Setting("host", "127.0.0.1", "Address the web server listens on."),
    Setting("port", "8000", "Port the web server listens on."),
    Setting("workers", "1", "Number of web server worker processes."),
    Setting("multi_user", "0", "1 turns on accounts for coaches and clients in the web app."),
    Setting("secret_key", "", "Key that signs web form tokens; empty means one is made "
            "and kept in the data folder."),
    Setting("signup", "0", "1 lets anyone create a coach account on the sign-up page; 0 means "
            "coaches are added with `crampcoach account add`."),
    Setting("forwarded_allow_ips", "", "Comma-separated addresses of reverse proxies whose "
            "X-Forwarded-For and X-Forwarded-Proto headers are trusted (cookies become Secure "
            "behind an HTTPS proxy); empty trusts none."),
    Setting("text_model", "0", "1 lets the free-text reader use the optional local "
            "sentence-embedding model when it is installed."),
)

BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True)
class Settings:
    """The raw value of every setting, as read once; callers pass it where it is needed."""

    values: Mapping[str, str] = field(default_factory=lambda: {s.name: s.default for s in SETTINGS})

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> Settings:
        source = os.environ if environ is None else environ
        return cls({s.name: s.value(source) for s in SETTINGS})

    def get(self, name: str) -> str:
        return self.values[BY_NAME[name].name]

    def but(self, **changes: str) -> Settings:
        unknown = changes.keys() - BY_NAME.keys()
        if unknown:
            raise KeyError(f"no such setting: {', '.join(sorted(unknown))}")
        return replace(self, values={**self.values, **changes})

    @property
    def data_dir(self) -> Path:
        configured = self.get("data_dir")
        return Path(configured).expanduser() if configured else default_data_dir()

    @property
    def database_url(self) -> str:
        """The configured URL; empty means the SQLite file in the data folder."""
        return self.get("database_url").strip()

    @property
    def sqlite_file(self) -> Path:
        """The default database: the SQLite file in the data folder (used when no URL is set)."""
        return self.data_dir / SQLITE_FILE_NAME

    def has_no_database(self) -> bool:
        """No URL is configured and the data folder holds no database file yet: nothing has
        been stored, so a reader need not open (and so create) one to find that out."""
        return not self.database_url and not self.sqlite_file.exists()

    @property
    def profile(self) -> str:
        return self.get("profile")

    @property
    def text_model(self) -> bool:
        return self.get("text_model").strip() == "1"


def from_environment() -> Settings:
    return Settings.from_environment()
