"""The recipe file and the carbohydrate-day planner."""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import meals

RECIPES = meals.load_recipes()
HEADER = ",".join(meals.COLUMNS)
GOOD = "toast,Toast,breakfast,100,50,8,5,3,Toast the bread.,vegetarian;quick"


def test_recipe_file_is_complete():
    assert len(RECIPES) >= 15
    assert RECIPES["id"].is_unique
    assert set(RECIPES["meal"]) == set(meals.MEALS)
    macros = RECIPES[["carbs_g", "protein_g", "fat_g", "fibre_g"]].sum(axis=1)
    assert (macros <= RECIPES["serving_g"]).all()
    assert RECIPES["tags"].apply(lambda t: isinstance(t, tuple)).all()
    # energy per serving between a small snack and a large plate (4·C + 4·P + 9·F kcal)
    kcal = 4 * RECIPES["carbs_g"] + 4 * RECIPES["protein_g"] + 9 * RECIPES["fat_g"]
    assert kcal.between(80, 900).all()


def _write(tmp_path, *lines):
    path = tmp_path / "recipes.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_good_file_loads(tmp_path):
    table = meals.load_recipes(_write(tmp_path, HEADER, GOOD))
    assert table.loc[0, "carbs_g"] == 50.0 and table.loc[0, "tags"] == ("vegetarian", "quick")


@pytest.mark.parametrize(
    ("row", "line", "column"),
    [
        (GOOD.replace("breakfast", "brunch"), 3, "meal"),
        (GOOD.replace(",50,", ",fifty,"), 3, "carbs_g"),
        (GOOD.replace(",50,", ",-5,"), 3, "carbs_g"),
        (GOOD.replace(",100,", ",0,"), 3, "serving_g"),
        (GOOD.replace(",100,", ",20,"), 3, "serving_g"),  # 66 g of nutrients in a 20 g serving
        (GOOD.replace("quick", "tasty"), 3, "tags"),
        (GOOD.replace("Toast the bread.", "Toast, then butter"), 3, "tags"),  # unquoted comma
        (GOOD.replace("toast,Toast", "Toast,Toast"), 3, "id"),
        (GOOD.replace("Toast,b", ",b"), 3, "name"),
        (GOOD, 3, "id"),  # duplicate of line 2
    ],
)
def test_malformed_row_names_file_line_and_column(tmp_path, row, line, column):
    path = _write(tmp_path, HEADER, GOOD, row)
    with pytest.raises(ValueError, match=rf"recipes\.csv, line {line}, column '{column}'"):
        meals.load_recipes(path)


def test_bad_header_and_missing_file(tmp_path):
    with pytest.raises(ValueError, match="line 1, column 'carbs_g'"):
        meals.load_recipes(_write(tmp_path, HEADER.replace("carbs_g", "carbs"), GOOD))
    with pytest.raises(ValueError, match="no recipes"):
        meals.load_recipes(_write(tmp_path, HEADER))
    with pytest.raises(ValueError, match="path"):
        meals.load_recipes(tmp_path / "nowhere.csv")


def test_carb_loading_day_meets_the_target():
    # 70 kg at 10 g/kg (Burke 2011 loading): 700 g ± 5 % = 665–735 g
    day = meals.plan_carb_day(RECIPES, 70, g_per_kg=10)
    total = day.iloc[-1]
    assert total["meal"] == "total" and day.attrs["target_g"] == 700
    assert 665 <= total["carbs_g"] <= 735
    assert total["carbs_g"] == pytest.approx(day["carbs_g"].iloc[:-1].sum())
    body = day.iloc[:-1]
    assert (body["carbs_g"] == body["servings"] * body["carbs_per_serving_g"]).all()
    assert body["meal"].tolist() == ["breakfast", "snack", "lunch", "snack", "dinner"]
    assert body["recipe"].is_unique


def test_planner_is_deterministic_and_respects_tags():
    first = meals.plan_carb_day(RECIPES, 62, g_per_kg=11, meals=6, tags=("low_fibre",))
    second = meals.plan_carb_day(RECIPES, 62, g_per_kg=11, meals=6, tags="low_fibre")
    pd.testing.assert_frame_equal(first, second)
    low_fibre = set(RECIPES.loc[RECIPES["tags"].apply(lambda t: "low_fibre" in t), "name"])
    assert set(first["recipe"].iloc[:-1]) <= low_fibre


@settings(max_examples=40, deadline=None)
@given(mass=st.floats(45, 90), g_per_kg=st.floats(8, 12), n=st.integers(4, 6))
def test_planner_always_lands_within_five_percent(mass, g_per_kg, n):
    day = meals.plan_carb_day(RECIPES, mass, g_per_kg=g_per_kg, meals=n)
    assert abs(day["carbs_g"].iloc[-1] / (mass * g_per_kg) - 1) <= 0.05 + 1e-12
    assert day["servings"].iloc[:-1].between(0.5, 3).all()


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"body_mass_kg": 0}, "body_mass_kg"),
        ({"body_mass_kg": 70, "g_per_kg": 20}, "g_per_kg"),
        ({"body_mass_kg": 70, "meals": 8}, "meals"),
        ({"body_mass_kg": 70, "meals": 4.5}, "meals"),
        ({"body_mass_kg": 70, "tags": ("spicy",)}, "tags"),
        ({"body_mass_kg": 90, "g_per_kg": 12, "meals": 3}, "g_per_kg"),  # 1080 g in 3 meals
        ({"body_mass_kg": 70, "tags": ("vegan", "low_fibre")}, "tags"),  # no such breakfast
    ],
)
def test_planner_bad_input_names_the_parameter(kwargs, name):
    with pytest.raises(ValueError, match=name):
        meals.plan_carb_day(RECIPES, **kwargs)
    with pytest.raises(ValueError, match="recipes"):
        meals.plan_carb_day(pd.DataFrame({"id": ["x"]}), 70)
