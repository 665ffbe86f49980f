"""Line drawings of the exercises and poses, as SVG text (no plotly, no JavaScript).

Each drawing comes from ``data/poses.csv`` through the figure model of :mod:`helpers.body`,
stood on its supports by :func:`helpers.poses.place_pose`. The same SVG serves JupyterLab, the
site, the printable cards and the browser edition. Start and end stand side by side at one
scale; an orange arrow shows where the marked point travels. The far (or right) limbs are
drawn lighter, behind the body.

Every SVG is accessible on its own: ``role="img"``, an ``aria-label`` and a ``<title>``; it uses
no ``id`` so that many drawings can share one page.
"""

from __future__ import annotations

from html import escape

import numpy as np

from helpers import body
from helpers.poses import BAR_HEIGHT, CONTACT_OFFSET, SURFACE_HEIGHT, load_poses, place_pose

#: Colours: near limbs and trunk, far limbs, equipment, surfaces, the movement arrow
#: (orange of the Okabe–Ito palette, as the course's figures).
INK = "#1b2a41"
FAR = "#7d8fa8"
METAL = "#3d3d3d"
SURFACE = "#d9d4c7"
BAND = "#009e73"
ARROW = "#d55e00"
#: Drawing scale [px per body height] and the margin around a panel [H].
SCALE_PX = 120.0
MARGIN = 0.08
_LIMB_WIDTH = 0.032
_TRUNK_WIDTH = 0.05


def _fmt(value: float) -> str:
    """A coordinate rounded to 0.1 px, without a trailing ``.0``."""
    text = f"{round(float(value), 1):.1f}"
    text = text[:-2] if text.endswith(".0") else text
    return "0" if text == "-0" else text


class _Canvas:
    """Maps H units (y up, floor at 0) to SVG pixels (y down) inside one panel."""

    def __init__(self, left: float, top: float, dx: float):
        self.left, self.top, self.dx = left, top, dx

    def xy(self, point) -> tuple[str, str]:
        x = (point[0] - self.left) * SCALE_PX + self.dx
        y = (self.top - point[1]) * SCALE_PX
        return _fmt(x), _fmt(y)

    def line(self, a, b, colour, width, extra=""):
        return self.poly([a, b], colour, width, extra)

    def poly(self, points, colour, width, extra=""):
        """A joined line through ``points`` (the group sets round caps and joins, no fill)."""
        coords = " ".join(",".join(self.xy(q)) for q in points)
        return (
            f'<polyline points="{coords}" stroke="{colour}" '
            f'stroke-width="{_fmt(width * SCALE_PX)}"{extra}/>'
        )

    def circle(self, centre, radius, fill, stroke="none"):
        x, y = self.xy(centre)
        outline = f' stroke="{stroke}" stroke-width="1.5"' if stroke != "none" else ""
        return f'<circle cx="{x}" cy="{y}" r="{_fmt(radius * SCALE_PX)}" fill="{fill}"{outline}/>'

    def rect(self, x0, y0, x1, y1, fill, radius=0.0):
        (a, b), (c, d) = self.xy((x0, y1)), self.xy((x1, y0))
        w, h = float(c) - float(a), float(d) - float(b)
        return (
            f'<rect x="{a}" y="{b}" width="{_fmt(w)}" height="{_fmt(h)}" '
            f'rx="{_fmt(radius * SCALE_PX)}" fill="{fill}"/>'
        )


def _limbs(c: _Canvas, p: dict, suffix: str, colour: str, flat=()) -> list[str]:
    """One leg and one arm as lines: hip–knee–ankle, heel–toe, shoulder–elbow–wrist, a fist
    (at the wrist when the hand lies flat on a surface)."""
    s, w = suffix, _LIMB_WIDTH
    fist = (
        p["wrist" + s]
        if "wrist" + s in flat
        else p["wrist" + s] + (p["hand" + s] - p["wrist" + s]) * 0.4
    )
    leg = [p[name + s] for name in ("hip", "knee", "ankle", "heel", "toe")]
    arm = [p[name + s] for name in ("shoulder", "elbow", "wrist")]
    return [c.poly(leg, colour, w), c.poly(arm, colour, w * 0.85), c.circle(fist, w * 0.55, colour)]


