/**
 * The options page: a form synced with the settings by input name (server address, token,
 * language, chain partners). Saving asks the browser for access to the server's origin.
 */
import { createClient } from "../lib/api.js";
import { checkConnection } from "../lib/connection.js";
import { applyI18n, loadMessages, translator } from "../lib/i18n.js";
import { readManaged, withoutManaged } from "../lib/managed.js";
import { DEFAULTS, SettingsError, loadSettings, originPattern, resolveLang, validateSettings } from "../lib/settings.js";
import { showManaged } from "./locked.js";

const $ = (id) => document.getElementById(id);
const form = $("settings");
let t = (key) => key;
let managed = {}; // set by policy: shown locked, never saved over (lib/managed.js)

async function useLanguage(lang) {
  t = translator(await loadMessages(lang));
  document.documentElement.lang = lang;
  applyI18n(document, t);
  applyI18n($("partner-row").content, t);
  document.title = t("optionsTitle");
  numberPartners();
}

// -- chain partner rows ---------------------------------------------------------------------

function numberPartners() {
  $("partners").querySelectorAll(".partner").forEach((row, i) => {
    row.querySelector(".partner-title").textContent = t("partnerNumber", String(i + 1));
  });
}

/** A one-line text box that grows with its text, so a long name is read whole. */
function growing(area) {
  const fit = () => {
    area.style.height = "auto";
    area.style.height = `${area.scrollHeight + 2}px`;
  };
  area.addEventListener("input", fit);
  // A name is one line: Enter saves the form, as in the other fields.
  area.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  requestAnimationFrame(fit);
}

function addPartnerRow(partner = {}) {
  const row = $("partner-row").content.firstElementChild.cloneNode(true);
  row.querySelector('[name="partnerName"]').value = partner.name ?? "";
  row.querySelector('[name="partnerPhone"]').value = partner.phone ?? "";
  row.querySelector('[name="partnerEmail"]').value = partner.email ?? "";
  row.querySelector('[name="partnerNote"]').value = partner.note ?? "";
  row.querySelectorAll("textarea.grow").forEach(growing);
  row.querySelector(".partner-remove").addEventListener("click", () => {
    row.remove();
    numberPartners();
  });
  $("partners").append(row);
  numberPartners();
  return row;
}

function partnerRows() {
  return [...$("partners").querySelectorAll(".partner")].map((row) => ({
    name: row.querySelector('[name="partnerName"]').value,
    phone: row.querySelector('[name="partnerPhone"]').value,
    email: row.querySelector('[name="partnerEmail"]').value,
    note: row.querySelector('[name="partnerNote"]').value,
  }));
}

// -- the form <-> settings ------------------------------------------------------------------

function fillForm(settings, lang) {
  form.elements.serverUrl.value = settings.serverUrl;
  form.elements.token.value = settings.token;
  form.elements.lang.value = lang;
  form.elements.shortcuts.checked = settings.shortcuts !== false;
  form.elements.followUpDays.value = String(settings.followUpDays ?? DEFAULTS.followUpDays);
  form.elements.followUpExpiryDays.value = String(settings.followUpExpiryDays ?? DEFAULTS.followUpExpiryDays);
  $("partners").replaceChildren();
  settings.partners.forEach((p) => addPartnerRow(p));
  showManaged(form, managed, t);
}

function readForm() {
  return {
    serverUrl: form.elements.serverUrl.value,
    token: form.elements.token.value,
    lang: form.elements.lang.value,
    partners: partnerRows(),
    shortcuts: form.elements.shortcuts.checked,
    followUpDays: form.elements.followUpDays.value,
    followUpExpiryDays: form.elements.followUpExpiryDays.value,
  };
}

function showStatus(id, kind, text) {
  $(id).dataset.kind = kind;
  $(id).textContent = text;
}

