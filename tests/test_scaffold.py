"""`make new-service` and `make new-team`: entries that pass `make check`, or nothing written."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from minimal_catalog import write_minimal_catalog

from servicecatalog.loading import load_catalog
from servicecatalog.scaffold_cli import build_parser, main

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
# What `make new-service` and `make check` read in a copy of the repository.
COPIED = ("Makefile", "scripts", "catalog", "docs", ".github")


def copy_for_make(target: Path) -> Path:
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    return target


def run_make(root: Path, target: str, arguments: list[str]) -> subprocess.CompletedProcess[str]:
    """`make <target> ARGS=...` in `root`, with the test's own environment as the venv.

    `STAMP=` leaves out the install prerequisite: the copy has no venv, and a test must never
    create one (that would download packages).
    """
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    command = ["make", "-C", str(root), "--no-print-directory", target]
    command += ["STAMP=", f"BIN={BIN}", f"ARGS={shlex.join(arguments)}"]
    return subprocess.run(
        command, capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, check=False
    )


def run_script(root: Path, script: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / script), "--root", str(root), *arguments],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def service_options(name: str, owner: str, area: str) -> list[str]:
    return [
        "--name", name,
        "--description", "Sends each finished job's invoice to the customer by email.",
        "--lifecycle", "production",
        "--business-capability", "Invoicing",
        "--product-area", area,
        "--owner", owner,
        "--repository", f"https://git.example.com/{owner}/{name}",
        "--hosting", "kubernetes",
        "--language", "Python 3.12",
        "--external-dependency", "Email delivery provider",
        "--data-store", "sender-db=PostgreSQL 16 (Amazon RDS)",
        "--pipeline-url", f"https://git.example.com/{owner}/{name}/actions",
        "--environment", f"production=https://{name}.example.com",
        "--environment", "staging",
        "--dashboard", f"Overview=https://grafana.example.com/d/{name}",
        "--alert", f"Delivery failures=https://alerts.example.com/{name}",
        "--runbook", f"https://runbooks.example.com/{name}",
        "--slo-objective", "99.5",
        "--slo-indicator", "share of invoices sent within five minutes",
        "--data-classification", "confidential",
        "--security-notes", "Holds customer email addresses.",
    ]  # fmt: skip


def team_options(name: str) -> list[str]:
    return [
        "--name", name,
        "--display-name", "Invoicing",
        "--description", "Owns invoice delivery and reminders.",
        "--chat", f"#team-{name}",
        "--email", f"{name}@example.com",
        "--escalation", "Primary on-call engineer, Invoicing",
        "--escalation", "Engineering manager, Invoicing",
        "--product-area", "Billing",
        "--code-review-handle", f"@example/{name}",
    ]  # fmt: skip


def assert_passes_checks(root: Path, path: Path, kind: str) -> None:
    check = run_script(root, "check_catalog.py")
    assert check.returncode == 0, check.stdout + check.stderr
    codeowners = run_script(root, "generate_codeowners.py", "--check")
    assert codeowners.returncode == 0, codeowners.stderr
    schema = ROOT / "schemas" / f"{kind}.schema.json"
    editor = subprocess.run(
        [str(BIN / "check-jsonschema"), "--schemafile", str(schema), str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert editor.returncode == 0, editor.stdout


def test_make_new_service_writes_an_entry_that_passes_the_check(tmp_path: Path) -> None:
    root = copy_for_make(tmp_path)
    platform = load_catalog(root).teams["platform"]

    result = run_make(
        root,
        "new-service",
        service_options("invoice-sender", "platform", platform.product_areas[0]),
    )

    assert result.returncode == 0, result.stdout + result.stderr
    path = root / "catalog" / "services" / "invoice-sender.yaml"
    assert "wrote catalog/services/invoice-sender.yaml" in result.stderr
    assert path.read_text(encoding="utf-8").splitlines()[:3] == [
        "# yaml-language-server: $schema=../../schemas/service.schema.json",
        "name: invoice-sender",
        "description: Sends each finished job's invoice to the customer by email.",
    ]
    codeowners = (root / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert f"/catalog/services/invoice-sender.yaml {platform.code_review_handle}" in codeowners
    assert_passes_checks(root, path, "service")


def test_make_new_team_writes_an_entry_that_passes_the_check(tmp_path: Path) -> None:
    root = copy_for_make(tmp_path)

    result = run_make(root, "new-team", team_options("invoicing"))

    assert result.returncode == 0, result.stdout + result.stderr
    path = root / "catalog" / "teams" / "invoicing.yaml"
    assert load_catalog(root).teams["invoicing"].contacts.chat == "#team-invoicing"
    assert_passes_checks(root, path, "team")


def test_new_service_refuses_a_name_that_exists(tmp_path: Path) -> None:
    write_minimal_catalog(tmp_path)
    existing = tmp_path / "catalog" / "services" / "card-api.yaml"
    before = existing.read_text()

    result = run_script(
        tmp_path, "new_service.py", *service_options("card-api", "payments", "Payments")
    )

    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "catalog/services/card-api.yaml: name: 'card-api' already exists in "
        "catalog/services/card-api.yaml; choose another name or edit that file",
        "1 catalog problem in 1 file; nothing was written",
    ]
    assert existing.read_text() == before


def test_new_service_reports_every_problem_and_writes_nothing(tmp_path: Path) -> None:
    write_minimal_catalog(tmp_path)
    options = service_options("payout-worker", "paymnts", "Payments")
    options[options.index("--alert") + 1] = "Delivery failures"
    options[options.index("--environment") + 1] = "prod=https://payout.example.com"

    result = run_script(tmp_path, "new_service.py", *options)

    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "catalog/services/payout-worker.yaml: alerts[0]: 'Delivery failures' is not written as "
        "TITLE=URL; give --alert TITLE=URL",
        "catalog/services/payout-worker.yaml: environments.prod: 'prod' is not one of: local, "
        "preview, test, staging, production; did you mean 'production'?",
        "catalog/services/payout-worker.yaml: owner: no team 'paymnts' in catalog/teams/; "
        "did you mean 'payments'?",
        "3 catalog problems in 1 file; nothing was written",
    ]
    assert not (tmp_path / "catalog" / "services" / "payout-worker.yaml").exists()


def test_new_service_checks_owner_against_the_catalog(tmp_path: Path) -> None:
    write_minimal_catalog(tmp_path)

    result = run_script(
        tmp_path, "new_service.py", *service_options("payout-worker", "paymnts", "Payments")
    )

    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "catalog/services/payout-worker.yaml: owner: no team 'paymnts' in catalog/teams/; "
        "did you mean 'payments'?"
    )


def test_new_service_name_must_be_a_slug(tmp_path: Path) -> None:
    write_minimal_catalog(tmp_path)

    result = run_script(
        tmp_path, "new_service.py", *service_options("../outside", "payments", "Payments")
    )

    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "catalog/services/: name: '../outside' is not a slug: use lowercase letters a-z, digits "
        "and single hyphens; did you mean 'outside'?"
    )
    assert not (tmp_path / "catalog" / "outside.yaml").exists()


def test_new_service_without_terminal_names_missing_options(tmp_path: Path) -> None:
    write_minimal_catalog(tmp_path)

    result = run_script(
        tmp_path, "new_service.py", "--name", "payout-worker", "--owner", "payments"
    )

    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "missing answers: --description, --business-capability, --product-area, --repository, "
        "--hosting, --language, --pipeline-url, --environment, --dashboard, --alert, --runbook, "
        "--slo-objective, --slo-indicator, --data-classification, --security-notes; give them as "
        "options, or run the command in a terminal to be asked"
    ]


def test_new_team_asks_for_what_the_options_leave_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_minimal_catalog(tmp_path)
    replies = iter([
        "Invoicing",                           # display name
        "Owns invoice delivery.",              # description
        "#team-invoicing",                     # chat
        "invoicing@example.com",               # email
        "",                                    # on-call schedule: optional
        "",                                    # escalation: refused, one is required
        "Primary on-call engineer, Invoicing",
        "",
        "Payments",                            # product areas
        "",
        "@example/invoicing",                  # code review handle
        "",                                    # last reviewed: today by default
    ])  # fmt: skip
    prompts: list[str] = []

    def ask(prompt: str) -> str:
        prompts.append(prompt)
        return next(replies)

    code = main("teams", ["--root", str(tmp_path), "--name", "invoicing"], ask=ask)

    assert code == 0
    out = capsys.readouterr().out
    assert "chat: Chat channel, for example `#team-payments`." in out
    assert "  give at least one" in out
    assert "  value (empty line when done): " in prompts
    team = load_catalog(tmp_path).teams["invoicing"]
    assert team.on_call.escalation == ["Primary on-call engineer, Invoicing"]
    assert team.on_call.schedule is None


def test_new_service_asks_again_for_a_word_not_in_the_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_minimal_catalog(tmp_path)
    options = service_options("payout-worker", "payments", "Payments")
    at = options.index("--hosting")
    del options[at : at + 2]
    replies = iter(["k8s", "kubernetes"])

    code = main("services", ["--root", str(tmp_path), *options], ask=lambda _: next(replies, ""))

    assert code == 0
    assert "  'k8s' is not one of: kubernetes, serverless" in capsys.readouterr().out
    assert load_catalog(tmp_path).services["payout-worker"].runtime.hosting == "kubernetes"


def test_new_service_bad_name_is_reported_with_every_other_problem(tmp_path: Path) -> None:
    write_minimal_catalog(tmp_path)
    options = service_options("Payout_Worker", "paymnts", "Payments")
    options[options.index("--slo-objective") + 1] = "abc"

    result = run_script(tmp_path, "new_service.py", *options)

    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "catalog/services/Payout_Worker.yaml: environments.production.url: host name "
        "'payout_worker.example.com' may hold only letters a-z, digits, dots and hyphens",
        "catalog/services/Payout_Worker.yaml: name: 'Payout_Worker' is not a slug: use lowercase "
        "letters a-z, digits and single hyphens; did you mean 'payout-worker'?",
        "catalog/services/Payout_Worker.yaml: owner: no team 'paymnts' in catalog/teams/; "
        "did you mean 'payments'?",
        "catalog/services/Payout_Worker.yaml: slo.objective: 'abc' is not a number; write digits "
        "such as 99.9",
        "4 catalog problems in 1 file; nothing was written",
    ]
    assert list((tmp_path / "catalog" / "services").glob("Payout*")) == []


def test_new_service_interactive_failure_prints_a_command_to_retry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_minimal_catalog(tmp_path)
    options = service_options("payout-worker", "payments", "Payments")
    for option in ("--description", "--owner"):
        at = options.index(option)
        del options[at : at + 2]
    # Asked in the field reference's order: the description, then the owner.
    replies = iter(["- draft: pays technicians' expenses", "paymnts"])

    code = main("services", ["--root", str(tmp_path), *options], ask=lambda _: next(replies, ""))

    retry = capsys.readouterr().err.splitlines()[-1]
    assert code == 1
    assert retry.startswith("to try again: make new-service ARGS=")
    (given,) = shlex.split(retry.split("ARGS=", 1)[1])
    repeated = build_parser("services").parse_args(shlex.split(given))
    assert repeated.description == "- draft: pays technicians' expenses"
    assert repeated.owner == "paymnts"
    assert repeated.name == "payout-worker"


def test_new_service_option_given_twice_is_an_error(tmp_path: Path) -> None:
    write_minimal_catalog(tmp_path)
    options = service_options("payout-worker", "payments", "Payments")

    result = run_script(tmp_path, "new_service.py", *options, "--owner", "finance")

    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        "new_service: error: --owner is given twice; give it once"
    )
    assert list((tmp_path / "catalog" / "services").glob("payout*")) == []


def _with(options: list[str], option: str, value: str) -> list[str]:
    changed = list(options)
    if option in changed:
        changed[changed.index(option) + 1] = value
    else:
        changed += [option, value]
    return changed


def test_new_service_writes_numbers_and_dates_as_typed(tmp_path: Path) -> None:
    write_minimal_catalog(tmp_path)
    options = _with(
        service_options("payout-worker", "payments", "Payments"), "--slo-objective", "0.000001"
    )
    options = _with(options, "--last-reviewed", "2026-11-02")

    result = run_script(tmp_path, "new_service.py", *options)

    assert result.returncode == 0, result.stderr
    written = (tmp_path / "catalog" / "services" / "payout-worker.yaml").read_text()
    assert "  objective: 0.000001\n" in written
    assert "last_reviewed: 2026-11-02\n" in written
    assert str(load_catalog(tmp_path).services["payout-worker"].slo.objective) == "0.000001"


def test_new_service_refuses_answers_it_would_have_to_change(tmp_path: Path) -> None:
    write_minimal_catalog(tmp_path)
    options = _with(
        service_options("payout-worker", "payments", "Payments"), "--last-reviewed", "20261101"
    )
    options += ["--environment", "production=https://other.example.com"]

    result = run_script(tmp_path, "new_service.py", *options)

    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "catalog/services/payout-worker.yaml: environments.production: stage 'production' is "
        "given twice; give --environment once per stage",
        "catalog/services/payout-worker.yaml: last_reviewed: '20261101' is not a date written as "
        "YYYY-MM-DD",
        "2 catalog problems in 1 file; nothing was written",
    ]
    assert not (tmp_path / "catalog" / "services" / "payout-worker.yaml").exists()


def test_new_service_refuses_an_entry_that_breaks_another_file(tmp_path: Path) -> None:
    write_minimal_catalog(tmp_path)
    # The new name sorts before card-api and the spelling differs only in case: with one
    # place each, the check names the existing file, and the scaffold still refuses.
    options = _with(
        service_options("aaa-worker", "payments", "Payments"), "--business-capability", "payments"
    )

    result = run_script(tmp_path, "new_service.py", *options)

    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "catalog/services/card-api.yaml:5: business_capability: business capability 'Payments' "
        "is spelled 'payments' in catalog/services/aaa-worker.yaml:5; use one spelling",
        "1 catalog problem in 1 file; nothing was written",
    ]
    assert not (tmp_path / "catalog" / "services" / "aaa-worker.yaml").exists()


def test_new_entry_name_too_long_for_a_file_is_an_error(tmp_path: Path) -> None:
    write_minimal_catalog(tmp_path)

    service = run_script(
        tmp_path,
        "new_service.py",
        *_with(service_options("x", "payments", "Payments"), "--name", "a" * 300),
    )
    team = run_script(tmp_path, "new_team.py", *_with(team_options("x"), "--name", "b" * 300))

    for result in (service, team):
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert ": name: is 300 characters long; the limit is 63" in result.stderr


def test_new_service_retry_command_keeps_dollar_signs_from_make(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_minimal_catalog(tmp_path)
    options = _with(
        service_options("payout-worker", "payments", "Payments"),
        "--description",
        "Costs $5 a $(month)",
    )
    at = options.index("--owner")
    del options[at : at + 2]
    replies = iter(["paymnts"])

    main("services", ["--root", str(tmp_path), *options], ask=lambda _: next(replies, ""))

    retry = capsys.readouterr().err.splitlines()[-1]
    assert "Costs $$5 a $$(month)" in retry
    make = subprocess.run(
        ["make", "-n", "-f", "-", retry.split("make new-service ", 1)[1]],
        input="all:\n\t@echo $(ARGS)\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Costs $5 a $(month)" in make.stdout


def test_new_service_refuses_a_character_yaml_reads_as_a_line_break(tmp_path: Path) -> None:
    write_minimal_catalog(tmp_path)
    options = service_options("payout-worker", "payments", "Payments")
    options = _with(options, "--language", "Go\x85x")
    options = _with(options, "--security-notes", "Holds\u2028email addresses.")

    result = run_script(tmp_path, "new_service.py", *options)

    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "catalog/services/payout-worker.yaml: runtime.language: contains the control character "
        "U+0085; remove it",
        "catalog/services/payout-worker.yaml: security_notes: contains the control character "
        "U+2028; remove it",
        "2 catalog problems in 1 file; nothing was written",
    ]
