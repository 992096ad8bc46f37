"""Settings are read once into an object; changing the environment later changes nothing."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from crampcoach.settings import SETTINGS, Settings
from crampcoach.web.config import ServerSettings


def test_settings_are_a_snapshot_of_the_environment(monkeypatch: pytest.MonkeyPatch,
                                                    tmp_path: Path) -> None:
    monkeypatch.setenv("CRAMPCOACH_PROFILE", "sam")
    monkeypatch.setenv("CRAMPCOACH_DATA_DIR", str(tmp_path))
    read = Settings.from_environment()
    monkeypatch.setenv("CRAMPCOACH_PROFILE", "alex")
    assert read.profile == "sam"
    assert read.data_dir == tmp_path


def test_unset_settings_take_their_defaults() -> None:
    read = Settings.from_environment({})
    assert {s.name: read.get(s.name) for s in SETTINGS} == {s.name: s.default for s in SETTINGS}
    assert read.text_model is False


def test_changing_a_setting_makes_a_new_object_and_leaves_the_environment_alone() -> None:
    before = dict(os.environ)
    base = Settings.from_environment({})
    changed = base.but(workers="3", multi_user="1")
    assert (base.get("workers"), changed.get("workers")) == ("1", "3")
    assert dict(os.environ) == before
    with pytest.raises(KeyError):
        base.but(colour="blue")


def test_server_settings_travel_to_worker_processes_by_pickling(tmp_path: Path) -> None:
    server = ServerSettings.from_settings(
        Settings.from_environment({"CRAMPCOACH_DATA_DIR": str(tmp_path), "CRAMPCOACH_WORKERS": "2"}))
    copy = pickle.loads(pickle.dumps(server))
    assert copy == server
    assert copy.resolved_database_url == f"sqlite:///{tmp_path / 'crampcoach.db'}"
