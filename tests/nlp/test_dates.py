"""Time expressions resolved against the publication date, with the rules of ANNOTATION.md."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from warwire.nlp.dates import (
    TimeMention,
    dateline_date,
    find_time_expressions,
    is_future_context,
    war_day_date,
)

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SUN = date(2025, 12, 7)  # a Sunday
FRI = date(2025, 12, 5)  # a Friday


def _one(text: str, published: date | None = FRI, **kw: bool) -> TimeMention:
    found = find_time_expressions(text, published, **kw)
    assert len(found) == 1, found
    m = found[0]
    assert text[m.start : m.end] == m.text
    return m


@pytest.mark.parametrize(
    ("text", "published", "day", "kind", "future"),
    [
        # past weekdays: the most recent such day, publication day included
        ("Russia shelled Kharkiv on Tuesday, killing four.", FRI, date(2025, 12, 2), "weekday", False),
        ("Tuesday's discussions ended without a deal.", FRI, date(2025, 12, 2), "weekday", False),
        ("Officials said Friday that two drones were downed.", FRI, FRI, "weekday", False),
        ("The town was hit last Friday.", FRI, date(2025, 11, 28), "weekday", False),
        ("Explosions were heard Sunday morning.", FRI, date(2025, 11, 30), "weekday", False),
        ("Russia will attack again, the minister said on Tuesday.", FRI, date(2025, 12, 2), "weekday", False),
        # future weekdays: the next such day
        ("The leaders are scheduled to meet on Monday.", SUN, date(2025, 12, 8), "weekday", True),
        ("Talks will take place on Thursday.", FRI, date(2025, 12, 11), "weekday", True),
        ("Envoys plan to meet again next Friday.", FRI, date(2025, 12, 12), "weekday", True),
        ("On Monday, the delegations will meet in Geneva.", SUN, date(2025, 12, 8), "weekday", True),
        ("Zelensky will meet Macron on Wednesday, his office said.", FRI, date(2025, 12, 10), "weekday", True),
        # nights belong to the day on which they began
        ("Russia launched 200 drones overnight.", FRI, date(2025, 12, 4), "night", False),
        ("Last night, air defences were active.", FRI, date(2025, 12, 4), "night", False),
        ("Sirens sounded at night in the capital.", FRI, date(2025, 12, 4), "night", False),
        ("Drones were downed during the night.", FRI, date(2025, 12, 4), "night", False),
        ("The attack came on Thursday night.", FRI, date(2025, 12, 4), "night", False),
        ("The attack came late on Wednesday night.", FRI, date(2025, 12, 3), "night", False),
        # a named day after midnight dates it later
        ("Explosions were heard early Sunday.", SUN, SUN, "weekday", False),
        ("Blasts shook the city in the early hours of Friday.", FRI, FRI, "weekday", False),
        ("Drones attacked overnight into Friday.", FRI, FRI, "night", False),
        ("It happened during the night of Thursday to Friday.", FRI, FRI, "night", False),
        ("Missiles struck on the night of 8 February.", FRI, date(2025, 2, 8), "night", False),
        ("Missiles struck on the night of 7 to 8 February.", FRI, date(2025, 2, 8), "night", False),
        # relative days
        ("Two people were killed yesterday.", FRI, date(2025, 12, 4), "relative", False),
        ("Two people were killed today.", FRI, FRI, "relative", False),
        ("Two people were killed earlier today.", FRI, FRI, "relative", False),
        ("Two people were killed this morning.", FRI, FRI, "relative", False),
        ("The talks resume tomorrow.", FRI, date(2025, 12, 6), "relative", True),
        ("The village fell three days ago.", FRI, date(2025, 12, 2), "relative", False),
    ],
)
def test_dates_day_resolution(text: str, published: date, day: date, kind: str, future: bool) -> None:
    m = _one(text, published)
    assert (m.date, m.precision, m.kind, m.future) == (day, "day", kind, future)


@pytest.mark.parametrize(
    ("text", "day", "precision"),
    [
        ("Last week's meetings were tense.", date(2025, 11, 28), "week"),
        ("Fighting intensified this week.", FRI, "week"),
        ("Talks resume next week.", date(2025, 12, 12), "week"),
        ("The dam was hit a week ago.", date(2025, 11, 28), "week"),
        ("The deal collapsed last month.", date(2025, 11, 15), "month"),
        ("Fighting resumed earlier this month.", FRI, "month"),
        ("The town fell last year.", date(2024, 7, 1), "year"),
        ("The town fell in March.", date(2025, 3, 15), "month"),
        ("The town fell in December.", FRI, "month"),
        ("The war began in February 2022.", date(2022, 2, 15), "month"),
        ("Srebrenica fell in 1995.", date(1995, 7, 1), "year"),
    ],
)
def test_dates_coarse_resolution(text: str, day: date, precision: str) -> None:
    m = _one(text)
    assert (m.date, m.precision) == (day, precision)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("The strike on 14 August 2020 killed two.", date(2020, 8, 14)),
        ("The strike on August 14, 2020 killed two.", date(2020, 8, 14)),
        ("The strike on the 14th of August 2020 killed two.", date(2020, 8, 14)),
        ("KYIV, Dec 5, 2025 (Reuters) - ", date(2025, 12, 5)),
        ("The strike on Aug. 14 killed two.", date(2025, 8, 14)),
        ("The strike on 16 February killed two.", date(2025, 2, 16)),
        ("The strike on Feb 20 killed two.", date(2025, 2, 20)),
        ("The strike on 20 February killed two.", date(2025, 2, 20)),
        ("The strike on December 6 killed two.", date(2025, 12, 6)),  # publication + 1 day
        ("The strike on December 20 killed two.", date(2024, 12, 20)),  # not after publication
        ("The strike on 2024-02-20 killed two.", date(2024, 2, 20)),
        ("Updated 05.12.2025", date(2025, 12, 5)),
        ("On Friday, Dec. 5, the strike killed two.", date(2025, 12, 5)),
    ],
)
def test_dates_explicit(text: str, day: date) -> None:
    m = _one(text)
    assert (m.date, m.precision, m.kind) == (day, "day", "explicit")


def test_dates_explicit_without_year_in_future_context_is_next_occurrence() -> None:
    m = _one("The summit is scheduled to open on 20 January.")
    assert (m.date, m.future) == (date(2026, 1, 20), True)


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("Russian forces took 100 settlements since August 6.", "month"),
        ("Losses have mounted since February 2022.", "month"),
        ("the worst escalation since 2012", "month"),
        ("Attacks have risen since Monday.", "week"),
        ("Clashes intensified in recent days.", "week"),
        ("Ten drones were downed over the past 24 hours.", "day"),
    ],
)
def test_dates_spans_are_dated_on_the_statement(text: str, precision: str) -> None:
    m = _one(text)
    assert (m.date, m.precision, m.kind) == (FRI, precision, "span")


def test_dates_span_includes_since() -> None:
    assert _one("100 settlements since August 6.").text == "since August 6"


def test_dates_without_publication_date() -> None:
    assert _one("The attack came on Tuesday.", None).date is None
    assert _one("Russia attacked overnight.", None).date is None
    assert _one("The strike on 16 February killed two.", None).date is None
    assert _one("The strike on 16 February 2023 killed two.", None).date == date(2023, 2, 16)


def test_dates_forced_tense() -> None:
    assert _one("on Monday", SUN, future=True).date == date(2025, 12, 8)
    assert _one("on Monday", SUN, future=False).date == date(2025, 12, 1)


@pytest.mark.parametrize(
    "text",
    [
        "The shelling may continue.",
        "Troops march on.",
        "It was Palm Sunday.",
        "Nothing happened.",
    ],
)
def test_dates_no_false_mentions(text: str) -> None:
    assert find_time_expressions(text, FRI) == []


def test_dates_several_mentions_in_order() -> None:
    text = "Russia struck overnight. On Tuesday, 3 people died; talks will resume next week."
    found = find_time_expressions(text, FRI)
    assert [(m.text, m.date) for m in found] == [
        ("overnight", date(2025, 12, 4)),
        ("Tuesday", date(2025, 12, 2)),
        ("next week", date(2025, 12, 12)),
    ]


@pytest.mark.parametrize(
    ("sentence", "future"),
    [
        ("The leaders are scheduled to meet on Monday.", True),
        ("Zelensky will meet Trump on Monday, his office said.", True),
        ("The delegation plans to visit Kyiv.", True),
        ("The vote is due to take place on Friday.", True),
        ("Prices are expected to rise next week.", True),
        ("Troops are set to withdraw.", True),
        ("He is to meet the envoy on Monday.", True),
        ("The envoy met him on Monday, but talks will resume.", True),
        ("Talks will resume, but fighting was heavy.", False),
        ("Four people were killed on Monday.", False),
        ("Russia said it shot down 40 drones.", False),
    ],
)
def test_dates_is_future_context(sentence: str, future: bool) -> None:
    assert is_future_context(sentence) is future


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("What we know on day 1,383 of the Russia-Ukraine war", date(2025, 12, 7)),
        ("Day 1383 of Russia's full-scale invasion", date(2025, 12, 7)),
        ("It is the 1,383rd day of the war.", date(2025, 12, 7)),
        ("Day 1 of the invasion", date(2022, 2, 24)),
        ("day two of the war", date(2022, 2, 25)),
    ],
)
def test_dates_war_day_date(text: str, day: date) -> None:
    assert war_day_date(text, date(2022, 2, 24)) == day


def test_dates_war_day_needs_a_war_word() -> None:
    assert war_day_date("On day 3 of the talks, nothing moved.", date(2022, 2, 24)) is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("KYIV, Dec 5, 2025 (Reuters) - Russia launched", date(2025, 12, 5)),
        ("By a reporter\nPublished: 5 December 2025\n\nRussia launched", date(2025, 12, 5)),
        ("Posted 2024-02-20 10:00\nRussia launched", date(2024, 2, 20)),
        ("Russia launched drones on Tuesday.", None),
        ("x" * 400 + " 5 December 2025", None),
    ],
)
def test_dates_dateline_date(text: str, day: date | None) -> None:
    assert dateline_date(text) == day


@pytest.mark.skipif(not (SHARED / "corpus" / "dev").is_dir(), reason="../shared/corpus/dev is absent")
def test_dates_dev_corpus_offsets() -> None:
    root = SHARED / "corpus" / "dev"
    for line in (root / "index.jsonl").read_text().splitlines():
        meta = json.loads(line)
        text = (root / meta["file"]).read_text()
        pub = date.fromisoformat(meta["published"]) if meta.get("published") else None
        found = find_time_expressions(text, pub)
        assert all(text[m.start : m.end] == m.text for m in found)
        assert all(a.end <= b.start for a, b in zip(found, found[1:]))
