"""A real Firefox (Debian's firefox-esr) with the extension installed, driven over Marionette.

One Firefox per test module (starting one takes a few seconds); each test starts from empty
extension storage. The extension gets a fixed internal UUID, so its pages have a known address;
they are opened from the chrome context (Marionette refuses to navigate to moz-extension://).
Pages with selected text are served by a small local server under the real platforms' host names
(network.dns.localDomains), so the real context menu reports e.g. a www.facebook.com page.

A missing firefox-esr fails these tests with a message (tests/run.sh installs it), never skips.
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import warnings
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.browser.conftest import EXTENSION_DIR, MENU_ID, POPUP_SIZE

with warnings.catch_warnings():
    # mozinfo (under marionette_driver) calls the deprecated distro.linux_distribution() on import.
    warnings.simplefilter("ignore", DeprecationWarning)
    from marionette_driver.addons import Addons
    from marionette_driver.by import By
    from marionette_driver.errors import MarionetteException  # noqa: F401 (for the tests, behind the guard)
    from marionette_driver.marionette import Marionette

GECKO_ID = json.loads((EXTENSION_DIR / "manifest.json").read_text(encoding="utf-8"))[
    "browser_specific_settings"]["gecko"]["id"]
EXTENSION_UUID = "5e1f0a2c-7b3d-4c8e-9f10-2a3b4c5d6e7f"
# Host names that lead to 127.0.0.1: a known platform and an unknown forum (the page server), and
# a server address outside the manifest's host permissions (the test server, reached by CORS).
PAGE_HOSTS = ("www.facebook.com", "forum.example.org")
SERVER_HOST = "reageerwijzer.test"
WAIT_SECONDS = 15


def firefox_executable() -> str:
    path = (os.environ.get("REAGEERWIJZER_FIREFOX") or shutil.which("firefox-esr") or shutil.which("firefox")
            or "/usr/bin/firefox-esr")
    if not Path(path).exists():
        pytest.fail("Firefox is not installed (looked for `firefox-esr` and `firefox` on PATH). The Firefox tests "
                    "need Debian's firefox-esr: run `bash tests/run.sh`, which installs it, or "
                    "`apt-get install firefox-esr`.", pytrace=False)
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_open(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


class _PostPage(BaseHTTPRequestHandler):
    """Any path: an empty post the test fills in and selects. Holds no text of its own."""

    def do_GET(self):  # noqa: N802 (http.server's name)
        body = b'<!doctype html><meta charset="utf-8"><title>post</title><p id="post" style="font-size:20px"></p>'
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # quiet
        pass


def user_prefs(marionette_port: int) -> dict:
    return {
        "marionette.port": marionette_port,
        # The extension's pages at moz-extension://EXTENSION_UUID/ in every run.
        "extensions.webextensions.uuids": json.dumps({GECKO_ID: EXTENSION_UUID}),
        "network.dns.localDomains": ",".join((*PAGE_HOSTS, SERVER_HOST)),
        # The platform pages are plain http on the local page server: no upgrade to https.
        "network.stricttransportsecurity.preloadlist": False,
        "dom.security.https_first": False,
        "dom.security.https_only_mode": False,
        "browser.shell.checkDefaultBrowser": False,
        "browser.aboutwelcome.enabled": False,
        "datareporting.policy.dataSubmissionEnabled": False,
        "toolkit.telemetry.reportingpolicy.firstRun": False,
        "app.update.disabledForTesting": True,
        "intl.locale.requested": "en-US",
    }


class Firefox:
    """firefox-esr with the extension: helpers to drive it as a worker would."""

    def __init__(self, marionette, process, log, home: Path, pages, screens: Path):
        self.m = marionette
        self.process = process
        self.log = log
        self.pages = pages
        self.home = home
        self.page_port = pages.server_port
        self.screens = screens
        self.main_handle = marionette.current_window_handle

    # -- pages ------------------------------------------------------------------------------

    def url(self, path: str) -> str:
        return f"moz-extension://{EXTENSION_UUID}/{path}"

    def page_url(self, host: str, path: str = "/") -> str:
        return f"http://{host}:{self.page_port}{path}"

    def open_tab(self, url: str) -> str:
        """Open `url` in a new tab from the chrome context and switch to it."""
        before = set(self.m.window_handles)
        with self.m.using_context("chrome"):
            self.m.execute_script(
                "const w = Services.wm.getMostRecentWindow('navigator:browser');"
                "w.gBrowser.selectedTab = w.gBrowser.addTab(arguments[0],"
                " {triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal()});",
                script_args=[url])
        handle = self.wait(lambda: (set(self.m.window_handles) - before or {None}).pop())
        self.m.switch_to_window(handle)
        return handle

    def close_tabs(self) -> None:
        """Back to the one first tab."""
        for handle in self.m.window_handles:
            if handle != self.main_handle:
                self.m.switch_to_window(handle)
                self.m.close()
        self.m.switch_to_window(self.main_handle)

    def wait(self, condition, timeout: float = WAIT_SECONDS, message: str = "condition"):
        deadline = time.monotonic() + timeout
        while True:
            value = condition()
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {message}")
            time.sleep(0.05)

    def js(self, script: str, *args):
        return self.m.execute_script(script, script_args=list(args))

    def ext(self, body: str, *args):
        """Run an async function body with the extension's APIs (`chrome`), in an extension page."""
        result = self.m.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "const args = Array.from(arguments).slice(0, -1);"
            f"(async (...args) => {{ {body} }})(...args).then("
            "(value) => done({value: value === undefined ? null : value}), (e) => done({error: String(e)}));",
            script_args=list(args), sandbox=None)
        if "error" in result:
            raise AssertionError(f"in the extension: {result['error']}")
        return result["value"]

    def open_page(self, path: str, wait_ready: bool = True, size: dict | None = None) -> str:
        handle = self.open_tab(self.url(path))
        if size:
            self.m.set_window_rect(width=size["width"], height=size["height"])
        if wait_ready:
            self.wait_ready(f"{path} ready")
        return handle

    def wait_ready(self, message: str = "page ready") -> None:
        """Until the page in the current tab says its script has run (``body[data-ready=1]``)."""
        self.wait(lambda: self.js("return document.body && document.body.dataset.ready || ''") == "1",
                  message=message)

    def wait_for(self, selector: str, message: str) -> None:
        """Until an element matching ``selector`` is in the current tab's page."""
        self.wait(lambda: self.js("return !!document.querySelector(arguments[0])", selector), message=message)

    def open_popup(self) -> str:
        return self.open_page("popup/popup.html", size=POPUP_SIZE)

    def open_options(self) -> str:
        return self.open_page("options/options.html", size={"width": 720, "height": 900})

    # -- storage ----------------------------------------------------------------------------

    def in_extension(self, body: str, *args):
        """`ext(body, *args)` in an extension page opened for it (the options page) and closed after."""
        self.open_page("options/options.html")
        try:
            return self.ext(body, *args)
        finally:
            self.m.close()
            self.m.switch_to_window(self.main_handle)

    def reset(self) -> None:
        """Empty extension storage and close every tab but the first, as at the start of a test."""
        self.close_tabs()
        self.close_context_menu()
        self.close_action_popup()
        self.in_extension("await chrome.storage.local.clear(); await chrome.storage.session.clear();")

    def configure(self, **settings) -> None:
        """Store settings as the options page would (serverUrl, token, lang, partners)."""
        self.in_extension("await chrome.storage.local.set(args[0]);", settings)

    def pending(self):
        return self.in_extension("return (await chrome.storage.session.get('pending')).pending || null;")

    # -- the real context menu --------------------------------------------------------------

    def select_post(self, text: str, host: str = "forum.example.org", path: str = "/t/1") -> None:
        """Show `text` on a page at http://host/path in the first tab and select it."""
        self.m.switch_to_window(self.main_handle)
        self.m.navigate(self.page_url(host, path))
        self.js("const p = document.getElementById('post'); p.textContent = arguments[0];"
                "const r = document.createRange(); r.selectNodeContents(p);"
                "getSelection().removeAllRanges(); getSelection().addRange(r);", text)

    def open_context_menu(self) -> list[str]:
        """Right-click the selection (a real mouse event); the labels of the menu's visible items."""
        self.close_context_menu()  # one left open would answer for the old selection
        post = self.m.find_element(By.ID, "post")
        self.m.actions.sequence("pointer", "mouse", {"pointerType": "mouse"}).pointer_move(
            0, 0, origin=post).pointer_down(2).pointer_up(2).perform()
        with self.m.using_context("chrome"):
            self.wait(lambda: self.m.execute_script(
                "return Services.wm.getMostRecentWindow('navigator:browser')"
                ".document.getElementById('contentAreaContextMenu').state === 'open';"), message="context menu")
            return self.m.execute_script(
                "const menu = Services.wm.getMostRecentWindow('navigator:browser')"
                ".document.getElementById('contentAreaContextMenu');"
                "return [...menu.querySelectorAll('menuitem')].filter((i) => !i.hidden).map((i) => i.label);")

    def close_context_menu(self) -> None:
        with self.m.using_context("chrome"):
            self.m.execute_script(
                "const menu = Services.wm.getMostRecentWindow('navigator:browser')"
                ".document.getElementById('contentAreaContextMenu');"
                "if (menu.state !== 'closed') menu.hidePopup();")
            self.wait(lambda: self.m.execute_script(
                "return Services.wm.getMostRecentWindow('navigator:browser')"
                ".document.getElementById('contentAreaContextMenu').state === 'closed';"), message="menu closed")

    def choose_menu_item(self) -> None:
        """Choose Reageerwijzer's item in the open context menu, as a click on it does."""
        with self.m.using_context("chrome"):
            found = self.m.execute_script(
                "const menu = Services.wm.getMostRecentWindow('navigator:browser')"
                ".document.getElementById('contentAreaContextMenu');"
                "const item = [...menu.querySelectorAll('menuitem')].find((i) => i.id.endsWith(arguments[0]));"
                "if (!item) return false; menu.activateItem(item); return true;",
                script_args=[f"-menuitem-_{MENU_ID}"])
        assert found, "Reageerwijzer's item is not in the context menu"

    def menu_click(self, text: str, host: str = "forum.example.org", path: str = "/t/1") -> dict:
        """Select `text`, right-click, choose the item; wait for what the background stored."""
        self.reset_pending()
        self.select_post(text, host, path)
        self.open_context_menu()
        self.choose_menu_item()
        pending = self.wait(self.pending, message="the selection in session storage")
        self.close_action_popup()
        return pending

    def reset_pending(self) -> None:
        self.in_extension("await chrome.storage.session.remove('pending');")

    def action_popup_url(self) -> str | None:
        """The address shown in the toolbar button's popup panel when it is open, else None."""
        with self.m.using_context("chrome"):
            return self.m.execute_script(
                "const w = Services.wm.getMostRecentWindow('navigator:browser');"
                "const b = [...w.document.querySelectorAll('browser.webextension-popup-browser')]"
                ".find((b) => b.closest('panel')?.state === 'open');"
                "return b ? b.currentURI.spec : null;")

    def action_popup_settled(self) -> bool:
        """True once the open panel has kept its size for a moment (it grows with its content)."""
        script = ("const w = Services.wm.getMostRecentWindow('navigator:browser');"
                  "const b = [...w.document.querySelectorAll('browser.webextension-popup-browser')]"
                  ".find((b) => b.closest('panel')?.state === 'open');"
                  "return b ? [b.clientWidth, b.clientHeight] : null;")
        with self.m.using_context("chrome"):
            sizes = []
            for _ in range(3):
                sizes.append(self.m.execute_script(script))
                time.sleep(0.15)
        return sizes[0] is not None and sizes.count(sizes[0]) == len(sizes)

    def action_popup_snapshot(self, name: str) -> Path | None:
        """A PNG of the real toolbar popup panel, drawn from its browser element (None when not open)."""
        import base64
        with self.m.using_context("chrome"):
            data = self.m.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "const w = Services.wm.getMostRecentWindow('navigator:browser');"
                "const b = [...w.document.querySelectorAll('browser.webextension-popup-browser')]"
                ".find((b) => b.closest('panel')?.state === 'open');"
                "if (!b) { done(null); return; }"
                "const r = b.getBoundingClientRect();"
                "b.drawSnapshot(0, 0, r.width, r.height, 1, 'white').then((bitmap) => {"
                "  const c = w.document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');"
                "  c.width = bitmap.width; c.height = bitmap.height;"
                "  c.getContext('2d').drawImage(bitmap, 0, 0); done(c.toDataURL('image/png'));"
                "}, (e) => done('error:' + e));")
        if not data or data.startswith("error:"):
            return None
        path = self.screens / f"{name}.png"
        path.write_bytes(base64.b64decode(data.split(",", 1)[1]))
        return path

    def close_action_popup(self) -> None:
        with self.m.using_context("chrome"):
            self.m.execute_script(
                "const w = Services.wm.getMostRecentWindow('navigator:browser');"
                "for (const b of w.document.querySelectorAll('browser.webextension-popup-browser')) {"
                "  const panel = b.closest('panel'); if (panel && panel.state !== 'closed') panel.hidePopup(); }")

    # -- popup helpers ----------------------------------------------------------------------

    def text(self, selector: str) -> str:
        return self.js("const e = document.querySelector(arguments[0]); return e ? e.innerText : null;", selector)

    def attr(self, selector: str, name: str):
        return self.js("const e = document.querySelector(arguments[0]);"
                       " return e ? e.getAttribute(arguments[1]) : null;", selector, name)

    def hidden(self, selector: str) -> bool:
        return self.js("const e = document.querySelector(arguments[0]);"
                       "return !e || e.closest('[hidden]') !== null || e.getClientRects().length === 0;", selector)

    def click(self, selector: str) -> None:
        self.m.find_element(By.CSS_SELECTOR, selector).click()

    def wait_step(self, step: str) -> None:
        self.wait(lambda: self.js("return document.body.dataset.step === arguments[0]"
                                  " && document.body.dataset.busy === '0';", step), message=f"step {step}")

    def answer(self, value: bool, then: str) -> None:
        self.click("#answer-yes" if value else "#answer-no")
        self.wait_step(then)

    def walk(self, steps, outcome: str) -> None:
        for i, (qid, value) in enumerate(steps):
            self.wait_step(f"question:{qid}")
            nxt = f"question:{steps[i + 1][0]}" if i + 1 < len(steps) else f"outcome:{outcome}"
            self.answer(value, nxt)

    def screenshot(self, name: str) -> Path:
        path = self.screens / f"{name}.png"
        path.write_bytes(self.m.screenshot(format="binary", full=True))
        return path

    def quit(self) -> None:
        # Firefox may already be gone; it is stopped below anyway.
        with contextlib.suppress(Exception):
            self.m.delete_session()
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()
        self.pages.shutdown()
        self.pages.server_close()


