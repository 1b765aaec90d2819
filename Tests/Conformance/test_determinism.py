"""Two runs with the same --as-of into two fresh directories write byte-identical files."""

from __future__ import annotations

import difflib
from pathlib import Path

from conftest import run_kompass


def files(directory: Path) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def first_difference(a: bytes, b: bytes) -> str:
    diff = difflib.unified_diff(
        a.decode("utf-8", "replace").splitlines(), b.decode("utf-8", "replace").splitlines(), lineterm="", n=0
    )
    return "\n".join(list(diff)[2:8])


def test_two_runs_write_identical_files(output_dir, tmp_path):
    second = tmp_path / "run-2"
    second.mkdir()
    run_kompass(second)
    one, two = files(output_dir), files(second)
    assert one, "the first run wrote no files"
    assert sorted(one) == sorted(two), "the two runs wrote different sets of files"
    differing = [name for name in one if one[name] != two[name]]
    assert not differing, "files differ between runs:\n" + "\n".join(
        f"{name}:\n{first_difference(one[name], two[name])}" for name in differing
    )
