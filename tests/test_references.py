"""Tests for the course's reference list (data/references.csv) against what the lessons cite.

Every DOI a lesson cites (in any markdown or code cell) must be in the file; every entry of the
file must be cited by some lesson; the evidence files cite only listed papers; and no
learner-facing text (lessons, data, the helpers package) points at a file outside the repository.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpers import DATA_DIR
from helpers.evidence import available, load_evidence
from helpers.references import COLUMNS, cite, dois_in_text, load_references

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
HEADER = ",".join(COLUMNS)
GOOD = "smith2020,Smith A,2020,A title,J Test 1:1–2,10.1000/abc,,"
#: Names of files that live outside the repository (authoring notes, other checkouts).
OUTSIDE = re.compile(r"SCIENCE\.md|\.\./shared|/work/|\.\./\.\./", re.IGNORECASE)


def lesson_citations() -> dict[str, list[tuple[str, int]]]:
    """Each DOI cited in the lessons' sources → the (lesson file, cell index) places citing it."""
    found: dict[str, list[tuple[str, int]]] = {}
    for notebook in NOTEBOOKS:
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        for index, cell in enumerate(cells):
            for doi in dois_in_text("".join(cell["source"])):
                found.setdefault(doi, []).append((notebook.name, index))
    return found


def test_the_course_has_its_lessons_and_references():
    assert len(NOTEBOOKS) >= 11
    refs = load_references()
    assert len(refs) >= 40
    assert refs.loc["wu2024", "doi"] == "10.1007/s40279-024-01993-7"


def test_every_doi_a_lesson_cites_is_in_the_reference_file():
    listed = set(load_references()["doi"].str.lower()) - {""}
    missing = [
        f"doi:{doi} cited in {', '.join(f'{name} cell {cell}' for name, cell in places)}"
        for doi, places in sorted(lesson_citations().items())
        if doi not in listed
    ]
    assert not missing, "not in data/references.csv (add a row for each):\n" + "\n".join(missing)


def test_every_reference_is_cited_by_some_lesson():
    cited = set(lesson_citations())
    refs = load_references()
    unused = [
        f"{key} (doi:{doi})"
        for key, doi in zip(refs["key"], refs["doi"], strict=True)
        if doi and doi.lower() not in cited
    ]
    assert not unused, "in data/references.csv but cited by no lesson:\n" + "\n".join(unused)


def test_every_evidence_row_cites_a_listed_paper():
    listed = set(load_references()["doi"].str.lower())
    for name in available():
        for doi in load_evidence(name)["doi"]:
            assert doi.lower() in listed, f"data/evidence/{name}.csv cites doi:{doi}, not listed"


def test_no_learner_facing_text_names_a_file_outside_the_repository():
    files = [*NOTEBOOKS, *sorted(DATA_DIR.rglob("*"))]
    files += sorted((ROOT / "src" / "helpers").rglob("*"))
    offenders = []
    for path in files:
        if not path.is_file() or path.suffix in {".png", ".jpg", ".fit", ".pyc"}:
            continue
        text = path.read_text(encoding="utf-8", errors="ignore")
        if path.suffix == ".ipynb":  # sources only: outputs are regenerated from them
            cells = json.loads(text)["cells"]
            text = "\n".join("".join(c["source"]) for c in cells)
        for match in OUTSIDE.finditer(text):
            offenders.append(f"{path.relative_to(ROOT)}: {match.group(0)!r}")
    assert not offenders, "\n".join(offenders)


def test_dois_in_text_finds_links_and_drops_trailing_stops():
    text = (
        "(Wu et al. 2024) [doi:10.1007/s40279-024-01993-7](https://doi.org/10.1007/s40279-024-01993-7)."
        " See also doi:10.1136/BJSPORTS-2020-102025."
    )
    assert dois_in_text(text) == ["10.1007/s40279-024-01993-7", "10.1136/bjsports-2020-102025"]
    assert dois_in_text("no reference here, 10.5 kg") == []


def write(tmp_path, *rows):
    path = tmp_path / "refs.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "bad_row, column, problem",
    [
        (GOOD.replace("smith2020", "Smith 2020"), "key", "snake_case"),
        (GOOD.replace("2020,A", "20x0,A"), "year", "year"),
        (GOOD.replace("10.1000/abc", "https://doi.org/10.1000/abc"), "doi", "doi"),
        (GOOD.replace("10.1000/abc,,", ",,"), "url", "needs a url"),
        (GOOD.replace("10.1000/abc,,", ",http://x.org,"), "url", "https"),
        (GOOD.replace("A title", ""), "title", "empty"),
    ],
)
def test_bad_rows_name_the_file_line_and_column(tmp_path, bad_row, column, problem):
    with pytest.raises(ValueError, match=rf"refs\.csv, line 2, column '{column}'.*{problem}"):
        load_references(write(tmp_path, bad_row))


def test_repeated_keys_and_dois_are_refused(tmp_path):
    other = GOOD.replace("smith2020", "smith2020b").replace("10.1000/abc", "10.1000/ABC")
    with pytest.raises(ValueError, match=r"line 3, column 'doi'.*repeats line 2"):
        load_references(write(tmp_path, GOOD, other))
    with pytest.raises(ValueError, match=r"line 3, column 'key'.*repeats line 2"):
        load_references(write(tmp_path, GOOD, GOOD.replace("10.1000/abc", "10.1000/xyz")))


def test_cite_writes_a_references_section_in_the_given_order():
    text = cite(["toresdahl2020", "lauersen2014"])
    first, second = text.splitlines()
    assert first.startswith("- Toresdahl BG, McElheny K") and "(2020)" in first
    assert first.endswith(
        "[doi:10.1177/1941738119877180](https://doi.org/10.1177/1941738119877180)"
    )
    assert "*Br J Sports Med 48:871–877*" in second
    with pytest.raises(ValueError, match="nobody2099"):
        cite(["nobody2099"])


def test_readme_documents_every_column():
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    section = readme.split("## data/references.csv", 1)[1].split("\n## ", 1)[0]
    for column in COLUMNS:
        assert f"`{column}`" in section, column


#: Lessons whose References section is written from data/references.csv by
#: ``helpers.references.cite`` (the others are checked DOI by DOI above).
WRITTEN_FROM_FILE = ("00", "01", "02", "09", "10")


@pytest.mark.parametrize("number", WRITTEN_FROM_FILE)
def test_references_section_is_written_from_the_file(number):
    (notebook,) = [n for n in NOTEBOOKS if n.name.startswith(f"{number}-")]
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    (section,) = ["".join(c["source"]) for c in cells if "".join(c["source"]).startswith("## Ref")]
    refs = load_references()
    by_doi = {doi.lower(): key for key, doi in zip(refs["key"], refs["doi"], strict=True) if doi}
    # a source without a DOI is listed by its address, as cite() writes it: <https://…>
    by_url = {
        url.lower(): key
        for key, doi, url in zip(refs["key"], refs["doi"], refs["url"], strict=True)
        if url and not doi
    }
    found = re.findall(r"\[doi:([^\]]+)\]|<(https?://[^>]+)>", section.lower())
    keys = [by_doi[doi] if doi else by_url[url] for doi, url in found]
    assert keys, f"{notebook.name}: no references found"
    expected = "## References\n\n" + cite(keys, refs)
    assert section.strip() == expected, f"{notebook.name}: rewrite with references.cite({keys})"
    # and every paper the lesson's text cites by DOI is in that section
    body = "\n".join("".join(c["source"]) for c in cells if c is not cells[-1])
    assert set(dois_in_text(body)) <= {refs.loc[k, "doi"].lower() for k in keys}
