"""A run killed at any moment leaves a complete, consistent publication, and the next run repairs everything.

The main test runs scripts/kill-test: 50 runs of the real portfolio killed with SIGKILL at random moments (loading,
writing the staging folder, exchanging the folders, replacing the state), each followed by a check of what is
published and by an unkilled run that must succeed and publish what its source holds (see the script's docstring).

Two tests make the latest of those moments deterministic: a kill after the folders were exchanged and before
state.json was replaced leaves the new set published beside the previous state. On disk that is exactly what a
complete run leaves once its state.json is put back to the one before; the tests build it that way and check that
the next run publishes what its sources hold, with a catalogue whose checksums are those of the files.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
from pathlib import Path

import pytest
import rdflib

from conftest import AS_OF, CONFIG, PAGE_TEXT, REPO, kompass_bin, relocatable_config

KILL_TEST = REPO / "scripts" / "kill-test"
KILLS = 50
DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
SPDX = rdflib.Namespace("http://spdx.org/rdf/terms#")


def test_kill_test_script_passes_with_50_kills(tmp_path: Path) -> None:
    binary = kompass_bin()
    if not (binary.is_file() and os.access(binary, os.X_OK)):
        pytest.fail(f"kompass binary not found or not executable: {binary} (swift build)", pytrace=False)
    assert KILL_TEST.is_file() and os.access(KILL_TEST, os.X_OK), f"{KILL_TEST} is missing or not executable"
    environment = {**os.environ, "KOMPASS_BIN": str(binary)}
    command = [str(KILL_TEST), "--kills", str(KILLS), "--workdir", str(tmp_path / "kill-test")]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=240, stdin=subprocess.DEVNULL,
                            env=environment)
    report = f"--- stdout ---\n{result.stdout[-6000:]}\n--- stderr ---\n{result.stderr[-6000:]}"
    print(report)
    lines = [line for line in result.stdout.splitlines() if line.startswith("KILL-TEST-SUMMARY ")]
    assert lines, f"scripts/kill-test printed no summary\n{report}"
    summary = json.loads(lines[-1].removeprefix("KILL-TEST-SUMMARY "))
    assert result.returncode == 0 and not summary["failures"], f"scripts/kill-test failed\n{report}"
    assert summary["kills"] >= KILLS, report
    assert summary["early"] > 0 and summary["late"] > 0, f"kills must land both early and late\n{report}"


# --- a kill between the exchange and the state's replacement, made deterministic -------------------------------


def _run(output: Path, *extra: str, config: Path = CONFIG) -> subprocess.CompletedProcess[str]:
    command = [str(kompass_bin()), "run", "--config", str(config), "--output", str(output), "--as-of", AS_OF, *extra]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, f"`{' '.join(command)}` exited {result.returncode}\n{result.stderr[-3000:]}"
    return result


def _variant(tmp_path: Path, progress: str) -> Path:
    lines = PAGE_TEXT.read_text(encoding="utf-8").split("\n")
    assert lines[14] == "30%", "line 15 of the page text is digital-lab's progress, 30%"
    lines[14] = f"{progress}%"
    path = tmp_path / f"page-{progress}.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _progress(output: Path, project: str = "digital-lab") -> str:
    for line in (output / "projects.csv").read_text(encoding="utf-8").split("\n")[1:]:
        cells = line.split(";")
        if cells[0] == project:
            return cells[2]
    raise AssertionError(f"no {project} in projects.csv")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _assert_consistent(output: Path) -> None:
    """Every file's checksum and size are those the catalogue and the state give."""
    graph = rdflib.Graph().parse(output / "catalog.rdf", format="xml")
    mismatches = []
    for distribution in graph.subjects(rdflib.RDF.type, DCAT.Distribution):
        name = str(graph.value(distribution, DCAT.downloadURL)).rsplit("/", 1)[-1]
        checksum = str(graph.value(graph.value(distribution, SPDX.checksum), SPDX.checksumValue))
        size = int(str(graph.value(distribution, DCAT.byteSize)))
        actual = (_sha256(output / name), (output / name).stat().st_size)
        if actual != (checksum, size):
            mismatches.append(f"{name}: catalog.rdf says sha256 {checksum[:16]}… and {size} bytes, "
                              f"the file has {actual[0][:16]}… and {actual[1]} bytes")
    assert not mismatches, "catalog.rdf does not describe the published files:\n" + "\n".join(mismatches)
    state = json.loads((output.parent / f"{output.name}-kompass-state" / "state.json").read_text(encoding="utf-8"))
    wrong = [name for name, entry in state["files"].items()
             if (_sha256(output / name), (output / name).stat().st_size) != (entry["sha256"], entry["bytes"])]
    assert not wrong, f"files whose checksum or size is not the one in state.json: {sorted(wrong)}"


def _killed_after_exchange(tmp_path: Path) -> tuple[Path, Path, Path]:
    """Publishes 30 %, then 40 % with the 30 % state put back: what a SIGKILL after the exchange of the folders
    and before the rename of the new state.json leaves. Returns the output folder and both page texts."""
    output = tmp_path / "out"
    at30, at40 = _variant(tmp_path, "30"), _variant(tmp_path, "40")
    _run(output, "--source", str(at30))
    state = output.parent / f"{output.name}-kompass-state" / "state.json"
    before = state.read_bytes()
    _run(output, "--source", str(at40))
    state.write_bytes(before)
    assert _progress(output) == "40"
    return output, at30, at40


def test_run_after_kill_between_exchange_and_state_publishes_its_source(tmp_path: Path) -> None:
    output, at30, _ = _killed_after_exchange(tmp_path)
    _run(output, "--source", str(at30))
    assert _progress(output) == "30", (
        "after a run killed between the exchange and the state's replacement, the next run with the previous "
        "source (digital-lab at 30 %) exited 0 but the published projects.csv still has 40 %: the run trusted "
        "state.json (30 %) and found nothing to publish"
    )
    _assert_consistent(output)


def test_run_after_kill_between_exchange_and_state_keeps_catalogue_checksums_true(tmp_path: Path) -> None:
    output, at30, _ = _killed_after_exchange(tmp_path)
    # The same portfolio with another catalogue title: the catalogue changes, projects.csv is the 30 % one again.
    configuration = relocatable_config()
    configuration["publication"]["title"]["en"] += " (revised)"
    changed = tmp_path / "kompass.json"
    changed.write_text(json.dumps(configuration, ensure_ascii=False), encoding="utf-8")
    _run(output, "--source", str(at30), config=changed)
    assert re.search("revised", (output / "catalog.rdf").read_text(encoding="utf-8")), "the new title was not published"
    _assert_consistent(output)
    assert _progress(output) == "30"