function fieldFor(error) {
  if (error.key === "errorServerUrl") return form.elements.serverUrl;
  if (error.key === "errorDays") return error.field ? form.elements[error.field] : null;
  if (error.key === "errorPartnerName") {
    return $("partners").querySelectorAll('[name="partnerName"]')[Number(error.args[0]) - 1];
  }
  return null;
}

function onSubmit(event) {
  event.preventDefault();
  let settings;
  try {
    settings = validateSettings(readForm());
  } catch (err) {
    if (!(err instanceof SettingsError)) throw err;
    showStatus("status", "error", t(err.key, ...err.args));
    fieldFor(err)?.focus();
    return;
  }
  // Ask for the server's origin right inside the click: browsers grant requests only there.
  // Already granted (127.0.0.1 and localhost are, by the manifest) means no prompt.
  // A server set by policy is not asked for: IT's server admits the extension by CORS.
  const pattern = originPattern(settings.serverUrl);
  const permission = managed.serverUrl ? Promise.resolve(true)
    : chrome.permissions.request({ origins: [pattern] }).catch(() => false);
  save(settings, permission);
}

async function save(settings, permission) {
  const previousLang = document.documentElement.lang;
  await chrome.storage.local.set(withoutManaged(settings, managed));
  const granted = await permission;
  const lang = resolveLang(settings.lang, chrome.i18n.getUILanguage());
  if (lang !== previousLang) await useLanguage(lang);
  fillForm(settings, lang);
  // The address as stored (an API address pasted with /api/v1 is shown without it).
  if (granted) showStatus("status", "ok", t("settingsSaved"));
  else showStatus("status", "error", t("settingsSavedNoPermission", new URL(settings.serverUrl).origin));
}

async function testConnection() {
  let settings;
  try {
    settings = validateSettings({ ...readForm(), partners: [] });
  } catch (err) {
    if (!(err instanceof SettingsError)) throw err;
    showStatus("test-status", "error", t(err.key, ...err.args));
    return;
  }
  $("test").disabled = true;
  showStatus("test-status", "", "");
  try {
    const client = createClient({ baseUrl: settings.serverUrl, token: settings.token });
    const check = await checkConnection(client, document.documentElement.lang);
    if (check.result === "ok") {
      showStatus("test-status", "ok", t("testOk", check.model_version || t("testNoModel")));
    } else {
      const reason = {
        no_server: () => t("testUnreachable"),
        timeout: () => t("testTimeout"),
        wrong_address: () => t("testWrongAddress"),
        token_refused: () => t("testAuth"),
        wrong_role: () => t("testWrongRole"),
        server_error: () => t("testServerError", String(check.status ?? "—")),
      }[check.result]();
      showStatus("test-status", "error", t("testFailed", reason));
      $("test-status").dataset.result = check.result;
    }
  } finally {
    $("test").disabled = false;
  }
}

async function init() {
  let settings = null;
  try {
    managed = await readManaged();
    settings = await loadSettings();
  } catch {
    // Unreadable storage: show the defaults and say so, rather than an empty form.
  }
  const lang = resolveLang(settings?.lang, chrome.i18n.getUILanguage());
  await useLanguage(lang);
  fillForm(settings ?? { ...DEFAULTS }, lang);
  if (!settings) showStatus("status", "error", t("settingsLoadFailed"));

  form.addEventListener("submit", onSubmit);
  // The page speaks the language chosen, as soon as it is chosen (and that choice comes first).
  form.elements.lang.addEventListener("change", async (e) => {
    const values = readForm();
    await useLanguage(e.target.value);
    form.elements.lang.value = values.lang;
  });
  $("partner-add").addEventListener("click", () => addPartnerRow().querySelector("input").focus());
  $("test").addEventListener("click", testConnection);
  $("token-show").addEventListener("change", (e) => {
    form.elements.token.type = e.target.checked ? "text" : "password";
  });
  document.body.dataset.ready = "1";
}

init().catch((err) => {
  showStatus("status", "error", String(err?.message || err));
  document.body.dataset.ready = "error";
});
