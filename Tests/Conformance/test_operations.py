"""Operations: what a scheduled run does to the published files, the lock, and a damaged publication state.

kompass publishes into DIR by exchanging a staging folder with DIR in one step; the publication state and the lock
are in DIR-kompass-state. These tests run the built binary on the real configuration with --output in a temporary
folder and look at the files themselves (inode, modification time, size, content), the exit codes and the messages.
"""

from __future__ import annotations

import csv
import fcntl
import io
import json
import os
import re
import subprocess
import time
from pathlib import Path

import feedparser
import pytest
import rdflib

from conftest import AS_OF, CONFIG, PAGE_TEXT, PROJECT_COUNT, REPO, RUN_TIMEOUT_SECONDS, kompass_bin, sha256

LATER = "2026-12-15"  # a later reference date in the same year: no status changes with it
CHANGED_ON = "2026-12-01"
PROJECT_ID = "digital-lab"  # the first project of the page; its progress is line 15
DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
SPDX = rdflib.Namespace("http://spdx.org/rdf/terms#")
HOLDER_PID = 12345


# --- helpers ---------------------------------------------------------------------------------------------------


def binary() -> str:
    path = kompass_bin()
    if not (path.is_file() and os.access(path, os.X_OK)):
        pytest.fail(f"kompass binary not found or not executable: {path} (swift build)", pytrace=False)
    return str(path)


def kompass(output: Path, as_of: str, *extra: str, config: Path = CONFIG, timeout: float = RUN_TIMEOUT_SECONDS
            ) -> subprocess.CompletedProcess[str]:
    """`kompass run` with stdout and stderr captured (not a terminal), never failing by itself."""
    command = [binary(), "run", "--config", str(config), "--output", str(output), "--as-of", as_of, *extra]
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)