def _figure(c: _Canvas, placed: dict) -> list[str]:
    p = placed["points"]
    flat = {point for point, _ in placed["contacts"] if point.startswith("wrist")}
    parts = _limbs(c, p, "2", FAR, flat)
    if placed["view"] == "front":
        hips, shoulders = (p["hip"], p["hip2"]), (p["shoulder"], p["shoulder2"])
        parts += [
            c.line(*hips, INK, _TRUNK_WIDTH),
            c.line(*shoulders, INK, _TRUNK_WIDTH),
            c.poly([p["pelvis"], p["mid"], p["neck"]], INK, _TRUNK_WIDTH * 1.4),
        ]
        neck = p["neck"]
    else:
        parts.append(c.poly([p["hip"], p["mid"], p["shoulder"]], INK, _TRUNK_WIDTH * 1.4))
        neck = p["shoulder"]
    chin = neck + (p["head"] - neck) * body.LENGTH["neck"] / (
        body.LENGTH["neck"] + body.LENGTH["head"] / 2
    )
    parts.append(c.line(neck, chin, INK, _LIMB_WIDTH))
    parts.append(c.circle(p["head"], body.LENGTH["head"] / 2 * 0.85, "#ffffff", INK))
    parts += _limbs(c, p, "", INK, flat)
    return parts


def _surfaces(c: _Canvas, placed: dict, floor: tuple[float, float]) -> list[str]:
    """The floor, and each box, step, bench, wall, bar or pad a contact names."""
    p, parts = placed["points"], []
    parts.append(c.line((floor[0], -0.004), (floor[1], -0.004), "#8a8577", 0.008))
    by_surface: dict[str, list] = {}
    for point, surface in placed["contacts"]:
        by_surface.setdefault(surface, []).append(p[point])
    for surface, xys in sorted(by_surface.items()):
        xs = [float(xy[0]) for xy in xys]
        if surface in ("step", "box", "bench"):
            half = {"step": 0.09, "box": 0.13, "bench": 0.16}[surface]
            top = SURFACE_HEIGHT[surface]
            parts.append(c.rect(min(xs) - half, 0.0, max(xs) + half, top, SURFACE, 0.01))
        elif surface == "wall":
            behind = np.mean(xs) < float(placed["com"][0])
            names = [point for point, s in placed["contacts"] if s == "wall"]
            depth = max(CONTACT_OFFSET.get(name, 0.0) for name in names) + 0.015
            x = min(xs) - depth if behind else max(xs) + depth
            parts.append(c.rect(x - 0.015, 0.0, x + 0.015, 1.05, SURFACE))
        elif surface == "bar":
            y = BAR_HEIGHT + 0.01
            parts.append(c.line((min(xs) - 0.12, y), (max(xs) + 0.12, y), METAL, 0.02))
        elif surface == "pad":
            names = [point for point, s in placed["contacts"] if s == "pad"]
            for name, xy in zip(names, xys, strict=True):
                x, y = float(xy[0]), float(xy[1]) - CONTACT_OFFSET.get(name, 0.0)
                parts.append(c.rect(x - 0.07, y - 0.04, x + 0.07, y, SURFACE, 0.015))
                if y - 0.04 > 0.02:
                    parts.append(c.line((x, y - 0.04), (x, 0.0), "#b5ae9c", 0.015))
    return parts


def _props(c: _Canvas, placed: dict) -> list[str]:
    p, parts, view = placed["points"], [], placed["view"]
    for kind, at, to in placed["props"]:
        xy = p[at]
        if kind == "barbell":
            if view == "front":
                parts.append(c.line(xy + (-0.55, 0), xy + (0.55, 0), METAL, 0.015))
                for side in (-1, 1):
                    parts.append(
                        c.rect(
                            *(xy + (side * 0.42 - 0.02, -0.13)),
                            *(xy + (side * 0.42 + 0.02, 0.13)),
                            METAL,
                            0.01,
                        )
                    )
            else:
                parts.append(c.circle(xy, 0.13, "none", METAL))
                parts.append(c.circle(xy, 0.018, METAL))
        elif kind == "dumbbell":
            parts.append(c.rect(*(xy - (0.055, 0.028)), *(xy + (0.055, 0.028)), METAL, 0.012))
        elif kind == "kettlebell":
            parts.append(c.circle(xy + (0, -0.06), 0.05, METAL))
            parts.append(c.circle(xy, 0.022, "none", METAL))
        elif kind == "backpack":
            parts.append(c.rect(*(xy - (0.02, 0.07)), *(xy + (0.09, 0.07)), "#8c6d46", 0.02))
        elif kind in ("band", "strap"):
            if ":" in to:
                end = np.array([float(v) for v in to.split(":")])
            else:
                end = p[to]
            colour = BAND if kind == "band" else "#7a5c3a"
            parts.append(c.line(xy, end, colour, 0.012, ' stroke-dasharray="5 3"'))
    return parts


def _arrow(c: _Canvas, start, end) -> list[str]:
    """A straight arrow from ``start`` to ``end`` (H units) with a filled head."""
    vector = np.asarray(end, float) - np.asarray(start, float)
    length = float(np.hypot(*vector))
    if length < 0.04:
        return []
    unit = vector / length
    normal = np.array([-unit[1], unit[0]])
    tip = np.asarray(end, float)
    base = tip - 0.05 * unit
    head = [tip, base + 0.028 * normal, base - 0.028 * normal]
    points = " ".join(",".join(c.xy(q)) for q in head)
    return [
        c.line(start, base, ARROW, 0.014),
        f'<polygon points="{points}" fill="{ARROW}"/>',
    ]


