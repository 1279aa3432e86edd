"""store stage: the database of articles, reports and incidents behind ``warwire ingest``.

:mod:`~warwire.store.db` opens a database (a SQLite file or any SQLAlchemy URL) and
migrates it; :mod:`~warwire.store.repository` reads and writes records in it;
:mod:`~warwire.store.commands` holds the library side of the CLI's commands.
"""
from warwire.store.db import DEFAULT_DB, open_store, resolve_url

__all__ = ["DEFAULT_DB", "open_store", "resolve_url"]