def must_succeed(result: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert result.returncode == 0, (
        f"`{' '.join(result.args)}` exited {result.returncode}\n--- stdout ---\n{result.stdout[-3000:]}\n"
        f"--- stderr ---\n{result.stderr[-3000:]}"
    )
    return result


def state_dir(output: Path) -> Path:
    return output.parent / f"{output.name}-kompass-state"


def records(output: Path) -> dict[str, tuple[int, int, int]]:
    """(inode, mtime_ns, size) of the output folder itself, of every file in it, and of state.json."""
    found = {}
    for path in [output, *sorted(output.rglob("*")), state_dir(output) / "state.json"]:
        status = path.stat()
        found[str(path.relative_to(output.parent))] = (status.st_ino, status.st_mtime_ns, status.st_size)
    return found


def staging_folders(output: Path) -> list[str]:
    return sorted(p.name for p in output.parent.iterdir() if p.name.startswith(f".{output.name}.staging-"))


def page_text_with_progress(tmp_path: Path, progress: str) -> Path:
    """The real page text with digital-lab's progress (line 15, `30%`) set to `progress`."""
    lines = PAGE_TEXT.read_text(encoding="utf-8").split("\n")
    assert lines[14] == "30%", f"line 15 of {PAGE_TEXT.name} is {lines[14]!r}; the tests expect digital-lab's 30%"
    lines[14] = f"{progress}%"
    path = tmp_path / f"page-text-{progress}.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def csv_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline=""), delimiter=";"))


def assert_publication_consistent(output: Path) -> None:
    """The published set is complete, the state describes it, and the catalogue's checksums and sizes are true."""
    state = json.loads((state_dir(output) / "state.json").read_text(encoding="utf-8"))
    on_disk = sorted(p.name for p in output.iterdir())
    assert on_disk == sorted(state["files"]), f"the folder holds {on_disk}; the state names {sorted(state['files'])}"
    for name, entry in state["files"].items():
        path = output / name
        assert (sha256(path), path.stat().st_size) == (entry["sha256"], entry["bytes"]), \
            f"{name}: its checksum or size is not the one in state.json"
    graph = rdflib.Graph().parse(output / "catalog.rdf", format="xml")
    distributions = list(graph.subjects(rdflib.RDF.type, DCAT.Distribution))
    assert distributions, "catalog.rdf has no distribution"
    for distribution in distributions:
        name = str(graph.value(distribution, DCAT.downloadURL)).rsplit("/", 1)[-1]
        checksum = str(graph.value(graph.value(distribution, SPDX.checksum), SPDX.checksumValue))
        size = int(str(graph.value(distribution, DCAT.byteSize)))
        assert (output / name).is_file(), f"catalog.rdf names {name}, which is not published"
        assert (sha256(output / name), (output / name).stat().st_size) == (checksum, size), \
            f"{name}: catalog.rdf's checksum or size is not the file's"
    assert staging_folders(output) == [], f"staging folders left: {staging_folders(output)}"


@pytest.fixture
def published(tmp_path: Path) -> Path:
    """A fresh output folder with a first publication of the real portfolio."""
    output = tmp_path / "out"
    must_succeed(kompass(output, AS_OF))
    return output


# --- (a) a run that has nothing to publish touches nothing -----------------------------------------------------


def test_unchanged_run_rewrites_no_file_and_says_nothing(published: Path) -> None:
    before = records(published)
    result = must_succeed(kompass(published, LATER))
    assert result.stdout == "", f"a run that changed nothing printed on stdout (not a terminal): {result.stdout!r}"
    assert result.stderr == "", f"a run that changed nothing printed on stderr (cron would mail it): {result.stderr!r}"
    after = records(published)
    changed = {name: (before.get(name), after.get(name)) for name in before.keys() | after.keys()
               if before.get(name) != after.get(name)}
    assert not changed, f"(inode, mtime_ns, size) changed by a run with nothing to publish: {changed}"
    assert staging_folders(published) == []


# --- (b) one change: one feed item, one history row, unchanged files stay ---------------------------------------


def test_one_progress_change_gives_one_feed_item_and_one_history_row(published: Path, tmp_path: Path) -> None:
    before = records(published)
    contents_before = {p.name: p.read_bytes() for p in published.iterdir()}
    feed_before = feedparser.parse(str(published / "changes.rss"))
    history_before = csv_rows(published / "history.csv")
    projects_before = {row[0]: row for row in csv_rows(published / "projects.csv")[1:]}
    assert len(feed_before.entries) == PROJECT_COUNT, "a first publication has one item per project"

    must_succeed(kompass(published, CHANGED_ON, "--source", str(page_text_with_progress(tmp_path, "40"))))

    # projects.csv: exactly the one project's progress changed.
    projects_after = {row[0]: row for row in csv_rows(published / "projects.csv")[1:]}
    differing = sorted(key for key in projects_before.keys() | projects_after.keys()
                       if projects_before.get(key) != projects_after.get(key))
    assert differing == [PROJECT_ID], f"projects whose row changed: {differing}"
    title = projects_after[PROJECT_ID][1]
    assert projects_after[PROJECT_ID][2] == "40"

    # The feed: exactly one new item, first, about the project; the old ones follow unchanged.
    feed_after = feedparser.parse(str(published / "changes.rss"))
    assert feed_after.bozo == 0, feed_after.get("bozo_exception")
    assert len(feed_after.entries) == len(feed_before.entries) + 1, \
        f"{len(feed_after.entries) - len(feed_before.entries)} new items for one change"
    newest = feed_after.entries[0]
    assert title in newest.title, f"the new item's title {newest.title!r} does not name the project {title!r}"
    assert [e.id for e in feed_after.entries[1:]] == [e.id for e in feed_before.entries], \
        "the earlier items are not kept after the new one, in their order"
    assert newest.id not in {e.id for e in feed_before.entries}
    atom = feedparser.parse(str(published / "changes.atom"))
    assert len(atom.entries) == len(feed_before.entries) + 1 and title in atom.entries[0].title

    # history.csv: exactly one new row, at the end, for the change.
    history_after = csv_rows(published / "history.csv")
    assert history_after[0] == ["datum", "id", "ereignis", "fortschritt_prozent", "status"]
    assert history_after[:-1] == history_before, "history.csv's earlier rows changed"
    assert len(history_after) == len(history_before) + 1
    new_row = history_after[-1]
    assert new_row[:4] == [CHANGED_ON, PROJECT_ID, "fortschritt", "40"], new_row
    assert new_row[4] == projects_after[PROJECT_ID][5]

    # Unchanged files keep inode and mtime (hard links to the published ones); changed files are new files.
    after = records(published)
    for name in ("context.jsonld", "project-fields.csv"):
        assert (published / name).read_bytes() == contents_before[name], f"{name} changed with a progress change"
        assert after[f"out/{name}"] == before[f"out/{name}"], f"{name} is unchanged but was rewritten"
    for name, content in contents_before.items():
        key = f"out/{name}"
        if (published / name).read_bytes() == content:
            assert after[key] == before[key], f"{name}: unchanged content, but (inode, mtime_ns, size) changed"
        else:
            assert after[key][0] != before[key][0], f"{name}: changed content in the same inode (rewritten in place)"
    assert after["out"][0] != before["out"][0], "the output folder was not exchanged"
    assert_publication_consistent(published)


# --- (c) the lock ----------------------------------------------------------------------------------------------


def test_run_while_another_holds_the_lock_exits_4_and_changes_nothing(published: Path, tmp_path: Path) -> None:
    changed_source = page_text_with_progress(tmp_path, "40")
    lock_path = state_dir(published) / "kompass.lock"
    before = records(published)
    state_before = (state_dir(published) / "state.json").read_bytes()
    holder = f"{HOLDER_PID} 2026-11-30T00:00:00Z"
    descriptor = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, holder.encode(), 0)
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        started = time.monotonic()
        result = kompass(published, CHANGED_ON, "--source", str(changed_source), timeout=30)
        seconds = time.monotonic() - started
        assert result.returncode == 4, f"exit {result.returncode} while the lock was held\n{result.stderr[-2000:]}"
        assert seconds < 5, f"the locked-out run took {seconds:.1f} s to give up"
        assert str(HOLDER_PID) in result.stderr, f"the message does not name the holder (pid {HOLDER_PID}): {result.stderr!r}"
        assert result.stdout == ""
        assert records(published) == before, "a run that did not get the lock changed the published files"
        assert (state_dir(published) / "state.json").read_bytes() == state_before
        assert staging_folders(published) == []
        assert lock_path.read_text(encoding="utf-8") == holder, "the locked-out run changed the lock file"
    finally:
        fcntl.flock(descriptor, fcntl.LOCK_UN)
        os.close(descriptor)
    result = must_succeed(kompass(published, CHANGED_ON, "--source", str(changed_source)))
    assert "published" in result.stdout
    assert {row[0]: row[2] for row in csv_rows(published / "projects.csv")[1:]}[PROJECT_ID] == "40"
    assert_publication_consistent(published)


