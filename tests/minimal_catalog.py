"""A two-team, one-service catalog written into a temporary folder, for tests that need exact
control over the entries (the sample catalog in the repository changes as the handbook grows)."""

from __future__ import annotations

from pathlib import Path

SCHEMA_LINE = "# yaml-language-server: $schema=../../schemas/{}.schema.json\n"

TEAM = """\
name: {name}
display_name: {display}
description: Owns {display}.
contacts:
  chat: "#team-{name}"
  email: {name}@example.com
on_call:
  escalation:
    - Primary on-call engineer, {display}
product_areas:
  - {display}
code_review_handle: "@example/{name}"
last_reviewed: 2026-11-02
"""

SERVICE = """\
name: {name}
description: Takes card payments.
lifecycle: production
business_capability: Payments
product_area: Payments
owner: {owner}
repository: https://git.example.com/payments/{name}
runtime:
  hosting: kubernetes
  language: Go 1.23
dependencies: []
data_stores: []
external_integrations: []
pipeline:
  provider: GitHub Actions
  url: https://git.example.com/payments/{name}/actions
environments:
  production:
    url: https://{name}.example.com
dashboards:
  - title: Overview
    url: https://grafana.example.com/d/{name}
alerts:
  - title: Error rate
    url: https://alerts.example.com/{name}
runbook: https://runbooks.example.com/{name}
slo:
  objective: 99.9
  indicator: share of requests answered without a 5xx
  window: 28d
data_classification: confidential
security_notes: Card data never reaches this service; the payment provider tokenises it.
last_reviewed: 2026-11-02
"""


def write_team(root: Path, name: str, display: str) -> Path:
    """Write a valid team file named `name`."""
    path = root / "catalog" / "teams" / f"{name}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(SCHEMA_LINE.format("team") + TEAM.format(name=name, display=display))
    return path


def write_service(root: Path, name: str, owner: str, body: str = SERVICE) -> Path:
    """Write a service file named `name` from `body` (valid unless the caller changes it)."""
    path = root / "catalog" / "services" / f"{name}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(SCHEMA_LINE.format("service") + body.format(name=name, owner=owner))
    return path


def write_minimal_catalog(root: Path, *, with_platform: bool = True) -> Path:
    """Teams `payments` (and `platform`), and the service `card-api` owned by `payments`."""
    if with_platform:
        write_team(root, "platform", "Platform")
    write_team(root, "payments", "Payments")
    write_service(root, "card-api", "payments")
    return root
