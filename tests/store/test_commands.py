"""The store's commands as library calls: ingest's summary, stats, events, brief and
export, and ingest killed with SIGKILL half-way then run again."""
from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rich.console import Console
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from warwire.cli import samples_path
from warwire.ingest import iter_articles
from warwire.store import commands
from warwire.store.db import open_store
from warwire.store.repository import EventFilters, make_reports
from warwire.store.schema import ArticleRow, ReportRow

GOOD = ("Drone strike hits fuel depot near Kharkiv\n\nRussian drones struck a fuel depot in Kharkiv on Monday, "
        "killing two workers and injuring five others, the regional governor said.\n")


def _console() -> tuple[Console, io.StringIO]:
    buf = io.StringIO()
    return Console(file=buf, width=400, highlight=False, soft_wrap=True), buf


def _samples() -> list:
    return [a for a in iter_articles([samples_path()]) if not isinstance(a, Exception)]


def test_commands_ingest_summary_counts_new_unchanged_and_failed(engine, tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    err, buf = _console()
    first = commands.ingest_paths([samples_path(), tmp_path], engine, err=err)
    assert (first.new, first.unchanged, first.failed) == (5, 0, 1)
    assert first.events > 0 and first.incidents > 0
    assert "[I003]" in buf.getvalue() and len(buf.getvalue().strip().splitlines()) == 1
    again = commands.ingest_paths([samples_path(), tmp_path], engine, err=_console()[0])
    assert (again.new, again.unchanged, again.events, again.incidents) == (0, 5, 0, first.incidents)
    assert "5 unchanged" in again.line()


def test_commands_stats_counts_what_is_stored(engine):
    commands.ingest_paths([samples_path()], engine, err=_console()[0])
    result = commands.stats(engine)
    assert result.articles == 4 and result.reports >= result.incidents > 0
    assert result.places > 0 and result.sources > 0
    assert result.first_date <= result.last_date
    out = io.StringIO()
    commands.print_stats(result, "json", out)
    assert json.loads(out.getvalue())["articles"] == 4


def test_commands_events_write_jsonl_csv_and_table(engine):
    commands.ingest_paths([samples_path()], engine, err=_console()[0])
    events = commands.query_events(EventFilters(country="UA", limit=5), engine)
    assert 0 < len(events) <= 5
    for fmt in ("jsonl", "csv", "table"):
        out = io.StringIO()
        commands.write_events(events, fmt, out)
        assert out.getvalue()
    out = io.StringIO()
    commands.write_events(events, "jsonl", out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert all(r["place"]["country"] == "UA" and r["id"].startswith("r_") for r in rows)


def test_commands_export_jsonl_holds_every_report(engine):
    summary = commands.ingest_paths([samples_path()], engine, err=_console()[0])
    out = io.StringIO()
    commands.export("jsonl", out, engine)
    assert len(out.getvalue().splitlines()) == summary.events


def test_commands_export_acled_csv_and_geojson(engine):
    pytest.importorskip("warwire.outputs.acled", reason="the ACLED renderer is not written yet")
    pytest.importorskip("warwire.outputs.geojson", reason="the GeoJSON renderer is not written yet")
    commands.ingest_paths([samples_path()], engine, err=_console()[0])
    csv_out, geo_out = io.StringIO(), io.StringIO()
    commands.export("acled-csv", csv_out, engine)
    commands.export("geojson", geo_out, engine)
    header = csv_out.getvalue().splitlines()[0].split(",")
    assert len(header) == 31 and "event_type" in header
    geo = json.loads(geo_out.getvalue())
    assert geo["type"] == "FeatureCollection" and geo["features"]


def test_commands_brief_of_the_latest_day(engine):
    pytest.importorskip("warwire.outputs.brief", reason="the brief renderer is not written yet")
    commands.ingest_paths([samples_path()], engine, err=_console()[0])
    text_md = commands.brief(engine, conflict="russia-ukraine")
    assert text_md.strip()


def test_commands_brief_of_an_empty_store_is_s004(engine):
    pytest.importorskip("warwire.outputs.brief", reason="the brief renderer is not written yet")
    from warwire.errors import StorageError

    with pytest.raises(StorageError) as info:
        commands.brief(engine)
    assert info.value.code == "S004"


def test_commands_export_parquet_without_pyarrow_says_how_to_install(engine, monkeypatch):
    from warwire.errors import ConfigError

    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ConfigError) as info:
        commands.export("parquet", io.StringIO(), engine, path=Path("x.parquet"))
    assert "warwire[parquet]" in str(info.value)


# -- SIGKILL in the middle of a 2,000-article ingest ------------------------------------

N_ARTICLES = 2000
KILL_AFTER = 300


def _corpus(path: Path) -> list:
    """2,000 articles: the bundled samples repeated under distinct ids."""
    samples = _samples()
    made = []
    with path.open("w", encoding="utf-8") as out:
        for i in range(N_ARTICLES):
            a = samples[i % len(samples)]
            made.append((f"gen-{i:04d}", a))
            out.write(json.dumps({"id": f"gen-{i:04d}", "text": a.text, "title": a.title,
                                  "published": a.published.isoformat(), "conflict": a.conflict}) + "\n")
    return made


def _articles_stored(url: str) -> int:
    engine = open_store(url, migrate=False)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT COUNT(*) FROM articles")).scalar_one()
    except Exception:  # the first run may not have created the tables yet
        return 0
    finally:
        engine.dispose()


def _ingest(corpus: Path, url: str, stderr: int) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "WARWIRE_DB"}
    return subprocess.Popen([sys.executable, "-m", "warwire.cli", "ingest", str(corpus), "--db", url],
                            stdout=subprocess.DEVNULL, stderr=stderr, env=env)


def test_commands_ingest_killed_and_rerun_leaves_every_article_once(db_url, tmp_path, extractor):
    corpus = tmp_path / "corpus.jsonl"
    made = _corpus(corpus)
    open_store(db_url).dispose()  # tables exist before the first poll
    proc = _ingest(corpus, db_url, subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while _articles_stored(db_url) < KILL_AFTER and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert proc.poll() is None, "ingest ended before it could be killed"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    partial = _articles_stored(db_url)
    assert KILL_AFTER <= partial < N_ARTICLES

    rerun = _ingest(corpus, db_url, subprocess.PIPE)
    _, stderr = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, stderr.decode()
    summary = stderr.decode().strip().splitlines()[-1]
    assert f"{N_ARTICLES - partial} new" in summary and f"{partial} unchanged" in summary

    per_sample = {a.id: len(make_reports(a, extractor.extract(a))) for a in _samples()}
    expected_reports = sum(per_sample[a.id] for _, a in made)
    engine = open_store(db_url)
    with Session(engine) as s:
        assert s.execute(select(func.count()).select_from(ArticleRow)).scalar_one() == N_ARTICLES
        assert s.execute(select(func.count()).select_from(ReportRow)).scalar_one() == expected_reports
        dupes = s.execute(select(ReportRow.article_id, ReportRow.seq).group_by(ReportRow.article_id, ReportRow.seq)
                          .having(func.count() > 1)).all()
        assert dupes == []
        assert s.execute(select(func.count()).where(ReportRow.incident_id.is_(None))).scalar_one() == 0
    engine.dispose()
