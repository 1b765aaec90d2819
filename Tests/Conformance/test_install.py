"""The installed binary and the release archive (issue 15: install, one binary).

* scripts/install PREFIX builds kompass with the Swift runtime linked statically: `ldd` must list only Debian's
  libraries (nothing from the Swift toolchain), and the binary must run from a folder outside the repository with
  PATH=/usr/bin:/bin, with its man page and bash completion installed beside it.
* scripts/package writes kompass-VERSION-linux-ARCH.tar.gz: unpacked into an empty folder, it publishes the real
  portfolio from there, with nothing else on the machine but Debian's libraries.

The install and the archive are made once per session (fixtures), or taken from $KOMPASS_INSTALL_PREFIX and
$KOMPASS_ARCHIVE when scripts/test made them already. Nothing is skipped: a failing build fails the tests.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

from conftest import CONFIG, PROJECT_COUNT, REPO

MINIMAL_ENV = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
VERSION_LINE = re.compile(r"^kompass (\d+\.\d+\.\d+) \(commit ([0-9a-f]{7,40}(-modified)?)\)$")
# Where Debian keeps shared libraries; anything else (the toolchain's usr/lib/swift/linux) is not on a server.
DEBIAN_LIBRARY_FOLDERS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/")


def toolchain_root() -> Path:
    swift = shutil.which("swift")
    assert swift, "swift is not on the PATH: the toolchain's folder cannot be told"
    return Path(swift).resolve().parents[2]  # …/usr/bin/swift → the toolchain's root


def made_by_script(script: str, folder: Path) -> str:
    """Runs scripts/SCRIPT FOLDER (a build of several minutes the first time); returns its standard output."""
    result = subprocess.run([str(REPO / "scripts" / script), str(folder)], cwd=REPO, capture_output=True, text=True,
                            timeout=1800, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, f"scripts/{script} {folder} exited {result.returncode}:\n{result.stderr[-4000:]}"
    return result.stdout


@pytest.fixture(scope="session")
def install_prefix(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("KOMPASS_INSTALL_PREFIX")
    if given:
        return Path(given).resolve()  # the tests run the binary from other folders
    prefix = tmp_path_factory.mktemp("prefix")
    made_by_script("install", prefix)
    return prefix


@pytest.fixture(scope="session")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("KOMPASS_ARCHIVE")
    if given:
        return Path(given).resolve()  # the tests run the binary from other folders
    return Path(made_by_script("package", tmp_path_factory.mktemp("package")).strip().splitlines()[-1])


def loaded_libraries(binary: Path) -> dict[str, str]:
    """`ldd`'s list: library name → the path it resolves to ("" for the vDSO, "not found" when missing)."""
    result = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, env=MINIMAL_ENV, timeout=60)
    assert result.returncode == 0, f"ldd {binary}: {result.stderr}"
    libraries = {}
    for line in result.stdout.splitlines():
        line = line.strip()
        if "=>" in line:
            name, target = (part.strip() for part in line.split("=>", 1))
            libraries[name] = target.split(" (")[0].strip()
        elif line:
            libraries[line.split(" (")[0]] = ""
    return libraries


def assert_only_debian_libraries(binary: Path) -> None:
    libraries = loaded_libraries(binary)
    assert any(name.startswith("libxml2.so") for name in libraries), f"libxml2 is not among {sorted(libraries)}"
    assert any(name.startswith("libc.so") for name in libraries), f"libc is not among {sorted(libraries)}"
    toolchain = str(toolchain_root())
    for name, path in libraries.items():
        assert "swift" not in name.lower() and "Foundation" not in name, f"{binary} loads {name} ({path})"
        assert path != "not found", f"{binary}: {name} not found"
        if path:
            assert not path.startswith(toolchain), f"{binary} loads {name} from the toolchain: {path}"
            assert path.startswith(DEBIAN_LIBRARY_FOLDERS), f"{binary} loads {name} from {path}, not from Debian's folders"
    # No run path into the toolchain either (it would be searched first on a machine that has one).
    dynamic = subprocess.run(["readelf", "-d", str(binary)], capture_output=True, text=True, timeout=60)
    assert dynamic.returncode == 0, dynamic.stderr
    for line in dynamic.stdout.splitlines():
        if "RPATH" in line or "RUNPATH" in line:
            assert "swift" not in line and toolchain not in line, f"{binary} has a run path into the toolchain: {line}"


