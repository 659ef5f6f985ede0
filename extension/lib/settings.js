/**
 * The extension's settings: one defaults object, read and written in chrome.storage.local
 * (they stay in this browser profile). Validation is plain functions, tested without a browser.
 */
import { readManaged } from "./managed.js";

export const LANGUAGES = Object.freeze(["nl", "en"]);

export const DEFAULTS = Object.freeze({
  // Where selected texts go; nowhere else.
  serverUrl: "http://127.0.0.1:8080",
  // Sent as "Authorization: Bearer <token>" when set, for servers that ask for one.
  token: "",
  // "nl" or "en"; empty follows the browser's language (Dutch unless the browser is English).
  lang: "",
  // Chain partners shown with the `refer` outcome: [{name, phone, email, note}].
  partners: [],
  // Single-key shortcuts (J/Y = yes, N = no) in the popup; off for speech input users (WCAG 2.1.4).
  shortcuts: true,
  // Follow-up list: the reminder is suggested this many days ahead ...
  followUpDays: 7,
  // ... and an entry is forgotten this many days after its reminder date.
  followUpExpiryDays: 30,
});

const DAY_LIMITS = Object.freeze({ followUpDays: [1, 365], followUpExpiryDays: [1, 365] });

/** Error in a value the worker typed; `key` names the message to show, `args` fill it. */
export class SettingsError extends Error {
  constructor(key, ...args) {
    super(key);
    this.name = "SettingsError";
    this.key = key;
    this.args = args;
  }
}

/** The UI language: the setting when it is one we have, else from the browser's UI language. */
export function resolveLang(setting, uiLanguage = "") {
  if (LANGUAGES.includes(setting)) return setting;
  return String(uiLanguage).toLowerCase().startsWith("en") ? "en" : "nl";
}

/**
 * A server URL as typed -> "http(s)://host[:port][/path]" without a trailing slash. The API's own
 * address ("…/api/v1", as the server once printed it, or "…/api/v1/health") is accepted too: the
 * extension adds /api/v1 itself, so it is cut off.
 */
export function normalizeServerUrl(value) {
  const text = String(value ?? "").trim();
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new SettingsError("errorServerUrl");
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || !url.hostname
      || url.username || url.password || url.search || url.hash) {
    throw new SettingsError("errorServerUrl");
  }
  const path = url.pathname.replace(/\/api\/v1(\/.*)?$/, "");
  return `${url.origin}${path}`.replace(/\/+$/, "");
}

/** A whole number of days within its limits, or SettingsError naming the field. */
export function cleanDays(name, value) {
  const [min, max] = DAY_LIMITS[name];
  const text = String(value ?? "").trim();
  const days = Number(text);
  if (!/^\d+$/.test(text) || days < min || days > max) {
    const error = new SettingsError("errorDays", String(min), String(max));
    error.field = name;
    throw error;
  }
  return days;
}

/** The host-permission pattern for a server URL ("http://example.org/*"; any port matches). */
export function originPattern(serverUrl) {
  const url = new URL(serverUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

/** Chain partners as typed -> trimmed, empty rows dropped; a row with details but no name is an error. */
export function cleanPartners(rows) {
  const partners = [];
  (rows || []).forEach((row, index) => {
    const partner = {
      // Names and notes are typed in growing text boxes: one line each.
      name: String(row?.name ?? "").replace(/\s+/g, " ").trim(),
      phone: String(row?.phone ?? "").trim(),
      email: String(row?.email ?? "").trim(),
      note: String(row?.note ?? "").replace(/\s+/g, " ").trim(),
    };
    if (!partner.name && !partner.phone && !partner.email && !partner.note) return;
    if (!partner.name) throw new SettingsError("errorPartnerName", String(index + 1));
    partners.push(partner);
  });
  return partners;
}

/** Settings as typed -> settings to store; throws SettingsError on the first bad value. */
export function validateSettings(values) {
  return {
    serverUrl: normalizeServerUrl(values.serverUrl),
    token: String(values.token ?? "").trim(),
    lang: LANGUAGES.includes(values.lang) ? values.lang : "",
    partners: cleanPartners(values.partners),
    shortcuts: values.shortcuts !== false,
    followUpDays: cleanDays("followUpDays", values.followUpDays ?? DEFAULTS.followUpDays),
    followUpExpiryDays: cleanDays("followUpExpiryDays", values.followUpExpiryDays ?? DEFAULTS.followUpExpiryDays),
  };
}

/** All settings, defaults filled in; values IT set by policy (lib/managed.js) win. */
export async function loadSettings(storage = globalThis.chrome.storage.local,
  managedArea = globalThis.chrome?.storage?.managed) {
  const stored = await storage.get(Object.keys(DEFAULTS));
  const settings = { ...DEFAULTS };
  for (const key of Object.keys(DEFAULTS)) {
    if (stored[key] !== undefined && stored[key] !== null) settings[key] = stored[key];
  }
  // Policy hook: managed values replace the worker's own (see lib/managed.js).
  Object.assign(settings, await readManaged(managedArea));
  if (!Array.isArray(settings.partners)) settings.partners = [];
  if (typeof settings.shortcuts !== "boolean") settings.shortcuts = DEFAULTS.shortcuts;
  for (const name of Object.keys(DAY_LIMITS)) {
    try {
      settings[name] = cleanDays(name, settings[name]);
    } catch {
      settings[name] = DEFAULTS[name];
    }
  }
  return settings;
}

export async function saveSettings(settings, storage = globalThis.chrome.storage.local) {
  await storage.set(validateSettings(settings));
}
