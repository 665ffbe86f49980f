"""Exercise cards with their drawings, ladders, the warm-up and the gym sheet, as HTML.

Each function returns an :class:`HtmlCard`: JupyterLab, the site and the browser edition show
its HTML (inline SVG drawings, inline styles, no JavaScript); ``print()`` shows the plain text.
The printable page of every card (``exercise-cards.html``) is built from the same functions by
:mod:`helpers.publish.cards`.
"""

from __future__ import annotations

from html import escape

import pandas as pd

from helpers.exercises import _exercise_row, progression_chain
from helpers.exercises import exercise_card as text_card
from helpers.figures.drawings import pose_pair_svg
from helpers.poses import load_poses
from helpers.warmup import PARTS, load_warmup, session_doses, session_exercise_ids

#: Inline styles, so that a card looks the same in JupyterLab as on the site.
_CARD = (
    "border:1px solid #c9c4b5;border-radius:6px;padding:0.6em 0.8em;margin:0.5em 0;"
    "background:#fff;color:#1b2a41;break-inside:avoid;page-break-inside:avoid"
)
_ROW = "display:flex;flex-wrap:wrap;gap:0.8em;align-items:flex-start"
_SVG_BOX = "flex:0 1 auto;max-width:100%;margin:0"
_TEXT = "flex:1 1 16em;min-width:14em;margin:0"


class HtmlCard:
    """HTML for notebooks and pages, with a plain-text form for ``print()`` and ``str()``."""

    def __init__(self, html: str, text: str):
        self.html, self.text = html, text

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text


def _svg(item_id: str, name: str, poses, scale: float) -> str:
    """The drawing, sized to fit a narrow screen (``max-width:100%``)."""
    svg = pose_pair_svg(item_id, name, poses, scale=scale)
    return svg.replace(
        ' class="sm-drawing"', ' class="sm-drawing" style="max-width:100%;height:auto"'
    )


def _option(names: pd.Series, value: str) -> str:
    return names[value] if value in names.index else value or "-"


def _fields(exercises: pd.DataFrame, row: pd.Series) -> list[tuple[str, str]]:
    names = exercises.set_index("id")["name"]
    muscles = ", ".join(row["primary_muscles"]).replace("_", " ")
    if row["secondary_muscles"]:
        muscles += " (also " + ", ".join(row["secondary_muscles"]).replace("_", " ") + ")"
    return [
        ("Muscles", muscles),
        ("How", row["cues"]),
        ("Faults", row["faults"]),
        ("Easier", _option(names, row["regression"])),
        ("Harder", _option(names, row["progression"])),
        ("Why", row["running_benefit"]),
    ]


def card_html(
    exercises: pd.DataFrame, exercise_id: str, poses=None, heading: str = "", scale: float = 1.0
) -> str:
    """One exercise card as an HTML ``<article data-exercise="<id>">``: drawing beside the text.

    Parameters
    ----------
    exercises : DataFrame
        The library (:func:`helpers.exercises.load_exercises`).
    exercise_id : str
    poses : DataFrame, optional
        The pose table (default: ``data/poses.csv``).
    heading : {"", "h2", "h3", "h4"}
        The element of the card's title; ``""`` writes a bold paragraph (inside a lesson, where
        a heading would enter the page's table of contents).
    scale : float
        Size of the drawing (see :func:`helpers.figures.drawings.pose_pair_svg`).
    """
    if heading not in ("", "h2", "h3", "h4"):
        raise ValueError(f"heading must be '', 'h2', 'h3' or 'h4', got {heading!r}")
    row = _exercise_row(exercises, exercise_id)
    poses = load_poses() if poses is None else poses
    equipment = "bodyweight" if row["equipment"] == ("none",) else " + ".join(row["equipment"])
    side = ", one side at a time" if row["unilateral"] else ""
    meta = f"{row['group']}, {row['kind']}, {row['level']}, {equipment}{side}"
    title = escape(row["name"])
    if heading:
        head = f'<{heading} style="margin:0 0 0.3em">{title}</{heading}>'
    else:
        head = f'<p style="margin:0 0 0.3em;font-size:1.1em"><strong>{title}</strong></p>'
    items = "".join(
        f'<dt style="font-weight:bold">{label}</dt><dd style="margin:0 0 0.3em 0">'
        f"{escape(text)}</dd>"
        for label, text in _fields(exercises, row)
    )
    return (
        f'<article class="sm-exercise-card" data-exercise="{escape(exercise_id)}" '
        f'style="{_CARD}">{head}<p style="margin:0 0 0.4em;color:#4a4a4a">{escape(meta)}</p>'
        f'<div style="{_ROW}"><figure style="{_SVG_BOX}">'
        f"{_svg(exercise_id, row['name'], poses, scale)}</figure>"
        f'<dl style="{_TEXT}">{items}</dl></div></article>'
    )


