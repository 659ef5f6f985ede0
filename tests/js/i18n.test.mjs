import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";

import { loadMessages, messageOr, translate, translator } from "../../extension/lib/i18n.js";
import { EXT, readJson, readText } from "./helpers.mjs";

const nl = readJson(EXT, "_locales", "nl", "messages.json");
const en = readJson(EXT, "_locales", "en", "messages.json");

function filesUnder(dir, ext) {
  return readdirSync(dir, { recursive: true }).filter((f) => f.endsWith(ext)).map((f) => join(dir, f));
}

test("placeholders and positional substitutions are filled", () => {
  const messages = {
    plain: { message: "Hallo" },
    positional: { message: "Vraag $1 van $2" },
    named: { message: "Naar $SERVER$ ($$5)", placeholders: { server: { content: "$1" } } },
  };
  assert.equal(translate(messages, "plain"), "Hallo");
  assert.equal(translate(messages, "positional", ["2", "5"]), "Vraag 2 van 5");
  assert.equal(translate(messages, "named", ["http://x"]), "Naar http://x ($5)");
  assert.equal(translate(messages, "missing"), "[missing]");
  // A substituted value is not expanded again.
  assert.equal(translator(messages)("positional", "$2", "b"), "Vraag $2 van b");
});

test("both languages have the same messages, each with a description", () => {
  assert.deepEqual(Object.keys(nl).sort(), Object.keys(en).sort());
  for (const [lang, messages] of [["nl", nl], ["en", en]]) {
    for (const [key, entry] of Object.entries(messages)) {
      assert.ok(entry.message && entry.message.trim(), `${lang}/${key} has no message`);
      assert.ok(entry.description && entry.description.length > 5, `${lang}/${key} has no description`);
      const named = [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1].toLowerCase());
      for (const name of named) assert.ok(entry.placeholders?.[name], `${lang}/${key} lacks placeholder ${name}`);
    }
    assert.deepEqual(
      Object.fromEntries(Object.entries(messages).map(([k, v]) => [k, Object.keys(v.placeholders || {}).sort()])),
      Object.fromEntries(Object.entries(nl).map(([k, v]) => [k, Object.keys(v.placeholders || {}).sort()])),
      `${lang}: placeholders differ from nl`);
  }
});

test("every message the pages and scripts use exists", () => {
  const used = new Set();
  for (const file of filesUnder(EXT, ".html")) {
    const html = readText(file);
    for (const m of html.matchAll(/data-i18n="([^"]+)"/g)) used.add(m[1]);
    for (const m of html.matchAll(/data-i18n-attr="([^"]+)"/g)) {
      for (const pair of m[1].split(";")) used.add(pair.split(":")[1].trim());
    }
  }
  for (const file of filesUnder(EXT, ".js")) {
    const js = readText(file);
    for (const m of js.matchAll(/\bt\(\s*"([A-Za-z0-9_]+)"/g)) used.add(m[1]);
    for (const m of js.matchAll(/\b(?:key|getMessage\()\s*[:(]?\s*"([A-Za-z0-9_]+)"/g)) used.add(m[1]);
    for (const m of js.matchAll(/translate\([^,]+,\s*"([A-Za-z0-9_]+)"/g)) used.add(m[1]);
  }
  for (const m of readText(EXT, "manifest.json").matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) used.add(m[1]);
  assert.ok(used.size > 60, `found only ${used.size} keys in use`);
  for (const key of used) assert.ok(nl[key], `message "${key}" is used but not defined`);
});

test("the HTML pages hold no literal UI text: every text comes from a message", () => {
  for (const file of filesUnder(EXT, ".html")) {
    const html = readText(file).replace(/<script[\s\S]*?<\/script>/g, "").replace(/<style[\s\S]*?<\/style>/g, "");
    for (const m of html.matchAll(/>([^<]+)</g)) {
      assert.ok(!/\p{L}/u.test(m[1]), `${file}: literal text "${m[1].trim()}"`);
    }
    for (const m of html.matchAll(/\s(?:title|placeholder|aria-label|alt)="([^"]*)"/g)) {
      assert.equal(m[1], "", `${file}: literal attribute text "${m[1]}"`);
    }
  }
});

test("loadMessages reads the chosen language's file from the extension", async () => {
  const asked = [];
  const fetchImpl = async (url) => {
    asked.push(url);
    return { ok: true, json: async () => en };
  };
  const messages = await loadMessages("en", { fetchImpl, urlFor: (p) => `chrome-extension://id/${p}` });
  assert.deepEqual(asked, ["chrome-extension://id/_locales/en/messages.json"]);
  assert.equal(translate(messages, "answerYes"), "Yes");
  await assert.rejects(loadMessages("xx", { fetchImpl: async () => ({ ok: false }), urlFor: (p) => p }));
});

test("the shortcut keys match the answer words (J/N in Dutch, Y/N in English)", () => {
  assert.equal(nl.keyYes.message, nl.answerYes.message[0]);
  assert.equal(nl.keyNo.message, nl.answerNo.message[0]);
  assert.equal(en.keyYes.message, en.answerYes.message[0]);
  assert.equal(en.keyNo.message, en.answerNo.message[0]);
});

test("a vocabulary word without a message shows as itself, one with a message as the message", () => {
  const t = translator(nl);
  assert.equal(messageOr(t, "answerYes", "x"), nl.answerYes.message);
  assert.equal(messageOr(t, "category_not_yet_named", "not_yet_named"), "not_yet_named");
});
