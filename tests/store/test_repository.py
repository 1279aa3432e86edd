"""Storing articles and reports, linking them into incidents, and querying them back.

The events are written by the test (no extractor) so each behaviour of the store is
checked on its own; the bundled samples go through the real extractor and linker.
"""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.store.conftest import make_article, make_event
from warwire.link.records import Incident, Report
from warwire.store import repository as repo
from warwire.store.schema import ArticleRow, FigureRow, IncidentRow, ReportRow


def _count(session, model) -> int:
    return session.execute(select(func.count()).select_from(model)).scalar_one()


def _one_incident_per_report(reports):
    return [Incident("i_" + r.id[2:], r.event.type, "violent", (r.id,), r.event.date, r.event.date) for r in reports]


def test_repository_store_article_is_idempotent(engine):
    art = make_article("a1")
    events = [make_event("a1", killed=2), make_event("a1", place="Odesa", span=(11, 20))]
    with Session(engine) as s:
        assert repo.store_article(s, art, events) == "new"
        assert repo.store_article(s, art, events) == "unchanged"
        assert _count(s, ArticleRow) == 1
        assert _count(s, ReportRow) == 2


def test_repository_changed_text_replaces_the_reports(engine):
    with Session(engine) as s:
        repo.store_article(s, make_article("a1", "first text of it"), [make_event("a1"), make_event("a1", span=(3, 9))])
        repo.relink(s, linker=_one_incident_per_report)
        assert _count(s, IncidentRow) == 2
        changed = make_article("a1", "second, longer text of it")
        assert repo.store_article(s, changed, [make_event("a1", span=(0, 6), killed=1)]) == "updated"
        assert _count(s, ArticleRow) == 1
        assert _count(s, ReportRow) == 1
        assert _count(s, IncidentRow) == 0  # the old incidents went with their reports
        report = next(iter(repo.load_reports(s).values()))
        assert report.event.killed == 1
        assert s.execute(select(ArticleRow.text)).scalar_one() == "second, longer text of it"


def test_repository_reports_round_trip_through_the_store(engine):
    art = make_article("a1", "Drones hit Kharkiv at night. Two people were killed, the governor said.")
    ev = make_event("a1", killed=2, span=(0, 28))
    with Session(engine) as s:
        repo.store_article(s, art, [ev])
        stored = repo.load_reports(s)
    report = stored[Report.make_id(ev)]
    assert report.event == ev
    assert report.article_url == art.url and report.published == art.published
    assert report.event.to_dict() == ev.to_dict()


def test_repository_duplicate_report_ids_in_one_article_get_a_suffix(engine):
    ev = make_event("a1")
    with Session(engine) as s:
        repo.store_article(s, make_article("a1"), [ev, ev])
        ids = sorted(repo.load_reports(s))
    assert ids == sorted([Report.make_id(ev), Report.make_id(ev) + "_2"])


def test_repository_relink_links_only_pending_reports_and_their_window(engine):
    calls = []

    def linker(reports):
        calls.append(sorted(r.id for r in reports))
        return _one_incident_per_report(reports)

    with Session(engine) as s:
        repo.store_article(s, make_article("a1"), [make_event("a1", day="2025-01-01")])
        repo.store_article(s, make_article("a2"), [make_event("a2", day="2025-12-05")])
        assert repo.relink(s, linker=linker) == 2
        assert repo.relink(s, linker=linker) == 0  # nothing pending
        repo.store_article(s, make_article("a3"), [make_event("a3", day="2025-12-07")])
        repo.relink(s, linker=linker)
        # the December report near the new one is relinked with it; January's is left alone
        assert len(calls) == 2 and len(calls[1]) == 2
        assert _count(s, IncidentRow) == 3
        assert s.execute(select(func.count()).where(ReportRow.incident_id.is_(None))).scalar_one() == 0
        assert repo.relink(s, scope="all", linker=linker) == 3


def test_repository_two_tolls_of_one_strike_are_one_incident_with_both_figures(engine):
    a1, a2 = make_article("a1"), make_article("a2", published="2025-12-06")
    with Session(engine) as s:
        repo.store_article(s, a1, [make_event("a1", killed=4, source="Ukrainian authorities")])
        repo.store_article(s, a2, [make_event("a2", killed=5, source="a news agency", side=None, span=(2, 12))])
        assert repo.relink(s) == 1
        (incident,) = repo.load_incidents(s)
        assert len(incident.report_ids) == 2
        assert sorted((f.value, f.source) for f in incident.figures if f.field == "killed") == [
            (4, "Ukrainian authorities"), (5, "a news agency")]
        assert incident.killed_low == 4 and incident.killed_high == 5
        assert _count(s, FigureRow) == 2


def test_repository_incidents_keep_the_best_place(engine):
    with Session(engine) as s:
        repo.store_article(s, make_article("a1"), [make_event("a1", killed=1)])
        repo.relink(s)
        row = s.execute(select(IncidentRow)).scalar_one()
    assert (row.place_name, row.place_admin1, row.place_country) == ("Kharkiv", "UA-63", "UA")


