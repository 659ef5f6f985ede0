import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";

import { EXT, readJson } from "./helpers.mjs";

const manifest = readJson(EXT, "manifest.json");

test("Manifest V3 with a background that both Chromium and Firefox load", () => {
  assert.equal(manifest.manifest_version, 3);
  assert.equal(manifest.background.service_worker, "background.js");
  assert.deepEqual(manifest.background.scripts, ["background.js"]);
  assert.equal(manifest.background.type, "module");
  assert.ok(manifest.browser_specific_settings.gecko.id);
  assert.equal(manifest.default_locale, "nl");
});

test("minimal permissions: the menu, storage, and only the local server's host by default", () => {
  assert.deepEqual([...manifest.permissions].sort(), ["contextMenus", "storage"]);
  assert.deepEqual(manifest.host_permissions, ["http://127.0.0.1/*", "http://localhost/*"]);
  assert.ok(!manifest.content_scripts, "no content scripts: the menu click gives the selection");
});

test("every file the manifest names exists", () => {
  const files = [
    manifest.background.service_worker,
    manifest.action.default_popup,
    manifest.options_ui.page,
    ...Object.values(manifest.icons),
    ...Object.values(manifest.action.default_icon),
    "_locales/nl/messages.json",
    "_locales/en/messages.json",
    "guideline/nl.json",
    "guideline/en.json",
  ];
  for (const file of files) assert.ok(existsSync(join(EXT, file)), `${file} is missing`);
});

test("the pages' CSP has no upgrade-insecure-requests: Firefox's MV3 default would turn http://server into https", () => {
  const csp = manifest.content_security_policy.extension_pages;
  assert.equal(csp, "script-src 'self'; object-src 'self'");
  assert.ok(!csp.includes("upgrade-insecure-requests"));
});
