"""Build hook: a wheel built from the repository carries the course data as ``helpers/data``.

Everything else about the package is declared in pyproject.toml. An editable install reads
``data/`` from the checkout instead (see :func:`helpers.data_dir`).
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

DATA = Path(__file__).resolve().parent / "data"


class BuildPyWithData(build_py):
    """Copy the course's ``data/`` folder into the built ``helpers`` package."""

    def run(self):
        super().run()
        if self.editable_mode or not DATA.is_dir():
            return
        dest = Path(self.build_lib) / "helpers" / "data"
        shutil.copytree(
            DATA, dest, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__")
        )


setup(cmdclass={"build_py": BuildPyWithData})
