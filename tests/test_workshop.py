"""Workshop planning: the lesson map comes from the notebooks; timetables keep their rules."""

import json

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import NOTEBOOKS
from helpers import workshop


def test_course_map_reads_every_lesson():
    lessons = workshop.course_map()
    paths = sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
    assert list(lessons["lesson"]) == [p.name[:2] for p in paths]
    first = json.loads(paths[0].read_text())
    heading = "".join(first["cells"][0]["source"]).splitlines()[0]
    assert lessons.loc[0, "title"] == heading.removeprefix("# ")
    assert (lessons["minutes"] > 0).all()


def test_course_map_names_an_unreadable_notebook(tmp_path):
    (tmp_path / "01-broken.ipynb").write_text("{ not json")
    with pytest.raises(ValueError, match="01-broken.ipynb"):
        workshop.course_map(tmp_path)


LESSONS = st.lists(st.integers(min_value=5, max_value=60), min_size=1, max_size=9).map(
    lambda minutes: pd.DataFrame(
        {
            "lesson": [f"{i + 1:02d}" for i in range(len(minutes))],
            "title": [f"Lesson {i + 1}" for i in range(len(minutes))],
            "minutes": minutes,
        }
    )
)


@settings(max_examples=100, deadline=None)
@given(
    lessons=LESSONS,
    total=st.integers(min_value=30, max_value=480),
    focus=st.sampled_from(sorted(workshop.FOCUS)),
)
def test_timetable_rules(lessons, total, focus):
    table = workshop.timetable(total, lessons, focus)
    timed = table[table["kind"] != "after"]
    # contiguous from 0 to the end of the workshop
    assert timed["start_min"].iloc[0] == 0 and timed["end_min"].iloc[-1] == total
    assert (timed["start_min"].iloc[1:].to_numpy() == timed["end_min"].iloc[:-1].to_numpy()).all()
    # every lesson is either taught or listed for after the workshop, once
    taught = table.loc[table["kind"].isin(["lesson", "after"]), "block"].str[:2]
    assert sorted(taught) == sorted(lessons["lesson"])
    slots = timed[timed["kind"] == "lesson"]
    length = slots["end_min"] - slots["start_min"]
    estimate = slots["block"].str[:2].map(lessons.set_index("lesson")["minutes"])
    assert (length >= workshop.MIN_LESSON_MIN).all()
    # never more than the estimate (rounded to 5 minutes), never under 60 % of it
    assert (length <= estimate.clip(lower=workshop.MIN_LESSON_MIN) + 2.5).all()
    # no stretch of teaching over 60 minutes unless it is one long lesson
    stretch, longest = 0, 0
    for row in timed.itertuples():
        if row.kind == "lesson":
            stretch += row.end_min - row.start_min
            longest = max(longest, row.end_min - row.start_min)
        else:
            stretch = 0
        assert stretch <= max(workshop.BREAK_EVERY_MIN, longest)


def test_timetable_puts_the_focus_first():
    lessons = pd.DataFrame(
        {"lesson": ["01", "05", "08"], "title": ["A", "B", "C"], "minutes": [20, 20, 20]}
    )
    table = workshop.timetable(60, lessons, "race")
    assert table.loc[table["kind"] == "lesson", "block"].iloc[0].startswith("08")


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"total_min": 20}, "total_min"),
        ({"total_min": 90.5}, "total_min"),
        ({"focus": "cardio"}, "focus"),
        ({"lessons": pd.DataFrame({"lesson": ["01"]})}, "lessons"),
        ({"lessons": pd.DataFrame(columns=["lesson", "title", "minutes"])}, "lessons"),
    ],
)
def test_timetable_bad_input(kwargs, name):
    args = {
        "total_min": 90,
        "lessons": pd.DataFrame({"lesson": ["01"], "title": ["A"], "minutes": [20]}),
        "focus": "full",
    } | kwargs
    with pytest.raises(ValueError, match=name):
        workshop.timetable(**args)


def test_the_opening_and_the_coach_guide_are_not_laid_out():
    lessons = pd.DataFrame(
        {"lesson": ["00", "01", "10"], "title": ["Start", "Why", "Guide"], "minutes": [10, 20, 20]}
    )
    assert list(workshop.timetable(60, lessons)["block"].str[:2]) == ["Op", "01", "Pr", "Wr"]
