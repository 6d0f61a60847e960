"""Files the repository commits but nobody edits by hand: write them, or say which are stale.

A generator renders its files as `{path relative to the root: text}`; the same rendering is
used to write them and to check that the committed copies are current, so the two never differ.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from .problems import CatalogError

Rendered = dict[str, str]


def stale_files(root: Path, rendered: Rendered) -> list[str]:
    """The rendered paths whose committed copy under `root` is missing or different."""
    return [
        path
        for path, text in rendered.items()
        if not (root / path).is_file() or (root / path).read_text(encoding="utf-8") != text
    ]


def write_files(root: Path, rendered: Rendered) -> list[str]:
    """Write the stale files among `rendered` under `root`; return the paths written."""
    written = stale_files(root, rendered)
    for path in written:
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(rendered[path], encoding="utf-8", newline="\n")
    return written


def generator_main(
    render: Callable[[Path], Rendered],
    make_target: str,
    argv: Sequence[str] | None = None,
    description: str | None = None,
) -> int:
    """Command line of a generator: write its files, or with `--check` fail when any is stale."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="repository root")
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 when a committed file differs from what would be generated",
    )
    args = parser.parse_args(argv)
    root: Path = args.root

    try:
        rendered = render(root)
    except CatalogError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{error.summary()}; nothing was generated", file=sys.stderr)
        return 1

    if args.check:
        stale = stale_files(root, rendered)
        for path in stale:
            state = "is out of date" if (root / path).is_file() else "is missing"
            print(f"{path}: {state}; run `make {make_target}` and commit it", file=sys.stderr)
        return 1 if stale else 0

    for path in write_files(root, rendered):
        print(f"wrote {path}", file=sys.stderr)
    return 0
