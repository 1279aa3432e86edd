"""Ingest throughput: articles per second into SQLite and PostgreSQL.

Two figures per database: *store* (extracted events written with
:func:`~warwire.store.repository.store_article`, one transaction per article, then one
relink) and *end to end* (``ingest_paths``: read, extract, store, link), both on the
bundled samples repeated under distinct ids::

    .venv/bin/python benchmarks/ingest.py --articles 1000
    .venv/bin/python benchmarks/ingest.py --postgres postgresql://postgres@127.0.0.1:55432/warwire_bench
"""
from __future__ import annotations

import argparse
import io
import json
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from _targets import (
    add_postgres_option,
    database_targets,
    extracted_samples,
    fresh_store,
)
from rich.console import Console
from sqlalchemy.orm import Session

from warwire.store import commands, repository


def bench(url: str, n: int, folder: Path) -> dict[str, float]:
    extracted = extracted_samples()
    engine = fresh_store(url)
    start = time.perf_counter()
    with Session(engine) as session:
        for i in range(n):
            article, events = extracted[i % len(extracted)]
            new_id = f"bench-{i:06d}"
            repository.store_article(session, replace(article, id=new_id),
                                     [replace(e, article=new_id) for e in events])
        store_s = time.perf_counter() - start
        repository.relink(session)
    store_link_s = time.perf_counter() - start
    engine.dispose()

    corpus = folder / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as out:
        for i in range(n):
            a = extracted[i % len(extracted)][0]
            out.write(json.dumps({"id": f"e2e-{i:06d}", "text": a.text, "title": a.title,
                                  "published": a.published.isoformat() if a.published else None,
                                  "conflict": a.conflict}) + "\n")
    engine = fresh_store(url)
    start = time.perf_counter()
    commands.ingest_paths([corpus], engine, err=Console(file=io.StringIO()))
    e2e_s = time.perf_counter() - start
    engine.dispose()
    return {"store": n / store_s, "store+link": n / store_link_s, "end to end": n / e2e_s}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    add_postgres_option(parser)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for name, url in database_targets(tmp, "bench.db", args.postgres):
            rates = bench(url, args.articles, Path(tmp))
            print(f"{name:10s} {args.articles} articles: " + ", ".join(f"{k} {v:,.0f} articles/s" for k, v in rates.items()))


if __name__ == "__main__":
    main()
