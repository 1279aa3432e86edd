"""The ``warwire`` command: a thin Typer layer over the library.

Each command parses its options, calls a plain function of the library and prints; errors
about one input are one line on stderr naming the input, and the run goes on with the rest
(the exit code is then 1).
"""
from __future__ import annotations

import sys
from datetime import date
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from warwire import __version__

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}
app = typer.Typer(
    name="warwire",
    help="Reads war news and turns it into structured, evidence-backed event data.",
    context_settings=CONTEXT_SETTINGS,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


class Format(str, Enum):
    jsonl = "jsonl"
    table = "table"


def _parse_date(value: Optional[str]) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date: give YYYY-MM-DD", param_hint="--published") from None


def samples_path() -> Path:
    """The bundled sample articles (a folder with an index.jsonl)."""
    return Path(str(resources.files("warwire").joinpath("data/samples")))


@app.command("extract", short_help="Extract the events of news articles, as JSON Lines or a table.")
def extract_cli(
    paths: Annotated[Optional[list[Path]], typer.Argument(metavar="PATH", help="Article files (.txt, .html), folders with an index.jsonl, or .jsonl corpora. Default: the bundled samples.", show_default=False)] = None,
    published: Annotated[Optional[str], typer.Option("--published", metavar="YYYY-MM-DD", help="Publication date (YYYY-MM-DD) for articles that do not carry one.")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="jsonl: one event a line (ANNOTATION.md); table: a readable table.")] = Format.jsonl,
    model: Annotated[Optional[str], typer.Option("--model", metavar="NAME", help="A trained spaCy pipeline to add its NER and parses (optional extra).")] = None,
) -> None:
    """Example:

    \b
        warwire extract article.txt --published 2025-12-07
        warwire extract ../shared/corpus/dev --format table

    Reads news articles and prints the events in them: type, date, place, actors,
    killed and injured, weapons, status and source, each with the character offsets
    of the text that supports it.
    """
    from warwire.extract import extract_paths

    pub = _parse_date(published)
    targets = list(paths) if paths else [samples_path()]
    ok = extract_paths(targets, published=pub, fmt=fmt.value, model=model, out=sys.stdout,
                       err=Console(stderr=True, highlight=False, soft_wrap=True))
    raise typer.Exit(0 if ok else 1)


@app.command("version", short_help="Print the version of warwire.")
def version_cli() -> None:
    """Example:

    \b
        warwire version

    Prints the version of warwire.
    """
    typer.echo(__version__)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
