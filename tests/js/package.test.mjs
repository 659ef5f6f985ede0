// The package handed out (`npm run build`): one zip for Chromium and Firefox, named and versioned
// from extension/manifest.json, the one place the extension's version is written.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";

import { EXT, ROOT, readJson } from "./helpers.mjs";

const WEB_EXT = join(ROOT, "node_modules", ".bin", "web-ext");

/** The files in a zip: name -> contents (stored or deflated entries, as web-ext writes them). */
function readZip(path) {
  const zip = readFileSync(path);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, "not a zip file");
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map();
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString("utf8", at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(raw) : raw);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

test("npm run build makes reageerwijzer-<manifest version>.zip with the extension and nothing else", {
  skip: !existsSync(WEB_EXT) && "web-ext is not installed: npm ci",
}, () => {
  const script = readJson(ROOT, "package.json").scripts.build.split(/\s+/);
  assert.equal(script[0], "web-ext");
  const out = mkdtempSync(join(tmpdir(), "rw-build-"));
  try {
    // The build script as it is, into a temporary folder instead of dist/.
    const args = script.slice(1);
    args[args.indexOf("--artifacts-dir") + 1] = out;
    execFileSync(WEB_EXT, args, { cwd: ROOT, stdio: "pipe" });
    const version = readJson(EXT, "manifest.json").version;
    assert.deepEqual(readdirSync(out), [`reageerwijzer-${version}.zip`]);
    const files = readZip(join(out, `reageerwijzer-${version}.zip`));
    const manifest = JSON.parse(files.get("manifest.json").toString("utf8"));
    assert.equal(manifest.version, version);
    assert.ok(manifest.browser_specific_settings.gecko.id, "Firefox needs the add-on id");
    assert.equal(manifest.storage.managed_schema, "managed_schema.json");
    for (const file of ["background.js", "popup/popup.html", "options/options.html", "managed_schema.json",
      "lib/managed.js", "_locales/nl/messages.json", "guideline/en.json"]) {
      assert.ok(files.has(file), `${file} is missing from the package`);
    }
    assert.ok(!files.has("README.md"), "the developers' README is not shipped");
    assert.ok(![...files.keys()].some((f) => f.startsWith("node_modules") || f.endsWith(".pem")));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("the version is written in the manifest only", () => {
  const manifest = readJson(EXT, "manifest.json");
  assert.match(manifest.version, /^\d+\.\d+\.\d+$/);
  assert.equal(readJson(ROOT, "package.json").version, undefined, "package.json must not carry a second version");
});
