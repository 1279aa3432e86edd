"""What the storage benchmarks share: the databases they run against (a fresh SQLite file,
and PostgreSQL when a URL is given, its database wiped) and the extracted sample articles
they store."""
from __future__ import annotations

import argparse
import os
from pathlib import Path

from sqlalchemy import Engine, text

from warwire.cli import samples_path
from warwire.extract import load_extractor
from warwire.ingest import iter_articles
from warwire.models import Article, Event
from warwire.store.db import open_store


def add_postgres_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--postgres", default=os.environ.get("WARWIRE_TEST_POSTGRES_URL"),
                        help="a PostgreSQL URL whose database may be wiped (default: $WARWIRE_TEST_POSTGRES_URL)")


def database_targets(tmp: str | Path, sqlite_name: str, postgres: str | None) -> list[tuple[str, str]]:
    """``(name, url)`` for each database to measure."""
    targets = [("sqlite", f"sqlite:///{Path(tmp) / sqlite_name}")]
    if postgres:
        targets.append(("postgresql", postgres))
    return targets


def fresh_store(url: str) -> Engine:
    """An empty, migrated store at ``url``: a PostgreSQL database loses all it held."""
    engine = open_store(url, migrate=False)
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return open_store(url)


def extracted_samples() -> list[tuple[Article, list[Event]]]:
    """The bundled sample articles, each with its extracted events."""
    samples = [a for a in iter_articles([samples_path()]) if not isinstance(a, Exception)]
    extractor = load_extractor()
    return [(a, extractor.extract(a)) for a in samples]
