"""Every loaded knowledge object of the package, core and beyond (plan, intake, ...).

Found by name so knowledge modules added later are checked without editing the tests:
any zero-argument `load_*knowledge*` function in a crampcoach module named `loader` or
named for knowledge.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import crampcoach

PACKAGE_DIR = Path(crampcoach.__file__).parent


def _module_names() -> Iterator[str]:
    # From the file tree rather than pkgutil, which skips folders without __init__.py.
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        if path.stem != "loader" and "knowledge" not in path.stem:
            continue
        parts = path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts
        yield ".".join(parts)


def knowledge_loaders() -> Iterator[tuple[str, Callable[[], Any]]]:
    for module_name in _module_names():
        module = importlib.import_module(module_name)
        for name, func in vars(module).items():
            if not (name.startswith("load_") and "knowledge" in name and callable(func)):
                continue
            if getattr(func, "__module__", None) != module_name:
                continue  # imported from elsewhere; found in its own module
            params = inspect.signature(func).parameters.values()
            if all(p.default is not inspect.Parameter.empty for p in params):
                yield f"{module_name}.{name}", func


def loaded_knowledge() -> list[tuple[str, Any]]:
    """(loader name, what it returns) for every knowledge loader; the core one comes first."""
    found = [(name, loader()) for name, loader in knowledge_loaders()]
    return sorted(found, key=lambda item: not item[0].endswith(".load_knowledge"))
