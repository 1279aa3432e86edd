"""``warwire events`` latency over 100,000 stored events, with filters: median and p95.

The events are the bundled samples' extracted reports, repeated and perturbed (dates over
two years, places, tolls, statuses) and written in bulk; each query is then run
``--repeats`` times through :func:`warwire.store.repository.query_events`, as the command
does (rows read back into reports), on a warm connection::

    .venv/bin/python benchmarks/query.py                      # SQLite, 100,000 events
    .venv/bin/python benchmarks/query.py --postgres postgresql://postgres@127.0.0.1:55432/warwire_bench

Target: a filtered query under 100 ms.
"""
from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from _targets import (
    add_postgres_option,
    database_targets,
    extracted_samples,
    fresh_store,
)
from sqlalchemy import insert, text
from sqlalchemy.orm import Session

from warwire.link.records import Report
from warwire.store import repository
from warwire.store.db import open_store
from warwire.store.schema import ArticleRow, ReportRow

STATUSES = ("occurred", "occurred", "occurred", "claimed", "denied")


def populate(url: str, n_events: int, seed: int = 7) -> None:
    """A fresh store holding ``n_events`` reports made from the samples' (``seed`` fixes them)."""
    rng = random.Random(seed)
    extracted = extracted_samples()
    places = [e.place for _, evs in extracted for e in evs if e.place is not None]
    engine = fresh_store(url)
    now = datetime.now(UTC)
    made, i = 0, 0
    with engine.begin() as conn:
        while made < n_events:
            article, events = extracted[i % len(extracted)]
            aid = f"q-{i:07d}"
            day = date(2025, 12, 31) - timedelta(days=rng.randrange(730))
            conn.execute(insert(ArticleRow).values(
                id=aid, text=article.text, title=article.title, url=f"https://example.org/{aid}", published=day,
                language="en", conflict=article.conflict, content_hash=f"{i:064x}", origin="bench",
                ingested_at=now))
            rows = []
            for seq, ev in enumerate(events[: n_events - made]):
                p = rng.choice(places)
                place = replace(p, lat=None if p.lat is None else p.lat + rng.uniform(-0.05, 0.05))
                killed = rng.choice((None, None, 0, 1, 2, 3, 5, 8, 13, 40))
                ev = replace(ev, article=aid, date=day, place=place, killed=killed,
                             killed_qualifier=None if killed is None else "exact", status=rng.choice(STATUSES))
                rows.append(repository.report_values(Report.of(ev), article.text, seq))
            if rows:
                conn.execute(insert(ReportRow), rows)
            made += len(rows)
            i += 1
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(text("ANALYZE"))
    else:
        with engine.begin() as conn:
            conn.execute(text("ANALYZE"))
    engine.dispose()


QUERIES: dict[str, repository.EventFilters] = {
    "no filter (latest 100)": repository.EventFilters(),
    "country UA, type strike, last 30 days": repository.EventFilters(
        country="UA", type="strike", since=date(2025, 12, 1), until=date(2025, 12, 31)),
    "min killed 10": repository.EventFilters(min_killed=10),
    "actor russia": repository.EventFilters(actor="russia"),
    "admin1 UA-63, status occurred": repository.EventFilters(admin1="UA-63", status="occurred"),
    "text 'power' (evidence search)": repository.EventFilters(text="power"),
    "text with no match": repository.EventFilters(text="no such words at all"),
    "one week, limit 1000": repository.EventFilters(since=date(2025, 6, 1), until=date(2025, 6, 7), limit=1000),
}


def measure(url: str, repeats: int) -> None:
    engine = open_store(url)
    with Session(engine) as session:
        for name, filters in QUERIES.items():
            times, n = [], 0
            for _ in range(repeats):
                start = time.perf_counter()
                n = len(repository.query_events(session, filters))
                times.append((time.perf_counter() - start) * 1000)
                session.rollback()
            times.sort()
            p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
            print(f"  {name:40s} {n:5d} rows  median {statistics.median(times):7.1f} ms  p95 {p95:7.1f} ms")
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=30)
    add_postgres_option(parser)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for name, url in database_targets(tmp, "query.db", args.postgres):
            start = time.perf_counter()
            populate(url, args.events)
            print(f"{name}: {args.events:,} events stored in {time.perf_counter() - start:.1f} s")
            measure(url, args.repeats)


if __name__ == "__main__":
    main()
