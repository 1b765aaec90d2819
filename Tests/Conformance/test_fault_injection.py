"""Fault injection (issue 14): every call with which a run changes files can fail, with ENOSPC, EIO or EACCES.

A failure before the folders are exchanged must leave the publication and its state exactly as they were (exit code
3, the failing path named); a failure after the exchange must leave the new set live, consistent or repaired by the
next run, and say so; in every case the next run without a fault recovers: it exits 0 and publishes what its source
holds, with a state whose checksums are those of the published files.

How (Tests/FaultInjection/README.md): Tests/FaultInjection/faultshim.c is compiled with the system's C compiler and
preloaded (LD_PRELOAD) into the release binary ($KOMPASS_RELEASE_BIN, else $KOMPASS_BIN). It counts the calls on
paths under one folder: a run under it in count mode lists its I/O steps (open, write, pwrite, fsync, close,
ftruncate, mkdir, link, rename, the exchange, unlink, rmdir); then every step of the list is made to fail, once per
errno, in a copy of the same publication, and the next run is made without the shim.

The scenario is the real portfolio (config/kompass.json, the page text), published once as of AS_OF, then published
again with digital-lab's progress changed from 30 % to 40 % (nine files change, four stay and are hard-linked). A few
steps of a first publication (the state folder's creation, the rename that publishes) are failed as well.

The four defects this suite found (list files left in the state folder by a failure before the exchange; no word
that nothing was published; the results of the two folder syncs ignored) are fixed; their tests stand as the others.
"""

from __future__ import annotations

import collections
import concurrent.futures
import dataclasses
import errno as errno_module
import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from conftest import AS_OF, CONFIG, PAGE_TEXT, REPO, kompass_bin

SHIM_SOURCE = REPO / "Tests" / "FaultInjection" / "faultshim.c"
ERRNOS = ("ENOSPC", "EIO", "EACCES")
STRERROR = {"ENOSPC": "No space left on device", "EIO": "Input/output error", "EACCES": "Permission denied"}
RUN_TIMEOUT = 120
# What a run that stops before the exchange says about the publication (the wording is the product's choice).
NOTHING_PUBLISHED = re.compile(r"nothing (was |is |has been )?published|(stays|is|remains) (unchanged|as it (is|was))",
                               re.IGNORECASE)
# The outcome a step's failure must have.
STOP = "stops: nothing published, output and state as they were"
TOLERATED = "tolerated: the run publishes the new set"
LIVE = "after the exchange: the new set is live, the state as before, and the run says so"
SYNC_STAGING = "the staging folder's fsync before the exchange"
SYNC_PARENT = "the output folder's parent's fsync after the exchange"


def release_binary() -> Path:
    binary = Path(os.environ.get("KOMPASS_RELEASE_BIN") or kompass_bin())
    if not (binary.is_file() and os.access(binary, os.X_OK)):
        pytest.fail(f"kompass binary not found or not executable: {binary} (swift build -c release)", pytrace=False)
    return binary


def compile_shim(directory: Path) -> Path:
    """Builds faultshim.so with a C compiler; fails (never skips) without one."""
    compiler = next((found for name in ("cc", "gcc", "clang") if (found := shutil.which(name))), None)
    if compiler is None:
        pytest.fail("no C compiler to build Tests/FaultInjection/faultshim.c: cc, gcc or clang (the Swift toolchain's "
                    "clang, beside swift) must be on the PATH", pytrace=False)
    library = directory / "faultshim.so"
    command = [compiler, "-shared", "-fPIC", "-O2", "-Wall", "-Werror", "-o", str(library), str(SHIM_SOURCE), "-ldl",
               "-lpthread"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, f"`{' '.join(command)}` failed:\n{result.stderr}"
    return library


def work_base() -> str:
    """Where the cases run: $KOMPASS_FAULT_WORKDIR, else /dev/shm when it is a writable tmpfs (an fsync costs nothing
    there, and a run makes about twenty), else the system's temporary folder."""
    if os.environ.get("KOMPASS_FAULT_WORKDIR"):
        return os.environ["KOMPASS_FAULT_WORKDIR"]
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8").split("\n")
    except OSError:
        mounts = []
    if any(line.split(" ")[1:3] == ["/dev/shm", "tmpfs"] for line in mounts if line) and os.access("/dev/shm", os.W_OK):
        return "/dev/shm"
    return tempfile.gettempdir()


def variant(directory: Path, progress: str) -> Path:
    """The page text with digital-lab's progress (line 15) changed."""
    lines = PAGE_TEXT.read_text(encoding="utf-8").split("\n")
    assert lines[14] == "30%", "line 15 of the page text is digital-lab's progress, 30%"
    lines[14] = f"{progress}%"
    path = directory / f"page-{progress}.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def run(binary: Path, work: Path, source: Path | None,
        environment: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    command = [str(binary), "run", "--config", str(CONFIG), "--output", str(work / "out"), "--as-of", AS_OF, "--quiet",
               "--lang", "en"]
    if source is not None:
        command += ["--source", str(source)]
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=RUN_TIMEOUT,
                          stdin=subprocess.DEVNULL, env={**os.environ, **(environment or {})})


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclasses.dataclass(frozen=True)
class Entry:
    kind: str  # "file", "dir" or "link"
    sha256: str
    inode: int
    mtime_ns: int


