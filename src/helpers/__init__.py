"""Stronger Miles: models and tools for the course on strength training for marathon runners.

Layers (imports go downward only):

- science: :mod:`helpers.units`, :mod:`helpers.strength`, :mod:`helpers.load`,
  :mod:`helpers.banister_fit`, :mod:`helpers.running`, :mod:`helpers.fueling`,
  :mod:`helpers.race_carbs`, :mod:`helpers.body` (numpy and pandas only)
- data: :mod:`helpers.exercises`, :mod:`helpers.logs`, :mod:`helpers.plans`,
  :mod:`helpers.evidence`, :mod:`helpers.mobility`, :mod:`helpers.meals`,
  :mod:`helpers.references`, :mod:`helpers.lessons`, :mod:`helpers.workshop`,
  :mod:`helpers.poses`, :mod:`helpers.warmup`
- view: :mod:`helpers.figures` (plotly), :mod:`helpers.explore` (sliders and widgets)
- publish: :mod:`helpers.publish` (catalogue, execute, render, checks; the browser edition in
  :mod:`helpers.publish.lite`)

Importing :mod:`helpers.figures` registers the course's plotly renderer.
"""

import os
from importlib import resources
from pathlib import Path

__version__ = "0.1.0"

#: The repository root when the package is installed editable from a checkout.
ROOT = Path(__file__).resolve().parents[2]
#: Environment variable naming a course data folder to use instead of the packaged one.
DATA_ENV = "STRONGER_MILES_DATA"
#: A file every course data folder holds (how a candidate folder is recognised).
_DATA_MARKER = "exercises.csv"


def data_dir() -> Path:
    """The course data folder (exercises, evidence tables, recipes, sample exports).

    Looked for, in order: the folder named by ``$STRONGER_MILES_DATA``; the ``data`` folder
    packaged inside ``helpers`` (a wheel built from the repository, e.g. in the browser edition);
    ``data/`` at the repository root (an editable install from a checkout).

    Returns
    -------
    Path
        The first folder that holds ``exercises.csv``.

    Raises
    ------
    FileNotFoundError
        Naming every place tried, when none holds the data.
    """
    env = os.environ.get(DATA_ENV)
    if env:
        path = Path(env).expanduser()
        if (path / _DATA_MARKER).is_file():
            return path
        raise FileNotFoundError(
            f"{DATA_ENV}={env!r}: no {_DATA_MARKER} there; expected the course's data folder "
            "(unset the variable to use the packaged data)"
        )
    tried = []
    packaged = resources.files(__name__) / "data"
    for candidate in (packaged, ROOT / "data"):
        path = Path(str(candidate))
        if (path / _DATA_MARKER).is_file():
            return path
        tried.append(str(path))
    raise FileNotFoundError(
        f"the course data ({_DATA_MARKER} and the rest) was not found; tried "
        + ", ".join(tried)
        + f" (set {DATA_ENV} to the course's data/ folder, or install helpers from a wheel "
        "built from the repository, which carries it)"
    )


def __getattr__(name: str):
    # DATA_DIR is resolved when a module first asks for it, so that importing helpers alone
    # never fails and the error names the places tried.
    if name == "DATA_DIR":
        return data_dir()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