def _extent(placed: dict) -> tuple[float, float, float, float]:
    """Left, right, bottom and top of a placed pose and its supports [H]."""
    xs = [float(xy[0]) for xy in placed["points"].values()]
    ys = [float(xy[1]) for xy in placed["points"].values()]
    head = placed["points"]["head"]
    r = body.LENGTH["head"] / 2
    xs += [head[0] - r, head[0] + r]
    ys += [head[1] + r, 0.0]
    if any(surface == "bar" for _, surface in placed["contacts"]):
        ys.append(BAR_HEIGHT + 0.05)
    if any(surface == "wall" for _, surface in placed["contacts"]):
        ys.append(1.05)
    for kind, at, to in placed["props"]:
        xy = placed["points"][at]
        reach = 0.55 if kind == "barbell" and placed["view"] == "front" else 0.14
        xs += [xy[0] - reach, xy[0] + reach]
        ys += [xy[1] - reach, xy[1] + reach]
        if ":" in to:
            ax, ay = (float(v) for v in to.split(":"))
            xs.append(ax)
            ys.append(ay)
    return min(xs), max(xs), min(ys), max(ys)


def pose_pair_svg(item_id: str, name: str | None = None, poses=None, scale: float = 1.0) -> str:
    """Start and end of one exercise or pose, side by side, as an SVG string.

    Parameters
    ----------
    item_id : str
        An id with a ``start`` and an ``end`` row in ``data/poses.csv``.
    name : str, optional
        The name spoken by screen readers (default: the id in words).
    poses : DataFrame, optional
        From :func:`helpers.poses.load_poses` (default: the course's table).
    scale : float
        Display size relative to :data:`SCALE_PX` pixels per body height (0.2–4).

    Returns
    -------
    str
        ``<svg role="img" aria-label="…">`` with a ``<title>``, two panels, the floor, the
        equipment and the movement arrow; coordinates rounded to 0.1 px.

    Examples
    --------
    >>> svg = pose_pair_svg("squat", "Bodyweight squat")
    >>> svg.startswith("<svg") and 'role="img"' in svg
    True
    """
    poses = load_poses() if poses is None else poses
    if (item_id, "start") not in poses.index or (item_id, "end") not in poses.index:
        raise ValueError(f"item_id {item_id!r} has no start and end pose in the pose table")
    name = name or item_id.replace("_", " ").capitalize()
    start, end = (poses.loc[(item_id, phase)] for phase in ("start", "end"))
    placed = [place_pose(start), place_pose(end)]
    boxes = [_extent(x) for x in placed]
    bottom = min(b[2] for b in boxes) - MARGIN
    top = max(b[3] for b in boxes) + MARGIN
    widths = [b[1] - b[0] + 2 * MARGIN for b in boxes]
    gap = 0.1
    label_h = 0.14
    body_parts, offset = [], 0.0
    for i, (pose_placed, box, width) in enumerate(zip(placed, boxes, widths, strict=True)):
        canvas = _Canvas(box[0] - MARGIN, top, offset * SCALE_PX)
        body_parts += _surfaces(canvas, pose_placed, (box[0] - MARGIN / 2, box[1] + MARGIN / 2))
        body_parts += _figure(canvas, pose_placed)
        body_parts += _props(canvas, pose_placed)
        if i == 1 and start["arrow"]:
            point = start["arrow"]
            body_parts += _arrow(canvas, placed[0]["points"][point], pose_placed["points"][point])
        x, y = canvas.xy(((box[0] + box[1]) / 2, bottom - label_h * 0.6))
        label = ("start", "end")[i]
        body_parts.append(
            f'<text x="{x}" y="{y}" text-anchor="middle" font-size="13" '
            f'font-family="sans-serif" fill="{INK}">{label}</text>'
        )
        offset += width + gap
    width_px = (offset - gap) * SCALE_PX
    height = (top - bottom + label_h) * SCALE_PX
    if not 0.2 <= scale <= 4:
        raise ValueError(f"scale must be within 0.2 to 4, got {scale!r}")
    size = f' width="{_fmt(width_px * scale)}" height="{_fmt(height * scale)}"'
    label = escape(f"{name}: drawing of the start and end positions", quote=True)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_fmt(width_px)} '
        f'{_fmt(height)}"{size} role="img" aria-label="{label}" class="sm-drawing">'
        f'<title>{label}</title><g fill="none" stroke-linecap="round" stroke-linejoin="round">'
        + "".join(body_parts)
        + "</g></svg>"
    )
