"""Read one catalog YAML file into plain Python values, keeping the line of every key.

The reader is strict where YAML is surprising. Every scalar stays the text the author typed
(`NO`, `off` and `1.10` are strings, never booleans or numbers); only an empty value and the
YAML 1.2 spellings of null mean "no value". Duplicate keys, aliases, explicit tags, several
documents in one file and non-UTF-8 bytes are problems, never silently resolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import CatalogError, Problem

Loc = tuple[str | int, ...]

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 32
NULL_SPELLINGS = frozenset({"", "~", "null", "Null", "NULL"})
DEFAULT_TAGS = frozenset(
    {"tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
)

# libyaml is the C parser; the pure-Python one gives the same nodes, only slower.
_Loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)

_SYNTAX_HINTS = (
    ("tab", "indent with spaces; YAML does not allow tabs for indentation"),
    ("quoted scalar", "a quote is not closed; close it on the same value or escape it"),
    ("mapping values are not allowed", "check the indentation, or quote a value containing ': '"),
    ("expected key", "this line is indented differently from the keys around it"),
    ("expected <block end>", "this line is indented differently from the keys around it"),
    ("nesting depth", "the value is nested too deeply"),
    ("cannot start any token", "quote the value; it starts with a character YAML reserves"),
)


@dataclass
class SourceDocument:
    """The values of one catalog file and the line each key or list item stands on."""

    path: str
    values: dict[str, Any]
    lines: dict[Loc, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    """Problems inside the mapping (duplicate keys, aliases, tags); the rest can be checked."""
    broken: set[Loc] = field(default_factory=set)
    """Where those problems are, so that checks of the same values do not repeat them."""

    def line_of(self, loc: Loc) -> int:
        """The line of `loc`, or of the nearest enclosing key when `loc` is absent (a missing
        field is reported on the line of the mapping that should hold it)."""
        while loc not in self.lines and loc:
            loc = loc[:-1]
        return self.lines.get(loc, 1)


def format_loc(loc: Loc) -> str:
    """`("slo", "objective")` -> `slo.objective`; `("dependencies", 2)` -> `dependencies[2]`."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "(top level)"


def read_yaml_file(path: Path, display_path: str) -> SourceDocument:
    """Read `path` as one catalog entry; raise `CatalogError` with every problem found."""

    def file_problem(message: str, line: int = 1, column: int | None = None) -> CatalogError:
        return CatalogError([Problem(display_path, line, "file", message, column)])

    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise file_problem(
            f"is {size // 1024} KiB; a catalog entry must stay under {MAX_FILE_BYTES // 1024} "
            "KiB, so this is not an entry written by hand"
        )

    text = _decode(path.read_bytes(), file_problem)
    documents = _compose(text, display_path)

    if not documents:
        raise file_problem("is empty or holds only comments; an entry is a mapping of fields")
    if len(documents) > 1:
        second = documents[1].start_mark.line + 1
        raise file_problem(
            f"holds {len(documents)} YAML documents separated by '---'; keep one entry per file",
            line=second,
        )
    root = documents[0]
    if not isinstance(root, yaml.MappingNode):
        shape = "a list" if isinstance(root, yaml.SequenceNode) else "a single value"
        raise file_problem(
            f"the top level is {shape}; it must be a mapping of fields such as 'name: ...'",
            line=root.start_mark.line + 1,
        )

    converter = _NodeConverter(display_path)
    values = converter.convert(root, ())
    return SourceDocument(
        display_path, values, converter.lines, converter.problems, converter.broken
    )


def _decode(raw: bytes, file_problem: Any) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        bad = raw[error.start : error.start + 1].hex()
        raise file_problem(
            f"byte 0x{bad} is not UTF-8; save the file with UTF-8 encoding", line, column
        ) from None


def _compose(text: str, display_path: str) -> list[yaml.Node]:
    try:
        return list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        column = mark.column + 1 if mark else None
        problem = " ".join(filter(None, (error.context, error.problem)))
        problem = re.sub(r"\s+", " ", problem).strip()
        hint = next((hint for key, hint in _SYNTAX_HINTS if key in problem), None)
        message = f"{problem}; {hint}" if hint else problem
        raise CatalogError([Problem(display_path, line, "yaml", message, column)]) from None
    except yaml.YAMLError as error:
        message = re.sub(r"\s+", " ", str(error)).strip()
        raise CatalogError([Problem(display_path, 1, "yaml", message)]) from None


class _NodeConverter:
    """Turns composed YAML nodes into dicts, lists and strings, collecting problems."""

    def __init__(self, display_path: str) -> None:
        self.display_path = display_path
        self.lines: dict[Loc, int] = {}
        self.problems: list[Problem] = []
        self.broken: set[Loc] = set()
        self._seen: set[int] = set()

    def problem(self, node: yaml.Node, loc: Loc, message: str) -> None:
        line = node.start_mark.line + 1
        self.broken.add(loc)
        self.problems.append(Problem(self.display_path, line, format_loc(loc), message))

    def convert(self, node: yaml.Node, loc: Loc) -> Any:
        # An alias hands back a node already converted; refusing it also bounds the work.
        if id(node) in self._seen:
            line = self.lines.get(loc, node.start_mark.line + 1)
            self.broken.add(loc)
            message = "aliases (*name) are not allowed; write the value out"
            self.problems.append(Problem(self.display_path, line, format_loc(loc), message))
            return None
        self._seen.add(id(node))

        if len(loc) > MAX_DEPTH:
            self.problem(node, loc, f"is nested deeper than {MAX_DEPTH} levels")
            return None
        if node.tag not in DEFAULT_TAGS:
            self.problem(node, loc, f"explicit YAML tags ({node.tag}) are not allowed; remove it")
            return None

        self.lines.setdefault(loc, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            return self._convert_mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            values = []
            for index, item in enumerate(node.value):
                self.lines[(*loc, index)] = item.start_mark.line + 1
                values.append(self.convert(item, (*loc, index)))
            return values
        if not node.style and node.value in NULL_SPELLINGS:
            return None
        return node.value

    def _convert_mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in DEFAULT_TAGS:
                self.problem(key_node, loc, "a key must be plain text")
                continue
            key = key_node.value
            key_loc = (*loc, key)
            if key in values:
                first = self.lines[key_loc]
                self.problem(
                    key_node,
                    key_loc,
                    f"duplicate key: first set on line {first}, set again on line "
                    f"{key_node.start_mark.line + 1}; keep one",
                )
                continue
            self.lines[key_loc] = key_node.start_mark.line + 1
            values[key] = self.convert(value_node, key_loc)
        return values
