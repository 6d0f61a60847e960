"""Building and serving the handbook in tests: a strict build of a repository copy, a
static server on 127.0.0.1. Test modules import these; the fixtures live in conftest.py."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

from servicecatalog.synthetic import copy_site_sources

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = [sys.executable, "-m", "mkdocs"]
QUIET_ENV = {**os.environ, "DISABLE_MKDOCS_2_WARNING": "true", "NO_MKDOCS_2_WARNING": "1"}


def run_mkdocs_build(root: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of the repository copy at `root`, output captured."""
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "--site-dir", str(site_dir)],
        cwd=root,
        env=QUIET_ENV,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def copy_repository(target: Path) -> Path:
    """Copy what a site build reads into `target`."""
    return copy_site_sources(ROOT, target)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        # LinkChecker limits itself to 10 requests a second per host unless the server sends
        # this header; it is our own server, so let it check at full speed.
        self.send_header("LinkChecker", "allowed")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 while the block runs; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
