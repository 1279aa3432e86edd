"""A Rich table of events, readable in a terminal."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table

from warwire.models import Event

#: short columns that read badly when folded
NO_WRAP = frozenset({"date", "killed", "injured", "status"})
STATUS_STYLE = {"occurred": "green", "claimed": "yellow", "unverified": "magenta", "planned": "cyan"}


def _figure(value: int | None, qualifier: str | None) -> str:
    if value is None:
        return ""
    prefix = {"at_least": "≥", "more_than": ">", "about": "~", "up_to": "≤"}.get(qualifier or "", "")
    return f"{prefix}{value}"


def events_table(events: list[Event], title: str | None = None) -> Table:
    table = Table(title=title, show_lines=False, expand=False)
    for col in ("article", "date", "type", "place", "actors", "killed", "injured", "weapons", "status", "source"):
        table.add_column(col, overflow="fold", no_wrap=col in NO_WRAP)
    for e in events:
        place = ""
        if e.place:
            place = e.place.name + (f" ({e.place.admin1_iso or e.place.country})" if e.place.precision == "place" else "")
        actors = " → ".join(a.name for a in (e.actor1, e.actor2) if a)
        if e.participants:
            actors = ", ".join(p.name for p in e.participants)
        weapons = ", ".join(f"{_figure(w.count, w.qualifier)} {w.model or w.kind}".strip() for w in e.weapons)
        table.add_row(
            e.article,
            e.date.isoformat() if e.date else "",
            e.type + (f"/{e.subtype}" if e.subtype else ""),
            place,
            actors,
            _figure(e.killed, e.killed_qualifier),
            _figure(e.injured, e.injured_qualifier),
            weapons,
            f"[{STATUS_STYLE.get(e.status, 'white')}]{e.status}[/]",
            e.source.name if e.source else "",
        )
    return table


def print_table(events: list[Event], console: Console | None = None, title: str | None = None) -> None:
    (console or Console()).print(events_table(events, title))
