/**
 * The options page's "test the connection": an unauthenticated GET /health (is there a
 * Reageerwijzer server at this address?), then an authenticated GET /guideline (does it accept
 * this token for a worker's work?). The answer names the one problem to fix.
 */

/**
 * {result, model_version?, status?} where result is one of
 * ok | no_server (nothing answers) | timeout | wrong_address (something answers, not our API) |
 * token_refused (401) | wrong_role (403) | server_error (any other error status).
 */
export async function checkConnection(client, lang = "nl") {
  let health;
  try {
    health = await client.health();
  } catch (err) {
    if (err.kind === "unreachable") return { result: "no_server" };
    if (err.kind === "timeout") return { result: "timeout" };
    if (err.status === 404 || err.kind === "invalid") return { result: "wrong_address", status: err.status };
    return { result: "server_error", status: err.status };
  }
  // "degraded": the server works but cannot store; a working connection all the same.
  if (health.status !== "ok" && health.status !== "degraded") return { result: "wrong_address" };
  try {
    await client.guideline(lang);
  } catch (err) {
    if (err.kind === "auth") return { result: "token_refused" };
    if (err.kind === "forbidden") return { result: "wrong_role" };
    if (err.kind === "unreachable") return { result: "no_server" };
    if (err.kind === "timeout") return { result: "timeout" };
    return { result: "server_error", status: err.status };
  }
  return { result: "ok", model_version: health.model_version ?? null };
}
