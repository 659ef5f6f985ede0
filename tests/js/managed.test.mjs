import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import {
  MANAGED_KEYS, applyManaged, readManaged, validateManaged, withManagedEmergency, withoutManaged,
} from "../../extension/lib/managed.js";
import { loadSettings } from "../../extension/lib/settings.js";

const SCHEMA = JSON.parse(readFileSync(new URL("../../extension/managed_schema.json", import.meta.url)));

function memoryStorage(initial = {}) {
  const data = { ...initial };
  return { async get(keys) { return Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, data[k]])); } };
}

/** storage.managed as the browsers behave: Chromium answers {} without a policy, Firefox rejects. */
function managedArea(values) {
  return { async get(keys) { assert.equal(keys, null); return structuredClone(values); } };
}
const firefoxWithoutPolicy = { async get() { throw new Error("Managed storage manifest not found"); } };

const POLICY = {
  serverUrl: "https://reageerwijzer.gemeente.example/",
  lang: "en",
  partners: [{ name: "Wijkteam Noord", phone: "020 123 4567", email: "", note: " " }],
  emergencyContacts: [{ text: "Acuut gevaar: bel 112.", phone: "112" }, { text: "Meld bij MiND.", url: "https://www.mindmeldpunt.nl" }],
};

test("the schema in the manifest describes exactly the keys the extension reads", () => {
  assert.deepEqual(Object.keys(SCHEMA.properties).sort(), [...MANAGED_KEYS].sort());
  const manifest = JSON.parse(readFileSync(new URL("../../extension/manifest.json", import.meta.url)));
  assert.equal(manifest.storage.managed_schema, "managed_schema.json");
  assert.equal(SCHEMA.properties.lang.enum.join(","), "nl,en");
});

test("managed values are checked like typed ones and normalised", () => {
  const { values, rejected } = validateManaged(POLICY);
  assert.deepEqual(rejected, []);
  assert.equal(values.serverUrl, "https://reageerwijzer.gemeente.example");
  assert.equal(values.lang, "en");
  assert.deepEqual(values.partners, [{ name: "Wijkteam Noord", phone: "020 123 4567", email: "", note: "" }]);
  assert.deepEqual(values.emergencyContacts, [
    { text: "Acuut gevaar: bel 112.", phone: "112", url: "" },
    { text: "Meld bij MiND.", phone: "", url: "https://www.mindmeldpunt.nl" },
  ]);
});

test("a bad managed value is left out, the good ones still apply", () => {
  const { values, rejected } = validateManaged({
    serverUrl: "reageerwijzer.example", lang: "de", partners: [{ phone: "112" }],
    emergencyContacts: [{ text: "", phone: "112" }], token: "not managed", other: 1,
  });
  assert.deepEqual(values, {});
  assert.deepEqual(rejected, ["serverUrl", "lang", "partners", "emergencyContacts"]);
  assert.deepEqual(validateManaged({ lang: "nl", serverUrl: "ftp://x.example" }), { values: { lang: "nl" }, rejected: ["serverUrl"] });
  for (const raw of [null, undefined, [], "x", 3]) assert.deepEqual(validateManaged(raw), { values: {}, rejected: [] });
});

test("no policy means nothing managed, in every browser", async () => {
  assert.deepEqual(await readManaged(managedArea({})), {});
  assert.deepEqual(await readManaged(firefoxWithoutPolicy), {});
  assert.deepEqual(await readManaged(undefined), {});
  assert.deepEqual(await readManaged({}), {});
});

test("managed values win over the worker's own in loadSettings", async () => {
  const own = memoryStorage({ serverUrl: "http://127.0.0.1:9999", token: "mine", lang: "nl", partners: [{ name: "Eigen" }] });
  const settings = await loadSettings(own, managedArea({ serverUrl: "https://rw.example.org", lang: "en" }));
  assert.equal(settings.serverUrl, "https://rw.example.org");
  assert.equal(settings.lang, "en");
  assert.equal(settings.token, "mine", "the token is never managed");
  assert.deepEqual(settings.partners, [{ name: "Eigen" }]);
  assert.deepEqual(await loadSettings(own, firefoxWithoutPolicy), { ...(await loadSettings(own)) });
});

test("saving leaves the worker's own value of a managed key as it was", () => {
  const managed = { serverUrl: "https://rw.example.org" };
  const form = { serverUrl: "https://rw.example.org", token: "t", lang: "nl", partners: [] };
  assert.deepEqual(withoutManaged(form, managed), { token: "t", lang: "nl", partners: [] });
  assert.deepEqual(withoutManaged(form, {}), form);
  assert.deepEqual(applyManaged({ lang: "nl", token: "t" }, { lang: "en" }), { lang: "en", token: "t" });
});

test("IT's emergency contacts replace the guideline's, only where the guideline has an emergency route", () => {
  const guideline = { contacts: [{ id: "acute", text: "Bel 112.", phone: "112", url: null }], support: "Steun de persoon." };
  const { values } = validateManaged({ emergencyContacts: [{ text: "Bel de crisisdienst.", phone: "0800-1234" }] });
  assert.deepEqual(withManagedEmergency(guideline, values.emergencyContacts), {
    contacts: [{ id: "managed-1", text: "Bel de crisisdienst.", phone: "0800-1234", url: null }],
    support: "Steun de persoon.",
  });
  assert.equal(withManagedEmergency(null, values.emergencyContacts), null);
  assert.equal(withManagedEmergency(guideline, undefined), guideline);
  assert.equal(withManagedEmergency(guideline, []), guideline);
});
