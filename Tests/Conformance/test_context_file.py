"""The JSON-LD context shipped in the repository (schemas/kompass.context.jsonld) is the one kompass publishes
for the default configuration, and the one inlined in projects.jsonld."""

from __future__ import annotations

import json

from conftest import REPO


def test_published_context_equals_the_repository_file(output_file):
    shipped = (REPO / "schemas" / "kompass.context.jsonld").read_bytes()
    assert output_file("context.jsonld").read_bytes() == shipped, \
        "the context changed: review it and copy output/context.jsonld to schemas/kompass.context.jsonld"


def test_inlined_context_equals_the_published_one(output_file):
    inlined = json.loads(output_file("projects.jsonld").read_text(encoding="utf-8"))["@context"]
    published = json.loads(output_file("context.jsonld").read_text(encoding="utf-8"))["@context"]
    assert inlined == published
