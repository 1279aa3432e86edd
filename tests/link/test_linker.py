"""Linking reports into incidents: merge rules, figures kept apart, order independence."""
from __future__ import annotations

import random
from datetime import date

from warwire.link import Report, link_reports
from warwire.link.linker import incident_place, incident_status
from warwire.models import Actor, Article, Event, Place, Source, Span

KHARKIV = Place("Kharkiv", "UA", "UA-63", 49.9867, 36.2342, "place")
KHARKIV_NEAR = Place("Kharkiv", "UA", "UA-63", 49.99, 36.25, "place")
ODESA = Place("Odesa", "UA", "UA-51", 46.4792, 30.7322, "place")
KHARKIV_REGION = Place("Kharkiv", "UA", "UA-63", None, None, "admin1")
UKRAINE = Place("Ukraine", "UA", None, None, None, "country")
RU, UA = Actor("Russia", "RU"), Actor("Ukraine", "UA")


def report(article: str, start: int = 0, *, type: str = "strike", day: date | None = date(2025, 3, 4),
           place: Place | None = KHARKIV, killed: int | None = None, status: str = "occurred",
           source: str | None = None, side: str | None = None, actor1: Actor | None = RU,
           actor2: Actor | None = UA, precision: str = "day", participants: tuple[Actor, ...] = (),
           published: date | None = None) -> Report:
    event = Event(article=article, type=type, date=day, date_precision=precision if day else None, place=place,
                  actor1=actor1, actor2=actor2, participants=participants, killed=killed,
                  killed_qualifier="exact" if killed is not None else None, status=status,
                  source=Source(source, side, "government") if source else None,
                  evidence=(Span(start, start + 40),))
    return Report.of(event, published=published or day)


def test_linker_two_tolls_one_incident_with_both_figures():
    a = report("a1", killed=4, source="Ukrainian authorities", side="UA")
    b = report("a2", killed=5, source="news agency", place=KHARKIV_NEAR)
    [incident] = link_reports([a, b])
    assert sorted(f.value for f in incident.figures) == [4, 5]
    assert {f.source for f in incident.figures} == {"Ukrainian authorities", "news agency"}
    assert (incident.killed_low, incident.killed_best, incident.killed_high) == (4, 4, 5)
    assert set(incident.report_ids) == {a.id, b.id}


def test_linker_best_is_a_reported_figure_never_an_average():
    reps = [report(f"a{i}", killed=k) for i, k in enumerate([3, 10, 4])]
    [incident] = link_reports(reps)
    assert (incident.killed_low, incident.killed_best, incident.killed_high) == (3, 4, 10)


def test_linker_claims_stay_apart_from_confirmed_figures():
    confirmed = report("a1", killed=3, source="regional governor", side="UA")
    claimed = report("a2", killed=40, status="claimed", source="Russian defence ministry", side="RU")
    [incident] = link_reports([confirmed, claimed])
    statuses = {(f.value, f.status) for f in incident.figures}
    assert statuses == {(3, "occurred"), (40, "claimed")}
    assert (incident.killed_low, incident.killed_best, incident.killed_high) == (3, 3, 3)


def test_linker_claim_only_incident_has_no_confirmed_estimates():
    claim = report("a1", killed=40, status="claimed", source="army", side="RU")
    [incident] = link_reports([claim])
    assert incident.killed_low is None and incident.figures[0].status == "claimed"
    assert incident_status(incident, {claim.id: claim}) == "claimed"


def test_linker_same_incidents_in_any_order():
    reps = [report("a1", 0, killed=4), report("a2", 0, killed=5), report("a1", 100, place=ODESA),
            report("a3", 0, place=KHARKIV_REGION), report("a3", 50, type="clash"),
            report("a4", 0, day=date(2025, 3, 9))]
    expected = link_reports(reps)
    for seed in range(5):
        shuffled = list(reps)
        random.Random(seed).shuffle(shuffled)
        assert link_reports(shuffled) == expected


def test_linker_incident_id_derives_from_first_report():
    early = report("b", day=date(2025, 3, 3))
    late = report("a", day=date(2025, 3, 4))
    [incident] = link_reports([late, early])
    assert incident.id == "i_" + early.id[2:]
    assert incident.report_ids[0] == early.id
    assert (incident.date_low, incident.date_high) == (date(2025, 3, 3), date(2025, 3, 4))


