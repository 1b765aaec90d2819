"""history.csv is described like the other tables: its Table Schema (datapackage.json) and CSVW table
(csv-metadata.json) name its columns, and the German event codes of `ereignis` with their meaning; frictionless and
csvw (independent validators) accept the published file against them."""

from __future__ import annotations

import csv
import json

GERMAN_EVENTS = ["entfernt", "fortschritt", "neu", "status"]


def test_the_data_package_describes_history_with_its_german_event_codes(output_file):
    package = json.loads(output_file("datapackage.json").read_text(encoding="utf-8"))
    history = next(r for r in package["resources"] if r["path"] == "history.csv")
    fields = {f["name"]: f for f in history["schema"]["fields"]}
    assert list(fields) == ["datum", "id", "ereignis", "fortschritt_prozent", "status"]
    assert fields["datum"]["type"] == "date"
    assert fields["ereignis"]["constraints"]["enum"] == GERMAN_EVENTS
    assert all(code in fields["ereignis"]["description"] for code in GERMAN_EVENTS)
    with output_file("history.csv").open(encoding="utf-8", newline="") as handle:
        events = {row["ereignis"] for row in csv.DictReader(handle, delimiter=";")}
    assert events and events <= set(GERMAN_EVENTS)


def test_frictionless_accepts_history_against_its_schema(output_file):
    from frictionless import Package

    report = Package(str(output_file("datapackage.json"))).get_resource("history").validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_the_csvw_metadata_describes_history(output_file):
    metadata = json.loads(output_file("csv-metadata.json").read_text(encoding="utf-8"))
    table = next(t for t in metadata["tables"] if t["url"] == "history.csv")
    columns = {c["name"]: c for c in table["tableSchema"]["columns"]}
    assert columns["datum"]["datatype"] == "date"
    assert columns["ereignis"]["datatype"]["format"] == "^(entfernt|fortschritt|neu|status)$"
