"""projects.jsonld: two independent JSON-LD processors (pyld, rdflib) must read the same triples, and none lost."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from pyld import jsonld
from rdflib import RDF, Graph, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from conftest import PROJECT_COUNT

# The project type; a node of any of these types counts as a project.
PROJECT_TYPES = {URIRef("http://schema.org/Project"), URIRef("https://schema.org/Project")}


def refuse_network(url, options=None):
    """pyld document loader: the context must be inline, nothing may be fetched."""
    raise AssertionError(f"projects.jsonld references a remote document: {url} (the context must be inline)")


OPTIONS = {"documentLoader": refuse_network}


@pytest.fixture(scope="module")
def document(output_file):
    return json.loads(output_file("projects.jsonld").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def pyld_graph(document) -> Graph:
    dataset = jsonld.to_rdf(document, dict(OPTIONS))
    assert set(dataset) <= {"@default"}, f"unexpected named graphs: {sorted(set(dataset) - {'@default'})}"
    nquads = jsonld.to_rdf(document, dict(OPTIONS, format="application/n-quads"))
    return Graph().parse(data=nquads, format="nt")


@pytest.fixture(scope="module")
def rdflib_graph(output_file) -> Graph:
    return Graph().parse(output_file("projects.jsonld"), format="json-ld")


def expand_reporting_drops(document) -> list[str | None]:
    dropped: list[str | None] = []
    jsonld.expand(document, dict(OPTIONS), on_property_dropped=dropped.append)
    return dropped


def remote_contexts(value) -> list[str]:
    """Every @context entry anywhere in the document that is a URL rather than an inline object."""
    if isinstance(value, list):
        return [url for item in value for url in remote_contexts(item)]
    if not isinstance(value, dict):
        return []
    found = []
    for key, item in value.items():
        if key == "@context":
            found += [c for c in (item if isinstance(item, list) else [item]) if isinstance(c, str)]
        found += remote_contexts(item)
    return found


def test_context_is_inline(document):
    assert not remote_contexts(document), f"remote @context (cannot be fetched offline): {remote_contexts(document)}"


def test_drop_detector_works():
    # Guards the next test: pyld must report a key that the context does not map.
    document = {"@context": {"name": "http://schema.org/name"}, "name": "x", "nmae": "typo"}
    assert expand_reporting_drops(document) == ["nmae"]


def test_expansion_drops_no_key(document):
    dropped = expand_reporting_drops(document)
    assert not dropped, f"keys the context does not map to an IRI (silently lost): {Counter(dropped)}"


def test_triples_agree_between_pyld_and_rdflib(pyld_graph, rdflib_graph):
    assert len(pyld_graph) > 0
    if not isomorphic(pyld_graph, rdflib_graph):
        _, only_pyld, only_rdflib = graph_diff(to_isomorphic(pyld_graph), to_isomorphic(rdflib_graph))
        pytest.fail(
            f"pyld: {len(pyld_graph)} triples, rdflib: {len(rdflib_graph)}\n"
            f"only in pyld:\n{show(only_pyld)}\nonly in rdflib:\n{show(only_rdflib)}"
        )


def show(graph: Graph, limit: int = 10) -> str:
    return "\n".join(sorted(graph.serialize(format="nt").splitlines())[:limit])


def test_one_node_per_project(pyld_graph):
    projects = {s for t in PROJECT_TYPES for s in pyld_graph.subjects(RDF.type, t)}
    types = Counter(str(o) for o in pyld_graph.objects(None, RDF.type))
    assert len(projects) == PROJECT_COUNT, f"{len(projects)} nodes of {sorted(map(str, PROJECT_TYPES))}; types: {types}"
