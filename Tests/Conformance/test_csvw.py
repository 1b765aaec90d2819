"""csv-metadata.json: CSVW metadata of projects.csv and project-fields.csv, checked with the csvw package
(the validation of `csvwvalidate`: datatypes, required cells, primary keys, the foreign key)."""

from __future__ import annotations

import json
import shutil
import sys
from collections import defaultdict
from pathlib import Path

import csvw
import pytest

from conftest import PROJECT_COUNT, read_csv_rows, run_tool

TABLES = ["projects.csv", "project-fields.csv", "history.csv"]


@pytest.fixture(scope="module")
def metadata_path(output_file):
    for name in TABLES:
        output_file(name)
    return output_file("csv-metadata.json")


@pytest.fixture(scope="module")
def metadata(metadata_path):
    return json.loads(metadata_path.read_text(encoding="utf-8"))


def warnings_of(path: Path) -> list[str]:
    """Every problem csvw finds while loading and validating the table group, as `csvwvalidate` does: the
    warnings it records, or the error it raises (some, like a value out of range, are raised). Empty when valid."""
    try:
        document = csvw.CSVW(str(path), validate=True)
        valid = document.is_valid
    except ValueError as error:
        return [str(error)]
    messages = [str(warning.message) for warning in document.warnings]
    assert valid == (not messages)
    return messages


def test_csvw_validates_both_tables(metadata_path):
    assert warnings_of(metadata_path) == []


def test_csvwvalidate_accepts_it(metadata_path):
    command = Path(sys.executable).parent / "csvwvalidate"
    if not command.is_file():
        pytest.fail(f"{command} not found: run scripts/install-test-deps", pytrace=False)
    result = run_tool([str(command), "--verbose", str(metadata_path)])
    assert result.returncode == 0 and "OK" in result.stdout, f"csvwvalidate:\n{result.stdout}{result.stderr}"


def test_table_group_in_german_with_the_dialect(metadata):
    assert metadata["@context"] == ["http://www.w3.org/ns/csvw", {"@language": "de"}]
    assert metadata["@type"] == "TableGroup"
    dialect = metadata["dialect"]
    assert (dialect["delimiter"], dialect["header"], dialect["encoding"]) == (";", True, "utf-8")
    assert [table["url"] for table in metadata["tables"]] == TABLES, "URLs relative to the metadata file"


def test_columns_are_the_headers_with_german_titles(metadata, output_file):
    for table in metadata["tables"]:
        header = read_csv_rows(output_file(table["url"]))[0]
        columns = [column for column in table["tableSchema"]["columns"] if not column.get("virtual")]
        assert [column["name"] for column in columns] == header
        for column in columns:
            titles = column["titles"] if isinstance(column["titles"], list) else [column["titles"]]
            assert titles[0] and titles[0] != column["name"], f"{column['name']}: no German title first"


def test_types_lists_and_keys(metadata):
    projects, fields, history = (table["tableSchema"] for table in metadata["tables"])
    assert "primaryKey" not in history and "foreignKeys" not in history
    columns = {column.get("name"): column for column in projects["columns"]}
    assert columns["fortschritt_prozent"]["datatype"] == {"base": "integer", "minimum": 0, "maximum": 100}
    assert columns["beginn_jahr"]["datatype"] == columns["ende_jahr"]["datatype"] == "gYear"
    assert columns["beginn_jahr"]["required"] is True and columns["ende_jahr"]["required"] is False
    assert columns["handlungsfelder"]["separator"] == columns["nutzende"]["separator"] == ","
    assert all("separator" not in column for name, column in columns.items() if name not in ("handlungsfelder", "nutzende"))
    assert projects["primaryKey"] == "id"
    assert fields["primaryKey"] == ["id", "handlungsfeld_code"]
    assert fields["foreignKeys"] == [
        {"columnReference": "id", "reference": {"resource": "projects.csv", "columnReference": "id"}}]


def test_rows_read_through_the_metadata(metadata_path, output_file):
    group = csvw.TableGroup.from_file(str(metadata_path))
    assert group.check_referential_integrity()
    tables = {str(table.url): table for table in group.tables}
    assert list(tables) == TABLES
    for table in tables.values():
        assert table.check_primary_key()
    projects = list(tables["projects.csv"].iterdicts(strict=True))
    links = list(tables["project-fields.csv"].iterdicts(strict=True))
    assert len(projects) == PROJECT_COUNT
    assert len(links) == len(read_csv_rows(output_file("project-fields.csv"))) - 1
    # Typed values: integers and split lists; the long table is the lists of projects.csv, row by row.
    assert all(isinstance(row["fortschritt_prozent"], int) and 0 <= row["fortschritt_prozent"] <= 100 for row in projects)
    assert all(isinstance(row["handlungsfelder"], list) for row in projects)
    by_project = defaultdict(list)
    for row in links:
        by_project[row["id"]].append(row["handlungsfeld"])
    assert {row["id"]: row["handlungsfelder"] for row in projects if row["handlungsfelder"]} == dict(by_project)


def test_csvw_catches_broken_data(metadata_path, output_file, tmp_path):
    """The validation above means something: a wrong value, an unknown project and a repeated key fail."""
    shutil.copy(metadata_path, tmp_path / metadata_path.name)
    for name in TABLES:
        shutil.copy(output_file(name), tmp_path / name)
    projects = (tmp_path / "projects.csv").read_text(encoding="utf-8")
    links = (tmp_path / "project-fields.csv").read_text(encoding="utf-8")
    first_link = links.split("\n")[1]
    header, first, rest = projects.split("\n", 2)
    cells = first.split(";")
    cells[2] = "130"
    cases = {
        "progress above 100": (header + "\n" + ";".join(cells) + "\n" + rest, links),
        "unknown project": (projects, links + "gibt-es-nicht;Daten;daten\n"),
        "repeated key": (projects, links + first_link + "\n"),
        "unknown field code": (projects, links + first_link.rsplit(";", 1)[0] + ";data\n"),
    }
    for case, (projects_text, links_text) in cases.items():
        (tmp_path / "projects.csv").write_text(projects_text, encoding="utf-8")
        (tmp_path / "project-fields.csv").write_text(links_text, encoding="utf-8")
        assert warnings_of(tmp_path / metadata_path.name), f"csvw accepts the data with {case}"
