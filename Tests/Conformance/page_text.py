"""An independent reader of the captured page text (config/sources/digital-basel-umsetzung.txt).

Written from the format description in shared/data/README.md, deliberately without looking at
kompass's own importer, so that the fidelity test compares kompass's output with a second reading
of the same page. It is strict: any line that does not fit the format raises PageFormatError.

Per project, in this order:
    Fortschritt / <n>% / Dauer / YYYY–YYYY or YYYY / Bisher / paragraphs /
    In Zukunft / paragraphs / Felder / "• X" lines / Nutzende / lines
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

PROGRESS = re.compile(r"^(\d{1,3})%$")
YEARS = re.compile(r"^(\d{4})(?:–(\d{4}))?$")  # en dash, as on the page
BULLET = "• "


class PageFormatError(ValueError):
    pass


@dataclass(frozen=True)
class PageProject:
    number: int  # 1-based position on the page
    progress: int
    start_year: int
    end_year: int | None  # None when the page gives a single year
    before: list[str]  # "Bisher" paragraphs
    future: list[str]  # "In Zukunft" paragraphs
    fields: list[str]  # "Felder" bullet labels, as listed
    users: list[str]  # "Nutzende" lines, as listed


def read_page(path: Path) -> list[PageProject]:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    starts = [i for i, line in enumerate(lines) if line == "Fortschritt"]
    if not starts:
        raise PageFormatError("no 'Fortschritt' line: not the Digitalisierungs-Kompass page")
    ends = starts[1:] + [len(lines)]
    return [_read_project(n, lines[a:b], a) for n, (a, b) in enumerate(zip(starts, ends), 1)]


def _read_project(number: int, block: list[str], offset: int) -> PageProject:
    where = f"project {number} (non-empty line {offset + 1})"

    def expect(index: int, label: str) -> None:
        if index >= len(block) or block[index] != label:
            got = block[index] if index < len(block) else "<end>"
            raise PageFormatError(f"{where}: expected {label!r} at block line {index}, got {got!r}")

    def section(label: str, next_label: str) -> tuple[list[str], int]:
        start = block.index(label) + 1 if label in block else None
        if start is None or next_label not in block[start:]:
            raise PageFormatError(f"{where}: missing {label!r} or {next_label!r}")
        end = block.index(next_label, start)
        return block[start:end], end

    expect(0, "Fortschritt")
    progress = PROGRESS.match(block[1]) if len(block) > 1 else None
    if not progress:
        raise PageFormatError(f"{where}: progress {block[1:2]!r} is not '<n>%'")
    expect(2, "Dauer")
    years = YEARS.match(block[3]) if len(block) > 3 else None
    if not years:
        raise PageFormatError(f"{where}: duration {block[3:4]!r} is not 'YYYY–YYYY' or 'YYYY'")
    expect(4, "Bisher")
    before, i = section("Bisher", "In Zukunft")
    future, i = section("In Zukunft", "Felder")
    bullets, i = section("Felder", "Nutzende")
    users = block[i + 1 :]
    if not before or not future or not bullets or not users:
        raise PageFormatError(f"{where}: an empty Bisher, In Zukunft, Felder or Nutzende section")
    if any(not b.startswith(BULLET) for b in bullets):
        raise PageFormatError(f"{where}: a Felder line without '• ': {bullets!r}")
    if any(u.startswith("•") for u in users):
        raise PageFormatError(f"{where}: a Nutzende line with a bullet: {users!r}")
    return PageProject(
        number=number,
        progress=int(progress.group(1)),
        start_year=int(years.group(1)),
        end_year=int(years.group(2)) if years.group(2) else None,
        before=before,
        future=future,
        fields=[b[len(BULLET) :].strip() for b in bullets],
        users=users,
    )
