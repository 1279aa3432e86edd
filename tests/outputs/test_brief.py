"""The daily brief: facts of the sample articles, claims marked, escaping in HTML."""
from __future__ import annotations

from datetime import date
from importlib import resources

import pytest

from warwire.conflicts import find_conflict
from warwire.ingest.readers import iter_articles
from warwire.link import Report, link_reports
from warwire.models import Actor, Event, Place, Source, Span
from warwire.outputs.brief import render_brief


@pytest.fixture(scope="module")
def samples(extractor):
    folder = resources.files("warwire") / "data" / "samples"
    reports = []
    for article in iter_articles([str(folder)]):
        assert not isinstance(article, Exception), article
        reports += [Report.of(e, url=article.url, title=article.title, published=article.published)
                    for e in extractor.extract(article)]
    return link_reports(reports), {r.id: r for r in reports}


def test_brief_counts_war_days_and_barrage(samples):
    incidents, reports = samples
    text = render_brief(date(2025, 12, 6), incidents, reports, find_conflict("russia-ukraine"))
    assert "Day 1,382 of the Russian invasion of Ukraine" in text  # 24 Feb 2022 is day 1
    launched = next(line for line in text.splitlines() if "launched" in line)
    assert "Russia launched 653 drones and 51 missiles" in launched and "[1]" in launched
    downed = next(line for line in text.splitlines() if "585 drones" in line)
    assert "claim" in downed.lower() and "30 missiles" in downed
    assert "## Strikes by region" in text and "Kharkiv" in text


def test_brief_marks_territorial_claim_with_claimant(samples):
    incidents, reports = samples
    text = render_brief(date(2025, 12, 6), incidents, reports, find_conflict("russia-ukraine"))
    line = next(line for line in text.splitlines() if "Kucheriv Yar" in line)
    assert line.startswith("- Claim:") and "Russia" in line and "confirmed" in line


def test_brief_keeps_to_its_conflict_and_cites_sources(samples):
    incidents, reports = samples
    text = render_brief(date(2025, 12, 6), incidents, reports, find_conflict("russia-ukraine"))
    assert "El Obeid" not in text
    assert "## Sources" in text and "sample-001" in text
    sudan = render_brief(date(2025, 12, 6), incidents, reports, find_conflict("sudan"))
    assert "El Obeid" in sudan and "19 killed" in sudan and "Kharkiv" not in sudan


def test_brief_empty_day_says_so(samples):
    incidents, reports = samples
    text = render_brief(date(2024, 1, 1), incidents, reports, None)
    assert "No incidents were recorded" in text


def _strike(article: str, killed: int, source: str, title: str) -> Report:
    event = Event(article=article, type="strike", subtype="missile", date=date(2025, 3, 4), date_precision="day",
                  place=Place("Sumy", "UA", "UA-59", 50.9077, 34.7981, "place"), actor1=Actor("Russia", "RU"),
                  actor2=Actor("Ukraine", "UA"), killed=killed, killed_qualifier="exact",
                  source=Source(source, None, "media"), evidence=(Span(0, 30),))
    return Report.of(event, title=title, published=date(2025, 3, 4))


def test_brief_shows_each_sources_toll():
    reps = [_strike("a1", 4, "Ukrainian authorities", "Strike on Sumy"), _strike("a2", 5, "a news agency", "Sumy")]
    text = render_brief(date(2025, 3, 4), link_reports(reps), {r.id: r for r in reps}, None)
    assert "4–5 killed (4 per Ukrainian authorities, 5 per a news agency)" in text
    assert "at least 4 killed" in text


def test_brief_html_escapes_news_text():
    reps = [_strike("a1", 1, "<script>alert(1)</script>", "Tom & Jerry <b>")]
    page = render_brief(date(2025, 3, 4), link_reports(reps), {r.id: r for r in reps}, None, fmt="html")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<script>" not in page and "&lt;script&gt;" in page and "Tom &amp; Jerry &lt;b&gt;" in page


def test_brief_rejects_unknown_format():
    with pytest.raises(ValueError):
        render_brief(date(2025, 3, 4), [], {}, None, fmt="pdf")
