"""catalog.rdf: the DCAT-AP CH catalogue that opendata.swiss harvests (RDF/XML).

Checked with pySHACL against the opendata.swiss shapes (plus the local harvester gate; must conform, warnings
included), and against the SEMIC DCAT-AP 2.1.1 and 3.0.1 shapes, each of which disagrees with the catalogue on
exactly one deliberate point (see the comments at those tests); every other result of those shapes fails.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import RDF, BNode, Graph, Literal, URIRef

from conftest import CONFIG, VALIDATION_KIT, organisation_slug, require_tool, run_tool

# Plain IRIs: rdflib's DCAT/DCTERMS namespace objects at module level make pytest's collection warn.
DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
SPDX = "http://spdx.org/rdf/terms#"
SH_ = "http://www.w3.org/ns/shacl#"
XSD_ = "http://www.w3.org/2001/XMLSchema#"
# Plain URIRefs too (rdflib's closed namespace objects at module level make pytest's collection warn).
VALIDATION_RESULT, RESULT_SEVERITY, FOCUS_NODE, RESULT_PATH, SOURCE_COMPONENT, VALUE, RESULT_MESSAGE = (
    URIRef(SH_ + n) for n in ("ValidationResult", "resultSeverity", "focusNode", "resultPath", "sourceConstraintComponent",
                              "value", "resultMessage")
)
VIOLATION, HAS_VALUE_COMPONENT, DATATYPE_COMPONENT = (
    URIRef(SH_ + n) for n in ("Violation", "HasValueConstraintComponent", "DatatypeConstraintComponent")
)
XSD_DECIMAL, XSD_HEX_BINARY = URIRef(XSD_ + "decimal"), URIRef(XSD_ + "hexBinary")
CATALOG, DATASET, DISTRIBUTION, ACCESS_URL, DOWNLOAD_URL, BYTE_SIZE, MEDIA_TYPE = (
    URIRef(DCAT + n) for n in ("Catalog", "Dataset", "distribution", "accessURL", "downloadURL", "byteSize", "mediaType")
)
IDENTIFIER, LICENSE, ISSUED, FORMAT = (URIRef(DCT + n) for n in ("identifier", "license", "issued", "format"))
CHECKSUM, CHECKSUM_CLASS, ALGORITHM, CHECKSUM_VALUE, SHA256 = (
    URIRef(SPDX + n) for n in ("checksum", "Checksum", "algorithm", "checksumValue", "checksumAlgorithm_sha256")
)
LICENCES = {URIRef(f"http://dcat-ap.ch/vocabulary/licenses/{t}") for t in ("terms_open", "terms_by", "terms_ask", "terms_by_ask")}
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
IANA = "https://www.iana.org/assignments/media-types/"

SHAPES = VALIDATION_KIT / "shapes"
VOCABULARIES = VALIDATION_KIT / "vocabularies"
SEMIC_2_1_1 = SHAPES / "semic-dcat-ap-2.1.1"
SEMIC_3_0_1 = SHAPES / "semic-dcat-ap-3.0.1"
STUB = VOCABULARIES / "local-eu-codelist-stub.ttl"

# The check of the kit's README ("Quick start"), with --strict: warnings fail too.
OPENDATA_SWISS = {
    "shapes": [SHAPES / "opendata-swiss-ogdch.shacl.ttl", SHAPES / "local-harvester-gate.shacl.ttl"],
    "vocab": [
        VOCABULARIES / f"{name}.ttl"
        for name in ("frequency-eu", "theme-eu", "licenses-dcat-ap-ch", "formats-eu", "mime-types", "language-eu")
    ],
}

# Per distribution file: the EU file type and the IANA media type (none is registered for RSS).
FORMATS = {
    "projects.csv": ("CSV", "text/csv"),
    "projects-excel.csv": ("CSV", "text/csv"),
    "project-fields.csv": ("CSV", "text/csv"),
    "history.csv": ("CSV", "text/csv"),
    "projects.jsonld": ("JSON_LD", "application/ld+json"),
    "changes.rss": ("RSS", None),
    "changes.atom": ("ATOM", "application/atom+xml"),
}


@pytest.fixture(scope="module")
def catalog(output_file):
    return output_file("catalog.rdf")


@pytest.fixture(scope="module")
def graph(catalog) -> Graph:
    return Graph().parse(catalog, format="xml")


@pytest.mark.parametrize("name", ["catalog.rdf", "catalog.ttl", "catalog.jsonld"])
def test_opendata_swiss_shapes_conform(output_file, name):
    # sys.executable is .venv/bin/python when run as scripts/test does: it has pyshacl and rdflib.
    command = [sys.executable, str(VALIDATION_KIT / "validate_dcat.py"), str(output_file(name)), "--strict"]
    command += ["--shapes", *map(str, OPENDATA_SWISS["shapes"]), "--vocab", *map(str, OPENDATA_SWISS["vocab"])]
    result = run_tool(command)
    if result.returncode != 0:
        pytest.fail(f"{name}: {summarise_shacl_report(result.stdout)}\n{result.stderr[-2000:]}", pytrace=False)


def shacl_results(data: Path, shapes: list[Path], vocab: list[Path]) -> tuple[Graph, list[dict]]:
    """pySHACL run the way validate_dcat.py runs it (vocabularies merged into the data); returns the data graph
    and one dict per validation result: severity, focus, path, component, value, message."""
    data_graph = Graph().parse(data)
    for path in vocab:
        data_graph.parse(path)
    shapes_graph = Graph()
    for path in shapes:
        shapes_graph.parse(path)
    _, report, _ = validate(data_graph, shacl_graph=shapes_graph, inference="none", advanced=True, allow_warnings=False)
    results = []
    for node in report.subjects(RDF.type, VALIDATION_RESULT):
        results.append({
            "severity": report.value(node, RESULT_SEVERITY),
            "focus": report.value(node, FOCUS_NODE),
            "path": report.value(node, RESULT_PATH),
            "component": report.value(node, SOURCE_COMPONENT),
            "value": report.value(node, VALUE),
            "message": str(report.value(node, RESULT_MESSAGE)),
        })
    return data_graph, results


def describe(results: list[dict]) -> str:
    return "\n".join(sorted(f"{r['severity']} {r['focus']} {r['path']} {r['component']}: {r['message']}" for r in results))


def test_dcat_ap_2_1_1_disagrees_only_on_the_checksum_algorithm(catalog):
    # Deliberate deviation: DCAT-AP 2.1.1 allows only spdx:checksumAlgorithm_sha1 for spdx:algorithm
    # (sh:hasValue). kompass publishes SHA-256 checksums, which DCAT-AP 3.0.1 allows and SHA-1 cannot
    # replace (broken as a checksum of integrity). So each checksum node fails that one constraint, and
    # nothing else of the 2.1.1 shapes (with their range shapes and the EU codelist stub) may fail.
    data, results = shacl_results(catalog, [SEMIC_2_1_1 / "dcat-ap_2.1.1_shacl_shapes.ttl",
                                            SEMIC_2_1_1 / "dcat-ap_2.1.1_shacl_range.ttl"], [STUB])
    expected = {
        (VIOLATION, checksum, ALGORITHM, HAS_VALUE_COMPONENT) for checksum in data.subjects(RDF.type, CHECKSUM_CLASS)
    }
    assert expected, "the catalogue has no spdx:Checksum"
    other = [r for r in results if (r["severity"], r["focus"], r["path"], r["component"]) not in expected]
    assert not other, f"DCAT-AP 2.1.1 results besides the SHA-256 checksum algorithm:\n{describe(other)}"
    found = {(r["severity"], r["focus"], r["path"], r["component"]) for r in results}
    assert found == expected and len(results) == len(expected), describe(results)
    assert all("checksumAlgorithm_sha1" in r["message"] for r in results), describe(results)


def test_dcat_ap_3_0_1_disagrees_only_on_the_byte_size_datatype(catalog):
    # Deliberate deviation: DCAT-AP 3.0.1 types dcat:byteSize as xsd:nonNegativeInteger, while DCAT-AP CH
    # (opendata.swiss, the catalogue's audience) and DCAT-AP 2.1.1 require xsd:decimal; the property may
    # hold only one value, so the catalogue follows DCAT-AP CH. Each distribution's byte size therefore
    # fails that one datatype constraint, and nothing else of the 3.0.1 shapes may fail (SHA-256 passes).
    data, results = shacl_results(catalog, [SEMIC_3_0_1 / "dcat-ap-SHACL.ttl"], [STUB])
    expected = {
        (VIOLATION, distribution, BYTE_SIZE, DATATYPE_COMPONENT)
        for distribution in data.subjects(RDF.type, URIRef(DCAT + "Distribution"))
    }
    other = [r for r in results if (r["severity"], r["focus"], r["path"], r["component"]) not in expected]
    assert not other, f"DCAT-AP 3.0.1 results besides the byte size datatype:\n{describe(other)}"
    assert {(r["severity"], r["focus"], r["path"], r["component"]) for r in results} == expected, describe(results)
    assert all(r["value"].datatype == XSD_DECIMAL for r in results), describe(results)


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


def dataset_id() -> str:
    return json.loads(CONFIG.read_text(encoding="utf-8"))["publication"]["datasetID"]


def test_one_catalog_with_the_portfolio_and_the_long_table(graph):
    catalogues = set(graph.subjects(RDF.type, CATALOG))
    assert len(catalogues) == 1
    datasets = set(graph.subjects(RDF.type, DATASET))
    assert set(graph.objects(catalogues.pop(), URIRef(DCAT + "dataset"))) == datasets
    identifiers = {str(graph.value(d, IDENTIFIER)) for d in datasets}
    slug = organisation_slug()
    assert identifiers == {f"{dataset_id()}@{slug}", f"{dataset_id()}-handlungsfelder@{slug}", f"{dataset_id()}-verlauf@{slug}"}


def test_dataset_identifiers_name_the_organisation(graph):
    for dataset in graph.subjects(RDF.type, DATASET):
        identifiers = list(graph.objects(dataset, IDENTIFIER))
        assert len(identifiers) == 1, f"{dataset} has {len(identifiers)} dct:identifier"
        assert str(identifiers[0]).endswith("@" + organisation_slug()), f"identifier {identifiers[0]!r}"
        assert str(dataset).endswith("/dataset/" + str(identifiers[0]).split("@")[0]), f"{dataset}: {identifiers[0]}"


def test_distributions_describe_the_files_written(graph, output_dir):
    described = {}
    for dataset in graph.subjects(RDF.type, DATASET):
        distributions = sorted(graph.objects(dataset, DISTRIBUTION))
        assert distributions, f"{dataset} has no distribution"
        for distribution in distributions:
            licences = list(graph.objects(distribution, LICENSE))
            access = graph.value(distribution, ACCESS_URL)
            download = graph.value(distribution, DOWNLOAD_URL)
            issued = graph.value(distribution, ISSUED)
            assert len(licences) == 1 and licences[0] in LICENCES, f"{distribution}: dct:license {licences!r}"
            assert isinstance(access, URIRef), f"{distribution}: dcat:accessURL {access!r} is not an IRI"
            assert isinstance(download, URIRef), f"{distribution}: dcat:downloadURL {download!r} is not an IRI"
            assert isinstance(issued, Literal) and issued.datatype is not None, f"{distribution}: dct:issued {issued!r} untyped"
            name = str(download).rsplit("/", 1)[1]
            assert name not in described, f"{name} is described twice"
            described[name] = distribution
            data = (output_dir / name).read_bytes()

            size = graph.value(distribution, BYTE_SIZE)
            assert isinstance(size, Literal) and size.datatype == XSD_DECIMAL, f"{name}: dcat:byteSize {size!r}"
            assert int(str(size)) == len(data), f"{name}: dcat:byteSize {size} but the file has {len(data)} bytes"

            checksums = list(graph.objects(distribution, CHECKSUM))
            assert len(checksums) == 1 and isinstance(checksums[0], BNode), f"{name}: spdx:checksum {checksums!r}"
            assert (checksums[0], RDF.type, CHECKSUM_CLASS) in graph
            assert graph.value(checksums[0], ALGORITHM) == SHA256
            value = graph.value(checksums[0], CHECKSUM_VALUE)
            assert isinstance(value, Literal) and value.datatype == XSD_HEX_BINARY, f"{name}: checksum value {value!r}"
            assert str(value) == hashlib.sha256(data).hexdigest(), f"{name}: checksum does not match the file"

            file_type, media_type = FORMATS[name]
            assert list(graph.objects(distribution, FORMAT)) == [URIRef(FILE_TYPE + file_type)], name
            expected_media = [URIRef(IANA + media_type)] if media_type else []
            assert list(graph.objects(distribution, MEDIA_TYPE)) == expected_media, name
    written = {p.name for p in output_dir.iterdir() if p.is_file()} & set(FORMATS)
    assert set(described) == written, f"described {sorted(described)}, written {sorted(written)}"
    assert {"projects.csv", "projects.jsonld", "changes.rss", "changes.atom", "project-fields.csv"} <= set(described)


LANGUAGES = ("de", "fr", "it", "en")


@pytest.mark.parametrize("name", ["catalog.rdf", "catalog.ttl", "catalog.jsonld"])
def test_titles_descriptions_and_keywords_in_four_languages(output_file, name):
    """Issue 15: the catalogue and every dataset have a title, a description and keywords in each of de, fr, it, en
    (tagged exactly so; opendata.swiss files `de-CH` apart); every distribution a title and a description."""
    formats = {"catalog.rdf": "xml", "catalog.ttl": "turtle", "catalog.jsonld": "json-ld"}
    graph = Graph().parse(output_file(name), format=formats[name])
    catalogues = list(graph.subjects(RDF.type, CATALOG))
    datasets = list(graph.subjects(RDF.type, DATASET))
    distributions = list(graph.subjects(RDF.type, URIRef(DCAT + "Distribution")))
    assert len(catalogues) == 1 and len(datasets) >= 3 and len(distributions) >= len(datasets)
    wanted = [(s, p) for s in catalogues for p in ("title", "description")]
    wanted += [(s, p) for s in datasets for p in ("title", "description", "keyword")]
    wanted += [(s, p) for s in distributions for p in ("title", "description")]
    missing = []
    for subject, local in wanted:
        predicate = URIRef((DCAT if local == "keyword" else DCT) + local)
        values = list(graph.objects(subject, predicate))
        assert all(isinstance(v, Literal) and v.language in LANGUAGES for v in values), (subject, local, values)
        for language in LANGUAGES:
            texts = [str(v) for v in values if v.language == language]
            if not texts or not all(t.strip() for t in texts):
                missing.append(f"{subject} {local}@{language}")
        if local != "keyword":  # one text per language, not two that contradict each other
            assert sorted(v.language for v in values) == sorted(LANGUAGES), (subject, local)
    assert not missing, "\n".join(missing)
