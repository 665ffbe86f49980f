"""Execute lessons in fresh kernels: for the site (cached by the catalogue's key) and to store
outputs in the notebooks (``make outputs``).

Kernels talk to this process over IPC sockets (Unix domain sockets in ``_build/kernels/``), not
TCP on localhost: nothing is exposed on the network and the kernel has no reason to warn about
unencrypted TCP. A failing cell stops the build with the notebook, the cell and the error.
"""

from __future__ import annotations

import copy
import os
import re
import time
import uuid
from pathlib import Path

import nbformat

from helpers.publish.catalog import (
    BUILD,
    Lesson,
    LessonError,
    _rel,
    execution_key,
    find_lessons,
    log,
    read_lesson,
    write_atomic,
)
from helpers.publish.checks import check_figures

EXECUTE_TIMEOUT_S = 300
#: Connection files and IPC sockets of running kernels (removed when a kernel shuts down).
KERNELS = BUILD / "kernels"
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _kernel_config():
    """Kernel manager settings: IPC transport, sockets next to a per-kernel connection file.

    The socket paths are ``<connection file without .json>-ipc-<n>``; a short random name keeps
    them well under the 107-byte limit of a Unix socket path.
    """
    from traitlets.config import Config

    KERNELS.mkdir(parents=True, exist_ok=True)
    connection = KERNELS / f"k-{uuid.uuid4().hex[:12]}.json"
    return Config({"KernelManager": {"transport": "ipc", "connection_file": str(connection)}})


def execute(
    lesson: Lesson, static: bool = True, renderer: str | None = None
) -> nbformat.NotebookNode:
    """Execute a copy of the lesson in a fresh kernel, in ``notebooks/``; return it.

    ``renderer`` names another plotly renderer (benchmarks compare with plotly's own).

    Raises LessonError naming the notebook, the cell number and the error.
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, DeadKernelError

    nb = copy.deepcopy(lesson.nb)
    # The kernel's own environment: lessons run in parallel threads, so this process's
    # os.environ is left alone.
    env = {**os.environ, "STRONGER_MILES_STATIC": "1" if static else "0", "PYTHONHASHSEED": "0"}
    env.pop("PLOTLY_RENDERER", None)  # the course renderer, whatever the shell says
    if renderer:
        env["PLOTLY_RENDERER"] = renderer
    client = NotebookClient(
        nb,
        timeout=EXECUTE_TIMEOUT_S,
        kernel_name="python3",
        resources={"metadata": {"path": str(lesson.path.parent)}},
        record_timing=False,
        store_widget_state=False,
        config=_kernel_config(),
    )
    current = {"index": None}
    client.on_cell_start = lambda cell, cell_index: current.update(index=cell_index)
    try:
        client.execute(env=env)
    except (CellExecutionError, DeadKernelError) as exc:
        index = current["index"]
        cell = nb.cells[index] if index is not None else None
        where = f"cell {index + 1} of {len(nb.cells)}" if index is not None else "kernel start"
        excerpt = "\n".join(
            "    " + line for line in (cell.source if cell else "").splitlines()[:8]
        )
        text = _ANSI.sub("", str(exc)).strip()
        reason = text.splitlines()[-1] if text else type(exc).__name__
        raise LessonError(f"{_rel(lesson.path)}: {where} failed: {reason}\n{excerpt}") from None
    _normalise(nb)
    return nb


def _normalise(nb) -> None:
    """Drop what changes from run to run but teaches nothing (timings, widget state)."""
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        cell.get("metadata", {}).pop("execution", None)


def executed(lesson: Lesson, cache: Path) -> tuple[nbformat.NotebookNode, str, float]:
    """The executed lesson from the cache, or executed now; (notebook, key, seconds)."""
    key = execution_key(lesson)
    cached = cache / f"{lesson.stem}-{key}.ipynb"
    if cached.exists():
        return nbformat.read(cached, as_version=4), key, 0.0
    start = time.perf_counter()
    nb = execute(lesson)
    seconds = time.perf_counter() - start
    check_figures(lesson, nb)
    for old in cache.glob(f"{lesson.stem}-*.ipynb"):
        old.unlink(missing_ok=True)
    write_atomic(cached, nbformat.writes(nb).encode())
    return nb, key, seconds


def store_outputs(names: list[str]) -> None:
    """Execute lessons (all, or the named ones) and store their outputs in the notebooks."""
    paths = find_lessons()
    if names:
        # a path that exists is that notebook; anything else names a lesson of notebooks/
        chosen, by_stem = [], {p.stem: p for p in paths}
        for name in names:
            given = Path(name)
            if given.suffix == ".ipynb" and given.is_file():
                chosen.append(given.resolve())
            elif given.stem in by_stem:
                chosen.append(by_stem[given.stem])
            else:
                raise LessonError(f"no such lesson: {name}")
        paths = chosen
    for path in paths:
        lesson = read_lesson(path)
        start = time.perf_counter()
        nb = execute(lesson)
        check_figures(lesson, nb)
        nbformat.write(nb, path)
        log(f"  {path.name}: outputs stored ({time.perf_counter() - start:.1f} s)")
