"""A new catalog entry from answers: `make new-service` and `make new-team`.

The answers become a YAML file only after the whole catalog, with the new file in it, passes the
same loading and checks as `make check`; a file this module writes is a file the check accepts.
"""

from __future__ import annotations

import dataclasses
import datetime
import shutil
import tempfile
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .fieldtypes import SLUG_MAX_LENGTH, check_slug, parse_date, parse_decimal
from .loading import CATALOG_DIR, entry_files, load_catalog
from .problems import CatalogError, Problem
from .schemas import CATALOG_KINDS, schema_comment
from .yamlsource import YAML_ONLY_BREAKS

Answers = Mapping[str, Any]


@dataclass(frozen=True)
class Question:
    """One answer the scaffold needs: a command-line option, and a prompt when interactive."""

    option: str
    field: str
    """Dotted model field the answer fills; its description is the question's help."""
    many: bool = False
    """The answer is a list, given by repeating the option or one per line when asked."""
    required: bool = True
    """A single answer must not be empty; a list needs at least one item."""
    default: str | None = None
    """Used when the answer is left empty; `today` for a date means the day it runs."""
    form: str | None = None
    """How to write one answer when it has two parts, for example `TITLE=URL`."""
    help: str | None = None
    """Help for an option that fills only part of its field, such as `--external-dependency`."""

    @property
    def key(self) -> str:
        """The answer's name: the option without dashes, as argparse names it."""
        return self.option.removeprefix("--").replace("-", "_")


SERVICE_QUESTIONS = (
    Question("--name", "name"),
    Question("--description", "description"),
    Question("--lifecycle", "lifecycle", default="experimental"),
    Question("--business-capability", "business_capability"),
    Question("--product-area", "product_area"),
    Question("--owner", "owner"),
    Question("--repository", "repository"),
    Question("--hosting", "runtime.hosting"),
    Question("--language", "runtime.language"),
    Question(
        "--dependency",
        "dependencies",
        many=True,
        required=False,
        help="Catalog services it calls, by name.",
    ),
    Question(
        "--external-dependency",
        "dependencies",
        many=True,
        required=False,
        help="Systems outside the catalog it calls (a vendor API, a legacy system), by name.",
    ),
    Question(
        "--data-store",
        "data_stores",
        many=True,
        required=False,
        form="NAME=TECHNOLOGY",
        help="Databases and other data stores it owns or writes to; leave out when none.",
    ),
    Question(
        "--integration",
        "external_integrations",
        many=True,
        required=False,
        form="NAME=PURPOSE",
        help="Third-party systems it exchanges data with; leave out when none.",
    ),
    Question("--pipeline-provider", "pipeline.provider", default="GitHub Actions"),
    Question("--pipeline-url", "pipeline.url"),
    Question("--environment", "environments", many=True, form="STAGE=URL"),
    Question("--dashboard", "dashboards", many=True, form="TITLE=URL"),
    Question("--alert", "alerts", many=True, form="TITLE=URL"),
    Question("--runbook", "runbook"),
    Question("--slo-objective", "slo.objective"),
    Question("--slo-indicator", "slo.indicator"),
    Question("--slo-window", "slo.window", default="28d"),
    Question("--data-classification", "data_classification"),
    Question("--security-notes", "security_notes"),
    Question("--last-reviewed", "last_reviewed", default="today"),
)

TEAM_QUESTIONS = (
    Question("--name", "name"),
    Question("--display-name", "display_name"),
    Question("--description", "description"),
    Question("--chat", "contacts.chat"),
    Question("--email", "contacts.email"),
    Question("--on-call-schedule", "on_call.schedule", required=False),
    Question("--escalation", "on_call.escalation", many=True),
    Question("--product-area", "product_areas", many=True),
    Question("--code-review-handle", "code_review_handle"),
    Question("--last-reviewed", "last_reviewed", default="today"),
)


def model_of(kind: str) -> type[BaseModel]:
    """The model of `catalog/<kind>/` files: `services` or `teams`."""
    return CATALOG_KINDS[kind][0]


def questions_of(kind: str) -> tuple[Question, ...]:
    """The questions asked for a new entry of `kind`."""
    return {"services": SERVICE_QUESTIONS, "teams": TEAM_QUESTIONS}[kind]


def question_help(kind: str, question: Question) -> str:
    """The question's help: the description of its model field, the text of the field reference."""
    return question.help or str(_field_info(kind, question).description or "")


def question_choices(kind: str, question: Question) -> tuple[str, ...]:
    """The allowed answers when the field takes one of a fixed set of words, else ()."""
    annotation = _field_info(kind, question).annotation
    if typing.get_origin(annotation) is typing.Literal:
        return tuple(str(choice) for choice in typing.get_args(annotation))
    return ()


