"""Helpers for tests that write catalog files and run the check on them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from sitebuild import ROOT

FIXTURE_CATALOG = ROOT / "tests" / "fixtures" / "catalog"
CHECK_SCRIPT = ROOT / "scripts" / "check_catalog.py"


@dataclass(frozen=True)
class CheckRun:
    """What `scripts/check_catalog.py` printed and how it exited."""

    status: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        return self.stdout.splitlines()


def fixture_catalog(root: Path) -> Path:
    """A small valid catalog (two teams, two services) under `root/catalog`."""
    shutil.copytree(FIXTURE_CATALOG, root / "catalog")
    (root / "docs").mkdir(exist_ok=True)
    return root


def run_check(root: Path, *options: str) -> CheckRun:
    """Run the catalog check as `make check` does, in a separate process."""
    result = subprocess.run(
        [sys.executable, str(CHECK_SCRIPT), "--root", str(root), *options],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return CheckRun(result.returncode, result.stdout, result.stderr)


def remove_key(text: str, key: str) -> str:
    """`text` without the top-level `key` and its indented block."""
    kept, skipping = [], False
    for line in text.splitlines(keepends=True):
        if line.startswith(f"{key}:"):
            skipping = True
            continue
        if skipping and (line.startswith((" ", "-")) or not line.strip()):
            continue
        skipping = False
        kept.append(line)
    return "".join(kept)


def first_key_line(text: str) -> int:
    """1-based line of the first key: where the problems of a missing field are reported."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            return number
    raise AssertionError("no key in text")
