"""From mentions to events: one frame per event cue, filled from its sentence and context.

The cascade, per article (each step's rules live in their own module):

1. per sentence, the event types its cues signal (a weak cue needs war words beside it; a
   sentence about sport, weather or markets yields nothing) -- :meth:`EventAssembler.types_of`;
2. its date (:mod:`warwire.events.dating`);
3. per type, one event per place the sentence names for it (:mod:`warwire.events.locate`),
   else the place in a speaker's title, else the place told just before, else the country
   of the side attacked;
4. each event gets its figures (:mod:`warwire.events.figures`), its parties, source and
   status (:mod:`warwire.events.parties`);
5. history is dropped and the accounts of one incident merged (:mod:`warwire.events.merge`).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Doc

from warwire.events import figures
from warwire.events.conflicts import conflicts_for, opponent_of
from warwire.events.cues import Cue, CueFinder
from warwire.events.dating import Dating
from warwire.events.kinds import DIPLOMATIC, FAMILY, VIOLENT
from warwire.events.locate import Locator
from warwire.events.merge import drop_history, merge_events
from warwire.events.parties import Parties
from warwire.models import Actor, Article, Event, Place, Span, Weapon
from warwire.nlp.lexicon import load
from warwire.nlp.pipeline import Mentions
from warwire.nlp.text import doc_text




@dataclass
class Frame:
    """An event being built: the fields so far and the sentences that support it."""

    type: str
    subtype: str | None
    trigger: Cue
    sentence: tuple[int, int]
    paragraph: int
    place: Place | None = None
    evidence: list[Span] = field(default_factory=list)
    fields: dict = field(default_factory=dict)
    field_evidence: dict[str, Span] = field(default_factory=dict)


class Sentences:
    """Sentence boundaries and paragraph numbers of one article, and mention lookup by sentence."""

    def __init__(self, doc: Doc) -> None:
        self.bounds = [(s.start_char, s.end_char) for s in doc.sents]
        self._starts: dict[int, list[int]] = {}
        self.starts = [b[0] for b in self.bounds]
        text = doc_text(doc)
        self.paragraph = []
        para = 0
        prev = 0
        for start, _ in self.bounds:
            # a sentence after a line break opens a new paragraph
            if "\n" in text[prev:start]:
                para += 1
            self.paragraph.append(para)
            prev = start

    def index(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.starts, char) - 1)

    def within(self, items, i: int) -> list:
        """The mentions of ``items`` (sorted by start) that begin in sentence ``i``."""
        if i < 0 or i >= len(self.bounds):
            return []
        key = id(items)
        starts = self._starts.get(key)
        if starts is None:
            starts = self._starts[key] = [m.start for m in items]
        start, end = self.bounds[i]
        return list(items[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)])


class EventAssembler:
    """Builds the events of one article from its Doc and mentions."""

    def __init__(self, cue_finder: CueFinder, locator: Locator, lang: str = "en") -> None:
        self.cues = cue_finder
        self.locator = locator
        self.lang = lang
        self.words = load(lang, "status")
        self.dating = Dating(self.words)
        self.off_topic = False
        #: a short report (a wire snippet, an event note) is about one incident even when it names
        #: no place the gazetteer knows; a long article's unplaced violence is mostly a retelling
        self.placeless_max_chars = 1200

    def __call__(self, article: Article, doc: Doc, m: Mentions) -> list[Event]:
        sents = Sentences(doc)
        country_counts: dict[str, int] = {}
        groups = [(a.start, a.end) for a in m.actors if a.kind != "state"]
        group_starts = [g[0] for g in groups]
        for p in m.places:
            k = bisect.bisect_right(group_starts, p.start) - 1
            if k >= 0 and p.start < groups[k][1]:
                continue  # "al-Shabab" names a group, not the place Shabab
            for c in p.candidates[:1]:
                if c.country:
                    country_counts[c.country] = country_counts.get(c.country, 0) + 1
        wars = conflicts_for(doc_text(doc), article.conflict, country_counts)
        context = self.locator.context(m.places, wars)
        parties = Parties(doc, m, wars, self.words)
        # an article about a war: strong words ("battle", "captured") need no war word beside them
        war_words = sum(1 for c in m.cues if c.group in ("war", "weapon", "model"))
        other_words = sum(1 for c in m.cues if c.group == "nonevent")
        article_war = war_words >= 4 and other_words < 3
        # an article about sport, weather, markets or memory, with war words used as metaphors
        # or as history: nothing in it is an event unless a sentence says so in its own words
        self.off_topic = other_words >= 4 and war_words < 2 * other_words
        frames: list[Frame] = []
        # the date told last in this paragraph, and the first recent date of the article (its lead)
        last_date: tuple[date, str] | None = None
        last_para = -1
        lead_date: tuple[date, str] | None = None
        lead_explicit = False
        for i, (s_start, s_end) in enumerate(sents.bounds):
            cues = sents.within(m.cues, i)
            if not any(c.group == "trigger" for c in cues):
                continue
            prev = sents.within(m.cues, i - 1) if i and sents.paragraph[i - 1] == sents.paragraph[i] else []
            prev_weapons = [c for c in prev if c.group in ("weapon", "model")]
            prev_war = any(c.group in ("war", "weapon", "model") for c in prev)
            types = self.types_of(doc, cues, sents.within(m.actors, i), s_start, s_end, prev_weapons,
                                  prev_war, article_war)
            if not types:
                continue
            times = sents.within(m.times, i)
            low = doc_text(doc)[s_start:s_end].lower()
            if any(w in low for w in self.words["background"]):
                # "has killed thousands over the past decade": background, not an incident
                types = [(t, c) for t, c in types if t in DIPLOMATIC]
                if not types:
                    continue
            since_at = doc_text(doc).lower().find(" since ", s_start, s_end)
            inside_since = since_at >= 0 and all(c.start > since_at for _, c in types)
            if not inside_since and self.dating.cumulative(times, doc_text(doc)[s_start:s_end]):
                # "1,285 civilians killed since the invasion began": a tally, not an incident; a gain
                # built up over a span is dated on the day of the statement, month precision
                types = [(t, c) for t, c in types if t == "territory"]
                if not types:
                    continue
                if article.published:
                    for frame in self.frames_for(types[0][0], types[0][1], i, sents, doc, m, cues, context,
                                                 parties, wars, (article.published, "month", None), article):
                        frames.append(frame)
                continue
            times = [t for t in times if not any(s.kind == "span" and s.start <= t.start < s.end + 40 and t is not s
                                                 for s in times)]
            carried = last_date if last_para == sents.paragraph[i] else lead_date
            # "KYIV, Dec 6 -": a dateline dates the report, not the event
            times = [t for t in times if not self.dating.dateline(doc_text(doc), t)]
            # "the air force said on Saturday": when it was said, not when it happened
            told = [t for t in times if self.dating.statement_time(doc_text(doc), t)]
            if told and len(told) < len(times):
                times = [t for t in times if t not in told]
            dated = self.dating.date_of(times, article.published, carried)
            if dated and dated[2] is not None and article.published and self.dating.past_plan(doc_text(doc)[s_start:s_end]):
                dated = self.dating.nearest_weekday(dated, times, article.published)
            if dated is None and any(t.precision == "year" for t in times) and times:
                continue  # told as background: "at the end of last year", "in 2014"
            if dated and dated[1] == "day" and any(t.date and not t.future for t in times) and (
                    article.published is None or 0 <= (article.published - dated[0]).days <= 7):
                last_date, last_para = dated, sents.paragraph[i]
                explicit = any((t.kind in ("explicit", "weekday") or any(ch.isdigit() for ch in t.text))
                               and t.date == dated[0] for t in times)
                if lead_date is None or (explicit and not lead_explicit and i < 6):
                    lead_date, lead_explicit = dated, explicit
            for etype, trigger in types:
                others = [c for t, c in types if c is not trigger and FAMILY[t] != FAMILY[etype]]
                frames.extend(self.frames_for(etype, trigger, i, sents, doc, m, cues, context, parties,
                                              wars, dated, article, others))
        events = [self.finish(article, f) for f in frames]
        return merge_events(drop_history(events, article.published), doc_text(doc))

    # 1. which event types a sentence signals -------------------------------------------
    def types_of(self, doc: Doc, cues: list[Cue], actors, s_start: int, s_end: int,
                 prev_weapons: list[Cue] = (), prev_war: bool = False,
                 article_war: bool = False) -> list[tuple[str, Cue]]:
        triggers = [c for c in cues if c.group == "trigger"]
        war = any(c.group in ("war", "weapon", "model") for c in cues) or any(
            a.kind in ("military", "armed_group") for a in actors)
        casualty = any(c.group in ("killed", "injured") for c in cues)
        # "Two more civilians were killed — one in Sloviansk ...", after a sentence of attacks;
        # "a 64-year-old woman ... died", in a report of a war
        damage = any(c.group == "target" and c.value != "civilians" for c in cues)
        # "... and an industrial facility in the Stryi district was hit", in a report of a barrage
        war = war or (prev_war and casualty) or (article_war and (casualty or damage))
        nonevent = sum(1 for c in cues if c.group == "nonevent")
        text = doc_text(doc)[s_start:s_end]
        found: dict[str, Cue] = {}
        # "repelled Shahed drones": what is repelled from the air is intercepted
        flying = {"drone", "missile", "rocket", "guided_bomb"}
        triggers = [replace(t, value="interception") if t.defensive and any(
            c.group in ("weapon", "model") and (c.weapon or c.value) in flying and 0 <= c.start - t.end <= 40
            for c in cues) else t for t in triggers]
        # "shot" inside "shot down": a word within a longer phrase of another type is that phrase
        triggers = [t for t in triggers if not any(
            o is not t and o.start <= t.start and t.end <= o.end and (o.end - o.start) > (t.end - t.start)
            for o in triggers)]
        for t in triggers:
            etype = t.value
            if etype in found:
                continue
            # sport, weather, markets and accidents use war words; protests and talks are vetoed
            # only by a sentence full of them
            if nonevent and not (war and t.strength == "strong" and nonevent < 2) and not (
                    etype in ("protest",) + tuple(DIPLOMATIC) and nonevent < 2):
                continue
            if t.strength == "weak" and not war:
                continue
            lead = " ".join(w for w in doc_text(doc)[max(0, t.start - 40) : t.start].lower().split() if not w.endswith("ly"))
            if t.strength == "weak" and lead.endswith(tuple(self.words["modal_before"])):
                continue  # "the dam could be critically damaged": a fear, not an event
            if self.off_topic and (t.strength == "weak" or nonevent):
                continue
            zero = any(c.group.startswith("none_") for c in cues)  # "no casualties were reported there"
            if t.strength == "weak" and not zero and any(c.group == "negation" and c.start < t.start for c in cues):
                continue  # "these numbers don't include casualties in ..."
            if not zero and any(c.group == "negation" and 0 <= t.start - c.end <= 12 for c in cues):
                continue  # "it had never lost a battle"
            if etype in ("territory", "interception") and doc_text(doc)[max(0, t.start - 4) : t.start].lower() in (
                    "the ", " a ", " an "):
                continue  # "the liberated parts of Kherson", "debris from a downed drone": adjectives
            if etype == "strike" and t.strength == "weak" and not (casualty or any(
                    c.group in ("weapon", "model", "target") for c in cues) or any(
                    a.kind in ("military", "armed_group", "state") for a in actors)):
                continue
            if etype in ("clash", "territory") and not (war or article_war and t.strength == "strong"):
                continue
            if etype == "violence_against_civilians" and not (war or t.strength == "strong"):
                continue  # abductions, executions, massacres need no war word beside them
            if etype == "interception" and not self.interception_ok(t, cues, text, prev_weapons):
                continue
            if etype == "interception" and any(w in doc_text(doc)[t.end : t.end + 60].lower() for w in self.words["ground_systems"]):
                continue  # "destroyed a Russian S-400 air defence system": a strike on it, not a downing
            if etype == "protest" and not any(c.group == "protestctx" for c in cues):
                continue
            if etype in DIPLOMATIC and not self.diplomatic_ok(etype, cues, actors, text, t, doc):
                continue
            if etype == "protest" and war and not nonevent and any(c.group == "trigger" and c.value in VIOLENT and c.strength == "strong" for c in triggers):
                continue
            found[etype] = t
        # a launch of weapons intercepted in the same breath is both a strike and an interception
        if "interception" in found and "strike" in found and found["strike"].strength == "weak":
            if found["strike"].text.lower() not in self.cues.launch_verbs:
                del found["strike"]  # "shot down six one-way attack drones": no strike here
        if "territory" in found and "clash" in found:
            del found["clash"]  # "rebels retook the town after heavy fighting": the capture is the event
        if "territory" in found and "strike" in found and found["strike"].strength == "weak":
            del found["strike"]
        if "protest" in found and any(w in text.lower() for w in self.words["crowd_control"]):
            for etype in ("clash", "strike", "violence_against_civilians"):
                found.pop(etype, None)  # "police fired tear gas as protesters clashed with them"
        if "clash" in found and "strike" in found and found["strike"].strength == "weak":
            del found["strike"]  # "repelled Russian attacks": ground fighting, not a strike
        if "strike" in found and found["strike"].strength == "weak" and (
                "protest" in found or any(c.group == "protestctx" for c in cues) and "tear gas" in text.lower()):
            del found["strike"]  # "police fired tear gas at the protesters": part of the protest
        if "violence_against_civilians" in found and "strike" in found and found["strike"].strength == "weak" and not any(
                c.group in ("weapon", "model") for c in cues):
            del found["strike"]  # "gunmen killed 12 villagers in an attack": no strike from afar
        strike = found.get("strike")
        if strike is not None and strike.strength == "weak" and "violence_against_civilians" not in found and not any(
                c.group in ("weapon", "model") for c in cues) and any(
                w in doc_text(doc)[strike.end : strike.end + 40].lower().split() for w in self.words["civilian_victims"]) and any(
                w in doc_text(doc)[s_start : strike.start].lower() for w in self.words["gunmen"]):
            found["violence_against_civilians"] = replace(strike, value="violence_against_civilians")
            del found["strike"]  # "gunmen killed 12 villagers": violence on the spot, not a strike
            strike = None
        if strike is not None and strike.strength == "weak" and "clash" not in found and not any(
                c.group in ("weapon", "model") for c in cues) and not any(
                w in text.lower() for w in self.words["air_words"]) and any(
                w in doc_text(doc)[strike.end : strike.end + 40].lower() for w in self.words["ground_objects"]):
            found["clash"] = replace(strike, value="clash")  # "units attacked Ukrainian positions"
            del found["strike"]
        return sorted(found.items(), key=lambda kv: kv[1].start)

    @staticmethod
    def interception_ok(t: Cue, cues: list[Cue], text: str, prev_weapons: list[Cue]) -> bool:
        """Downing is of things that fly: drones, missiles, rockets, aircraft."""
        flying = {"drone", "missile", "rocket", "aircraft", "guided_bomb"}
        here = any(c.group in ("weapon", "model") and (c.weapon or c.value) in flying for c in cues)
        if t.strength == "weak":
            # "Fifteen were destroyed over the Volgograd region", after a sentence about drones
            follows = any((c.weapon or c.value) in flying for c in prev_weapons) and " over " in text
            return here and "air defen" in text.lower() or follows
        return here or "air defen" in text.lower() or any((c.weapon or c.value) in flying for c in prev_weapons)

    def diplomatic_ok(self, etype: str, cues: list[Cue], actors, text: str, t: Cue | None = None,
                      doc: Doc | None = None) -> bool:
        if t is not None and doc is not None and any(
                w in doc_text(doc)[max(0, t.start - 60) : t.start].lower() for w in self.words["exhortation"]):
            return False  # "urged allies to speed up deliveries": a wish, not aid given
        parties = [a for a in actors if a.kind in ("state", "government", "official", "intl_org", "military")
                   or (a.kind == "local_official" and etype == "meeting")]
        if not parties:
            return False
        if etype == "aid":
            return any(c.group == "aidctx" for c in cues)
        if etype == "agreement":
            return any(c.group == "agreectx" for c in cues) and any(
                w in text.lower() for w in self.words["agreement_verbs"])
        if etype == "sanction":
            return any(w in text.lower() for w in self.words["sanction_verbs"])
        if etype == "meeting" and t is not None and doc is not None and t.text.lower() in self.words["bare_meet"]:
            # "to meet the needs of": a bare 'meet' needs 'with' or a party right after it
            after = doc_text(doc)[t.end : t.end + 40]
            if not after.lstrip().lower().startswith("with") and not any(t.end <= a.start <= t.end + 25 for a in actors):
                return False
        if etype == "meeting" and t is not None and doc is not None and (
                doc_text(doc)[max(0, t.start - 20) : t.start].lower().rstrip().endswith(tuple(self.words["hypothetical_before"]))
                or any(w in doc_text(doc)[max(0, t.start - 40) : t.start].lower() for w in self.words["hypothetical_near"])):
            return False  # "a date for the next meeting", "efforts to revive ceasefire talks"
        if etype == "meeting":
            # talks are held by people and delegations, not by countries as places
            people = [a for a in parties if a.kind != "state"]
            if not people and not any(w in text.lower() for w in self.words["meeting_people"]):
                return False
            return len({a.country or a.name for a in parties}) >= 2 or any(
                w in text.lower() for w in self.words["meeting_with"])
        return True

    # 2. places -------------------------------------------------------------------------
    def frames_for(self, etype, trigger, i, sents, doc, m, cues, context, parties, wars, dated, article, others=()):
        s_start, s_end = sents.bounds[i]
        actors = sents.within(m.actors, i)
        places = self.locator.places_in(sents.within(m.places, i), actors, etype, doc, context, m.attributions)
        places = nearest_event_word(places, trigger, others)
        if etype == "territory":
            places = self.taken_places(places, trigger, doc_text(doc))
        places = outside_quotes(places, trigger, doc_text(doc), s_start, s_end)
        if not places and etype == "meeting":
            landmark = self.locator.landmark_place(doc_text(doc)[s_start:s_end])
            places = [(landmark, None)] if landmark else []
        barrage = any(c.group in ("weapon", "model") for c in cues) and any(
            q.kind == "count" and q.value >= 10 for q in sents.within(m.quantities, i))
        concrete_here = any(c.group in ("killed", "injured") for c in cues) or any(
            q.kind == "count" for q in sents.within(m.quantities, i))
        if etype == "interception" or not places and etype == "strike" and concrete_here:
            # "over Russian regions": the country itself
            places = places + self.locator.demonym_places(doc_text(doc)[s_start:s_end], s_start)
        # "recaptured two villages", "after capturing the city": the places named just before
        anaphoric = etype == "territory" and any(
            w.strip(".,;") in self.locator.settlement_nouns for w in doc_text(doc)[trigger.end : trigger.end + 30].lower().split()[:3])
        # a sentence that only adds a toll ("A 64-year-old woman ... died", "there were no
        # casualties") belongs to the incident told before it, even across a paragraph break
        toll_only = trigger.strength == "weak" and any(
            c.group in ("killed", "injured") or c.group.startswith("none_") for c in cues) and not any(
            c.group in ("weapon", "model") for c in cues)
        if not places and etype not in DIPLOMATIC and etype != "territory" and not toll_only:
            # the place in a speaker's title: "Voronezh governor Alexander Gusev said"
            places = self.locator.places_in(sents.within(m.places, i), actors, etype, doc, context,
                                            m.attributions, include_spoken=True)
        if not places and etype not in DIPLOMATIC and (etype != "territory" or anaphoric) and not barrage:
            # facts that span sentences: the place named earlier in the same paragraph
            j = i - 1
            while j >= 0 and (sents.paragraph[j] == sents.paragraph[i] or toll_only) and i - j <= 3 and not places:
                places = self.locator.places_in(sents.within(m.places, j), sents.within(m.actors, j), etype, doc,
                                                context, m.attributions)
                j -= 1
        if not places and toll_only and etype not in DIPLOMATIC:
            places = self.locator.places_in(sents.within(m.places, i), actors, etype, doc, context,
                                            m.attributions, include_spoken=True)
        if etype in DIPLOMATIC and len(places) > 1:
            # talks, deals, aid and sanctions are one event whatever places the sentence names:
            # where they happen is the place after "in" or "at", else the first one
            located = [(p, sp) for p, sp in places if sp is not None and doc_text(doc)[max(0, sp.start - 4) : sp.start].strip() in ("in", "at")]
            places = (located or places)[:1]
        models = [c for c in m.cues if c.group == "model"]
        places = [(p, sp) for p, sp in places if sp is None or not any(
            c.start <= sp.start < c.end for c in models)]  # "Neptune missiles" name a weapon
        quantities = sents.within(m.quantities, i)
        killed, injured = figures.casualties(doc, s_start, s_end, quantities, cues, self.cues)
        all_weapons = figures.weapons(doc, cues, quantities)
        if others and etype in ("strike", "interception"):
            # "launched 45 drones ..., adding that 33 drones were shot down": each count goes
            # to the event word nearest it
            def gap(sp, cue: Cue) -> int:
                return max(cue.start - sp.end, sp.start - cue.end, 0)

            mine = [(w, sp) for w, sp in all_weapons if all(gap(sp, trigger) <= gap(sp, o) for o in others)]
            all_weapons = mine or all_weapons  # "shot down 17 of 24 drones that Russia launched": shared
        base = Frame(etype, trigger.subtype, trigger, (s_start, s_end), sents.paragraph[i],
                     evidence=[Span(s_start, s_end)])
        base.field_evidence["type"] = Span(trigger.start, trigger.end)
        if dated and dated[2] is not None:
            base.field_evidence["date"] = dated[2]
        source = parties.source_for(i, sents)
        if source is not None:
            source = parties.side_of(source, s_start, None, None)  # "the air force said": whose
        a1, a2, participants = parties.for_event(etype, trigger, i, sents, places, all_weapons, source)
        status = parties.status_for(etype, i, sents, source, a1, dated, trigger.subtype)
        weapons = [w for w, _ in all_weapons]
        if trigger.weapon:
            weapons.append(Weapon(trigger.weapon))
        if etype == "interception":
            weapons = [w for w in weapons if w.kind in ("drone", "missile", "aircraft", "rocket", "guided_bomb")]
            if not weapons:
                weapons = self.weapons_of_them(doc, quantities, sents, i, m)
            weapons = self.downed_of_launched(weapons, quantities, doc_text(doc))
        if etype in DIPLOMATIC or etype in ("protest", "territory", "clash"):
            weapons = [] if etype != "clash" else [w for w in weapons if w.kind in ("artillery",)][:0]
        # what was hit: target words, except inside the attacker's own name ("Russian troops shelled")
        tgt_cues = [c for c in cues if c.group == "target" and not any(
            a.start <= c.start < a.end and a.kind not in ("people",) and a.end <= trigger.start for a in actors)]
        if (killed or injured) and not any(c.group == "target" and c.value == "civilians" for c in cues) and any(
                w in doc_text(doc)[s_start:s_end].lower() for w in (" people", "civilian", "resident")):
            tgt_cues.append(Cue(s_start, s_start, "", "target", "civilians"))
        common = dict(
            actor1=a1, actor2=a2, participants=participants, source=source, status=status,
            date=dated[0] if dated else None, date_precision=dated[1] if dated else None,
            targets=figures.targets(tgt_cues) if etype in VIOLENT else (),
            weapons=figures.merge_weapons(weapons) if etype in ("strike", "interception") else (),
        )
        if etype in ("strike", "interception"):
            common["subtype"] = self.strike_subtype(common["weapons"]) if etype == "strike" else None
        if etype in VIOLENT:
            if killed:
                common.update(killed=killed.value, killed_qualifier=killed.qualifier)
                base.field_evidence["killed"] = killed.span
            if injured:
                common.update(injured=injured.value, injured_qualifier=injured.qualifier)
                base.field_evidence["injured"] = injured.span
        if not places:
            counted = any(w.count and w.count >= 10 for w in common["weapons"])
            fallback = self.locator.fallback(etype, a1, a2, wars, barrage=counted)
            # an incident with no place named still is one when the text is concrete about it
            short = len(doc_text(doc)) < self.placeless_max_chars
            concrete = (
                etype in DIPLOMATIC or etype == "protest"
                or etype in VIOLENT | {"territory"} and bool(killed or injured) and not context.places_known
                or short and (
                    trigger.strength == "strong" and (etype == "territory" or etype in VIOLENT and bool(
                        killed or injured or any(c.group in ("weapon", "model") for c in cues)))
                    or etype in VIOLENT and bool(killed or injured)))
            places = [(fallback, None)] if fallback or concrete else []
        if etype in ("meeting", "agreement") and not participants or etype in ("aid", "sanction") and a1 is None:
            return []  # diplomacy needs its parties named
        if etype == "aid" and (a2 is None or a2.country == a1.country):
            return []  # aid goes from one party to another (an agency's to the country it reaches)
        out = []
        # "41 drones, including 14 over the Bryansk region": a total and a part, even for one place
        many = len(places) > 1 or (etype in ("strike", "interception") and " including " in doc_text(doc)[s_start:s_end])
        for place, span in places:
            f = replace(base, evidence=list(base.evidence), field_evidence=dict(base.field_evidence))
            f.place = place
            f.fields = dict(common)
            if span:
                f.field_evidence["place"] = span
            if many and span is not None:
                self.split_figures(f, span, doc, quantities, cues, etype)
            self.complete(f, etype, place, parties, wars, s_start)
            out.append(f)
        totals = {w.count for w in common["weapons"] if w.count}
        if many and etype in ("strike", "interception") and totals and not totals & {
                w.count for f in out for w in f.fields.get("weapons") or () if w.count}:
            # "33 Shaheds were shot down in the Kirovohrad, Odesa and Kharkiv regions", "84 drones,
            # including 31 over the Bryansk region": the total belongs to the country, each region
            # gets its own event with its own figure, if it has one
            countries = {f.place.country for f in out if f.place}
            entry = self.locator.gazetteer.country(countries.pop()) if len(countries) == 1 else None
            if entry is not None:
                total = replace(base, evidence=list(base.evidence), field_evidence=dict(base.field_evidence))
                total.place, total.fields = entry.to_place(), dict(common)
                out.insert(0, total)
        return out

    @staticmethod
    def complete(f: Frame, etype: str, place: Place | None, parties: Parties, wars, s_start: int) -> None:
        """The fields that follow from the place: the side attacked, the attacker by the war's
        sides, the source's side; then what the sides make of the status."""
        fields = f.fields
        country = place.country if place else None
        if country and etype in VIOLENT | {"territory"} and fields.get("actor2") is None:
            a1c = fields["actor1"].country if fields.get("actor1") else None
            if a1c != country or len(wars[0].countries if wars else ()) == 1:
                fields["actor2"] = Actor(parties.country_name(country), country)
        if fields.get("source") is not None:
            fields["source"] = parties.side_of(fields["source"], s_start, country, fields.get("actor1"), etype)
        if country and etype in VIOLENT | {"territory"} and fields.get("actor1") is None:
            other = opponent_of(country, wars)
            if other is None and etype == "clash" and fields.get("actor2"):
                other = country  # "firefights between the military and al-Shabab"
            if other:
                fields["actor1"] = Actor(parties.country_name(other), other)
        source = fields.get("source")
        sides = {a.country for a in (fields.get("actor1"), fields.get("actor2")) if a}
        if etype == "clash" and fields["status"] == "occurred" and source is not None and source.kind == "military" \
                and source.side in sides:
            fields["status"] = "claimed"  # one side's army telling of its own fight
        if etype == "protest" and country and fields.get("actor1") is None:
            fields["actor1"] = Actor(f"Protesters ({parties.country_name(country)})", country)

    def taken_places(self, places, trigger: Cue, text: str):
        """What changes hands is the object of the verb: 'captured X', 'X fell to', 'X was retaken'.
        A country is never taken whole in one report."""
        out = []
        for place, span in places:
            if place is None or span is None or place.precision == "country":
                continue
            if trigger.end <= span.start <= trigger.end + 90 and not any(
                    ch in text[trigger.end : span.start] for ch in ".;"):
                out.append((place, span))
            elif span.end <= trigger.start and trigger.start - span.end <= 60 and (
                    trigger.text.lower().startswith("fell") or any(
                        w in text[span.end : trigger.start].lower().split() for w in ("was", "were", "been", "is", "are"))):
                out.append((place, span))
        return out

    @staticmethod
    def downed_of_launched(weapons: list[Weapon], quantities, text: str) -> list[Weapon]:
        """'shot down 17 of 24 drones': 17 were downed (24 is the launch, a strike's figure)."""
        out = []
        for w in weapons:
            for q in quantities:
                if w.count is not None and q.value != w.count and q.kind == "count":
                    tail = text[q.end : q.end + 12].lstrip()
                    if tail.startswith("of ") and tail[3:].lstrip().startswith(str(w.count)):
                        w = Weapon(w.kind, q.value, q.qualifier, w.model)
                        break
            out.append(w)
        return out

    def weapons_of_them(self, doc, quantities, sents, i, m) -> list[Weapon]:
        """'it intercepted 21 of them': the weapons of the sentence before, with this count."""
        if i == 0 or sents.paragraph[i - 1] != sents.paragraph[i]:
            return []
        before = [c for c in sents.within(m.cues, i - 1) if c.group in ("weapon", "model")]
        if not before:
            return []
        kind = before[-1].weapon or before[-1].value
        for q in quantities:
            if q.kind == "count" and doc_text(doc)[q.end : q.end + 9].lstrip().startswith(("of them", "of these", "of those")):
                return [Weapon(kind, q.value, q.qualifier)]
        return [Weapon(kind)]

    def split_figures(self, f: Frame, place_span: Span, doc, quantities, cues, etype) -> None:
        """In a list of places, each place takes the figures of its own clause:
        'one airstrike on Haris killed five ... while another on Tallousa killed four'."""
        s_start, s_end = f.sentence
        lo, hi = figures.clause_around(doc_text(doc), s_start, s_end, place_span, self.words["clause_breaks"])
        counts = [q for q in quantities if q.kind == "count"]
        near = None
        for q in counts:
            if 0 <= place_span.start - q.end <= 30 and q.start >= lo:
                near = q
        if etype == "interception" and f.fields.get("weapons"):
            w = f.fields["weapons"][0]
            f.fields["weapons"] = (Weapon(w.kind, near.value if near else None, near.qualifier if near else "exact", w.model),)
            return
        if etype not in VIOLENT:
            return
        in_clause = [c for c in cues if lo <= c.start < hi]
        killed, injured = figures.casualties(doc, lo, hi, [q for q in quantities if lo <= q.start < hi],
                                             in_clause, self.cues)
        if near is None and re.search(r"\b(?:another|one)\b", doc_text(doc)[max(s_start, lo - 12) : place_span.start].lower()):
            near = figures.Quantity(lo, place_span.start, "one", 1, "exact", "count", False)
        if killed is None and injured is None and near is not None:
            # "two civilians were killed — one in Sloviansk and another in Chernihiv"
            field = "killed" if f.fields.get("killed") is not None else "injured" if f.fields.get("injured") is not None else None
            if field:
                f.fields[field], f.fields[field + "_qualifier"] = near.value, near.qualifier
                other = "injured" if field == "killed" else "killed"
                f.fields[other] = f.fields[other + "_qualifier"] = None
            return
        for name, fig in (("killed", killed), ("injured", injured)):
            f.fields[name] = fig.value if fig else None
            f.fields[name + "_qualifier"] = fig.qualifier if fig else None
            if fig:
                f.field_evidence[name] = fig.span
            else:
                f.field_evidence.pop(name, None)

    @staticmethod
    def strike_subtype(weapons: tuple[Weapon, ...]) -> str | None:
        kinds = {w.kind for w in weapons}
        mapping = {"drone": "drone", "missile": "missile", "aircraft": "air", "guided_bomb": "air",
                   "artillery": "artillery", "rocket": "artillery"}
        subs = {mapping[k] for k in kinds if k in mapping}
        if len(subs) == 1:
            return subs.pop()
        return "mixed" if subs else None

    def finish(self, article: Article, f: Frame) -> Event:
        fields = f.fields
        return Event(
            article=article.id,
            type=f.type,
            subtype=fields.get("subtype", f.subtype) if f.type not in DIPLOMATIC else f.subtype,
            date=fields.get("date"),
            date_precision=fields.get("date_precision"),
            place=f.place,
            actor1=fields.get("actor1"),
            actor2=fields.get("actor2"),
            participants=tuple(fields.get("participants") or ()),
            targets=tuple(fields.get("targets") or ()),
            killed=fields.get("killed"),
            killed_qualifier=fields.get("killed_qualifier"),
            injured=fields.get("injured"),
            injured_qualifier=fields.get("injured_qualifier"),
            weapons=tuple(fields.get("weapons") or ()),
            status=fields.get("status") or "occurred",
            source=fields.get("source"),
            evidence=tuple(f.evidence),
            field_evidence=tuple(sorted(f.field_evidence.items())),
        )



