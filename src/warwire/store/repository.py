"""Reading and writing the store: articles with their reports, incidents, queries.

Plain functions over a SQLAlchemy :class:`~sqlalchemy.orm.Session`, so that the CLI, the
tests and the benchmarks share one way in. Each write is one transaction:

* :func:`store_article` stores an article and its reports at once, or not at all. It is
  idempotent: an article whose id and content hash are stored already is ``unchanged``;
  one whose text or metadata changed has its reports replaced (``updated``).
* :func:`relink` recomputes incidents with :func:`warwire.link.link_reports`. A report not
  yet in an incident is *pending*; ``scope="pending"`` relinks every report dated within
  :data:`RELINK_WINDOW` of a pending one (plus every report of an incident that touches
  that window, and every undated report when a pending one is undated), ``scope="all"``
  relinks everything. Pending state lives in the database, so a run killed after storing
  articles but before linking them is completed by the next run.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import Select, delete, func, insert, or_, select, update
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session, SessionTransaction

from warwire.link.records import Figure, Incident, Report
from warwire.models import Actor, Article, Event, Place, Source, Span, Weapon
from warwire.store.schema import ArticleRow, FigureRow, IncidentRow, ReportRow

#: how far from a pending report's date other reports are relinked with it (a month covers
#: the widest date precision the linker matches on)
RELINK_WINDOW = timedelta(days=31)
#: finer first: the place an incident takes from its reports
_PRECISION_RANK = {"place": 0, "admin1": 1, "country": 2}

Linker = Callable[[Sequence[Report]], list[Incident]]


def content_hash(article: Article) -> str:
    """SHA-256 of everything of an article that extraction reads: text and metadata."""
    key = json.dumps([article.text, article.title, article.url,
                      article.published.isoformat() if article.published else None,
                      article.language, article.conflict], ensure_ascii=False)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def make_reports(article: Article, events: Sequence[Event]) -> list[Report]:
    """The reports of an article's events, with ids unique in the article.

    Ids are :meth:`Report.make_id`; two events with the same type, evidence and place (rare)
    get ``_2``, ``_3`` in the order the extractor gives them, which is deterministic.
    """
    seen: dict[str, int] = {}
    reports = []
    for ev in events:
        report = replace(Report.of(ev, url=article.url, title=article.title, published=article.published),
                         evidence_text=evidence_text(ev, article.text))
        n = seen.get(report.id, 0) + 1
        seen[report.id] = n
        if n > 1:
            report = replace(report, id=f"{report.id}_{n}")
        reports.append(report)
    return reports


def evidence_text(event: Event, text: str) -> str:
    """The text of an event's evidence sentences, joined by `` … ``."""
    return " … ".join(text[s.start:s.end].strip() for s in event.evidence)


def store_article(session: Session, article: Article, events: Sequence[Event]) -> str:
    """Store one article and its events in one transaction: ``new``, ``unchanged`` or ``updated``.

    A transaction the caller left open (a read) is committed first; this one is separate.
    """
    digest = content_hash(article)
    with _begin(session):
        stored = session.execute(select(ArticleRow.content_hash).where(ArticleRow.id == article.id)).first()
        if stored is not None and stored[0] == digest:
            return "unchanged"
        values = {
            "text": article.text, "title": article.title, "url": article.url, "published": article.published,
            "language": article.language, "conflict": article.conflict, "content_hash": digest,
            "origin": article.origin, "ingested_at": datetime.now(timezone.utc),
        }
        if stored is None:
            session.execute(insert(ArticleRow).values(id=article.id, **values))
        else:
            _drop_reports(session, article.id)
            session.execute(update(ArticleRow).where(ArticleRow.id == article.id).values(**values))
        rows = [report_values(r, article.text, seq) for seq, r in enumerate(make_reports(article, events))]
        if rows:
            session.execute(insert(ReportRow), rows)
        return "new" if stored is None else "updated"


def _begin(session: Session) -> SessionTransaction:
    """A new transaction on ``session``, ending the read transaction the caller may have left open."""
    if session.in_transaction():
        session.commit()
    return session.begin()


def _drop_reports(session: Session, article_id: str) -> None:
    """Delete an article's reports and the incidents they were in (their other reports become pending)."""
    touched = select(ReportRow.incident_id).distinct().where(ReportRow.article_id == article_id,
                                                             ReportRow.incident_id.is_not(None))
    _drop_incidents(session, list(session.execute(touched).scalars()))
    session.execute(delete(ReportRow).where(ReportRow.article_id == article_id))


