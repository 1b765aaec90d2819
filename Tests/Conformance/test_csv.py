"""projects.csv with datapackage.json: valid as a Frictionless data package, one row per project."""

from __future__ import annotations

import frictionless

from conftest import PROJECT_COUNT, read_csv_rows

HEADER = "id;titel;fortschritt_prozent;beginn_jahr;ende_jahr;status;bisher;in_zukunft;handlungsfelder;nutzende"


def test_header(output_file):
    first_line = output_file("projects.csv").read_bytes().decode("utf-8").splitlines()[0]
    assert first_line == HEADER


def test_one_row_per_project(output_file):
    rows = read_csv_rows(output_file("projects.csv"))
    assert len(rows) - 1 == PROJECT_COUNT


def test_data_package_is_valid(output_file):
    output_file("projects.csv")
    report = frictionless.validate(str(output_file("datapackage.json")))
    errors = [error.message for error in report.errors] + report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert report.valid, f"frictionless: {len(errors)} errors, first ones: {errors[:10]}"
