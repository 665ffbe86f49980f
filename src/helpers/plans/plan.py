"""The built plan and its exports: CSV, iCalendar and a printable HTML table."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from helpers.plans.spec import PlanSpec


@dataclass
class Plan:
    """A built plan: ``sessions`` (one row per session), ``weeks`` (one row per week),
    ``warnings`` (sentences a coach can act on) and ``assumptions`` (what the builder assumed:
    the VDOT without a race, the current long run, where a log's numbers came from)."""

    spec: PlanSpec
    sessions: pd.DataFrame
    weeks: pd.DataFrame
    warnings: list[str] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)

    def to_csv(self, path) -> Path:
        """Write the sessions as CSV (exercises joined with "; ") and return the path."""
        path = Path(path)
        table = self.sessions.copy()
        table["muscle_groups"] = table["muscle_groups"].map(" ".join)
        table["exercises"] = table["exercises"].map("; ".join)
        table.to_csv(path, index=False)
        return path

    def to_ics(self, path) -> Path:
        """Write every session as an all-day calendar event (iCalendar, RFC 5545)."""
        from icalendar import Calendar, Event

        cal = Calendar()
        cal.add("prodid", "-//Stronger Miles//marathon plan//EN")
        cal.add("version", "2.0")
        cal.add("x-wr-calname", f"Marathon plan to {self.spec.race_date.isoformat()}")
        # a fixed stamp (the plan's first day), so the same spec writes the same bytes
        first = self.sessions["date"].iloc[0]
        stamp = dt.datetime(first.year, first.month, first.day, tzinfo=dt.UTC)
        for i, row in enumerate(self.sessions.itertuples()):
            event = Event()
            event.add("uid", f"{self.spec.race_date.isoformat()}-{i:04d}@stronger-miles")
            event.add("dtstamp", stamp)
            event.add("dtstart", row.date)
            event.add("dtend", row.date + dt.timedelta(days=1))
            event.add("summary", row.title)
            event.add("description", _describe(row))
            cal.add_component(event)
        path = Path(path)
        path.write_bytes(cal.to_ical())
        return path

    def to_html(self) -> str:
        """The plan as a printable HTML table, one row per session (all text escaped), with the
        one style rule it needs, so it reads the same in JupyterLab, the site and a saved file."""
        head = ["date", "week", "phase", "session", "details"]
        rows = []
        for row in self.sessions.itertuples():
            cells = [row.date.isoformat(), str(row.week), row.phase, row.title, _describe(row)]
            rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
        title = html.escape(
            f"Marathon plan: {self.spec.label()}, race {self.spec.race_date.isoformat()}"
        )
        return (
            f"<style>table.sm-plan :is(td, th) {{text-align: left; vertical-align: top}}</style>\n"
            f'<table class="sm-plan"><caption>{title}</caption>\n<thead><tr>'
            + "".join(f"<th>{h}</th>" for h in head)
            + "</tr></thead>\n<tbody>\n"
            + "\n".join(rows)
            + "\n</tbody></table>"
        )


def _describe(row) -> str:
    if row.kind == "run":
        return (
            f"{row.distance_km:.1f} km, about {row.duration_min:.0f} min, RPE {row.rpe:g}: "
            f"{row.details}"
        )
    return f"{row.duration_min:.0f} min, RPE {row.rpe:g}: " + "; ".join(row.exercises)
