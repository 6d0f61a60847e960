"""The validated catalog and the views pages are built from."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from .models import Service, Team
from .problems import Problem


@dataclass(frozen=True)
class Catalog:
    """Every team and service, valid and cross-checked, keyed and sorted by name."""

    teams: dict[str, Team]
    services: dict[str, Service]
    team_files: dict[str, str] = field(default_factory=dict)
    """Team name -> its file, relative to the repository root."""
    service_files: dict[str, str] = field(default_factory=dict)
    """Service name -> its file, relative to the repository root."""
    warnings: list[Problem] = field(default_factory=list)
    """Problems that do not stop a draft build but fail a strict one (dependency cycles)."""

    @cached_property
    def dependents(self) -> dict[str, list[str]]:
        """Service name -> the catalog services that depend on it, sorted."""
        reverse: dict[str, list[str]] = {name: [] for name in self.services}
        for service in self.services.values():
            for dependency in service.dependencies:
                if dependency.service in reverse:
                    reverse[dependency.service].append(service.name)
        return {name: sorted(set(users)) for name, users in reverse.items()}

    def services_of(self, team: str) -> list[Service]:
        """The services `team` owns, sorted by name."""
        return self._services_by_owner.get(team, [])

    @cached_property
    def _services_by_owner(self) -> dict[str, list[Service]]:
        owned: dict[str, list[Service]] = defaultdict(list)
        for service in self.services.values():
            owned[service.owner].append(service)
        return owned

    @cached_property
    def product_areas(self) -> dict[str, list[Service]]:
        """Product area -> its services; areas that teams list but no service uses included."""
        areas: dict[str, list[Service]] = {
            area: [] for team in self.teams.values() for area in team.product_areas
        }
        for service in self.services.values():
            areas.setdefault(service.product_area, []).append(service)
        return dict(sorted(areas.items(), key=lambda item: item[0].casefold()))

    @cached_property
    def capabilities(self) -> dict[str, list[Service]]:
        """Business capability -> its services."""
        groups: dict[str, list[Service]] = defaultdict(list)
        for service in self.services.values():
            groups[service.business_capability].append(service)
        return dict(sorted(groups.items(), key=lambda item: item[0].casefold()))
