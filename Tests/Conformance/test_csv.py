"""projects.csv and project-fields.csv with datapackage.json: valid as a Frictionless data package (both
resources, keys and the foreign key checked), one row per project, one row per project and field of action."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections import Counter

import frictionless
import pytest

from conftest import AS_OF, CONFIG, PROJECT_COUNT, kompass_bin, read_csv_rows, run_tool

HEADER = "id;titel;fortschritt_prozent;beginn_jahr;ende_jahr;status;bisher;in_zukunft;handlungsfelder;nutzende"
FIELDS_HEADER = "id;handlungsfeld;handlungsfeld_code"
FIELD_CODES = {"Prozesse": "prozesse", "Kompetenzen": "kompetenzen", "Kultur": "kultur", "Technologie": "technologie",
               "Leistungen": "leistungen", "Daten": "daten", "Recht": "recht"}


def test_header(output_file):
    first_line = output_file("projects.csv").read_bytes().decode("utf-8").splitlines()[0]
    assert first_line == HEADER


def test_one_row_per_project(output_file):
    rows = read_csv_rows(output_file("projects.csv"))
    assert len(rows) - 1 == PROJECT_COUNT


def test_long_table_header_and_line_ends(output_file):
    data = output_file("project-fields.csv").read_bytes()
    assert data.decode("utf-8").split("\n", 1)[0] == FIELDS_HEADER
    assert b"\r" not in data, "LF line ends only"
    assert data.endswith(b"\n")


def test_long_table_has_one_row_per_project_and_field(output_file):
    projects = read_csv_rows(output_file("projects.csv"))
    column = projects[0].index("handlungsfelder")
    expected = [[row[0], label, FIELD_CODES[label]] for row in projects[1:] for label in row[column].split(",") if label]
    rows = read_csv_rows(output_file("project-fields.csv"))
    assert rows[0] == FIELDS_HEADER.split(";")
    assert len(rows) - 1 == len(expected) == sum(len([f for f in row[column].split(",") if f]) for row in projects[1:])
    assert rows[1:] == expected
    duplicates = [key for key, count in Counter((row[0], row[2]) for row in rows[1:]).items() if count > 1]
    assert not duplicates, f"repeated (id, handlungsfeld_code): {duplicates}"


def test_data_package_is_valid(output_file):
    output_file("projects.csv")
    output_file("project-fields.csv")
    report = frictionless.validate(str(output_file("datapackage.json")))
    errors = [error.message for error in report.errors] + report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert report.valid, f"frictionless: {len(errors)} errors, first ones: {errors[:10]}"
    rows = {task.name: task.stats["rows"] for task in report.tasks}
    field_rows = len(read_csv_rows(output_file("project-fields.csv"))) - 1
    history_rows = len(read_csv_rows(output_file("history.csv"))) - 1
    assert rows == {"projects": PROJECT_COUNT, "project-fields": field_rows, "history": history_rows}


def test_data_package_declares_the_keys(output_file):
    package = json.loads(output_file("datapackage.json").read_text(encoding="utf-8"))
    resources = {resource["name"]: resource for resource in package["resources"]}
    assert list(resources) == ["projects", "project-fields", "history"]
    assert "primaryKey" not in resources["history"]["schema"], "a removed project's row stays: no key to keep"
    assert resources["projects"]["schema"]["primaryKey"] == ["id"]
    schema = resources["project-fields"]["schema"]
    assert schema["primaryKey"] == ["id", "handlungsfeld_code"]
    assert schema["foreignKeys"] == [{"fields": ["id"], "reference": {"resource": "projects", "fields": ["id"]}}]
    fields = {field["name"]: field for field in schema["fields"]}
    assert fields["handlungsfeld"]["constraints"]["enum"] == list(FIELD_CODES)
    assert fields["handlungsfeld_code"]["constraints"]["enum"] == list(FIELD_CODES.values())


def test_frictionless_catches_a_broken_long_table(output_file, tmp_path):
    """The validation above means something: a row for an unknown project, a repeated key and a wrong code fail."""
    for name in ("datapackage.json", "projects.csv", "project-fields.csv"):
        shutil.copy(output_file(name), tmp_path / name)
    original = (tmp_path / "project-fields.csv").read_text(encoding="utf-8")
    first_row = original.split("\n")[1]
    for bad_row, error_type in [("gibt-es-nicht;Daten;daten", "foreign-key"), (first_row, "primary-key"),
                                ("digital-lab;Daten;data", "constraint-error")]:
        (tmp_path / "project-fields.csv").write_text(original + bad_row + "\n", encoding="utf-8")
        report = frictionless.validate(str(tmp_path / "datapackage.json"))
        assert not report.valid, f"frictionless accepts the row {bad_row!r}"
        types = {row[0] for row in report.flatten(["type"])}
        assert error_type in types, f"the row {bad_row!r} gives {types}, not {error_type}"


def test_spreadsheet_copy_when_configured(tmp_path):
    """projects-excel.csv (publication.spreadsheetCopy): UTF-8 with BOM, CRLF, the rows of projects.csv with
    formula-like cells behind an apostrophe; off by default, so this test runs kompass with it switched on."""
    config = json.loads(CONFIG.read_text(encoding="utf-8"))
    for source in config["sources"]:
        for key in ("path", "register"):
            if key in source:
                source[key] = str((CONFIG.parent / source[key]).resolve())
    config["output"] = str(tmp_path / "public")
    config["publication"]["spreadsheetCopy"] = True
    config.pop("$schema", None)
    config_path = tmp_path / "kompass.json"
    config_path.write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
    binary = kompass_bin()
    if not binary.is_file():
        pytest.fail(f"kompass binary not found: {binary}", pytrace=False)
    result = run_tool([str(binary), "run", "--config", str(config_path), "--as-of", AS_OF])
    assert result.returncode == 0, result.stderr[-4000:]

    data = (tmp_path / "public" / "projects-excel.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "no UTF-8 byte-order mark"
    text = data.decode("utf-8-sig")
    assert text.startswith(HEADER + "\r\n")
    copy = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    canonical = read_csv_rows(tmp_path / "public" / "projects.csv")
    assert data.count(b"\r\n") == len(copy), "every row ends in CRLF"
    assert len(copy) == PROJECT_COUNT + 1
    neutralised = [["'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell for cell in row] for row in canonical]
    assert copy == neutralised
