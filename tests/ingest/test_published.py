"""The publication-date cascade and the conflicts data it counts war days from."""
from __future__ import annotations

from datetime import date

import pycountry
import pytest

from warwire.ingest import published
from warwire.ingest.published import candidate_conflicts, find_conflict, load_conflicts, resolve_published



@pytest.fixture
def fake_nlp(monkeypatch):
    """Stand-ins for warwire.nlp.dates that record their calls."""
    calls: list[tuple] = []

    def dateline_date(text, lang="en"):
        calls.append(("dateline", lang))
        return date(2025, 12, 6) if "DATELINE" in text else None

    def war_day_date(text, war_start, lang="en"):
        calls.append(("war_day", war_start))
        return war_start if "WAR DAY" in text else None

    from warwire.nlp import dates

    monkeypatch.setattr(dates, "dateline_date", dateline_date)
    monkeypatch.setattr(dates, "war_day_date", war_day_date)
    return calls


def test_published_record_then_given_then_html(fake_nlp):
    record, given, html = date(2024, 1, 1), date(2024, 2, 2), date(2024, 3, 3)
    text = "DATELINE WAR DAY"
    assert resolve_published(text, record=record, given=given, html=html) == record
    assert resolve_published(text, given=given, html=html) == given
    assert resolve_published(text, html=html) == html
    assert fake_nlp == []


def test_published_dateline_before_war_day(fake_nlp):
    assert resolve_published("DATELINE and WAR DAY", lang="uk") == date(2025, 12, 6)
    assert fake_nlp == [("dateline", "uk")]


def test_published_war_day_counts_from_the_articles_conflict(fake_nlp):
    assert resolve_published("on WAR DAY 900", conflict="sudan") == date(2023, 4, 15)
    assert resolve_published("on WAR DAY 900", conflict="israel-hamas") == date(2023, 10, 7)


def test_published_war_day_without_conflict_prefers_the_war_the_text_names(fake_nlp):
    assert resolve_published("WAR DAY 600 in Sudan's war between the army and the RSF") == date(2023, 4, 15)
    assert resolve_published("WAR DAY 600 of Russia's full-scale invasion of Ukraine") == date(2022, 2, 24)


def test_published_none_when_no_step_finds_a_date(fake_nlp):
    assert resolve_published("A quiet day on the front.", conflict="russia-ukraine") is None


def test_published_dateline_only_near_the_start(fake_nlp):
    text = "x" * published.DATELINE_WINDOW + " DATELINE"
    assert resolve_published(text) is None


def test_published_uses_the_real_dateline_parser():
    from warwire.nlp.dates import dateline_date

    text = "KHARKIV, Ukraine, December 6, 2025 - Drones hit a power plant overnight, officials said."
    assert resolve_published(text) == dateline_date(text[: published.DATELINE_WINDOW], lang="en")


def test_published_uses_the_real_war_day_parser():
    from warwire.nlp.dates import war_day_date

    text = "On day 1,383 of the war, drones hit a power plant in the city, officials said."
    found = resolve_published(text, conflict="russia-ukraine")
    assert found == war_day_date(text, date(2022, 2, 24), lang="en")


def test_published_conflicts_file_is_well_formed():
    conflicts = load_conflicts()
    ids = [c.id for c in conflicts]
    names = ids + [alias for c in conflicts for alias in c.aliases]
    assert len(names) == len(set(names))
    for conflict in conflicts:
        assert conflict.countries
        for code in conflict.countries:
            assert pycountry.countries.get(alpha_2=code) is not None, code
    ukraine = find_conflict("russia-ukraine")
    assert ukraine is not None
    assert ukraine.start == date(2022, 2, 24) and ukraine.countries == ("UA", "RU")


def test_published_find_conflict_by_alias_any_case():
    assert find_conflict("Israel-Hamas").id == "gaza-israel"
    assert find_conflict("no-such-war") is None
    assert find_conflict(None) is None


def test_published_candidates_for_a_named_conflict_without_start():
    assert candidate_conflicts("day 40", conflict="sahel") == []


def test_published_candidates_without_conflict_cover_every_dated_war():
    candidates = candidate_conflicts("Fighting in Myanmar's Sagaing region", lang="en")
    assert candidates[0].id == "myanmar"
    assert {c.id for c in candidates} == {c.id for c in load_conflicts() if c.start is not None}
