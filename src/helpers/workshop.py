"""Workshop planning for coaches: the lesson map and a timetable that fits the time you have.

The lesson map comes from the course's lesson catalogue (title from the first heading, the
``stronger_miles`` metadata for minutes, level and summary), so it never drifts from the course.
:func:`timetable` lays lessons into a session of a given length with an opening, breaks and a
wrap-up, scaling each lesson's time to fit and moving what does not fit to "after the workshop".

Example
-------
>>> lessons = pd.DataFrame(
...     {"lesson": ["01", "02"], "title": ["Why", "Library"], "minutes": [20, 30]}
... )
>>> timetable(60, lessons)[["block", "start_min", "end_min"]].values.tolist()
[['Opening', 0, 5], ['01 Why', 5, 25], ['02 Library', 25, 50], ['Wrap-up', 50, 60]]
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers import lessons as catalog
from helpers._checks import check_choice, check_integer

OPENING_MIN = 5
WRAP_UP_MIN = 10
BREAK_MIN = 10
#: Longest stretch of teaching before a break [min].
BREAK_EVERY_MIN = 60
#: Smallest share of a lesson's estimated minutes worth teaching in a workshop.
MIN_SHARE = 0.6
#: Shortest useful slot for one lesson [min]; a lesson that cannot get it moves to after the workshop.
MIN_LESSON_MIN = 15
#: Practice blocks, best first: (the lesson it needs, what learners do). The timetable picks the
#: first whose lesson was taught in the session, so a practice never needs a lesson left for later.
PRACTICE = (
    ("06", "Practice: question a draft plan for your own runner (lesson 06)"),
    ("02", "Practice: build a two-exercise strength session from the lesson 02 cards"),
    ("03", "Practice: turn an RPE into kilos for your own lifts (lesson 03)"),
    ("08", "Practice: a race-day fuel plan for your finish time (lesson 08)"),
    ("01", "Practice: read a forest plot from lesson 01 in pairs"),
)
#: What the coach leads in each lesson's model: lesson → (the model, move this, ask this first).
PROMPTS = {
    "00": ("goblet squat progression", "the weekly increase", "How long until the load doubles?"),
    "01": (
        "the evidence, study by study",
        "the measure (percent change or effect size)",
        "Which result would you trust most, and why?",
    ),
    "02": (
        "the exercise library",
        "muscle group and equipment",
        "What could you do at home with a band?",
    ),
    "03": (
        "progression schemes",
        "the scheme, its rate and the weeks",
        "Which scheme would you give a beginner?",
    ),
    "04": (
        "weekly volume",
        "sessions and sets per week",
        "Which muscle groups are over- or under-served?",
    ),
    "05": (
        "load, fatigue and form",
        "the extra load in week 13 and the ACWR method",
        "Is 'form' a fact about you or about the formula?",
    ),
    "06": (
        "the marathon block",
        "weeks, peak volume, long-run rule",
        "What would you change before a runner follows this draft?",
    ),
    "07": (
        "your own log",
        "the weight of strength load and the ACWR method",
        "Should an hour of lifting count like an hour of running?",
    ),
    "08": (
        "race-day fueling and fluids",
        "the 10 km time, body mass and sweat rate",
        "Why does a slower runner need a plan as much as a fast one?",
    ),
    "09": (
        "mobility library; painkillers and red flags",
        "when the session happens; the Lipman interval",
        "What would you do after a long run, and why?",
    ),
    "11": (
        "who you are changes the plan",
        "recovery weeks and strength sessions in the plan builder",
        "Which of these questions would you ask every runner in your club?",
    ),
}
#: Minutes of a lesson block spent on the prediction (first) and the discussion (last).
PREDICT_MIN = 3
DISCUSS_MIN = 5


def _workshop_facts(
    folder: Path | None = None,
) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    """(focus → lessons it puts first, lessons not laid out), from the lessons' metadata
    (``workshop_focus`` and ``in_workshop``; see :mod:`helpers.lessons`)."""
    lessons = [(lesson.number, lesson.facts()) for lesson in catalog.lessons(folder)]
    focus = {"full": ()}
    for name in catalog.WORKSHOP_FOCUSES:
        focus[name] = tuple(n for n, facts in lessons if name in facts["workshop_focus"])
    return focus, tuple(n for n, facts in lessons if not facts["in_workshop"])


#: Lessons a workshop puts first for each focus (the others follow in course order if time
#: allows), and lessons a workshop does not lay out (the opening covers 00; 10 is the coach's
#: own guide). Both come from the lessons' metadata.
FOCUS, NOT_TAUGHT = _workshop_facts()


def course_map(folder: Path | None = None) -> pd.DataFrame:
    """One row per lesson: ``lesson`` (NN), ``title``, ``minutes``, ``level``, ``summary``.

    Read from the course's lesson catalogue (:mod:`helpers.lessons`), the one the
    site is built from.

    Parameters
    ----------
    folder : Path, optional
        Folder of ``NN-title.ipynb`` notebooks; the course's ``notebooks/`` by default.

    Returns
    -------
    DataFrame
        In course order. ``minutes`` is the author's estimate of the time to learn.
    """
    try:
        lessons = catalog.lessons(Path(folder) if folder is not None else None)
        rows = [
            {"lesson": lesson.number, "title": lesson.title, **lesson.facts()} for lesson in lessons
        ]
    except catalog.LessonError as err:
        raise ValueError(str(err)) from None
    return pd.DataFrame(rows, columns=["lesson", "title", "minutes", "level", "summary"])


def timetable(total_min: int, lessons: pd.DataFrame, focus: str = "full") -> pd.DataFrame:
    """Lay lessons into a workshop of ``total_min`` minutes.

    The session opens (5 min) and ends with a wrap-up (10 min). Lessons come in order of the
    focus (``FOCUS``), then course order; each gets its ``minutes`` scaled by one common factor
    ``f = teaching time ÷ Σ minutes`` (capped at 1: a lesson never gets more than its estimate,
    and at least 0.6: less is not worth teaching), rounded to 5 minutes, and at least 15 minutes.
    Lessons that do not fit are listed with ``kind == "after"`` for learners to finish alone.
    A 10-minute break comes before a lesson that would make a stretch of teaching longer than
    60 minutes; 15 minutes or more to spare become a practice block that uses only the lessons
    taught (the first of ``PRACTICE`` whose lesson is in the session); less goes to the wrap-up.
    Lesson 00 is covered by the opening and lesson 10 is the coach's guide: neither is laid out.

    Parameters
    ----------
    total_min : int
        Length of the workshop [min], 30–480.
    lessons : DataFrame
        Columns ``lesson``, ``title``, ``minutes`` (as :func:`course_map` returns).
    focus : {"full", "strength", "load", "race"}
        Which lessons come first.

    Returns
    -------
    DataFrame
        Columns ``block``, ``kind`` (``opening``, ``lesson``, ``break``, ``practice``,
        ``wrap-up``, ``after``),
        ``start_min``, ``end_min``. Rows of kind ``after`` have no times (``<NA>``).
    """
    total_min = check_integer("total_min", total_min, 30, 480)
    check_choice("focus", focus, FOCUS)
    missing = {"lesson", "title", "minutes"} - set(lessons.columns)
    if missing:
        raise ValueError(
            f"lessons must have columns lesson, title, minutes; missing {sorted(missing)}"
        )
    if lessons.empty:
        raise ValueError("lessons must list at least one lesson, got an empty table")
    codes = [c for c in lessons["lesson"] if c not in NOT_TAUGHT]
    first = [c for c in FOCUS[focus] if c in codes]
    order = first + [c for c in codes if c not in first]
    by_code = lessons.set_index("lesson")

    teaching = total_min - OPENING_MIN - WRAP_UP_MIN
    chosen, slots = _fit(order, by_code["minutes"].astype(int).to_dict(), teaching)

    rows = [("Opening", "opening", 0, OPENING_MIN)]
    clock, since_break = OPENING_MIN, 0
    for code in chosen:
        if since_break and since_break + slots[code] > BREAK_EVERY_MIN:
            rows.append(("Break", "break", clock, clock + BREAK_MIN))
            clock, since_break = clock + BREAK_MIN, 0
        rows.append((f"{code} {by_code.at[code, 'title']}", "lesson", clock, clock + slots[code]))
        clock += slots[code]
        since_break += slots[code]
    spare = total_min - WRAP_UP_MIN - clock
    practice = next((label for code, label in PRACTICE if code in chosen), None)
    if spare >= MIN_LESSON_MIN and practice:  # time to spare: practise what was taught
        rows.append((practice, "practice", clock, clock + spare))
        clock += spare
    rows.append(("Wrap-up", "wrap-up", clock, total_min))
    table = pd.DataFrame(rows, columns=["block", "kind", "start_min", "end_min"])
    later = pd.DataFrame(
        {
            "block": [f"{c} {by_code.at[c, 'title']}" for c in order if c not in chosen],
            "kind": "after",
            "start_min": pd.NA,
            "end_min": pd.NA,
        }
    )
    table = pd.concat([table, later], ignore_index=True) if len(later) else table
    return table.astype({"start_min": "Int64", "end_min": "Int64"})


def script(table: pd.DataFrame) -> pd.DataFrame:
    """A minute-by-minute script for a :func:`timetable`: what the coach does in each block.

    The opening is the safety check of lesson 10's checklist (screening done, warm-up, the
    rules for moving); each lesson block is split into *predict* (the first ``PREDICT_MIN``
    minutes: ask the lesson's question from ``PROMPTS`` and let people commit), *move* (the
    model's control, one change at a time) and *discuss* (the last ``DISCUSS_MIN`` minutes:
    who was surprised, and what the evidence says); breaks, the practice and the wrap-up stay
    whole. Blocks left for after the workshop are not scripted.

    Parameters
    ----------
    table : DataFrame
        A :func:`timetable` result.

    Returns
    -------
    DataFrame
        Columns ``start_min``, ``end_min``, ``block``, ``step``, ``say``, in time order; the
        steps tile the session from 0 to its end with no gap.
    """
    missing = {"block", "kind", "start_min", "end_min"} - set(table.columns)
    if missing:
        raise ValueError(f"table must be a timetable; missing columns {sorted(missing)}")
    rows = []
    for block in table[table["kind"] != "after"].itertuples(index=False):
        start, end = int(block.start_min), int(block.end_min)
        code = block.block[:2]
        if block.kind == "lesson" and code in PROMPTS:
            model, move, ask = PROMPTS[code]
            rows += [
                (start, start + PREDICT_MIN, block.block, "predict", f'Ask: "{ask}"'),
                (
                    start + PREDICT_MIN,
                    end - DISCUSS_MIN,
                    block.block,
                    "move",
                    f"Show {model}; move {move}, one change at a time.",
                ),
                (end - DISCUSS_MIN, end, block.block, "discuss", _DISCUSS),
            ]
        else:
            rows.append((start, end, block.block, block.kind, _SAY[block.kind]))
    return pd.DataFrame(rows, columns=["start_min", "end_min", "block", "step", "say"])


_DISCUSS = "Ask whose prediction was wrong and why; link the answer to the lesson's evidence."
_SAY = {
    "opening": "Screening forms collected; who moves today; the safety rules; the plan.",
    "lesson": "Walk through the lesson's figures and ask its exercise questions.",
    "break": "Break: water, questions one to one, reset the room.",
    "practice": (
        "Warm up first (the RAMP warm-up in lesson 02), then pairs work: regressions first, "
        "nothing heavier than a light dumbbell; circulate."
    ),
    "wrap-up": "Three key points; what to read next; who to see for pain or injury.",
}


def _fit(order: list[str], minutes: dict[str, int], teaching: int) -> tuple[list[str], dict]:
    """The longest prefix of ``order`` that fits in ``teaching`` minutes with breaks, each lesson
    keeping at least ``MIN_SHARE`` of its estimate.

    The scale factor starts at ``min(1, teaching ÷ Σ minutes)`` and shrinks in 5 % steps until
    the slots and the breaks between them fit.
    """
    for count in range(len(order), 0, -1):
        chosen = order[:count]
        factor = min(1.0, teaching / sum(max(minutes[c], MIN_LESSON_MIN) for c in chosen))
        while factor >= MIN_SHARE - 1e-9 or count == 1:
            slots = {c: _slot(minutes[c], factor) for c in chosen}
            if _length(chosen, slots) <= teaching:
                return chosen, slots
            if factor <= 0.05:
                break
            factor -= 0.05
    return [], {}


def _slot(minutes: int, factor: float) -> int:
    """A lesson's slot: its minutes × factor, rounded to 5 min, at least ``MIN_LESSON_MIN``."""
    return max(MIN_LESSON_MIN, 5 * round(max(minutes, MIN_LESSON_MIN) * factor / 5))


def _length(chosen: list[str], slots: dict[str, int]) -> int:
    """Teaching time plus the breaks :func:`timetable` would insert."""
    total, since_break = 0, 0
    for code in chosen:
        if since_break and since_break + slots[code] > BREAK_EVERY_MIN:
            total += BREAK_MIN
            since_break = 0
        total += slots[code]
        since_break += slots[code]
    return total