def snapshot(work: Path) -> dict[str, Entry]:
    """Every entry under `work`: kind, content checksum, inode and modification time."""
    entries: dict[str, Entry] = {}
    for directory, folders, files in os.walk(work):
        for name in folders + files:
            path = Path(directory, name)
            status = path.lstat()
            relative = str(path.relative_to(work))
            if path.is_symlink():
                entries[relative] = Entry("link", os.readlink(path), status.st_ino, status.st_mtime_ns)
            elif path.is_dir():
                entries[relative] = Entry("dir", "", status.st_ino, 0)
            else:
                entries[relative] = Entry("file", sha256(path.read_bytes()), status.st_ino, status.st_mtime_ns)
    return entries


def differences(before: dict[str, Entry], after: dict[str, Entry], folder: str, *, inodes: bool = False) -> list[str]:
    """What changed between two snapshots in `folder` (the folder itself and everything in it): added, removed, other
    content (or, with `inodes`, another inode or modification time: replaced, even by the same bytes)."""
    found = []
    for name in sorted(set(before) | set(after)):
        if name != folder and not name.startswith(folder + "/"):
            continue
        old, new = before.get(name), after.get(name)
        if old is None:
            found.append(f"{name} appeared")
        elif new is None:
            found.append(f"{name} disappeared")
        elif (old.kind, old.sha256) != (new.kind, new.sha256):
            found.append(f"{name} changed")
        elif inodes and (old.inode, old.mtime_ns) != (new.inode, new.mtime_ns):
            found.append(f"{name} was replaced (same bytes, another inode or time)")
    return found


