"""The tables: articles, reports (one extracted event each), incidents and their figures.

A report keeps its event's every field: scalar fields as columns (so that ``warwire
events`` filters with indexes), lists and nested records as JSON, and the text of its
evidence sentences (``evidence_text``) for text search without the article. The source's
name, side and kind are columns too, for filtering and for the ``sources`` view.
Places, actors and sources are views over the reports: they are facts of the reports,
never edited on their own, so a view cannot drift from them.

The tables here are the current schema; :mod:`~warwire.store.migrations` creates and
changes them (a change to a model needs a new migration).
"""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    """One article, stored once: its text and metadata, and a hash to see it change."""

    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(512), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date, index=True)
    language: Mapped[str] = mapped_column(String(16))
    conflict: Mapped[str | None] = mapped_column(String(64), index=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    origin: Mapped[str] = mapped_column(Text, default="")
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class IncidentRow(Base):
    """Reports of one incident, linked; place fields are those of its best-placed report."""

    __tablename__ = "incidents"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    type: Mapped[str] = mapped_column(String(64), index=True)
    family: Mapped[str] = mapped_column(String(64))
    date_low: Mapped[date | None] = mapped_column(Date, index=True)
    date_high: Mapped[date | None] = mapped_column(Date)
    place_name: Mapped[str | None] = mapped_column(Text)
    place_admin1: Mapped[str | None] = mapped_column(String(16))
    place_country: Mapped[str | None] = mapped_column(String(8))
    place_lat: Mapped[float | None] = mapped_column(Float)
    place_lon: Mapped[float | None] = mapped_column(Float)
    place_precision: Mapped[str | None] = mapped_column(String(16))
    report_count: Mapped[int] = mapped_column(Integer, default=0)
    killed_low: Mapped[int | None] = mapped_column(Integer)
    killed_best: Mapped[int | None] = mapped_column(Integer)
    killed_high: Mapped[int | None] = mapped_column(Integer)
    injured_low: Mapped[int | None] = mapped_column(Integer)
    injured_best: Mapped[int | None] = mapped_column(Integer)
    injured_high: Mapped[int | None] = mapped_column(Integer)


class ReportRow(Base):
    """One extracted event of one article, with its evidence."""

    __tablename__ = "reports"
    __table_args__ = (
        Index("ix_reports_type_date", "type", "date"),
        Index("ix_reports_country_date", "place_country", "date"),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    #: order of the event in its article
    seq: Mapped[int] = mapped_column(Integer, default=0)
    type: Mapped[str] = mapped_column(String(64))
    subtype: Mapped[str | None] = mapped_column(String(64))
    date: Mapped[date | None] = mapped_column(Date, index=True)
    date_precision: Mapped[str | None] = mapped_column(String(16))
    place_name: Mapped[str | None] = mapped_column(Text)
    place_admin1: Mapped[str | None] = mapped_column(String(16), index=True)
    place_country: Mapped[str | None] = mapped_column(String(8))
    place_lat: Mapped[float | None] = mapped_column(Float)
    place_lon: Mapped[float | None] = mapped_column(Float)
    place_precision: Mapped[str | None] = mapped_column(String(16))
    place_ref: Mapped[str | None] = mapped_column(String(64))
    actor1: Mapped[Any] = mapped_column(JSON, nullable=True)
    actor2: Mapped[Any] = mapped_column(JSON, nullable=True)
    participants: Mapped[Any] = mapped_column(JSON, default=list)
    targets: Mapped[Any] = mapped_column(JSON, default=list)
    weapons: Mapped[Any] = mapped_column(JSON, default=list)
    source: Mapped[Any] = mapped_column(JSON, nullable=True)
    evidence: Mapped[Any] = mapped_column(JSON, default=list)
    field_evidence: Mapped[Any] = mapped_column(JSON, default=dict)
    actor1_name: Mapped[str | None] = mapped_column(Text)
    actor1_country: Mapped[str | None] = mapped_column(String(8))
    actor2_name: Mapped[str | None] = mapped_column(Text)
    actor2_country: Mapped[str | None] = mapped_column(String(8))
    #: lower-cased names and countries of every actor, ``|``-separated, for the actor filter
    actor_keys: Mapped[str] = mapped_column(Text, default="")
    evidence_text: Mapped[str] = mapped_column(Text, default="")
    killed: Mapped[int | None] = mapped_column(Integer, index=True)
    killed_qualifier: Mapped[str | None] = mapped_column(String(16))
    injured: Mapped[int | None] = mapped_column(Integer)
    injured_qualifier: Mapped[str | None] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(32))
    source_name: Mapped[str | None] = mapped_column(Text)
    source_side: Mapped[str | None] = mapped_column(String(8))
    source_kind: Mapped[str | None] = mapped_column(String(32))
    incident_id: Mapped[str | None] = mapped_column(ForeignKey("incidents.id", ondelete="SET NULL"), index=True)


# the order ``warwire events`` lists in: newest first (undated last), then as the article tells
# them; SQLite sorts NULL lowest and cannot say NULLS LAST in an index, PostgreSQL must
Index("ix_reports_listing", ReportRow.date.desc(), ReportRow.article_id, ReportRow.seq).ddl_if(dialect="sqlite")
Index("ix_reports_listing_pg", ReportRow.date.desc().nulls_last(), ReportRow.article_id,
      ReportRow.seq).ddl_if(dialect="postgresql")


class FigureRow(Base):
    """One source's figure for an incident: killed 4 per the regional governor."""

    __tablename__ = "incident_figures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    incident_id: Mapped[str] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(16))
    value: Mapped[int] = mapped_column(Integer)
    qualifier: Mapped[str] = mapped_column(String(16))
    source: Mapped[str | None] = mapped_column(Text)
    side: Mapped[str | None] = mapped_column(String(8))
    report_id: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(32))


#: views over the reports: every distinct place, actor and source they name
VIEWS: dict[str, str] = {
    "places": (
        "SELECT DISTINCT place_name AS name, place_country AS country, place_admin1 AS admin1_iso, "
        "place_precision AS precision FROM reports WHERE place_name IS NOT NULL"
    ),
    "sources": (
        "SELECT DISTINCT source_name AS name, source_side AS side, source_kind AS kind "
        "FROM reports WHERE source_name IS NOT NULL"
    ),
    "actors": (
        "SELECT actor1_name AS name, actor1_country AS country FROM reports WHERE actor1_name IS NOT NULL "
        "UNION SELECT actor2_name, actor2_country FROM reports WHERE actor2_name IS NOT NULL"
    ),
}
