"""Numbers a learner reads are rounded to what they mean.

No stored text output of a lesson (printed text, a cell's value, a table) may show a float with
13 or more decimals, such as ``np.float64(14.206699082890463)``: show ``14.2 weeks``. Figures'
data are not text a learner reads and are left out (nbval compares them to 10 significant
digits, see CONTRIBUTING.md).
"""

from __future__ import annotations

import json
import re

import pytest

from conftest import NOTEBOOKS

LONG_FLOAT = re.compile(r"\d+\.\d{13,}")
TEXT_TYPES = ("text/plain", "text/markdown", "text/latex", "text/html")


def texts(output: dict):
    """(kind, text) of every textual part of one stored output."""
    if "text" in output:
        yield (
            "stream",
            "".join(output["text"]) if isinstance(output["text"], list) else output["text"],
        )
    for kind, value in output.get("data", {}).items():
        value = "".join(value) if isinstance(value, list) else value
        if kind in TEXT_TYPES and isinstance(value, str) and "<script" not in value:
            yield kind, value


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.name[:2])
def test_no_stored_text_shows_a_long_float(path):
    cells = [c for c in json.loads(path.read_text())["cells"] if c["cell_type"] == "code"]
    found = [
        f"cell {number} ({kind}): {match}"
        for number, cell in enumerate(cells)
        for output in cell.get("outputs", [])
        for kind, text in texts(output)
        for match in LONG_FLOAT.findall(text)[:1]
    ]
    assert not found, f"{path.name}: round these for the learner: " + "; ".join(found)
