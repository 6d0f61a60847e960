"""Valid synthetic catalogs of any size, and copies of the site sources to build them in.

Used by the benchmark and by tests at scale; the handbook build itself never calls this.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

SITE_SOURCES = ("mkdocs.yml", "docs", "catalog", "hooks", "overrides", "src", "includes", "schemas")
"""What a site build reads from the repository; the catalog package itself is installed."""


def copy_site_sources(root: Path, target: Path) -> Path:
    """Copy the parts of the repository at `root` that a site build reads into `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for name in SITE_SOURCES:
        source = root / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.exists():
            shutil.copy2(source, target / name)
    return target


# Names of their own, so a synthetic catalog can sit beside the sample one.
AREAS = tuple(f"Synthetic area {number}" for number in range(1, 7))
CAPABILITIES = tuple(f"Synthetic capability {number}" for number in range(1, 13))

_TEAM = """\
name: {name}
display_name: Synthetic team {number}
description: Synthetic team {number} for catalog benchmarks.
contacts:
  chat: "#{name}"
  email: {name}@example.com
on_call:
  schedule: https://oncall.example.com/schedules/{name}
  escalation:
    - Primary on-call engineer
    - Engineering manager
product_areas:
  - {area}
code_review_handle: "@example/{name}"
last_reviewed: 2026-11-02
"""

_SERVICE = """\
name: {name}
description: Synthetic service {number}, part of the {capability} capability.
lifecycle: production
business_capability: {capability}
product_area: {area}
owner: {owner}
repository: https://git.example.com/synthetic/{name}
runtime:
  hosting: kubernetes
  language: Kotlin / JVM 21
dependencies:{dependencies}
data_stores:
  - name: {name}-db
    technology: PostgreSQL 16 (Amazon RDS)
    purpose: Service state
external_integrations: []
pipeline:
  provider: GitHub Actions
  url: https://git.example.com/synthetic/{name}/actions
environments:
  staging:
    url: https://{name}.staging.example.com
  production:
    url: https://{name}.example.com
dashboards:
  - title: Overview
    url: https://grafana.example.com/d/{name}
alerts:
  - title: Error rate above objective
    url: https://alerts.example.com/{name}/errors
runbook: https://runbooks.example.com/{name}
slo:
  objective: 99.9
  indicator: Requests answered without a 5xx in under 500 ms
  window: 28d
data_classification: internal
security_notes: Internal service; callers authenticate with platform-issued tokens.
last_reviewed: 2026-11-02
"""


def write_synthetic_catalog(root: Path, services: int, *, seed: int = 7) -> None:
    """Write `services` valid services and one team per 25 of them under `root/catalog/`.

    Dependencies only point at services with a lower number, so there is no cycle; each
    service calls at most three others.
    """
    rng = random.Random(seed)  # noqa: S311 - repeatable test data, not a secret
    team_count = max(len(AREAS), services // 25)
    teams = [f"synthetic-team-{number:03d}" for number in range(team_count)]
    (root / "catalog" / "teams").mkdir(parents=True, exist_ok=True)
    (root / "catalog" / "services").mkdir(parents=True, exist_ok=True)

    for number, team in enumerate(teams):
        text = _TEAM.format(name=team, number=number, area=AREAS[number % len(AREAS)])
        (root / "catalog" / "teams" / f"{team}.yaml").write_text(text, encoding="utf-8")

    for number in range(services):
        name = f"synthetic-{number:05d}"
        owner_number = number % team_count
        calls = rng.sample(range(number), k=min(number, rng.randint(0, 3)))
        dependencies = "".join(f"\n  - synthetic-{called:05d}" for called in sorted(calls))
        text = _SERVICE.format(
            name=name,
            number=number,
            owner=teams[owner_number],
            area=AREAS[owner_number % len(AREAS)],
            capability=CAPABILITIES[number % len(CAPABILITIES)],
            dependencies=dependencies or " []",
        )
        (root / "catalog" / "services" / f"{name}.yaml").write_text(text, encoding="utf-8")
