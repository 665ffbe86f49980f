"""Tests for helpers.evidence: the shipped study tables and the checks on load."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.evidence import (
    COLUMNS,
    MEASURES,
    available,
    doi_url,
    label,
    load_evidence,
)

HEADER = ",".join(COLUMNS)
GOOD = (
    "Test et al.,2020,running economy,heavy vs control,SMD,-0.5,-0.9,-0.1,40,runners,10.1000/abc,"
)


def write(tmp_path, *rows, header=HEADER):
    path = tmp_path / "study.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def row(table, study, comparison):
    match = table[(table["study"] == study) & (table["comparison"].str.startswith(comparison))]
    assert len(match) == 1, (study, comparison)
    return match.iloc[0]


def test_shipped_files_load_with_the_documented_columns():
    names = available()
    assert {"running_economy", "injury", "interference"} <= set(names)
    for name in names:
        table = load_evidence(name)
        assert tuple(table.columns) == COLUMNS
        assert set(table["measure"]) <= set(MEASURES)
        assert table["doi"].str.startswith("10.").all()


def test_running_economy_numbers_match_the_papers():
    table = load_evidence("running_economy")
    # Balsalobre-Fernández et al. 2016: SMD -1.42 [-2.23, -0.60], n = 93 (5 studies)
    b = row(table, "Balsalobre-Fernández et al.", "strength")
    assert (b["measure"], b["estimate"], b["ci_low"], b["ci_high"], b["n"]) == (
        "SMD",
        -1.42,
        -2.23,
        -0.60,
        93,
    )
    # Denadai et al. 2017: overall -3.93 %, explosive -4.83 %, heavy -3.65 %, isometric -2.20 %
    for comparison, value in [
        ("all", -3.93),
        ("explosive", -4.83),
        ("heavy", -3.65),
        ("isometric", -2.20),
    ]:
        d = row(table, "Denadai et al.", comparison)
        assert d["measure"] == "%" and d["estimate"] == value and math.isnan(d["ci_low"])
    # Eihara et al. 2022: heavy g -0.32 [-0.55, -0.10]; plyometric g -0.13 [-0.47, 0.21]
    heavy = row(table, "Eihara et al.", "heavy")
    plyo = row(table, "Eihara et al.", "plyometric")
    assert (heavy["estimate"], heavy["ci_low"], heavy["ci_high"]) == (-0.32, -0.55, -0.10)
    assert (plyo["estimate"], plyo["ci_low"], plyo["ci_high"]) == (-0.13, -0.47, 0.21)
    # Blagrove et al. 2018: a 2-8 % range, no pooled estimate
    blag = row(table, "Blagrove et al.", "strength")
    assert math.isnan(blag["estimate"]) and (blag["ci_low"], blag["ci_high"]) == (-8, -2)


def test_injury_and_interference_numbers_match_the_papers():
    injury = load_evidence("injury")
    # Lauersen et al. 2014: strength RR 0.315 (0.207-0.480), stretching 0.963, proprioception 0.550
    s = injury[injury["comparison"] == "strength training vs control"].iloc[0]
    assert (s["year"], s["estimate"], s["ci_low"], s["ci_high"]) == (2014, 0.315, 0.207, 0.480)
    assert row(injury, "Lauersen et al.", "stretching")["estimate"] == 0.963
    assert row(injury, "Lauersen et al.", "proprioception")["estimate"] == 0.550
    # Lauersen et al. 2018 strength-only update: RR 0.338 (0.238-0.480)
    update = injury[injury["year"] == 2018].iloc[0]
    assert (update["estimate"], update["ci_low"], update["ci_high"]) == (0.338, 0.238, 0.480)
    # Wilson et al. 2012: hypertrophy ES 1.23 strength only vs 0.85 concurrent
    wilson = load_evidence("interference")
    assert sorted(wilson["estimate"]) == [0.85, 1.23]


@pytest.mark.parametrize(
    "bad_row, column",
    [
        (GOOD.replace("SMD", "OR"), "measure"),
        (GOOD.replace("-0.9,-0.1", "-0.1,-0.9"), "ci_low"),
        (GOOD.replace("-0.5", "0.5"), "estimate"),
        (GOOD.replace("-0.9,-0.1", "-0.9,"), "ci_high"),
        (GOOD.replace("-0.5,-0.9,-0.1", ",,"), "estimate"),
        (GOOD.replace("-0.5", "nan"), "estimate"),
        (GOOD.replace("-0.5", "inf"), "estimate"),
        (GOOD.replace("-0.5", "half"), "estimate"),
        (GOOD.replace("SMD,-0.5,-0.9,-0.1", "RR,-0.5,-0.9,-0.1"), "estimate"),
        (GOOD.replace("10.1000/abc", "https://doi.org/10.1000/abc"), "doi"),
        (GOOD.replace("2020", "twenty"), "year"),
        (GOOD.replace(",40,", ",0,"), "n"),
        (GOOD.replace(",40,", ",4.5,"), "n"),
        (GOOD.replace("Test et al.", ""), "study"),
        (GOOD.replace(",runners,", ",,"), "population"),
        (GOOD + ",extra", "note"),
    ],
)
def test_bad_rows_name_the_file_line_and_column(tmp_path, bad_row, column):
    path = write(tmp_path, GOOD, bad_row)
    with pytest.raises(ValueError, match=rf"study\.csv, line 3, column '{column}'"):
        load_evidence(path)


def test_bad_header_and_empty_file(tmp_path):
    with pytest.raises(ValueError, match="line 1, column 'estimate'"):
        load_evidence(write(tmp_path, GOOD, header=HEADER.replace("estimate", "effect")))
    with pytest.raises(ValueError, match="line 2, column 'study'.*no rows"):
        load_evidence(write(tmp_path))


def test_unknown_name_is_refused():
    with pytest.raises(ValueError, match="name"):
        load_evidence("no_such_file")
    with pytest.raises(ValueError, match="name"):
        load_evidence("/no/such/file.csv")


def test_doi_url_and_label():
    assert doi_url("10.1136/bjsports-2013-092538") == "https://doi.org/10.1136/bjsports-2013-092538"
    with pytest.raises(ValueError, match="doi"):
        doi_url("doi:10.1136/x")
    labels = label(load_evidence("injury"))
    assert labels.iloc[0] == "Lauersen et al. 2014: strength training vs control"
    with pytest.raises(ValueError, match="table"):
        label([1, 2])


finite = st.floats(-50, 50, allow_nan=False).map(lambda x: round(x, 3))


@settings(max_examples=60, deadline=None)
@given(a=finite, b=finite, c=finite)
def test_estimates_inside_their_interval_load_and_others_fail(tmp_path_factory, a, b, c):
    low, estimate, high = a, b, c
    path = write(
        tmp_path_factory.mktemp("h"),
        f"X,2020,o,c,SMD,{estimate},{low},{high},,p,10.1000/x,",
    )
    if low <= estimate <= high:
        table = load_evidence(path)
        assert (table.loc[0, "ci_low"], table.loc[0, "estimate"], table.loc[0, "ci_high"]) == (
            low,
            estimate,
            high,
        )
    else:
        with pytest.raises(ValueError, match="line 2"):
            load_evidence(path)


def test_every_column_is_documented_in_data_readme():
    from helpers import DATA_DIR

    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    section = readme.split("## data/evidence/*.csv", 1)[1].split("\n## ", 1)[0]
    for column in COLUMNS:
        assert f"`{column}`" in section, column
    for name in available():
        assert f"`{name}.csv`" in section, name
