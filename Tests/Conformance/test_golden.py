"""Byte identity with the outputs of main at 7b626ff (issue 12).

The streaming core must publish exactly what the earlier design published for the same inputs. The checksums in
Tests/Conformance/golden/outputs-7b626ff.json were recorded with the release binary built from 7b626ff by
    KOMPASS_RECORD_GOLDEN=1 KOMPASS_BIN=.build/release/kompass .venv/bin/python -m pytest -q Tests/Conformance/test_golden.py
and this test compares the current binary's outputs with them, file by file. The inputs' own checksums are
recorded too, so that a changed generator is told apart from a changed exporter.

Scenarios: the real page (first publication); the real page again with one progress changed, a day later; a
generated portfolio of 10,000 projects in each structured format (first publication); the generated CSV again
with one progress changed.

Where a later issue changes an output on purpose, the golden file's `intended` entries hold, per changed file, its
new checksum and the reason; such a file is compared with its new checksum, never skipped. They are recorded with
    KOMPASS_RECORD_INTENDED="issue N: why" KOMPASS_RELEASE_BIN=.build/release/kompass .venv/bin/python -m pytest -q Tests/Conformance/test_golden.py
which records every file that differs (check the list it prints before committing it). A file a later issue adds
(issue 15: vocabulary.ttl, vocabulary.jsonld) is recorded the same way: an intended entry for a name the recording
does not have; from then on the scenario must write it too.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import CONFIG, PAGE_TEXT, REPO, kompass_bin, sha256

GOLDEN = Path(__file__).resolve().parent / "golden" / "outputs-7b626ff.json"
RECORD = os.environ.get("KOMPASS_RECORD_GOLDEN") == "1"
INTEND = os.environ.get("KOMPASS_RECORD_INTENDED")
GENERATED_PROJECTS = 10_000
TIMEOUT = 600


def checksums(folder: Path) -> dict[str, str]:
    return {p.name: sha256(p) for p in sorted(folder.iterdir()) if p.is_file()}


def golden_bin() -> str:
    """The release binary when scripts/test names it (10,000 projects per format take minutes in a debug build)."""
    return os.environ.get("KOMPASS_RELEASE_BIN") or str(kompass_bin())


def kompass(*arguments: str) -> None:
    command = [golden_bin(), *arguments]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, f"{' '.join(command)} exited {result.returncode}\n{result.stderr[-3000:]}"


def change_first_progress_in_page(source: Path, target: Path) -> None:
    lines = source.read_text(encoding="utf-8").split("\n")
    index = lines.index("Fortschritt")
    assert lines[index + 1] == "30%", lines[index + 1]
    lines[index + 1] = "40%"
    target.write_text("\n".join(lines), encoding="utf-8")


def change_one_progress_in_csv(path: Path) -> None:
    rows = path.read_bytes().split(b"\n")
    # The fifth project's row: "vorhaben-5;title;progress;..." (titles hold no ';' in generated data).
    for number, row in enumerate(rows):
        if row.startswith(b"vorhaben-5;"):
            cells = row.split(b";")
            cells[2] = b"0" if cells[2] != b"0" else b"1"
            rows[number] = b";".join(cells)
            break
    else:
        pytest.fail("the generated CSV has no row for vorhaben-5")
    path.write_bytes(b"\n".join(rows))


def scenario_outputs(tmp_path: Path) -> dict[str, dict[str, str]]:
    results: dict[str, dict[str, str]] = {}
    real = tmp_path / "real" / "output"
    real.parent.mkdir()  # kompass creates the output folder, never the folders above it
    kompass("run", "--config", str(CONFIG), "--output", str(real), "--as-of", "2026-11-30")
    results["real"] = checksums(real)
    changed_page = tmp_path / "real" / "changed.txt"
    change_first_progress_in_page(PAGE_TEXT, changed_page)
    kompass("run", "--config", str(CONFIG), "--source", str(changed_page), "--output", str(real), "--as-of", "2026-12-01")
    results["real-change"] = checksums(real)
    for form in ("csv", "json", "jsonl", "xml"):
        folder = tmp_path / f"gen-{form}"
        kompass("generate", "--projects", str(GENERATED_PROJECTS), "--format", form, "--seed", "1", "--output", str(folder))
        inputs = {p.name: sha256(p) for p in sorted(folder.iterdir()) if p.is_file() and p.name != "kompass.json"}
        results[f"gen-{form}-input"] = inputs
        if form == "csv":  # the spreadsheet copy is optional: switched on here so that it is compared too
            configuration = json.loads((folder / "kompass.json").read_text())
            configuration["publication"]["spreadsheetCopy"] = True
            (folder / "kompass.json").write_text(json.dumps(configuration))
        kompass("run", "--config", str(folder / "kompass.json"), "--output", str(folder / "output"), "--as-of", "2026-11-30")
        results[f"gen-{form}"] = checksums(folder / "output")
        if form == "csv":
            change_one_progress_in_csv(folder / "portfolio.csv")
            kompass("run", "--config", str(folder / "kompass.json"), "--output", str(folder / "output"), "--as-of", "2026-12-01")
            results["gen-csv-change"] = checksums(folder / "output")
        shutil.rmtree(folder)
    return results


def test_outputs_are_byte_identical_to_the_recorded_design(tmp_path: Path) -> None:
    measured = scenario_outputs(tmp_path)
    if RECORD:
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps({"recordedFrom": "7b626ff", "intended": {}, "scenarios": measured}, indent=1) + "\n")
        return
    golden = json.loads(GOLDEN.read_text())
    intended: dict[str, dict[str, str]] = golden.get("intended") or {}
    differences = []
    for scenario, files in golden["scenarios"].items():
        assert scenario in measured, f"scenario {scenario} did not run"
        added = {key.split("/", 1)[1]: None for key in intended if key.split("/", 1)[0] == scenario}
        if INTEND:
            added |= {name: None for name in measured[scenario] if name not in files}
        files = {**added, **files}
        assert sorted(measured[scenario]) == sorted(files), f"{scenario}: other files were written"
        for name, digest in files.items():
            key = f"{scenario}/{name}"
            expected = intended[key]["sha256"] if key in intended else digest
            if measured[scenario][name] == expected:
                continue
            if INTEND:
                intended[key] = {"sha256": measured[scenario][name], "reason": INTEND}
                print(f"recorded as intended: {key}")
            else:
                differences.append(key)
    if INTEND:
        golden["intended"] = dict(sorted(intended.items()))
        GOLDEN.write_text(json.dumps(golden, indent=1, ensure_ascii=False) + "\n")
    assert not differences, f"outputs differ from 7b626ff (and from the intended changes recorded since): {differences}"
