"""vocabulary.ttl and vocabulary.jsonld: kompass's own terms of projects.jsonld as an RDFS document (issue 15).

Read with rdflib (Turtle, JSON-LD) and pyld (JSON-LD): both files hold the same triples; every term projects.jsonld
uses in the kompass namespace (a predicate or a type) is defined there as a property with a label and a comment in
each of de, fr, it and en and a range; a broader schema.org or DCMI term, where given, is one we mean; the concepts
of the two schemes (the only other IRIs in the namespace) are defined in projects.jsonld itself; the catalogue says
the JSON-LD distribution conforms to the vocabulary."""

from __future__ import annotations

import json

import pytest
from pyld import jsonld
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from conftest import CONFIG

LANGUAGES = {"de", "fr", "it", "en"}
RDFS_ = "http://www.w3.org/2000/01/rdf-schema#"
OWL_ = "http://www.w3.org/2002/07/owl#"
SKOS_ = "http://www.w3.org/2004/02/skos/core#"
LABEL, COMMENT, RANGE, SUB_PROPERTY_OF, IS_DEFINED_BY = (
    URIRef(RDFS_ + n) for n in ("label", "comment", "range", "subPropertyOf", "isDefinedBy"))
PROPERTY, ONTOLOGY, CONCEPT = URIRef(str(RDF) + "Property"), URIRef(OWL_ + "Ontology"), URIRef(SKOS_ + "Concept")
# The broader terms a kompass term may narrow: the schema.org and DCMI terms we chose on purpose.
BROADER = {
    "http://schema.org/startDate", "http://schema.org/endDate", "http://schema.org/description",
    "http://purl.org/dc/terms/subject", "http://purl.org/dc/terms/audience",
}


def refuse_network(url, options=None):
    raise AssertionError(f"a remote document is referenced: {url}")


def namespace() -> str:
    publication = json.loads(CONFIG.read_text(encoding="utf-8"))["publication"]
    return publication.get("vocabularyBase", publication["baseURL"].rstrip("/") + "/vocab/")


@pytest.fixture(scope="module")
def turtle(output_file) -> Graph:
    return Graph().parse(output_file("vocabulary.ttl"), format="turtle")


@pytest.fixture(scope="module")
def projects(output_file) -> Graph:
    return Graph().parse(output_file("projects.jsonld"), format="json-ld")


def test_both_files_hold_the_same_triples(turtle, output_file):
    document = json.loads(output_file("vocabulary.jsonld").read_text(encoding="utf-8"))
    by_rdflib = Graph().parse(output_file("vocabulary.jsonld"), format="json-ld")
    nquads = jsonld.to_rdf(document, {"documentLoader": refuse_network, "format": "application/n-quads"})
    by_pyld = Graph().parse(data=nquads, format="nt")
    assert len(turtle) > 50
    for name, graph in (("rdflib", by_rdflib), ("pyld", by_pyld)):
        if not isomorphic(turtle, graph):
            _, only_turtle, only_jsonld = graph_diff(to_isomorphic(turtle), to_isomorphic(graph))
            pytest.fail(f"vocabulary.jsonld ({name}) differs from vocabulary.ttl:\nonly in Turtle: "
                        f"{sorted(only_turtle)[:5]}\nonly in JSON-LD: {sorted(only_jsonld)[:5]}")


def used_terms(projects: Graph) -> set[URIRef]:
    """The predicates and types projects.jsonld uses in the kompass namespace."""
    base = namespace()
    used = {p for p in projects.predicates() if str(p).startswith(base)}
    used |= {o for o in projects.objects(None, RDF.type) if str(o).startswith(base)}
    return used


def test_every_kompass_term_of_the_projects_is_defined_in_four_languages(turtle, projects):
    used = used_terms(projects)
    assert len(used) >= 8, sorted(used)  # progress, years, status, the two texts, fields, user groups
    vocabulary = URIRef(namespace())
    assert (vocabulary, RDF.type, ONTOLOGY) in turtle
    problems = []
    for term in sorted(used | {vocabulary}):
        for predicate in (LABEL, COMMENT):
            values = list(turtle.objects(term, predicate))
            languages = sorted(v.language for v in values if isinstance(v, Literal) and str(v).strip())
            if languages != sorted(LANGUAGES):
                problems.append(f"{term} {predicate}: languages {languages}")
        if term == vocabulary:
            continue
        if (term, RDF.type, PROPERTY) not in turtle:
            problems.append(f"{term} is not an rdf:Property")
        if len(list(turtle.objects(term, RANGE))) != 1:
            problems.append(f"{term} has no single rdfs:range")
        if (term, IS_DEFINED_BY, vocabulary) not in turtle:
            problems.append(f"{term} is not rdfs:isDefinedBy the vocabulary")
        for broader in turtle.objects(term, SUB_PROPERTY_OF):
            if str(broader) not in BROADER:
                problems.append(f"{term} narrows {broader}, which we did not choose")
    assert not problems, "\n".join(problems)


def test_the_vocabulary_defines_nothing_the_projects_do_not_use(turtle, projects):
    defined = set(turtle.subjects(RDF.type, PROPERTY))
    assert defined == used_terms(projects)


def test_the_ranges_match_the_values(turtle, projects):
    """A datatype range is the datatype of every value; a concept range holds only concepts of the schemes."""
    for term in used_terms(projects):
        (range_,) = turtle.objects(term, RANGE)
        for value in projects.objects(None, term):
            if range_ == CONCEPT:
                assert (value, RDF.type, CONCEPT) in projects, (term, value)
            elif str(range_) == str(RDF) + "langString":
                assert isinstance(value, Literal) and value.language == "de", (term, value)
            else:
                assert isinstance(value, Literal) and (value.datatype or URIRef("http://www.w3.org/2001/XMLSchema#string")) == range_, (term, value)


def test_the_other_kompass_iris_are_concepts_defined_in_the_projects(projects):
    base = namespace()
    objects = {o for o in projects.objects() if isinstance(o, URIRef) and str(o).startswith(base)}
    subjects = {s for s in projects.subjects() if isinstance(s, URIRef) and str(s).startswith(base)}
    terms = used_terms(projects)
    undefined = {iri for iri in objects | subjects if iri not in terms and not list(projects.objects(iri, RDF.type))}
    assert objects and not undefined, sorted(undefined)


def test_the_catalogue_says_the_json_ld_conforms_to_the_vocabulary(output_file):
    catalogue = Graph().parse(output_file("catalog.rdf"), format="xml")
    conforms = URIRef("http://purl.org/dc/terms/conformsTo")
    distributions = [s for s, o in catalogue.subject_objects(URIRef("http://www.w3.org/ns/dcat#downloadURL"))
                     if str(o).endswith("/projects.jsonld")]
    assert len(distributions) == 1
    assert list(catalogue.objects(distributions[0], conforms)) == [URIRef(namespace())]
    pages = {str(p) for p in catalogue.objects(URIRef(namespace()), URIRef("http://xmlns.com/foaf/0.1/page"))}
    assert {p.rsplit("/", 1)[1] for p in pages} == {"vocabulary.ttl", "vocabulary.jsonld"}
