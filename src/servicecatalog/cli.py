"""`make check`: validate the catalog without building the site."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .loading import load_catalog
from .problems import CatalogError, Problem


def github_annotation(problem: Problem) -> str:
    """The problem as a GitHub Actions workflow command, shown on the pull request's diff."""

    def data(text: str) -> str:
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def prop(text: str) -> str:
        return data(text).replace(":", "%3A").replace(",", "%2C")

    place = f"file={prop(problem.path)},line={problem.line}"
    if problem.column:
        place += f",col={problem.column}"
    title = prop(f"catalog: {problem.field}")
    return f"::{problem.severity} {place},title={title}::{data(str(problem))}"


def main(argv: Sequence[str] | None = None) -> int:
    """Check the catalog under `--root`; print every problem; 0 only when there is none."""
    parser = argparse.ArgumentParser(prog="check_catalog", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="repository root")
    parser.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="'github' adds workflow annotations so problems show on the pull request's diff",
    )
    args = parser.parse_args(argv)
    root: Path = args.root

    try:
        catalog = load_catalog(root, docs_dir=root / "docs")
    except CatalogError as error:
        _report(error.problems, args.format)
        print(error.summary(), file=sys.stderr)
        return 1

    _report(catalog.warnings, args.format)
    if catalog.warnings:
        count = len(catalog.warnings)
        print(
            f"{count} warning{'s' if count > 1 else ''}; the strict build fails on them",
            file=sys.stderr,
        )
        return 1
    print(
        f"Catalog OK: {len(catalog.services)} services, {len(catalog.teams)} teams.",
        file=sys.stderr,
    )
    return 0


def _report(problems: list[Problem], style: str) -> None:
    for problem in problems:
        print(str(problem))
        if style == "github":
            print(github_annotation(problem))
