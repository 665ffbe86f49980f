"""Authoring aid: turn a percent-format script into a lesson notebook (outputs not stored).

Cells start with ``# %%`` (code) or ``# %% [markdown]``; tags go after the marker as
``# %% tags=["solution"]``. Markdown lines are written as comments (``# text``).
Usage: ``python tools/py2nb.py draft.py notebooks/NN-title.ipynb [--meta summary=... minutes=20 level=all]``
Then ``make outputs NB=notebooks/NN-title.ipynb`` executes it and stores the outputs.
"""

import json
import re
import sys
from pathlib import Path

import nbformat

MARKER = re.compile(r"^# %%(?P<md> \[markdown\])?(?: tags=(?P<tags>\[.*\]))?\s*$")


def convert(text: str) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    cells, kind, tags, lines = [], None, [], []

    def flush():
        if kind is None:
            return
        body = "\n".join(lines).strip("\n")
        if kind == "markdown":
            body = "\n".join(re.sub(r"^# ?", "", ln) for ln in body.splitlines())
            cell = nbformat.v4.new_markdown_cell(body)
        else:
            cell = nbformat.v4.new_code_cell(body)
        if tags:
            cell.metadata["tags"] = tags
        cells.append(cell)

    for line in text.splitlines():
        m = MARKER.match(line)
        if m:
            flush()
            kind = "markdown" if m.group("md") else "code"
            tags = json.loads(m.group("tags")) if m.group("tags") else []
            lines = []
        else:
            lines.append(line)
    flush()
    for i, cell in enumerate(cells):
        cell["id"] = f"c{i:03d}"
    nb.cells = cells
    nb.metadata = {
        "kernelspec": {
            "display_name": "Python 3 (ipykernel)",
            "language": "python",
            "name": "python3",
        },
        "language_info": {"name": "python", "pygments_lexer": "ipython3"},
    }
    return nb


def main(argv):
    src, dst, *meta = argv
    nb = convert(Path(src).read_text())
    info = {}
    for item in meta:
        if item == "--meta":
            continue
        key, _, value = item.partition("=")
        info[key] = int(value) if value.isdigit() else value
    if info:
        nb.metadata["stronger_miles"] = info
    nbformat.write(nb, dst)
    print(f"wrote {dst}: {len(nb.cells)} cells")


if __name__ == "__main__":
    main(sys.argv[1:])
