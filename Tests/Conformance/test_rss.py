"""changes.rss: the RSS 2.0 change feed, as a feed reader (feedparser) and an XML parser (xmllint) see it."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from email.utils import parsedate_tz

import feedparser
import pytest

from conftest import PROJECT_COUNT, require_tool, run_tool

# English day and month names, four-digit year, a numeric zone or GMT.
RFC_822 = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} ([+-]\d{4}|GMT)$")


@pytest.fixture(scope="module")
def feed_path(output_file):
    return output_file("changes.rss")


@pytest.fixture(scope="module")
def feed(feed_path):
    return feedparser.parse(feed_path.read_bytes())


@pytest.fixture(scope="module")
def channel(feed_path):
    root = ET.parse(feed_path).getroot()
    assert root.tag == "rss" and root.get("version") == "2.0", f"root <{root.tag} version={root.get('version')}>"
    return root.find("channel")


def test_feedparser_reads_it_cleanly(feed):
    assert feed.bozo == 0, f"feedparser: {feed.get('bozo_exception')!r}"


def test_xmllint_accepts(feed_path):
    result = run_tool([require_tool("xmllint"), "--noout", str(feed_path)])
    assert result.returncode == 0, f"xmllint rejects changes.rss:\n{result.stderr[-4000:]}"


@pytest.mark.parametrize("element", ["title", "link", "description", "language"])
def test_channel_has(channel, element):
    text = channel.findtext(element)
    assert text and text.strip(), f"<channel> has no <{element}>"


def test_first_run_announces_every_project(feed):
    assert len(feed.entries) == PROJECT_COUNT


def test_guids_are_unique(channel):
    guids = [item.findtext("guid") for item in channel.iter("item")]
    assert all(guids), "an <item> has no <guid>"
    assert len(set(guids)) == len(guids), f"duplicate guids: {sorted(g for g in guids if guids.count(g) > 1)}"


def test_items_have_https_links_and_dates(feed):
    for entry in feed.entries:
        assert entry.get("link", "").startswith("https://"), f"{entry.get('id')}: link {entry.get('link')!r}"
        assert entry.get("published_parsed"), f"{entry.get('id')}: pubDate {entry.get('published')!r} not parsed"



def test_pub_dates_are_rfc_822(channel):
    # feedparser also reads ISO 8601 dates; RSS 2.0 and the W3C feed validator do not.
    for item in channel.iter("item"):
        text = (item.findtext("pubDate") or "").strip()
        parsed = parsedate_tz(text) if RFC_822.match(text) else None
        assert parsed, f"{item.findtext('guid')}: pubDate {text!r} is not RFC 822 (Mon, 06 Jan 2025 08:00:00 +0100)"
        weekday = date(*parsed[:3]).strftime("%a")  # English names: the C locale
        assert text.startswith(weekday), f"{item.findtext('guid')}: pubDate {text!r} falls on a {weekday}"