def _field_info(kind: str, question: Question) -> FieldInfo:
    owner: Any = model_of(kind)
    *parents, last = question.field.split(".")
    for part in parents:
        owner = owner.model_fields[part].annotation
    info: FieldInfo = owner.model_fields[last]
    return info


def entry_path(kind: str, name: str) -> str:
    """Where the entry named `name` lives, relative to the repository root."""
    return f"{CATALOG_DIR}/{kind}/{name}.yaml"


def build_document(kind: str, answers: Answers) -> tuple[dict[str, Any], list[Problem]]:
    """The entry's fields in the order of the field reference, and a problem for each answer
    with two parts (`TITLE=URL`) that is not written that way."""
    path = entry_path(kind, str(answers["name"]))
    problems: list[Problem] = []

    def pairs(question: str, left: str, right: str) -> list[dict[str, str]]:
        spec = next(q for q in questions_of(kind) if q.key == question)
        found = []
        for index, value in enumerate(answers.get(question) or []):
            text = str(value)
            # A title may hold "=" and a URL's query too: split where the URL starts.
            at_url = text.find("=http") if spec.form and spec.form.endswith("=URL") else -1
            at = at_url if at_url > 0 else text.find("=")
            first, equals, second = text[:at].strip(), "=" * (at >= 0), text[at + 1 :].strip()
            if at < 0:
                first, second = text.strip(), ""
            if not equals or not first or not second:
                message = f"{value!r} is not written as {spec.form}; give {spec.option} {spec.form}"
                problems.append(Problem(path, 0, f"{spec.field}[{index}]", message))
            # Kept even when malformed, so that the indexes of later items stay as given.
            found.append({left: first, right: second} if second else {left: first or value})
        return found

    services = kind == "services"
    stages: set[str] = set()
    for value in answers.get("environment") or [] if services else []:
        stage = str(value).partition("=")[0].strip()
        if stage in stages:
            message = f"stage '{stage}' is given twice; give --environment once per stage"
            problems.append(Problem(path, 0, f"environments.{stage}", message))
        stages.add(stage)
    document = _service_document(answers, pairs) if services else _team_document(answers)
    return document, problems


def _service_document(
    answers: Answers, pairs: Callable[[str, str, str], list[dict[str, str]]]
) -> dict[str, Any]:
    environments: dict[str, dict[str, str]] = {}
    for value in answers.get("environment") or []:
        stage, _, url = str(value).partition("=")
        environments[stage.strip()] = {"url": url.strip()} if url.strip() else {}
    return {
        "name": answers["name"],
        "description": answers["description"],
        "lifecycle": answers["lifecycle"],
        "business_capability": answers["business_capability"],
        "product_area": answers["product_area"],
        "owner": answers["owner"],
        "repository": answers["repository"],
        "runtime": {"hosting": answers["hosting"], "language": answers["language"]},
        "dependencies": [
            *(answers.get("dependency") or []),
            *({"external": name} for name in answers.get("external_dependency") or []),
        ],
        "data_stores": pairs("data_store", "name", "technology"),
        "external_integrations": pairs("integration", "name", "purpose"),
        "pipeline": {"provider": answers["pipeline_provider"], "url": answers["pipeline_url"]},
        "environments": environments,
        "dashboards": pairs("dashboard", "title", "url"),
        "alerts": pairs("alert", "title", "url"),
        "runbook": answers["runbook"],
        "slo": {
            "objective": _number(answers["slo_objective"]),
            "indicator": answers["slo_indicator"],
            "window": answers["slo_window"],
        },
        "data_classification": answers["data_classification"],
        "security_notes": answers["security_notes"],
        "last_reviewed": _date(answers["last_reviewed"]),
    }


def _team_document(answers: Answers) -> dict[str, Any]:
    on_call: dict[str, Any] = {"escalation": list(answers.get("escalation") or [])}
    if answers.get("on_call_schedule"):
        on_call = {"schedule": answers["on_call_schedule"], **on_call}
    return {
        "name": answers["name"],
        "display_name": answers["display_name"],
        "description": answers["description"],
        "contacts": {"chat": answers["chat"], "email": answers["email"]},
        "on_call": on_call,
        "product_areas": list(answers.get("product_area") or []),
        "code_review_handle": answers["code_review_handle"],
        "last_reviewed": _date(answers["last_reviewed"]),
    }


class _Plain(str):
    """An answer written into the YAML file exactly as typed, unquoted: `99.90`, `2026-11-02`."""


