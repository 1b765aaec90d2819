"""Shared fixtures of the conformance suite: run the built kompass binary once, hand its outputs to the tests.

The tests check kompass's outputs with independent tools (pySHACL, rapper, xmllint, rdflib, pyld, feedparser,
frictionless) and an independent reading of the page text. Install them with scripts/install-test-deps and run
    .venv/bin/python -m pytest -q Tests/Conformance
The binary is $KOMPASS_BIN, by default .build/debug/kompass; a missing binary fails the suite, it never skips.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CONFIG = REPO / "config" / "kompass.json"
PAGE_TEXT = REPO / "config" / "sources" / "digital-basel-umsetzung.txt"
VALIDATION_KIT = Path(__file__).resolve().parent / "dcat-validation"
AS_OF = "2026-11-30"
PROJECT_COUNT = 34  # projects on the real page
RUN_TIMEOUT_SECONDS = 300


def sha256(path: Path) -> str:
    """The SHA-256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def kompass_bin() -> Path:
    return Path(os.environ.get("KOMPASS_BIN", REPO / ".build" / "debug" / "kompass"))


def run_kompass(output_dir: Path) -> subprocess.CompletedProcess[str]:
    """Runs `kompass run` on the default configuration into output_dir; fails the test unless it exits 0."""
    binary = kompass_bin()
    if not (binary.is_file() and os.access(binary, os.X_OK)):
        pytest.fail(
            f"kompass binary not found or not executable: {binary}\n"
            "Build it first (`swift build`), or point KOMPASS_BIN at it.",
            pytrace=False,
        )
    command = [str(binary), "run", "--config", str(CONFIG), "--output", str(output_dir), "--as-of", AS_OF]
    result = subprocess.run(
        command, cwd=REPO, capture_output=True, text=True, timeout=RUN_TIMEOUT_SECONDS, stdin=subprocess.DEVNULL
    )
    if result.returncode != 0:
        pytest.fail(
            f"`{' '.join(command)}` exited {result.returncode}\n"
            f"--- stdout ---\n{result.stdout[-4000:]}\n--- stderr ---\n{result.stderr[-4000:]}",
            pytrace=False,
        )
    return result


@pytest.fixture(scope="session")
def output_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The output directory of one first run of kompass (a fresh, empty directory)."""
    directory = tmp_path_factory.mktemp("run-1")
    run_kompass(directory)
    return directory


@pytest.fixture(scope="session")
def output_file(output_dir: Path):
    """output_file("catalog.rdf") -> path of that output; fails if kompass did not write it."""

    def find(name: str) -> Path:
        path = output_dir / name
        if not path.is_file():
            written = sorted(str(p.relative_to(output_dir)) for p in output_dir.rglob("*") if p.is_file())
            pytest.fail(f"kompass wrote no {name} into the output directory; it wrote: {written}", pytrace=False)
        return path

    return find


def relocatable_config() -> dict:
    """The default configuration with its sources' paths made absolute, to edit and write elsewhere."""
    configuration = json.loads(CONFIG.read_text(encoding="utf-8"))
    for source in configuration["sources"]:
        for key in ("path", "register"):
            if key in source:
                source[key] = str((CONFIG.parent / source[key]).resolve())
    configuration.pop("$schema", None)
    return configuration


def require_tool(name: str) -> str:
    """The path of a command-line tool; fails (never skips) when it is missing."""
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"`{name}` not found: run scripts/install-test-deps", pytrace=False)
    return path


def run_tool(command: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=RUN_TIMEOUT_SECONDS, stdin=subprocess.DEVNULL)


def organisation_slug() -> str:
    """The opendata.swiss organisation slug: $KOMPASS_ORG_SLUG, or the one string value of a '*slug*' key in the config."""
    if "KOMPASS_ORG_SLUG" in os.environ:
        return os.environ["KOMPASS_ORG_SLUG"]
    if not CONFIG.is_file():
        pytest.fail(f"configuration not found: {CONFIG}", pytrace=False)
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if "slug" in key.lower() and isinstance(item, str):
                    found.add(item)
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(json.loads(CONFIG.read_text(encoding="utf-8")))
    if len(found) != 1:
        pytest.fail(
            f"cannot tell the organisation slug from {CONFIG.name}: values of '*slug*' keys: {sorted(found)}; "
            "set KOMPASS_ORG_SLUG",
            pytrace=False,
        )
    return found.pop()


def read_csv_rows(path: Path) -> list[list[str]]:
    """The rows of a kompass CSV, header included: UTF-8 (strict, no byte-order mark), ';'-separated."""
    text = path.read_bytes().decode("utf-8")
    assert not text.startswith("\ufeff"), f"{path.name} starts with a byte-order mark"
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
