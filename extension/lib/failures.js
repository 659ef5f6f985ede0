/**
 * What the popup says when the server fails: which message, with which details, whether to point
 * to the settings. Plain data in, plain data out, so every case is tested without a browser.
 * The server's own message (English, for developers) is never shown: every text the worker reads
 * is in the chosen language, with the HTTP status as the one detail to pass on to an administrator.
 */

const ORDER = ["unreachable", "timeout", "auth", "forbidden", "http", "invalid"];

/**
 * The message for one ApiError-like failure {kind, status, message}. `serverAddress` is the whole
 * configured address (with its path), named when that address is wrong.
 */
export function describeFailure(error, serverOrigin, serverAddress = serverOrigin) {
  switch (error?.kind) {
    case "unreachable":
      return { key: "noticeUnreachable", args: [serverOrigin], settings: true, unreachable: true };
    case "timeout":
      return { key: "noticeTimeout", args: [serverOrigin], settings: false, unreachable: true };
    case "auth":
      return { key: "noticeAuth", args: [], settings: true, unreachable: false };
    case "forbidden":
      return { key: "noticeForbidden", args: [], settings: true, unreachable: false };
    case "invalid":
      return { key: "noticeNotOurServer", args: [serverAddress], settings: true, unreachable: false };
    default:
      // 404: something answers at this address, but not Reageerwijzer's API (a wrong address).
      if (error?.status === 404) return { key: "noticeNotOurServer", args: [serverAddress], settings: true, unreachable: false };
      return { key: "noticeServerError", args: [statusDetail(error)], settings: false, unreachable: false };
  }
}

/** The one detail of a failure worth repeating: its HTTP status, or a word for "not JSON". */
export function statusDetail(error) {
  return error?.status ? String(error.status) : "—";
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
    default:
      if (error?.status === 400 || error?.status === 413 || error?.status === 422) {
        return { key: "saveRefused", args: [statusDetail(error)], settings: false };
      }
      return { key: "saveFailed", args: [statusDetail(error)], settings: false };
  }
}
