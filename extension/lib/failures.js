/**
 * What the popup says when the server fails: which message, with which details, whether to point
 * to the settings. Plain data in, plain data out, so every case is tested without a browser.
 */

const ORDER = ["unreachable", "timeout", "auth", "forbidden", "http", "invalid"];

/** The message for one ApiError-like failure {kind, status, message}. */
export function describeFailure(error, serverOrigin) {
  const detail = error?.status ? `${error.status}: ${error.message || ""}`.replace(/: $/, "") : (error?.message || "");
  switch (error?.kind) {
    case "unreachable":
      return { key: "noticeUnreachable", args: [serverOrigin], settings: true, unreachable: true };
    case "timeout":
      return { key: "noticeTimeout", args: [serverOrigin], settings: false, unreachable: true };
    case "auth":
      return { key: "noticeAuth", args: [], settings: true, unreachable: false };
    case "forbidden":
      return { key: "noticeForbidden", args: [], settings: true, unreachable: false };
    default:
      return { key: "noticeServerError", args: [detail], settings: false, unreachable: false };
  }
}

/** The failure most worth telling, of several (unreachable first: it explains the others). */
export function mostImportant(errors) {
  const present = errors.filter(Boolean);
  if (!present.length) return null;
  return present.reduce((best, e) => {
    const rank = (x) => { const i = ORDER.indexOf(x.kind); return i < 0 ? ORDER.length : i; };
    return rank(e) < rank(best) ? e : best;
  });
}

/** What to say after a failed attempt to save an example. */
export function saveFailureKey(error) {
  switch (error?.kind) {
    case "auth": return { key: "saveAuth", args: [], settings: true };
    case "forbidden": return { key: "saveForbidden", args: [], settings: true };
    case "unreachable":
    case "timeout": return { key: "saveUnreachable", args: [], settings: false };
    default: {
      const detail = error?.status ? `${error.status}: ${error.message || ""}` : (error?.message || "");
      return { key: "saveFailed", args: [detail], settings: false };
    }
  }
}
