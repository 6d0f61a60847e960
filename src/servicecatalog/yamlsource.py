"""Read one catalog YAML file into plain Python values, keeping the line of every key.

The reader is strict where YAML is surprising. Every scalar stays the text the author typed
(`NO`, `off` and `1.10` are strings, never booleans or numbers); only an empty value and the
YAML 1.2 spellings of null mean "no value". Duplicate keys, aliases, explicit tags, several
documents in one file and non-UTF-8 bytes are problems, never silently resolved.

Values are built from the parser's events rather than composed nodes: an alias is refused the
moment it appears, so nothing is ever expanded, and no time goes into resolving tags.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import yaml

from .problems import CatalogError, Problem

Loc = tuple[str | int, ...]

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 32
NULL_SPELLINGS = frozenset({"", "~", "null", "Null", "NULL"})
ALLOWED_TAGS = frozenset(
    {None, "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
)

# libyaml is the C parser; the pure-Python one gives the same events, only slower.
_Loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)

_SYNTAX_HINTS = (
    ("tab", "indent with spaces; YAML does not allow tabs here"),
    ("never closed", "close it, or escape a quote inside it"),
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
    """Read `path` as one catalog entry; raise `CatalogError` for a file that is not one.

    Problems inside an otherwise readable mapping come back on the document instead, so that
    the rest of the entry can still be checked in the same run.
    """

    def file_problem(message: str, line: int = 1, column: int | None = None) -> CatalogError:
        return CatalogError([Problem(display_path, line, "file", message, column)])

    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise file_problem(
            f"is {size // 1024} KiB; a catalog entry must stay under {MAX_FILE_BYTES // 1024} "
            "KiB, so this is not an entry written by hand"
        )

    text = _decode(path.read_bytes(), file_problem)
    builder = _ValueBuilder(display_path)
    try:
        builder.consume(yaml.parse(text, Loader=_Loader))
        builder.finish()
    except yaml.MarkedYAMLError as error:
        raise CatalogError([_syntax_problem(error, text, display_path)]) from None
    except yaml.YAMLError as error:
        message = re.sub(r"\s+", " ", str(error)).strip()
        raise CatalogError([Problem(display_path, 1, "yaml", message)]) from None

    if builder.documents == 0:
        raise file_problem("is empty or holds only comments; an entry is a mapping of fields")
    if builder.documents > 1:
        raise file_problem(
            "holds more than one YAML document (separated by '---'); keep one entry per file",
            line=builder.second_document_line,
        )
    if not isinstance(builder.root, dict):
        shape = "a list" if isinstance(builder.root, list) else "a single value"
        raise file_problem(
            f"the top level is {shape}; it must be a mapping of fields such as 'name: ...'",
            line=builder.lines.get((), 1),
        )
    return SourceDocument(
        display_path, builder.root, builder.lines, builder.problems, builder.broken
    )


def _decode(raw: bytes, file_problem: Callable[..., CatalogError]) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise file_problem("is saved as UTF-16; save it with UTF-8 encoding")
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


def _syntax_problem(error: yaml.MarkedYAMLError, text: str, display_path: str) -> Problem:
    # For an unclosed quote the parser stops at the end of the file; where the quote opened is
    # what the author needs to see.
    context = error.context or ""
    mark = error.context_mark if "quoted scalar" in context else error.problem_mark
    mark = mark or error.context_mark
    line = mark.line + 1 if mark else 1
    column = mark.column + 1 if mark else None
    problem = " ".join(filter(None, (context, error.problem)))
    problem = re.sub(r"\s+", " ", problem).strip()
    if mark and _character_at(text, mark.line, mark.column) == "\t":
        problem = "found a tab"
    elif "quoted scalar" in context and "end of stream" in problem:
        problem = "the quoted value that starts here is never closed"
    hint = next((hint for key, hint in _SYNTAX_HINTS if key in problem), None)
    return Problem(display_path, line, "yaml", f"{problem}; {hint}" if hint else problem, column)


def _character_at(text: str, line: int, column: int) -> str:
    lines = text.splitlines()
    return lines[line][column : column + 1] if line < len(lines) else ""


class _Container:
    """A mapping or list being filled, with where it sits and the key awaiting a value."""

    __slots__ = ("key", "key_line", "loc", "value")

    def __init__(self, value: dict[str, Any] | list[Any], loc: Loc) -> None:
        self.value = value
        self.loc = loc
        self.key: str | None = None
        """The key read last in a mapping, until its value arrives."""
        self.key_line = 0


class _ValueBuilder:
    """Turns parser events into dicts, lists and strings, collecting problems."""

    def __init__(self, display_path: str) -> None:
        self.display_path = display_path
        self.root: Any = None
        self.documents = 0
        self.second_document_line = 1
        self.lines: dict[Loc, int] = {}
        self.problems: list[Problem] = []
        self.broken: set[Loc] = set()
        self.aliases: list[tuple[int, Loc, str]] = []

    def problem(self, line: int, loc: Loc, message: str) -> None:
        self.broken.add(loc)
        self.problems.append(Problem(self.display_path, line, format_loc(loc), message))

    def consume(self, events: Iterator[yaml.Event]) -> None:
        stack: list[_Container] = []
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                self.documents += 1
                if self.documents == 2:
                    self.second_document_line = _line(event)
                continue
            relevant = isinstance(event, yaml.NodeEvent | yaml.CollectionEndEvent)
            if self.documents > 1 or not relevant:
                continue
            if isinstance(event, yaml.CollectionEndEvent):
                stack.pop()
                continue

            line = _line(event)
            parent = stack[-1] if stack else None
            # A scalar in a mapping that awaits a key is that key.
            if parent is not None and isinstance(parent.value, dict) and parent.key is None:
                parent.key, parent.key_line = _KEY_REFUSED, line
                if isinstance(event, yaml.ScalarEvent) and event.tag in ALLOWED_TAGS:
                    parent.key = event.value
                else:
                    self.problem(line, parent.loc, "a key must be plain text")
                    events = _skip(event, events)
                continue
            if parent is not None and parent.key == _KEY_REFUSED:
                parent.key = None
                events = _skip(event, events)
                continue

            loc, line = self._place(parent, line)
            value = self._value(event, loc, line)
            if isinstance(value, _Container):
                value = value.value
                stack.append(_Container(value, loc))
            elif value is _SKIPPED and isinstance(event, yaml.CollectionStartEvent):
                events = _skip(event, events)
                value = None
            self._store(parent, loc, line, value)

    def finish(self) -> None:
        """Add the problems that summarise the whole file."""
        if self.aliases:
            line, loc, anchor = self.aliases[0]
            more = len(self.aliases) - 1
            also = f" ({more} more in this file)" if more else ""
            message = f"aliases such as *{anchor} are not allowed{also}; write the value out"
            self.problems.append(Problem(self.display_path, line, format_loc(loc), message))

    def _place(self, parent: _Container | None, line: int) -> tuple[Loc, int]:
        if parent is None:
            return (), line
        if isinstance(parent.value, list):
            return (*parent.loc, len(parent.value)), line
        return (*parent.loc, str(parent.key)), parent.key_line

    def _value(self, event: yaml.Event, loc: Loc, line: int) -> Any:
        if isinstance(event, yaml.AliasEvent):
            # One problem names the first alias; a file full of them is one mistake.
            self.broken.add(loc)
            self.aliases.append((line, loc, str(event.anchor)))
            return _SKIPPED
        tag = getattr(event, "tag", None)
        if tag not in ALLOWED_TAGS:
            tag = str(tag).replace("tag:yaml.org,2002:", "!!")
            self.problem(line, loc, f"explicit YAML tags ({tag}) are not allowed; remove it")
            return _SKIPPED
        if len(loc) > MAX_DEPTH:
            self.problem(line, loc, f"is nested deeper than {MAX_DEPTH} levels")
            return _SKIPPED
        if isinstance(event, yaml.MappingStartEvent):
            return _Container({}, loc)
        if isinstance(event, yaml.SequenceStartEvent):
            return _Container([], loc)
        event = cast(yaml.ScalarEvent, event)
        if not event.style and event.value in NULL_SPELLINGS:
            return None
        return event.value

    def _store(self, parent: _Container | None, loc: Loc, line: int, value: Any) -> None:
        if parent is None:
            self.root = value
            self.lines[()] = line
            return
        if isinstance(parent.value, list):
            self.lines[loc] = line
            parent.value.append(None if value is _SKIPPED else value)
            return
        key = str(loc[-1])
        parent.key = None
        if key in parent.value:
            self.problem(
                line,
                loc,
                f"duplicate key: first set on line {self.lines[loc]}, set again on line {line}; "
                "keep one",
            )
            return
        self.lines[loc] = line
        parent.value[key] = None if value is _SKIPPED else value


def _line(event: yaml.Event) -> int:
    return event.start_mark.line + 1 if event.start_mark else 1


_SKIPPED = object()
_KEY_REFUSED = "\x00refused key"


def _skip(start: yaml.Event, events: Iterator[yaml.Event]) -> Iterator[yaml.Event]:
    """Drop the rest of the collection that `start` opened; return the remaining events."""
    if isinstance(start, yaml.CollectionStartEvent):
        depth = 1
        for event in events:
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
                if depth == 0:
                    break
    return events
