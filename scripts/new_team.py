"""Add a team to the catalog; options not given are asked for in a terminal.

Usage: make new-team ARGS="--name ... (one option per field; --help lists them)"
       python scripts/new_team.py [--root DIR] [--no-input] [options]
"""

from __future__ import annotations

import sys

from servicecatalog.scaffold_cli import main

if __name__ == "__main__":
    sys.exit(main("teams"))