def _number(value: Any) -> Any:
    # Written as a YAML number so the editor schema accepts it, with the digits as typed;
    # anything else (`9_9`, `1e3`) is left as text for the model to reject with its message.
    try:
        parse_decimal(str(value))
    except ValueError:
        return value
    return _Plain(value)


def _date(value: Any) -> Any:
    if value == "today":
        return _Plain(datetime.date.today().isoformat())
    # Only a date written the way the check accepts it is written as a date: `20261101` or
    # `2026-W40-1` stay text, which the check refuses, rather than becoming another day.
    try:
        parse_date(str(value))
    except ValueError:
        return value
    return _Plain(value)


class _IndentedDumper(yaml.SafeDumper):
    """Indents list items under their key, as the hand-written entries and yamllint do."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_plain(dumper: yaml.SafeDumper, value: _Plain) -> yaml.ScalarNode:
    # Tagged as what the text reads as (a date, a decimal, a whole number), the emitter writes
    # it without quotes or a tag.
    kind = "timestamp" if "-" in value else "float" if "." in value else "int"
    return dumper.represent_scalar(f"tag:yaml.org,2002:{kind}", str(value))


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # The emitter would write U+0085, U+2028 and U+2029 as they are, where YAML reads them as
    # line breaks; in double quotes they are escaped, so the check sees and names them.
    style = '"' if YAML_ONLY_BREAKS.search(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_IndentedDumper.add_representer(_Plain, _represent_plain)
_IndentedDumper.add_representer(str, _represent_text)


def entry_text(kind: str, document: Mapping[str, Any]) -> str:
    """The YAML file for `document`, starting with the line that gives editors its schema."""
    body = yaml.dump(
        dict(document),
        Dumper=_IndentedDumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    return f"{schema_comment(kind)}\n{body}"


def add_entry(root: Path, kind: str, answers: Answers) -> Path:
    """Write the new entry under `root` when the catalog with it passes the check.

    Raise `CatalogError` with every problem of the new entry, and write nothing, when the name
    is taken or the entry would fail `make check`.
    """
    name = str(answers.get("name") or "")
    unusable = name.startswith(".") or any(sep in name for sep in "/\\")
    if not name or unusable or len(name) > SLUG_MAX_LENGTH:
        # Only a name that cannot be a file name (or is too long for one) stops here; any
        # other bad name is reported by the check below, with every other problem of the entry.
        try:
            check_slug(name)
        except ValueError as error:
            raise CatalogError([Problem(f"{CATALOG_DIR}/{kind}/", 0, "name", str(error))]) from None

    path = entry_path(kind, name)
    for existing in entry_files(root, kind):
        if existing.stem.casefold() == name.casefold():
            shown = existing.relative_to(root).as_posix()
            message = f"'{name}' already exists in {shown}; choose another name or edit that file"
            raise CatalogError([Problem(path, 0, "name", message)])

    document, problems = build_document(kind, answers)
    text = entry_text(kind, document)
    # A malformed TITLE=URL answer is already reported; the model's view of it would repeat it.
    reported = tuple(problem.field for problem in problems)
    problems += [
        problem
        for problem in _check_with_catalog(root, path, text)
        if not problem.field.startswith(reported)
    ]
    if problems:
        raise CatalogError(problems)

    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8", newline="\n")
    return target


def _check_with_catalog(root: Path, path: str, text: str) -> list[Problem]:
    """The problems `make check` would report because of the new file, found in a copy of the
    catalog: those in the file itself, and those it causes in others (a spelling of an area
    that differs from the new one, a dependency loop closed by it)."""
    with tempfile.TemporaryDirectory(prefix="new-entry-") as scratch:
        copy = Path(scratch)
        if (root / CATALOG_DIR).is_dir():
            shutil.copytree(root / CATALOG_DIR, copy / CATALOG_DIR)
        before = set(_catalog_problems(copy, root))
        (copy / path).parent.mkdir(parents=True, exist_ok=True)
        (copy / path).write_text(text, encoding="utf-8", newline="\n")
        after = _catalog_problems(copy, root)

    # The file is not written yet, so a line number would point into nothing; the field names
    # the answer to change. Problems other files had already are not the new entry's to fix.
    return [
        dataclasses.replace(problem, line=0, column=None) if problem.path == path else problem
        for problem in after
        if problem.path == path or problem not in before
    ]


def _catalog_problems(copy: Path, root: Path) -> list[Problem]:
    try:
        catalog = load_catalog(copy, docs_dir=root / "docs")
    except CatalogError as error:
        return error.problems
    return catalog.warnings
