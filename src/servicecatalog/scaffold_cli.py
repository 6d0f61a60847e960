"""`make new-service` and `make new-team`: take answers as options and ask for the rest.

In a terminal every answer not given as an option is asked for, with the field's description
as help. Without a terminal (CI, scripts, `--no-input`) nothing is asked: a missing answer is
an error naming its option.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .codeowners import CODEOWNERS_PATH, render_codeowners_file
from .generated import write_files
from .problems import CatalogError
from .scaffold import Question, add_entry, question_choices, question_help, questions_of

Ask = Callable[[str], str]


def build_parser(kind: str) -> argparse.ArgumentParser:
    """The options of `make new-<kind>`: one per question, plus `--root` and `--no-input`."""
    singular = kind.removesuffix("s")
    parser = argparse.ArgumentParser(
        prog=f"new_{singular}",
        description=f"Add a {singular} to the catalog. Options not given are asked for in a "
        "terminal; repeat an option to give several values.",
    )
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="repository root")
    parser.add_argument(
        "--no-input", action="store_true", help="never ask; fail naming the missing options"
    )
    for question in questions_of(kind):
        # argparse formats help with %, and descriptions are written for people, not for it.
        text = question_help(kind, question).replace("%", "%%")
        if question.default:
            text += f" Default: {question.default}."
        choices = question_choices(kind, question) or None
        if question.many:
            parser.add_argument(
                question.option,
                dest=question.key,
                action="append",
                default=[],
                metavar=question.form,
                help=text,
            )
        else:
            parser.add_argument(
                question.option,
                dest=question.key,
                action=_Once,
                choices=choices,
                metavar=question.form,
                help=text,
            )
    return parser


class _Once(argparse.Action):
    """An option with one value: given twice, it is an error rather than the last one winning."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        if getattr(namespace, self.dest) is not None:
            parser.error(f"{option_string} is given twice; give it once")
        setattr(namespace, self.dest, values)


def main(kind: str, argv: Sequence[str] | None = None, *, ask: Ask | None = None) -> int:
    """Add an entry of `kind` (`services` or `teams`); 0 when it was written.

    `ask` answers prompts in place of the terminal; given, the command is interactive.
    """
    args = build_parser(kind).parse_args(argv)
    root: Path = args.root
    questions = questions_of(kind)
    answers: dict[str, Any] = {question.key: getattr(args, question.key) for question in questions}

    # Bytes that are not UTF-8 in an option arrive as lone surrogates; they cannot be written.
    garbled = [q.option for q in questions if not _is_text(answers[q.key])]
    if garbled:
        print(f"not UTF-8 text: {', '.join(garbled)}; retype them", file=sys.stderr)
        return 2

    interactive = ask is not None or (not args.no_input and sys.stdin.isatty())
    if interactive:
        try:
            ask_missing(kind, answers, ask or input)
        except (EOFError, KeyboardInterrupt):
            print("\nstopped; nothing was written", file=sys.stderr)
            return 1

    missing = [q.option for q in questions if q.required and not q.default and not answers[q.key]]
    if missing:
        print(
            f"missing answers: {', '.join(missing)}; give them as options, or run the command "
            "in a terminal to be asked",
            file=sys.stderr,
        )
        return 2
    for question in questions:
        if not answers[question.key] and question.default:
            answers[question.key] = question.default

    try:
        path = add_entry(root, kind, answers)
    except CatalogError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{error.summary()}; nothing was written", file=sys.stderr)
        if interactive:
            # Answers typed at the prompt are not lost: fix the named ones and run this. Make
            # expands `$` in a variable given on its command line, so it is doubled.
            options = shlex.quote(_as_options(questions, answers).replace("$", "$$"))
            print(
                f"to try again: make new-{kind.removesuffix('s')} ARGS={options}", file=sys.stderr
            )
        return 1
    print(f"wrote {path.relative_to(root).as_posix()}", file=sys.stderr)
    _update_codeowners(root)
    return 0


def _is_text(answer: Any) -> bool:
    values = answer if isinstance(answer, list) else [answer]
    try:
        for value in values:
            str(value or "").encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _as_options(questions: Sequence[Question], answers: dict[str, Any]) -> str:
    """The answers as command-line options, so an interactive session can be repeated."""
    options = []
    for question in questions:
        values = answers[question.key]
        for value in values if isinstance(values, list) else [values]:
            if value:
                # `--option=value`, so that an answer starting with `-` stays the option's value.
                options.append(shlex.quote(f"{question.option}={value}"))
    return " ".join(options)


def ask_missing(kind: str, answers: dict[str, Any], ask: Ask) -> None:
    """Ask, in the field reference's order, for every answer not given yet."""
    for question in questions_of(kind):
        if answers[question.key]:
            continue
        print(f"\n{question.option.removeprefix('--')}: {question_help(kind, question)}")
        choices = question_choices(kind, question)
        if choices:
            print(f"  one of: {', '.join(choices)}")
        if question.many:
            answers[question.key] = _ask_many(question, ask)
        else:
            answers[question.key] = _ask_one(question, choices, ask)


def _ask_one(question: Question, choices: tuple[str, ...], ask: Ask) -> str:
    shown_default = f" [{question.default}]" if question.default else ""
    while True:
        value = ask(f"  {question.form or 'value'}{shown_default}: ").strip()
        value = value or question.default or ""
        if choices and value and value not in choices:
            print(f"  '{value}' is not one of: {', '.join(choices)}")
        elif question.required and not value:
            print("  this one is required")
        else:
            return value


def _ask_many(question: Question, ask: Ask) -> list[str]:
    values: list[str] = []
    while True:
        value = ask(f"  {question.form or 'value'} (empty line when done): ").strip()
        if value:
            values.append(value)
        elif question.required and not values:
            print("  give at least one")
        else:
            return values


def _update_codeowners(root: Path) -> None:
    # A new service or team file needs its own CODEOWNERS line, or the stale-file test fails.
    try:
        written = write_files(root, render_codeowners_file(root))
    except CatalogError as error:
        print(
            f"{CODEOWNERS_PATH} not updated ({error.summary()}); run `make codeowners` once "
            "`make check` passes",
            file=sys.stderr,
        )
        return
    for path in written:
        print(f"updated {path}", file=sys.stderr)
