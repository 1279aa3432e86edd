"""``warwire extract`` as a library function: paths in, events printed, errors reported.

Kept apart from the CLI so that it can be called and tested without Typer: it returns
whether every input was read, and writes events to ``out`` as they are found (a corpus of
any size streams through in constant memory).
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from rich.console import Console

from warwire.errors import ExtractionError, IngestError, WarwireError
from warwire.ingest import iter_articles, progress
from warwire.models import Article, Event
from warwire.outputs.jsonl import write_jsonl

#: languages with word lists in data/lang; other texts are reported, not guessed at
SUPPORTED_LANGUAGES = frozenset({"en"})


def extract_paths(paths: Sequence[str | Path], *, published: date | None = None, fmt: str = "jsonl",
                  model: str | None = None, out: TextIO, err: Console) -> bool:
    """Extract the events of every article under ``paths``; True when no input failed."""
    from warwire.pipeline import Extractor

    extractor = Extractor(model=model)
    ok = True
    collected: list[Event] = []
    for item in progress(iter_articles(paths, published=published)):
        if isinstance(item, WarwireError):
            err.print(f"warwire: {item}", markup=False)
            ok = False
            continue
        problem = check_article(item)
        if problem is not None:
            err.print(f"warwire: {problem}", markup=False)
            ok = False
            continue
        try:
            events = extractor.extract(item)
        except Exception as exc:  # one article's failure must not end a run over thousands
            err.print(f"warwire: {ExtractionError('X001', item.origin or item.id, f'extraction failed ({type(exc).__name__}: {exc}); please report it with this article')}", markup=False)
            ok = False
            continue
        if fmt == "table":
            collected.extend(events)
        else:
            write_jsonl(events, out)
            out.flush()
    if fmt == "table":
        from warwire.outputs.table import print_table

        print_table(collected, Console(file=out), title=f"{len(collected)} events")
    return ok


def check_article(article: Article) -> IngestError | None:
    """An article warwire cannot read honestly: a language with no word lists."""
    if article.language not in SUPPORTED_LANGUAGES:
        return IngestError(
            "I012", article.origin or article.id,
            f"text is in language {article.language!r}, which warwire cannot read yet (supported: "
            f"{', '.join(sorted(SUPPORTED_LANGUAGES))})",
        )
    return None
