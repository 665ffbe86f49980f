"""Recipes and a carbohydrate-day planner: load ``data/recipes.csv``, plan a day that meets a g/kg target.

The recipes are the course's own simple dishes with nutrient values per serving estimated from
standard food-composition tables (rounded; see ``data/README.md``). :func:`plan_carb_day` picks a
recipe for each meal of the day and the number of servings so the day's carbohydrate lands within
± 5 % of a target in g per kg of body mass, for instance the 10–12 g/kg of carbohydrate loading
(:func:`helpers.fueling.carb_loading`).

Example
-------
>>> recipes = load_recipes()
>>> day = plan_carb_day(recipes, body_mass_kg=70, g_per_kg=10)
>>> bool(abs(day["carbs_g"].iloc[-1] / 700 - 1) <= 0.05)
True
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import numpy as np
import pandas as pd

from helpers import DATA_DIR
from helpers._checks import check_integer, check_range
from helpers._table import check_unique, read_rows

#: The recipe file's columns, in file order.
COLUMNS = (
    "id",
    "name",
    "meal",
    "serving_g",
    "carbs_g",
    "protein_g",
    "fat_g",
    "fibre_g",
    "method",
    "tags",
)
MEALS = ("breakfast", "lunch", "dinner", "snack", "race")
TAGS = (
    "vegetarian",
    "vegan",
    "dairy_free",
    "gluten_free",
    "low_fibre",
    "quick",
    "make_ahead",
    "portable",
)
NUTRIENTS = ("serving_g", "carbs_g", "protein_g", "fat_g", "fibre_g")
#: Meal slots of a day by the number of meals (race food is not part of a planned day).
DAY_SLOTS = {
    3: ("breakfast", "lunch", "dinner"),
    4: ("breakfast", "lunch", "snack", "dinner"),
    5: ("breakfast", "snack", "lunch", "snack", "dinner"),
    6: ("breakfast", "snack", "lunch", "snack", "dinner", "snack"),
}
#: Servings the planner may choose for a meal (half servings allowed).
SERVINGS = (0.5, 1.0, 1.5, 2.0, 2.5, 3.0)
TOLERANCE = 0.05

_ID = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")


def _parse_cell(column: str, value: str):
    """One cell as its Python value; raises ValueError saying what is wrong."""
    if not value and column != "tags":
        raise ValueError("required value is empty")
    if column == "id" and not _ID.match(value):
        raise ValueError(f"id must be snake_case (a-z, 0-9, _), got {value!r}")
    if column == "meal" and value not in MEALS:
        raise ValueError(f"unknown meal {value!r} (allowed: {', '.join(MEALS)})")
    if column in NUTRIENTS:
        try:
            number = float(value)
        except ValueError:
            raise ValueError(f"{column} must be a number of grams, got {value!r}") from None
        if not np.isfinite(number) or number < 0 or (column == "serving_g" and number == 0):
            raise ValueError(f"{column} must be a finite number of grams ≥ 0, got {value!r}")
        return number
    if column == "tags":
        items = tuple(item.strip() for item in value.split(";")) if value else ()
        for item in items:
            if item not in TAGS:
                raise ValueError(f"unknown tag {item!r} (allowed: {', '.join(TAGS)})")
        return items
    return value


def load_recipes(path=None) -> pd.DataFrame:
    """Load and check the recipe file.

    Parameters
    ----------
    path : str or Path, optional
        A CSV file with the columns of :data:`COLUMNS`. Default: ``data/recipes.csv``.

    Returns
    -------
    DataFrame
        One row per recipe; nutrient columns are floats in grams per serving, ``tags`` is a
        tuple of strings.

    Raises
    ------
    ValueError
        If the file is missing, its header differs from :data:`COLUMNS`, or a row has the wrong
        number of values, an empty required value, an unknown meal or tag, a nutrient that is not
        a number ≥ 0, macronutrients heavier than the serving, or a duplicate id. The message
        names the file, the line and the column.

    Examples
    --------
    >>> recipes = load_recipes()
    >>> float(recipes.set_index("id").loc["bagel_honey", "carbs_g"])
    70.0
    """
    path = Path(DATA_DIR / "recipes.csv" if path is None else path)
    if not path.is_file():
        raise ValueError(f"path {str(path)!r} is not a file")

    def serving_fits(record):
        macros = record["carbs_g"] + record["protein_g"] + record["fat_g"]
        if macros + record["fibre_g"] > record["serving_g"]:
            return "serving_g", f"nutrients add up to more than the serving ({macros} g)"
        return None

    rows = read_rows(path, COLUMNS, _parse_cell, "recipes", serving_fits)
    check_unique(path, rows)
    records = [record for _, record in rows]
    return pd.DataFrame.from_records(records, columns=COLUMNS)


def plan_carb_day(recipes, body_mass_kg, g_per_kg=10.0, meals=5, tags=()):
    """A day of meals whose carbohydrate is within ± 5 % of ``g_per_kg × body_mass_kg``.

    Deterministic: each meal slot (:data:`DAY_SLOTS`) gets a recipe of its kind, taken in order
    of carbohydrate per serving (richest first; repeated slots such as two snacks take the next
    recipe down, starting again at the top when the kind runs out). Then every combination of servings (:data:`SERVINGS`, half servings
    from 0.5 to 3) is searched, and among those within ± 5 % of the target the planner keeps the
    one with the most even portions (smallest max − min servings), then the smallest largest
    portion, then the smallest error, then the first in order.

    Parameters
    ----------
    recipes : DataFrame
        Recipes as returned by :func:`load_recipes`.
    body_mass_kg : float
        Body mass [kg], 20–250.
    g_per_kg : float, default 10.0
        Carbohydrate target [g/kg/day], 3–14 (10–12 for carbohydrate loading).
    meals : int, default 5
        Meals in the day, 3–6.
    tags : sequence of str, optional
        Keep only recipes carrying all these tags (e.g. ``("low_fibre",)`` in the last days
        before a race).

    Returns
    -------
    DataFrame
        One row per meal and a final ``total`` row: ``meal``, ``recipe``, ``servings``,
        ``carbs_per_serving_g``, ``protein_per_serving_g``, ``carbs_g``, ``protein_g``,
        ``fat_g``, ``fibre_g`` (the meal's totals for the chosen servings).
        ``attrs["target_g"]`` holds the target.

    Raises
    ------
    ValueError
        On bad input, when a meal kind has no recipe left after the tag filter, or when no
        combination of servings lands within ± 5 % of the target.

    Examples
    --------
    >>> day = plan_carb_day(load_recipes(), 60, g_per_kg=10, meals=4)
    >>> day["meal"].tolist()
    ['breakfast', 'lunch', 'snack', 'dinner', 'total']

    References
    ----------
    Burke LM, Hawley JA, Wong SHS, Jeukendrup AE (2011). Carbohydrates for training and
    competition. J Sports Sci 29(S1):S17–S27. doi:10.1080/02640414.2011.585473
    """
    check_range("body_mass_kg", body_mass_kg, 20, 250, unit="kg")
    check_range("g_per_kg", g_per_kg, 3, 14, unit="g/kg")
    meals = check_integer("meals", meals, 3, 6)
    if np.ndim(body_mass_kg) or np.ndim(g_per_kg):
        raise ValueError("body_mass_kg and g_per_kg must be single numbers (one day)")
    if isinstance(tags, str):
        tags = (tags,)
    for tag in tags:
        if tag not in TAGS:
            raise ValueError(f"tags must be from {list(TAGS)}, got {tag!r}")
    missing = [c for c in COLUMNS if c not in getattr(recipes, "columns", ())]
    if missing:
        raise ValueError(f"recipes must be a DataFrame from load_recipes(), missing {missing}")
    target = float(body_mass_kg) * float(g_per_kg)

    chosen = _pick_recipes(recipes, DAY_SLOTS[meals], tags)
    carbs = chosen["carbs_g"].to_numpy(dtype=float)
    grid = np.array(list(itertools.product(SERVINGS, repeat=meals)))
    totals = grid @ carbs
    error = np.abs(totals - target)
    ok = error <= TOLERANCE * target
    if not ok.any():
        raise ValueError(
            f"g_per_kg={g_per_kg} for body_mass_kg={body_mass_kg} ({target:.0f} g) cannot be met "
            f"within ±5 % by {meals} meals of 0.5–3 servings (possible "
            f"{totals.min():.0f}–{totals.max():.0f} g): change meals or tags"
        )
    candidates = np.flatnonzero(ok)
    portions = grid[ok]
    spread = portions.max(axis=1) - portions.min(axis=1)
    # lexsort sorts by the last key first: most even portions, smallest largest portion,
    # smallest error, first in order
    keys = (candidates, error[ok], portions.max(axis=1), spread)
    best = candidates[np.lexsort(keys)[0]]
    servings = grid[best]

    day = pd.DataFrame(
        {
            "meal": list(DAY_SLOTS[meals]),
            "recipe": chosen["name"].to_list(),
            "servings": servings,
            "carbs_per_serving_g": carbs,
            "protein_per_serving_g": chosen["protein_g"].to_numpy(dtype=float),
        }
    )
    for column in ("carbs_g", "protein_g", "fat_g", "fibre_g"):
        day[column] = servings * chosen[column].to_numpy(dtype=float)
    total = {"meal": "total", "recipe": "", "servings": servings.sum()}
    total |= {c: day[c].sum() for c in ("carbs_g", "protein_g", "fat_g", "fibre_g")}
    day = pd.concat([day, pd.DataFrame([total])], ignore_index=True)
    day.attrs["target_g"] = target
    return day


def _pick_recipes(recipes: pd.DataFrame, slots, tags) -> pd.DataFrame:
    """One recipe per slot: richest in carbohydrate first, a different one for repeated slots."""
    keep = recipes["tags"].apply(lambda have: all(tag in have for tag in tags))
    pool = recipes[keep].sort_values(["carbs_g", "id"], ascending=[False, True], kind="stable")
    rows = []
    for position, meal in enumerate(slots):
        kind = pool[pool["meal"] == meal]
        if kind.empty:
            raise ValueError(f"tags {list(tags)} leave no {meal} recipe for the day")
        rows.append(kind.iloc[slots[:position].count(meal) % len(kind)])
    return pd.DataFrame(rows).reset_index(drop=True)
