"""Property tests: whatever bytes land in a catalog file, the loader raises only CatalogError.

`make test` replays a fixed set of inputs (the `replay` profile in conftest.py), so a pull
request never fails on an input nobody changed. `make fuzz` draws fresh ones; an input it finds
becomes an `@example` here and, when it is a trap worth showing, a folder in tests/cases/.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from catalog_helpers import FIXTURE_CATALOG
from hypothesis import example, given, settings
from hypothesis import strategies as st

from servicecatalog import CatalogError, load_catalog

SAMPLE = (FIXTURE_CATALOG / "services" / "invoice-api.yaml").read_text(encoding="utf-8")
SAMPLE_LINES = SAMPLE.splitlines(keepends=True)

# Fragments that YAML treats specially, so mutations reach the loader's edge cases often.
TRAPS = [
    "\t", "&a ", "*a", "!!int ", "!!python/object ", "--- ", "? ", ": ", "- ", "[", "]", "{",
    "}", '"', "'", "|\n", ">\n", "#", "%YAML 1.1\n", "~", "NO", "1.10", "0o17", "<<: ", "\ufeff",
    "\r\n", "\x00", "\x85", "\u2028", "\udcff", "é", "😀", "  ", "\n", "null", "yes",
]  # fmt: skip


@pytest.fixture(scope="module")
def catalog_root(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("property")
    shutil.copytree(FIXTURE_CATALOG, root / "catalog")
    yield root
    shutil.rmtree(root)


def _load(root: Path, content: bytes) -> None:
    (root / "catalog" / "services" / "invoice-api.yaml").write_bytes(content)
    try:
        load_catalog(root)
    except CatalogError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.path.startswith("catalog/services/")
            assert problem.line >= 1
            assert problem.message


@st.composite
def mutated_sample(draw: st.DrawFn) -> bytes:
    lines = list(SAMPLE_LINES)
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "replace"]))
        if kind == "delete" and len(lines) > 1:
            del lines[index]
        elif kind == "duplicate":
            lines.insert(index, lines[index])
        elif kind == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif kind == "insert":
            line = lines[index]
            at = draw(st.integers(0, len(line)))
            fragment = draw(st.sampled_from(TRAPS) | st.text(max_size=8))
            lines[index] = line[:at] + fragment + line[at:]
        else:
            key = lines[index].split(":", 1)[0]
            value = draw(st.sampled_from(TRAPS) | st.text(max_size=20))
            lines[index] = f"{key}: {value}\n"
    text = "".join(lines)
    return text.encode("utf-8", errors="surrogateescape" if draw(st.booleans()) else "replace")


def _field_names(value: object) -> set[str]:
    if isinstance(value, dict):
        return {str(key) for key in value} | {n for v in value.values() for n in _field_names(v)}
    if isinstance(value, list):
        return {name for item in value for name in _field_names(item)}
    return set()


# Keys the models know (and stage names), so generated mappings reach nested validation.
FIELD_NAMES = sorted(_field_names(yaml.safe_load(SAMPLE)) | {"local", "preview", "test", "[key]"})
keys = st.sampled_from(FIELD_NAMES) | st.text(max_size=12) | st.integers()
yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=5),
    max_leaves=25,
)


@st.composite
def edited_sample(draw: st.DrawFn) -> object:
    """The sample entry with one value somewhere inside it replaced or one key added."""
    document = yaml.safe_load(SAMPLE)
    node = document
    while isinstance(node, (dict, list)) and node and draw(st.booleans()):
        place = draw(st.sampled_from(sorted(node) if isinstance(node, dict) else range(len(node))))
        if not isinstance(node[place], (dict, list)) or not node[place]:
            break
        node = node[place]
    if isinstance(node, dict):
        node[draw(st.sampled_from(sorted(node)) | keys)] = draw(yaml_values)
    elif isinstance(node, list) and node:
        node[draw(st.integers(0, len(node) - 1))] = draw(yaml_values)
    return document


@given(content=mutated_sample())
def test_loader_mutated_entries_raise_only_catalog_errors(
    catalog_root: Path, content: bytes
) -> None:
    _load(catalog_root, content)


@given(document=yaml_values, base=st.booleans())
@example(document={"[key]": None}, base=False)  # pydantic writes `[key]` in its error places
@example(document={"environments": {"[key]": "[key]"}}, base=True)
def test_loader_generated_documents_raise_only_catalog_errors(
    catalog_root: Path, document: object, base: bool
) -> None:
    if base and isinstance(document, dict):
        document = {**yaml.safe_load(SAMPLE), **document}
    _load(catalog_root, yaml.dump(document, allow_unicode=True).encode("utf-8"))


@given(document=edited_sample())
def test_loader_edited_entries_raise_only_catalog_errors(
    catalog_root: Path, document: object
) -> None:
    _load(catalog_root, yaml.dump(document, allow_unicode=True).encode("utf-8"))


@settings(max_examples=settings().max_examples // 3)
@given(content=st.binary(max_size=400))
def test_loader_arbitrary_bytes_raise_only_catalog_errors(
    catalog_root: Path, content: bytes
) -> None:
    _load(catalog_root, content)