def _incidents_of(engine, articles_events):
    with Session(engine) as s:
        for art, events in articles_events:
            repo.store_article(s, art, events)
            repo.relink(s)
        return {(i.id, frozenset(i.report_ids), frozenset(i.figures), i.killed_low) for i in repo.load_incidents(s)}


def test_repository_samples_in_either_order_give_the_same_incidents(db_url, tmp_path, extractor):
    from warwire.ingest import iter_articles
    from warwire.store.db import open_store
    from warwire.cli import samples_path

    articles = [a for a in iter_articles([samples_path()]) if not isinstance(a, Exception)]
    extracted = [(a, extractor.extract(a)) for a in articles]
    forward = open_store(db_url)
    first = _incidents_of(forward, extracted)
    forward.dispose()
    backward = open_store(f"sqlite:///{tmp_path / 'reverse.db'}")
    second = _incidents_of(backward, list(reversed(extracted)))
    backward.dispose()
    assert first == second


def test_repository_seed_articles_in_either_order_give_the_same_linked_incidents(shared, tmp_path, extractor):
    from warwire.ingest import iter_articles
    from warwire.store.db import open_store

    wanted = {"seed-000", "seed-003"}  # both tell the same round of talks
    articles = [a for a in iter_articles([shared / "corpus" / "dev"])
                if not isinstance(a, Exception) and a.id in wanted]
    if {a.id for a in articles} != wanted:
        pytest.skip("the seed articles seed-000 and seed-003 are not in ../shared/corpus/dev")
    extracted = [(a, extractor.extract(a)) for a in articles]
    results = []
    for name, order in (("forward", extracted), ("backward", list(reversed(extracted)))):
        engine = open_store(tmp_path / f"{name}.db")
        results.append(_incidents_of(engine, order))
        engine.dispose()
    assert results[0] == results[1]
    # the talks both articles report are one incident holding reports of both
    article_of = {r.id: a.id for a, events in extracted for r in repo.make_reports(a, events)}
    linked = [ids for _, ids, _, _ in results[0] if len({article_of[r] for r in ids}) > 1]
    assert linked, "no incident links reports across the two seed articles"


@pytest.fixture
def queried(engine):
    text = "Drones hit a power plant in Kharkiv. Russian forces shelled Kherson, killing three."
    events = [
        make_event("q1", day="2025-12-01", killed=0, span=(0, 35)),
        make_event("q1", day="2025-12-03", place="Kherson", killed=3, span=(36, 83)),
        make_event("q1", type="clash", day="2025-12-04", status="claimed", span=(36, 60)),
    ]
    events[1] = events[1].__class__(**{**{f: getattr(events[1], f) for f in events[1].__slots__},
                                       "place": events[1].place.__class__("Kherson", "UA", "UA-65", 46.6354, 32.6169)})
    with Session(engine) as s:
        repo.store_article(s, make_article("q1", text), events)
        repo.relink(s)
    return engine


@pytest.mark.parametrize("filters,expected", [
    (repo.EventFilters(), 3),
    (repo.EventFilters(since=date(2025, 12, 2)), 2),
    (repo.EventFilters(until=date(2025, 12, 2)), 1),
    (repo.EventFilters(type="clash"), 1),
    (repo.EventFilters(type="strike,clash"), 3),
    (repo.EventFilters(country="ua"), 3),
    (repo.EventFilters(country="RU"), 0),
    (repo.EventFilters(admin1="UA-65"), 1),
    (repo.EventFilters(actor="RU"), 3),
    (repo.EventFilters(actor="russ"), 3),
    (repo.EventFilters(actor="hamas"), 0),
    (repo.EventFilters(min_killed=1), 1),
    (repo.EventFilters(status="claimed"), 1),
    (repo.EventFilters(text="POWER plant"), 1),
    (repo.EventFilters(text="100%"), 0),
    (repo.EventFilters(limit=2), 2),
])
def test_repository_query_events_filters(queried, filters, expected):
    with Session(queried) as s:
        assert len(repo.query_events(s, filters)) == expected


def test_repository_query_events_newest_first_with_incident(queried):
    with Session(queried) as s:
        events = repo.query_events(s, repo.EventFilters())
    dates = [e.report.event.date for e in events]
    assert dates == sorted(dates, reverse=True)
    assert all(e.incident_id for e in events)
    assert events[0].to_dict()["incident"] == events[0].incident_id


def test_repository_text_search_follows_changed_and_removed_articles(queried):
    """The evidence index (a trigram FTS table on SQLite) follows every write."""
    text = "Shelling damaged a water pumping station in Kherson."
    with Session(queried) as s:
        repo.store_article(s, make_article("q1", text), [make_event("q1", place="Kherson", span=(0, len(text)))])
        repo.relink(s)
    with Session(queried) as s:
        assert len(repo.query_events(s, repo.EventFilters(text="pumping station"))) == 1
        assert repo.query_events(s, repo.EventFilters(text="power plant")) == []  # the old text is gone
        assert len(repo.query_events(s, repo.EventFilters(text="ump"))) == 1  # three letters, mid-word
