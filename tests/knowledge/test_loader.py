"""Loading the knowledge base: the packaged one loads; a broken copy reports every error."""

from __future__ import annotations

import pickle
import shutil
import time
from pathlib import Path
from typing import Any

import pytest

from crampcoach.knowledge import KnowledgeError, load_knowledge, load_knowledge_from
from crampcoach.knowledge.loader import KNOWLEDGE_DIR, KnowledgeProblem


def test_packaged_knowledge_base_loads_and_is_cached() -> None:
    kb = load_knowledge()
    assert kb.causes and kb.findings and kb.red_flags
    assert load_knowledge() is kb


def test_a_fresh_copy_loads_like_the_packaged_one(tmp_path: Path) -> None:
    root = _copy_knowledge(tmp_path)
    kb = load_knowledge_from(root)
    assert set(kb.causes) == set(load_knowledge().causes)
    assert set(kb.findings) == set(load_knowledge().findings)


def _copy_knowledge(tmp_path: Path) -> Path:
    root = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, root, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return root


def _edit(path: Path, old: str, new: str) -> int:
    """Replace the first line starting with `old` (after indentation); return its 1-based line."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for number, line in enumerate(lines, start=1):
        if line.lstrip().startswith(old):
            lines[number - 1] = line.replace(old, new, 1)
            path.write_text("".join(lines), encoding="utf-8")
            return number
    raise AssertionError(f"{path.name}: no line starts with {old!r}")


def _insert_after(path: Path, anchor: str, new_line: str) -> int:
    """Insert `new_line` after the first line starting with `anchor`; return its 1-based line."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for number, line in enumerate(lines, start=1):
        if line.startswith(anchor):
            lines.insert(number, new_line + "\n")
            path.write_text("".join(lines), encoding="utf-8")
            return number + 1
    raise AssertionError(f"{path.name}: no line starts with {anchor!r}")


@pytest.fixture
def broken_copy(tmp_path: Path) -> tuple[Path, dict[str, tuple[str, int]]]:
    """A copy with three errors in two files, and where each should be reported."""
    root = _copy_knowledge(tmp_path)
    disagreements = root / "disagreements.yaml"
    cause = root / "causes" / "glute_weakness.yaml"
    typo_line = _edit(disagreements, "- topic: electrolytes", "- topic: electrolytes: salts")
    key_line = _insert_after(cause, "prior:", "prior_source: a guess")
    link_line = _edit(cause, "hard_to_feel_glutes:", "hard_to_feel_glutez:")
    return root, {
        "yaml typo": ("knowledge/disagreements.yaml", typo_line),
        "unknown key": ("knowledge/causes/glute_weakness.yaml", key_line),
        "unknown finding": ("knowledge/causes/glute_weakness.yaml", link_line),
    }


def _problems(root: Path) -> list[KnowledgeProblem]:
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge_from(root)
    return caught.value.problems


def _matches(problem: KnowledgeProblem, kind: str) -> bool:
    text = problem.message.lower()
    if kind == "yaml typo":
        return "yaml" in text
    if kind == "unknown key":
        return "prior_source" in text
    return "hard_to_feel_glutez" in text and "unknown finding" in text


def test_broken_copy_reports_all_three_errors_with_file_and_line(
    broken_copy: tuple[Path, dict[str, tuple[str, int]]],
) -> None:
    root, expected = broken_copy
    problems = _problems(root)
    report = "\n".join(map(str, problems))
    for kind, (file, line) in expected.items():
        hits = [p for p in problems if _matches(p, kind)]
        assert hits, f"no {kind} error reported in:\n{report}"
        assert (hits[0].file, hits[0].line) == (file, line), f"{kind} misplaced in:\n{report}"


def test_broken_copy_reports_no_knock_on_errors(
    broken_copy: tuple[Path, dict[str, tuple[str, int]]],
) -> None:
    # One mistake should give one message: a cause with a bad key must not make its
    # findings look orphaned, nor hide the other mistakes in the same file.
    root, expected = broken_copy
    problems = _problems(root)
    extra = [p for p in problems if not any(_matches(p, kind) for kind in expected)]
    assert not extra, "\n".join(map(str, problems))
    assert len(problems) == len(expected), "\n".join(map(str, problems))


def test_error_message_names_file_and_line(tmp_path: Path) -> None:
    root = _copy_knowledge(tmp_path)
    line = _edit(root / "red_flags.yaml", "level: urgent", "level: very_urgent")
    (problem,) = _problems(root)
    assert str(problem).startswith(f"knowledge/red_flags.yaml:{line}: ")


