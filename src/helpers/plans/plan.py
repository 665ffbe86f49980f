"""The built plan and its exports: CSV, iCalendar and a printable HTML table."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from helpers.plans.spec import PlanSpec

#: Said by every export of a plan.
CAVEAT = "A draft from simple rules, not checked by a coach."


@dataclass
class Plan:
    """A built plan: ``sessions`` (one row per session), ``weeks`` (one row per week),
    ``findings`` (the coach's check, :func:`helpers.plans.check`), ``warnings`` (the findings
    as sentences) and ``assumptions`` (what the builder assumed: effort instead of paces
    without a race, the current long run, where a log's numbers came from)."""

    spec: PlanSpec
    sessions: pd.DataFrame
    weeks: pd.DataFrame
    warnings: list[str] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)
    findings: pd.DataFrame | None = None
    #: the longest run the runner does now [km] (given or assumed): the check's start
    current_long_run_km: float | None = None
    #: True when paces come from a performance (a race, time trial or the log's best efforts)
    paces_grounded: bool | None = None

    def notes(self) -> list[str]:
        """What every export says first: the caveat, the warnings and the assumptions."""
        return (
            [CAVEAT]
            + [f"Warning: {w}" for w in self.warnings]
            + [f"Assumption: {a}" for a in self.assumptions]
        )

    def to_csv(self, path) -> Path:
        """Write the sessions as CSV (exercises joined with "; ") and return the path; the
        caveat, warnings and assumptions come first as lines starting with "# " (read it back
        with ``pandas.read_csv(path, comment="#")``)."""
        path = Path(path)
        table = self.sessions.copy()
        table["muscle_groups"] = table["muscle_groups"].map(" ".join)
        table["exercises"] = table["exercises"].map("; ".join)
        table["exercise_ids"] = table["exercise_ids"].map(" ".join)
        head = "".join(f"# {line}\n" for line in self.notes())
        path.write_text(head + table.to_csv(index=False), encoding="utf-8")
        return path

    def to_ics(self, path) -> Path:
        """Write every session as an all-day calendar event (iCalendar, RFC 5545)."""
        from icalendar import Calendar, Event, vText

        cal = Calendar()
        cal.add("prodid", "-//Stronger Miles//marathon plan//EN")
        cal.add("version", "2.0")
        cal.add("x-wr-calname", f"Marathon plan to {self.spec.race_date.isoformat()}")
        notes = "\n".join(self.notes())
        cal.add("x-wr-caldesc", vText(notes))
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
            text = _describe(row)
            event.add("description", f"{notes}\n\n{text}" if i == 0 else text)
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
        notes = "".join(f"<li>{html.escape(n)}</li>" for n in self.notes())
        return (
            f"<style>table.sm-plan :is(td, th) {{text-align: left; vertical-align: top}}\n"
            ".sm-plan-notes {border: 2px solid #b45309; padding: 0.5em 1em; margin: 0 0 1em}"
            "</style>\n"
            f'<div class="sm-plan-notes" role="note"><ul>{notes}</ul></div>\n'
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
