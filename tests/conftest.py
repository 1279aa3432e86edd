"""Shared fixtures: one Extractor per test session, and the ../shared folder when present."""
from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from warwire.models import Article

REPO = Path(__file__).resolve().parents[1]


def shared_dir() -> Path | None:
    """../shared beside the repository (or $WARWIRE_SHARED), if it is there."""
    candidate = Path(os.environ.get("WARWIRE_SHARED", REPO.parent / "shared"))
    return candidate if (candidate / "README.md").exists() else None


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    if path is None:
        pytest.skip("../shared is absent: the evaluation data lives beside the repository, not in it")
    return path


@pytest.fixture(scope="session")
def extractor():
    from warwire.pipeline import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def extract(extractor):
    """Extract the events of a text written in the test, as dicts of the output contract."""

    def run(text: str, published: str | None = "2025-12-05", article_id: str = "t", conflict: str | None = None):
        art = Article(id=article_id, text=text, published=date.fromisoformat(published) if published else None,
                      conflict=conflict)
        return [e.to_dict() for e in extractor.extract(art)]

    return run
