import { test } from "node:test";
import assert from "node:assert/strict";

import { describeFailure, mostImportant, saveFailureKey } from "../../extension/lib/failures.js";

test("each kind of failure has its own message; auth problems point to the settings", () => {
  assert.deepEqual(describeFailure({ kind: "unreachable" }, "http://127.0.0.1:8080"),
    { key: "noticeUnreachable", args: ["http://127.0.0.1:8080"], settings: true, unreachable: true });
  assert.equal(describeFailure({ kind: "timeout" }, "o").key, "noticeTimeout");
  assert.equal(describeFailure({ kind: "auth", status: 401 }, "o").settings, true);
  assert.equal(describeFailure({ kind: "forbidden", status: 403 }, "o").key, "noticeForbidden");
  // The server's English message is never shown: the status is the one detail.
  assert.deepEqual(describeFailure({ kind: "http", status: 500, message: "boom" }, "o").args, ["500"]);
});

test("a 404 or a non-JSON answer means a wrong address, and points to the settings", () => {
  for (const err of [{ kind: "http", status: 404, message: "The requested URL was not found" }, { kind: "invalid", status: 200 }]) {
    assert.deepEqual(describeFailure(err, "http://x:1", "http://x:1/rw"),
      { key: "noticeNotOurServer", args: ["http://x:1/rw"], settings: true, unreachable: false });
  }
});

test("the most important failure is told: unreachable before auth before other errors", () => {
  const http = { kind: "http" };
  const auth = { kind: "auth" };
  const down = { kind: "unreachable" };
  assert.equal(mostImportant([http, auth]), auth);
  assert.equal(mostImportant([http, auth, down]), down);
  assert.equal(mostImportant([undefined, null]), null);
});

test("saving: 401 and 403 say the token is missing or rejected and point to the settings", () => {
  assert.deepEqual(saveFailureKey({ kind: "auth" }), { key: "saveAuth", args: [], settings: true });
  assert.deepEqual(saveFailureKey({ kind: "forbidden" }), { key: "saveForbidden", args: [], settings: true });
  assert.equal(saveFailureKey({ kind: "unreachable" }).key, "saveUnreachable");
  assert.deepEqual(saveFailureKey({ kind: "http", status: 422, message: "text too long" }), { key: "saveRefused", args: ["422"], settings: false });
  assert.deepEqual(saveFailureKey({ kind: "http", status: 500, message: "boom" }), { key: "saveFailed", args: ["500"], settings: false });
});
