"""The landing page's accessibility in a real browser: axe-core, reflow and focus, at three window widths.

One headless Chromium session (Debian's chromium, driven over the DevTools protocol on a pipe: see devtools.py)
opens index.html written from the real portfolio at 1280, 390 and 320 CSS pixels wide. At each width:
- axe-core (axe.min.js as shipped by the pinned PyPI package axe-core-python; nothing is fetched) runs with the
  rules tagged WCAG 2.0/2.1 A and AA and best practice, and finds no violation;
- the page does not scroll sideways: document.documentElement.scrollWidth <= window.innerWidth (WCAG 1.4.10 asks
  this at 320 px; it holds at every width);
- Tab reaches every link, and each, focused from the keyboard, has text with at least 4.5:1 contrast to the
  background its focus style gives it.
A screenshot of each width is written next to the browser's profile; its path is printed (pytest -s shows it).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import require_tool
from devtools import Browser

WIDTHS = (1280, 390, 320)
HEIGHT = 900
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]

# The violations, each with its nodes, as plain values (axe's own objects do not serialise).
RUN_AXE = """
axe.run(document, {runOnly: {type: 'tag', values: %s}, resultTypes: ['violations']}).then(results => ({
  version: axe.version,
  rules: results.passes.length + results.violations.length + results.incomplete.length + results.inapplicable.length,
  violations: results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, tags: v.tags,
    nodes: v.nodes.map(n => ({target: n.target, html: n.html.slice(0, 300), summary: n.failureSummary}))
  }))
}))
"""

# The focused element (after a press of Tab): its text, whether it shows keyboard focus, its text colour and the
# colour behind it (its own background, or the first opaque one of its ancestors).
FOCUSED = """
(() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const opaque = colour => colour !== 'transparent' && !/^rgba\\(.*, 0\\)$/.test(colour);
  let background = 'rgb(255, 255, 255)';
  for (let node = element; node; node = node.parentElement) {
    const colour = getComputedStyle(node).backgroundColor;
    if (opaque(colour)) { background = colour; break; }
  }
  return {tag: element.tagName.toLowerCase(), href: element.getAttribute('href'), text: element.textContent.trim().slice(0, 60),
          focusVisible: element.matches(':focus-visible'), color: getComputedStyle(element).color, background: background};
})()
"""
MAX_TABS = 400


def focus_every_link(browser: Browser) -> list[dict]:
    """Tabs through the page from its start and reads each focused element, until focus leaves the page."""
    found = []
    for _ in range(MAX_TABS):
        browser.press_tab()
        focused = browser.evaluate(FOCUSED)
        if focused is None or (found and focused == found[0]):
            break
        found.append(focused)
    return found


def axe_script() -> str:
    try:
        import axe_core_python
    except ImportError:
        pytest.fail("axe-core-python is not installed: run scripts/install-test-deps", pytrace=False)
    script = Path(axe_core_python.__file__).resolve().parent / "axe.min.js"
    if not script.is_file():
        pytest.fail(f"axe.min.js not found at {script}", pytrace=False)
    return script.read_text(encoding="utf-8")


def rgb(colour: str) -> tuple[int, int, int]:
    values = re.findall(r"[\d.]+", colour)
    assert len(values) >= 3 and (len(values) == 3 or float(values[3]) == 1), f"not an opaque colour: {colour}"
    return tuple(round(float(v)) for v in values[:3])


def contrast(foreground: tuple[int, int, int], background: tuple[int, int, int]) -> float:
    def luminance(colour: tuple[int, int, int]) -> float:
        def channel(value: int) -> float:
            c = value / 255
            return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(v) for v in colour)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.fixture(scope="module")
def measured(output_file, tmp_path_factory) -> dict[int, dict]:
    """What the browser found at each width, from one session."""
    page = output_file("index.html")
    require_tool("chromium")
    script = axe_script()
    tmp = tmp_path_factory.mktemp("browser-accessibility")
    results: dict[int, dict] = {}
    with Browser(tmp) as browser:
        for width in WIDTHS:
            browser.open(page.resolve().as_uri(), width=width, height=HEIGHT)
            browser.evaluate(script)
            axe = browser.evaluate(RUN_AXE % json.dumps(AXE_TAGS), await_promise=True)
            scroll = browser.evaluate("({scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth})")
            wide = browser.evaluate(
                "Array.from(document.querySelectorAll('body *'))"
                ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5 && !e.closest('.table-scroll'))"
                ".slice(0, 10).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ': '"
                " + e.textContent.trim().slice(0, 40))"
            )
            links = focus_every_link(browser)
            link_count = browser.evaluate("document.querySelectorAll('a[href]').length")
            screenshot = tmp / f"index-{width}.png"
            browser.screenshot(screenshot)
            print(f"screenshot at {width} px: {screenshot}")
            results[width] = {"axe": axe, "scroll": scroll, "wide": wide, "links": links, "link_count": link_count}
    return results


@pytest.mark.parametrize("width", WIDTHS)
def test_axe_core_finds_no_violation(measured, width):
    axe = measured[width]["axe"]
    assert axe["rules"] > 50, f"axe ran only {axe['rules']} rules"
    report = []
    for violation in axe["violations"]:
        report.append(f"{violation['id']} ({violation['impact']}): {violation['help']} [{', '.join(violation['tags'])}]")
        for node in violation["nodes"][:10]:
            report.append(f"    {' '.join(map(str, node['target']))}: {node['html']}\n      {node['summary']}")
        if len(violation["nodes"]) > 10:
            report.append(f"    … and {len(violation['nodes']) - 10} more")
    assert not axe["violations"], f"axe {axe['version']} at {width} px:\n" + "\n".join(report)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_page_does_not_scroll_sideways(measured, width):
    scroll = measured[width]["scroll"]
    assert scroll["innerWidth"] == width
    assert scroll["scrollWidth"] <= scroll["innerWidth"], (
        f"at {width} px the page is {scroll['scrollWidth']} px wide; elements beyond the window: {measured[width]['wide']}"
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_focused_links_have_aa_contrast(measured, width):
    links = measured[width]["links"]
    assert len(links) > 50, "the page's links: navigation, overview, sections, files"
    assert links[0]["href"] == "#inhalt", "the skip link comes first"
    assert [link["tag"] for link in links] == ["a"] * measured[width]["link_count"], "Tab reaches every link, and only links"
    weak = []
    for link in links:
        assert link["focusVisible"], f"{link['text']!r} does not match :focus-visible when focused"
        ratio = contrast(rgb(link["color"]), rgb(link["background"]))
        if ratio < 4.5:
            weak.append(f"{link['text']!r}: {link['color']} on {link['background']} is {ratio:.2f}:1")
    assert not weak, f"focused links below 4.5:1 at {width} px:\n" + "\n".join(weak)


# The steward's HTML report, with a cause and the findings that follow from it (an unknown heading in project 2)
# and a misspelt heading in project 1, checked at the same widths by the same axe-core rules.


@pytest.fixture(scope="module")
def report_measured(tmp_path_factory) -> dict[int, dict]:
    import subprocess

    from conftest import CONFIG, PAGE_TEXT, REPO, kompass_bin

    require_tool("chromium")
    folder = tmp_path_factory.mktemp("report-accessibility")
    lines = PAGE_TEXT.read_text(encoding="utf-8").split("\n")
    assert lines[13] == "Fortschritt" and lines[37] == "Bisher"
    lines[13] = "Fortschrit"
    lines[37] = "Früher so"
    page = folder / "page.txt"
    page.write_text("\n".join(lines), encoding="utf-8")
    html = folder / "report.html"
    result = subprocess.run([str(kompass_bin()), "validate", "--config", str(CONFIG), "--as-of", "2026-11-30", "--lang", "de",
                             "--report", "html", str(html), str(page)], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    assert "daraus folgen" in html.read_text(encoding="utf-8"), "the report shows consequences under their cause"
    script = axe_script()
    results: dict[int, dict] = {}
    with Browser(folder) as browser:
        for width in WIDTHS:
            browser.open(html.resolve().as_uri(), width=width, height=HEIGHT)
            browser.evaluate(script)
            axe = browser.evaluate(RUN_AXE % json.dumps(AXE_TAGS), await_promise=True)
            scroll = browser.evaluate("({scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth})")
            screenshot = folder / f"report-{width}.png"
            browser.screenshot(screenshot)
            print(f"report screenshot at {width} px: {screenshot}")
            results[width] = {"axe": axe, "scroll": scroll}
    return results


@pytest.mark.parametrize("width", WIDTHS)
def test_the_html_report_passes_axe_core(report_measured, width):
    axe = report_measured[width]["axe"]
    assert axe["rules"] > 50, f"axe ran only {axe['rules']} rules"
    found = [f"{v['id']} ({v['impact']}): {v['help']}: " + "; ".join(n["html"][:120] for n in v["nodes"][:5]) for v in axe["violations"]]
    assert not found, f"axe {axe['version']} on the HTML report at {width} px:\n" + "\n".join(found)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_html_report_does_not_scroll_sideways(report_measured, width):
    scroll = report_measured[width]["scroll"]
    assert scroll["innerWidth"] == width
    assert scroll["scrollWidth"] <= scroll["innerWidth"], f"at {width} px the report is {scroll['scrollWidth']} px wide"
