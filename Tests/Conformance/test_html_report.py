"""The HTML report a steward opens (`kompass validate --report html FILE`, `kompass run --report-html FILE`):
valid HTML for the Nu HTML Checker, rendered by a real headless browser, self-contained, and showing the finding
of a misspelt heading at its line with the line itself."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import CONFIG, PAGE_TEXT, REPO, kompass_bin, require_tool, run_tool
from test_landing_page import chromium, png_pixels, vnu_jar


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("html-report")
    lines = PAGE_TEXT.read_text(encoding="utf-8").split("\n")
    assert lines[13] == "Fortschritt"
    lines[13] = "Fortschrit"
    page = folder / "page.txt"
    page.write_text("\n".join(lines), encoding="utf-8")
    html = folder / "report.html"
    result = subprocess.run([str(kompass_bin()), "validate", "--config", str(CONFIG), "--as-of", "2026-11-30",
                             "--lang", "de", "--report", "html", str(html), str(page)], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    assert html.is_file()
    return html


def test_nu_html_checker_finds_no_error(report: Path) -> None:
    java = require_tool("java")
    result = run_tool([java, "-jar", str(vnu_jar()), "--format", "json", "--stdout", str(report)])
    messages = json.loads(result.stdout or "{}").get("messages", [])
    assert result.returncode == 0 and not messages, "\n".join(f"{m.get('type')} line {m.get('lastLine')}: {m.get('message')}" for m in messages)


def test_the_misspelt_heading_is_shown_at_its_line(report: Path) -> None:
    text = report.read_text(encoding="utf-8")
    assert "«Fortschrit» ist keine Überschrift: meinten Sie «Fortschritt»?" in text
    assert '<span class="lineno">14 |</span> Fortschrit' in text
    assert "<script" not in text and "src=" not in text and "http" not in text.split("</head>", 1)[1]


def test_a_browser_renders_it(report: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    tmp = tmp_path_factory.mktemp("html-report-browser")
    screenshot = tmp / "report.png"
    chromium(report, tmp, f"--screenshot={screenshot}")
    width, height, pixels = png_pixels(screenshot.read_bytes())
    assert (width, height) == (1280, 2000)
    assert len(set(pixels)) > 50


def test_a_run_writes_it_too(tmp_path: Path) -> None:
    html = tmp_path / "run.html"
    result = subprocess.run([str(kompass_bin()), "run", "--config", str(CONFIG), "--output", str(tmp_path / "out"), "--as-of", "2026-11-30",
                             "--lang", "en", "--report-html", str(html)], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    text = html.read_text(encoding="utf-8")
    assert "published 15 files to" in text and "time.overdue" in text
    # With the JSON log too: the page is the person's view of a scheduled run.
    logged = tmp_path / "logged.html"
    result = subprocess.run([str(kompass_bin()), "run", "--config", str(CONFIG), "--output", str(tmp_path / "out"), "--as-of", "2026-11-30",
                             "--lang", "de", "--log-format", "json", "--report-html", str(logged)], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "nichts geändert" in logged.read_text(encoding="utf-8")
