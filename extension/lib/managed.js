/**
 * Settings an organisation's IT pre-sets by policy, read from chrome.storage.managed: Chromium's
 * `3rdparty` policy (checked against managed_schema.json), Firefox's `3rdparty` section of
 * policies.json or a managed-storage manifest. A managed value wins over the worker's own and is
 * shown locked in the options page. Pure functions apart from `readManaged`, which only reads.
 */
import { LANGUAGES, cleanPartners, normalizeServerUrl } from "./settings.js";
import { telUrl } from "./format.js";

/** The keys IT can set, as in managed_schema.json; the token stays personal (one per worker). */
export const MANAGED_KEYS = Object.freeze(["serverUrl", "lang", "partners", "emergencyContacts"]);

/** One emergency contact as IT writes it -> {text, phone, url}, or null when it says nothing usable. */
function cleanEmergencyContact(contact) {
  const text = String(contact?.text ?? "").trim();
  const phone = String(contact?.phone ?? "").trim();
  let url = String(contact?.url ?? "").trim();
  if (url && !/^https?:\/\//i.test(url)) url = "";
  if (!text || (phone && !telUrl(phone))) return null;
  return { text, phone, url };
}

/**
 * Managed values as the browser hands them over -> only the keys we know, each checked as the
 * options page checks a typed value. A bad value is left out (the worker's own value then
 * applies) rather than breaking the extension; `rejected` lists the keys left out, for the log.
 */
export function validateManaged(raw) {
  const values = {};
  const rejected = [];
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return { values, rejected };
  for (const key of MANAGED_KEYS) {
    if (raw[key] === undefined || raw[key] === null) continue;
    try {
      if (key === "serverUrl") values.serverUrl = normalizeServerUrl(raw.serverUrl);
      if (key === "lang") {
        if (!LANGUAGES.includes(raw.lang)) throw new Error("lang");
        values.lang = raw.lang;
      }
      if (key === "partners") {
        if (!Array.isArray(raw.partners)) throw new Error("partners");
        values.partners = cleanPartners(raw.partners);
      }
      if (key === "emergencyContacts") {
        if (!Array.isArray(raw.emergencyContacts)) throw new Error("emergencyContacts");
        const contacts = raw.emergencyContacts.map(cleanEmergencyContact);
        if (contacts.length === 0 || contacts.includes(null)) throw new Error("emergencyContacts");
        values.emergencyContacts = contacts;
      }
    } catch {
      rejected.push(key);
    }
  }
  return { values, rejected };
}

/**
 * The managed values in force, {} when there are none. Firefox rejects the read when no policy
 * names the extension ("Managed storage manifest not found") and browsers without the area have
 * no `managed` at all: both mean "nothing managed", never an error for the worker.
 */
export async function readManaged(area = globalThis.chrome?.storage?.managed) {
  if (!area?.get) return {};
  let raw;
  try {
    raw = await area.get(null);
  } catch {
    return {};
  }
  const { values, rejected } = validateManaged(raw);
  if (rejected.length) console.warn(`Reageerwijzer: managed setting(s) ignored, not valid: ${rejected.join(", ")}`);
  return values;
}

/** The worker's settings with the managed values in their place. */
export function applyManaged(settings, managed) {
  return { ...settings, ...managed };
}

/** Settings about to be saved, without the managed keys: the worker's own value stays as it was. */
export function withoutManaged(settings, managed) {
  const own = { ...settings };
  for (const key of Object.keys(managed || {})) delete own[key];
  return own;
}

/**
 * An outcome's emergency block ({contacts, support}, the guideline's `refer` route) with IT's
 * emergency contacts in place of the guideline's. Outcomes without an emergency route stay as
 * they are: policy changes whom to call, not when the guideline says to call.
 */
export function withManagedEmergency(emergency, managedContacts) {
  if (!emergency || !Array.isArray(managedContacts) || managedContacts.length === 0) return emergency ?? null;
  return {
    ...emergency,
    contacts: managedContacts.map((c, i) => ({ id: `managed-${i + 1}`, text: c.text, phone: c.phone || null, url: c.url || null })),
  };
}
