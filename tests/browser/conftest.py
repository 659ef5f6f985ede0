"""Fixtures for the end-to-end tests: the real server in a thread, Chromium with the extension.

Chromium is Debian's (/usr/bin/chromium, installed by tests/run.sh); Playwright's own browser
download is never used. A missing Chromium fails these tests with a message, it does not skip them.
"""
from __future__ import annotations

import json
import os
import shutil
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from flask import request

from server import create_app

ROOT = Path(__file__).resolve().parents[2]
EXTENSION_DIR = ROOT / "extension"
MENU_ID = "reageerwijzer-assess"
POPUP_SIZE = {"width": 400, "height": 600}
CONSOLE_VIEWPORT = {"width": 1280, "height": 900}


def chromium_executable() -> str:
    path = os.environ.get("REAGEERWIJZER_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.fail("Chromium is not installed (looked for `chromium` on PATH and /usr/bin/chromium). "
                    "The browser tests need Debian's Chromium: run `bash tests/run.sh`, which installs it, "
                    "or `apt-get install chromium`. Never `playwright install` (no internet here).",
                    pytrace=False)
    return path


# -- the server ---------------------------------------------------------------------------------

@dataclass
class LiveServer:
    """The real app on 127.0.0.1:<free port>, with a worker token and a log of what came in."""

    app: object
    url: str
    token: str
    requests: list = field(default_factory=list)
    # Path -> status: answer that endpoint with a JSON error instead (a server in trouble).
    failing: dict = field(default_factory=dict)
    # False: /health without "features", as a server from before that list.
    features: bool = True
    _server: object = None
    _thread: threading.Thread | None = None

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def make_token(self, name: str, role: str = "worker") -> str:
        from server import auth
        from server.database import get_db
        with self.app.app_context():
            return auth.create_token(get_db(), name=name, role=role)

    def revoke_token(self, name: str) -> None:
        from server import auth
        from server.database import get_db
        with self.app.app_context():
            auth.revoke_token(get_db(), name)
            get_db().commit()

    def saved_examples(self) -> list[dict]:
        from server.database import get_db
        with self.app.app_context():
            rows = get_db().execute("SELECT text, label, category, lang, score, model_version FROM examples "
                                    "ORDER BY id").fetchall()
            return [dict(r) for r in rows]


def start_server(app) -> tuple[object, threading.Thread, str]:
    from werkzeug.serving import make_server
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="reageerwijzer-test-server", daemon=True)
    thread.start()
    return server, thread, f"http://127.0.0.1:{server.server_port}"


def build_live_server(app_config: dict, *, features: bool = True, case_log: bool = False) -> LiveServer:
    from server.errors import error_body

    app = create_app({**app_config, "CASE_LOG": case_log})
    live = LiveServer(app=app, url="", token="", features=features)

    @app.before_request
    def _log_and_fail():
        # Which endpoint was called with which Authorization header (never the body: it holds texts).
        live.requests.append((request.method, request.path, request.headers.get("Authorization")))
        status = live.failing.get(request.path)
        if status:
            return error_body(status, "test_failure", "Service Unavailable", "the test made this fail")
        return None

    @app.after_request
    def _strip_features(response):
        if not live.features and request.path.endswith("/health") and response.is_json:
            body = response.get_json()
            body.pop("features", None)
            response.set_data(json.dumps(body))
        return response

    live.token = live.make_token("browser-test-worker")
    live._server, live._thread, live.url = start_server(app)
    return live


@pytest.fixture
def live_server(app_config):
    live = build_live_server(app_config)
    yield live
    live.stop()


@pytest.fixture
def live_server_with_case_log(app_config):
    live = build_live_server(app_config, case_log=True)
    yield live
    live.stop()


@pytest.fixture
def live_server_without_features(app_config):
    live = build_live_server(app_config, features=False)
    yield live
    live.stop()


# -- the browser --------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def playwright_chromium():
    """(Playwright's chromium launcher, path of Debian's Chromium)."""
    from playwright.sync_api import sync_playwright
    executable = chromium_executable()
    with sync_playwright() as p:
        yield p.chromium, executable


class Extension:
    """The loaded extension: its service worker and helpers to drive it as a worker would."""

    def __init__(self, context, worker, screens: Path):
        self.context = context
        self.worker = worker
        self.id = worker.url.split("/")[2]
        self.screens = screens

    def url(self, path: str) -> str:
        return f"chrome-extension://{self.id}/{path}"

    def configure(self, **settings) -> None:
        """Store settings as the options page would (serverUrl, token, lang, partners)."""
        self.worker.evaluate("(s) => chrome.storage.local.set(s)", settings)

    def menu_registered(self, menu_id: str = MENU_ID) -> bool:
        return self.worker.evaluate(
            """async (id) => {
                for (let i = 0; i < 100; i++) {
                    try { await chrome.contextMenus.update(id, {}); return true; }
                    catch (e) { await new Promise((r) => setTimeout(r, 50)); }
                }
                return false;
            }""", menu_id)

    def menu_click(self, text: str, page_url: str = "https://example.org/forum/1") -> dict:
        """Run the real onClicked listeners as a right-click on a selection would; return what was stored."""
        return self.worker.evaluate(
            """async ([id, text, pageUrl]) => {
                await chrome.storage.session.remove("pending");
                chrome.contextMenus.onClicked.dispatch(
                    {menuItemId: id, selectionText: text, pageUrl, editable: false}, {id: 1, url: pageUrl});
                for (let i = 0; i < 200; i++) {
                    const {pending} = await chrome.storage.session.get("pending");
                    if (pending) return pending;
                    await new Promise((r) => setTimeout(r, 25));
                }
                return null;
            }""", [MENU_ID, text, page_url])

    def open_popup(self):
        page = self.context.new_page()
        page.set_viewport_size(POPUP_SIZE)
        page.goto(self.url("popup/popup.html"))
        page.wait_for_selector('body[data-ready="1"]')
        return page

    def open_options(self):
        page = self.context.new_page()
        page.set_viewport_size({"width": 720, "height": 900})
        page.goto(self.url("options/options.html"))
        page.wait_for_selector('body[data-ready="1"]')
        return page

    def screenshot(self, page, name: str) -> Path:
        path = self.screens / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path


