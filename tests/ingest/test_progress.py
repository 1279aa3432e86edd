"""The progress helper: a bar for a terminal, nothing for a pipe, items untouched."""
from __future__ import annotations

import io

from warwire.ingest.progress import progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_passes_items_through_silently_when_not_a_terminal():
    out = io.StringIO()
    assert list(progress(iter(range(5)), total=5, stream=out)) == [0, 1, 2, 3, 4]
    assert out.getvalue() == ""


def test_progress_draws_on_a_terminal_and_keeps_items():
    out = _Terminal()
    assert list(progress(["a", "b", "c"], stream=out)) == ["a", "b", "c"]


def test_progress_is_lazy():
    seen = []

    def items():
        for i in range(3):
            seen.append(i)
            yield i

    stream = progress(items(), stream=io.StringIO())
    assert seen == []
    assert next(stream) == 0
    assert seen == [0]
