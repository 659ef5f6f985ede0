/**
 * Client for the organisation's Reageerwijzer server (/api/v1). Every failure becomes an
 * ApiError whose `kind` tells the popup what to say: unreachable, timeout, auth (401),
 * forbidden (403), http (any other error status) or invalid (not the JSON we expect).
 */

export class ApiError extends Error {
  constructor(kind, message, { status = null, code = null } = {}) {
    super(message);
    this.name = "ApiError";
    this.kind = kind;
    this.status = status;
    this.code = code;
  }
}

const TIMEOUT_MS = 10000;

/** The message of a server error body {"error": {"code", "name", "message"}}, if there is one. */
function errorDetails(body) {
  const error = body && typeof body === "object" ? body.error : null;
  return error && typeof error === "object"
    ? { message: String(error.message ?? error.name ?? ""), code: error.code ?? null }
    : { message: "", code: null };
}

/**
 * A client for `baseUrl`. `token`, when set, goes along as "Authorization: Bearer <token>".
 * `fetchImpl` is injectable for tests.
 */
export function createClient({ baseUrl, token = "", fetchImpl = globalThis.fetch.bind(globalThis), timeoutMs = TIMEOUT_MS }) {
  const root = String(baseUrl).replace(/\/+$/, "");

  async function request(method, path, body) {
    const headers = { Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (token) headers.Authorization = `Bearer ${token}`;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let response;
    try {
      response = await fetchImpl(`${root}/api/v1${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
        credentials: "omit",
        cache: "no-store",
      });
    } catch (err) {
      if (controller.signal.aborted) throw new ApiError("timeout", `no answer within ${timeoutMs / 1000} s`);
      throw new ApiError("unreachable", err?.message || "network error");
    } finally {
      clearTimeout(timer);
    }

    let data = null;
    try {
      data = await response.json();
    } catch {
      data = null;
    }
    if (!response.ok) {
      const { message, code } = errorDetails(data);
      const kind = response.status === 401 ? "auth" : response.status === 403 ? "forbidden" : "http";
      throw new ApiError(kind, message || `HTTP ${response.status}`, { status: response.status, code });
    }
    if (data === null || typeof data !== "object") {
      throw new ApiError("invalid", "the server's answer is not JSON", { status: response.status });
    }
    return data;
  }

  return {
    baseUrl: root,
    /** {status, model_version, features}; a server without "features" has none. */
    async health() {
      const data = await request("GET", "/health");
      return { ...data, features: Array.isArray(data.features) ? data.features : [] };
    },
    guideline(lang) {
      return request("GET", `/guideline?lang=${encodeURIComponent(lang)}`);
    },
    /** `category`, when known, leaves out tips written for another kind of harm. */
    advice(answers, lang, category = null) {
      return request("POST", "/advice", category ? { answers, lang, category } : { answers, lang });
    },
    classify(text, lang) {
      return request("POST", "/classify", { text, lang });
    },
    saveExample(example) {
      return request("POST", "/examples", example);
    },
    /** The text as the server would store it: {text, replaced: {kind: count}} (nothing is stored). */
    previewExample(text) {
      return request("POST", "/examples/preview", { text });
    },
    /** One completed walk for the case log (see lib/casefile.js caseRecord); 404 while switched off. */
    recordCase(record) {
      return request("POST", "/cases", record);
    },
  };
}

/**
 * The POST /examples body for a confirmed answer; optional fields only when known. `lang` is the
 * post's language as the worker chose it; left out, the server recognises it from the text.
 * `categories` is the vocabulary's list of harm categories.
 */
export function exampleBody({ text, contentAnswer, lang = "", category = "", categories = [], classification = null }) {
  const body = { text, label: contentAnswer ? 1 : 0 };
  if (lang) body.lang = lang;
  if (contentAnswer && categories.includes(category)) body.category = category;
  if (classification && Number.isFinite(Number(classification.score))) body.score = Number(classification.score);
  if (classification && typeof classification.model_version === "string") body.model_version = classification.model_version;
  return body;
}
