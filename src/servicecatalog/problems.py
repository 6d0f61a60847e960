"""Problems found in catalog files, reported as `path:line[:col]: field: problem`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]

UNSEEN_CHARACTERS = r"\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
"""Beyond the C0 controls, a regex class body of what no reader sees as it is: DEL and the C1
controls, the line and paragraph separators, and the bidirectional embeddings, overrides and
isolates that can make a line read differently from what it holds."""
_UNPRINTABLE = re.compile(f"[\\x00-\\x1f{UNSEEN_CHARACTERS}]")


def printable(text: str) -> str:
    """`text` with control characters written as escapes (`\\n`, `\\x1b`): one line, inert."""
    return _UNPRINTABLE.sub(lambda match: repr(match.group())[1:-1], text)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing an author must fix, located in a catalog file."""

    path: str
    """The file, relative to the repository root, with forward slashes."""

    line: int
    """1-based line of the offending key, item or mapping; 0 when the file as a whole is wrong."""

    field: str
    """Dotted path of the field (`slo.objective`, `dependencies[2].service`), or a file-level
    word such as `yaml` or `file`."""

    message: str
    """What is wrong and, where it helps, how to fix it."""

    column: int | None = None
    """1-based column, given for syntax errors where the exact spot matters."""

    severity: Severity = "error"

    def __post_init__(self) -> None:
        # File names, field names and messages quote what authors typed; a newline or terminal
        # escape in them must not start a second line that looks like another problem or a CI
        # command.
        object.__setattr__(self, "path", printable(self.path))
        object.__setattr__(self, "field", printable(self.field))
        object.__setattr__(self, "message", printable(self.message))

    def __str__(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        return f"{where}: {self.field}: {self.message}"


class CatalogError(Exception):
    """The catalog cannot be used: it carries every problem found, not only the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))

    def summary(self) -> str:
        """One line for the end of a report: how many problems in how many files."""
        files = len({problem.path for problem in self.problems})
        count = len(self.problems)
        return (
            f"{count} catalog problem{'s' if count != 1 else ''} "
            f"in {files} file{'s' if files != 1 else ''}"
        )
