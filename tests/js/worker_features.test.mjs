// The pure parts of the worker's features: confidence words, the follow-up list, the case-file
// summary and case-log record, the vocabulary and the connection test.
import { test } from "node:test";
import assert from "node:assert/strict";

import { caseRecord, caseSummary } from "../../extension/lib/casefile.js";
import { confidenceBand } from "../../extension/lib/confidence.js";
import { checkConnection } from "../../extension/lib/connection.js";
import {
  addDays, addFollowUp, dueFollowUps, followUpLink, removeFollowUp, withoutExpired,
} from "../../extension/lib/followup.js";
import { chooseVocabulary, vocabularyFrom } from "../../extension/lib/vocabulary.js";
import { ApiError } from "../../extension/lib/api.js";
import { readJson, EXT } from "./helpers.mjs";

test("confidence: the server's band wins; without it, the probability of the suggested answer decides", () => {
  assert.equal(confidenceBand({ label: 1, score: 0.51, threshold: 0.5, confidence: "almost_certain" }), "almost_certain");
  assert.equal(confidenceBand({ label: 1, score: 0.95, threshold: 0.5 }), "almost_certain");
  assert.equal(confidenceBand({ label: 1, score: 0.9, threshold: 0.5 }), "almost_certain");
  assert.equal(confidenceBand({ label: 1, score: 0.75, threshold: 0.5 }), "likely");
  assert.equal(confidenceBand({ label: 1, score: 0.55, threshold: 0.5 }), "uncertain");
  assert.equal(confidenceBand({ label: 0, score: 0.05, threshold: 0.5 }), "almost_certain");
  assert.equal(confidenceBand({ label: 0, score: 0.25, threshold: 0.5 }), "likely");
  assert.equal(confidenceBand({ label: 0, score: 0.45, threshold: 0.5 }), "uncertain");
  // As model/_classifier.py: the threshold only picks the suggestion, the probability the band.
  assert.equal(confidenceBand({ label: 1, score: 0.45, threshold: 0.4 }), "uncertain");
  assert.equal(confidenceBand({ score: 0.2, threshold: 0.4 }), "likely");
  assert.equal(confidenceBand({ label: 1, score: 0.9, threshold: 0.4, confidence: "bogus" }), "almost_certain");
  assert.equal(confidenceBand(null), null);
  assert.equal(confidenceBand({ label: 1, score: "x" }), null);
});

test("follow-up list: added with a date from today, due when the day comes, forgotten after expiry", () => {
  const today = "2026-12-01";
  let list = addFollowUp([], { url: "https://x.com/a/status/1", due: "2026-12-08" }, today);
  list = addFollowUp(list, { url: "https://www.facebook.com/p/2", due: today, platform: "facebook" }, today);
  assert.deepEqual(list.map((e) => e.due), ["2026-12-01", "2026-12-08"], "sorted by date");
  assert.deepEqual(dueFollowUps(list, today).map((e) => e.url), ["https://www.facebook.com/p/2"]);
  assert.equal(dueFollowUps(list, "2026-12-08").length, 2);
  // The same link again replaces its entry.
  list = addFollowUp(list, { url: "https://x.com/a/status/1", due: "2026-12-03" }, today);
  assert.equal(list.length, 2);
  assert.throws(() => addFollowUp(list, { url: "https://x.com/b", due: "2026-11-30" }, today), /today or later/);
  assert.throws(() => addFollowUp(list, { url: "javascript:alert(1)", due: today }, today), /link/);
  assert.equal(followUpLink("data:text/html,x"), null);
  assert.equal(removeFollowUp(list, "https://x.com/a/status/1").length, 1);
  assert.equal(withoutExpired(list, addDays("2026-12-03", 30), 30).length, 1, "30 days after its date: kept");
  assert.equal(withoutExpired(list, addDays("2026-12-03", 31), 30).length, 0, "31 days after: forgotten");
  assert.deepEqual(withoutExpired("damaged", today, 30), []);
  assert.deepEqual(withoutExpired([{ url: "https://x", due: "soon" }, null], today, 30), []);
  assert.equal(addDays("2026-12-28", 7), "2027-01-04");
});

const t = (key, ...args) => `${key}${args.length ? `(${args.join(",")})` : ""}`;
const ADVICE = {
  complete: true,
  path: ["content", "danger"],
  outcome: { id: "refer", title: "Schakel je ketenpartners in", advice: "Een serieuze bedreiging…", addenda: [],
    emergency: { contacts: [{ id: "acute", text: "Bel 112.", phone: "112", url: null },
      { id: "mind", text: "Meld bij MiND.", phone: null, url: "https://www.mindmeldpunt.nl" }], support: "Steun de persoon." } },
  tips: [{ id: "respect", title: "Vóór respect", text: "Een boodschap…" }],
};

