"""The server's view of the settings table in `crampcoach.settings`, checked once at start."""

from __future__ import annotations

import ipaddress
import os
import secrets
import time
from dataclasses import dataclass, replace
from pathlib import Path

from crampcoach.errors import InputError, whole_number
from crampcoach.settings import Settings

SECRET_FILE_NAME = "web-secret-key"
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


@dataclass(frozen=True)
class ServerSettings:
    """What the web app needs; `database_url` empty means the store's default SQLite file."""

    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    multi_user: bool = False
    secret_key: str = ""
    database_url: str = ""
    profile: str = "me"
    data_dir: Path | None = None  # None: the platform's per-user data folder
    text_model: bool = False
    signup: bool = False
    # Reverse proxies whose X-Forwarded-* headers are believed (addresses or networks).
    forwarded_allow_ips: tuple[str, ...] = ()

    @classmethod
    def from_environment(cls) -> ServerSettings:
        return cls.from_settings(Settings.from_environment())

    @classmethod
    def from_settings(cls, settings: Settings) -> ServerSettings:
        return cls(
            host=settings.get("host"),
            port=whole_number(settings.get("port"), "port", 1, 65535),
            workers=whole_number(settings.get("workers"), "workers", 1, 64),
            multi_user=_flag("multi_user", settings.get("multi_user")),
            secret_key=settings.get("secret_key"),
            database_url=settings.database_url,
            profile=settings.profile,
            data_dir=settings.data_dir,
            text_model=settings.text_model,
            signup=_flag("signup", settings.get("signup")),
            forwarded_allow_ips=proxy_addresses(settings.get("forwarded_allow_ips")),
        )

    def but(self, **changes: object) -> ServerSettings:
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def resolved_database_url(self) -> str | None:
        """The URL to open; None leaves the choice to the store's default."""
        if self.database_url:
            return self.database_url
        if self.data_dir is not None:
            from crampcoach.store.database import sqlite_url_in

            return sqlite_url_in(self.data_dir)
        return None

    @property
    def on_loopback(self) -> bool:
        return is_loopback(self.host)


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def proxy_addresses(raw: str) -> tuple[str, ...]:
    """The `forwarded_allow_ips` setting as checked addresses or networks ('*' trusts all)."""
    found = []
    for part in raw.split(","):
        item = part.strip()
        if not item:
            continue
        if item != "*":
            try:
                ipaddress.ip_network(item, strict=False)
            except ValueError:
                raise InputError("forwarded_allow_ips", f"'{item}' is not an address or network; "
                                 "give addresses like 10.0.0.5 or 10.0.0.0/8, comma-separated"
                                 ) from None
        found.append(item)
    return tuple(found)


def _flag(name: str, raw: str) -> bool:
    lowered = raw.strip().lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off", ""):
        return False
    raise InputError(name, f"must be 1 or 0, got {raw!r}")


def signing_key(configured: str, data_dir: Path | None = None) -> bytes:
    """The key that signs cookies: the setting, or one kept in the data folder.

    Several workers on one machine share the file; workers on several machines need the
    `secret_key` setting so that a cookie signed by one is accepted by the others.
    """
    if configured:
        if len(configured) < 16:
            raise InputError("secret_key", "must be at least 16 characters")
        return configured.encode()
    path = (data_dir or Settings.from_environment().data_dir) / SECRET_FILE_NAME
    return _read_or_make_key(path)


def _read_or_make_key(path: Path) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # O_EXCL: when several workers start together exactly one writes the key.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(secrets.token_hex(32))
    for _ in range(100):
        key = path.read_text(encoding="ascii").strip()
        if key:
            return key.encode()
        # Another worker created the file a moment ago and is still writing it.
        time.sleep(0.01)
    raise InputError("secret_key", f"the key file {path} is empty; delete it and restart")
