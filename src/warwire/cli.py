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


DbOption = Annotated[Optional[str], typer.Option("--db", metavar="PATH|URL", envvar="WARWIRE_DB", help="The database: a SQLite file or a SQLAlchemy URL (postgresql://user@host/db). Default: warwire.db here.", show_default=False)]


class StatsFormat(str, Enum):
    table = "table"
    json = "json"


class EventsFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class BriefFormat(str, Enum):
    md = "md"
    html = "html"


class ExportFormat(str, Enum):
    acled_csv = "acled-csv"
    geojson = "geojson"
    jsonl = "jsonl"
    parquet = "parquet"


def _err() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _fail(error: Exception) -> typer.Exit:
    """One line on stderr for an error warwire reports on purpose, then exit code 1."""
    from warwire.extract import report

    report(_err(), error)  # type: ignore[arg-type]
    return typer.Exit(1)


def _opt_date(value: Optional[str], option: str) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date: give YYYY-MM-DD", param_hint=option) from None


@app.command("ingest", short_help="Extract the events of news articles and store them in the database.")
def ingest_cli(
    paths: Annotated[Optional[list[Path]], typer.Argument(metavar="PATH", help="Article files (.txt, .html), folders with an index.jsonl, or .jsonl corpora. Default: the bundled samples.", show_default=False)] = None,
    db: DbOption = None,
    published: Annotated[Optional[str], typer.Option("--published", metavar="YYYY-MM-DD", help="Publication date (YYYY-MM-DD) for articles that do not carry one.")] = None,
    model: Annotated[Optional[str], typer.Option("--model", metavar="NAME", help="A trained spaCy pipeline to add its NER and parses (optional extra).")] = None,
    relink_all: Annotated[bool, typer.Option("--relink-all", help="Relink every stored report, not only those near the new ones.")] = False,
) -> None:
    """Example:

    \b
        warwire ingest ../shared/corpus/dev
        warwire ingest news.jsonl --db postgresql://me@localhost/warwire

    Reads news articles like extract does, and stores each article once with its events
    (reports), then links the reports of one incident across articles. Each article is
    one transaction: an interrupted run can simply be run again. Ends with a summary of
    articles new, updated, unchanged and failed, events and incidents.
    """
    from warwire.errors import WarwireError
    from warwire.store.commands import ingest_paths

    pub = _parse_date(published)
    targets = list(paths) if paths else [samples_path()]
    try:
        summary = ingest_paths(targets, db, published=pub, model=model, err=_err(), relink_all=relink_all)
    except WarwireError as exc:
        raise _fail(exc) from None
    _err().print(summary.line(), markup=False, highlight=False)
    raise typer.Exit(0 if summary.ok else 1)


@app.command("stats", short_help="Count the articles, reports, incidents, places and sources stored.")
def stats_cli(
    db: DbOption = None,
    fmt: Annotated[StatsFormat, typer.Option("--format", "-f", help="table or json.")] = StatsFormat.table,
) -> None:
    """Example:

    \b
        warwire stats
        warwire stats --format json --db events.db

    Prints how many articles, reports, incidents, places, actors and sources the database
    holds, the dates its events span, and the reports per event type.
    """
    from warwire.errors import WarwireError
    from warwire.store.commands import print_stats, stats

    try:
        result = stats(db)
    except WarwireError as exc:
        raise _fail(exc) from None
    print_stats(result, fmt.value, sys.stdout)


