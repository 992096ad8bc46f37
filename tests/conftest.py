"""Shared fixtures: the ../shared folder beside the project (seeds, spec, dev cases).

Tests that read it skip with one clear reason when it is absent, so the rest of the
suite still runs on a bare checkout.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = (PROJECT_ROOT / ".." / "shared").resolve()
SHARED_MISSING = "../shared not found beside the project (seeds, spec and dev cases live there)"


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data folder, so nothing touches the user's real log."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("CRAMPCOACH_DATA_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED_DIR.is_dir():
        pytest.skip(SHARED_MISSING)
    return SHARED_DIR


@pytest.fixture(scope="session")
def dev_cases(shared_dir: Path) -> list[dict[str, Any]]:
    """The dev cases, one dict per line of cases/dev.jsonl (id, case, expect, why)."""
    lines = (shared_dir / "cases" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="session")
def dev_cases_path(shared_dir: Path) -> Path:
    return shared_dir / "cases" / "dev.jsonl"


@pytest.fixture(scope="session")
def seeds(shared_dir: Path) -> dict[str, str]:
    """Seed text by its 3-digit id ("000" ... "004")."""
    return {
        path.name[:3]: path.read_text(encoding="utf-8")
        for path in sorted((shared_dir / "seeds").glob("*.txt"))
    }


@pytest.fixture(scope="session")
def vocabulary(shared_dir: Path) -> dict[str, Any]:
    """The shared vocabulary of ids (spec/vocabulary.yaml)."""
    data: dict[str, Any] = yaml.safe_load(
        (shared_dir / "spec" / "vocabulary.yaml").read_text(encoding="utf-8")
    )
    return data
