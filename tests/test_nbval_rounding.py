"""nbval passes on a CPU whose floats differ in the last digit, and fails on a real change.

Another CPU (AVX2 instead of AVX-512, say) computes numpy's ``log``/``exp``/``pow`` to within a
bit or two. Here the committed notebooks are copied and every float with 14 or more significant
digits in their stored outputs gets its last digit changed (text, plotly JSON lists and plotly's
base64 arrays alike): nbval, run as README.md says, must still pass. Its twin changes one number
at the 4th significant digit in one learner-facing output: nbval must fail on that cell.
The rounding that makes this work is ``notebooks/conftest.py``; the copies sit beside a copy of it,
as the lessons do in a clone.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from conftest import NOTEBOOKS, ROOT

pytestmark = pytest.mark.slow

# 00 and 03 failed nbval on an AMD EPYC (AVX2). 03 now rounds what it stores, so it has no long
# float left to change; 00 (base64 arrays) and 07 (plotly lists) still hold some.
LESSONS = ["00-start-here.ipynb", "07-your-own-training-log.ipynb"]
DECIMAL = re.compile(r"(?<![\w.])-?\d+\.\d+(?:[eE][-+]?\d+)?")


def digits(literal: str) -> int:
    mantissa = re.split(r"[eE]", literal.lstrip("-"))[0].replace(".", "")
    return len(mantissa.lstrip("0"))


class LastDigit:
    """Changes the last digit of every long float it is shown, and counts them."""

    def __init__(self):
        self.changed = 0

    def literal(self, match: re.Match) -> str:
        text = match.group(0)
        if digits(text) < 14:
            return text
        mantissa = re.split(r"[eE]", text)[0]
        exponent = text[len(mantissa) :]
        last = int(mantissa[-1])
        self.changed += 1
        return mantissa[:-1] + str(last - 1 if last else 1) + exponent

    def number(self, value: float) -> float:
        if not np.isfinite(value) or digits(repr(value)) < 14:
            return value
        self.changed += 1
        return float(np.nextafter(value, np.inf))  # one bit: the last digit of its repr moves

    def array(self, bdata: str, dtype: str) -> str:
        values = np.frombuffer(base64.b64decode(bdata), dtype="<" + dtype).copy()
        for i, v in enumerate(values):
            if np.isfinite(v) and digits(repr(float(v))) >= 14:
                values[i] = np.nextafter(v, np.inf if dtype == "f8" else np.float32(np.inf))
                self.changed += 1
        return base64.b64encode(values.tobytes()).decode()

    def __call__(self, value):
        if isinstance(value, str):
            value = re.sub(
                r'"bdata"\s*:\s*"([A-Za-z0-9+/=]*)"\s*,\s*"dtype"\s*:\s*"(f[48])"',
                lambda m: f'"bdata":"{self.array(m.group(1), m.group(2))}","dtype":"{m.group(2)}"',
                value,
            )
            return DECIMAL.sub(self.literal, value)
        if isinstance(value, float):
            return self.number(value)
        if isinstance(value, dict):
            if value.keys() == {"bdata", "dtype"} and value["dtype"] in ("f4", "f8"):
                return {**value, "bdata": self.array(value["bdata"], value["dtype"])}
            return {key: self(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self(item) for item in value]
        return value


def copy_lessons(tmp_path: Path, lessons=LESSONS, rounding: bool = True) -> Path:
    """``lessons`` and (with ``rounding``) the notebooks' conftest.py, copied to
    ``tmp_path/notebooks``."""
    target = tmp_path / "notebooks"
    target.mkdir()
    if rounding:
        shutil.copy(NOTEBOOKS / "conftest.py", target / "conftest.py")
    for name in lessons:
        shutil.copy(NOTEBOOKS / name, target / name)
    return target


def outputs(notebook: dict):
    """(number of the code cell as nbval counts them, output) for every stored output."""
    code_cells = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    for index, cell in enumerate(code_cells):
        for output in cell.get("outputs", []):
            yield index, output


def nbval(*notebooks: Path) -> subprocess.CompletedProcess:
    """The README's nbval command on the given notebooks."""
    return subprocess.run(
        [sys.executable, "-m", "pytest", *map(str, notebooks), "--nbval", "--nbval-current-env"]
        + ["--nbval-sanitize-with", str(ROOT / "tests" / "sanitize.cfg")]
        + ["-p", "no:cacheprovider", "-q"],
        cwd=notebooks[0].parent,
        capture_output=True,
        text=True,
        timeout=600,
    )


def add_last_digit_noise(path: Path) -> int:
    """Change the last digit of every long float stored in a notebook; return how many."""
    notebook = json.loads(path.read_text())
    change = LastDigit()
    for _, output in outputs(notebook):
        for key in ("data", "text"):
            if key in output:
                output[key] = change(output[key])
    path.write_text(json.dumps(notebook, indent=1))
    return change.changed


def test_last_digit_noise_passes(tmp_path):
    folder = copy_lessons(tmp_path)
    for name in LESSONS:
        changed = add_last_digit_noise(folder / name)
        assert changed > 0, f"{name}: no float with 14+ significant digits to change"
    run = nbval(*(folder / name for name in LESSONS))
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]


def test_last_digit_noise_fails_without_the_rounding(tmp_path):
    # the noise above is real: nbval's regular expressions alone do not absorb it
    folder = copy_lessons(tmp_path, LESSONS[1:], rounding=False)
    assert add_last_digit_noise(folder / LESSONS[1]) > 0
    run = nbval(folder / LESSONS[1])
    assert run.returncode == 1, run.stdout[-3000:]


def first_long_number(notebook: dict):
    """(cell, output, text, match) for text outputs holding a number of 4+ significant digits."""
    for index, output in outputs(notebook):
        text = output.get("data", {}).get("text/plain") or output.get("text") or ""
        text = "".join(text) if isinstance(text, list) else text
        for match in DECIMAL.finditer(text):
            if digits(match.group(0)) >= 4:
                yield index, output, text, match
                break


def test_a_change_at_the_4th_digit_fails(tmp_path):
    folder = copy_lessons(tmp_path)
    # the first learner-facing number of 4+ significant digits, in lesson 00 (else 03)
    for name in LESSONS:
        path = folder / name
        notebook = json.loads(path.read_text())
        found = next(first_long_number(notebook), None)
        if found is not None:
            break
    else:
        pytest.fail(f"{LESSONS}: no text output with a number of 4+ significant digits")
    index, output, text, number = found
    literal = number.group(0)
    # the 4th significant digit: skip the sign, the point and leading zeros
    seen, position = 0, None
    for i, char in enumerate(literal):
        if char.isdigit() and (seen or char != "0"):
            seen += 1
            if seen == 4:
                position = i
                break
    new_digit = str((int(literal[position]) + 1) % 10)
    changed = literal[:position] + new_digit + literal[position + 1 :]
    edited = text[: number.start()] + changed + text[number.end() :]
    if "data" in output:
        output["data"]["text/plain"] = edited
    else:
        output["text"] = edited
    path.write_text(json.dumps(notebook, indent=1))

    run = nbval(path)
    assert run.returncode == 1, f"{literal} → {changed} went unnoticed:\n{run.stdout[-3000:]}"
    assert "1 failed" in run.stdout, run.stdout[-3000:]
    assert f"Cell {index} " in run.stdout, run.stdout[-3000:]