def consistency(work: Path, reference: dict[str, str] | None) -> list[str]:
    """What is wrong with the publication in `work`: the state must name exactly the published files with their
    checksums and sizes, its list files must hold what it says, nothing may be left over (staging folders, partial
    files, hard-link temporaries), and the published files must be those of `reference` (name -> sha256)."""
    problems = []
    output, state_folder = work / "out", work / "out-kompass-state"
    try:
        state = json.loads((state_folder / "state.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        return [f"state.json cannot be read: {error}"]
    published = {path.name for path in output.iterdir()} if output.is_dir() else set()
    if set(state["files"]) != published:
        problems.append(f"state.json and the output folder disagree on {sorted(set(state['files']) ^ published)}")
    for name, entry in sorted(state["files"].items()):
        path = output / name
        if path.is_file():
            data = path.read_bytes()
            if (sha256(data), len(data)) != (entry["sha256"], entry["bytes"]):
                problems.append(f"{name}: state.json says sha256 {entry['sha256'][:16]}… and {entry['bytes']} bytes, "
                                f"the published file has {sha256(data)[:16]}… and {len(data)} bytes")
    for key in ("projects", "history"):
        reference_entry = state.get(key)
        if reference_entry:
            path = state_folder / reference_entry["file"]
            if not path.is_file() or sha256(path.read_bytes()) != reference_entry["sha256"]:
                problems.append(f"the {key} list {reference_entry['file']} that state.json names is missing or "
                                "different")
    leftovers = [str(path.relative_to(work)) for path in work.rglob("*")
                 if re.search(r"\.staging-\d+$|\.partial-\d+$|\.link$", path.name)]
    if leftovers:
        problems.append(f"left over: {sorted(leftovers)}")
    if reference is not None:
        wrong = sorted(name for name in published
                       if name not in reference or sha256((output / name).read_bytes()) != reference[name])
        if wrong or published != set(reference):
            problems.append("the published files are not those of a run without faults: "
                            f"{wrong or sorted(published ^ set(reference))}")
    return problems


@dataclasses.dataclass(frozen=True)
class Step:
    """One counted call of a run: its operation, its path (its target for rename, exchange and link: "$ROOT" for the
    folder that holds the output, "-PID" for the run's pid), which call of that operation on that path it is, and
    whether it comes after the exchange of the folders (or the rename that makes a first publication)."""
    scenario: str
    index: int
    op: str
    target: str
    source: str
    occurrence: int
    after_exchange: bool
    # After the first of the state's list files got its content name (projects-<hex>.tsv, history-<hex>.tsv).
    after_lists: bool

    @property
    def name(self) -> str:
        path = f"{self.source} -> {self.target}" if self.source else self.target
        return f"{self.scenario}: {self.op} {path}" + (f" (call {self.occurrence})" if self.occurrence > 1 else "")

    @property
    def expected(self) -> str:
        op, target = self.op, self.target
        if target.endswith("/kompass.lock") and op in {"ftruncate", "pwrite", "fsync", "close"}:
            return TOLERATED  # the lock is the flock; the file's text only names the holder
        if op == "link" or (op == "rename" and self.source.endswith(".link")):
            return TOLERATED  # an unchanged file is hard-linked to the published one; without the link it stays a copy
        if op in {"unlink", "rmdir"}:
            return TOLERATED  # removing a staging folder: a stale one before, the previous set after the exchange
        if op == "fsync" and re.fullmatch(r"\$ROOT/\.out\.staging-PID", target):
            return SYNC_STAGING
        if self.after_exchange:
            if op == "fsync" and target == "$ROOT":
                return SYNC_PARENT
            if op == "rename" and target.endswith("/state.json"):
                return LIVE
            return "unclassified"
        return STOP


def parse_steps(scenario: str, lines: list[str]) -> list[Step]:
    """The steps of a count run's list ("<n>\t<op>\t<path>" or "<n>\t<op>\t<source> -> <target>" a line)."""
    parsed = []
    for line in lines:
        fields = line.rstrip("\n").split("\t")
        source, _, target = fields[2].rpartition(" -> ")
        parsed.append((fields[1], source, target))
    published_at = next((index for index, (op, _, target) in enumerate(parsed)
                         if op == "exchange" or (op == "rename" and target == "$ROOT/out")), len(parsed))
    list_name = re.compile(r"/(projects|history)-[0-9a-f]{16}\.tsv$")
    lists_named_at = next((index for index, (op, _, target) in enumerate(parsed)
                           if op == "rename" and list_name.search(target)), len(parsed))
    steps, seen = [], collections.Counter()
    for index, (op, source, target) in enumerate(parsed):
        seen[(op, target)] += 1
        steps.append(Step(scenario, index, op, target, source, seen[(op, target)], index > published_at,
                          index > lists_named_at))
    return steps


@dataclasses.dataclass
class Case:
    step: Step
    errno: str
    returncode: int
    stderr: str
    hit: list[str]
    before: dict[str, Entry]
    after: dict[str, Entry]
    work: str
    # Right after the failing run: what is wrong with the publication (consistency), and the published files.
    problems: list[str]
    published: dict[str, str]
    recovery_returncode: int
    recovery_stderr: str
    recovery_problems: list[str]

    @property
    def label(self) -> str:
        return f"{self.step.name} failing with {self.errno}"

    def shown_path(self, path: str) -> re.Pattern[str]:
        """A step's path as the run names it: the real folder for $ROOT, any pid for PID."""
        return re.compile(re.escape(path.replace("$ROOT", self.work)).replace("PID", r"\d+"))

    def describe(self, detail: str = "") -> str:
        stderr = "\n        ".join(self.stderr.strip().splitlines()[-6:]) or "(nothing)"
        return f"  {self.label}: exit {self.returncode}{'; ' + detail if detail else ''}\n        stderr: {stderr}"


@dataclasses.dataclass
class Suite:
    steps: dict[str, list[Step]]
    cases: list[Case]
    count_returncodes: dict[str, int]
    count_problems: dict[str, list[str]]
    references: dict[str, dict[str, str]]
    seconds: float

    def of(self, *expected: str) -> list[Case]:
        return [case for case in self.cases if case.step.expected in expected]


def run_case(binary: Path, shim: Path, base: Path, template: Path | None, source: Path, reference: dict[str, str],
             step: Step, errno: str, number: int) -> Case:
    work = base / f"case-{number}"
    if template is None:
        work.mkdir()
    else:
        shutil.copytree(template, work, copy_function=shutil.copy2, symlinks=True)
    work = Path(os.path.realpath(work))
    count = base / f"case-{number}.count"
    before = snapshot(work)
    result = run(binary, work, source, {
        "LD_PRELOAD": str(shim), "KOMPASS_FAULT_ROOT": str(work), "KOMPASS_FAULT_COUNT": str(count),
        "KOMPASS_FAULT_ON": f"{step.op} {step.target}", "KOMPASS_FAULT_FAIL": f"{step.occurrence}:{errno}",
    })
    listed = count.read_text(encoding="utf-8").splitlines() if count.exists() else []
    hit = [line for line in listed if "\tFAIL " in line]
    after = snapshot(work)
    problems = consistency(work, reference)
    published = published_files(work / "out") if (work / "out").is_dir() else {}
    recovery = run(binary, work, source)
    recovery_problems = consistency(work, reference)
    shutil.rmtree(work)
    count.unlink(missing_ok=True)
    return Case(step, errno, result.returncode, result.stderr, hit, before, after, str(work), problems, published,
                recovery.returncode, recovery.stderr, recovery_problems)


def published_files(output: Path) -> dict[str, str]:
    return {path.name: sha256(path.read_bytes()) for path in output.iterdir()}


@pytest.fixture(scope="module")
def shim(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return compile_shim(tmp_path_factory.mktemp("faultshim"))


@pytest.fixture(scope="module")
def suite(shim: Path) -> Suite:
    """Runs every case once: the count runs, then each step failing with each errno, each followed by a run without
    the shim."""
    started = time.monotonic()
    binary = release_binary()
    base = Path(tempfile.mkdtemp(prefix="kompass-fault-", dir=work_base()))
    try:
        at30, at40 = variant(base, "30"), variant(base, "40")
        # The publication before: the real portfolio as of AS_OF.
        template = base / "template"
        template.mkdir()
        first = run(binary, template, at30)
        assert first.returncode == 0, f"the first publication failed: exit {first.returncode}\n{first.stderr[-3000:]}"
        # What a run without faults publishes: the reference the recovered runs must match.
        references = {}
        for scenario, start, source in (("update", template, at40), ("first publication", None, at30)):
            work = base / f"reference-{len(references)}"
            shutil.copytree(start, work, copy_function=shutil.copy2) if start else work.mkdir()
            result = run(binary, work, source)
            assert result.returncode == 0, \
                f"a run without the shim failed: exit {result.returncode}\n{result.stderr[-3000:]}"
            references[scenario] = published_files(work / "out")
        # Count mode: the steps of each scenario.
        steps, count_returncodes, count_problems = {}, {}, {}
        for scenario, start, source in (("update", template, at40), ("first publication", None, at30)):
            work = base / f"count-{len(steps)}"
            shutil.copytree(start, work, copy_function=shutil.copy2) if start else work.mkdir()
            work = Path(os.path.realpath(work))
            count = base / f"count-{len(steps)}.txt"
            result = run(binary, work, source, {"LD_PRELOAD": str(shim), "KOMPASS_FAULT_ROOT": str(work),
                                                "KOMPASS_FAULT_COUNT": str(count)})
            count_returncodes[scenario] = result.returncode
            count_problems[scenario] = consistency(work, references[scenario])
            steps[scenario] = parse_steps(scenario,
                                          count.read_text(encoding="utf-8").splitlines() if count.exists() else [])
        # Every step of the update; of the first publication, the steps an update does not have and those after the
        # rename that publishes.
        update_kinds = {(step.op, step.target) for step in steps["update"]}
        chosen = [(step, template, at40, references["update"]) for step in steps["update"]]
        chosen += [(step, None, at30, references["first publication"]) for step in steps["first publication"]
                   if (step.op, step.target) not in update_kinds or step.after_exchange]
        jobs = [(step, start, source, reference, errno)
                for step, start, source, reference in chosen for errno in ERRNOS]
        workers = max(1, min(4, os.cpu_count() or 1))
        with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
            futures = [pool.submit(run_case, binary, shim, base, start, source, reference, step, errno, number)
                       for number, (step, start, source, reference, errno) in enumerate(jobs)]
            cases = [future.result() for future in futures]
        seconds = time.monotonic() - started
        kinds = collections.Counter(case.step.expected for case in cases)
        print(f"\nfault injection: {len(chosen)} steps x {len(ERRNOS)} errnos = {len(cases)} failing runs, each "
              f"followed by a run without faults, in {seconds:.1f} s ({workers} at a time, in {base}); by expected "
              f"outcome: {dict(kinds)}")
        return Suite(steps, cases, count_returncodes, count_problems, references, seconds)
    finally:
        shutil.rmtree(base, ignore_errors=True)


def report(failures: list[str], what: str) -> None:
    assert not failures, f"{len(failures)} {what}:\n" + "\n".join(failures)


# --- the shim and its list --------------------------------------------------------------------------------------


def test_the_shim_lists_every_kind_of_step_and_changes_nothing_by_counting(suite: Suite) -> None:
    update = suite.steps["update"]
    ops = {step.op for step in update}
    for kind in ("open", "write", "pwrite", "fsync", "close", "ftruncate", "mkdir", "link", "rename", "exchange",
                 "unlink", "rmdir"):
        assert kind in ops, f"the count run of an update lists no {kind} step; it lists {sorted(ops)}"
    assert any(step.op == "rename" and step.target == "$ROOT/out" for step in suite.steps["first publication"]), \
        "the count run of a first publication lists no rename of the staging folder to the output folder"
    assert any(step.op == "mkdir" and step.target == "$ROOT/out-kompass-state"
               for step in suite.steps["first publication"]), "a first publication's count run lists no state folder"
    for scenario, code in suite.count_returncodes.items():
        assert code == 0, f"the {scenario} run under the shim in count mode exited {code}"
        assert not suite.count_problems[scenario], f"the {scenario} run in count mode: {suite.count_problems[scenario]}"
    unclassified = [step.name for step in update + suite.steps["first publication"] if step.expected == "unclassified"]
    assert not unclassified, ("steps after the exchange whose expected outcome this suite does not know (add them to "
                              f"Step.expected): {unclassified}")


STRACE_OPS = {"rename": "rename", "renameat": "rename", "link": "link", "linkat": "link", "unlink": "unlink",
              "rmdir": "rmdir", "mkdir": "mkdir", "mkdirat": "mkdir", "write": "write", "writev": "write",
              "pwrite64": "pwrite", "pwritev": "pwrite", "fsync": "fsync", "fdatasync": "fdatasync",
              "ftruncate": "ftruncate", "truncate": "ftruncate"}
# System calls that change files and that the shim does not interpose: a run must make none of them.
STRACE_UNSEEN = {"symlink", "symlinkat", "fchmod", "fchmodat", "chmod", "fchown", "fchownat", "chown", "utimensat",
                 "futimesat", "fallocate", "copy_file_range", "sendfile", "splice", "setxattr", "fsetxattr",
                 "removexattr", "mknod", "mknodat", "open_by_handle_at", "openat2"}


def test_the_shim_sees_every_call_that_changes_a_file(shim: Path, tmp_path: Path) -> None:
    """strace -f -y sees the system calls themselves, whatever library makes them (Foundation imports syscall(2)): an
    update run must make exactly the calls that change files that the shim counts, and none the shim cannot see.
    Skipped, with the reason, where this machine does not allow tracing (ptrace)."""
    strace = shutil.which("strace")
    if strace is None:
        pytest.fail("`strace` not found: run scripts/install-test-deps", pytrace=False)
    probe = subprocess.run([strace, "-f", "-o", os.devnull, "true"], capture_output=True, text=True, timeout=30)
    if probe.returncode != 0:
        reason = f"strace cannot trace here ({probe.stderr.strip()}): the check of the shim's coverage needs ptrace"
        print(reason)
        pytest.skip(reason)
    binary = release_binary()
    work = Path(os.path.realpath(tmp_path / "work"))
    work.mkdir()
    assert run(binary, work, variant(tmp_path, "30")).returncode == 0
    count, trace = tmp_path / "count.txt", tmp_path / "strace.txt"
    command = [strace, "-f", "-y", "-qq", "-e", "trace=%file,%desc", "-o", str(trace), str(binary), "run",
               "--config", str(CONFIG), "--output", str(work / "out"), "--as-of", AS_OF, "--quiet", "--lang", "en",
               "--source", str(variant(tmp_path, "40"))]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=RUN_TIMEOUT,
                            stdin=subprocess.DEVNULL, env={**os.environ, "LD_PRELOAD": str(shim),
                                                           "KOMPASS_FAULT_ROOT": str(work),
                                                           "KOMPASS_FAULT_COUNT": str(count)})
    assert result.returncode == 0, f"the traced run failed: {result.stderr[-2000:]}"
    traced, unseen = collections.Counter(), []
    for line in trace.read_text(encoding="utf-8", errors="replace").splitlines():
        match = re.match(r"\d+\s+(\w+)\((.*)", line)
        if not match or str(work) not in match.group(2):
            continue
        call, arguments = match.groups()
        if call in STRACE_UNSEEN:
            unseen.append(line)
        elif call in ("open", "openat", "creat") and re.search(r"O_WRONLY|O_RDWR|O_CREAT|O_TRUNC", arguments):
            traced["open"] += 1
        elif call == "renameat2":
            traced["exchange" if "RENAME_EXCHANGE" in arguments else "rename"] += 1
        elif call == "unlinkat":
            traced["rmdir" if "AT_REMOVEDIR" in arguments else "unlink"] += 1
        elif call in STRACE_OPS:
            traced[STRACE_OPS[call]] += 1
    counted = collections.Counter(line.split("\t")[1] for line in count.read_text(encoding="utf-8").splitlines())
    counted.pop("close", None)  # strace does not tell a written descriptor's close from a read one's
    assert not unseen, f"the run changes files with calls the shim does not interpose: {unseen}"
    assert traced == counted, \
        f"strace saw {dict(sorted(traced.items()))}, the shim counted {dict(sorted(counted.items()))}"


def test_every_injected_fault_hits_its_step(suite: Suite) -> None:
    missed = [case.describe(f"the shim failed {case.hit or 'no call'}") for case in suite.cases
              if len(case.hit) != 1 or not case.hit[0].endswith(f"\tFAIL {case.errno}")
              or f"\t{case.step.op}\t" not in case.hit[0] or not case.hit[0].split("\t")[2].endswith(case.step.target)]
    report(missed, "faults did not hit the step they were meant for")


# --- failures before the exchange -----------------------------------------------------------------------------


def test_a_failure_before_the_exchange_exits_3_naming_the_path_and_the_reason(suite: Suite) -> None:
    wrong = []
    for case in suite.of(STOP):
        named = case.shown_path(case.step.target).search(case.stderr) or (
            case.step.source and case.shown_path(case.step.source).search(case.stderr))
        if case.returncode != 3 or not named or STRERROR[case.errno].lower() not in case.stderr.lower():
            wrong.append(case.describe("expected exit 3, naming the path and saying "
                                       f"'{STRERROR[case.errno]}'"))
    assert suite.of(STOP), "no step before the exchange was failed"
    report(wrong, "failures before the exchange were not reported as they should be")


def test_a_failure_before_the_exchange_leaves_the_output_folder_as_it_was(suite: Suite) -> None:
    changed = []
    for case in suite.of(STOP):
        found = differences(case.before, case.after, "out", inodes=True)
        leftovers = [name for name in case.after if name.startswith(".out.staging-")]
        if found or leftovers:
            changed.append(case.describe(f"{found} {leftovers or ''}"))
    report(changed, "failures before the exchange changed the output folder or left a staging folder")


def _state_changes(case: Case) -> list[str]:
    found = differences(case.before, case.after, "out-kompass-state")
    if case.step.scenario == "first publication":
        # Before a first publication there is no state folder; the run's lock creates it (empty lock file).
        found = [change for change in found
                 if change not in ("out-kompass-state appeared", "out-kompass-state/kompass.lock appeared")]
        lock = case.after.get("out-kompass-state/kompass.lock")
        if lock and lock.sha256 != sha256(b""):
            found.append("out-kompass-state/kompass.lock is not empty")
    return found


def test_a_failure_before_the_exchange_leaves_the_state_folder_as_it_was(suite: Suite) -> None:
    changed = [case.describe(str(_state_changes(case))) for case in suite.of(STOP)
               if not case.step.after_lists and _state_changes(case)]
    report(changed, "failures before the exchange changed the state folder")


def test_a_failure_late_before_the_exchange_leaves_the_state_folder_as_it_was(suite: Suite) -> None:
    late = [case for case in suite.of(STOP) if case.step.after_lists]
    assert late, "no step between the lists' renames and the exchange was failed"
    changed = [case.describe(str(_state_changes(case))) for case in late if _state_changes(case)]
    report(changed, "failures between the lists' renames and the exchange changed the state folder")


def test_a_failure_before_the_exchange_says_nothing_was_published(suite: Suite) -> None:
    silent = [case.describe() for case in suite.of(STOP) if not NOTHING_PUBLISHED.search(case.stderr)]
    report(silent, "runs stopped before the exchange did not say that nothing was published")


def test_a_failing_fsync_of_the_staging_folder_stops_the_run(suite: Suite) -> None:
    cases = suite.of(SYNC_STAGING)
    assert cases, "the staging folder's fsync was not failed"
    wrong = [case.describe(str(differences(case.before, case.after, "out", inodes=True)[:3])) for case in cases
             if case.returncode != 3 or differences(case.before, case.after, "out", inodes=True)
             or not case.shown_path(case.step.target).search(case.stderr)]
    report(wrong, "failing fsyncs of the staging folder did not stop the run")


# --- failures the run can go on after -------------------------------------------------------------------------------


def test_a_tolerated_failure_still_publishes_the_new_set_consistently(suite: Suite) -> None:
    """The lock file's holder record, the hard links of unchanged files, the removal of staging folders: when they
    fail the run publishes anyway, and what it publishes is right (the next run removes what the failure left)."""
    cases = suite.of(TOLERATED)
    assert cases
    wrong = [case.describe(str(problems)) for case in cases
             if case.returncode != 0
             or (problems := [problem for problem in case.problems if not problem.startswith("left over")])]
    report(wrong, "tolerable failures stopped the run or published something else")


# --- failures after the exchange ----------------------------------------------------------------------------------


def test_a_failure_after_the_exchange_says_the_outputs_are_live_and_leaves_the_state_as_it_was(suite: Suite) -> None:
    cases = suite.of(LIVE)
    assert {case.step.scenario for case in cases} == {"update", "first publication"}, \
        "the state's rename was not failed"
    wrong = []
    for case in cases:
        state_changed = [change for change in _state_changes(case) if "state.json" in change]
        live = case.published == suite.references[case.step.scenario]
        if (case.returncode != 3 or "(they are live)" not in case.stderr
                or not case.shown_path(case.step.target).search(case.stderr)
                or STRERROR[case.errno].lower() not in case.stderr.lower() or state_changed or not live):
            wrong.append(case.describe(f"state.json: {state_changed or 'as before'}; the new set "
                                       + ("is published" if live else "is not what is published")))
    report(wrong, "failures after the exchange were not reported as a live publication without its state")


def test_a_failure_after_the_exchange_says_how_the_next_run_recovers(suite: Suite) -> None:
    silent = [case.describe() for case in suite.of(LIVE) if not re.search(r"run kompass again", case.stderr)]
    report(silent, "failures after the exchange did not say how to recover")


def test_a_failing_fsync_after_the_exchange_is_reported(suite: Suite) -> None:
    cases = suite.of(SYNC_PARENT)
    assert cases, "the parent folder's fsync was not failed"
    silent = [case.describe() for case in cases if case.returncode == 0 or "(they are live)" not in case.stderr]
    report(silent, "failing fsyncs after the exchange were not reported")


# --- the next run ------------------------------------------------------------------------------------------------


def test_the_next_run_recovers_after_every_failure(suite: Suite) -> None:
    wrong = [f"  {case.label}: the next run exited {case.recovery_returncode}: {case.recovery_problems} "
             f"{case.recovery_stderr.strip().splitlines()[-3:] if case.recovery_returncode else ''}"
             for case in suite.cases if case.recovery_returncode != 0 or case.recovery_problems]
    report(wrong, "runs after a failure did not recover")


# --- a real full disk ----------------------------------------------------------------------------------------------


def fill(folder: Path, leave: int) -> Path:
    """Fills the file system of `folder` with one file, then shortens it to leave `leave` bytes free."""
    filler = folder / "filler"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    block = b"\0" * (1 << 16)
    try:
        while True:
            try:
                if os.write(descriptor, block) == 0:
                    break
            except OSError as error:
                if error.errno == errno_module.ENOSPC:
                    break
                raise
    finally:
        os.close(descriptor)
    size = filler.stat().st_size
    os.truncate(filler, max(0, size - leave))
    return filler


def test_a_full_disk_stops_the_run_and_the_next_run_recovers(tmp_path: Path) -> None:
    """A small tmpfs, filled almost full: the run's staging writes hit a real ENOSPC. Skipped, with the reason, where
    this machine does not let the test mount a file system (not root, no CAP_SYS_ADMIN: most containers)."""
    binary = release_binary()
    mountpoint = tmp_path / "small-disk"
    mountpoint.mkdir()
    mount = shutil.which("mount")
    if mount is None:
        pytest.skip("no `mount` command: the full-disk test needs one to mount a small tmpfs")
    result = subprocess.run([mount, "-t", "tmpfs", "-o", "size=4m,mode=0755", "kompass-full-disk", str(mountpoint)],
                            capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL)
    if result.returncode != 0:
        reason = (f"cannot mount a small tmpfs here (`mount -t tmpfs` exited {result.returncode}: "
                  f"{result.stderr.strip() or result.stdout.strip()}); the full-disk test needs root with "
                  "CAP_SYS_ADMIN")
        print(reason)
        pytest.skip(reason)
    try:
        at30, at40 = variant(tmp_path, "30"), variant(tmp_path, "40")
        work = mountpoint / "publication"
        work.mkdir()
        first = run(binary, work, at30)
        assert first.returncode == 0, f"the first publication on the small tmpfs failed:\n{first.stderr[-3000:]}"
        # What the update publishes without faults, on the ordinary disk.
        reference_work = tmp_path / "reference"
        shutil.copytree(work, reference_work, copy_function=shutil.copy2)
        assert run(binary, reference_work, at40).returncode == 0
        reference = published_files(reference_work / "out")
        before = snapshot(work)
        # The update needs about 400 KB in the staging folder: it runs out of room at different writes.
        for leave in (0, 16 << 10, 64 << 10, 192 << 10, 320 << 10):
            filler = fill(mountpoint, leave)
            failed = run(binary, work, at40)
            after = snapshot(work)
            filler.unlink()
            shown = f"with {leave >> 10} KiB left: exit {failed.returncode}\n{failed.stderr[-2000:]}"
            print(f"full disk, {leave >> 10} KiB left: exit {failed.returncode}: "
                  f"{failed.stderr.strip().splitlines()[:1]}")
            assert failed.returncode == 3, shown
            assert STRERROR["ENOSPC"] in failed.stderr and str(work) in failed.stderr, shown
            assert not differences(before, after, "out", inodes=True), f"the output folder changed {shown}"
            assert not differences(before, after, "out-kompass-state"), f"the state folder changed {shown}"
            assert set(after) == set(before), f"left over: {sorted(set(after) - set(before))} {shown}"
        # Room again: the next run publishes the update, consistently.
        recovered = run(binary, work, at40)
        assert recovered.returncode == 0, f"the run after the disk was freed failed:\n{recovered.stderr[-3000:]}"
        problems = consistency(work, reference)
        assert not problems, f"after the disk was freed: {problems}"
    finally:
        if subprocess.run(["umount", str(mountpoint)], capture_output=True, timeout=30).returncode != 0:
            subprocess.run(["umount", "-l", str(mountpoint)], capture_output=True, timeout=30)
