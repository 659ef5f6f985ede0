/**
 * The state of one assessment (a "walk"), without a DOM or a browser: which server connection we
 * have, what the classifier said, which answers were given. popup.js renders it; every change is a
 * pure function from one session to the next, tested under node (tests/js/session.test.mjs).
 *
 * `connection` is the one answer to "may we ask the server?":
 *   checking - the first round of requests is under way
 *   online   - the server answers; POST /advice gives the advice
 *   offline  - the server did not answer (or answered errors); the guideline is walked here
 *   refused  - the server answered, but refused the token (401/403); walked here, nothing saved
 */
import { mostImportant } from "./failures.js";
import { answersBefore } from "./guideline.js";

export const CONNECTION = Object.freeze({
  CHECKING: "checking",
  ONLINE: "online",
  OFFLINE: "offline",
  REFUSED: "refused",
});

const isRefusal = (err) => err?.kind === "auth" || err?.kind === "forbidden";

/** A new walk for a pending selection ({text, truncated, platform} or null). */
export function newSession(pending = null) {
  return Object.freeze({
    connection: CONNECTION.CHECKING,
    pending,
    health: null,
    classification: null,
    // The classifier's own failure while the rest of the server works (said at the first question).
    classifyFailure: null,
    // False while the text has provably not reached the server.
    textSent: false,
    answers: Object.freeze({}),
  });
}

/**
 * The session after the first round of requests, given as Promise.allSettled results for
 * `health`, `guideline` and `classification` (the latter fulfilled with null when there was no
 * text). Returns {session, failure}: `failure` is the one problem to tell the worker, or null.
 */
export function connected(session, { health, guideline, classification }) {
  const text = session.pending?.text || "";
  const healthValue = health.status === "fulfilled" ? health.value : null;
  const failures = [health, guideline].filter((r) => r.status === "rejected").map((r) => r.reason);
  let classifyFailure = null;
  let classificationValue = null;
  if (classification.status === "fulfilled") {
    classificationValue = classification.value;
  } else if (healthValue !== null) {
    if (isRefusal(classification.reason)) failures.push(classification.reason);
    else classifyFailure = classification.reason;
  }
  const failure = mostImportant(failures);
  let connection = healthValue === null ? CONNECTION.OFFLINE : CONNECTION.ONLINE;
  if (isRefusal(failure)) connection = CONNECTION.REFUSED;
  return {
    session: Object.freeze({
      ...session,
      connection,
      health: healthValue,
      classification: classificationValue,
      classifyFailure,
      // Only a refused connection proves the text never left; after a time-out it may have arrived.
      textSent: Boolean(text) && classification.reason?.kind !== "unreachable",
    }),
    failure,
  };
}

/** The server failed to give advice mid-way: walk on here (a refused token stays "refused"). */
export function adviceFailed(session, err) {
  return Object.freeze({ ...session, connection: isRefusal(err) ? CONNECTION.REFUSED : CONNECTION.OFFLINE });
}

/** Ask the server for the advice? Only while it answers and accepts the token. */
export function asksServer(session) {
  return session.connection === CONNECTION.ONLINE;
}

export function withAnswer(session, qid, value) {
  return Object.freeze({ ...session, answers: Object.freeze({ ...session.answers, [qid]: value }) });
}

/** Tick (true) or untick (false) an optional question: unticked means not answered. */
export function withOptional(session, qid, value) {
  const answers = { ...session.answers };
  if (value) answers[qid] = true;
  else delete answers[qid];
  return Object.freeze({ ...session, answers: Object.freeze(answers) });
}

/** Back to question `qid`: the answers before it stay, later ones are asked anew. */
export function backTo(session, guideline, qid) {
  return Object.freeze({ ...session, answers: Object.freeze(answersBefore(guideline, session.answers, qid)) });
}

export function restarted(session) {
  return Object.freeze({ ...session, answers: Object.freeze({}) });
}

/** The classifier's suggestion for question `q` (true = yes, false = no), or null when it makes none. */
export function suggestion(session, q) {
  if (q?.prefill !== "classifier" || !session.classification) return null;
  return session.classification.label === 1;
}

/**
 * Offer "save as example"? For a post text, once the first question is answered, on a server that
 * offers it and has not refused the token. A server that failed later may still take it: the save
 * itself says when it does not.
 */
export function offersSave(session) {
  const features = session.health?.features ?? [];
  return Boolean(session.pending?.text) && features.includes("examples")
    && session.connection !== CONNECTION.REFUSED && typeof session.answers.content === "boolean";
}

/** Which message names the source of the advice: sourceServer, sourceStored or sourceBundled. */
export function sourceKey(session, guidelineSource) {
  if (session.connection === CONNECTION.ONLINE) return "sourceServer";
  return guidelineSource === "bundled" ? "sourceBundled" : "sourceStored";
}

/** The server pill: "online" or "offline" (a refused token is offline for the worker too). */
export function pillState(session) {
  if (session.connection === CONNECTION.CHECKING) return "checking";
  return session.connection === CONNECTION.ONLINE ? "online" : "offline";
}
