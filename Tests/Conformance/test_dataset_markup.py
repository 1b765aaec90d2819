"""index.html's schema.org Dataset markup (issue 15): one <script type="application/ld+json"> in the head.

Read with Python's json and with pyld (schema.org's context stands in locally as what it does for these terms:
`"@vocab": "http://schema.org/"`; nothing is fetched): the properties search engines require, a description of 50 to
5,000 characters, one DataDownload per published file (besides the page) whose contentUrl, encodingFormat and
contentSize match the file on disk, and a block no text can end early (`</` never appears inside it)."""

from __future__ import annotations

import csv
import json
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pyld import jsonld

from conftest import CONFIG, REPO, RUN_TIMEOUT_SECONDS, kompass_bin, relocatable_config

SCHEMA = "http://schema.org/"
MEDIA_TYPES = {
    ".csv": "text/csv", ".json": "application/json", ".jsonld": "application/ld+json", ".rss": "application/rss+xml",
    ".atom": "application/atom+xml", ".rdf": "application/rdf+xml", ".ttl": "text/turtle",
}


class Scripts(HTMLParser):
    """Every <script> element: its attributes, its raw text, and whether it stands in <head>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[tuple[dict, str, bool]] = []
        self._open: dict | None = None
        self._text: list[str] = []
        self._in_head = False

    def handle_starttag(self, tag, attrs):
        if tag == "head":
            self._in_head = True
        if tag == "script":
            self._open, self._text = dict(attrs), []

    def handle_endtag(self, tag):
        if tag == "head":
            self._in_head = False
        if tag == "script" and self._open is not None:
            self.scripts.append((self._open, "".join(self._text), self._in_head))
            self._open = None

    def handle_data(self, data):
        if self._open is not None:
            self._text.append(data)


def markup_of(page: Path) -> tuple[str, dict]:
    parser = Scripts()
    parser.feed(page.read_text(encoding="utf-8"))
    assert len(parser.scripts) == 1, f"one script element, the JSON-LD block: {[s[0] for s in parser.scripts]}"
    attributes, text, in_head = parser.scripts[0]
    assert attributes == {"type": "application/ld+json"} and in_head
    return text, json.loads(text)


@pytest.fixture(scope="module")
def markup(output_file) -> dict:
    text, value = markup_of(output_file("index.html"))
    assert "</" not in text and "<" not in text
    return value


def publication() -> dict:
    return json.loads(CONFIG.read_text(encoding="utf-8"))["publication"]


def test_the_required_properties(markup, output_file):
    settings = publication()
    assert markup["@context"] == "https://schema.org" and markup["@type"] == "Dataset"
    assert markup["name"] == settings["title"]["de"]
    assert 50 <= len(markup["description"]) <= 5_000 and markup["description"] == settings["description"]["de"]
    assert markup["license"] == f"http://dcat-ap.ch/vocabulary/licenses/{settings['licence']}"
    assert markup["creator"] == {"@type": "Organization", "name": settings["publisher"]["name"]["de"],
                                 "url": settings["publisher"]["uri"]}
    assert markup["spatialCoverage"] == {"@type": "Place", "name": settings.get("spatialCoverage", settings["publisher"]["name"]["de"])}
    with output_file("projects.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    first = min(int(r["beginn_jahr"]) for r in rows)
    last = max(int(r["ende_jahr"] or r["beginn_jahr"]) for r in rows)
    assert markup["temporalCoverage"] == f"{first}/{last}"
    assert markup["url"] == settings["baseURL"].rstrip("/") + "/"


def test_one_data_download_per_published_file_with_its_real_size(markup, output_dir):
    base = publication()["baseURL"].rstrip("/")
    published = sorted(p.name for p in output_dir.iterdir() if p.is_file() and p.name != "index.html")
    downloads = markup["distribution"]
    assert all(d["@type"] == "DataDownload" for d in downloads)
    assert sorted(d["contentUrl"] for d in downloads) == [f"{base}/{name}" for name in published]
    for download in downloads:
        path = output_dir / download["contentUrl"].rsplit("/", 1)[1]
        assert download["contentSize"] == f"{path.stat().st_size} B", download
        assert download["encodingFormat"] == MEDIA_TYPES[path.suffix], download
    assert {"catalog.rdf", "catalog.ttl", "catalog.jsonld"} <= {d["name"] for d in downloads}


def test_pyld_reads_a_schema_org_dataset_and_drops_nothing(markup):
    def local_schema_org(url, options=None):
        assert url.rstrip("/") in {"https://schema.org", "http://schema.org"}, f"fetches {url}"
        return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
                "document": {"@context": {"@vocab": SCHEMA}}}

    dropped = []
    expanded = jsonld.expand(markup, {"documentLoader": local_schema_org}, on_property_dropped=dropped.append)
    assert not dropped
    (dataset,) = expanded
    assert dataset["@type"] == [SCHEMA + "Dataset"]
    for name in ("name", "description", "license", "creator", "temporalCoverage", "spatialCoverage", "distribution"):
        assert SCHEMA + name in dataset, name
    assert len(dataset[SCHEMA + "distribution"]) == len(markup["distribution"])


def test_a_text_with_a_script_end_tag_cannot_end_the_block(tmp_path):
    configuration = relocatable_config()
    hostile = "Vorhaben </script><script>alert(1)</script> <!-- und --> & «Anführungszeichen» \" \\ mit genug Zeichen."
    configuration["publication"]["description"]["de"] = hostile
    configuration["publication"]["title"]["de"] = "Titel </SCRIPT >"
    changed = tmp_path / "kompass.json"
    changed.write_text(json.dumps(configuration, ensure_ascii=False), encoding="utf-8")
    output = tmp_path / "output"
    command = [str(kompass_bin()), "run", "--config", str(changed), "--output", str(output), "--as-of", "2026-11-30", "-q"]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=RUN_TIMEOUT_SECONDS,
                            stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr[-3000:]
    text, value = markup_of(output / "index.html")
    assert "<" not in text
    assert value["description"] == hostile and value["name"] == "Titel </SCRIPT >"
