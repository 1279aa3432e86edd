"""Figures in war news: value, qualifier and kind (only ``count`` ones count things)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from warwire.nlp.numbers import Quantity, find_quantities, parse_number

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def _counts(text: str) -> list[tuple[int, str, bool]]:
    return [(q.value, q.qualifier, q.vague) for q in find_quantities(text) if q.kind == "count"]


def _only(text: str) -> Quantity:
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("four", 4),
        ("Ten", 10),
        ("1,383", 1383),
        ("1 200", 1200),
        ("twenty-one", 21),
        ("Twenty-one", 21),
        ("twenty one", 21),
        ("one hundred and five", 105),
        ("fifteen hundred", 1500),
        ("two thousand three hundred", 2300),
        ("a hundred", 100),
        ("1.5 million", 1500000),
        ("2.3bn", 2300000000),
        ("five million", 5000000),
        ("a dozen", 12),
        ("two dozen", 24),
        ("dozens", 12),
        ("hundreds", 100),
        ("zero", 0),
    ],
)
def test_numbers_parse_number(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "the", "two and three", "third", "Su-25", "many"])
def test_numbers_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("At least four people were killed in the shelling.", [(4, "at_least", False)]),
        ("Ten others were injured.", [(10, "exact", False)]),
        ("The air force said Russia launched more than 650 drones.", [(650, "more_than", False)]),
        ("Russia fired 51 missiles and 1,200 shells.", [(51, "exact", False), (1200, "exact", False)]),
        ("Twenty-one soldiers died.", [(21, "exact", False)]),
        ("no fewer than 12 civilians", [(12, "at_least", False)]),
        ("a minimum of 3 wounded", [(3, "at_least", False)]),
        ("over 40 drones", [(40, "more_than", False)]),
        ("upwards of 200 troops", [(200, "more_than", False)]),
        ("in excess of 300 shells", [(300, "more_than", False)]),
        ("some 30 people", [(30, "about", False)]),
        ("around 30 homes", [(30, "about", False)]),
        ("approximately 15 drones", [(15, "about", False)]),
        ("nearly 100 people", [(100, "about", False)]),
        ("an estimated 2,000 fighters", [(2000, "about", False)]),
        ("up to 60 soldiers", [(60, "up_to", False)]),
        ("as many as 60 soldiers", [(60, "up_to", False)]),
        ("20 or more bodies", [(20, "at_least", False)]),
        ("100+ drones", [(100, "at_least", False)]),
        ("five to seven people", [(5, "at_least", False)]),
        ("10-15 soldiers", [(10, "at_least", False)]),
        ("between 10 and 15 fighters", [(10, "at_least", False)]),
        ("two or three houses", [(2, "at_least", False)]),
        ("dozens of people", [(12, "at_least", True)]),
        ("hundreds of civilians", [(100, "at_least", True)]),
        ("tens of thousands fled", [(10000, "at_least", True)]),
        ("several people", [(3, "at_least", True)]),
        ("a few soldiers", [(3, "at_least", True)]),
        ("several hundred troops", [(300, "at_least", True)]),
        ("a number of drones", [(3, "at_least", True)]),
        ("a dozen civilians", [(12, "exact", False)]),
        ("about a dozen people", [(12, "about", False)]),
        ("at least a dozen people", [(12, "at_least", False)]),
        ("1.5 million people fled", [(1500000, "exact", False)]),
        ("One person died.", [(1, "exact", False)]),
        ("killing one and injuring two", [(1, "exact", False), (2, "exact", False)]),
        ("Russia launched 2000 drones", [(2000, "exact", False)]),
    ],
)
def test_numbers_counts(text: str, counts: list[tuple[int, str, bool]]) -> None:
    assert _counts(text) == counts


@pytest.mark.parametrize(
    "text",
    [
        "one of the victims was a nurse",
        "they helped one another",
        "no one was hurt",
        "another one of the attacks",
        "S-300 and Kh-32 missiles, Su-25 jets, Tu-95 bombers",
        "F-16 fighters and M23 rebels and a Tu-22M3 bomber",
        "Shahed-136 drones",
        "working 24/7",
    ],
)
def test_numbers_not_counts(text: str) -> None:
    assert _counts(text) == []


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("A 12-year-old boy was killed.", 12, "age"),
        ("a seventy-year-old woman", 70, "age"),
        ("a man aged 65", 65, "age"),
        ("the 65-year-old", 65, "age"),
        ("said Olena Petrenko (34), a nurse", 34, "age"),
        ("a 70 year old man", 70, "age"),
        ("the boy was 12 years old", 12, "age"),
        ("the nearly two-year-old war", 2, "age"),
        ("in 1995", 1995, "year"),
        ("The war began in 2022.", 2022, "year"),
        ("on February 24", 24, "date"),
        ("on Feb. 20", 20, "date"),
        ("2024-02-20", 20, "date"),
        ("at 3 a.m. local time", 3, "time"),
        ("at 14:00", 14, "time"),
        ("at 9pm", 9, "time"),
        ("20% of the territory", 20, "percent"),
        ("20 percent of the territory", 20, "percent"),
        ("$5 million in aid", 5000000, "money"),
        ("5 billion euros", 5000000000, "money"),
        ("a $5m grant", 5000000, "money"),
        ("€1.3 billion", 1300000000, "money"),
        ("the 93-rd brigade", 93, "ordinal"),
        ("on 05.12.2025", 5, "date"),
        ("800 kilometers east", 800, "measure"),
        ("30 km from the border", 30, "measure"),
        ("minus 19 degrees", 19, "measure"),
        ("the 930-mile front line", 930, "measure"),
        ("155mm shells", 155, "measure"),
        ("a nine-story building", 9, "measure"),
        ("three days of mourning", 3, "measure"),
        ("the third attack", 3, "ordinal"),
        ("the twenty-first day", 21, "ordinal"),
        ("the 1st brigade", 1, "ordinal"),
        ("day 1,383 of the war", 1383, "ordinal"),
    ],
)
def test_numbers_kinds(text: str, value: int, kind: str) -> None:
    q = _only(text)
    assert (q.value, q.kind) == (value, kind)


def test_numbers_date_parts_are_not_counts() -> None:
    found = find_quantities("On 14 August 2020 and on August 14, 2020, troops moved.")
    assert [(q.value, q.kind) for q in found] == [(14, "date"), (2020, "date"), (14, "date"), (2020, "date")]


def test_numbers_offsets_cover_the_qualifier() -> None:
    text = "Officials said at least four people were killed."
    q = _only(text)
    assert q.text == "at least four" == text[q.start : q.end]
    assert (q.value, q.qualifier, q.kind, q.vague) == (4, "at_least", "count", False)


def test_numbers_offsets_cover_the_unit_of_an_age() -> None:
    q = _only("a 12-year-old boy")
    assert q.text == "12-year-old"


def test_numbers_over_before_places_is_no_qualifier() -> None:
    assert _counts("drones were shot down over eight Russian regions") == [(8, "exact", False)]


def test_numbers_unknown_language_falls_back_to_english() -> None:
    assert _counts("at least four people") == [(4, "at_least", False)]
    assert [(q.value, q.qualifier) for q in find_quantities("at least four people", lang="xx")] == [(4, "at_least")]


@pytest.mark.skipif(not (SHARED / "corpus" / "dev").is_dir(), reason="../shared/corpus/dev is absent")
def test_numbers_dev_corpus_offsets() -> None:
    root = SHARED / "corpus" / "dev"
    for line in (root / "index.jsonl").read_text().splitlines():
        text = (root / json.loads(line)["file"]).read_text()
        found = find_quantities(text)
        assert all(text[q.start : q.end] == q.text for q in found)
        assert [q.start for q in found] == sorted(q.start for q in found)
        assert not [q for q in found if q.kind == "count" and "year-old" in text[q.end : q.end + 10]]