def test_linker_dates_outside_precision_window_stay_apart():
    assert len(link_reports([report("a1", day=date(2025, 3, 1)), report("a2", day=date(2025, 3, 4))])) == 2
    week = report("a2", day=date(2025, 3, 6), precision="week")
    assert len(link_reports([report("a1", day=date(2025, 3, 1)), week])) == 1
    undated = report("a3", day=None, published=date(2025, 3, 2))
    assert len(link_reports([report("a1", day=date(2025, 3, 1)), undated])) == 1


def test_linker_contradicting_actors_stay_apart():
    ours = report("a1")
    theirs = report("a2", actor1=UA, actor2=RU)
    assert len(link_reports([ours, theirs])) == 2


def test_linker_different_types_of_violence_stay_apart():
    assert len(link_reports([report("a1"), report("a2", type="clash")])) == 2


def test_linker_region_joins_the_one_town_it_contains():
    town = report("a1", killed=2)
    region = report("a2", place=KHARKIV_REGION, killed=2)
    [incident] = link_reports([town, region])
    assert incident_place(incident, {r.id: r for r in (town, region)}).precision == "place"


def test_linker_coarse_report_stays_apart_when_ambiguous():
    towns = [report("a1", place=KHARKIV), report("a2", place=ODESA)]
    nationwide = report("a3", place=UKRAINE)
    assert len(link_reports([*towns, nationwide])) == 3


def test_linker_barrage_and_towns_of_one_article_stay_apart():
    barrage = report("a1", 0, place=UKRAINE)
    town = report("a1", 300, place=KHARKIV)
    assert len(link_reports([barrage, town])) == 2


def test_linker_meetings_link_by_overlapping_parties():
    us_ru = (Actor("Steve Witkoff", "US"), Actor("Vladimir Putin", "RU"))
    moscow = Place("Moscow", "RU", "RU-MOW", 55.752, 37.6178, "place")
    a = report("a1", type="meeting", place=moscow, actor1=us_ru[0], actor2=us_ru[1], participants=us_ru)
    b = report("a2", type="meeting", place=None, actor1=us_ru[1], actor2=us_ru[0], participants=us_ru[::-1])
    us_ua = (Actor("Steve Witkoff", "US"), Actor("Rustem Umerov", "UA"))
    c = report("a3", type="meeting", place=None, actor1=us_ua[0], actor2=us_ua[1], participants=us_ua)
    incidents = link_reports([a, b, c])
    assert sorted(len(i.report_ids) for i in incidents) == [1, 2]


def test_linker_handles_many_reports():
    rnd = random.Random(7)
    reps = []
    for i in range(3000):
        day = date(2025, 1, 1).fromordinal(date(2025, 1, 1).toordinal() + rnd.randint(0, 60))
        lat, lon = 47 + rnd.random() * 4, 30 + rnd.random() * 8
        place = Place(f"Town {rnd.randint(0, 300)}", "UA", "UA-63", lat, lon, "place")
        reps.append(report(f"a{i // 4}", i, day=day, place=place, killed=rnd.choice([None, 1, 2])))
    incidents = link_reports(reps)
    assert sum(len(i.report_ids) for i in incidents) == len(reps)
    assert len({i.id for i in incidents}) == len(incidents)


TALKS_A = ("US envoy Steve Witkoff met Russian President Vladimir Putin in Moscow on Tuesday for talks "
           "on a plan to end the war, the Kremlin said.")
TALKS_B = ("Vladimir Putin held talks with US special envoy Steve Witkoff at the Kremlin on Tuesday, "
           "Russian state media reported.")


def test_linker_same_talks_from_two_articles_in_either_order(extractor):
    reps = []
    for article_id, text in (("talks-a", TALKS_A), ("talks-b", TALKS_B)):
        article = Article(id=article_id, text=text, published=date(2025, 12, 4))
        reps += [Report.of(e, published=article.published) for e in extractor.extract(article)]
    meetings = [r for r in reps if r.event.type == "meeting"]
    assert {r.event.article for r in meetings} == {"talks-a", "talks-b"}
    forward, backward = link_reports(reps), link_reports(reps[::-1])
    assert forward == backward
    linked = [i for i in forward if i.type == "meeting"]
    assert len(linked) == 1 and len(linked[0].report_ids) == 2
