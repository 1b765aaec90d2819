"""changes.atom: the Atom 1.0 feed (RFC 4287) beside changes.rss, as a feed reader (feedparser) and XML parsers
(xmllint, ElementTree) see it: the same entries as the RSS feed, the elements RFC 4287 requires, RFC 3339 dates."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from datetime import datetime

import feedparser
import pytest

from conftest import PROJECT_COUNT, require_tool, run_tool

ATOM = "{http://www.w3.org/2005/Atom}"
# RFC 3339 date-time with a time offset (section 5.6).
RFC_3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


@pytest.fixture(scope="module")
def atom_path(output_file):
    return output_file("changes.atom")


@pytest.fixture(scope="module")
def atom(atom_path):
    return feedparser.parse(atom_path.read_bytes())


@pytest.fixture(scope="module")
def rss(output_file):
    return feedparser.parse(output_file("changes.rss").read_bytes())


@pytest.fixture(scope="module")
def root(atom_path):
    root = ET.parse(atom_path).getroot()
    assert root.tag == ATOM + "feed", f"root <{root.tag}>"
    return root


def test_feedparser_reads_it_cleanly(atom):
    assert atom.bozo == 0, f"feedparser: {atom.get('bozo_exception')!r}"
    assert atom.version == "atom10"


def test_xmllint_accepts(atom_path):
    result = run_tool([require_tool("xmllint"), "--noout", "--nonet", str(atom_path)])
    assert result.returncode == 0, f"xmllint rejects changes.atom:\n{result.stderr[-4000:]}"


def test_same_entries_as_the_rss_feed(atom, rss):
    assert len(atom.entries) == len(rss.entries) == PROJECT_COUNT
    assert [entry.id for entry in atom.entries] == [entry.id for entry in rss.entries], "entry ids = RSS guids"
    assert len({entry.id for entry in atom.entries}) == PROJECT_COUNT
    assert [entry.title for entry in atom.entries] == [entry.title for entry in rss.entries]
    assert [entry.link for entry in atom.entries] == [entry.link for entry in rss.entries]
    # RSS descriptions are HTML to a reader, Atom summaries here plain text: compare what a reader shows.
    assert [html.unescape(entry.summary) for entry in atom.entries] == [html.unescape(entry.summary) for entry in rss.entries]


@pytest.mark.parametrize("element", ["id", "title", "updated", "author"])
def test_feed_has_exactly_one(root, element):
    assert len(root.findall(ATOM + element)) == 1, f"<feed> needs exactly one <{element}>"


def test_feed_links_and_author(root):
    links = {link.get("rel", "alternate"): link for link in root.findall(ATOM + "link")}
    assert links["self"].get("href", "").endswith("/changes.atom")
    assert links["self"].get("type") == "application/atom+xml"
    assert links["alternate"].get("href", "").startswith("https://")
    assert root.findtext(f"{ATOM}author/{ATOM}name", "").strip()
    feed_id = root.findtext(ATOM + "id", "")
    assert feed_id.startswith(("https://", "tag:")), f"feed id {feed_id!r}"


def test_entries_have_what_rfc_4287_requires(root):
    entries = root.findall(ATOM + "entry")
    assert len(entries) == PROJECT_COUNT
    for entry in entries:
        entry_id = entry.findtext(ATOM + "id", "")
        for element in ("id", "title", "updated"):
            assert len(entry.findall(ATOM + element)) == 1, f"{entry_id}: needs exactly one <{element}>"
        alternates = [link for link in entry.findall(ATOM + "link") if link.get("rel", "alternate") == "alternate"]
        assert len(alternates) == 1 and alternates[0].get("href", "").startswith("https://"), entry_id
        summary = entry.find(ATOM + "summary")
        assert summary is not None and summary.get("type", "text") == "text" and summary.text, entry_id


def test_dates_are_rfc_3339_with_offset(root):
    dates = [root.findtext(ATOM + "updated", "")]
    for entry in root.findall(ATOM + "entry"):
        dates += [entry.findtext(ATOM + "updated", ""), entry.findtext(ATOM + "published", "")]
    for text in dates:
        assert RFC_3339.match(text), f"{text!r} is not an RFC 3339 date-time with offset"
        datetime.fromisoformat(text)
    entry_dates = [datetime.fromisoformat(text) for text in dates[1:]]
    assert datetime.fromisoformat(dates[0]) == max(entry_dates), "the feed's updated is its newest entry's"


def test_feedparser_sees_the_dates(atom):
    assert atom.feed.get("updated_parsed")
    for entry in atom.entries:
        assert entry.get("updated_parsed"), f"{entry.id}: updated {entry.get('updated')!r} not parsed"
