"""A progress bar for long runs, shown only to a person watching a terminal.

Progress goes to stderr so that events on stdout stay clean JSON Lines, and only when
stderr is a terminal so that logs and pipes get no bar. Rich is imported only then.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TextIO, TypeVar

T = TypeVar("T")


def progress(
    iterable: Iterable[T],
    total: int | None = None,
    *,
    description: str = "articles",
    stream: TextIO | None = None,
) -> Iterator[T]:
    """Yield from ``iterable``, drawing a Rich progress bar on ``stream`` (stderr) if a terminal.

    ``total`` gives the bar an end; without it the bar counts items and their rate.
    """
    out = sys.stderr if stream is None else stream
    isatty = getattr(out, "isatty", None)
    if isatty is None or not isatty():
        yield from iterable
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    with Progress(*columns, console=Console(file=out), transient=True) as bar:
        task = bar.add_task(description, total=total)
        for item in iterable:
            yield item
            bar.advance(task)
