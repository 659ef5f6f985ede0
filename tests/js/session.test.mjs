import { test } from "node:test";
import assert from "node:assert/strict";

import {
  CONNECTION, adviceFailed, asksServer, backTo, connected, newSession, offersSave, pillState,
  restarted, sourceKey, suggestion, withAnswer, withOptional,
} from "../../extension/lib/session.js";
import { bundled } from "./helpers.mjs";

const ok = (value) => ({ status: "fulfilled", value });
const fail = (kind, status = null) => ({ status: "rejected", reason: { kind, status, message: kind } });
const HEALTH = { status: "ok", model_version: "m1", features: ["examples"] };
const PENDING = { text: "een bericht", truncated: false, platform: null };
const HARMFUL = { label: 1, score: 0.9, threshold: 0.5 };

test("a new session is checking, with no answers", () => {
  const s = newSession(PENDING);
  assert.equal(s.connection, CONNECTION.CHECKING);
  assert.deepEqual(s.answers, {});
  assert.equal(pillState(s), "checking");
  assert.equal(asksServer(s), false);
});

test("all three answered: online, the classification kept, the text sent", () => {
  const { session, failure } = connected(newSession(PENDING), {
    health: ok(HEALTH), guideline: ok({}), classification: ok(HARMFUL) });
  assert.equal(failure, null);
  assert.equal(session.connection, CONNECTION.ONLINE);
  assert.equal(session.classification, HARMFUL);
  assert.equal(session.textSent, true);
  assert.equal(asksServer(session), true);
  assert.equal(pillState(session), "online");
});

test("no server: offline, the text provably not sent, the unreachable failure told", () => {
  const { session, failure } = connected(newSession(PENDING), {
    health: fail("unreachable"), guideline: fail("unreachable"), classification: fail("unreachable") });
  assert.equal(session.connection, CONNECTION.OFFLINE);
  assert.equal(session.textSent, false);
  assert.equal(failure.kind, "unreachable");
  assert.equal(asksServer(session), false);
});

test("after a time-out the text may have arrived", () => {
  const { session } = connected(newSession(PENDING), {
    health: fail("timeout"), guideline: fail("timeout"), classification: fail("timeout") });
  assert.equal(session.textSent, true);
});

test("a refused token (classify 401 while /health answers) is one state: refused", () => {
  const { session, failure } = connected(newSession(PENDING), {
    health: ok(HEALTH), guideline: fail("auth", 401), classification: fail("auth", 401) });
  assert.equal(session.connection, CONNECTION.REFUSED);
  assert.equal(failure.kind, "auth");
  assert.equal(asksServer(session), false);
  assert.equal(pillState(session), "offline");
  assert.equal(offersSave(withAnswer(session, "content", true)), false);
});

test("a forbidden classify alone also refuses", () => {
  const { session } = connected(newSession(PENDING), {
    health: ok(HEALTH), guideline: ok({}), classification: fail("forbidden", 403) });
  assert.equal(session.connection, CONNECTION.REFUSED);
});

test("a failing classifier on a working server is said at the first question, not as a notice", () => {
  const { session, failure } = connected(newSession(PENDING), {
    health: ok(HEALTH), guideline: ok({}), classification: fail("http", 503) });
  assert.equal(failure, null);
  assert.equal(session.connection, CONNECTION.ONLINE);
  assert.equal(session.classifyFailure.status, 503);
  assert.equal(suggestion(session, { prefill: "classifier" }), null);
});

test("advice failing mid-way goes offline; a refusal stays refused", () => {
  const { session } = connected(newSession(PENDING), { health: ok(HEALTH), guideline: ok({}), classification: ok(HARMFUL) });
  assert.equal(adviceFailed(session, { kind: "http", status: 500 }).connection, CONNECTION.OFFLINE);
  assert.equal(adviceFailed(session, { kind: "auth", status: 401 }).connection, CONNECTION.REFUSED);
});

test("answers are added, optional ones ticked and unticked, changed back and restarted, never mutated", () => {
  const g = bundled("nl");
  const s0 = newSession(PENDING);
  const s1 = withAnswer(withAnswer(s0, "content", true), "danger", false);
  assert.deepEqual(s0.answers, {});
  assert.deepEqual(s1.answers, { content: true, danger: false });
  const s2 = withOptional(s1, "misinformation", true);
  assert.equal(s2.answers.misinformation, true);
  assert.equal(Object.hasOwn(withOptional(s2, "misinformation", false).answers, "misinformation"), false);
  assert.deepEqual(backTo(s2, g, "danger").answers, { content: true, misinformation: true });
  assert.deepEqual(backTo(s2, g, "content").answers, {});
  assert.deepEqual(restarted(s2).answers, {});
  assert.throws(() => { s1.answers.content = false; }, TypeError);
});

test("the suggestion follows the label, only on the pre-filled question", () => {
  const { session } = connected(newSession(PENDING), { health: ok(HEALTH), guideline: ok({}), classification: ok(HARMFUL) });
  assert.equal(suggestion(session, { prefill: "classifier" }), true);
  assert.equal(suggestion(session, { prefill: null }), null);
  const harmless = connected(newSession(PENDING), { health: ok(HEALTH), guideline: ok({}), classification: ok({ label: 0, score: 0.1 }) });
  assert.equal(suggestion(harmless.session, { prefill: "classifier" }), false);
});

test("save is offered only with a text, the feature, an accepted token and a first answer", () => {
  const online = connected(newSession(PENDING), { health: ok(HEALTH), guideline: ok({}), classification: ok(HARMFUL) }).session;
  assert.equal(offersSave(online), false, "not before the first answer");
  assert.equal(offersSave(withAnswer(online, "content", false)), true);
  const noText = connected(newSession(null), { health: ok(HEALTH), guideline: ok({}), classification: ok(null) }).session;
  assert.equal(offersSave(withAnswer(noText, "content", true)), false);
  const noFeature = connected(newSession(PENDING), {
    health: ok({ ...HEALTH, features: [] }), guideline: ok({}), classification: ok(HARMFUL) }).session;
  assert.equal(offersSave(withAnswer(noFeature, "content", true)), false);
  const offline = connected(newSession(PENDING), {
    health: fail("unreachable"), guideline: fail("unreachable"), classification: fail("unreachable") }).session;
  assert.equal(offersSave(withAnswer(offline, "content", true)), false);
});

test("the source line names the server only while online", () => {
  const online = connected(newSession(PENDING), { health: ok(HEALTH), guideline: ok({}), classification: ok(HARMFUL) }).session;
  assert.equal(sourceKey(online, "server"), "sourceServer");
  assert.equal(sourceKey(adviceFailed(online, { kind: "http" }), "server"), "sourceStored");
  assert.equal(sourceKey(adviceFailed(online, { kind: "http" }), "stored"), "sourceStored");
  assert.equal(sourceKey(adviceFailed(online, { kind: "http" }), "bundled"), "sourceBundled");
});
