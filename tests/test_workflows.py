"""The repository's automation, checked offline: GitHub workflows against the workflow schema
that check-jsonschema ships, pinned actions, the publishing rules, and the configs beside them."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
WORKFLOWS = ROOT / ".github" / "workflows"
PULL_REQUEST = WORKFLOWS / "pull-request.yml"
PUBLISH = WORKFLOWS / "publish.yml"
# owner/repo[/path]@<40 hex digits>  # v1.2.3
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}\s+# v\d+(\.\d+)*$")
USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(.+?)\s*$")


def check_jsonschema(schema: str, *files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", schema, *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )


def load(path: Path) -> dict[Any, Any]:
    document: dict[Any, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return document


def run_commands(workflow: dict[Any, Any], job: str) -> str:
    return "\n".join(step.get("run", "") for step in workflow["jobs"][job]["steps"])


def unpinned_actions(text: str) -> list[str]:
    """Every `uses:` not pinned to a full commit SHA with its version in a comment."""
    found = [match.group(1) for match in map(USES.match, text.splitlines()) if match]
    return [uses for uses in found if not uses.startswith("./") and not PINNED.match(uses)]


def test_workflows_match_the_github_workflow_schema() -> None:
    files = sorted(WORKFLOWS.glob("*.yml"))

    result = check_jsonschema("vendor.github-workflows", *files)

    assert [path.name for path in files] == ["publish.yml", "pull-request.yml"]
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok -- validation done" in result.stdout


def test_workflows_schema_check_fails_for_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "pull-request.yml"
    text = PULL_REQUEST.read_text(encoding="utf-8")
    broken.write_text(text.replace("runs-on:", "runs_on:", 1), encoding="utf-8")

    result = check_jsonschema("vendor.github-workflows", broken)

    assert result.returncode == 1
    assert f"{broken}::$.jobs.check" in result.stdout
    assert "'runs-on' is a required property" in result.stdout


def test_workflows_every_job_has_a_timeout() -> None:
    result = check_jsonschema(
        "custom.github-workflows-require-timeout", *sorted(WORKFLOWS.glob("*.yml"))
    )

    assert result.returncode == 0, result.stdout


def test_workflows_pin_every_action_to_a_commit() -> None:
    unpinned = {
        path.name: unpinned_actions(path.read_text(encoding="utf-8"))
        for path in sorted(WORKFLOWS.glob("*.yml"))
    }

    assert unpinned == {"publish.yml": [], "pull-request.yml": []}


def test_workflows_pin_check_catches_tags_and_short_shas() -> None:
    text = """\
      - uses: actions/checkout@v4
      - uses: actions/setup-python@a26af69be951  # v5.6.0
      - uses: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02
      - uses: ./.github/actions/local
"""

    assert unpinned_actions(text) == [
        "actions/checkout@v4",
        "actions/setup-python@a26af69be951  # v5.6.0",
        "actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02",
    ]


def test_workflows_pull_request_checks_builds_tests_and_scans() -> None:
    workflow = load(PULL_REQUEST)
    check = run_commands(workflow, "check")
    security = run_commands(workflow, "security")
    uploads = [
        step["with"]["path"]
        for step in workflow["jobs"]["check"]["steps"]
        if step.get("uses", "").startswith("actions/upload-artifact@")
    ]

    assert workflow["permissions"] == {"contents": "read"}
    assert "scripts/check_catalog.py --format github" in check
    assert check.index("make site") < check.index("make test")
    assert uploads == ["site/", "test-artifacts/"]
    assert "pip-audit --requirement requirements.lock" in security
    assert "detect-secrets-hook --baseline .secrets.baseline" in security


def test_workflows_publish_deploys_only_a_successful_build() -> None:
    workflow = load(PUBLISH)
    build = workflow["jobs"]["build"]
    deploy = workflow["jobs"]["deploy"]
    build_uses = [step.get("uses", "").split("@")[0] for step in build["steps"]]

    # PyYAML reads the `on:` key as YAML 1.1's boolean true.
    assert workflow[True]["push"] == {"branches": ["main"]}
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert "make site" in run_commands(workflow, "build")
    assert "actions/upload-pages-artifact" in build_uses
    assert "permissions" not in build
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]


def test_workflows_dependabot_config_matches_its_schema() -> None:
    config = ROOT / ".github" / "dependabot.yml"

    result = check_jsonschema("vendor.dependabot", config)

    assert result.returncode == 0, result.stdout
    ecosystems = [update["package-ecosystem"] for update in load(config)["updates"]]
    assert ecosystems == ["pip", "github-actions"]


def test_workflows_pre_commit_config_is_valid() -> None:
    result = subprocess.run(
        [str(BIN / "pre-commit"), "validate-config", str(ROOT / ".pre-commit-config.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr


def test_workflows_yaml_files_pass_yamllint() -> None:
    result = subprocess.run(
        [str(BIN / "yamllint"), "--strict", "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout
