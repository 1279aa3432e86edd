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
    """A regex group matching any of ``phrases`` (longest first, spaces as ``\\s+``).

    The group is factored as a trie ("a(?:pr|ug)" rather than "apr|aug"), which Python's
    ``re`` runs several times faster than a flat list of words.
    """
    trie: dict[str, Any] = {}
    for phrase in {" ".join(p.split()) for p in phrases if p.strip()}:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}
    return "(?:" + _emit(trie) + ")" if trie else "(?!)"


def _emit(node: dict[str, Any]) -> str:
    alts = [(r"\s+" if ch == " " else re.escape(ch)) + _emit(sub) for ch, sub in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if "" in node:
        return "(?:" + body + ")?" if len(alts) == 1 and len(body) > 1 else body + "?"
    return body