def exercise_card(exercises: pd.DataFrame, exercise_id: str, poses=None) -> HtmlCard:
    """The exercise card with its start and end drawing beside the cues.

    In a notebook it shows as HTML; ``print()`` gives the text card of
    :func:`helpers.exercises.exercise_card`.

    Examples
    --------
    >>> from helpers.exercises import load_exercises
    >>> card = exercise_card(load_exercises(), "plank")
    >>> str(card).splitlines()[0]
    'Front plank (core, isometric, beginner, bodyweight)'
    >>> 'data-exercise="plank"' in card._repr_html_()
    True
    """
    return HtmlCard(card_html(exercises, exercise_id, poses), text_card(exercises, exercise_id))


def ladder(exercises: pd.DataFrame, exercise_id: str, direction: str = "progression", poses=None):
    """The ladder from ``exercise_id`` (:func:`helpers.exercises.progression_chain`), its
    drawings side by side, easier to harder."""
    chain = progression_chain(exercises, exercise_id, direction)
    if direction == "regression":
        chain = chain[::-1]
    poses = load_poses() if poses is None else poses
    names = exercises.set_index("id")["name"]
    steps = []
    for step in chain:
        if step in names.index:
            figure = _svg(step, names[step], poses, 0.55)
            steps.append(
                f'<figure style="margin:0;text-align:center">{figure}'
                f"<figcaption>{escape(names[step])}</figcaption></figure>"
            )
        else:
            steps.append(f'<p style="margin:0;align-self:center">then: {escape(step)}</p>')
    arrow = '<span aria-hidden="true" style="align-self:center;font-size:1.5em">→</span>'
    html = (
        f'<div class="sm-ladder" style="{_ROW}" role="group" '
        f'aria-label="Ladder from easier to harder">' + arrow.join(steps) + "</div>"
    )
    text = " → ".join(names.get(step, step) for step in chain)
    return HtmlCard(html, text)


def board(table: pd.DataFrame, poses=None, scale: float = 0.45, caption="level") -> HtmlCard:
    """Small drawings of a selection of the exercise or mobility library, each with its name
    (and the ``caption`` column in brackets, when given)."""
    poses = load_poses() if poses is None else poses
    tiles = []
    for row in table.itertuples():
        note = f" <small>({escape(str(getattr(row, caption)))})</small>" if caption else ""
        tiles.append(
            f'<figure style="margin:0;width:13em;text-align:center" data-exercise="{row.id}">'
            f"{_svg(row.id, row.name, poses, scale)}"
            f"<figcaption>{escape(row.name)}{note}</figcaption></figure>"
        )
    html = f'<div class="sm-board" style="{_ROW}">' + "".join(tiles) + "</div>"
    return HtmlCard(html, "\n".join(table["name"]))


