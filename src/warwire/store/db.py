"""Opening the database: a file path or a SQLAlchemy URL in, a migrated engine out.

Every command that reads or writes takes ``--db`` (or ``$WARWIRE_DB``); without either it
is ``warwire.db``, a SQLite file in the current folder. SQLite runs in WAL mode with
foreign keys on, and with transactions that begin explicitly, so that one article is
one transaction (DDL included) and a killed run leaves nothing half-written.
A URL that cannot be opened is one line, ``[S001] URL: why``, not a traceback.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from warwire.errors import StorageError

DEFAULT_DB = "warwire.db"
ENV_VAR = "WARWIRE_DB"


def resolve_url(db: str | os.PathLike[str] | None = None) -> str:
    """The SQLAlchemy URL for ``db``, ``$WARWIRE_DB`` or the default ``warwire.db``.

    A value with ``://`` is a URL (``postgresql://`` gets the psycopg 3 driver); anything
    else is a path to a SQLite file.
    """
    value = str(db) if db is not None else os.environ.get(ENV_VAR) or DEFAULT_DB
    if "://" in value:
        for plain in ("postgresql://", "postgres://"):
            if value.startswith(plain):
                return "postgresql+psycopg://" + value[len(plain):]
        return value
    return "sqlite:///" + str(Path(value).expanduser().resolve())


def display_url(url: str) -> str:
    """The URL with its password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def open_store(db: str | os.PathLike[str] | None = None, *, migrate: bool = True, **engine_args: Any) -> Engine:
    """An engine on ``db``, connected once to prove it works, and migrated to the current schema."""
    url = resolve_url(db)
    shown = display_url(url)
    try:
        engine = _engine(url, **engine_args)
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except (SQLAlchemyError, ImportError, ValueError, OSError) as exc:
        raise StorageError("S001", shown, f"cannot open the database ({_why(exc)}); give --db a writable "
                           "file path or a SQLAlchemy URL (sqlite:///events.db, postgresql://user@host/db)") from exc
    if migrate:
        from warwire.store.migrations import migrate as run_migrations

        run_migrations(engine)
    return engine


def _engine(url: str, **engine_args: Any) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, **engine_args)
    if parsed.database and parsed.database != ":memory:":
        folder = Path(parsed.database).parent
        if not folder.is_dir():
            raise ValueError(f"folder {folder} does not exist")
    engine = create_engine(url, **engine_args)
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    return engine


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    # pysqlite's own transaction handling commits before DDL and begins late; take it over
    dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _why(exc: BaseException) -> str:
    """The first line of an error, without SQLAlchemy's background links."""
    orig = getattr(exc, "orig", None) or exc
    line = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    return f"{type(orig).__name__}: {line}"
