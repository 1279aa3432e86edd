"""``warwire extract`` as a library function: paths in, events printed, errors reported.

Kept apart from the CLI so that it can be called and tested without Typer: it returns
whether every input was read, and writes events to ``out`` as they are found (a corpus of
any size streams through in constant memory). Building the extractor takes about a second,
so one is built per process and language (:func:`load_extractor`) and reused by every call.
"""
from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from rich.console import Console

from warwire.errors import ExtractionError, IngestError, WarwireError
from warwire.ingest import iter_articles, progress
from warwire.models import Article, Event
from warwire.outputs.jsonl import write_jsonl

if TYPE_CHECKING:
    from warwire.pipeline import Extractor

#: languages with word lists in data/lang; other texts are reported, not guessed at
SUPPORTED_LANGUAGES = frozenset({"en"})
#: columns of a table written to a pipe or file
TABLE_WIDTH = 160


@lru_cache(maxsize=4)
def load_extractor(lang: str = "en", model: str | None = None) -> Extractor:
    """The process's extractor for ``lang`` (and an optional trained spaCy ``model``)."""
    from warwire.pipeline import Extractor

    return Extractor(lang=lang, model=model)


def extract_paths(paths: Sequence[str | Path], *, published: date | None = None, fmt: str = "jsonl",
                  model: str | None = None, out: TextIO | None = None, err: Console | None = None) -> bool:
    """Extract the events of every article under ``paths``; True when no input failed.

    Events go to ``out`` (stdout) as JSON Lines, one article's events as soon as it is
    read, or as one table at the end when ``fmt`` is ``"table"``; each bad input is one
    line on ``err`` (stderr) and the run goes on.
    """
    out = sys.stdout if out is None else out
    err = Console(stderr=True, highlight=False, soft_wrap=True) if err is None else err
    extractor = load_extractor("en", model)
    ok = True
    collected: list[Event] = []
    for item in extracted(paths, published, extractor, err):
        if item is None:
            ok = False
            continue
        _, events = item
        if fmt == "table":
            collected.extend(events)
        else:
            write_jsonl(events, out)
            out.flush()
    if fmt == "table":
        from warwire.outputs.table import print_table

        title = f"{len(collected)} event{'' if len(collected) == 1 else 's'}"
        # a pipe or file has no width of its own; Rich's 80 columns would fold every cell
        width = None if getattr(out, "isatty", lambda: False)() else TABLE_WIDTH
        print_table(collected, Console(file=out, width=width), title=title)
    return ok


def extracted(paths: Sequence[str | Path], published: date | None, extractor: Extractor,
              err: Console) -> Iterator[tuple[Article, list[Event]] | None]:
    """Each article under ``paths`` with its events, in order, behind a progress bar; each
    bad input or failed extraction is reported as one line on ``err`` and yields None, so
    callers count failures and go on (``extract`` and ``ingest`` share this loop)."""
    for item in progress(_read(paths, published)):
        if isinstance(item, WarwireError):
            report(err, item)
            yield None
            continue
        problem = check_article(item)
        if problem is not None:
            report(err, problem)
            yield None
            continue
        try:
            yield item, extractor.extract(item)
        except Exception as exc:  # one article's failure must not end a run over thousands
            report(err, ExtractionError("X001", item.origin or item.id, f"extraction failed ({type(exc).__name__}: "
                                        f"{exc}); please report it with this article"))
            yield None


def _read(paths: Sequence[str | Path], published: date | None) -> Iterator[Article | WarwireError]:
    """The articles of each path in turn; a path whose reading crashes is one error, not the end of the run."""
    for path in paths:
        try:
            yield from iter_articles([path], published=published)
        except Exception as exc:  # a reader's bug or a broken install must not lose the other paths
            yield ExtractionError("X001", path, f"reading failed ({type(exc).__name__}: {exc}); please report it "
                                  "with this input")


def report(err: Console, error: WarwireError) -> None:
    """One error as one line: ``warwire: [code] where: message``, newlines folded."""
    err.print("warwire: " + " ".join(str(error).split()), markup=False, highlight=False)


def check_article(article: Article) -> IngestError | None:
    """An article warwire cannot read honestly: a language with no word lists."""
    if article.language not in SUPPORTED_LANGUAGES:
        return IngestError(
            "I012", article.origin or article.id,
            f"text is in language {article.language!r}, which warwire cannot read yet (supported: "
            f"{', '.join(sorted(SUPPORTED_LANGUAGES))})",
        )
    return None
