"""Look at a page as a person would: headless Chromium screenshot plus console errors.

Usage: ``python tools/screenshot.py _build/html/03-progressive-overload.html shot.png [--full]``
``--figures`` also writes one PNG per figure (``shot-fig1.png``, …), readable at full size;
``--phone`` looks at the page 390 px wide, as on a phone in the gym (default: 1200 px).
Exits 1 when the page logs a console error or a figure fails to draw.
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def main(argv):
    page_path, out = Path(argv[0]).resolve(), argv[1]
    full = "--full" in argv
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        size = (
            {"width": 390, "height": 844} if "--phone" in argv else {"width": 1200, "height": 900}
        )
        page = browser.new_page(viewport=size)
        errors = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(page_path.as_uri())
        page.wait_for_timeout(1500)
        figures = page.locator(".sm-figure")
        count = figures.count()
        drawn = 0
        for i in range(count):
            fig = figures.nth(i)
            fig.evaluate("el => el.scrollIntoView({block: 'start', behavior: 'instant'})")
            page.wait_for_timeout(300)
            drawn += fig.get_attribute("data-drawn") == "1" and fig.locator(".main-svg").count() > 0
            if "--figures" in argv:
                fig.screenshot(path=out.removesuffix(".png") + f"-fig{i + 1}.png")
        page.screenshot(path=out, full_page=full)
        browser.close()
    print(f"{page_path.name}: {count} figures, {drawn} drawn, console errors: {errors or 'none'}")
    return 1 if errors or drawn < count else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