def _drop_incidents(session: Session, ids: Sequence[str]) -> None:
    for chunk in _chunks(ids):
        session.execute(update(ReportRow).where(ReportRow.incident_id.in_(chunk)).values(incident_id=None))
        session.execute(delete(FigureRow).where(FigureRow.incident_id.in_(chunk)))
        session.execute(delete(IncidentRow).where(IncidentRow.id.in_(chunk)))


def report_values(report: Report, text: str, seq: int = 0) -> dict[str, Any]:
    """The column values of one report (``text``: its article's text, for the evidence)."""
    ev = report.event
    d = ev.to_dict()
    place = ev.place
    actors = [a for a in (ev.actor1, ev.actor2, *ev.participants) if a is not None]
    keys = "|" + "|".join(k.lower() for a in actors for k in (a.name, a.country) if k) + "|" if actors else ""
    return {
        "id": report.id, "article_id": ev.article, "seq": seq, "type": ev.type, "subtype": ev.subtype,
        "date": ev.date, "date_precision": ev.date_precision if ev.date else None,
        "place_name": place.name if place else None, "place_admin1": place.admin1_iso if place else None,
        "place_country": place.country if place else None, "place_lat": place.lat if place else None,
        "place_lon": place.lon if place else None, "place_precision": place.precision if place else None,
        "place_ref": place.ref if place else None,
        "actor1": d["actor1"], "actor2": d["actor2"], "participants": d["participants"], "targets": d["targets"],
        "weapons": d["weapons"], "source": d["source"], "evidence": d["evidence"],
        "field_evidence": d["field_evidence"],
        "actor1_name": ev.actor1.name if ev.actor1 else None, "actor1_country": ev.actor1.country if ev.actor1 else None,
        "actor2_name": ev.actor2.name if ev.actor2 else None, "actor2_country": ev.actor2.country if ev.actor2 else None,
        "actor_keys": keys,
        "evidence_text": report.evidence_text if report.evidence_text is not None else evidence_text(ev, text),
        "killed": ev.killed, "killed_qualifier": d["killed_qualifier"], "injured": ev.injured,
        "injured_qualifier": d["injured_qualifier"], "status": ev.status,
        "source_name": ev.source.name if ev.source else None, "source_side": ev.source.side if ev.source else None,
        "source_kind": ev.source.kind if ev.source else None, "incident_id": None,
    }


# -- reading reports back --------------------------------------------------------------

def _report_select() -> Select[Any]:
    """Report columns with their article's url, title and date (plain rows: no ORM identity map to fill)."""
    return select(*ReportRow.__table__.columns, ArticleRow.url, ArticleRow.title, ArticleRow.published).join(
        ArticleRow, ArticleRow.id == ReportRow.article_id)


def _actor(value: Mapping[str, Any] | None) -> Actor | None:
    return Actor(value["name"], value.get("country")) if value else None


def report_from_row(row: Any) -> Report:
    """The :class:`Report` a row of :func:`_report_select` holds."""
    place = None
    if row.place_name is not None:
        place = Place(row.place_name, row.place_country, row.place_admin1, row.place_lat, row.place_lon,
                      row.place_precision or "place", row.place_ref)
    src = row.source
    event = Event(
        article=row.article_id, type=row.type, subtype=row.subtype, date=row.date, date_precision=row.date_precision,
        place=place, actor1=_actor(row.actor1), actor2=_actor(row.actor2),
        participants=tuple(a for a in map(_actor, row.participants or ()) if a is not None),
        targets=tuple(row.targets or ()), killed=row.killed, killed_qualifier=row.killed_qualifier,
        injured=row.injured, injured_qualifier=row.injured_qualifier,
        weapons=tuple(Weapon(**w) for w in row.weapons or ()), status=row.status,
        source=Source(src["name"], src.get("side"), src.get("kind", "media")) if src else None,
        evidence=tuple(Span(s["start"], s["end"]) for s in row.evidence or ()),
        field_evidence=tuple((k, Span(v["start"], v["end"])) for k, v in (row.field_evidence or {}).items()),
    )
    return Report(row.id, event, row.url, row.title, row.published, row.evidence_text)


def load_reports(session: Session, ids: Iterable[str] | None = None) -> dict[str, Report]:
    """Stored reports by id: those in ``ids``, or all of them; in article and event order."""
    out: dict[str, Report] = {}
    order = (ReportRow.article_id, ReportRow.seq)
    if ids is None:
        for row in session.execute(_report_select().order_by(*order)):
            out[row.id] = report_from_row(row)
        return out
    for chunk in _chunks(list(ids)):
        for row in session.execute(_report_select().where(ReportRow.id.in_(chunk))):
            out[row.id] = report_from_row(row)
    return out


