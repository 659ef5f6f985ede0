import { test } from "node:test";
import assert from "node:assert/strict";

import { ApiError, createClient, exampleBody } from "../../extension/lib/api.js";

/** A fetch that records requests and answers from a list of [status, body] pairs (or throws). */
function fakeFetch(...answers) {
  const calls = [];
  const impl = async (url, init) => {
    calls.push({ url, ...init, headers: { ...init.headers } });
    const next = answers.shift();
    if (next instanceof Error) throw next;
    const [status, body] = next;
    return {
      ok: status >= 200 && status < 300,
      status,
      json: async () => (typeof body === "string" ? JSON.parse(body) : body),
    };
  };
  return { impl, calls };
}

test("requests go to /api/v1 under the base URL, JSON in and out, no token header without a token", async () => {
  const { impl, calls } = fakeFetch([200, { complete: false }]);
  const client = createClient({ baseUrl: "http://127.0.0.1:8080/", fetchImpl: impl });
  await client.advice({ content: true }, "nl");
  assert.equal(calls[0].url, "http://127.0.0.1:8080/api/v1/advice");
  assert.equal(calls[0].method, "POST");
  assert.equal(calls[0].headers["Content-Type"], "application/json");
  assert.equal(calls[0].headers.Authorization, undefined);
  assert.deepEqual(JSON.parse(calls[0].body), { answers: { content: true }, lang: "nl" });
  assert.equal(calls[0].credentials, "omit");
});

test("a token set in the options goes along as a Bearer header", async () => {
  const { impl, calls } = fakeFetch([200, { lang: "en" }]);
  await createClient({ baseUrl: "http://s", token: "s3cret", fetchImpl: impl }).guideline("en");
  assert.equal(calls[0].url, "http://s/api/v1/guideline?lang=en");
  assert.equal(calls[0].headers.Authorization, "Bearer s3cret");
});

test("health without a features list means no features", async () => {
  const { impl } = fakeFetch([200, { status: "ok", model_version: null }], [200, { status: "ok", features: ["examples"] }]);
  const client = createClient({ baseUrl: "http://s", fetchImpl: impl });
  assert.deepEqual((await client.health()).features, []);
  assert.deepEqual((await client.health()).features, ["examples"]);
});

test("failures become ApiErrors that say what happened", async () => {
  const { impl } = fakeFetch(
    new TypeError("Failed to fetch"),
    [401, { error: { code: "unauthorized", name: "Unauthorized", message: "missing token" } }],
    [403, { error: { code: "forbidden", name: "Forbidden", message: "role" } }],
    [422, { error: { code: "invalid_answers", name: "Unprocessable Entity", message: "off path" } }],
    [502, "<html>"],
    [200, "null"],
  );
  const client = createClient({ baseUrl: "http://s", fetchImpl: async (...a) => {
    try { return await impl(...a); } catch (err) { if (err instanceof SyntaxError) throw err; throw err; }
  } });
  const expect = async (kind, status, message) => {
    await assert.rejects(client.health(), (err) => {
      assert.ok(err instanceof ApiError);
      assert.equal(err.kind, kind);
      assert.equal(err.status, status);
      if (message) assert.match(err.message, message);
      return true;
    });
  };
  await expect("unreachable", null, /Failed to fetch/);
  await expect("auth", 401, /missing token/);
  await expect("forbidden", 403, /role/);
  await expect("http", 422, /off path/);
  await expect("http", 502, /HTTP 502/);
  await expect("invalid", 200, /not JSON/);
});

test("a server that does not answer in time is a timeout", async () => {
  const hang = (url, init) => new Promise((resolve, reject) => {
    init.signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
  });
  const client = createClient({ baseUrl: "http://s", fetchImpl: hang, timeoutMs: 20 });
  await assert.rejects(client.health(), (err) => err.kind === "timeout");
});

const CATEGORIES = ["discriminatory", "hurtful", "threatening"];

test("the example body holds the confirmed answer, the language and the score; optional fields only when known", () => {
  const classification = { label: 1, score: 0.82, model_version: "20260101-abc" };
  assert.deepEqual(
    exampleBody({ text: "t", contentAnswer: true, lang: "nl", category: "threatening", categories: CATEGORIES, classification }),
    { text: "t", label: 1, lang: "nl", category: "threatening", score: 0.82, model_version: "20260101-abc" });
  // Overruled to "no": label 0, and a category makes no sense then.
  assert.deepEqual(
    exampleBody({ text: "t", contentAnswer: false, lang: "en", category: "hurtful", categories: CATEGORIES, classification }),
    { text: "t", label: 0, lang: "en", score: 0.82, model_version: "20260101-abc" });
  assert.deepEqual(exampleBody({ text: "t", contentAnswer: true, lang: "nl", category: "bogus", categories: CATEGORIES }),
    { text: "t", label: 1, lang: "nl" });
});

test("without a chosen post language the body leaves 'lang' out: the server recognises it", () => {
  assert.deepEqual(exampleBody({ text: "t", contentAnswer: false }), { text: "t", label: 0 });
  // The UI language never stands in for the post's.
  assert.equal("lang" in exampleBody({ text: "t", contentAnswer: true, lang: "" }), false);
});

test("advice sends the category only when known; preview and cases go to their endpoints", async () => {
  const { impl, calls } = fakeFetch([200, {}], [200, {}], [200, { text: "x", replaced: {} }], [201, { id: 1 }]);
  const client = createClient({ baseUrl: "http://s", token: "t", fetchImpl: impl });
  await client.advice({ content: true }, "nl");
  await client.advice({ content: true }, "nl", "hurtful");
  await client.previewExample("een tekst");
  await client.recordCase({ outcome: "refer" });
  assert.deepEqual(JSON.parse(calls[0].body), { answers: { content: true }, lang: "nl" });
  assert.deepEqual(JSON.parse(calls[1].body), { answers: { content: true }, lang: "nl", category: "hurtful" });
  assert.equal(calls[2].url, "http://s/api/v1/examples/preview");
  assert.deepEqual(JSON.parse(calls[2].body), { text: "een tekst" });
  assert.equal(calls[3].url, "http://s/api/v1/cases");
});
