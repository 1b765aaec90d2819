"""Data fidelity: projects.csv says what the page says, checked against an independent reading of the page.

page_text.py reads config/sources/digital-basel-umsetzung.txt without kompass's importer; each project on the page
is compared, in page order, with the CSV row at the same position.
"""

from __future__ import annotations

import pytest

from conftest import PAGE_TEXT, PROJECT_COUNT, read_csv_rows
from page_text import read_page

# The fields of action (Handlungsfelder), the only labels that belong in the "Felder" bullets.
# Validation finding (issue 4): the page lists the user groups Mitarbeitende, Bevölkerung and Wirtschaft among the
# Felder bullets of project 2. They are not fields of action, so for now only these labels are expected, in page order;
# what kompass should report about the stray bullets is for issue 4 to decide.
FIELDS_OF_ACTION = {"Prozesse", "Kompetenzen", "Kultur", "Technologie", "Leistungen", "Daten", "Recht"}

PAGE = read_page(PAGE_TEXT)


@pytest.fixture(scope="module")
def rows(output_file) -> list[dict[str, str]]:
    header, *data = read_csv_rows(output_file("projects.csv"))
    return [dict(zip(header, row)) for row in data]


def expected_row(project) -> dict[str, str]:
    return {
        "fortschritt_prozent": str(project.progress),
        "beginn_jahr": str(project.start_year),
        "ende_jahr": "" if project.end_year is None else str(project.end_year),
        "bisher": "\n".join(project.before),
        "in_zukunft": "\n".join(project.future),
        "handlungsfelder": ",".join(f for f in project.fields if f in FIELDS_OF_ACTION),
        "nutzende": ",".join(project.users),
    }


def test_page_reading_finds_every_project():
    assert len(PAGE) == PROJECT_COUNT


@pytest.mark.parametrize("project", PAGE, ids=lambda p: f"project-{p.number:02}")
def test_row_matches_page(rows, project):
    assert len(rows) >= project.number, f"projects.csv has only {len(rows)} rows"
    row = rows[project.number - 1]
    expected = expected_row(project)
    actual = {column: row.get(column) for column in expected}
    assert actual == expected, f"row {project.number} ({row.get('id')}, {row.get('titel')!r}) differs from the page"
