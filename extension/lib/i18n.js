/**
 * The UI texts in the worker's chosen language (nl or en), from the extension's own
 * _locales/<lang>/messages.json. chrome.i18n follows the browser's language only, so the pages
 * load the chosen file themselves; the format (placeholders, $1..$9) is the same.
 */

/** Look up `key` and fill its placeholders; a missing key shows as [key] so it is noticed. */
export function translate(messages, key, substitutions = []) {
  const entry = messages?.[key];
  if (!entry) return `[${key}]`;
  const subs = (Array.isArray(substitutions) ? substitutions : [substitutions]).map((s) => String(s ?? ""));
  const named = {};
  for (const [name, placeholder] of Object.entries(entry.placeholders || {})) {
    named[name.toLowerCase()] = placeholder.content;
  }
  const positional = (text) => text.replace(/\$\$|\$(\d)/g, (m, n) => (m === "$$" ? "$" : subs[Number(n) - 1] ?? ""));
  // One pass, so a substituted value that itself holds "$1" is left alone.
  return entry.message.replace(/\$\$|\$(\d)|\$([A-Za-z0-9_@]+)\$/g, (m, n, name) => {
    if (m === "$$") return "$";
    if (n !== undefined) return subs[Number(n) - 1] ?? "";
    const content = named[name.toLowerCase()];
    return content === undefined ? m : positional(content);
  });
}

/** A lookup function bound to one language's messages. */
export function translator(messages) {
  return (key, ...subs) => translate(messages, key, subs);
}

/** The message `key`, or `fallback` for a word (a category, a language) that has no message yet. */
export function messageOr(t, key, fallback) {
  const text = t(key);
  return text === `[${key}]` ? fallback : text;
}

/** Read _locales/<lang>/messages.json from the extension. */
export async function loadMessages(lang, {
  fetchImpl = globalThis.fetch.bind(globalThis),
  urlFor = (path) => globalThis.chrome.runtime.getURL(path),
} = {}) {
  const response = await fetchImpl(urlFor(`_locales/${lang}/messages.json`));
  if (!response.ok) throw new Error(`no messages for language ${lang}`);
  return response.json();
}

/**
 * Fill every element under `root` that names a message: data-i18n sets the text,
 * data-i18n-attr="attribute:key;attribute:key" sets attributes (aria-label, placeholder, title).
 */
export function applyI18n(root, t) {
  for (const el of root.querySelectorAll("[data-i18n]")) {
    el.textContent = t(el.dataset.i18n);
  }
  for (const el of root.querySelectorAll("[data-i18n-attr]")) {
    for (const pair of el.dataset.i18nAttr.split(";")) {
      const [attr, key] = pair.split(":").map((s) => s.trim());
      if (attr && key) el.setAttribute(attr, t(key));
    }
  }
}
