"""Build plain values from YAML parser events, with the line of every key and list item.

Every scalar stays the text the author typed (`NO`, `off` and `1.10` are strings); only an
empty value and the YAML 1.2 spellings of null mean "no value". An alias is refused the moment
it appears, so nothing is ever expanded, and no time goes into resolving tags.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, cast

import yaml

from .problems import Problem

Loc = tuple[str | int, ...]

MAX_DEPTH = 32
NULL_SPELLINGS = frozenset({"", "~", "null", "Null", "NULL"})
ALLOWED_TAGS = frozenset(
    {None, "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
)


def format_loc(loc: Loc) -> str:
    """`("slo", "objective")` -> `slo.objective`; `("dependencies", 2)` -> `dependencies[2]`."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            key = part or "''"  # an empty key is shown as one, not as the level above it
            text += f".{key}" if text else key
    return text or "(top level)"


class _Container:
    """A mapping or list being filled, with where it sits and the key awaiting a value."""

    __slots__ = ("is_mapping", "key", "key_line", "loc", "value")

    def __init__(self, value: dict[str, Any] | list[Any], loc: Loc) -> None:
        self.value = value
        self.loc = loc
        self.is_mapping = isinstance(value, dict)
        self.key: str | None = None
        """The key read last in a mapping, until its value arrives."""
        self.key_line = 0


_NODE_EVENTS = frozenset(
    {yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent, yaml.AliasEvent}
)
_END_EVENTS = frozenset({yaml.MappingEndEvent, yaml.SequenceEndEvent})


class ValueBuilder:
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

    def problem(self, line: int, loc: Loc, message: str, *, breaks: bool = True) -> None:
        """Record a problem; unless told otherwise the value at `loc` is not checked further."""
        if breaks:
            self.broken.add(loc)
        self.problems.append(Problem(self.display_path, line, format_loc(loc), message))

    def consume(self, events: Iterator[yaml.Event]) -> None:
        # Event classes are compared by identity: this loop runs for every key and value of
        # every catalog file, and isinstance chains were a third of the load time.
        stack: list[_Container] = []
        for event in events:
            kind = event.__class__
            if kind is yaml.DocumentStartEvent:
                self.documents += 1
                if self.documents == 2:
                    self.second_document_line = _line(event)
                continue
            if self.documents > 1:
                continue
            if kind in _END_EVENTS:
                stack.pop()
                continue
            if kind not in _NODE_EVENTS:
                continue

            line = _line(event)
            parent = stack[-1] if stack else None
            if parent is not None and parent.is_mapping:
                # A node in a mapping that awaits a key is that key.
                if parent.key is None:
                    parent.key, parent.key_line = _KEY_REFUSED, line
                    scalar = cast(yaml.ScalarEvent, event)
                    if kind is yaml.ScalarEvent and scalar.tag in ALLOWED_TAGS:
                        parent.key = scalar.value
                    else:
                        # Only this key's value is lost, not the mapping: other fields keep
                        # their checks, so every problem is still reported in one run.
                        message = "a key must be plain text"
                        self.problem(line, parent.loc, message, breaks=False)
                        events = _skip(event, events)
                    continue
                if parent.key == _KEY_REFUSED:
                    parent.key = None
                    events = _skip(event, events)
                    continue

            loc, line = self._place(parent, line)
            value = self._value(event, loc, line)
            if value.__class__ is _Container:
                stack.append(value)
                value = value.value
            elif value is _SKIPPED and kind is not yaml.AliasEvent and kind is not yaml.ScalarEvent:
                events = _skip(event, events)
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
        if parent.is_mapping:
            return (*parent.loc, str(parent.key)), parent.key_line
        return (*parent.loc, len(parent.value)), line

    def _value(self, event: yaml.Event, loc: Loc, line: int) -> Any:
        kind = event.__class__
        if kind is yaml.AliasEvent:
            # One problem names the first alias; a file full of them is one mistake.
            self.broken.add(loc)
            self.aliases.append((line, loc, str(event.anchor)))  # type: ignore[attr-defined]
            return _SKIPPED
        tag = getattr(event, "tag", None)
        if tag not in ALLOWED_TAGS:
            tag = str(tag).replace("tag:yaml.org,2002:", "!!")
            self.problem(line, loc, f"explicit YAML tags ({tag}) are not allowed; remove it")
            return _SKIPPED
        if len(loc) > MAX_DEPTH:
            self.problem(line, loc, f"is nested deeper than {MAX_DEPTH} levels")
            return _SKIPPED
        if kind is yaml.MappingStartEvent:
            return _Container({}, loc)
        if kind is yaml.SequenceStartEvent:
            return _Container([], loc)
        scalar = cast(yaml.ScalarEvent, event)
        if not scalar.style and scalar.tag is None and scalar.value in NULL_SPELLINGS:
            return None  # `!!str null` is the word null, as its tag says
        return scalar.value

    def _store(self, parent: _Container | None, loc: Loc, line: int, value: Any) -> None:
        if parent is None:
            self.root = value
            self.lines[()] = line
            return
        if not parent.is_mapping:
            self.lines[loc] = line
            parent.value.append(None if value is _SKIPPED else value)  # type: ignore[union-attr]
            return
        key = str(loc[-1])
        parent.key = None
        mapping = cast(dict[str, Any], parent.value)
        if key in mapping:
            self.problem(
                line,
                loc,
                f"duplicate key: first set on line {self.lines[loc]}, set again on line {line}; "
                "keep one",
            )
            return
        self.lines[loc] = line
        mapping[key] = None if value is _SKIPPED else value


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