def published_projects(output: Path) -> list[dict[str, str]]:
    with (output / "projects.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def test_installed_binary_loads_nothing_from_the_toolchain(install_prefix: Path) -> None:
    assert_only_debian_libraries(install_prefix / "bin" / "kompass")


def test_installed_binary_runs_outside_the_repository_with_a_minimal_path(install_prefix: Path, tmp_path: Path) -> None:
    binary = install_prefix / "bin" / "kompass"
    work = tmp_path / "elsewhere"
    work.mkdir()
    version = subprocess.run([str(binary), "--version"], cwd=work, capture_output=True, text=True, env=MINIMAL_ENV,
                             timeout=60)
    assert version.returncode == 0, version.stderr
    match = VERSION_LINE.match(version.stdout.strip())
    assert match, f"--version printed {version.stdout!r}"
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True, timeout=60).stdout.strip()
    assert head.startswith(match.group(2).removesuffix("-modified")), f"commit {match.group(2)} is not HEAD {head}"

    output = work / "output"
    run = subprocess.run([str(binary), "run", "--config", str(CONFIG), "--output", str(output), "--as-of", "2026-11-30"],
                         cwd=work, capture_output=True, text=True, env=MINIMAL_ENV, timeout=300,
                         stdin=subprocess.DEVNULL)
    assert run.returncode == 0, f"exit {run.returncode}:\n{run.stderr[-3000:]}"
    assert len(published_projects(output)) == PROJECT_COUNT


def test_man_page_and_bash_completion_are_installed(install_prefix: Path) -> None:
    man_page = install_prefix / "share" / "man" / "man1" / "kompass.1"
    completion = install_prefix / "share" / "bash-completion" / "completions" / "kompass"
    assert man_page.is_file() and man_page.stat().st_size > 1000, man_page
    assert man_page.read_text(encoding="utf-8").lstrip().startswith((".TH", ".\\\"", "'\\\"")), "not a roff man page"
    assert ".TH KOMPASS 1" in man_page.read_text(encoding="utf-8").upper()
    syntax = subprocess.run(["bash", "-n", str(completion)], capture_output=True, text=True, timeout=60)
    assert syntax.returncode == 0, syntax.stderr
    assert "complete " in completion.read_text(encoding="utf-8")


def test_the_archive_publishes_the_real_portfolio_from_an_empty_folder(archive: Path, tmp_path: Path) -> None:
    match = re.fullmatch(r"kompass-(\d+\.\d+\.\d+)-linux-(x86_64|aarch64)\.tar\.gz", archive.name)
    assert match, f"archive name {archive.name}"
    root_name = f"kompass-{match.group(1)}"
    target = tmp_path / "unpacked"
    target.mkdir()
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        assert all(name == root_name or name.startswith(root_name + "/") for name in names), "one top folder"
        tar.extractall(target, filter="data")
    root = target / root_name
    for needed in ["bin/kompass", "share/man/man1/kompass.1", "share/bash-completion/completions/kompass",
                   "config/kompass.json", "config/sources/digital-basel-umsetzung.txt", "config/sources/register.csv",
                   "config/sources/README.md", "config/systemd/kompass.service", "config/systemd/kompass.timer",
                   "config/systemd/kompass-alert@.service", "schemas/kompass-input.xsd", "docs/deployment.md"]:
        assert (root / needed).is_file(), f"the archive has no {needed}"
    binary = root / "bin" / "kompass"
    assert os.access(binary, os.X_OK)
    assert_only_debian_libraries(binary)

    # Bare `kompass` in the unpacked folder: the default configuration, the real page text, output/ beside config/.
    run = subprocess.run([str(binary)], cwd=root, capture_output=True, text=True, env=MINIMAL_ENV, timeout=300,
                         stdin=subprocess.DEVNULL)
    assert run.returncode == 0, f"exit {run.returncode}:\n{run.stderr[-3000:]}"
    output = root / "output"
    projects = published_projects(output)
    assert len(projects) == PROJECT_COUNT
    assert (output / "catalog.rdf").is_file() and (output / "projects.jsonld").is_file()
    # The archive's own files were not written to: a publication touches only output/ and its state folder.
    assert {path.name for path in root.iterdir()} >= {"bin", "config", "schemas", "docs", "share", "output"}


def test_the_systemd_units_are_valid(archive: Path, tmp_path: Path) -> None:
    """systemd-analyze verify on the archive's units, with their paths pointed at the unpacked archive."""
    analyze = shutil.which("systemd-analyze")
    assert analyze, "systemd-analyze is missing (Debian's systemd package): scripts/install-test-deps installs it"
    with tarfile.open(archive) as tar:
        tar.extractall(tmp_path, filter="data")
    root = next(tmp_path.glob("kompass-*"))
    units = tmp_path / "units"
    units.mkdir()
    for unit in (root / "config" / "systemd").iterdir():
        text = unit.read_text(encoding="utf-8").replace("/opt/kompass/", f"{root}/")
        (units / unit.name).write_text(text, encoding="utf-8")
    # verify also looks up Documentation=man:kompass(1): MANPATH points it at the archive's man page.
    environment = {**os.environ, "MANPATH": str(root / "share" / "man")}
    result = subprocess.run([analyze, "verify", *(str(path) for path in sorted(units.iterdir()))], capture_output=True,
                            text=True, timeout=120, env=environment)
    # Every complaint (an unknown key, a bad value, a missing command or man page) is a line of output.
    complaints = (result.stdout + result.stderr).strip()
    assert result.returncode == 0 and not complaints, f"exit {result.returncode}:\n{complaints}"