# -- linking --------------------------------------------------------------------------

def relink(session: Session, *, scope: str = "pending", linker: Linker | None = None) -> int:
    """Recompute incidents over the reports in ``scope`` (see the module); the number written.

    The whole relink is one transaction (a transaction the caller left open is committed first).
    """
    if scope not in ("pending", "all"):
        raise ValueError(f"scope must be 'pending' or 'all', got {scope!r}")
    if linker is None:
        from warwire.link import link_reports as linker
    with _begin(session):
        if scope == "all":
            ids = list(session.execute(select(ReportRow.id)).scalars())
            old = list(session.execute(select(IncidentRow.id)).scalars())
        else:
            ids, old = _pending_scope(session)
        if not ids:
            return 0
        reports = load_reports(session, ids)
        incidents = linker(sorted(reports.values(), key=lambda r: r.id))
        _drop_incidents(session, sorted(set(old) | {i.id for i in incidents}))
        _write_incidents(session, incidents, reports)
        return len(incidents)


def _pending_scope(session: Session) -> tuple[list[str], list[str]]:
    """The report ids to relink for the pending reports, and the incidents they replace."""
    pend = session.execute(select(func.min(ReportRow.date), func.max(ReportRow.date),
                                  func.count(), func.count(ReportRow.date))
                           .where(ReportRow.incident_id.is_(None))).one()
    low, high, n_pending, n_dated = pend
    if not n_pending:
        return [], []
    conds = []
    if n_dated:
        conds.append(ReportRow.date.between(low - RELINK_WINDOW, high + RELINK_WINDOW))
    if n_dated < n_pending:
        conds.append(ReportRow.date.is_(None))
    conds.append(ReportRow.incident_id.is_(None))
    window = or_(*conds)
    old = list(session.execute(select(ReportRow.incident_id).distinct()
                               .where(window, ReportRow.incident_id.is_not(None))).scalars())
    ids = set(session.execute(select(ReportRow.id).where(window)).scalars())
    for chunk in _chunks(old):
        ids.update(session.execute(select(ReportRow.id).where(ReportRow.incident_id.in_(chunk))).scalars())
    return sorted(ids), old


def _write_incidents(session: Session, incidents: Sequence[Incident], reports: Mapping[str, Report]) -> None:
    rows, figures, links = [], [], []
    for inc in incidents:
        members = [reports[r] for r in inc.report_ids if r in reports]
        place = _best_place(members)
        rows.append({
            "id": inc.id, "type": inc.type, "family": inc.family, "date_low": inc.date_low,
            "date_high": inc.date_high, "place_name": place.name if place else None,
            "place_admin1": place.admin1_iso if place else None, "place_country": place.country if place else None,
            "place_lat": place.lat if place else None, "place_lon": place.lon if place else None,
            "place_precision": place.precision if place else None, "report_count": len(inc.report_ids),
            "killed_low": inc.killed_low, "killed_best": inc.killed_best, "killed_high": inc.killed_high,
            "injured_low": inc.injured_low, "injured_best": inc.injured_best, "injured_high": inc.injured_high,
        })
        figures.extend({"incident_id": inc.id, **asdict(f)} for f in inc.figures)
        links.extend({"id": r, "incident_id": inc.id} for r in inc.report_ids if r in reports)
    if rows:
        session.execute(insert(IncidentRow), rows)
    if figures:
        session.execute(insert(FigureRow), figures)
    if links:
        session.execute(update(ReportRow), links)


def _best_place(reports: Sequence[Report]) -> Place | None:
    placed = [r.event.place for r in reports if r.event.place is not None]
    if not placed:
        return None
    return min(placed, key=lambda p: (_PRECISION_RANK.get(p.precision, 3), p.lat is None))