def nearest_event_word(places, trigger: Cue, others: list[Cue]):
    """'Drone strike on a market kills 16 as RSF claims capture of Babanusa': with two events
    in one sentence, each place goes to the event word nearest it."""
    if not others or len(places) < 2:
        return places

    def gap(span, cue: Cue) -> int:
        return max(cue.start - span.end, span.start - cue.end, 0)

    return [(p, sp) for p, sp in places if sp is None or all(gap(sp, trigger) <= gap(sp, o) for o in others)]


def outside_quotes(places, trigger: Cue, text: str, s_start: int, s_end: int):
    """A place inside a quotation the event word is not part of is what someone said, not where."""
    if not places or not any(q in text[s_start:s_end] for q in ('"', "“", "”")):
        return places
    quotes = []
    opened = None
    for k in range(s_start, s_end):
        ch = text[k]
        if ch == "“" or (ch == '"' and opened is None):
            opened = k
        elif (ch == "”" or ch == '"') and opened is not None:
            quotes.append((opened, k))
            opened = None
    if not quotes:
        return places
    out = []
    for place, span in places:
        inside = [q for q in quotes if span is not None and q[0] < span.start < q[1]]
        if inside and not any(q[0] < trigger.start < q[1] for q in inside):
            continue
        out.append((place, span))
    return out


__all__ = ["EventAssembler", "FAMILY"]
