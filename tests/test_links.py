"""LinkChecker, run against the built site served on 127.0.0.1, finds no broken link."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from sitebuild import serve_folder

CONFIG = Path(__file__).with_name("linkcheckerrc")
LINKCHECKER = Path(sys.executable).with_name("linkchecker")


def _linkcheck(url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINKCHECKER), "--config", str(CONFIG), "--output", "text", url],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_links_site_has_no_broken_internal_link(site_url: str) -> None:
    result = _linkcheck(site_url)

    assert result.returncode == 0, result.stdout
    assert "0 errors found" in result.stdout


def test_links_broken_link_is_reported(built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    home = site / "index.html"
    home.write_text(
        home.read_text(encoding="utf-8").replace(
            "</article>", '<a href="catalog/services/no-such-service/">gone</a></article>'
        ),
        encoding="utf-8",
    )

    with serve_folder(site) as url:
        result = _linkcheck(url)

    assert result.returncode == 1
    assert "catalog/services/no-such-service/" in result.stdout
    assert "1 error found" in result.stdout
