"""iter_articles: every kind of path, every kind of bad input, ids, and streaming."""
from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from warwire.errors import ConfigError, IngestError
from warwire.ingest import readers
from warwire.ingest.readers import content_id, iter_articles
from warwire.models import Article

STORY = "Drone strike on Sumy\n\nA drone hit a bus depot in Sumy on Friday, injuring four people, the mayor said.\n"
PAGE = """<html><head><title>Port hit in Izmail</title>
<meta property="article:published_time" content="2025-11-30"></head><body><article>
<h1>Port hit in Izmail</h1><p>Russian drones struck port infrastructure in Izmail overnight, the regional governor
said, adding that two truck drivers were injured and a warehouse of grain burned down.</p>
<p>Ukraine's air force said most of the drones launched during the night were shot down over the south.</p>
</article></body></html>"""


def shared_root() -> Path:
    env = os.environ.get("WARWIRE_SHARED")
    return Path(env) if env else Path(__file__).parents[2] / ".." / "shared"


def one(paths, **kwargs) -> Article | IngestError:
    results = list(iter_articles(paths, **kwargs))
    assert len(results) == 1, results
    return results[0]


def error_code(result) -> str:
    assert isinstance(result, IngestError), result
    return result.code


def write_jsonl(path: Path, records) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records), encoding="utf-8")
    return path


# --- kinds of path ---------------------------------------------------------------------


def test_readers_txt_file_keeps_text_exactly(tmp_path):
    path = tmp_path / "sumy-depot.txt"
    path.write_bytes(STORY.encode())
    article = one([path])
    assert isinstance(article, Article)
    assert article.id == "sumy-depot"
    assert article.text == STORY
    assert article.title == "Drone strike on Sumy"
    assert article.language == "en"
    assert article.origin == str(path)