def load_incidents(session: Session, *, since: date | None = None, until: date | None = None) -> list[Incident]:
    """Stored incidents (those whose dates overlap ``since``..``until``), by date then id."""
    query = select(IncidentRow)
    if since is not None:
        query = query.where(or_(IncidentRow.date_high >= since, IncidentRow.date_high.is_(None)))
    if until is not None:
        query = query.where(or_(IncidentRow.date_low <= until, IncidentRow.date_low.is_(None)))
    rows = list(session.execute(query).scalars())
    members: dict[str, list[str]] = {}
    figures: dict[str, list[Figure]] = {}
    for chunk in _chunks([r.id for r in rows]):
        for rid, iid in session.execute(select(ReportRow.id, ReportRow.incident_id)
                                        .where(ReportRow.incident_id.in_(chunk))
                                        .order_by(ReportRow.article_id, ReportRow.seq)):
            members.setdefault(iid, []).append(rid)
        for f in session.execute(select(FigureRow).where(FigureRow.incident_id.in_(chunk))
                                 .order_by(FigureRow.id)).scalars():
            figures.setdefault(f.incident_id, []).append(
                Figure(f.field, f.value, f.qualifier, f.source, f.side, f.report_id, f.status))
    out = [
        Incident(r.id, r.type, r.family, tuple(members.get(r.id, ())), r.date_low, r.date_high,
                 tuple(figures.get(r.id, ())), r.killed_low, r.killed_best, r.killed_high,
                 r.injured_low, r.injured_best, r.injured_high)
        for r in rows
    ]
    return sorted(out, key=lambda i: (i.date_low or date.min, i.id))


# -- queries --------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class EventFilters:
    """What ``warwire events`` asks for; every field is optional."""

    since: date | None = None
    until: date | None = None
    type: str | None = None
    country: str | None = None
    admin1: str | None = None
    #: an actor's name (any part, any case) or country code
    actor: str | None = None
    min_killed: int | None = None
    status: str | None = None
    #: words in the evidence sentences (any case)
    text: str | None = None
    limit: int | None = 100


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """A stored report and the incident it is linked into."""

    report: Report
    incident_id: str | None

    def to_dict(self) -> dict[str, Any]:
        """The event's JSON object (ANNOTATION.md) with the report and incident ids and the article's url."""
        return {"id": self.report.id, "incident": self.incident_id, **self.report.event.to_dict(),
                "url": self.report.article_url}


def query_events(session: Session, filters: EventFilters) -> list[StoredEvent]:
    """Stored reports matching ``filters``, newest first."""
    query = _report_select()
    f = filters
    if f.since is not None:
        query = query.where(ReportRow.date >= f.since)
    if f.until is not None:
        query = query.where(ReportRow.date <= f.until)
    if f.type:
        query = query.where(ReportRow.type.in_([t.strip() for t in f.type.split(",") if t.strip()]))
    if f.country:
        query = query.where(ReportRow.place_country == f.country.upper())
    if f.admin1:
        query = query.where(ReportRow.place_admin1 == f.admin1.upper())
    if f.status:
        query = query.where(ReportRow.status == f.status)
    if f.min_killed is not None:
        query = query.where(ReportRow.killed >= f.min_killed)
    if f.actor:
        needle = f.actor.strip().lower()
        cond = ReportRow.actor_keys.contains(f"|{needle}|", autoescape=True)
        if len(needle) > 2:
            cond = or_(cond, ReportRow.actor_keys.contains(needle, autoescape=True))
        query = query.where(cond)
    if f.text:
        if session.get_bind().dialect.name == "sqlite":  # SQLite's LIKE ignores (ASCII) case already
            if len(f.text) >= 3:  # the trigram index narrows, LIKE keeps the exact meaning
                phrase = '"' + f.text.replace('"', '""') + '"'
                query = query.where(sql_text("reports.rowid IN (SELECT rowid FROM reports_fts "
                                             "WHERE reports_fts MATCH :phrase)").bindparams(phrase=phrase))
            query = query.where(ReportRow.evidence_text.contains(f.text, autoescape=True))
        else:
            query = query.where(ReportRow.evidence_text.icontains(f.text, autoescape=True))
    query = query.order_by(ReportRow.date.desc().nulls_last(), ReportRow.article_id, ReportRow.seq)
    if f.limit is not None:
        query = query.limit(f.limit)
    return [StoredEvent(report_from_row(row), row.incident_id) for row in session.execute(query)]


def latest_date(session: Session) -> date | None:
    """The day a brief is for, by default: of the last three days up to the newest article (a
    talk planned for next week is no news yet), the one with the most events -- a morning's
    reports are mostly about the day and night before."""
    newest = session.execute(select(func.max(ArticleRow.published))).scalar()
    if newest is None:
        return session.execute(select(func.max(ReportRow.date))).scalar()
    rows = session.execute(
        select(ReportRow.date, func.count()).where(ReportRow.date <= newest, ReportRow.date >= newest - timedelta(days=2))
        .group_by(ReportRow.date)).all()
    if not rows:
        return session.execute(select(func.max(ReportRow.date)).where(ReportRow.date <= newest)).scalar()
    return max(rows, key=lambda r: (r[1], r[0]))[0]


def _chunks(items: Sequence[str], size: int = 500) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]
