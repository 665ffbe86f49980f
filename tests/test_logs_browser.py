"""An activity name from a user's export is shown as text on the published page, never run."""

from __future__ import annotations

import nbformat
import pytest

from helpers import publish

pytestmark = pytest.mark.browser

EVIL = "<img src=x onerror=alert(1)>"
HEADER = "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance"


def test_activity_name_is_plain_text_in_the_page(tmp_path, page):
    (tmp_path / "activities.csv").write_text(
        HEADER + f'\n1,"Mar 5, 2024, 6:12:00 AM",{EVIL},Run,3000,10\n', encoding="utf-8"
    )
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# XSS check"),
        nbformat.v4.new_code_cell(
            "from helpers.logs import read_strava_export\n"
            'result = read_strava_export("activities.csv")\n'
            "result.log"
        ),
        nbformat.v4.new_code_cell('print(result.log["name"].iloc[0])'),
    ]
    nb.metadata["stronger_miles"] = {  # the facts every lesson carries (publish.catalog)
        "minutes": 5,
        "level": "everyone",
        "summary": "An activity name shown as text.",
        "learn": "activity names as text",
        "in_workshop": False,
        "workshop_focus": [],
    }
    path = tmp_path / "99-xss-check.ipynb"
    nbformat.write(nb, path)
    lesson = publish.read_lesson(path)
    executed = publish.execute(lesson)
    context = publish.page_context(publish.lesson_items([lesson]), 0, student=False)
    html = publish.render(publish.make_exporter(), executed, context)
    publish.copy_static(tmp_path)
    page_path = tmp_path / "99-xss-check.html"
    page_path.write_text(html, encoding="utf-8")

    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(page_path.as_uri())
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    assert dialogs == []
    assert page.errors == []
    assert page.locator('img[src="x"]').count() == 0
    text = page.inner_text("body")
    assert text.count(EVIL) >= 2  # the table cell and the printed name
