"""Shared fixtures: the sample site built once per test session, and served on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from sitebuild import ROOT, run_mkdocs_build, serve_folder

# Property tests: `replay` (the default, used by `make test` and CI) derives its inputs from
# each test's source, so every run checks the same ones; `explore` (`make fuzz`) draws new ones.
_PROPERTY = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("replay", max_examples=1000, derandomize=True, **_PROPERTY)
settings.register_profile("explore", max_examples=20000, **_PROPERTY)
settings.load_profile("replay")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample handbook, built in strict mode once per session."""
    site = tmp_path_factory.mktemp("site")
    result = run_mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """Base URL of the built site served on 127.0.0.1, ending with a slash."""
    with serve_folder(built_site) as url:
        yield url
