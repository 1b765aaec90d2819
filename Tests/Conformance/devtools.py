"""A headless Chromium driven over the DevTools protocol on a pipe, with nothing but the standard library.

Chromium started with --remote-debugging-pipe reads protocol messages (JSON, each ended by a NUL byte) from file
descriptor 3 and writes its answers and events to descriptor 4. That is all a test needs to open a page, set the
window's size, run a script in it and take a screenshot: no WebDriver, no port, no network. The browser runs with
no network at all (no proxy, every host name unresolvable) and a fresh profile, as in test_landing_page.py.

    with Browser(tmp_path) as browser:
        browser.open(page.as_uri(), width=390, height=800)
        width = browser.evaluate("document.documentElement.scrollWidth")
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path

TIMEOUT_SECONDS = 60


class BrowserError(RuntimeError):
    pass


class Browser:
    def __init__(self, tmp: Path, browser: str | None = None) -> None:
        self.tmp = tmp
        self.browser = browser or shutil.which("chromium") or "chromium"
        self.process: subprocess.Popen[bytes] | None = None
        self.next_id = 0
        self.buffer = b""
        self.session: str | None = None
        self.events: list[dict] = []

    # --- The process --------------------------------------------------------------------------------------------

    def __enter__(self) -> Browser:
        profile = self.tmp / "profile"
        profile.mkdir(exist_ok=True)
        to_browser_read, self.to_browser = os.pipe()
        self.from_browser, from_browser_write = os.pipe()
        command = [
            self.browser, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
            "--no-proxy-server", "--host-resolver-rules=MAP * ~NOTFOUND",  # no network: every name fails to resolve
            f"--user-data-dir={profile}", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            "--hide-scrollbars", "--window-size=1280,800", "about:blank",
        ]

        def descriptors_3_and_4() -> None:  # in the child: the pipe ends where Chromium expects them
            high = [fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (to_browser_read, from_browser_write)]
            os.dup2(high[0], 3)
            os.dup2(high[1], 4)

        self.process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            close_fds=False, preexec_fn=descriptors_3_and_4,  # subprocess would close 3 and 4 after preexec_fn
            env={**os.environ, "HOME": str(self.tmp)}, cwd=self.tmp,
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        targets = self.send("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self.session = self.send("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]
        self.send("Page.enable", in_page=True)
        self.send("Runtime.enable", in_page=True)
        return self

    def __exit__(self, *exception) -> None:
        try:
            if self.process and self.process.poll() is None:
                try:
                    self.send("Browser.close")
                except BrowserError:
                    pass
                try:
                    self.process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait()
        finally:
            os.close(self.to_browser)
            os.close(self.from_browser)
            if self.process and self.process.stderr:
                self.process.stderr.close()

    # --- The protocol -------------------------------------------------------------------------------------------

    def send(self, method: str, in_page: bool = False, **params) -> dict:
        """Sends one command and returns its result; events that arrive meanwhile are kept for wait_for_event."""
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        if in_page:
            message["sessionId"] = self.session
        data = json.dumps(message).encode() + b"\0"
        while data:
            data = data[os.write(self.to_browser, data):]
        deadline = time.monotonic() + TIMEOUT_SECONDS
        while True:
            answer = self.receive(deadline)
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise BrowserError(f"{method}: {answer['error']}")
                return answer.get("result", {})
            if answer.get("method") == "Inspector.detached":
                raise BrowserError(f"{method}: the page was detached")
            if "method" in answer:
                self.events.append(answer)

    def receive(self, deadline: float) -> dict:
        while b"\0" not in self.buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise BrowserError("no answer from the browser in time")
            ready, _, _ = select.select([self.from_browser], [], [], remaining)
            if ready:
                chunk = os.read(self.from_browser, 1 << 20)
                if not chunk:
                    stderr = self.process.stderr.read().decode(errors="replace") if self.process else ""
                    raise BrowserError(f"the browser closed its pipe:\n{stderr[-4000:]}")
                self.buffer += chunk
        message, _, self.buffer = self.buffer.partition(b"\0")
        return json.loads(message)

    def wait_for_event(self, method: str) -> dict:
        while self.events:
            message = self.events.pop(0)
            if message.get("method") == method:
                return message.get("params", {})
        deadline = time.monotonic() + TIMEOUT_SECONDS
        while True:
            message = self.receive(deadline)
            if message.get("method") == method:
                return message.get("params", {})

    # --- What the tests use -------------------------------------------------------------------------------------

    def resize(self, width: int, height: int) -> None:
        """The window's size in CSS pixels, as a desktop browser (not a phone) of that size lays the page out."""
        self.send("Emulation.setDeviceMetricsOverride", in_page=True, width=width, height=height,
                  deviceScaleFactor=1, mobile=False)

    def open(self, url: str, width: int, height: int) -> None:
        """Sets the window's size, then loads the page and waits for its load event."""
        self.resize(width, height)
        self.events.clear()
        self.send("Page.navigate", in_page=True, url=url)
        self.wait_for_event("Page.loadEventFired")

    def evaluate(self, expression: str, await_promise: bool = False):
        """The value of a JavaScript expression in the page (JSON-serialisable values only)."""
        result = self.send("Runtime.evaluate", in_page=True, expression=expression, returnByValue=True,
                           awaitPromise=await_promise, timeout=TIMEOUT_SECONDS * 1000)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            raise BrowserError(f"script failed: {details.get('exception', {}).get('description') or details.get('text')}")
        return result["result"].get("value")

    def press_tab(self) -> None:
        """One press of the Tab key, as a keyboard sends it (focus moves, and :focus-visible applies)."""
        key = {"key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9, "nativeVirtualKeyCode": 9}
        self.send("Input.dispatchKeyEvent", in_page=True, type="rawKeyDown", **key)
        self.send("Input.dispatchKeyEvent", in_page=True, type="keyUp", **key)

    def screenshot(self, path: Path, full_page: bool = True) -> None:
        parameters = {"format": "png", "captureBeyondViewport": full_page}
        result = self.send("Page.captureScreenshot", in_page=True, **parameters)
        path.write_bytes(base64.b64decode(result["data"]))
