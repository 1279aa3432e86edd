"""The store's commands through the CLI: help with an example, ``--db`` everywhere, one-line
errors for an unusable database, and ingest → stats → events on the bundled samples."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from warwire.cli import app

COMMANDS = ("ingest", "stats", "events", "brief", "export")


@pytest.fixture
def runner(monkeypatch):
    monkeypatch.delenv("WARWIRE_DB", raising=False)
    return CliRunner()


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_store_commands_help_opens_with_an_example_and_takes_db(runner, command):
    result = runner.invoke(app, [command, "-h"])
    assert result.exit_code == 0
    lines = [line.strip() for line in result.stdout.splitlines() if line.strip()]
    assert lines[1] == "Example:"
    assert lines[2].startswith(f"warwire {command}")
    assert "--db" in result.stdout


@pytest.mark.parametrize("command", ["stats", "events", "brief", "ingest"])
def test_cli_store_unusable_db_is_one_line_s001(runner, command, tmp_path):
    bad = str(tmp_path / "missing" / "folder" / "x.db")
    result = runner.invoke(app, [command, "--db", bad])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("warwire: [S001] ")


def test_cli_store_ingest_then_stats_and_events(runner, db_url):
    result = runner.invoke(app, ["ingest", "--db", db_url])
    assert result.exit_code == 0, result.stderr
    assert "4 new" in result.stderr.strip().splitlines()[-1]
    again = runner.invoke(app, ["ingest", "--db", db_url])
    assert "0 new" in again.stderr and "4 unchanged" in again.stderr
    stats = json.loads(runner.invoke(app, ["stats", "--db", db_url, "--format", "json"]).stdout)
    assert stats["articles"] == 4 and stats["reports"] > 0
    out = runner.invoke(app, ["events", "--db", db_url, "--type", "strike", "--format", "jsonl", "--limit", "2"])
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(rows) == 2 and all(r["type"] == "strike" for r in rows)
    csv_out = runner.invoke(app, ["events", "--db", db_url, "-f", "csv"])
    assert csv_out.stdout.splitlines()[0].startswith("id,incident,article,type")
    assert runner.invoke(app, ["events", "--db", db_url, "--since", "soon"]).exit_code == 2


def test_cli_store_db_from_the_environment(runner, tmp_path, monkeypatch):
    monkeypatch.setenv("WARWIRE_DB", str(tmp_path / "env.db"))
    assert runner.invoke(app, ["stats"]).exit_code == 0
    assert (tmp_path / "env.db").exists()


def test_cli_store_ingest_failed_article_exits_1_but_stores_the_rest(runner, tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "good.txt").write_text("Russian drones struck a fuel depot in Kharkiv on Monday, killing two "
                                     "workers, the regional governor said.\n", encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"\x00\x01binary")
    db = str(tmp_path / "s.db")
    result = runner.invoke(app, ["ingest", str(folder), "--db", db, "--published", "2025-12-08"])
    assert result.exit_code == 1
    assert "[I002]" in result.stderr and "1 new" in result.stderr and "1 failed" in result.stderr


def test_cli_store_export_jsonl_to_a_file(runner, tmp_path):
    db = str(tmp_path / "s.db")
    runner.invoke(app, ["ingest", "--db", db])
    out = tmp_path / "events.jsonl"
    result = runner.invoke(app, ["export", "--format", "jsonl", "--db", db, "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert all(json.loads(line)["evidence"] for line in out.read_text(encoding="utf-8").splitlines())