def warmup_html(warmup=None, poses=None, scale: float = 0.4, why: bool = True) -> str:
    """The RAMP warm-up as an ordered list that wraps on a phone: part, drawing, step, dose
    (and why, unless ``why=False``)."""
    warmup = load_warmup() if warmup is None else warmup
    poses = load_poses() if poses is None else poses
    items = []
    for row in warmup.itertuples():
        drawing = _svg(row.drawing, row.name, poses, scale) if row.drawing else ""
        reason = f"<br><small>{escape(row.why)}</small>" if why else ""
        items.append(
            f'<li style="flex:1 1 12em;max-width:20em;break-inside:avoid">'
            f"<strong>{row.part}</strong>: {escape(row.name)}<br>{drawing}"
            f"{'<br>' if drawing else ''}{escape(row.dose)}{reason}</li>"
        )
    minutes = int(warmup["minutes"].sum())
    return (
        f'<div class="sm-warmup"><p style="margin:0.3em 0"><strong>RAMP warm-up, about '
        f"{minutes} minutes</strong> ({' → '.join(PARTS)})</p>"
        f'<ol style="{_ROW};padding-left:1.2em;margin:0">' + "".join(items) + "</ol></div>"
    )


def warmup_card(warmup=None, poses=None) -> HtmlCard:
    """The warm-up with its drawings (HTML) or as a list (text)."""
    warmup = load_warmup() if warmup is None else warmup
    text = "\n".join(f"{r.part:<11} {r.name}: {r.dose}" for r in warmup.itertuples())
    return HtmlCard(warmup_html(warmup, poses), text)


def gym_sheet(
    exercises: pd.DataFrame, exercise_ids, doses, title: str = "Strength session", poses=None
) -> HtmlCard:
    """One strength session on one printed page: the warm-up, then each exercise's drawing,
    dose and first cue.

    Parameters
    ----------
    exercises : DataFrame
        The library.
    exercise_ids : sequence of str
        The session's exercises, in order.
    doses : sequence of str
        One dose per exercise (``"3×12 @ RPE 7"``, or the plan's whole line).
    title : str
        The sheet's heading (a date and the session's title).
    """
    exercise_ids, doses = list(exercise_ids), list(doses)
    if len(exercise_ids) != len(doses):
        raise ValueError(
            f"doses must give one dose per exercise: {len(exercise_ids)} ids, {len(doses)} doses"
        )
    poses = load_poses() if poses is None else poses
    minutes = int(load_warmup()["minutes"].sum())
    rows, lines = [], [title, f"Warm-up: RAMP, about {minutes} minutes (top of the sheet)"]
    for exercise_id, dose in zip(exercise_ids, doses, strict=True):
        row = _exercise_row(exercises, exercise_id)
        cue = row["cues"].split(". ")[0].rstrip(".") + "."
        rows.append(
            f'<tr data-exercise="{exercise_id}"><td>{_svg(exercise_id, row["name"], poses, 0.34)}'
            f"</td><td><strong>{escape(row['name'])}</strong><br>{escape(dose)}<br>"
            f"<small>{escape(cue)}</small></td>"
            "<td style='min-width:6em'>sets done:<br>□ □ □ □</td></tr>"
        )
        lines.append(f"  {row['name']}: {dose}")
    html = (
        '<section class="sm-gym-sheet" style="break-inside:avoid;font-size:0.85em;line-height:1.3">'
        f"<h2>{escape(title)}</h2>{warmup_html(poses=poses, scale=0.26, why=False)}"
        '<table class="sm-session" style="border-collapse:collapse;margin-top:0.5em">'
        "<caption>The session</caption><thead><tr><th scope='col'>drawing</th>"
        "<th scope='col'>exercise and dose</th><th scope='col'>log</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table></section>"
    )
    return HtmlCard(html, "\n".join(lines))


def session_gym_sheet(session, exercises: pd.DataFrame, poses=None) -> HtmlCard:
    """The gym sheet of one strength session of a plan (a row of ``plan.sessions``)."""
    ids = session_exercise_ids(session, exercises)
    doses = session_doses(session)
    title = f"{session['date']}: {session['title']}"
    return gym_sheet(exercises, ids, doses, title, poses)