@app.command("events", short_help="List stored events, filtered, as a table, JSON Lines or CSV.")
def events_cli(
    db: DbOption = None,
    since: Annotated[Optional[str], typer.Option("--since", metavar="YYYY-MM-DD", help="Events on or after this date.")] = None,
    until: Annotated[Optional[str], typer.Option("--until", metavar="YYYY-MM-DD", help="Events on or before this date.")] = None,
    type_: Annotated[Optional[str], typer.Option("--type", metavar="TYPE[,TYPE]", help="Event types (strike, clash, interception, ...).")] = None,
    country: Annotated[Optional[str], typer.Option("--country", metavar="CC", help="Country of the place (ISO 3166-1 alpha-2, UA).")] = None,
    admin1: Annotated[Optional[str], typer.Option("--admin1", metavar="CODE", help="First-level region of the place (ISO 3166-2, UA-63).")] = None,
    actor: Annotated[Optional[str], typer.Option("--actor", metavar="NAME|CC", help="An actor's name (any part) or country code.")] = None,
    min_killed: Annotated[Optional[int], typer.Option("--min-killed", metavar="N", min=0, help="At least N killed.")] = None,
    status: Annotated[Optional[str], typer.Option("--status", metavar="STATUS", help="occurred, claimed, denied, ...")] = None,
    text: Annotated[Optional[str], typer.Option("--text", metavar="WORDS", help="Words in the evidence sentences (any case).")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", metavar="N", min=1, help="At most N events, newest first.")] = 100,
    fmt: Annotated[EventsFormat, typer.Option("--format", "-f", help="table, jsonl or csv.")] = EventsFormat.table,
) -> None:
    """Example:

    \b
        warwire events --country UA --type strike --since 2025-12-01 --min-killed 1
        warwire events --text "power plant" --format jsonl

    Lists the stored events (one per report: one article's account), newest first, with
    the filters given; jsonl keeps the output contract of extract plus the report id, the
    incident it is linked into and the article's URL.
    """
    from warwire.errors import WarwireError
    from warwire.store.commands import query_events, write_events
    from warwire.store.repository import EventFilters

    filters = EventFilters(since=_opt_date(since, "--since"), until=_opt_date(until, "--until"), type=type_,
                           country=country, admin1=admin1, actor=actor, min_killed=min_killed, status=status,
                           text=text, limit=limit)
    try:
        events = query_events(filters, db)
    except WarwireError as exc:
        raise _fail(exc) from None
    write_events(events, fmt.value, sys.stdout)


@app.command("brief", short_help="Write the daily situation report from the database.")
def brief_cli(
    db: DbOption = None,
    day: Annotated[Optional[str], typer.Option("--date", metavar="YYYY-MM-DD", help="The day. Default: the latest date with events.", show_default=False)] = None,
    conflict: Annotated[Optional[str], typer.Option("--conflict", metavar="ID", help="The war (russia-ukraine, sudan, ...), for its day counter and sides.")] = None,
    fmt: Annotated[BriefFormat, typer.Option("--format", "-f", help="md (Markdown) or html.")] = BriefFormat.md,
) -> None:
    """Example:

    \b
        warwire brief --date 2025-12-06 --conflict russia-ukraine
        warwire brief --format html > brief.html

    Writes the day's situation report from the stored incidents only: the war's day,
    headline figures per side, strikes by region, claims marked as claims, diplomacy
    and aid, each line citing its sources.
    """
    from warwire.errors import WarwireError
    from warwire.store.commands import brief

    try:
        text = brief(db, day=_opt_date(day, "--date"), conflict=conflict, fmt=fmt.value)
    except WarwireError as exc:
        raise _fail(exc) from None
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


@app.command("export", short_help="Export stored incidents as ACLED-style CSV or GeoJSON, or events as JSON Lines.")
def export_cli(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="acled-csv, geojson, jsonl or parquet (needs warwire[parquet]).")],
    db: DbOption = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE", help="Write to FILE, not stdout (needed for parquet).")] = None,
    since: Annotated[Optional[str], typer.Option("--since", metavar="YYYY-MM-DD", help="Incidents on or after this date.")] = None,
    until: Annotated[Optional[str], typer.Option("--until", metavar="YYYY-MM-DD", help="Incidents on or before this date.")] = None,
) -> None:
    """Example:

    \b
        warwire export --format acled-csv -o events.csv
        warwire export --format geojson --since 2025-12-01 > map.geojson

    Exports the stored incidents with ACLED's 31 columns (event and sub-event types,
    geo and time precision, fatalities as the lowest reported figure, notes from the
    evidence) or as GeoJSON points for mapping; jsonl and parquet export the reports.
    """
    from warwire.errors import WarwireError
    from warwire.store.commands import export

    lo, hi = _opt_date(since, "--since"), _opt_date(until, "--until")
    try:
        if output is None or fmt is ExportFormat.parquet:
            export(fmt.value, sys.stdout, db, since=lo, until=hi, path=output)
        else:
            with output.open("w", encoding="utf-8", newline="") as out:
                export(fmt.value, out, db, since=lo, until=hi)
    except WarwireError as exc:
        raise _fail(exc) from None


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
