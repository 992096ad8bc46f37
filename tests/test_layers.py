"""The core runs without its front ends, and the top-level packages import each other
without cycles. Imports are read from the source with ast, those inside functions too, so a
deferred import cannot hide a dependency."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import crampcoach

PACKAGE_ROOT = Path(crampcoach.__file__).parent
CORE = ("knowledge", "reasoning", "triage", "intake", "plan", "progress", "store", "export",
        "training", "ask", "case", "errors", "settings", "reading", "plain_words")
FRONT_END_LIBRARIES = {"typer", "rich", "click", "fastapi", "starlette", "uvicorn"}
FRONT_END_PACKAGES = {"cli", "web"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE_ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> Iterator[tuple[str, int]]:
    """Every module a file imports, absolute, with its line number."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    return iter(_imports_in(path.read_text(encoding="utf-8"), package))


def _imports_in(source: str, package: str) -> Iterator[tuple[str, int]]:
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            yield target, node.lineno
            # "from crampcoach import cli" imports a package, not a name.
            for alias in node.names:
                yield f"{target}.{alias.name}", node.lineno


def _top_level(module: str) -> str | None:
    """The crampcoach top-level package or module an import names, if it names one."""
    parts = module.split(".")
    if parts[0] != "crampcoach" or len(parts) < 2:
        return None
    name = parts[1]
    exists = (PACKAGE_ROOT / name).is_dir() or (PACKAGE_ROOT / f"{name}.py").is_file()
    return name if exists else None


def _sources(top: str) -> list[Path]:
    directory = PACKAGE_ROOT / top
    return sorted(directory.rglob("*.py")) if directory.is_dir() else [PACKAGE_ROOT / f"{top}.py"]


def _all_tops() -> list[str]:
    return sorted({p.stem for p in PACKAGE_ROOT.glob("*.py") if p.stem not in {"__init__", "__main__"}}
                  | {p.name for p in PACKAGE_ROOT.iterdir()
                     if p.is_dir() and (p / "__init__.py").is_file()})


def test_the_import_reader_sees_deferred_and_relative_imports() -> None:
    source = (
        "def render():\n"
        "    import rich.console\n"
        "    from ..cli import app\n"
        "    from . import charts\n"
    )
    imported = {name for name, _ in _imports_in(source, "crampcoach.progress")}
    assert {"rich.console", "crampcoach.cli.app", "crampcoach.progress.charts"} <= imported
    assert _top_level("crampcoach.cli.app") == "cli"


@pytest.mark.parametrize("top", CORE)
def test_core_package_imports_no_front_end(top: str) -> None:
    offending = []
    for path in _sources(top):
        for module, line in _imports(path):
            library = module.split(".")[0]
            if library in FRONT_END_LIBRARIES or _top_level(module) in FRONT_END_PACKAGES:
                offending.append(f"{path.relative_to(PACKAGE_ROOT)}:{line} imports {module}")
    assert not offending, "\n".join(offending)


def _dependency_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for top in _all_tops():
        edges = graph.setdefault(top, set())
        for path in _sources(top):
            for module, _ in _imports(path):
                target = _top_level(module)
                if target and target != top:
                    edges.add(target)
    return graph


def _find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the current path, 2: finished
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt):], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_cycle_finder_reports_a_cycle() -> None:
    assert _find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None


def test_top_level_packages_import_each_other_without_cycles() -> None:
    graph = _dependency_graph()
    assert {"reasoning", "store", "cli", "web"} <= graph.keys()
    cycle = _find_cycle(graph)
    assert cycle is None, " -> ".join(cycle or [])
