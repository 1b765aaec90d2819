"""Issue 15: the feeds give each change the time of the run that detected it, not midnight of its date.

As feedparser reads changes.atom (`updated`, `published`) and changes.rss (`pubDate`): two runs a few seconds apart
give their entries different times, each within its run; entries detected by one run share its time; a later run
keeps the times of the entries it carries over; `--as-of DATE` reproduces a run at midnight of DATE, `--as-of
DATE-TIME` at that time; items of a state written before the time was kept show midnight of their date."""

from __future__ import annotations

import calendar
import json
import subprocess
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import feedparser

from conftest import CONFIG, PAGE_TEXT, PROJECT_COUNT, REPO, RUN_TIMEOUT_SECONDS, kompass_bin


def kompass_run(output: Path, *arguments: str) -> tuple[float, float]:
    """Runs kompass into `output`; returns the wall-clock interval of the run (seconds since the epoch)."""
    start = time.time()
    command = [str(kompass_bin()), "run", "--config", str(CONFIG), "--output", str(output), "--quiet", *arguments]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=RUN_TIMEOUT_SECONDS,
                            stdin=subprocess.DEVNULL)
    assert result.returncode == 0, f"{' '.join(command)} exited {result.returncode}\n{result.stderr[-3000:]}"
    return start, time.time()


def entry_times(output: Path) -> dict[str, list[float]]:
    """Per entry id (the RSS guid), its Atom updated, Atom published and RSS pubDate as feedparser reads them."""
    atom = feedparser.parse((output / "changes.atom").read_bytes())
    rss = feedparser.parse((output / "changes.rss").read_bytes())
    assert atom.bozo == 0 and rss.bozo == 0, (atom.get("bozo_exception"), rss.get("bozo_exception"))
    times: dict[str, list[float]] = {}
    for entry in atom.entries:
        times[entry.id] = [calendar.timegm(entry.updated_parsed), calendar.timegm(entry.published_parsed)]
    for item in rss.entries:
        times[item.id].append(calendar.timegm(item.published_parsed))
    assert all(len(values) == 3 and len(set(values)) == 1 for values in times.values()), times
    return times


def local_clock(output: Path) -> set[str]:
    """The times of day the Atom entries show, in the offset they are written with."""
    atom = feedparser.parse((output / "changes.atom").read_bytes())
    return {datetime.fromisoformat(entry.updated).strftime("%H:%M:%S") for entry in atom.entries}


def test_two_runs_seconds_apart_give_different_times_each_within_its_run(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    first_run = kompass_run(first)
    time.sleep(2.2)
    second_run = kompass_run(second)
    times = []
    for output, (start, end) in ((first, first_run), (second, second_run)):
        entries = entry_times(output)
        assert len(entries) == PROJECT_COUNT
        shared = {values[0] for values in entries.values()}
        assert len(shared) == 1, f"entries of one run have different times: {shared}"
        stamp = shared.pop()
        # Whole seconds: the run's time, truncated, lies between its start (truncated) and its end.
        assert int(start) <= stamp <= end, (start, stamp, end)
        local = datetime.fromtimestamp(stamp, timezone(timedelta(hours=1)))  # Europe/Zurich in December
        if (local.hour, local.minute, local.second) != (0, 0, 0):
            assert local_clock(output) != {"00:00:00"}
        times.append(stamp)
    assert times[0] != times[1]


def test_a_later_run_keeps_the_earlier_entries_times(tmp_path):
    output = tmp_path / "output"
    first_start, first_end = kompass_run(output)
    time.sleep(1.2)
    lines = PAGE_TEXT.read_text(encoding="utf-8").split("\n")
    index = lines.index("Fortschritt")
    lines[index + 1] = "41%"
    changed = tmp_path / "page.txt"
    changed.write_text("\n".join(lines), encoding="utf-8")
    second_start, second_end = kompass_run(output, "--source", str(changed))
    entries = entry_times(output)
    new = {guid: values[0] for guid, values in entries.items() if "#progress-" in guid}
    old = {guid: values[0] for guid, values in entries.items() if "#progress-" not in guid}
    assert len(new) == 1 and len(old) == PROJECT_COUNT
    assert all(int(second_start) <= stamp <= second_end for stamp in new.values()), (second_start, new)
    assert all(int(first_start) <= stamp <= first_end for stamp in old.values())


def test_as_of_a_date_is_midnight_and_as_of_a_date_time_is_that_time(tmp_path):
    kompass_run(tmp_path / "date", "--as-of", "2026-11-30")
    assert local_clock(tmp_path / "date") == {"00:00:00"}
    stamps = {values[0] for values in entry_times(tmp_path / "date").values()}
    assert stamps == {calendar.timegm((2026, 11, 29, 23, 0, 0))}
    kompass_run(tmp_path / "time", "--as-of", "2026-11-30T09:15:30Z")
    assert local_clock(tmp_path / "time") == {"10:15:30"}  # shown in Europe/Zurich
    rss = (tmp_path / "time" / "changes.rss").read_text(encoding="utf-8")
    assert "<pubDate>Mon, 30 Nov 2026 10:15:30 +0100</pubDate>" in rss


def test_items_of_an_older_state_show_midnight_of_their_date(tmp_path):
    output = tmp_path / "output"
    kompass_run(output, "--as-of", "2026-11-30T09:15:30Z")
    state_path = tmp_path / "output-kompass-state" / "state.json"
    state = json.loads(state_path.read_text(encoding="utf-8"))
    assert all("detected" in item for item in state["feed"])
    for item in state["feed"]:
        del item["detected"]  # as kompass wrote it before the time was kept
    state_path.write_text(json.dumps(state, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    lines = PAGE_TEXT.read_text(encoding="utf-8").split("\n")
    lines[lines.index("Fortschritt") + 1] = "41%"
    changed = tmp_path / "page.txt"
    changed.write_text("\n".join(lines), encoding="utf-8")
    kompass_run(output, "--source", str(changed), "--as-of", "2026-12-01T08:00:00+01:00")
    entries = entry_times(output)
    midnight = calendar.timegm((2026, 11, 29, 23, 0, 0))
    assert {values[0] for guid, values in entries.items() if "#progress-" not in guid} == {midnight}
    assert {values[0] for guid, values in entries.items() if "#progress-" in guid} == {calendar.timegm((2026, 12, 1, 7, 0, 0))}
