"""Shared fixtures: paths, and a real headless Chromium driven by Playwright."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

# Shared, noisy machines: no per-example time limit in property tests (speed is `make bench`'s job).
settings.register_profile("course", deadline=None)
settings.load_profile("course")

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_path() -> str | None:
    """Debian's Chromium (or one named by $CHROMIUM), or None when the machine has none."""
    for candidate in (os.environ.get("CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


def _skip_or_fail(message: str):
    # In CI a browser test that would skip is a failure: CI installs Chromium.
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message + " (CI=true: browser tests must run)", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium browser (Playwright, Debian's chromium via executable_path)."""
    path = chromium_path()
    if path is None:
        _skip_or_fail(
            "Chromium not found: browser tests skipped. Install it with "
            "`sudo apt-get install chromium` (Debian/Ubuntu) or set CHROMIUM=/path/to/chromium."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


class PageErrors(list):
    """Console errors and uncaught exceptions seen by a page."""


@pytest.fixture
def page(browser):
    """A fresh page with the network cut off; ``page.errors`` collects console errors, uncaught
    page exceptions and every request that tried to leave the disk."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = PageErrors()
    page.on(
        "console",
        lambda msg: errors.append(f"console: {msg.text}") if msg.type == "error" else None,
    )
    page.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))

    def offline(route):
        # The site must work in a gym with no network: any request off the disk is an error.
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:", "about:")):
            route.continue_()
        else:
            errors.append(f"network: {url}")
            route.abort()

    context.route("**/*", offline)
    page.errors = errors
    yield page
    context.close()
