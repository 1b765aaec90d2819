"""catalog.rdf: the DCAT-AP CH catalogue that opendata.swiss harvests (RDF/XML)."""

from __future__ import annotations

import sys

import pytest
from rdflib import RDF, Graph, Literal, URIRef

from conftest import VALIDATION_KIT, organisation_slug, require_tool, run_tool

# Plain IRIs: rdflib's DCAT/DCTERMS namespace objects at module level make pytest's collection warn.
DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
CATALOG, DATASET, DISTRIBUTION, ACCESS_URL = (URIRef(DCAT + n) for n in ("Catalog", "Dataset", "distribution", "accessURL"))
IDENTIFIER, LICENSE, ISSUED = (URIRef(DCT + n) for n in ("identifier", "license", "issued"))

SHAPES = VALIDATION_KIT / "shapes"
VOCABULARIES = VALIDATION_KIT / "vocabularies"
SEMIC = SHAPES / "semic-dcat-ap-2.1.1"

# The two checks of the kit's README ("Quick start"), with --strict: warnings fail too.
OPENDATA_SWISS = {
    "shapes": [SHAPES / "opendata-swiss-ogdch.shacl.ttl", SHAPES / "local-harvester-gate.shacl.ttl"],
    "vocab": [
        VOCABULARIES / f"{name}.ttl"
        for name in ("frequency-eu", "theme-eu", "licenses-dcat-ap-ch", "formats-eu", "mime-types", "language-eu")
    ],
}
DCAT_AP_2_1_1 = {
    "shapes": [SEMIC / "dcat-ap_2.1.1_shacl_shapes.ttl", SEMIC / "dcat-ap_2.1.1_shacl_range.ttl"],
    "vocab": [VOCABULARIES / "local-eu-codelist-stub.ttl"],
}


@pytest.fixture(scope="module")
def catalog(output_file):
    return output_file("catalog.rdf")


@pytest.fixture(scope="module")
def graph(catalog) -> Graph:
    return Graph().parse(catalog, format="xml")


@pytest.mark.parametrize("check", [OPENDATA_SWISS, DCAT_AP_2_1_1], ids=["opendata-swiss", "dcat-ap-2.1.1"])
def test_shacl_conforms(catalog, check):
    # sys.executable is .venv/bin/python when run as scripts/test does: it has pyshacl and rdflib.
    command = [sys.executable, str(VALIDATION_KIT / "validate_dcat.py"), str(catalog), "--strict"]
    command += ["--shapes", *map(str, check["shapes"]), "--vocab", *map(str, check["vocab"])]
    result = run_tool(command)
    if result.returncode != 0:
        pytest.fail(f"{summarise_shacl_report(result.stdout)}\n{result.stderr[-2000:]}", pytrace=False)


def summarise_shacl_report(text: str) -> str:
    """One line per top-level result of pySHACL's text report: severity, focus node, path, message."""
    results, current = [], None
    for line in text.splitlines():
        if line.startswith(("Constraint Violation in ", "Validation Result in ")):
            current = {"component": line.split(" in ", 1)[1].split(" ")[0]}
            results.append(current)
        elif current is not None and line.startswith("\t") and not line.startswith("\t\t"):
            key, _, value = line.strip().partition(": ")
            if key in ("Severity", "Focus Node", "Result Path", "Message") and key not in current:
                current[key] = value.strip()
    lines = sorted(
        {f"{r.get('Severity', '?')} {r.get('Focus Node', '?')} {r.get('Result Path', '-')}: {r.get('Message', r['component'])}"
         for r in results}
    )
    return f"{len(results)} SHACL results ({len(lines)} distinct):\n" + "\n".join(lines) if results else text[:4000]


def test_rapper_parses(catalog):
    result = run_tool([require_tool("rapper"), "-q", "-c", "-i", "rdfxml", str(catalog)])
    assert result.returncode == 0, f"rapper rejects catalog.rdf:\n{result.stderr[-4000:]}"


def test_xmllint_accepts(catalog):
    result = run_tool([require_tool("xmllint"), "--noout", str(catalog)])
    assert result.returncode == 0, f"xmllint rejects catalog.rdf:\n{result.stderr[-4000:]}"


def test_one_catalog_one_dataset(graph):
    assert len(set(graph.subjects(RDF.type, CATALOG))) == 1
    assert len(set(graph.subjects(RDF.type, DATASET))) == 1


def test_dataset_identifier_names_the_organisation(graph):
    dataset = graph.value(predicate=RDF.type, object=DATASET)
    identifiers = list(graph.objects(dataset, IDENTIFIER))
    assert len(identifiers) == 1, f"dataset has {len(identifiers)} dct:identifier"
    assert str(identifiers[0]).endswith("@" + organisation_slug()), f"identifier {identifiers[0]!r}"


def test_distributions_are_complete(graph):
    dataset = graph.value(predicate=RDF.type, object=DATASET)
    distributions = sorted(graph.objects(dataset, DISTRIBUTION))
    assert len(distributions) >= 3, f"only {len(distributions)} distributions"
    for distribution in distributions:
        licence = graph.value(distribution, LICENSE)
        access = graph.value(distribution, ACCESS_URL)
        issued = graph.value(distribution, ISSUED)
        assert isinstance(licence, URIRef), f"{distribution}: dct:license {licence!r}"
        assert isinstance(access, URIRef), f"{distribution}: dcat:accessURL {access!r} is not an IRI"
        assert isinstance(issued, Literal) and issued.datatype is not None, f"{distribution}: dct:issued {issued!r} untyped"