def test_unknown_finding_in_a_red_flag_rule_is_reported(tmp_path: Path) -> None:
    root = _copy_knowledge(tmp_path)
    line = _edit(root / "red_flags.yaml", "when: {any: [saddle_numbness]}",
                 "when: {any: [sadle_numbness]}")
    (problem,) = _problems(root)
    assert (problem.file, problem.line) == ("knowledge/red_flags.yaml", line)
    assert "sadle_numbness" in problem.message


def test_one_bad_key_in_findings_gives_one_error(tmp_path: Path) -> None:
    # If findings.yaml fails its schema, its finding ids are still known: the causes'
    # links to them are not errors.
    root = _copy_knowledge(tmp_path)
    first = next(iter(load_knowledge().findings))
    line = _insert_after(root / "findings.yaml", f"  {first}:", "    asked_by: nobody")
    problems = _problems(root)
    assert [(p.file, p.line) for p in problems] == [("knowledge/findings.yaml", line)], (
        "\n".join(map(str, problems[:10]))
    )


def test_what_is_built_from_the_knowledge_files_is_read_back_by_later_loads(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from crampcoach.knowledge import loader

    monkeypatch.setattr(loader.platformdirs, "user_cache_dir", lambda *_a, **_k: str(tmp_path))
    builds: list[int] = []

    def build() -> dict[str, int]:
        builds.append(1)
        return {"built": len(builds)}

    assert loader.cached_build("example", dict, build) == {"built": 1}
    assert loader.cached_build("example", dict, build) == {"built": 1}
    assert len(builds) == 1


def test_a_damaged_cache_file_is_built_again_not_trusted(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from crampcoach.knowledge import loader

    monkeypatch.setattr(loader.platformdirs, "user_cache_dir", lambda *_a, **_k: str(tmp_path))
    loader.cached_build("example", dict, lambda: {"first": True})
    (kept,) = tmp_path.glob("example-*.pickle")
    kept.write_bytes(b"\x80\x05not a pickle")
    assert loader.cached_build("example", dict, lambda: {"second": True}) == {"second": True}
    # A value of the wrong kind is not trusted either.
    kept.write_bytes(pickle.dumps(["a list"]))
    assert loader.cached_build("example", dict, lambda: {"third": True}) == {"third": True}


def test_a_rule_needing_an_unknown_finding_answered_no_is_reported_at_its_line(
        tmp_path: Path) -> None:
    root = _copy_knowledge(tmp_path)
    flags = root / "red_flags.yaml"
    text = flags.read_text(encoding="utf-8")
    assert "none: [one_side_only]" in text
    flags.write_text(text.replace("none: [one_side_only]", "none: [one_sided_only]"),
                     encoding="utf-8")
    line = next(number for number, content in enumerate(text.splitlines(), start=1)
                if "none: [one_side_only]" in content)
    problems = _problems(root)
    assert [(p.file, p.line) for p in problems
            if "one_sided_only" in p.message and "unknown finding" in p.message.lower()] == [
        ("knowledge/red_flags.yaml", line)]


def test_threads_writing_the_same_cache_at_once_leave_a_whole_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The interview builds the reader in a thread while the main thread may build the same:
    each writes its own partial file, so the kept cache is always one whole value."""
    import threading

    from crampcoach.knowledge import loader

    monkeypatch.setattr(loader.platformdirs, "user_cache_dir", lambda *_a, **_k: str(tmp_path))
    real_dump = pickle.dump

    def slow_dump(obj: object, handle: Any, protocol: int | None = None) -> None:
        # Half, a pause, the rest: writers that shared a file would interleave here.
        data = pickle.dumps(obj, protocol=protocol)
        handle.write(data[:len(data) // 2])
        handle.flush()
        time.sleep(0.05)
        handle.write(data[len(data) // 2:])

    monkeypatch.setattr(loader.pickle, "dump", slow_dump)
    values = [{"writer": i, "words": list(range(i, 20_000 + i))} for i in range(4)]
    writers = [threading.Thread(target=loader.write_cached, args=("race-test", value))
               for value in values]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=60)
    monkeypatch.setattr(loader.pickle, "dump", real_dump)
    assert loader.read_cached("race-test", dict) in values
    assert not list(tmp_path.glob("*.tmp"))
