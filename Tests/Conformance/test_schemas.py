"""The JSON Schemas in schemas/ hold for what they describe, checked with the independent `jsonschema` package."""

from __future__ import annotations

import json
import subprocess

import jsonschema
import pytest

from conftest import CONFIG, REPO, kompass_bin

SCHEMAS = REPO / "schemas"


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["kompass-config.schema.json", "report.schema.json"])
def test_schema_is_a_valid_draft_2020_12_schema(name):
    jsonschema.Draft202012Validator.check_schema(load(SCHEMAS / name))


def test_default_configuration_follows_its_schema():
    jsonschema.validate(load(CONFIG), load(SCHEMAS / "kompass-config.schema.json"),
                        cls=jsonschema.Draft202012Validator)


def test_schema_rejects_a_configuration_kompass_rejects():
    config = load(CONFIG)
    config["publication"]["licence"] = "cc-by"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(config, load(SCHEMAS / "kompass-config.schema.json"), cls=jsonschema.Draft202012Validator)


def test_json_report_follows_its_schema():
    result = subprocess.run([str(kompass_bin()), "validate", "--config", str(CONFIG), "--report", "json",
                             "--as-of", "2026-11-30"], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    jsonschema.validate(report, load(SCHEMAS / "report.schema.json"), cls=jsonschema.Draft202012Validator)
    assert report["projects"] == 34
    assert report["summary"]["warning"] == len([f for f in report["findings"] if f["severity"] == "warning"])
