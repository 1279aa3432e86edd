"""The library behind ``warwire extract``: it streams (one article's events are written
before the next article is read), names articles by their id or file stem, and reads
folders with an index and JSONL corpora. Texts are written by the tests."""
from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from rich.console import Console

import warwire.extract as extract_module
from warwire.extract import extract_paths, load_extractor
from warwire.models import Article

STRIKE = "Russian missiles struck an energy facility in Dnipro on Monday, killing three people, officials said.\n"
SHELLING = "Shelling of Kherson on Tuesday wounded four civilians, the regional governor said.\n"
MEETING = "The foreign ministers of France and Germany met in Berlin on Wednesday to discuss aid to Ukraine.\n"


def run(paths, **options) -> tuple[bool, list[dict], list[str]]:
    out, err = io.StringIO(), io.StringIO()
    ok = extract_paths(paths, out=out, err=Console(file=err, width=400), **options)
    events = [json.loads(line) for line in out.getvalue().splitlines()]
    return ok, events, err.getvalue().splitlines()


def test_extract_streams_events_before_reading_the_next_article(monkeypatch):
    out = io.StringIO()
    seen_before_second: list[str] = []

    def articles(paths, published=None) -> Iterator[Article]:
        yield Article(id="first", text=STRIKE, published=date(2025, 3, 4))
        seen_before_second.append(out.getvalue())  # runs only when the second is asked for
        yield Article(id="second", text=SHELLING, published=date(2025, 3, 5))

    monkeypatch.setattr(extract_module, "iter_articles", articles)
    assert extract_paths(["unused"], out=out, err=Console(file=io.StringIO()))
    assert len(seen_before_second) == 1
    written = [json.loads(line) for line in seen_before_second[0].splitlines()]
    assert written and {e["article"] for e in written} == {"first"}
    assert "second" in {json.loads(line)["article"] for line in out.getvalue().splitlines()}


def test_extract_reuses_one_extractor_per_process():
    assert load_extractor("en", None) is load_extractor("en", None)


def test_extract_article_id_is_the_file_stem(tmp_path):
    (tmp_path / "dnipro-strike.txt").write_text(STRIKE, encoding="utf-8")
    ok, events, errors = run([tmp_path / "dnipro-strike.txt"], published=date(2025, 3, 4))
    assert ok and not errors
    assert events and {e["article"] for e in events} == {"dnipro-strike"}
    assert events[0]["date"] == "2025-03-03"


def test_extract_folder_with_index_takes_ids_and_dates_from_it(tmp_path):
    (tmp_path / "a.txt").write_text(STRIKE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SHELLING, encoding="utf-8")
    (tmp_path / "unlisted.txt").write_text(MEETING, encoding="utf-8")
    index = [{"id": "wire-1", "file": "a.txt", "published": "2025-03-04"},
             {"id": "wire-2", "file": "b.txt", "published": "2025-03-07"}]
    (tmp_path / "index.jsonl").write_text("".join(json.dumps(r) + "\n" for r in index), encoding="utf-8")

    ok, events, errors = run([tmp_path])

    assert ok and not errors
    assert {e["article"] for e in events} == {"wire-1", "wire-2"}, "only the articles the index lists"
    by_article = {e["article"]: e for e in events}
    assert by_article["wire-1"]["date"] == "2025-03-03"  # Monday before Tuesday 4 March
    assert by_article["wire-2"]["date"] == "2025-03-04"  # Tuesday before Friday 7 March


def test_extract_jsonl_corpus_reads_every_line_and_reports_bad_ones(tmp_path):
    corpus = tmp_path / "wire.jsonl"
    lines = [json.dumps({"id": "c-1", "text": STRIKE, "published": "2025-03-04"}),
             "{not json",
             json.dumps({"text": SHELLING, "published": "2025-03-05"}),
             json.dumps({"id": "c-3", "text": "   "})]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")

    ok, events, errors = run([corpus])

    assert not ok
    assert [line.split("]")[0] for line in errors] == ["warwire: [I008", "warwire: [I009"]
    assert f"{corpus}:2" in errors[0] and f"{corpus}:4" in errors[1]
    articles = [e["article"] for e in events]
    assert "c-1" in articles
    unnamed = [a for a in articles if a != "c-1"]
    assert unnamed and all(len(a) == 12 for a in unnamed), "a record with no id gets an id from its text"


def test_extract_table_collects_events_into_one_table(tmp_path):
    (tmp_path / "a.txt").write_text(STRIKE, encoding="utf-8")
    out = io.StringIO()
    assert extract_paths([tmp_path / "a.txt"], published=date(2025, 3, 4), fmt="table", out=out,
                         err=Console(file=io.StringIO()))
    text = out.getvalue()
    assert "Dnipro" in text and "2025-03-03" in text
    assert max(len(line) for line in text.splitlines()) > 80, "a table in a file is not folded to 80 columns"


def test_extract_reports_a_failing_article_and_goes_on(monkeypatch, tmp_path):
    class Broken:
        def extract(self, article: Article):
            if article.id == "bad":
                raise RuntimeError("boom\nsecond line")
            return load_extractor().extract(article)

    monkeypatch.setattr(extract_module, "load_extractor", lambda lang, model: Broken())
    (tmp_path / "bad.txt").write_text(SHELLING, encoding="utf-8")
    (tmp_path / "good.txt").write_text(STRIKE, encoding="utf-8")
    ok, events, errors = run([tmp_path / "bad.txt", tmp_path / "good.txt"], published=date(2025, 3, 4))
    assert not ok
    assert len(errors) == 1 and errors[0].startswith("warwire: [X001]") and "bad.txt" in errors[0]
    assert "boom second line" in errors[0]
    assert {e["article"] for e in events} == {"good"}


def test_extract_accepts_str_paths(tmp_path: Path):
    (tmp_path / "a.txt").write_text(STRIKE, encoding="utf-8")
    ok, events, _ = run([str(tmp_path / "a.txt")], published=date(2025, 3, 4))
    assert ok and events


def test_extract_a_crashing_reader_loses_only_its_own_path(monkeypatch, tmp_path):
    real = extract_module.iter_articles

    def reader(paths, published=None):
        if Path(paths[0]).suffix == ".html":
            raise ImportError("lxml.html.clean module is now a separate project\nInstall lxml_html_clean")
        return real(paths, published=published)

    monkeypatch.setattr(extract_module, "iter_articles", reader)
    (tmp_path / "page.html").write_text("<p>Shelling of Kherson on Tuesday wounded four civilians.</p>", encoding="utf-8")
    (tmp_path / "good.txt").write_text(STRIKE, encoding="utf-8")
    ok, events, errors = run([tmp_path / "page.html", tmp_path / "good.txt"], published=date(2025, 3, 4))
    assert not ok
    assert len(errors) == 1 and errors[0].startswith("warwire: [X001]") and "page.html" in errors[0]
    assert "ImportError" in errors[0]
    assert {e["article"] for e in events} == {"good"}
