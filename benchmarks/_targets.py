"""The databases a storage benchmark runs against: a fresh SQLite file, and PostgreSQL
when a URL is given (its database is wiped)."""
from __future__ import annotations

import argparse
import os
from pathlib import Path


def add_postgres_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--postgres", default=os.environ.get("WARWIRE_TEST_POSTGRES_URL"),
                        help="a PostgreSQL URL whose database may be wiped (default: $WARWIRE_TEST_POSTGRES_URL)")


def database_targets(tmp: str | Path, sqlite_name: str, postgres: str | None) -> list[tuple[str, str]]:
    """``(name, url)`` for each database to measure."""
    targets = [("sqlite", f"sqlite:///{Path(tmp) / sqlite_name}")]
    if postgres:
        targets.append(("postgresql", postgres))
    return targets
