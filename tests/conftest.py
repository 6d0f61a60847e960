"""Shared fixtures: the sample site built once per test session, and served on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sitebuild import ROOT, run_mkdocs_build, serve_folder


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