def launch_extension(playwright_chromium, tmp_path, browser_lang: str):
    chromium, executable = playwright_chromium
    screens = Path(os.environ.get("REAGEERWIJZER_SCREENS") or tmp_path / "screens")
    screens.mkdir(parents=True, exist_ok=True)
    context = chromium.launch_persistent_context(
        str(tmp_path / "profile"),
        executable_path=executable,
        headless=True,
        args=[f"--disable-extensions-except={EXTENSION_DIR}", f"--load-extension={EXTENSION_DIR}",
              "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
              "--disable-background-networking", "--disable-component-update", f"--lang={browser_lang}"],
    )
    worker = context.service_workers[0] if context.service_workers else context.wait_for_event("serviceworker")
    return context, Extension(context, worker, screens)


@pytest.fixture
def extension(playwright_chromium, tmp_path):
    context, ext = launch_extension(playwright_chromium, tmp_path, "nl")
    try:
        yield ext
    finally:
        context.close()


@pytest.fixture
def extension_in_english_browser(playwright_chromium, tmp_path):
    """The extension in a browser whose own language is English."""
    context, ext = launch_extension(playwright_chromium, tmp_path, "en")
    try:
        yield ext
    finally:
        context.close()


# -- walking the popup --------------------------------------------------------------------------

def wait_step(page, step: str) -> None:
    """Wait until the popup shows `step` ("question:danger", "outcome:refer") and is not busy."""
    page.wait_for_selector(f'body[data-step="{step}"][data-busy="0"]')


def wait_until(page, predicate: str, arg=None, *, timeout: float = 10.0) -> None:
    """Wait until the JavaScript function ``predicate`` (given ``arg``) is true on ``page``.

    Not ``page.wait_for_function``: after its first try, it polls by evaluating a string inside
    the page, which the console's and the extension's Content-Security-Policy (no
    'unsafe-eval') refuse, so it failed whenever the condition was not true at once.
    ``page.evaluate`` goes through the debugging protocol, which the policy does not cover."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(predicate, arg):
        if time.monotonic() > deadline:
            raise AssertionError(f"not true within {timeout:.0f} s: {predicate}")
        page.wait_for_timeout(50)


def clipboard_text(page) -> str:
    """What the clipboard holds, read as a worker would: pasted into a (temporary) text box."""
    page.evaluate("() => { const t = document.createElement('textarea'); t.id = 'test-paste';"
                  " document.body.prepend(t); t.focus(); }")
    page.keyboard.press("Control+V")
    text = page.input_value("#test-paste")
    page.evaluate("() => document.getElementById('test-paste').remove()")
    return text


def answer(page, value: bool, then: str) -> None:
    page.click("#answer-yes" if value else "#answer-no")
    wait_step(page, then)


# -- the coordinator console (tests/browser/test_console*.py) ------------------------------------

@pytest.fixture
def console(app_config):
    from server import auth
    from server.database import get_db

    from .console_fixtures import Console, seed_cases, seed_examples
    app = create_app({**app_config, "RETRAIN_CV_FOLDS": 2, "CASE_LOG": True})
    with app.app_context():
        admin = auth.create_token(get_db(), name="coordinator", role="admin")
        worker = auth.create_token(get_db(), name="buurtteam-noord", role="worker")
    seed_examples(app)
    seed_cases(app)
    server, _thread, url = start_server(app)
    yield Console(app=app, url=url, admin=admin, worker=worker, server=server)
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def chromium_browser(playwright_chromium):
    """A plain Chromium (no extension) for the console's pages. It shares the session's one
    Playwright: a second sync_playwright() in the same run refuses to start."""
    chromium, executable = playwright_chromium
    browser = chromium.launch(executable_path=executable, headless=True,
                              args=["--disable-gpu", "--disable-quic", "--no-first-run",
                                    "--disable-background-networking", "--disable-component-update"])
    yield browser
    browser.close()


@pytest.fixture
def page(chromium_browser, console):
    context = chromium_browser.new_context(viewport=CONSOLE_VIEWPORT, base_url=console.url)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=console.url)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    # A page answering 4xx on purpose is no script error; anything else the console logs is.
    page.on("console", lambda msg: errors.append(msg.text)
            if msg.type == "error" and not msg.text.startswith("Failed to load resource") else None)
    page.js_errors = errors
    yield page
    context.close()
    assert not errors, f"errors in the page: {errors}"


@pytest.fixture
def screens(tmp_path) -> Path:
    path = Path(os.environ.get("REAGEERWIJZER_SCREENS") or tmp_path / "screens")
    path.mkdir(parents=True, exist_ok=True)
    return path