test("the case-file summary: date, platform, answers, outcome and advice; the post only when asked", () => {
  const entry = { date: "1 december 2026 22:00", platform: "Facebook",
    answers: [{ question: "Is het bericht kwetsend?", answer: "Ja" }, { question: "Is het een serieuze bedreiging?", answer: "Ja" }],
    outcome: ADVICE.outcome, tips: ADVICE.tips, text: null };
  const summary = caseSummary(entry, t);
  for (const part of ["caseDate: 1 december 2026 22:00", "casePlatform: Facebook", "- Is het bericht kwetsend? Ja",
    "caseOutcome: Schakel je ketenpartners in", "- Bel 112.", "- Meld bij MiND. https://www.mindmeldpunt.nl",
    "Steun de persoon.", "- Vóór respect: Een boodschap…"]) {
    assert.ok(summary.includes(part), part);
  }
  assert.ok(!summary.includes("casePost"));
  assert.ok(caseSummary({ ...entry, text: "Rot op" }, t).includes("casePost:\nRot op\n"));
});

test("the case-log record holds no text or link: outcome, questions, platform, category, agreement, band", () => {
  const record = caseRecord({ advice: ADVICE, answers: { content: true, danger: true }, platform: "facebook",
    category: "threatening", classification: { label: 1, score: 0.97, threshold: 0.5, model_version: "m1" } });
  assert.deepEqual(record, { outcome: "refer", path: ["content", "danger"], platform: "facebook", category: "threatening",
    prefill_agreed: true, model_version: "m1", score_band: "almost_certain" });
  const overruled = caseRecord({ advice: ADVICE, answers: { content: false }, classification: { label: 1, score: 0.6, threshold: 0.5 } });
  assert.equal(overruled.prefill_agreed, false);
  assert.equal(overruled.platform, null);
  const noClassifier = caseRecord({ advice: ADVICE, answers: { content: true } });
  assert.equal(noClassifier.prefill_agreed, null);
  assert.equal(noClassifier.score_band, null);
  assert.deepEqual(Object.keys(record).sort(),
    ["category", "model_version", "outcome", "path", "platform", "prefill_agreed", "score_band"]);
});

function memoryStorage(initial = {}) {
  const data = { ...initial };
  return { data, get: async (k) => (k in data ? { [k]: data[k] } : {}), set: async (o) => Object.assign(data, o) };
}

test("vocabulary: the server's is kept; else the last kept; else the bundled copy", async () => {
  const bundled = readJson(EXT, "guideline", "vocabulary.json");
  assert.deepEqual(vocabularyFrom(bundled), bundled);
  const storage = memoryStorage();
  assert.deepEqual(await chooseVocabulary(null, storage, async () => bundled), bundled);
  const served = { languages: ["nl", "en"], categories: ["hurtful"], max_text_chars: 300 };
  assert.deepEqual(await chooseVocabulary(served, storage, async () => bundled), served);
  assert.deepEqual(await chooseVocabulary(undefined, storage, async () => bundled), served, "kept from last time");
  for (const bad of [{ ...served, max_text_chars: 0 }, { ...served, categories: [] }, { ...served, languages: ["<b>"] }, "x"]) {
    assert.equal(vocabularyFrom(bad), null, JSON.stringify(bad));
  }
});

function client(health, guideline) {
  const call = (v) => (v instanceof Error ? Promise.reject(v) : Promise.resolve(v));
  return { health: () => call(health), guideline: () => call(guideline) };
}

test("the connection test names the one problem: no server, wrong address, token refused, wrong role", async () => {
  const ok = { status: "ok", model_version: "m1", features: [] };
  assert.deepEqual(await checkConnection(client(ok, {})), { result: "ok", model_version: "m1" });
  assert.equal((await checkConnection(client(new ApiError("unreachable", "x"), {}))).result, "no_server");
  assert.equal((await checkConnection(client(new ApiError("timeout", "x"), {}))).result, "timeout");
  assert.equal((await checkConnection(client(new ApiError("http", "x", { status: 404 }), {}))).result, "wrong_address");
  assert.equal((await checkConnection(client(new ApiError("invalid", "x", { status: 200 }), {}))).result, "wrong_address");
  assert.equal((await checkConnection(client({ hello: 1 }, {}))).result, "wrong_address");
  assert.equal((await checkConnection(client(ok, new ApiError("auth", "x", { status: 401 })))).result, "token_refused");
  assert.equal((await checkConnection(client(ok, new ApiError("forbidden", "x", { status: 403 })))).result, "wrong_role");
  assert.deepEqual(await checkConnection(client(ok, new ApiError("http", "x", { status: 500 }))), { result: "server_error", status: 500 });
});
