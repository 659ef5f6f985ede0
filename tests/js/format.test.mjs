import { test } from "node:test";
import assert from "node:assert/strict";

import { dateLocale, displayOrigin, mailtoUrl, percent, telUrl, truncateText } from "../../extension/lib/format.js";

test("scores show as plain whole percentages, never a false certainty", () => {
  assert.equal(percent(0.8234), "82%");
  assert.equal(percent(0), "0%");
  assert.equal(percent(1), "100%");
  assert.equal(percent(0.999), "99%");
  assert.equal(percent(0.001), "1%");
  assert.equal(percent("x"), "");
});

test("the server's origin is what the privacy line names", () => {
  assert.equal(displayOrigin("http://127.0.0.1:8080/base"), "http://127.0.0.1:8080");
  assert.equal(displayOrigin("nonsense"), "nonsense");
});

test("phone numbers and e-mail addresses become links only when they look like one", () => {
  assert.equal(telUrl("+31 (0)20 123 45 67"), "tel:+310201234567");
  assert.equal(telUrl("0900-8844"), "tel:09008844");
  assert.equal(telUrl("ask at desk"), null);
  assert.equal(mailtoUrl(" meldpunt@gemeente.nl "), "mailto:meldpunt@gemeente.nl");
  assert.equal(mailtoUrl("not an address"), null);
});

test("long selections are cut on whole characters, never inside an emoji", () => {
  assert.deepEqual(truncateText("ab😡cd", 3), { text: "ab😡", truncated: true });
  assert.deepEqual(truncateText("ab😡", 5), { text: "ab😡", truncated: false });
  const cut = truncateText("x".repeat(4999) + "😡😡", 5000);
  assert.equal(cut.text.endsWith("😡"), true);
  assert.equal(Array.from(cut.text).length, 5000);
  assert.equal(cut.truncated, true);
});

test("dates follow the chosen language: Dutch as in the Netherlands, English as in Britain", () => {
  assert.equal(dateLocale("nl"), "nl-NL");
  assert.equal(dateLocale("en"), "en-GB");
});
