"""The library side of ``warwire ingest``, ``stats``, ``events``, ``brief`` and ``export``.

Kept apart from the CLI so that each can be called and tested without Typer: they take a
database (path, URL or engine), do the work and return what the CLI prints. Errors about
one article are reported on ``err`` and the run goes on, as ``warwire extract`` does.
"""
from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TextIO

from rich.console import Console
from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from warwire.errors import ConfigError, StorageError
from warwire.store import repository as repo
from warwire.store.db import display_url, open_store
from warwire.store.schema import ArticleRow, IncidentRow, ReportRow

Db = str | os.PathLike[str] | Engine | None


@contextmanager
def engine_of(db: Db) -> Iterator[Engine]:
    """``db`` itself when it is an engine, else the migrated store it names (closed after)."""
    if isinstance(db, Engine):
        yield db
        return
    engine = open_store(db)
    try:
        yield engine
    finally:
        engine.dispose()


@dataclass(slots=True)
class IngestSummary:
    """What one ingest run did."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    events: int = 0
    incidents: int = 0

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def line(self) -> str:
        """The closing summary: ``articles: 4 new, 0 updated, 0 unchanged, 0 failed; events: 31; incidents: 27``."""
        return (f"articles: {self.new} new, {self.updated} updated, {self.unchanged} unchanged, "
                f"{self.failed} failed; events: {self.events}; incidents: {self.incidents}")


def ingest_paths(paths: Sequence[str | Path], db: Db = None, *, published: date | None = None,
                 model: str | None = None, err: Console | None = None, relink_all: bool = False) -> IngestSummary:
    """Extract and store every article under ``paths``, then link the new reports into incidents.

    Each article is one transaction; a bad or failing article is one line on ``err`` and is
    skipped. ``events`` counts the reports of the articles stored in this run.
    """
    from warwire.extract import extracted, load_extractor, report

    err = Console(stderr=True, highlight=False, soft_wrap=True) if err is None else err
    extractor = load_extractor("en", model)
    summary = IngestSummary()
    with engine_of(db) as engine, Session(engine) as session:
        for result in extracted(paths, published, extractor, err):
            if result is None:
                summary.failed += 1
                continue
            item, events = result
            try:
                status = repo.store_article(session, item, events)
            except SQLAlchemyError as exc:
                session.rollback()
                report(err, StorageError("S002", item.origin or item.id, f"article could not be stored "
                                         f"({_why(exc)}); check the database"))
                summary.failed += 1
                continue
            setattr(summary, status, getattr(summary, status) + 1)
            if status != "unchanged":
                summary.events += len(events)
        try:
            repo.relink(session, scope="all" if relink_all else "pending")
        except SQLAlchemyError as exc:
            raise StorageError("S002", display_url(str(engine.url)), f"incidents could not be linked ({_why(exc)})") from exc
        summary.incidents = session.execute(select(func.count()).select_from(IncidentRow)).scalar_one()
    return summary


def _why(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip().splitlines()
    return f"{type(orig).__name__}: {text[0] if text else ''}"


# -- stats ----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Stats:
    """Counts of what the store holds, and the dates it spans."""

    articles: int
    reports: int
    incidents: int
    places: int
    actors: int
    sources: int
    first_date: date | None
    last_date: date | None
    by_type: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles, "reports": self.reports, "incidents": self.incidents,
            "places": self.places, "actors": self.actors, "sources": self.sources,
            "first_date": self.first_date.isoformat() if self.first_date else None,
            "last_date": self.last_date.isoformat() if self.last_date else None,
            "by_type": dict(self.by_type),
        }


def stats(db: Db = None) -> Stats:
    """What the store holds."""
    from sqlalchemy import text

    with engine_of(db) as engine, Session(engine) as s:
        def count(sql: str) -> int:
            return int(s.execute(text(sql)).scalar_one())

        low, high = s.execute(select(func.min(ReportRow.date), func.max(ReportRow.date))).one()
        by_type = dict(s.execute(select(ReportRow.type, func.count()).group_by(ReportRow.type)
                                 .order_by(func.count().desc(), ReportRow.type)).tuples().all())
        return Stats(
            articles=s.execute(select(func.count()).select_from(ArticleRow)).scalar_one(),
            reports=s.execute(select(func.count()).select_from(ReportRow)).scalar_one(),
            incidents=s.execute(select(func.count()).select_from(IncidentRow)).scalar_one(),
            places=count("SELECT COUNT(*) FROM places"), actors=count("SELECT COUNT(*) FROM actors"),
            sources=count("SELECT COUNT(*) FROM sources"), first_date=low, last_date=high, by_type=by_type,
        )


def print_stats(result: Stats, fmt: str, out: TextIO) -> None:
    if fmt == "json":
        out.write(json.dumps(result.to_dict(), indent=2) + "\n")
        return
    from rich.table import Table

    table = Table(title="warwire store", show_header=False)
    dates = f"{result.first_date or '-'} .. {result.last_date or '-'}"
    for name, value in (("articles", result.articles), ("reports", result.reports), ("incidents", result.incidents),
                        ("places", result.places), ("actors", result.actors), ("sources", result.sources),
                        ("dates", dates)):
        table.add_row(name, f"{value:,}" if isinstance(value, int) else value)
    for name, n in result.by_type.items():
        table.add_row(f"  {name}", f"{n:,}")
    Console(file=out, width=None if getattr(out, "isatty", lambda: False)() else 100).print(table)


# -- events ---------------------------------------------------------------------------

CSV_COLUMNS = ("id", "incident", "article", "type", "subtype", "date", "date_precision", "place", "admin1_iso",
               "country", "lat", "lon", "actor1", "actor2", "killed", "injured", "status", "source", "source_side",
               "url")


def query_events(filters: repo.EventFilters, db: Db = None) -> list[repo.StoredEvent]:
    """Stored events matching ``filters``, newest first."""
    with engine_of(db) as engine, Session(engine) as session:
        return repo.query_events(session, filters)


def write_events(events: Sequence[repo.StoredEvent], fmt: str, out: TextIO) -> None:
    """``events`` as ``jsonl``, ``csv`` or a ``table``."""
    if fmt == "jsonl":
        for e in events:
            out.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        for e in events:
            writer.writerow(_csv_row(e))
    elif fmt == "table":
        from warwire.extract import TABLE_WIDTH
        from warwire.outputs.table import print_table

        width = None if getattr(out, "isatty", lambda: False)() else TABLE_WIDTH
        title = f"{len(events)} event{'' if len(events) == 1 else 's'}"
        print_table([e.report.event for e in events], Console(file=out, width=width), title=title)
    else:
        raise ConfigError("C003", "--format", f"unknown events format {fmt!r}; give table, jsonl or csv")


def _csv_row(e: repo.StoredEvent) -> list[Any]:
    ev = e.report.event
    p = ev.place
    return [e.report.id, e.incident_id or "", ev.article, ev.type, ev.subtype or "",
            ev.date.isoformat() if ev.date else "", ev.date_precision or "", p.name if p else "",
            (p.admin1_iso or "") if p else "", (p.country or "") if p else "",
            "" if p is None or p.lat is None else round(p.lat, 4), "" if p is None or p.lon is None else round(p.lon, 4),
            ev.actor1.name if ev.actor1 else "", ev.actor2.name if ev.actor2 else "",
            "" if ev.killed is None else ev.killed, "" if ev.injured is None else ev.injured, ev.status,
            ev.source.name if ev.source else "", (ev.source.side or "") if ev.source else "", e.report.article_url or ""]


# -- brief and export -----------------------------------------------------------------

def load_linked(db: Db = None, *, since: date | None = None,
                until: date | None = None) -> tuple[list[Any], dict[str, Any]]:
    """Incidents overlapping ``since``..``until`` and every report they hold, by id."""
    with engine_of(db) as engine, Session(engine) as session:
        incidents = repo.load_incidents(session, since=since, until=until)
        ids = [r for inc in incidents for r in inc.report_ids]
        reports = repo.load_reports(session, ids)
    return incidents, reports


def brief(db: Db = None, *, day: date | None = None, conflict: str | None = None, fmt: str = "md") -> str:
    """The daily situation report for ``day`` (default: the latest date with events)."""
    from warwire.conflicts import find_conflict
    from warwire.outputs.brief import render_brief

    war = None
    if conflict:
        war = find_conflict(conflict)
        if war is None:
            raise ConfigError("C003", "--conflict", f"unknown conflict {conflict!r}; see data/conflicts.json")
    with engine_of(db) as engine:
        if day is None:
            with Session(engine) as session:
                day = repo.latest_date(session)
            if day is None:
                raise StorageError("S004", display_url(str(engine.url)), "the database holds no dated events; "
                                   "run warwire ingest first, or give --date")
        # the morning's articles tell the night before and what is planned ahead: the renderer
        # picks what belongs to the day from a window around it
        incidents, reports = load_linked(engine, since=day - timedelta(days=1), until=day + timedelta(days=7))
    if war is None:
        war = likely_conflict(reports.values(), day)
    return render_brief(day, incidents, reports, war, fmt=fmt)


def likely_conflict(reports, day: date):
    """The war most of the day's reports are about (for its day counter), when it has a start
    date and clearly leads; else None, and the brief goes without a counter."""
    from collections import Counter

    from warwire.conflicts import load_conflicts

    countries = Counter(r.event.place.country for r in reports
                        if r.event.place and r.event.place.country and r.event.date in (day, day - timedelta(days=1)))
    if not countries:
        return None
    scored = sorted(((sum(countries[c] for c in war.countries), war) for war in load_conflicts() if war.start),
                    key=lambda t: -t[0])
    if not scored or scored[0][0] == 0 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None
    return scored[0][1]


EXPORT_FORMATS = ("acled-csv", "geojson", "jsonl", "parquet")


def export(fmt: str, out: TextIO | None = None, db: Db = None, *, since: date | None = None,
           until: date | None = None, path: Path | None = None) -> None:
    """Write every incident (``acled-csv``, ``geojson``), every report (``jsonl``) or both tables (``parquet``)."""
    with engine_of(db) as engine:
        _export(engine, fmt, sys.stdout if out is None else out, since=since, until=until, path=path)


def _export(engine: Engine, fmt: str, out: TextIO, *, since: date | None, until: date | None,
            path: Path | None) -> None:
    if fmt == "jsonl":
        with Session(engine) as session:
            events = repo.query_events(session, repo.EventFilters(since=since, until=until, limit=None))
        write_events(list(reversed(events)), "jsonl", out)
        return
    if fmt == "parquet":
        _export_parquet(engine, path, since=since, until=until)
        return
    incidents, reports = load_linked(engine, since=since, until=until)
    if fmt == "acled-csv":
        from warwire.outputs.acled import write_acled_csv

        write_acled_csv(incidents, reports, out)
    elif fmt == "geojson":
        from warwire.outputs.geojson import write_geojson

        write_geojson(incidents, reports, out)
    else:
        raise ConfigError("C003", "--format", f"unknown export format {fmt!r}; give {', '.join(EXPORT_FORMATS)}")


def _export_parquet(engine: Engine, path: Path | None, *, since: date | None, until: date | None) -> None:
    """The reports as one Parquet file (needs the ``parquet`` extra: pyarrow)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ConfigError("C004", "--format parquet", "Parquet needs pyarrow; install it with "
                          "pip install 'warwire[parquet]'") from None
    if path is None:
        raise ConfigError("C003", "--format parquet", "Parquet is binary: give --output FILE")
    with Session(engine) as session:
        events = repo.query_events(session, repo.EventFilters(since=since, until=until, limit=None))
    rows = [dict(zip(CSV_COLUMNS, _csv_row(e))) for e in reversed(events)]
    columns: dict[str, list[Any]] = {c: [None if r[c] == "" else r[c] for r in rows] for c in CSV_COLUMNS}
    pq.write_table(pa.table(columns), str(path))

