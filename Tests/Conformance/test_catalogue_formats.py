"""catalog.rdf, catalog.ttl and catalog.jsonld: one catalogue graph in three formats.

Each file must parse in independent tools (rapper, rdflib, pyld) into the same triples; identifiers must not depend
on the run's date; language tags and dates must be the ones opendata.swiss reads.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from pyld import jsonld
from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from conftest import CONFIG, REPO, RUN_TIMEOUT_SECONDS, kompass_bin, require_tool, run_tool

DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
FORMATS = {"catalog.rdf": "xml", "catalog.ttl": "turtle", "catalog.jsonld": "json-ld"}
DATE_PREDICATES = {URIRef(DCT + "issued"), URIRef(DCT + "modified"), URIRef(DCAT + "startDate"), URIRef(DCAT + "endDate")}
XSD = "http://www.w3.org/2001/XMLSchema#"
DATE_TYPES = {URIRef(XSD + t) for t in ("date", "dateTime", "gYear", "gYearMonth")}
NOT_DATES = {URIRef(XSD + "decimal"), URIRef(XSD + "hexBinary")}
LOOKS_LIKE_A_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(T.*)?$")


def refuse_network(url, options=None):
    """pyld document loader: the context must be inline, nothing may be fetched."""
    raise AssertionError(f"catalog.jsonld references a remote document: {url} (the context must be inline)")


PYLD_OPTIONS = {"documentLoader": refuse_network}


@pytest.fixture(scope="module")
def graphs(output_file) -> dict[str, Graph]:
    return {name: Graph().parse(output_file(name), format=rdf_format) for name, rdf_format in FORMATS.items()}


@pytest.fixture(scope="module")
def document(output_file):
    return json.loads(output_file("catalog.jsonld").read_text(encoding="utf-8"))


def show(triples: Graph, limit: int = 20) -> str:
    return "\n".join(sorted(f"  {s.n3()} {p.n3()} {o.n3()}" for s, p, o in triples)[:limit])


def assert_isomorphic(a: Graph, b: Graph, a_name: str, b_name: str) -> None:
    assert len(a) > 0, f"{a_name} is empty"
    if not isomorphic(a, b):
        _, only_a, only_b = graph_diff(to_isomorphic(a), to_isomorphic(b))
        pytest.fail(
            f"{a_name} ({len(a)} triples) and {b_name} ({len(b)} triples) differ\n"
            f"only in {a_name}:\n{show(only_a)}\nonly in {b_name}:\n{show(only_b)}",
            pytrace=False,
        )


@pytest.mark.parametrize("name,syntax", [("catalog.rdf", "rdfxml"), ("catalog.ttl", "turtle")])
def test_rapper_parses(output_file, name, syntax):
    result = run_tool([require_tool("rapper"), "-q", "-c", "-i", syntax, str(output_file(name))])
    assert result.returncode == 0, f"rapper rejects {name} as {syntax}:\n{result.stderr[-4000:]}"


def test_rapper_counts_the_same_triples(output_file, graphs):
    for name, syntax in (("catalog.rdf", "rdfxml"), ("catalog.ttl", "turtle")):
        result = run_tool([require_tool("rapper"), "-c", "-i", syntax, str(output_file(name))])
        match = re.search(r"returned (\d+) triples", result.stderr)
        assert match, result.stderr
        assert int(match.group(1)) == len(graphs["catalog.ttl"]), f"rapper reads {match.group(1)} triples from {name}"


@pytest.mark.parametrize("name", ["catalog.rdf", "catalog.jsonld"])
def test_rdflib_reads_the_same_graph_as_the_turtle(graphs, name):
    assert_isomorphic(graphs[name], graphs["catalog.ttl"], name, "catalog.ttl")


def test_pyld_reads_the_same_graph_as_the_turtle(document, graphs):
    dataset = jsonld.to_rdf(document, dict(PYLD_OPTIONS))
    assert set(dataset) <= {"@default"}, f"unexpected named graphs: {sorted(set(dataset) - {'@default'})}"
    nquads = jsonld.to_rdf(document, dict(PYLD_OPTIONS, format="application/n-quads"))
    assert_isomorphic(Graph().parse(data=nquads, format="nt"), graphs["catalog.ttl"], "catalog.jsonld (pyld)", "catalog.ttl")


def test_jsonld_context_is_inline_prefixes_and_nothing_is_dropped(document):
    context = document.get("@context")
    assert isinstance(context, dict) and context, f"@context is not an inline object: {context!r}"
    for prefix, namespace in context.items():
        assert isinstance(namespace, str) and re.match(r"^https?://.*[/#]$", namespace), f"{prefix}: {namespace!r}"
    dropped: list = []
    jsonld.expand(document, dict(PYLD_OPTIONS), on_property_dropped=dropped.append)
    assert not dropped, f"keys the context does not map to an IRI (silently lost): {dropped}"
    assert set(document) == {"@context", "@graph"}


def test_every_language_tag_is_de_fr_it_or_en(graphs):
    for name, graph in graphs.items():
        tags = {o.language for o in graph.objects() if isinstance(o, Literal) and o.language is not None}
        assert tags and tags <= {"de", "fr", "it", "en"}, f"{name}: language tags {sorted(tags)}"
        assert "de" in tags


def test_every_date_is_typed(graphs):
    for name, graph in graphs.items():
        dates = [(s, p, o) for s, p, o in graph if p in DATE_PREDICATES]
        assert dates, f"{name} has no dates"
        for s, p, o in dates:
            assert isinstance(o, Literal) and o.datatype in DATE_TYPES, f"{name}: {s} {p} {o!r} is not a typed date"
        for s, p, o in graph:
            if isinstance(o, Literal) and LOOKS_LIKE_A_DATE.match(str(o)) and o.datatype not in NOT_DATES:
                assert o.datatype in DATE_TYPES, f"{name}: {s} {p} {o!r} looks like a date but is not typed as one"


def temporal_has_both_ends(graph: Graph) -> None:
    for dataset in graph.subjects(RDF.type, URIRef(DCAT + "Dataset")):
        period = graph.value(dataset, URIRef(DCT + "temporal"))
        assert period is not None, f"{dataset} has no dct:temporal"
        for end in ("startDate", "endDate"):
            assert isinstance(graph.value(period, URIRef(DCAT + end)), Literal), f"{dataset}: no dcat:{end}"


def test_temporal_coverage_has_both_ends(graphs):
    for graph in graphs.values():
        temporal_has_both_ends(graph)


def run_as_of(directory: Path, as_of: str) -> Path:
    """Runs kompass on the default configuration into directory/out (its state beside it) as of `as_of`."""
    output = directory / "out"
    command = [str(kompass_bin()), "run", "--config", str(CONFIG), "--output", str(output), "--as-of", as_of]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=RUN_TIMEOUT_SECONDS,
                            stdin=subprocess.DEVNULL)
    assert result.returncode == 0, f"`{' '.join(command)}` exited {result.returncode}\n{result.stderr[-4000:]}"
    return output


def identities(output: Path) -> dict[str, set]:
    """Per format: the IRIs of the datasets and distributions, and every dct:identifier."""
    found = {}
    for name, rdf_format in FORMATS.items():
        graph = Graph().parse(output / name, format=rdf_format)
        datasets = set(graph.subjects(RDF.type, URIRef(DCAT + "Dataset")))
        distributions = set(graph.subjects(RDF.type, URIRef(DCAT + "Distribution")))
        assert not any(isinstance(node, BNode) for node in datasets | distributions), f"{name}: a blank dataset or distribution"
        identifiers = {str(o) for o in graph.objects(None, URIRef(DCT + "identifier"))}
        found[name] = {"datasets": datasets, "distributions": distributions, "identifiers": identifiers}
    return found


def test_identifiers_do_not_depend_on_the_run_date(tmp_path):
    # Separate parent folders: each run keeps its own publication state beside its output.
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = identities(run_as_of(tmp_path / "a", "2026-11-30"))
    second = identities(run_as_of(tmp_path / "b", "2025-07-01"))
    for name in FORMATS:
        assert first[name] == second[name], f"{name}: identifiers differ between runs as of different dates"
        assert first[name] == first["catalog.rdf"], f"{name} and catalog.rdf name different datasets or distributions"
    assert len(first["catalog.rdf"]["datasets"]) == 3  # portfolio, long table, history
    assert len(first["catalog.rdf"]["distributions"]) >= 5
    # The dates did change: the identifiers stay although the content moved.
    assert (tmp_path / "a/out/catalog.ttl").read_bytes() != (tmp_path / "b/out/catalog.ttl").read_bytes()