def start_firefox(home: Path, screens: Path, managed_storage: dict | None = None,
                  before_start=None) -> Firefox:
    """Start firefox-esr with a fresh profile under `home` and install the extension.

    `managed_storage`: values for storage.managed, written as a managed-storage manifest in
    `home`/.mozilla/managed-storage/ (where Firefox on Linux looks for one per user).
    `before_start`: called just before Firefox starts, and returns a clean-up run once it has.
    """
    executable = firefox_executable()
    profile = home / "profile"
    profile.mkdir(parents=True)
    port = free_port()
    (profile / "user.js").write_text(
        "".join(f"user_pref({json.dumps(k)}, {json.dumps(v)});\n" for k, v in user_prefs(port).items()),
        encoding="utf-8")
    if managed_storage is not None:
        folder = home / ".mozilla" / "managed-storage"
        folder.mkdir(parents=True)
        (folder / f"{GECKO_ID}.json").write_text(json.dumps(
            {"name": GECKO_ID, "description": "Reageerwijzer settings set by IT", "type": "storage",
             "data": managed_storage}), encoding="utf-8")

    pages = ThreadingHTTPServer(("127.0.0.1", 0), _PostPage)
    threading.Thread(target=pages.serve_forever, name="firefox-test-pages", daemon=True).start()

    cleanup = before_start() if before_start else None
    env = dict(os.environ, HOME=str(home), MOZ_CRASHREPORTER_DISABLE="1", MOZ_HEADLESS="1")
    log = open(home / "firefox.log", "wb")  # noqa: SIM115 (kept open for the process's lifetime)
    process = subprocess.Popen(
        [executable, "--headless", "--marionette", "-remote-allow-system-access", "--no-remote",
         "--profile", str(profile)], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while not port_open(port):
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"Firefox did not start; see {home / 'firefox.log'}")
            time.sleep(0.2)
        marionette = Marionette(host="127.0.0.1", port=port)
        marionette.start_session()
    finally:
        if cleanup:
            cleanup()
    marionette.timeout.script = WAIT_SECONDS
    Addons(marionette).install(str(EXTENSION_DIR), temp=True)
    return Firefox(marionette, process, log, home, pages, screens)


def firefox_fixture(managed_storage: dict | None = None):
    """A module-scoped fixture: one Firefox for the module, storage emptied before each test."""

    @pytest.fixture(scope="module")
    def _firefox():
        home = Path(tempfile.mkdtemp(prefix="rw-firefox-"))
        screens = Path(os.environ.get("REAGEERWIJZER_SCREENS") or home / "screens")
        screens.mkdir(parents=True, exist_ok=True)
        firefox = start_firefox(home, screens, managed_storage)
        try:
            yield firefox
        finally:
            firefox.quit()
            shutil.rmtree(home, ignore_errors=True)

    return _firefox
