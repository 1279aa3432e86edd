"""Storage fixtures: every storage test runs on a SQLite file and, when
``$WARWIRE_TEST_POSTGRES_URL`` names a server (``.ci/run`` starts one), on PostgreSQL."""
from __future__ import annotations

import os
from datetime import date

import pytest
from sqlalchemy import text

from warwire.models import Actor, Article, Event, Place, Source, Span
from warwire.store.db import open_store

PG_ENV = "WARWIRE_TEST_POSTGRES_URL"


def _reset_postgres(url: str) -> None:
    engine = open_store(url, migrate=False)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """A fresh, empty database URL of each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"${PG_ENV} is not set: no PostgreSQL server to test against (.ci/run starts one)")
    _reset_postgres(url)
    return url


@pytest.fixture
def engine(db_url):
    """A migrated store on each backend."""
    eng = open_store(db_url)
    yield eng
    eng.dispose()


def make_article(article_id: str, text: str = "", published: str = "2025-12-06") -> Article:
    """An article of the test's own words (its text only needs to hold the evidence)."""
    return Article(id=article_id, text=text or f"Article {article_id}: a strike was reported.",
                   published=date.fromisoformat(published), title=f"Title {article_id}", url=f"https://example.org/{article_id}",
                   origin=f"test:{article_id}", conflict="russia-ukraine")


def make_event(article: str, *, type: str = "strike", day: str = "2025-12-05", place: str = "Kharkiv",
               killed: int | None = None, source: str = "regional governor", side: str = "UA",
               status: str = "occurred", span: tuple[int, int] = (0, 10)) -> Event:
    """A strike on a real place, with its own figures and source, as the extractor would give it."""
    return Event(
        article=article, type=type, subtype="drone", date=date.fromisoformat(day), date_precision="day",
        place=Place(place, "UA", "UA-63", 49.9808, 36.2527, "place", "geonames:706483"),
        actor1=Actor("Russia", "RU"), actor2=Actor("Ukraine", "UA"),
        killed=killed, killed_qualifier=None if killed is None else "exact",
        status=status, source=Source(source, side, "local_official"), evidence=(Span(*span),),
    )
