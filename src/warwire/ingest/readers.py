"""Paths in, articles out: the front door of the pipeline.

A run over a thousand files must not stop at the first bad one, nor hold a corpus in
memory, so :func:`iter_articles` is a generator that yields, in input order, an
:class:`~warwire.models.Article` for each good article and an
:class:`~warwire.errors.IngestError` for each bad file or record, and reads a JSONL
corpus one line at a time. The caller reports the errors and goes on.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from warwire.errors import ConfigError, IngestError
from warwire.ingest.decode import check_binary, decode, normalise_newlines
from warwire.ingest.html import read_html
from warwire.ingest.language import detect_language
from warwire.ingest.published import resolve_published
from warwire.models import Article

#: the most text one article may have, in bytes of UTF-8 (5 MB)
DEFAULT_MAX_BYTES = 5_000_000
TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
CORPUS_SUFFIXES = frozenset({".jsonl"})
INDEX_NAME = "index.jsonl"
#: an HTML page may be this many times larger than the text limit before it is read
_HTML_OVERHEAD = 4
_KINDS = "a .txt, .html or .jsonl file, or a folder of them"


@dataclass(frozen=True, slots=True)
class _Options:
    published: date | None
    max_bytes: int


def iter_articles(
    paths: Sequence[str | Path] | str | Path,
    *,
    published: date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | IngestError]:
    """Every article in ``paths``, lazily, with an IngestError for each bad file or record.

    A path is a ``.txt`` file (id: the file's stem), an ``.html``/``.htm`` page (main text,
    title and date by trafilatura), a ``.jsonl`` corpus (one article a line: ``id``, ``text``,
    ``published``, ``title``, ``url``, ``conflict``, ``language``), a folder with an
    ``index.jsonl`` (one line per article: ``id``, ``file`` relative to the folder,
    ``published``, ``title``, ``url``, ``conflict``, ``lang``), or a folder without one (every
    .txt and .html file in it, by name). ``published`` dates articles that carry no date of
    their own (see :func:`~warwire.ingest.published.resolve_published`); ``max_bytes`` is
    the most text one article may have.
    """
    if max_bytes <= 0:
        raise ConfigError("C002", "max_bytes", f"size limit must be a positive number of bytes, got {max_bytes}")
    if isinstance(paths, (str, Path)):
        paths = [paths]
    return _iter_paths(list(paths), _Options(published=published, max_bytes=max_bytes))


def content_id(text: str) -> str:
    """A stable id for a record that has none: the first 12 hex digits of its text's SHA-1."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _iter_paths(paths: list[str | Path], options: _Options) -> Iterator[Article | IngestError]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _iter_folder(path, options)
        elif not path.exists():
            yield IngestError("I001", path, f"path does not exist; check it, and give {_KINDS}")
        elif path.suffix.lower() in CORPUS_SUFFIXES:
            yield from _iter_corpus(path, options)
        elif path.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES:
            yield _read_file(path, {}, options)
        else:
            kind = path.suffix or "extensionless"
            yield IngestError("I006", path, f"warwire does not read {kind} files; give {_KINDS}")


def _iter_folder(folder: Path, options: _Options) -> Iterator[Article | IngestError]:
    index = folder / INDEX_NAME
    if index.is_file():
        yield from _iter_index(index, options)
        return
    files = sorted(
        p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES
    )
    if not files:
        yield IngestError("I007", folder, f"folder has no {INDEX_NAME} and no .txt or .html file; give {_KINDS}")
    for path in files:
        yield _read_file(path, {}, options)


def _iter_index(index: Path, options: _Options) -> Iterator[Article | IngestError]:
    """The articles an ``index.jsonl`` lists, each read from its file."""
    listed = 0
    for where, record in _iter_records(index, options):
        if isinstance(record, IngestError):
            yield record
            continue
        listed += 1
        name = record.get("file")
        if not isinstance(name, str) or not name:
            yield IngestError("I011", where, 'index line has no "file" field; give the article\'s file name')
            continue
        path = index.parent / name
        if not path.is_file():
            yield IngestError("I001", where, f"lists {name!r}, which does not exist; fix the index or add the file")
            continue
        yield _read_file(path, record, options)
    if not listed:
        yield IngestError("I007", index, "index lists no articles; add a line per article or remove the index")


def _iter_corpus(path: Path, options: _Options) -> Iterator[Article | IngestError]:
    """The articles of a JSON Lines corpus, one line at a time."""
    count = 0
    for where, record in _iter_records(path, options):
        count += 1
        if isinstance(record, IngestError):
            yield record
            continue
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            yield IngestError("I009", where, 'record has no text; give each line a non-empty "text" field')
            continue
        yield _article(normalise_newlines(text), record, where, None, options)
    if not count:
        yield IngestError("I003", path, "corpus is empty; give one JSON object per line")


