"""This repository's own security baseline: no secrets in the tree, and the Python code passes
ruff's security rules (bandit's checks, as ruff implements them)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
BASELINE = ROOT / ".secrets.baseline"
PYTHON_FOLDERS = ("src", "hooks", "scripts", "tests")


def repository_files() -> list[str]:
    """Tracked files and new files git does not ignore: what the next commit could contain."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    names = sorted({name for name in listed.split("\0") if name})
    # A file deleted but not yet committed is still listed; the baseline lists false positives.
    return [name for name in names if (ROOT / name).is_file() and name != BASELINE.name]


def scan_for_secrets(cwd: Path, files: list[str], baseline: Path) -> list[dict[str, Any]]:
    """detect-secrets over `files` with the plugins and filters recorded in `baseline` (a copy:
    the scan rewrites it); every finding, audited or not."""
    subprocess.run(
        [str(BIN / "detect-secrets"), "scan", "--baseline", str(baseline), *files],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    results: dict[str, list[dict[str, Any]]] = json.loads(baseline.read_text())["results"]
    return [finding for findings in results.values() for finding in findings]


def audited_false_positives() -> set[tuple[str, str, str]]:
    results = json.loads(BASELINE.read_text())["results"]
    return {
        (finding["filename"], finding["type"], finding["hashed_secret"])
        for findings in results.values()
        for finding in findings
        if finding.get("is_secret") is False
    }


def test_repo_security_tree_has_no_secrets(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    shutil.copy(BASELINE, baseline)
    allowed = audited_false_positives()

    findings = scan_for_secrets(ROOT, repository_files(), baseline)

    new = [
        f"{finding['filename']}:{finding['line_number']}: {finding['type']}"
        for finding in findings
        if (finding["filename"], finding["type"], finding["hashed_secret"]) not in allowed
    ]
    assert new == [], "remove the secret, or audit a false positive: see docs/contributing.md"


def test_repo_security_baseline_holds_only_audited_false_positives() -> None:
    results = json.loads(BASELINE.read_text())["results"]

    unaudited = [
        f"{finding['filename']}:{finding['line_number']}"
        for findings in results.values()
        for finding in findings
        if finding.get("is_secret") is not False
    ]

    assert unaudited == []


def test_repo_security_secret_scan_finds_a_planted_key(tmp_path: Path) -> None:
    # Assembled at run time so that this file itself holds no key-shaped string.
    key = "AKIA" + "IOSFODNN7" + "EXAMPLE"
    (tmp_path / "settings.yaml").write_text(f"aws_access_key_id: {key}\n")
    baseline = tmp_path / "baseline.json"
    shutil.copy(BASELINE, baseline)

    findings = scan_for_secrets(tmp_path, ["settings.yaml"], baseline)

    assert ("settings.yaml", 1, "AWS Access Key") in {
        (finding["filename"], finding["line_number"], finding["type"]) for finding in findings
    }


def test_repo_security_python_code_passes_ruff() -> None:
    result = subprocess.run(
        [str(BIN / "ruff"), "check", "--no-cache", *PYTHON_FOLDERS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout


def test_repo_security_ruff_flags_shell_injection(tmp_path: Path) -> None:
    risky = tmp_path / "deploy.py"
    risky.write_text(
        "import subprocess\n\n\ndef deploy(branch: str) -> None:\n"
        '    subprocess.run(f"git push origin {branch}", shell=True, check=True)\n'
    )
    config = ["--config", str(ROOT / "pyproject.toml"), "--output-format", "concise"]

    result = subprocess.run(
        [str(BIN / "ruff"), "check", "--no-cache", *config, str(risky)],
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 1
    assert "S602 `subprocess` call with `shell=True` identified" in result.stdout
