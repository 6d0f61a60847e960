"""`check_catalog.py --format github`: problems as annotations on the pull request's diff."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from minimal_catalog import write_minimal_catalog

ROOT = Path(__file__).resolve().parents[1]


def run_check(root: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check_catalog.py"), "--root", str(root), *options],
        capture_output=True,
        text=True,
        check=False,
    )


def test_annotations_entry_with_two_errors(tmp_path: Path) -> None:
    write_minimal_catalog(tmp_path)
    service = tmp_path / "catalog" / "services" / "card-api.yaml"
    text = service.read_text()
    text = text.replace("lifecycle: production", "lifecycle: live")
    text = text.replace("window: 28d", "window: 4 weeks, rolling")
    service.write_text(text)

    result = run_check(tmp_path, "--format", "github")

    assert result.returncode == 1
    lifecycle = (
        "catalog/services/card-api.yaml:4: lifecycle: "
        "'live' is not one of: experimental, production, deprecated"
    )
    window = (
        "catalog/services/card-api.yaml:31: slo.window: "
        "'4 weeks, rolling' is not a window such as '28d' (days) or '4w' (weeks)"
    )
    where = "file=catalog/services/card-api.yaml"
    assert result.stdout.splitlines() == [
        lifecycle,
        f"::error {where},line=4,title=catalog%3A lifecycle::{lifecycle}",
        window,
        f"::error {where},line=31,title=catalog%3A slo.window::{window}",
    ]
    assert result.stderr.strip() == "2 catalog problems in 1 file"


def test_annotations_absent_in_text_format(tmp_path: Path) -> None:
    write_minimal_catalog(tmp_path)
    service = tmp_path / "catalog" / "services" / "card-api.yaml"
    service.write_text(service.read_text().replace("lifecycle: production", "lifecycle: live"))

    result = run_check(tmp_path)

    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "catalog/services/card-api.yaml:4: lifecycle: "
        "'live' is not one of: experimental, production, deprecated"
    ]


def test_annotations_file_name_cannot_start_a_workflow_command(tmp_path: Path) -> None:
    write_minimal_catalog(tmp_path)
    services = tmp_path / "catalog" / "services"
    hostile = "x\n::error file=README.md,line=1::all good\x1b[2J"
    (services / "card-api.yaml").rename(services / f"{hostile}.yaml")

    result = run_check(tmp_path, "--format", "github")

    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2, lines
    assert lines[0] == (
        "catalog/services/x\\n::error file=README.md,line=1::all good\\x1b[2J.yaml:2: name: is "
        "'card-api' but the file is 'x\\n::error file=README.md,line=1::all good\\x1b[2J.yaml'; "
        "rename one so they match"
    )
    assert lines[1].startswith("::error file=catalog/services/x")
    assert all("\x1b" not in line for line in lines)
