"""Migrations: applied once, in order, each with its record or not at all."""
from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from warwire.errors import StorageError
from warwire.store.db import open_store
from warwire.store.migrations import MIGRATIONS, Migration, applied, migrate, pending


def _create(name):
    return lambda conn: conn.execute(text(f"CREATE TABLE {name} (id INTEGER PRIMARY KEY)"))


def test_migrations_first_run_applies_all_then_nothing(db_url):
    engine = open_store(db_url, migrate=False)
    assert migrate(engine) == [m.name for m in MIGRATIONS]
    assert migrate(engine) == []
    assert applied(engine) == [m.name for m in MIGRATIONS]
    assert pending(engine) == []
    engine.dispose()


def test_migrations_apply_pending_ones_in_order(db_url):
    engine = open_store(db_url, migrate=False)
    first = (Migration("0001_a", _create("t_a")),)
    assert migrate(engine, first) == ["0001_a"]
    later = first + (Migration("0002_b", _create("t_b")), Migration("0003_c", _create("t_c")))
    assert [m.name for m in pending(engine, later)] == ["0002_b", "0003_c"]
    assert migrate(engine, later) == ["0002_b", "0003_c"]
    assert {"t_a", "t_b", "t_c", "_migrations"} <= set(inspect(engine).get_table_names())
    engine.dispose()


def test_migrations_failed_migration_leaves_nothing_and_is_not_recorded(db_url):
    engine = open_store(db_url, migrate=False)

    def half_then_fail(conn):
        conn.execute(text("CREATE TABLE t_half (id INTEGER PRIMARY KEY)"))
        raise RuntimeError("boom")

    steps = (Migration("0001_a", _create("t_a")), Migration("0002_half", half_then_fail))
    with pytest.raises(RuntimeError):
        migrate(engine, steps)
    assert applied(engine) == ["0001_a"]
    assert "t_half" not in inspect(engine).get_table_names()
    engine.dispose()


def test_migrations_unknown_applied_migration_is_s003(db_url):
    engine = open_store(db_url, migrate=False)
    migrate(engine, (Migration("0001_a", _create("t_a")), Migration("0002_future", _create("t_f"))))
    with pytest.raises(StorageError) as info:
        migrate(engine, (Migration("0001_a", _create("t_a")),))
    assert info.value.code == "S003"
    engine.dispose()


def test_migrations_names_must_be_unique(db_url):
    engine = open_store(db_url, migrate=False)
    with pytest.raises(ValueError):
        migrate(engine, (Migration("x", _create("t_x")), Migration("x", _create("t_y"))))
    engine.dispose()


def test_migrations_postgresql_gets_a_trigram_index_for_text_search(engine):
    if engine.dialect.name != "postgresql":
        pytest.skip("the trigram index is PostgreSQL's; SQLite scans with LIKE")
    names = {ix["name"] for ix in inspect(engine).get_indexes("reports")}
    assert "ix_reports_evidence_trgm" in names
