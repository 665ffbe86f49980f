"""nbval compares the lessons' outputs with every float rounded to 10 significant digits.

numpy's vectorised ``log``, ``exp`` and ``pow`` take different SIMD paths on different CPUs
(AVX-512, AVX2, baseline) and may differ in the last bit of a float64. A stored output such as
``np.float64(14.206699082890463)`` or a plotly curve would then fail nbval on a learner's
machine although nothing changed. nbval's own sanitizers (``tests/sanitize.cfg``) are regular
expressions: they cannot round a number, and they never see plotly figures, which nbval keeps
as JSON objects rather than text. So this file wraps nbval's ``IPyNbCell.sanitize``: after the
regular expressions, both the stored and the fresh output have every float with 11 or more
significant digits rounded to 10, in

- text (``text/plain``, ``text/html``, streams): every decimal literal such as ``14.2066990828``;
- JSON objects (``application/vnd.plotly.v1+json``): every float, and every string inside;
- plotly's binary arrays (``{"dtype": "f8", "bdata": "<base64>"}``), as objects or as text inside
  ``text/html``: decoded, rounded, and written back as a plain list.

A last-bit difference (relative 1e-16) survives 10 significant digits only in the rare case where
it straddles a rounding boundary (odds about 1e-6 per number); a change at the 4th, or even the
9th, significant digit is still caught. ``tests/test_nbval_rounding.py`` proves both.

pytest loads this file for any run that collects a notebook in ``notebooks/`` (``make test``, or
``pytest notebooks/06-....ipynb --nbval ...`` as README.md says). ``notebooks/__init__.py`` gives
it the module name ``notebooks.conftest``, so it never shadows ``tests/conftest.py``, from which
the tests import ``ROOT``.
"""

from __future__ import annotations

import base64
import json
import re

import numpy as np

SIGNIFICANT_DIGITS = 10

# A decimal literal, with an optional exponent: 14.206699082890463, -0.1, 1.2345678901234e-05
_FLOAT = re.compile(r"(?<![\w.])-?\d+\.\d+(?:[eE][-+]?\d+)?")
# plotly's typed array as text, keys in either order (plotly writes them sorted)
_BDATA = re.compile(
    r'\{\s*"bdata"\s*:\s*"(?P<b1>[A-Za-z0-9+/=]*)"\s*,\s*"dtype"\s*:\s*"(?P<d1>f[48])"\s*\}'
    r'|\{\s*"dtype"\s*:\s*"(?P<d2>f[48])"\s*,\s*"bdata"\s*:\s*"(?P<b2>[A-Za-z0-9+/=]*)"\s*\}'
)


def significant_digits(literal: str) -> int:
    """Number of significant digits of a decimal literal: ``"0.0012300"`` → 5."""
    mantissa = re.split(r"[eE]", literal.lstrip("-"))[0].replace(".", "")
    return len(mantissa.lstrip("0")) or 1


def round_float(value: float) -> float:
    """``value`` rounded to :data:`SIGNIFICANT_DIGITS` significant digits."""
    return float(f"{value:.{SIGNIFICANT_DIGITS}g}")


def _round_literal(match: re.Match) -> str:
    literal = match.group(0)
    if significant_digits(literal) <= SIGNIFICANT_DIGITS:
        return literal
    return repr(round_float(float(literal)))


def _decode(bdata: str, dtype: str) -> list[float]:
    values = np.frombuffer(base64.b64decode(bdata), dtype="<" + dtype)
    return [round_float(float(v)) if np.isfinite(v) else float(v) for v in values]


def _round_bdata_text(match: re.Match) -> str:
    bdata, dtype = (
        match.group("b1") or match.group("b2") or "",
        match.group("d1") or match.group("d2"),
    )
    return json.dumps(_decode(bdata, dtype))


def round_floats(value):
    """A copy of an output value (text or JSON) with long floats rounded; other values as given."""
    if isinstance(value, str):
        return _FLOAT.sub(_round_literal, _BDATA.sub(_round_bdata_text, value))
    if isinstance(value, float):
        return round_float(value) if np.isfinite(value) else value
    if isinstance(value, dict):
        if set(value) == {"bdata", "dtype"} and value["dtype"] in ("f4", "f8"):
            return _decode(value["bdata"], value["dtype"])
        return {key: round_floats(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [round_floats(item) for item in value]
    return value


def pytest_configure(config):
    """Wrap nbval's sanitizer (once) when nbval is installed."""
    try:
        from nbval.plugin import IPyNbCell
    except ImportError:
        return
    if getattr(IPyNbCell.sanitize, "rounds_floats", False):
        return
    regex_only = IPyNbCell.sanitize

    def sanitize(self, s):
        return round_floats(regex_only(self, s))

    sanitize.rounds_floats = True
    IPyNbCell.sanitize = sanitize
