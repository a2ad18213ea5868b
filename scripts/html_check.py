#!/usr/bin/env python3
"""Opens a parcheck HTML report in headless Chromium and checks what a person would see.

Speaks the DevTools protocol over --remote-debugging-pipe (Python standard library only). Fails (exit 1) when:
the page logs a console error or throws; it requests anything but its own file and data: URLs; the ranking table
or the area bars are missing; the unit filter does not filter; printing on A4 gives fewer pages than unit sections
plus one; or the screenshot does not show the bars (pixels of the bar colour). Writes the screenshot as PNG.

usage: html_check.py REPORT.html SCREENSHOT.png
"""
import json
import os
import struct
import subprocess
import sys
import tempfile
import time
import zlib

BAR = (0x2F, 0x74, 0xC0)  # --bar in the bundled template


class Browser:
    def __init__(self, profile):
        cmd_r, self.cmd_w = os.pipe()
        self.out_r, out_w = os.pipe()

        def wire():
            # Chromium reads commands on fd 3 and writes on fd 4; copies first, so neither end overwrites the other,
            # and dup2 onto a new number, which clears close-on-exec.
            a, b = os.dup(cmd_r), os.dup(out_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.proc = subprocess.Popen(
            ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
             "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-default-apps", "--hide-scrollbars", f"--user-data-dir={profile}", "about:blank"],
            close_fds=False, preexec_fn=wire, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(cmd_r)
        os.close(out_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def send(self, method, params=None, session=None, timeout=30):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.cmd_w, json.dumps(message).encode() + b"\0")
        deadline = time.time() + timeout
        while time.time() < deadline:
            reply = self.read()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)
        raise TimeoutError(method)

    def read(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.out_r, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)

    def wait_event(self, method, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if any(e.get("method") == method for e in self.events):
                return
            self.events.append(self.read())
        raise TimeoutError(method)

    def close(self):
        try:
            os.write(self.cmd_w, json.dumps({"id": 0, "method": "Browser.close"}).encode() + b"\0")
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()


def png_pixels(data):
    """(width, height, rows of RGB tuples) of an 8-bit RGB or RGBA, non-interlaced PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0, "unsupported PNG"
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return width, height, channels, rows


def bar_pixels(png):
    width, height, channels, rows = png_pixels(png)
    return sum(1 for line in rows for x in range(width)
               if tuple(line[x * channels:x * channels + 3]) == BAR)


PROBE = """(() => {
  const ranking = document.querySelectorAll('#ranking table tbody tr').length;
  const bars = [...document.querySelectorAll('svg.bar rect.fg')].filter(r => parseFloat(r.getAttribute('width')) > 0).length;
  const units = document.querySelectorAll('article.unit').length;
  const rows = document.querySelectorAll('#findings-table tbody tr').length;
  const select = document.querySelector('select[data-filter="unit"]');
  let filtered = -1, counter = '';
  if (select && select.options.length > 1) {
    select.value = select.options[select.options.length - 1].value;
    select.dispatchEvent(new Event('change'));
    filtered = [...document.querySelectorAll('#findings-table tbody tr')].filter(r => !r.hidden).length;
    counter = document.getElementById('finding-count').textContent;
    select.value = '';
    select.dispatchEvent(new Event('change'));
  }
  return JSON.stringify({ranking, bars, units, rows, filtered, counter});
})()"""


def check(report, screenshot):
    url = "file://" + os.path.abspath(report)
    problems = []
    with tempfile.TemporaryDirectory() as profile:
        browser = Browser(profile)
        try:
            target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            for domain in ("Page", "Runtime", "Log", "Network"):
                browser.send(f"{domain}.enable", session=session)
            browser.send("Emulation.setDeviceMetricsOverride",
                         {"width": 1280, "height": 1800, "deviceScaleFactor": 1, "mobile": False}, session=session)
            browser.send("Page.navigate", {"url": url}, session=session)
            browser.wait_event("Page.loadEventFired")
            probe = json.loads(browser.send("Runtime.evaluate", {"expression": PROBE, "returnByValue": True},
                                            session=session)["result"]["value"])
            png = __import__("base64").b64decode(
                browser.send("Page.captureScreenshot", {"format": "png"}, session=session)["data"])
            pdf = __import__("base64").b64decode(browser.send("Page.printToPDF", {
                "paperWidth": 8.27, "paperHeight": 11.69, "preferCSSPageSize": True}, session=session, timeout=120)["data"])
        finally:
            browser.close()
    with open(screenshot, "wb") as out:
        out.write(png)
    for e in browser.events:
        method, params = e.get("method"), e.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            problems.append(f"console {params['type']}: {params.get('args')}")
        elif method == "Runtime.exceptionThrown":
            problems.append(f"exception: {params['exceptionDetails'].get('text')}")
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            problems.append(f"log error: {params['entry'].get('text')} {params['entry'].get('url', '')}")
        elif method == "Network.requestWillBeSent":
            requested = params["request"]["url"]
            if requested != url and not requested.startswith("data:"):
                problems.append(f"network request: {requested}")
    if probe["ranking"] == 0:
        problems.append("no ranking rows")
    if probe["bars"] < probe["ranking"]:
        problems.append(f"only {probe['bars']} bars drawn for {probe['ranking']} ranked units")
    if probe["rows"] > 0 and not (0 < probe["filtered"] < probe["rows"] or probe["filtered"] == probe["rows"] == 1):
        problems.append(f"the unit filter left {probe['filtered']} of {probe['rows']} findings")
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    if pages < probe["units"] + 1:
        problems.append(f"A4 print has {pages} pages for {probe['units']} unit sections")
    bars = bar_pixels(png)
    if bars < 2000:
        problems.append(f"the screenshot shows {bars} bar pixels; the ranking bars are not visible")
    summary = dict(probe, pdf_pages=pages, bar_pixels=bars, report=report, screenshot=screenshot)
    print(json.dumps(summary, ensure_ascii=False))
    for p in problems:
        print(f"{report}: {p}", file=sys.stderr)
    return not problems


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(0 if check(sys.argv[1], sys.argv[2]) else 1)
