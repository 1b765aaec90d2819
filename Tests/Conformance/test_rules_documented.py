"""docs/rules.md documents every rule kompass can report, with the severity the code gives it, and the
configuration schema lets a steward tune exactly the rules of the validation catalogue."""

from __future__ import annotations

import json
import re
import subprocess

from conftest import REPO, kompass_bin

DOCS = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
RULE_PREFIXES = ("csv", "json", "xml", "page-text", "register", "source", "merge", "value", "progress", "period",
                 "id", "text", "time", "title", "portfolio", "vocabulary", "self-check")


def rule_ids_in_sources() -> set[str]:
    """Every string literal in Sources/ that has the shape of a rule id with a known prefix."""
    pattern = re.compile(r'"((?:%s)(?:\.[a-z0-9-]+|\.\\\([^)]*\))+)"' % "|".join(re.escape(p) for p in RULE_PREFIXES))
    ids = set()
    for path in (REPO / "Sources").rglob("*.swift"):
        for match in pattern.finditer(path.read_text(encoding="utf-8")):
            rule = match.group(1)
            rule = rule.replace("\\(Own.schemeCode)", "SCHEME").replace("\\(file.rawValue)", "<file>")
            if "\\(" in rule:
                continue
            if "SCHEME" in rule:
                ids |= {rule.replace("SCHEME", "handlungsfelder"), rule.replace("SCHEME", "nutzende")}
            else:
                ids.add(rule)
    # Literals that are not rule ids: file names and keys that happen to share a prefix.
    return {i for i in ids if not re.search(r"\.(csv|json|jsonld|rdf|rss|ttl|txt|xml)$", i) or i.startswith("self-check")}


def test_every_rule_in_the_code_is_documented():
    ids = rule_ids_in_sources()
    assert len(ids) > 60, sorted(ids)
    missing = sorted(i for i in ids if f"`{i}`" not in DOCS)
    assert not missing, f"rules reported by the code but missing from docs/rules.md: {missing}"


def catalogue():
    result = subprocess.run([str(kompass_bin()), "rules", "--report", "json"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_documented_severities_and_parameters_match_the_catalogue():
    for rule in catalogue():
        row = next((line for line in DOCS.splitlines() if line.startswith(f"| `{rule['rule']}` |")), None)
        assert row, f"{rule['rule']} has no row in the catalogue table of docs/rules.md"
        cells = [c.strip() for c in row.split("|")]
        assert cells[2] == rule["severity"], (rule["rule"], cells[2])
        for name, value in rule["parameters"].items():
            assert f"`{name}` {value:g}" in cells[3], (rule["rule"], name, cells[3])


def test_configuration_schema_tunes_exactly_the_catalogue():
    schema = json.loads((REPO / "schemas" / "kompass-config.schema.json").read_text(encoding="utf-8"))
    tunable = schema["properties"]["validation"]["properties"]["rules"]["properties"]
    rules = catalogue()
    assert sorted(tunable) == sorted(r["rule"] for r in rules)
    for rule in rules:
        assert set(tunable[rule["rule"]]["properties"]) == {"enabled", "severity", *rule["parameters"]}