def _iter_records(path: Path, options: _Options) -> Iterator[tuple[str, dict[str, Any] | IngestError]]:
    """``(where, object)`` for each non-blank line of a JSON Lines file, or its error."""
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield str(path), _unreadable(path, exc)
        return
    with stream:
        error = check_binary(stream.read(8192), str(path))
        if error is not None:
            yield str(path), error
            return
        stream.seek(0)
        for number, line in enumerate(stream, start=1):
            where = f"{path}:{number}"
            if not line.strip():
                continue
            if len(line) > options.max_bytes * 2:
                yield where, _too_large(where, len(line), options)
                continue
            yield where, _parse_line(line, where, first=number == 1)


def _parse_line(line: bytes, where: str, *, first: bool) -> dict[str, Any] | IngestError:
    try:
        text = line.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError:
        return IngestError("I004", where, "line is not UTF-8; save the corpus as UTF-8")
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        return IngestError("I008", where, f"line is not valid JSON ({exc.msg} at column {exc.colno}); fix or remove it")
    if not isinstance(record, dict):
        kind = type(record).__name__
        return IngestError("I008", where, f"line is a JSON {kind}, not an object; give one object per line")
    return record


def _read_file(path: Path, meta: Mapping[str, Any], options: _Options) -> Article | IngestError:
    """One .txt or .html file as an article, with the metadata of its index line if any."""
    is_html = path.suffix.lower() in HTML_SUFFIXES
    try:
        size = path.stat().st_size
        if size > options.max_bytes * (_HTML_OVERHEAD if is_html else 1) + 3:
            return _too_large(str(path), size, options)
        data = path.read_bytes()
    except OSError as exc:
        return _unreadable(path, exc)
    decoded = decode(data, str(path))
    if isinstance(decoded, IngestError):
        return decoded
    if not is_html:
        return _article(decoded, meta, str(path), path.stem, options)
    page = read_html(decoded)
    if not page.text.strip():
        return IngestError("I010", path, "HTML page has no text; give the article's own page, or its text as .txt")
    merged = {"title": page.title, **{k: v for k, v in meta.items() if v is not None}}
    return _article(page.text, merged, str(path), path.stem, options, html_date=page.published)


def _article(
    text: str,
    record: Mapping[str, Any],
    where: str,
    stem: str | None,
    options: _Options,
    html_date: date | None = None,
) -> Article | IngestError:
    """An Article from text and metadata, or the error that one field of it holds."""
    if len(text) * 4 > options.max_bytes and len(text.encode("utf-8")) > options.max_bytes:
        return _too_large(where, len(text.encode("utf-8")), options)
    record_date = _parse_date(record.get("published"))
    if isinstance(record_date, str):
        return IngestError("I011", where, f"published {record_date!r} is not a date; write it as YYYY-MM-DD")
    language = record.get("language") or record.get("lang") or detect_language(text)
    conflict = _optional_str(record.get("conflict"))
    published = resolve_published(
        text, record=record_date, given=options.published, html=html_date, conflict=conflict, lang=language
    )
    return Article(
        id=_optional_str(record.get("id")) or stem or content_id(text),
        text=text,
        published=published,
        title=_optional_str(record.get("title")) or (_headline(text) if stem is not None else None),
        url=_optional_str(record.get("url")),
        origin=where,
        conflict=conflict,
        language=str(language),
    )


def _parse_date(value: Any) -> date | str | None:
    """A date from ``YYYY-MM-DD`` (a time after it is ignored); the value itself if bad."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return value
    return str(value)


def _optional_str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _headline(text: str) -> str | None:
    """The first line of a text file when it stands alone as a headline."""
    first, sep, rest = text.partition("\n")
    first = first.strip()
    if sep and rest.startswith("\n") and 0 < len(first) <= 200:
        return first
    return None


def _too_large(where: str, size: int, options: _Options) -> IngestError:
    return IngestError(
        "I005",
        where,
        f"text is {_size(size)}, over the {_size(options.max_bytes)} limit per article; "
        "split it, or raise the limit (max_bytes)",
    )


def _unreadable(path: Path, exc: OSError) -> IngestError:
    return IngestError("I013", path, f"file cannot be read ({exc.strerror or exc}); check its permissions")


def _size(n: int) -> str:
    return f"{n:,} bytes" if n < 100_000 else f"{n / 1e6:.3g} MB"
