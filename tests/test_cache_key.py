"""The site's execution cache is invalidated by an edit to a helper module a lesson uses.

``make site`` re-executes a lesson only when its execution key changes. The key must follow the
lesson's cells and every ``helpers`` module it imports (directly or through another module), and
must not change for an edit elsewhere. Checked on a real copy of ``src/``, ``data/`` and
``requirements/`` whose files are edited, with ``execution_key`` from ``helpers.publish`` run in
a fresh interpreter that imports the copy.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap

from conftest import NOTEBOOKS, ROOT

LESSON = NOTEBOOKS / "00-start-here.ipynb"  # imports helpers.explore, figures and units

SCRIPT = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    import helpers
    from helpers.publish import execution_key, read_lesson

    copy = Path(sys.argv[1])
    assert Path(helpers.__file__).resolve().is_relative_to(copy), helpers.__file__
    lesson = read_lesson(Path(sys.argv[2]))
    keys = {"first": execution_key(lesson), "again": execution_key(lesson)}
    for step, relative in (("used", "src/helpers/units.py"), ("unused", sys.argv[3])):
        path = copy / relative
        path.write_text(path.read_text() + "\\n# an edit\\n")
        keys[step] = execution_key(lesson)
    print(json.dumps(keys))
    """
)


def test_editing_a_helper_the_lesson_uses_changes_its_key(tmp_path):
    copy = tmp_path / "course"
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    for folder in ("src", "data", "requirements"):
        shutil.copytree(ROOT / folder, copy / folder, ignore=ignore)
    # a science module lesson 00 does not import, even through figures or explore
    unused = "src/helpers/fueling.py"

    env = {**os.environ, "PYTHONPATH": str(copy / "src")}
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(copy), str(LESSON), unused],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    keys = json.loads(run.stdout.strip().splitlines()[-1])
    assert keys["first"] == keys["again"]  # deterministic
    assert keys["used"] != keys["again"], "editing helpers/units.py left lesson 00's key unchanged"
    assert keys["unused"] == keys["used"], "editing helpers/fueling.py changed lesson 00's key"
