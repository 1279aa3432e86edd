"""Dating rules of the event stage, on time mentions written for these tests."""
from __future__ import annotations

from datetime import date

from warwire.events.dating import Dating
from warwire.nlp.dates import TimeMention
from warwire.nlp.lexicon import load

DATING = Dating(load("en", "status"))
PUB = date(2025, 12, 6)  # a Saturday


def mention(text: str, start: int, when: date, kind: str = "weekday", precision: str = "day") -> TimeMention:
    return TimeMention(start, start + len(text), text, when, precision, kind, False)


def test_dating_stated_date_beats_overnight():
    times = [mention("overnight", 0, date(2025, 12, 5), "night"), mention("on 4 December", 20, date(2025, 12, 4), "explicit")]
    assert DATING.date_of(times, PUB, None)[:2] == (date(2025, 12, 4), "day")


def test_dating_no_time_words_is_the_day_before_publication():
    assert DATING.date_of([], PUB, None) == (date(2025, 12, 5), "day", None)


def test_dating_carried_date_has_no_evidence_span():
    assert DATING.date_of([], PUB, (date(2025, 12, 3), "day")) == (date(2025, 12, 3), "day", None)


def test_dating_dateline_is_not_the_events_date():
    text = "KYIV, Dec 6 - Drones hit the city."
    assert DATING.dateline(text, mention("Dec 6", 6, PUB, "explicit"))
    assert not DATING.dateline("Drones hit the city on Dec 6 - officials said.", mention("Dec 6", 23, PUB, "explicit"))


def test_dating_statement_time():
    text = "Drones hit Odesa overnight, the governor said on Saturday."
    at = text.index("Saturday")
    assert DATING.statement_time(text, mention("Saturday", at, PUB))
    assert not DATING.statement_time(text, mention("overnight", text.index("overnight"), date(2025, 12, 5), "night"))


def test_dating_plan_told_in_the_past_takes_the_nearest_weekday():
    # Friday 5 December: "were scheduled to meet on Thursday" is yesterday, not next week
    friday = date(2025, 12, 5)
    thursday_next = mention("Thursday", 40, date(2025, 12, 11))
    dated = (thursday_next.date, "day", None)
    from warwire.models import Span

    dated = (thursday_next.date, "day", Span(40, 48))
    assert DATING.past_plan("Envoys were scheduled to meet on Thursday.")
    assert DATING.nearest_weekday(dated, [thursday_next], friday)[0] == date(2025, 12, 4)


def test_dating_running_totals():
    since = mention("since February 2022", 30, PUB, "span", "month")
    assert DATING.cumulative([since], "1,285 civilians have been killed since February 2022.")
    assert not DATING.cumulative([mention("on Monday", 10, PUB)], "Drones hit Odesa on Monday.")