CONCURRENT_PROJECTS = 5000  # large enough that the two runs overlap (a debug build takes seconds)


def test_two_concurrent_runs_on_a_large_portfolio_never_publish_together(tmp_path: Path) -> None:
    generated = tmp_path / "generated"
    subprocess.run([binary(), "generate", "--projects", str(CONCURRENT_PROJECTS), "--format", "csv", "--output", str(generated)],
                   cwd=REPO, check=True, capture_output=True, timeout=RUN_TIMEOUT_SECONDS, stdin=subprocess.DEVNULL)
    output = tmp_path / "out"
    command = [binary(), "run", "--config", str(generated / "kompass.json"), "--output", str(output), "--as-of", AS_OF]
    runs = []
    for number in (1, 2):
        stdout, stderr = tmp_path / f"run-{number}.out", tmp_path / f"run-{number}.err"
        with stdout.open("w") as out, stderr.open("w") as err:
            runs.append({"process": subprocess.Popen(command, cwd=REPO, stdout=out, stderr=err, stdin=subprocess.DEVNULL),
                         "started": time.monotonic(), "stdout": stdout, "stderr": stderr})
    deadline = time.monotonic() + 2 * RUN_TIMEOUT_SECONDS
    while any("code" not in run for run in runs):  # poll both: each run's own duration counts
        assert time.monotonic() < deadline, "the runs did not end in time"
        for run in runs:
            if "code" not in run and run["process"].poll() is not None:
                run["code"], run["seconds"] = run["process"].returncode, time.monotonic() - run["started"]
        time.sleep(0.05)
    codes = sorted(run["code"] for run in runs)
    texts = [(run["stdout"].read_text(encoding="utf-8"), run["stderr"].read_text(encoding="utf-8")) for run in runs]
    outcome = ", ".join(f"run {n}: exit {run['code']} after {run['seconds']:.1f} s" for n, run in enumerate(runs, 1))
    print(f"two concurrent runs on {CONCURRENT_PROJECTS} projects: {outcome}")
    assert codes in ([0, 4], [0, 0]), f"{outcome}\n" + "\n".join(err[-1500:] for _, err in texts)
    if codes == [0, 4]:
        print("outcome: one run published, the other found the lock held and exited 4")
        (winner, _), (loser, (loser_out, loser_err)) = sorted(zip(runs, texts), key=lambda pair: pair[0]["code"])
        assert loser["seconds"] < 10, f"the locked-out run took {loser['seconds']:.1f} s to give up"
        assert loser_out == ""
        assert f"pid {winner['process'].pid}" in loser_err, \
            f"the locked-out run's message does not name the holder, pid {winner['process'].pid}: {loser_err!r}"
    else:
        print("outcome: both exited 0, one after the other")
        published = [out for out, _ in texts if out.startswith("published")]
        assert len(published) == 1, f"both runs published (each saw no previous publication): {[out for out, _ in texts]}"
        assert [out for out, _ in texts if not out.startswith("published")] == [""], "the second run was not silent"
    state = json.loads((state_dir(output) / "state.json").read_text(encoding="utf-8"))
    assert state["projects"]["count"] == CONCURRENT_PROJECTS
    assert len(csv_rows(output / "projects.csv")) == CONCURRENT_PROJECTS + 1
    assert_publication_consistent(output)
    # The lock is free again.
    descriptor = os.open(state_dir(output) / "kompass.lock", os.O_RDWR)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    finally:
        os.close(descriptor)


