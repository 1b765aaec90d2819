"""changes.rss against kompass's own XSD of the feed's structure (schemas/rss.xsd), with xmllint."""

from __future__ import annotations

import subprocess

from conftest import REPO, require_tool

SCHEMA = REPO / "schemas" / "rss.xsd"


def xmllint(path):
    return subprocess.run([require_tool("xmllint"), "--noout", "--nonet", "--schema", str(SCHEMA), str(path)],
                          capture_output=True, text=True, timeout=60)


def test_feed_follows_the_xsd(output_file):
    result = xmllint(output_file("changes.rss"))
    assert result.returncode == 0, result.stderr


def test_the_xsd_rejects_what_readers_reject(output_file, tmp_path):
    feed = output_file("changes.rss").read_text(encoding="utf-8")
    broken = {
        "iso-date": feed.replace("<pubDate>", "<pubDate>2026-11-30T00:00:00+01:00</pubDate><x>", 1),
        "relative-link": feed.replace("<link>https://", "<link>/", 2),
        "permalink-guid": feed.replace('isPermaLink="false"', 'isPermaLink="true"', 1),
        "duplicate-guid": feed.replace("#added-", "#dup-", 1).replace("</guid>", "</guid>", 1),
    }
    # Make the duplicate-guid case a real duplicate: give the second item the first item's guid.
    guids = [line.strip() for line in feed.splitlines() if "<guid" in line]
    broken["duplicate-guid"] = feed.replace(guids[1], guids[0], 1)
    for name, text in broken.items():
        path = tmp_path / f"{name}.rss"
        path.write_text(text, encoding="utf-8")
        assert xmllint(path).returncode != 0, f"the XSD accepted a feed with {name}"
