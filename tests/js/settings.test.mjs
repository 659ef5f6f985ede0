import { test } from "node:test";
import assert from "node:assert/strict";

import {
  DEFAULTS, SettingsError, cleanPartners, loadSettings, normalizeServerUrl, originPattern,
  resolveLang, saveSettings, validateSettings,
} from "../../extension/lib/settings.js";

function memoryStorage(initial = {}) {
  const data = { ...initial };
  return {
    data,
    async get(keys) { return Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, data[k]])); },
    async set(values) { Object.assign(data, values); },
  };
}

test("server URLs are normalised, and anything but a plain http(s) address is refused", () => {
  assert.equal(normalizeServerUrl(" http://127.0.0.1:8080/ "), "http://127.0.0.1:8080");
  assert.equal(normalizeServerUrl("https://rw.example.org/reageerwijzer/"), "https://rw.example.org/reageerwijzer");
  assert.equal(normalizeServerUrl("HTTP://LOCALHOST:8080"), "http://localhost:8080");
  for (const bad of ["", "127.0.0.1:8080", "ftp://x.org", "javascript:alert(1)", "http://u:p@x.org", "http://x.org/?a=1"]) {
    assert.throws(() => normalizeServerUrl(bad), (err) => err instanceof SettingsError && err.key === "errorServerUrl", bad);
  }
});

test("the host permission pattern covers every port of the host", () => {
  assert.equal(originPattern("http://127.0.0.1:8080"), "http://127.0.0.1/*");
  assert.equal(originPattern("https://rw.example.org/base"), "https://rw.example.org/*");
});

test("the language follows the setting, else the browser (Dutch unless English)", () => {
  assert.equal(resolveLang("en", "nl-NL"), "en");
  assert.equal(resolveLang("nl", "en-US"), "nl");
  assert.equal(resolveLang("", "en-GB"), "en");
  assert.equal(resolveLang("", "fr"), "nl");
  assert.equal(resolveLang("de", "nl-BE"), "nl");
});

test("chain partners: trimmed, empty rows dropped, a row without a name refused", () => {
  assert.deepEqual(cleanPartners([
    { name: " Wijkagent Jansen ", phone: "0900-8844", email: "", note: "" },
    { name: "", phone: "", email: " ", note: "" },
  ]), [{ name: "Wijkagent Jansen", phone: "0900-8844", email: "", note: "" }]);
  assert.throws(() => cleanPartners([{ name: "A" }, { phone: "112" }]),
    (err) => err.key === "errorPartnerName" && err.args[0] === "2");
});

test("settings round-trip through storage with defaults filled in", async () => {
  const storage = memoryStorage();
  assert.deepEqual(await loadSettings(storage), { ...DEFAULTS });
  await saveSettings({ serverUrl: "http://localhost:9000/", token: " abc ", lang: "en",
    partners: [{ name: "Politie", phone: "0900-8844" }] }, storage);
  assert.deepEqual(await loadSettings(storage), {
    serverUrl: "http://localhost:9000",
    token: "abc",
    lang: "en",
    partners: [{ name: "Politie", phone: "0900-8844", email: "", note: "" }],
    shortcuts: true,
    followUpDays: 7,
    followUpExpiryDays: 30,
  });
  assert.equal(validateSettings({ serverUrl: "http://x.org", lang: "fr" }).lang, "");
  const damaged = memoryStorage({ partners: "oops" });
  assert.deepEqual((await loadSettings(damaged)).partners, []);
});

test("the API's own address (with /api/v1) is accepted: the extension adds that itself", () => {
  assert.equal(normalizeServerUrl("http://127.0.0.1:8080/api/v1"), "http://127.0.0.1:8080");
  assert.equal(normalizeServerUrl("http://127.0.0.1:8080/api/v1/"), "http://127.0.0.1:8080");
  assert.equal(normalizeServerUrl("https://rw.example.org/team/api/v1/health"), "https://rw.example.org/team");
  assert.equal(normalizeServerUrl("https://rw.example.org/api/v10"), "https://rw.example.org/api/v10");
});

test("shortcuts can be switched off; follow-up days are whole numbers within limits", async () => {
  const base = { serverUrl: "http://x.org" };
  assert.equal(validateSettings({ ...base, shortcuts: false }).shortcuts, false);
  assert.equal(validateSettings(base).shortcuts, true);
  assert.equal(validateSettings({ ...base, followUpDays: "14" }).followUpDays, 14);
  for (const bad of ["0", "366", "2.5", "twee", ""]) {
    assert.throws(() => validateSettings({ ...base, followUpDays: bad }),
      (err) => err.key === "errorDays" && err.field === "followUpDays" && err.args.join("-") === "1-365", bad);
  }
  const damaged = memoryStorage({ shortcuts: "yes", followUpExpiryDays: -3 });
  const loaded = await loadSettings(damaged);
  assert.equal(loaded.shortcuts, true);
  assert.equal(loaded.followUpExpiryDays, 30);
});

test("partner names and notes typed over several lines become one line", () => {
  assert.deepEqual(cleanPartners([{ name: " Antidiscriminatievoorziening\nRegio  West ", note: "a\n b" }]),
    [{ name: "Antidiscriminatievoorziening Regio West", phone: "", email: "", note: "a b" }]);
});
