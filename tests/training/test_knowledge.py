"""The training-record knowledge loads strictly, and the package stays a core package."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from crampcoach.knowledge import KnowledgeError
from crampcoach.training import knowledge as training_knowledge
from crampcoach.training.knowledge import TRAINING_FILE, load_training_knowledge

PACKAGE = Path(training_knowledge.__file__).parent
FRONT_ENDS = ("typer", "rich", "click", "fastapi", "starlette", "uvicorn", "crampcoach.cli",
              "crampcoach.web")


def test_sports_are_found_by_any_spelling_and_the_rest_is_other() -> None:
    k = load_training_knowledge()
    assert [k.sport_of(word) for word in ("Running", "trail-running", "Biking", "Ride",
                                          "soccer", "yoga", None)] == [
        "running", "running", "cycling", "cycling", "team_sport", "other", "other"]


def test_a_spelling_listed_for_two_sports_is_a_knowledge_error(tmp_path: Path) -> None:
    broken = tmp_path / "training_record.yaml"
    broken.write_text(TRAINING_FILE.read_text().replace("spelled: [cycling,", "spelled: [running, cycling,"))
    with pytest.raises(KnowledgeError, match="listed for running and cycling"):
        load_training_knowledge.__wrapped__(broken)


def test_the_training_package_imports_no_front_end() -> None:
    for path in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            for name in names:
                assert not name.startswith(FRONT_ENDS), f"{path.name} imports {name}"
