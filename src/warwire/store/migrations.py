"""Schema migrations: an ordered list of functions, each applied once, recorded in ``_migrations``.

Like sqlite-utils' ``Migrations`` (and lighter than Alembic, which needs a folder of
scripts next to an installed package): :data:`MIGRATIONS` lists ``(name, function)`` in
order; :func:`migrate` runs each one that ``_migrations`` does not record yet, in its own
transaction together with its record, so a killed migration leaves the database as it was
(on SQLite too: :mod:`~warwire.store.db` makes DDL transactional there). Names are never
reused or reordered; a change to the schema is a new migration at the end. A database
that records a migration this version of warwire does not know is newer than it: ``S003``.

The first migration creates the tables of :mod:`~warwire.store.schema` as they were when
it was written; when a model changes, the migration that changes it must come after, and
``0001`` must then create the tables from a frozen copy rather than from the models.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import Column, DateTime, MetaData, String, Table, select, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError

from warwire.errors import StorageError
from warwire.store.db import display_url
from warwire.store.schema import VIEWS, Base


@dataclass(frozen=True, slots=True)
class Migration:
    """One step of the schema: a unique name and a function of an open connection."""

    name: str
    apply: Callable[[Connection], None]


def _tracking_table() -> Table:
    return Table(
        "_migrations", MetaData(),
        Column("name", String(128), primary_key=True),
        Column("applied_at", DateTime(timezone=True), nullable=False),
    )


def _m0001_initial(conn: Connection) -> None:
    Base.metadata.create_all(conn)
    for name, query in VIEWS.items():
        conn.execute(text(f"CREATE VIEW {name} AS {query}"))


def _m0002_evidence_trigrams(conn: Connection) -> None:
    """PostgreSQL: a trigram index so that ``events --text`` need not read every report.

    ``pg_trgm`` is a trusted extension (PostgreSQL 13+), but a server without it (or a user
    without CREATE on the database) still works, with slower text search: the attempt is a
    savepoint that is rolled back on failure.
    """
    if conn.dialect.name != "postgresql":
        return
    savepoint = conn.begin_nested()
    try:
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
        conn.execute(text("CREATE INDEX ix_reports_evidence_trgm ON reports USING gin (evidence_text gin_trgm_ops)"))
    except DBAPIError:
        savepoint.rollback()
    else:
        savepoint.commit()


def _m0003_sqlite_evidence_fts(conn: Connection) -> None:
    """SQLite: a trigram full-text index of the evidence, kept in step by triggers, so that
    ``events --text`` finds a substring of three or more letters without reading every report
    (at 100,000 reports a miss took over 100 ms by LIKE alone)."""
    if conn.dialect.name != "sqlite":
        return
    conn.execute(text("CREATE VIRTUAL TABLE reports_fts USING fts5("
                      "evidence_text, content='reports', content_rowid='rowid', tokenize='trigram')"))
    conn.execute(text("CREATE TRIGGER reports_fts_insert AFTER INSERT ON reports BEGIN "
                      "INSERT INTO reports_fts(rowid, evidence_text) VALUES (new.rowid, new.evidence_text); END"))
    conn.execute(text("CREATE TRIGGER reports_fts_delete AFTER DELETE ON reports BEGIN "
                      "INSERT INTO reports_fts(reports_fts, rowid, evidence_text) "
                      "VALUES ('delete', old.rowid, old.evidence_text); END"))
    conn.execute(text("CREATE TRIGGER reports_fts_update AFTER UPDATE OF evidence_text ON reports BEGIN "
                      "INSERT INTO reports_fts(reports_fts, rowid, evidence_text) "
                      "VALUES ('delete', old.rowid, old.evidence_text); "
                      "INSERT INTO reports_fts(rowid, evidence_text) VALUES (new.rowid, new.evidence_text); END"))
    conn.execute(text("INSERT INTO reports_fts(reports_fts) VALUES ('rebuild')"))


#: every migration, in the order it is applied
MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_initial", _m0001_initial),
    Migration("0002_evidence_trigrams", _m0002_evidence_trigrams),
    Migration("0003_sqlite_evidence_fts", _m0003_sqlite_evidence_fts),
)


def applied(engine: Engine) -> list[str]:
    """The names of the migrations recorded in the database, in the order applied."""
    table = _tracking_table()
    with engine.begin() as conn:
        table.create(conn, checkfirst=True)
        return list(conn.execute(select(table.c.name).order_by(table.c.applied_at, table.c.name)).scalars())


def pending(engine: Engine, migrations: Sequence[Migration] = MIGRATIONS) -> list[Migration]:
    """The migrations not applied yet, in order."""
    done = set(applied(engine))
    unknown = done - {m.name for m in migrations}
    if unknown:
        raise StorageError("S003", display_url(str(engine.url.render_as_string(hide_password=True))),
                           f"database was migrated by a newer warwire (unknown migrations: "
                           f"{', '.join(sorted(unknown))}); upgrade warwire")
    return [m for m in migrations if m.name not in done]


def migrate(engine: Engine, migrations: Sequence[Migration] = MIGRATIONS) -> list[str]:
    """Apply the pending migrations, each in its own transaction; the names applied."""
    names = [m.name for m in migrations]
    if len(set(names)) != len(names):
        raise ValueError(f"migration names must be unique: {names}")
    table = _tracking_table()
    done: list[str] = []
    for migration in pending(engine, migrations):
        with engine.begin() as conn:
            # another process may have applied it since we looked
            if conn.execute(select(table.c.name).where(table.c.name == migration.name)).first():
                continue
            migration.apply(conn)
            conn.execute(table.insert().values(name=migration.name, applied_at=datetime.now(timezone.utc)))
        done.append(migration.name)
    return done