def test_readers_txt_crlf_and_bom_are_normalised(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf" + STORY.replace("\n", "\r\n").encode())
    assert one([path]).text == STORY


def test_readers_html_file_uses_trafilatura_metadata(tmp_path):
    path = tmp_path / "izmail.html"
    path.write_text(PAGE, encoding="utf-8")
    article = one([path])
    assert article.id == "izmail"
    assert "two truck drivers were injured" in article.text
    assert article.title == "Port hit in Izmail"
    assert article.published == date(2025, 11, 30)


def test_readers_malformed_html_falls_back_to_tag_strip(tmp_path):
    path = tmp_path / "broken.htm"
    path.write_text("<div><p>Shelling damaged a clinic in Nikopol</b></span><p>Two nurses hurt", encoding="utf-8")
    article = one([path])
    assert "Shelling damaged a clinic in Nikopol" in article.text
    assert "Two nurses hurt" in article.text


def test_readers_html_without_text_is_an_error(tmp_path):
    path = tmp_path / "blank.html"
    path.write_text("<html><head><style>p{}</style></head><body><script>x()</script></body></html>")
    assert error_code(one([path])) == "I010"


def test_readers_folder_with_index_uses_its_metadata(tmp_path):
    (tmp_path / "one.txt").write_text(STORY)
    (tmp_path / "two.html").write_text(PAGE)
    (tmp_path / "not-listed.txt").write_text("ignored because the index does not list it")
    write_jsonl(tmp_path / "index.jsonl", [
        {"id": "a-1", "file": "one.txt", "published": "2025-12-05", "title": "T1", "url": "https://example.org/1",
         "conflict": "russia-ukraine", "outlet": "Example"},
        {"id": "a-2", "file": "two.html", "published": "2025-12-01", "title": None, "conflict": "russia-ukraine"},
        {"id": "a-3", "file": "missing.txt", "published": "2025-12-01"},
    ])
    first, second, third = iter_articles([tmp_path])
    assert (first.id, first.published, first.title, first.url, first.conflict) == (
        "a-1", date(2025, 12, 5), "T1", "https://example.org/1", "russia-ukraine")
    assert first.text == STORY
    assert (second.id, second.published, second.title) == ("a-2", date(2025, 12, 1), "Port hit in Izmail")
    assert error_code(third) == "I001"
    assert "missing.txt" in str(third) and "index.jsonl:3" in str(third)


def test_readers_index_language_field_wins_over_detection(tmp_path):
    (tmp_path / "x.txt").write_text(STORY)
    write_jsonl(tmp_path / "index.jsonl", [{"id": "x", "file": "x.txt", "lang": "uk"}])
    assert one([tmp_path]).language == "uk"


def test_readers_folder_without_index_reads_txt_and_html_sorted(tmp_path):
    (tmp_path / "b.txt").write_text(STORY)
    (tmp_path / "a.html").write_text(PAGE)
    (tmp_path / "notes.md").write_text("not an article")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text(STORY)
    assert [a.id for a in iter_articles([tmp_path])] == ["a", "b"]


def test_readers_folder_with_nothing_readable_is_an_error(tmp_path):
    (tmp_path / "notes.md").write_text("not an article")
    result = one([tmp_path])
    assert error_code(result) == "I007"


def test_readers_jsonl_corpus_fields_and_ids(tmp_path):
    path = write_jsonl(tmp_path / "corpus.jsonl", [
        {"id": "r1", "text": "Shelling hit Kherson.\r\nOne man was hurt.", "published": "2024-05-01",
         "title": "Kherson", "url": "https://example.org/k", "conflict": "russia-ukraine", "language": "en"},
        {"text": "An airstrike hit a market in Gaza.", "published": "2024-05-02T10:00:00Z"},
        {"id": 42, "text": "Clashes near Goma.", "published": None},
    ])
    first, second, third = iter_articles([path])
    assert (first.id, first.text, first.published, first.title, first.conflict) == (
        "r1", "Shelling hit Kherson.\nOne man was hurt.", date(2024, 5, 1), "Kherson", "russia-ukraine")
    assert first.origin == f"{path}:1"
    assert second.id == content_id("An airstrike hit a market in Gaza.") and len(second.id) == 12
    assert second.published == date(2024, 5, 2)
    assert second.title is None
    assert third.id == "42"


def test_readers_content_id_is_stable_sha1_prefix():
    assert content_id("abc") == "a9993e364706"


def test_readers_bad_jsonl_lines_name_the_line_and_the_run_goes_on(tmp_path):
    path = write_jsonl(tmp_path / "corpus.jsonl", [
        {"id": "ok-1", "text": "Drones hit Kharkiv."},
        "{not json",
        {"id": "no-text", "title": "headline only"},
        {"id": "blank", "text": "   "},
        "[1, 2]",
        "",
        {"id": "bad-date", "text": "Strike on Dnipro.", "published": "yesterday"},
        {"id": "ok-2", "text": "Drones hit Odesa."},
    ])
    results = list(iter_articles([path]))
    assert [r.id if isinstance(r, Article) else r.code for r in results] == [
        "ok-1", "I008", "I009", "I009", "I008", "I011", "ok-2"]
    assert str(results[1]).startswith(f"[I008] {path}:2: line is not valid JSON")
    assert results[5].where == f"{path}:7"


def test_readers_empty_jsonl_is_an_error(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n\n")
    assert error_code(one([path])) == "I003"


# --- bad input files -------------------------------------------------------------------


def test_readers_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = one([path])
    assert error_code(result) == "I003"
    assert str(result).startswith(f"[I003] {path}: file is empty")


def test_readers_binary_file(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    assert error_code(one([path])) == "I002"


def test_readers_latin1_file_is_decoded(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("R\u00e9sum\u00e9 of the day: drones hit a caf\u00e9 in Kherson.".encode("latin-1"))
    article = one([path])
    assert isinstance(article, Article)
    assert "caf\u00e9" in article.text


def test_readers_undecodable_file(tmp_path):
    path = tmp_path / "garbled.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 4)
    assert error_code(one([path])) == "I004"


def test_readers_cyrillic_file_is_read_with_its_language(tmp_path):
    path = tmp_path / "uk.txt"
    path.write_text("Вночі дрони влучили в підстанцію на Харківщині, повідомив голова області.", encoding="utf-8")
    article = one([path])
    assert isinstance(article, Article)
    assert article.language == "uk"


def test_readers_file_over_the_size_limit(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"Drones hit the city. " * 550_000)  # about 11.5 MB
    result = one([path])
    assert error_code(result) == "I005"
    assert "5 MB limit" in str(result)


def test_readers_size_limit_is_configurable(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    assert error_code(one([path], max_bytes=50)) == "I005"
    assert "over the 50 bytes limit" in str(one([path], max_bytes=50))
    with pytest.raises(ConfigError):
        iter_articles([path], max_bytes=0)


def test_readers_jsonl_record_over_the_size_limit(tmp_path):
    path = write_jsonl(tmp_path / "c.jsonl", [{"id": "big", "text": "x" * 400}, {"id": "small", "text": "Shelling."}])
    results = list(iter_articles([path], max_bytes=100))
    assert [getattr(r, "code", None) or r.id for r in results] == ["I005", "small"]


def test_readers_missing_path(tmp_path):
    result = one([tmp_path / "nope.txt"])
    assert error_code(result) == "I001"
    assert "does not exist" in str(result)


def test_readers_unsupported_file_type(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4")
    assert error_code(one([path])) == "I006"


def test_readers_errors_do_not_stop_the_run(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(STORY)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    results = list(iter_articles([tmp_path / "missing.txt", empty, good]))
    assert [type(r).__name__ for r in results] == ["IngestError", "IngestError", "Article"]


def test_readers_accepts_a_single_path(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    assert one(str(path)).id == "story"


# --- publication date and streaming ------------------------------------------------------


def test_readers_record_date_wins_over_the_given_date(tmp_path):
    path = write_jsonl(tmp_path / "c.jsonl", [
        {"id": "dated", "text": "Shelling hit Kherson.", "published": "2024-05-01"},
        {"id": "undated", "text": "Shelling hit Kherson."},
    ])
    dated, undated = iter_articles([path], published=date(2025, 1, 1))
    assert dated.published == date(2024, 5, 1)
    assert undated.published == date(2025, 1, 1)


def test_readers_given_date_wins_over_the_html_date(tmp_path):
    path = tmp_path / "izmail.html"
    path.write_text(PAGE)
    assert one([path], published=date(2025, 12, 3)).published == date(2025, 12, 3)


def test_readers_is_lazy_and_streams_a_jsonl_corpus(tmp_path, monkeypatch):
    path = tmp_path / "big.jsonl"
    with path.open("w") as out:
        out.write(json.dumps({"id": "first", "text": "Drones hit Kharkiv."}) + "\n")
        for _ in range(20_000):
            out.write("{broken json\n")
    calls = []
    real_loads = readers.json.loads
    monkeypatch.setattr(readers.json, "loads", lambda s: calls.append(1) or real_loads(s))
    stream = iter_articles([path])
    assert calls == []
    assert next(stream).id == "first"
    assert len(calls) == 1
    stream.close()


def test_readers_reads_the_dev_corpus():
    dev = shared_root() / "corpus" / "dev"
    if not (dev / "index.jsonl").is_file():
        pytest.skip(f"shared data not found at {dev} (set WARWIRE_SHARED to the shared folder)")
    index = [json.loads(line) for line in (dev / "index.jsonl").read_text(encoding="utf-8").splitlines()]
    results = list(iter_articles([dev]))
    assert all(isinstance(r, Article) for r in results), [str(r) for r in results if not isinstance(r, Article)]
    assert len(results) == len(index) == 34
    for article, entry in zip(results, index):
        assert article.id == entry["id"]
        assert article.text == (dev / entry["file"]).read_text(encoding="utf-8")
        assert article.language == "en"
        if entry["published"]:
            assert article.published == date.fromisoformat(entry["published"])
    # the index gives every article a date but one, which has no date in its text either
    assert sum(a.published is not None for a in results) >= 33


def test_readers_reads_the_ukrainian_and_russian_dev_corpus():
    dev = shared_root() / "corpus" / "dev-ukru"
    if not (dev / "index.jsonl").is_file():
        pytest.skip(f"shared data not found at {dev} (set WARWIRE_SHARED to the shared folder)")
    index = {json.loads(line)["id"]: json.loads(line) for line in (dev / "index.jsonl").read_text().splitlines()}
    for article in iter_articles([dev]):
        assert isinstance(article, Article)
        assert article.language == index[article.id]["lang"]


def test_readers_reads_the_packaged_samples():
    from importlib import resources

    folder = Path(str(resources.files("warwire") / "data" / "samples"))
    results = list(iter_articles([folder]))
    assert [a.id for a in results] == ["sample-001", "sample-002", "sample-003", "sample-004"]
    assert all(a.language == "en" and a.published is not None for a in results)


def test_readers_jsonl_line_that_is_not_utf8(tmp_path):
    path = tmp_path / "c.jsonl"
    good = json.dumps({"id": "ok", "text": "Shelling."}).encode()
    path.write_bytes(good + b"\n" + '{"id": "bad", "text": "caf\u00e9"}'.encode("latin-1") + b"\n" + good + b"\n")
    results = list(iter_articles([path]))
    assert [getattr(r, "code", None) or r.id for r in results] == ["ok", "I004", "ok"]
    assert results[1].where == f"{path}:2"


def test_readers_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text(STORY)

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    result = one([path])
    assert error_code(result) == "I013"
    assert "Permission denied" in str(result)
