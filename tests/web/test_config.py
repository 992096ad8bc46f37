"""The server's settings: read from the settings table, checked, and the signing key kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from crampcoach.errors import InputError
from crampcoach.web.config import ServerSettings, is_loopback, signing_key


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CRAMPCOACH_PORT", "8123")
    monkeypatch.setenv("CRAMPCOACH_WORKERS", "3")
    monkeypatch.setenv("CRAMPCOACH_MULTI_USER", "1")
    settings = ServerSettings.from_environment()
    assert (settings.port, settings.workers, settings.multi_user) == (8123, 3, True)


@pytest.mark.parametrize(("name", "value"), [("CRAMPCOACH_PORT", "http"),
                                             ("CRAMPCOACH_PORT", "70000"),
                                             ("CRAMPCOACH_WORKERS", "0"),
                                             ("CRAMPCOACH_MULTI_USER", "maybe")])
def test_a_bad_setting_is_named(monkeypatch: pytest.MonkeyPatch, name: str, value: str) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(InputError) as caught:
        ServerSettings.from_environment()
    assert caught.value.field == name.removeprefix("CRAMPCOACH_").lower()


@pytest.mark.parametrize(("host", "loopback"), [("127.0.0.1", True), ("localhost", True),
                                                ("::1", True), ("127.0.0.2", True),
                                                ("0.0.0.0", False), ("192.168.1.5", False),
                                                ("example.org", False)])
def test_loopback_addresses_are_recognised(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_without_a_configured_key_one_is_made_once_and_kept(tmp_path: Path) -> None:
    first = signing_key("", tmp_path)
    assert len(first) == 64
    assert signing_key("", tmp_path) == first
    assert (tmp_path / "web-secret-key").stat().st_mode & 0o077 == 0


def test_a_short_configured_key_is_refused() -> None:
    with pytest.raises(InputError):
        signing_key("short")
