"""Opening a store: paths and URLs, the default, SQLite's settings, and one-line errors."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from warwire.errors import StorageError
from warwire.store.db import DEFAULT_DB, display_url, open_store, resolve_url


def test_db_resolve_url_takes_paths_urls_env_and_default(monkeypatch, tmp_path):
    monkeypatch.delenv("WARWIRE_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    assert resolve_url() == f"sqlite:///{tmp_path / DEFAULT_DB}"
    assert resolve_url("x/events.db") == f"sqlite:///{tmp_path / 'x' / 'events.db'}"
    assert resolve_url("sqlite:///a.db") == "sqlite:///a.db"
    assert resolve_url("postgresql://me@host/db") == "postgresql+psycopg://me@host/db"
    assert resolve_url("postgresql+psycopg://me@host/db") == "postgresql+psycopg://me@host/db"
    monkeypatch.setenv("WARWIRE_DB", "from-env.db")
    assert resolve_url() == f"sqlite:///{tmp_path / 'from-env.db'}"
    assert resolve_url("given.db") == f"sqlite:///{tmp_path / 'given.db'}"


def test_db_display_url_hides_the_password():
    assert "secret" not in display_url("postgresql+psycopg://me:secret@host/db")


def test_db_sqlite_runs_in_wal_with_foreign_keys(tmp_path):
    engine = open_store(tmp_path / "w.db")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    engine.dispose()


@pytest.mark.parametrize("bad", [
    "postgresql://nobody@127.0.0.1:1/none",  # nothing listens on port 1
    "nosuchdialect://x/y",
    "{missing}/events.db",
])
def test_db_unusable_database_is_a_one_line_s001(bad, tmp_path):
    bad = bad.replace("{missing}", str(tmp_path / "no" / "such" / "folder"))
    with pytest.raises(StorageError) as info:
        open_store(bad)
    message = str(info.value)
    assert info.value.code == "S001"
    assert message.startswith("[S001] ") and "\n" not in message


def test_db_open_store_migrates_a_new_database(db_url):
    engine = open_store(db_url)
    with engine.connect() as conn:
        for table in ("articles", "reports", "incidents", "incident_figures", "places", "actors", "sources"):
            assert conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar() == 0
    engine.dispose()


def test_db_default_file_is_created_in_the_current_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("WARWIRE_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    open_store().dispose()
    assert Path(tmp_path / DEFAULT_DB).exists()
