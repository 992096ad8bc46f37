"""YAML reading that remembers where each value came from, so errors can say file:line."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import yaml

# The YAML parser is imported where it is used: a cached knowledge base holds LineMaps, and
# loading it must not pay for the parser.

Path_ = tuple[str | int, ...]


class LineMap:
    """Maps a path inside a YAML document (keys and indexes) to its 1-based line."""

    def __init__(self) -> None:
        self._lines: dict[Path_, int] = {}

    def record(self, path: Path_, line: int) -> None:
        self._lines[path] = line

    def line_for(self, path: Path_) -> int:
        """The line of the deepest recorded prefix of `path` (pydantic locs may go deeper)."""
        for end in range(len(path), -1, -1):
            found = self._lines.get(tuple(path[:end]))
            if found is not None:
                return found
        return 1


def _build(node: yaml.Node, path: Path_, lines: LineMap, constructor: yaml.SafeLoader) -> Any:
    import yaml

    lines.record(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = constructor.construct_object(key_node, deep=True)
            if key in result:
                raise yaml.MarkedYAMLError(
                    problem=f"duplicate key {key!r}", problem_mark=key_node.start_mark
                )
            lines.record((*path, key), key_node.start_mark.line + 1)
            result[key] = _build(value_node, (*path, key), lines, constructor)
            # A key's own line is the most useful place to point at.
            lines.record((*path, key), key_node.start_mark.line + 1)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*path, i), lines, constructor) for i, item in enumerate(node.value)]
    return constructor.construct_object(node, deep=True)


def load_yaml_with_lines(text: str) -> tuple[Any, LineMap]:
    """Parse one YAML document; raises yaml.YAMLError with a mark on bad syntax."""
    import yaml

    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        lines = LineMap()
        if node is None:
            return None, lines
        return _build(node, (), lines, loader), lines
    finally:
        loader.dispose()
