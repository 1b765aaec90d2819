"""The sample sources and configurations in config/ follow the formal schemas in schemas/, checked with
independent tools: jsonschema for JSON, frictionless for CSV, xmllint for XML."""

from __future__ import annotations

import json
import subprocess

import jsonschema
import pytest
from frictionless import Dialect, Resource, Schema, formats

from conftest import REPO, require_tool

SCHEMAS = REPO / "schemas"
SAMPLES = REPO / "config" / "sources" / "samples"
DRAFT = jsonschema.Draft202012Validator


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def schema_registry():
    """Schemas refer to each other by file name (mapping.schema.json); resolve those offline."""
    from referencing import Registry, Resource as Ref
    resources = [(p.name, Ref.from_contents(load(p))) for p in SCHEMAS.glob("*.schema.json")]
    resources += [(load(p)["$id"], Ref.from_contents(load(p))) for p in SCHEMAS.glob("*.schema.json")]
    return Registry().with_resources(resources)


def validate(instance, schema_name):
    schema = load(SCHEMAS / schema_name)
    DRAFT(schema, registry=schema_registry()).validate(instance)


@pytest.mark.parametrize("name", sorted(p.name for p in SCHEMAS.glob("*.schema.json")))
def test_every_json_schema_is_valid(name):
    DRAFT.check_schema(load(SCHEMAS / name))


def test_canonical_json_sample_follows_the_input_schema():
    records = load(SAMPLES / "portfolio.json")
    validate(records, "kompass-input.schema.json")
    assert len(records) == 34


def test_canonical_json_lines_sample_follows_the_input_schema():
    lines = (SAMPLES / "portfolio.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 34
    validate([json.loads(line) for line in lines], "kompass-input.schema.json")


def test_canonical_csv_sample_follows_the_table_schema():
    schema = load(SCHEMAS / "kompass-input.tableschema.json")
    schema.pop("$schema_note", None)
    dialect = Dialect(controls=[formats.CsvControl(delimiter=";")])
    resource = Resource(path="portfolio.csv", basepath=str(SAMPLES), schema=Schema.from_descriptor(schema), dialect=dialect)
    report = resource.validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert len(resource.read_rows()) == 34


@pytest.mark.parametrize("name", ["portfolio.xml", "portfolio-tool.xml"])
def test_xml_samples_follow_the_xsd(name):
    xmllint = require_tool("xmllint")
    result = subprocess.run([xmllint, "--noout", "--nonet", "--schema", str(SCHEMAS / "kompass-input.xsd"),
                             str(SAMPLES / name)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


CONFIGURATIONS = sorted([REPO / "config" / "kompass.json", *(REPO / "config" / "examples").glob("*.json"),
                         *(REPO / "config" / "mappings").glob("*.json")])


@pytest.mark.parametrize("path", CONFIGURATIONS, ids=lambda p: str(p.relative_to(REPO)))
def test_every_configuration_and_mapping_follows_its_schema(path):
    document = load(path)
    if "sources" not in document and "fields" not in document:
        pytest.fail(f"{path} is neither a configuration nor a mapping")
    validate(document, "kompass-config.schema.json" if "sources" in document else "mapping.schema.json")


def test_published_table_schema_equals_the_input_table_schema(output_file):
    published = load(output_file("datapackage.json"))["resources"][0]["schema"]
    shipped = load(SCHEMAS / "kompass-input.tableschema.json")
    shipped.pop("$schema_note", None)
    assert published == shipped


def test_every_optional_setting_is_in_the_schemas():
    """The keys kompass reads but the shipped files leave out (guard, retired lists, the landing page's limit,
    the spreadsheet copy, date forms, normalisations, column synonyms) are allowed by the schemas, and a bad
    value is refused there as kompass refuses it."""
    config = load(REPO / "config" / "kompass.json")
    config["guard"] = {"maxShrink": 0.5}
    config["sources"][0]["retired"] = ["e-voting"]
    config["publication"]["landingPageLimit"] = 500
    config["publication"]["spreadsheetCopy"] = True
    validate(config, "kompass-config.schema.json")
    for key, bad in [("guard", {"maxShrink": 2}), ("guard", {"share": 0.5})]:
        with pytest.raises(jsonschema.ValidationError):
            validate({**config, key: bad}, "kompass-config.schema.json")

    mapping = load(REPO / "config" / "mappings" / "kompass-csv.json")
    mapping["dateForm"] = "DD.MM.YYYY"
    mapping["normalise"] = ["trim", "nfc"]
    mapping["fields"]["title"] = ["titel", "Titel des Vorhabens"]
    validate(mapping, "mapping.schema.json")
    for key, bad in [("dateForm", "MM/DD/YYYY"), ("normalise", ["lowercase"])]:
        with pytest.raises(jsonschema.ValidationError):
            validate({**mapping, key: bad}, "mapping.schema.json")
