"""``tracker serve`` in a real headless browser: the page loads, a key marks a claim, the database holds it.

Needs Chromium (``apt-get install chromium``) and Playwright's Python package (the test extra); without either
it skips and says why. A system browser is not something the README's install command can install, so it skips
under CI=true too.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time

import pytest
from review_data import build
from sqlalchemy import select

from tracker.db import make_engine, session_factory, upgrade
from tracker.models import Claim, Verdict

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_port(port: int, process: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"tracker serve exited with {process.returncode}: {process.stderr.read()}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise AssertionError(f"tracker serve did not listen on port {port} within {timeout} s")


@pytest.fixture
def served(pg_url):
    engine = make_engine(pg_url)
    upgrade(engine)
    sessions = session_factory(engine)
    with sessions() as session:
        ids = build(session)
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "tracker", "serve", "--db", pg_url, "--port", str(port), "--reviewer", "webby"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        _wait_for_port(port, process)
        yield sessions, ids, f"http://127.0.0.1:{port}"
    finally:
        os.killpg(process.pid, 15)  # the server and the review sessions it started
        process.wait(timeout=20)
        engine.dispose()


def test_a_key_pressed_in_the_browser_marks_a_claim(served):
    if CHROMIUM is None:
        pytest.skip("no Chromium on this machine (apt-get install chromium)")
    playwright_api = pytest.importorskip("playwright.sync_api")
    sessions, ids, url = served
    screen: list[str] = []

    def watch(ws) -> None:
        ws.on("framereceived", lambda payload: screen.append(
            payload.decode("utf-8", "replace") if isinstance(payload, bytes) else payload))

    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.on("websocket", watch)
            page.goto(url)
            assert "tracker review" in page.inner_text(".intro-dialog")  # the page loaded, named for the app
            # the page connects to a review session of its own at once (textual-serve's Start button is for ?delay)
            deadline = time.monotonic() + 60
            while "reviewed" not in "".join(screen):  # the status bar, "0 of 5 reviewed": the queue is up
                assert time.monotonic() < deadline, "the review UI never drew its status bar"
                page.wait_for_timeout(200)
            page.wait_for_timeout(500)
            page.click("#terminal")
            page.keyboard.press("c")
            deadline = time.monotonic() + 30
            while True:
                with sessions() as session:
                    marked = list(session.execute(select(Verdict.claim_id, Verdict.status)
                                                  .where(Verdict.reviewer == "webby")))
                if marked or time.monotonic() > deadline:
                    break
                time.sleep(0.3)
        finally:
            browser.close()
    # unreviewed claims come first, in document order: the first claim of the first document
    assert marked == [(ids["votes"], "corroborated")]
    with sessions() as session:
        assert session.get(Claim, ids["votes"]).status == "corroborated"
