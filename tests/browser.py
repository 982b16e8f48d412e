"""A real browser for the tests: headless Chromium driven over the DevTools
protocol on a pipe (no port, no network), to render a page at a given width
and read what it drew and every request it made."""

from __future__ import annotations

import contextlib
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
)


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


class Browser:
    """One Chromium with a fresh profile; `render` opens a page in a new tab."""

    def __init__(self, executable: str, timeout: float = 60.0) -> None:
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="csm-chromium-")
        to_browser_read, self._to_browser = os.pipe()
        self._from_browser, from_browser_write = os.pipe()

        def plumb() -> None:  # the browser reads commands on fd 3, answers on fd 4
            os.dup2(to_browser_read, 3)
            os.dup2(from_browser_write, 4)

        self.process = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
            preexec_fn=plumb,
            # fds 3 and 4 are made by `plumb`; kept open past it, every other closed
            pass_fds=(3, 4),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._buffer = b""
        self._next = 0
        self.events: list[dict[str, Any]] = []

    def close(self) -> None:
        with contextlib.suppress(OSError, TimeoutError, RuntimeError):
            self.send("Browser.close")
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("Chromium did not answer")
            ready, _, _ = select.select([self._from_browser], [], [], left)
            if ready:
                chunk = os.read(self._from_browser, 1 << 16)
                if not chunk:
                    raise RuntimeError("Chromium closed the pipe")
                self._buffer += chunk
        raw, _, self._buffer = self._buffer.partition(b"\0")
        message: dict[str, Any] = json.loads(raw)
        return message

    def send(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        self._next += 1
        command: dict[str, Any] = {"id": self._next, "method": method, "params": params}
        if session:
            command["sessionId"] = session
        os.write(self._to_browser, json.dumps(command).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            message = self._message(deadline)
            if message.get("id") == self._next:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                result: dict[str, Any] = message.get("result", {})
                return result
            self.events.append(message)

    def wait_for(self, method: str, session: str) -> None:
        deadline = time.monotonic() + self.timeout
        if any(e.get("method") == method and e.get("sessionId") == session for e in self.events):
            return
        while True:
            message = self._message(deadline)
            self.events.append(message)
            if message.get("method") == method and message.get("sessionId") == session:
                return

    def render(self, page: Path, width: int, height: int = 900) -> Rendered:
        """Open `page` in a tab `width` CSS pixels wide; what it drew and asked for."""
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        session = self.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.events.clear()
        for domain in ("Network", "Page", "Log", "Runtime"):
            self.send(f"{domain}.enable", session)
        self.send(
            "Emulation.setDeviceMetricsOverride",
            session,
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )
        self.send("Page.navigate", session, url=page.as_uri())
        self.wait_for("Page.loadEventFired", session)
        measured = self.send(
            "Runtime.evaluate",
            session,
            returnByValue=True,
            expression=MEASURE,
        )["result"]["value"]
        shot = self.send(
            "Page.captureScreenshot", session, format="png", captureBeyondViewport=True
        )["data"]
        mine = [e for e in self.events if e.get("sessionId") == session]
        requests = [
            e["params"]["request"]["url"]
            for e in mine
            if e.get("method") == "Network.requestWillBeSent"
        ]
        problems = [
            e["params"]["entry"]
            for e in mine
            if e.get("method") == "Log.entryAdded"
            and e["params"]["entry"].get("level") in ("error", "warning")
        ]
        problems += [e["params"] for e in mine if e.get("method") == "Runtime.exceptionThrown"]
        self.send("Target.closeTarget", targetId=target)
        return Rendered(json.loads(measured), requests, problems, shot)


# What the test reads from the drawn page: its width and the viewport's,
# and any element that reaches past either side.
MEASURE = """JSON.stringify({
  scrollWidth: document.documentElement.scrollWidth,
  clientWidth: document.documentElement.clientWidth,
  innerWidth: window.innerWidth,
  outside: Array.from(document.querySelectorAll('body *'))
    .filter(e => { const r = e.getBoundingClientRect();
                   return r.width > 0 && (r.right > window.innerWidth + 0.5 || r.left < -0.5); })
    .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + (e.textContent || '').slice(0, 40)),
  fonts: Array.from(document.fonts).map(f => f.family)
})"""


class Rendered:
    def __init__(
        self, measured: dict[str, Any], requests: list[str], problems: list[Any], shot: str
    ) -> None:
        self.measured = measured
        self.requests = requests
        self.problems = problems
        self.screenshot = shot  # base64 PNG of the whole page
