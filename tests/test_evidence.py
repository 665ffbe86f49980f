"""Tests for helpers.evidence: the shipped study tables and the checks on load."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.evidence import (
    COLUMNS,
    INTERVALS,
    MEASURES,
    available,
    clear_effect,
    doi_url,
    label,
    load_evidence,
)

HEADER = ",".join(COLUMNS)
GOOD = "Test et al.,2020,running economy,heavy vs control,SMD,-0.5,-0.9,-0.1,ci95,40,runners,10.1000/abc,"


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
    # Denadai et al. 2017, published as mean ± 95 % confidence limits: overall -3.93 ± 1.19 %,
    # explosive -4.83 ± 1.53, heavy -3.65 ± 2.74, isometric -2.20 ± 4.37 (crosses 0)
    for comparison, value, limit in [
        ("all", -3.93, 1.19),
        ("explosive", -4.83, 1.53),
        ("heavy", -3.65, 2.74),
        ("isometric", -2.20, 4.37),
    ]:
        d = row(table, "Denadai et al.", comparison)
        assert (d["measure"], d["estimate"], d["interval"]) == ("%", value, "ci95_pm")
        assert d["ci_low"] == pytest.approx(value - limit, abs=1e-9)
        assert d["ci_high"] == pytest.approx(value + limit, abs=1e-9)
    # Eihara et al. 2022: heavy g -0.32 [-0.55, -0.10]; plyometric g -0.13 [-0.47, 0.21];
    # heavy at >= 90 % 1RM g -0.31 [-0.61, -0.02]
    heavy = row(table, "Eihara et al.", "heavy resistance")
    plyo = row(table, "Eihara et al.", "plyometric")
    near_max = row(table, "Eihara et al.", "heavy training at")
    assert (heavy["estimate"], heavy["ci_low"], heavy["ci_high"]) == (-0.32, -0.55, -0.10)
    assert (plyo["estimate"], plyo["ci_low"], plyo["ci_high"]) == (-0.13, -0.47, 0.21)
    assert (near_max["estimate"], near_max["ci_low"], near_max["ci_high"]) == (-0.31, -0.61, -0.02)
    # Blagrove et al. 2018: a 2-8 % range, no pooled estimate
    blag = row(table, "Blagrove et al.", "strength")
    assert math.isnan(blag["estimate"]) and (blag["ci_low"], blag["ci_high"]) == (-8, -2)
    assert blag["interval"] == "range"
    # Eihara et al. 2022 time trials: heavy g -0.24 (printed interval is a misprint, left out);
    # plyometric g -0.17 [-0.27, -0.06]
    trial = load_evidence("performance")
    assert row(trial, "Eihara et al.", "heavy")["estimate"] == -0.24
    assert row(trial, "Eihara et al.", "heavy")["interval"] == "none"
    p = row(trial, "Eihara et al.", "plyometric")
    assert (p["estimate"], p["ci_low"], p["ci_high"]) == (-0.17, -0.27, -0.06)


def test_injury_and_interference_numbers_match_the_papers():
    injury = load_evidence("injury")
    # Lauersen et al. 2014: strength RR 0.315 (0.207-0.480), proprioception 0.550 (0.347-0.869),
    # stretching 0.963 (0.846-1.095)
    for comparison, values in [
        ("strength", (0.315, 0.207, 0.480)),
        ("proprioception", (0.550, 0.347, 0.869)),
        ("stretching", (0.963, 0.846, 1.095)),
    ]:
        r = row(injury[injury["year"] == 2014], "Lauersen et al.", comparison)
        assert (r["estimate"], r["ci_low"], r["ci_high"]) == values
    # Lauersen et al. 2018 strength-only update: RR 0.338 (0.238-0.480)
    update = injury[injury["year"] == 2018].iloc[0]
    assert (update["estimate"], update["ci_low"], update["ci_high"]) == (0.338, 0.238, 0.480)
    # Toresdahl et al. 2020, first-time marathoners: RR 0.97 (0.57-1.63), 720 runners
    t = row(injury, "Toresdahl et al.", "home strength")
    assert (t["estimate"], t["ci_low"], t["ci_high"], t["n"]) == (0.97, 0.57, 1.63, 720)
    # Schumann et al. 2022, concurrent vs strength alone: maximal strength SMD -0.06
    # (-0.20, 0.09), explosive -0.28 (-0.48, -0.08), hypertrophy -0.01 (-0.16, 0.18)
    inter = load_evidence("interference").set_index("outcome")
    assert tuple(inter.loc["maximal strength", ["estimate", "ci_low", "ci_high"]]) == (
        -0.06,
        -0.20,
        0.09,
    )
    assert tuple(inter.loc["explosive strength", ["estimate", "ci_low", "ci_high"]]) == (
        -0.28,
        -0.48,
        -0.08,
    )
    # Lundberg et al. 2022: type I fibres SMD -0.34 (-0.72, 0.04)
    assert inter.loc["type I fibre hypertrophy", "estimate"] == -0.34
    # Lipman et al. 2017: 22 of 42 (52 %) vs 16 of 47 (34 %); difference 18 (-4, 41) points;
    # OR 2.1 (0.9, 5.1)
    race = load_evidence("race_weekend")
    rd = race[race["measure"] == "RD"].iloc[0]
    odds = race[race["measure"] == "OR"].iloc[0]
    assert (rd["estimate"], rd["ci_low"], rd["ci_high"]) == (18, -4, 41)
    assert (odds["estimate"], odds["ci_low"], odds["ci_high"]) == (2.1, 0.9, 5.1)


def test_clear_effect_follows_the_interval_not_the_point():
    economy = load_evidence("running_economy").set_index("comparison", drop=False)
    clear = clear_effect(economy)
    # Denadai isometric -2.20 ± 4.37 crosses 0; heavy -3.65 ± 2.74 does not
    assert not clear["isometric training vs control"]
    assert bool(clear["heavy training vs control"]) is True
    assert not clear["plyometric training vs control"]
    assert clear.isna()["strength training vs control (20 studies)"]  # a range, not a CI
    injury = clear_effect(load_evidence("injury")).tolist()
    assert injury == [True, True, False, True, False]  # stretching and Toresdahl cross 1
    # Lundberg's overall fibre estimate touches 0 (upper limit -0.00): not clear
    inter = load_evidence("interference")
    touching = inter["outcome"] == "muscle fibre hypertrophy (all fibres)"
    assert not clear_effect(inter)[touching].iloc[0]
    with pytest.raises(ValueError, match="table"):
        clear_effect(economy[["measure"]])


def test_every_shipped_interval_fits_its_kind():
    for name in available():
        table = load_evidence(name)
        assert set(table["interval"]) <= set(INTERVALS)
        assert table["ci_low"].isna().eq(table["interval"] == "none").all(), name


@pytest.mark.parametrize(
    "bad_row, column",
    [
        (GOOD.replace("SMD", "HR"), "measure"),
        (GOOD.replace(",ci95,", ",ci90,"), "interval"),
        (GOOD.replace(",ci95,", ",none,"), "interval"),
        (GOOD.replace(",ci95,", ",,"), "interval"),
        (GOOD.replace("-0.9,-0.1,ci95", ",,ci95"), "interval"),
        (GOOD.replace(",ci95,", ",range,"), "estimate"),
        (GOOD.replace("SMD,-0.5,-0.9,-0.1", "OR,-0.5,-0.9,-0.1"), "estimate"),
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
        f"X,2020,o,c,SMD,{estimate},{low},{high},ci95,,p,10.1000/x,",
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
    for kind in INTERVALS:
        assert f"`{kind}`" in section, kind
    for name in available():
        assert f"`{name}.csv`" in section, name


def test_forest_plot_draws_every_interval_and_marks_the_unclear_ones():
    from helpers import figures

    economy = load_evidence("running_economy")
    fig = figures.evidence_forest(economy[economy["measure"] == "%"], "economy", rows=5)
    clear, crossing, point, band, null = fig.data
    # Denadai overall, explosive and heavy are clear; isometric (-2.20 ± 4.37) crosses 0
    assert list(clear.x) == [-3.93, -4.83, -3.65]
    assert list(crossing.x) == [-2.20]
    assert list(crossing.error_x.array) == [4.37] and list(crossing.error_x.arrayminus) == [4.37]
    assert list(clear.error_x.array) == [1.19, 1.53, 2.74]  # rounded, no 1.5300000000000002
    assert len(point.x) == 0 and list(band.x) == [-8, -2, None]
    assert list(null.x) == [0.0, 0.0]
    injury = figures.evidence_forest(load_evidence("injury"), "injury", rows=5)
    # stretching (0.846-1.095) and Toresdahl (0.57-1.63) cross RR = 1 on a log axis
    assert list(injury.data[1].x) == [0.963, 0.97]
    assert injury.layout.xaxis.type == "log" and list(injury.data[4].x) == [1.0, 1.0]
