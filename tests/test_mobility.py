"""Tests for helpers.mobility: the yoga and mobility library, its checks, filters and totals."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.mobility import (
    COLUMNS,
    TARGETS,
    WHEN,
    hold_by_target,
    load_mobility,
    select_mobility,
)

POSES = load_mobility()
HEADER = ",".join(COLUMNS)
GOOD = 'calf,Calf stretch,calves;ankles,30,2 per side,"Lean in. Keep the heel down.",Stop if painful.,post_run'


def write(tmp_path, *rows, header=HEADER):
    path = tmp_path / "poses.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_library_has_enough_distinct_poses_for_every_moment():
    assert len(POSES) >= 12
    assert POSES["id"].is_unique and POSES["name"].is_unique
    for moment in WHEN:
        assert len(select_mobility(POSES, when=moment)) >= 4, moment
    # the big running areas are all covered
    covered = {area for areas in POSES["target"] for area in areas}
    assert {"hip_flexors", "hamstrings", "calves", "glutes", "quadriceps"} <= covered


def test_every_pose_has_cues_and_a_caution():
    for pose in POSES.itertuples():
        assert pose.cues.count(".") >= 2, pose.id  # at least two cue sentences
        assert pose.caution.strip(), pose.id
        assert 1 <= pose.hold_s <= 300


@pytest.mark.parametrize(
    "bad_row, column",
    [
        (GOOD.replace("calves;ankles", "calves;spleen"), "target"),
        (GOOD.replace("calves;ankles", "calves;calves"), "target"),
        (GOOD.replace(",30,", ",0,"), "hold_s"),
        (GOOD.replace(",30,", ",400,"), "hold_s"),
        (GOOD.replace(",30,", ",30.5,"), "hold_s"),
        (GOOD.replace("post_run", "midnight"), "when"),
        (GOOD.replace("Stop if painful.", ""), "caution"),
        (GOOD.replace("calf,", "Calf Stretch,", 1), "id"),
        (GOOD, "id"),  # duplicate of the first row
        (GOOD + ",extra", "when"),
    ],
)
def test_bad_rows_name_the_file_line_and_column(tmp_path, bad_row, column):
    path = write(tmp_path, GOOD, bad_row)
    with pytest.raises(ValueError, match=rf"poses\.csv, line 3, column '{column}'"):
        load_mobility(path)


def test_bad_header_missing_file_and_empty_file(tmp_path):
    with pytest.raises(ValueError, match="line 1, column 'hold_s'"):
        load_mobility(write(tmp_path, GOOD, header=HEADER.replace("hold_s", "seconds")))
    with pytest.raises(ValueError, match="path"):
        load_mobility(tmp_path / "missing.csv")
    with pytest.raises(ValueError, match="no poses"):
        load_mobility(write(tmp_path))


def test_hold_by_target_counts_a_pose_for_each_area(tmp_path):
    second = 'quad,Quad stretch,quadriceps;hip_flexors,45,2 per side,"Hold. Tuck.",Easy.,rest_day'
    third = 'lunge,Low lunge,hip_flexors,30,1 per side,"Kneel. Shift.",Pad.,rest_day'
    poses = load_mobility(write(tmp_path, GOOD, second, third))
    totals = hold_by_target(poses)
    # by hand: quadriceps 45; hip_flexors 45 + 30 = 75; calves 30; ankles 30
    assert totals.to_dict() == {"quadriceps": 45, "hip_flexors": 75, "calves": 30, "ankles": 30}
    assert list(totals.index) == [t for t in TARGETS if t in totals.index]


def test_bad_arguments_are_named():
    with pytest.raises(ValueError, match="when"):
        select_mobility(POSES, when="after breakfast")
    with pytest.raises(ValueError, match="target"):
        select_mobility(POSES, target="elbows")
    with pytest.raises(ValueError, match="poses"):
        select_mobility([1, 2], when="post_run")
    with pytest.raises(ValueError, match="poses"):
        hold_by_target("not a table")


@settings(max_examples=50, deadline=None)
@given(when=st.sampled_from((None, *WHEN)), target=st.sampled_from((None, *TARGETS)))
def test_selection_is_the_exact_matching_subset(when, target):
    chosen = select_mobility(POSES, when=when, target=target)
    for pose in POSES.itertuples():
        fits = (when is None or when in pose.when) and (target is None or target in pose.target)
        assert (pose.Index in chosen.index) == fits


def test_every_column_is_documented_in_data_readme():
    from helpers import DATA_DIR

    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    section = readme.split("## data/mobility.csv", 1)[1].split("\n## ", 1)[0]
    for column in COLUMNS:
        assert f"| `{column}` |" in section, column
    for item in (*TARGETS, *WHEN):
        assert f"`{item}`" in section, item
