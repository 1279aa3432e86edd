"""Per-language word lists, loaded once.

Every list of words the pipeline matches (month names, qualifiers, night words, ...)
lives as data in ``warwire/data/lang/<lang>/<name>.json``, so that a new language
is a new folder of JSON files and not new code.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "lang"


def path(lang: str, name: str) -> Path:
    """Where the word list ``name`` of language ``lang`` lives (it may not exist)."""
    return DATA_DIR / lang / f"{name}.json"


def available(lang: str, name: str) -> bool:
    """Whether language ``lang`` has a word list called ``name``."""
    return path(lang, name).is_file()


@lru_cache(maxsize=None)
def load(lang: str, name: str) -> dict[str, Any]:
    """The JSON object in ``data/lang/<lang>/<name>.json``.

    Cached: callers get the same object each time and must not change it.
    Raises ``FileNotFoundError`` when the language has no such list.
    """
    with path(lang, name).open(encoding="utf-8") as f:
        data = json.load(f)
    if not isinstance(data, dict):
        raise ValueError(f"{path(lang, name)}: expected a JSON object")
    return data


def alternation(phrases: Iterable[str]) -> str:
    """A regex group matching any of ``phrases``, longest first, spaces as ``\\s+``."""
    parts = sorted({p for p in phrases if p}, key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in parts) + ")"
