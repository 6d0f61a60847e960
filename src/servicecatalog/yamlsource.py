"""Read one catalog YAML file into plain Python values, keeping the line of every key.

The reader is strict where YAML is surprising: files that are too large, not UTF-8, empty, of
several documents or of the wrong shape, and syntax errors, are refused with the place and a
hint. Inside the mapping, `yamlbuilder` keeps every value as typed and refuses duplicate keys,
aliases and explicit tags.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import CatalogError, Problem
from .yamlbuilder import Loc, ValueBuilder, format_loc

__all__ = ["YAML_ONLY_BREAKS", "Loc", "SourceDocument", "format_loc", "read_yaml_file"]

MAX_FILE_BYTES = 256 * 1024
# Line breaks to YAML that editors do not show as new lines: in a value they fold silently into
# a space, and each one shifts every line number YAML reports after it.
YAML_ONLY_BREAKS = re.compile("[\x85\u2028\u2029]")

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


def read_yaml_file(path: Path, display_path: str) -> SourceDocument:
    """Read `path` as one catalog entry; raise `CatalogError` for a file that is not one.

    Problems inside an otherwise readable mapping come back on the document instead, so that
    the rest of the entry can still be checked in the same run.
    """

    def file_problem(message: str, line: int = 1, column: int | None = None) -> CatalogError:
        return CatalogError([Problem(display_path, line, "file", message, column)])

    if path.is_symlink():
        raise file_problem("is a symbolic link; an entry must be a file of its own")
    # Read one byte past the limit rather than trusting the size the file system reports.
    with path.open("rb") as entry:
        raw = entry.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        size = max(path.stat().st_size, len(raw))
        raise file_problem(
            f"is {size // 1024} KiB; a catalog entry must stay under {MAX_FILE_BYTES // 1024} "
            "KiB, so this is not an entry written by hand"
        )

    text = _decode(raw, file_problem)
    if hidden_break := YAML_ONLY_BREAKS.search(text):
        line, column = _place_of(text, hidden_break.start())
        code = f"U+{ord(hidden_break.group()):04X}"
        more = len(YAML_ONLY_BREAKS.findall(text)) - 1
        also = f" ({more} more in this file)" if more else ""
        message = f"the character {code}{also} is a line break to YAML, not to editors; remove it"
        raise CatalogError([Problem(display_path, line, "yaml", message, column)])
    builder = ValueBuilder(display_path)
    try:
        builder.consume(yaml.parse(text, Loader=_Loader))
        builder.finish()
    except yaml.MarkedYAMLError as error:
        raise CatalogError([_syntax_problem(error, text, display_path)]) from None
    except yaml.reader.ReaderError as error:
        line, column = _place_of(text, error.position)
        character = error.character
        code = f"U+{character if isinstance(character, int) else ord(character):04X}"
        message = f"the control character {code} is not allowed in YAML; remove it"
        raise CatalogError([Problem(display_path, line, "yaml", message, column)]) from None
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
    if builder.problems and () in builder.broken:
        # The top level itself was refused (a tag on it, for one): that problem says why.
        raise CatalogError(builder.problems)
    if builder.root is None and not any(_holds_content(line) for line in text.splitlines()):
        raise file_problem("is empty or holds only comments; an entry is a mapping of fields")
    if not isinstance(builder.root, dict):
        shape = "a list" if isinstance(builder.root, list) else "a single value"
        raise file_problem(
            f"the top level is {shape}; it must be a mapping of fields such as 'name: ...'",
            line=builder.lines.get((), 1),
        )
    return SourceDocument(
        display_path, builder.root, builder.lines, builder.problems, builder.broken
    )


def _holds_content(line: str) -> bool:
    """Whether a line holds more than a comment, a document marker or a directive."""
    return not line.strip().startswith(("#", "---", "...", "%")) and bool(line.strip())


def _place_of(text: str, position: int) -> tuple[int, int]:
    """1-based line and column of character `position` in `text`."""
    line = text.count("\n", 0, position) + 1
    return line, position - (text.rfind("\n", 0, position) + 1) + 1


def _decode(raw: bytes, file_problem: Callable[..., CatalogError]) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        raise file_problem("is saved as UTF-16 or UTF-32; save it with UTF-8 encoding")
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