# --- (d) a damaged publication state stops the run --------------------------------------------------------------


@pytest.mark.parametrize("damage", ["garbage", "version 99"])
def test_damaged_state_stops_the_run_with_exit_3_and_touches_nothing(published: Path, tmp_path: Path, damage: str) -> None:
    state_path = state_dir(published) / "state.json"
    if damage == "garbage":
        state_path.write_bytes(b"\x00\x01 this is not { a kompass state ]]\n")
    else:
        state = json.loads(state_path.read_text(encoding="utf-8"))
        state["version"] = 99
        state_path.write_text(json.dumps(state), encoding="utf-8")
    damaged = state_path.read_bytes()
    before = records(published)
    result = kompass(published, CHANGED_ON, "--source", str(page_text_with_progress(tmp_path, "40")))
    assert result.returncode == 3, f"exit {result.returncode} with a state of {damage}\n{result.stderr[-2000:]}"
    assert str(state_path) in result.stderr, f"the message does not name {state_path}: {result.stderr!r}"
    if damage == "version 99":
        assert re.search(r"\b99\b", result.stderr), f"the message does not name the version 99: {result.stderr!r}"
    assert records(published) == before, "the outputs changed although the state could not be read"
    assert state_path.read_bytes() == damaged, "the damaged state was replaced (a silent reset)"
    assert staging_folders(published) == []
