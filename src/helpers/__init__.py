"""Stronger Miles: models and tools for the course on strength training for marathon runners.

Layers (imports go downward only):

- science: :mod:`helpers.units`, :mod:`helpers.strength`, :mod:`helpers.load`,
  :mod:`helpers.running`, :mod:`helpers.fueling` (numpy and pandas only)
- data: :mod:`helpers.exercises`, :mod:`helpers.logs`, :mod:`helpers.plans`,
  :mod:`helpers.evidence`, :mod:`helpers.mobility`, :mod:`helpers.meals`, :mod:`helpers.workshop`
- view: :mod:`helpers.figures` (plotly), :mod:`helpers.explore` (sliders and widgets)
- publish: :mod:`helpers.publish` (execute, render, index, check)

Importing :mod:`helpers.figures` registers the course's plotly renderer.
"""

from pathlib import Path

__version__ = "0.1.0"

#: The repository root when the package is installed editable from a checkout.
ROOT = Path(__file__).resolve().parents[2]
#: The course data folder (``data/`` at the repository root).
DATA_DIR = ROOT / "data"
