/** Small formatting helpers shared by the popup and the options page. */

/**
 * A score 0..1 as a plain whole percentage ("82%"). Scores strictly between 0 and 1 show as
 * 1%..99%: a classifier's estimate is never a certainty, and the text should not suggest one.
 */
export function percent(score) {
  const value = Number(score);
  if (!Number.isFinite(value)) return "";
  let pct = Math.round(Math.min(Math.max(value, 0), 1) * 100);
  if (value > 0 && value < 1) pct = Math.min(Math.max(pct, 1), 99);
  return `${pct}%`;
}

/** The origin of a server URL, for showing where texts go ("http://127.0.0.1:8080"). */
export function displayOrigin(serverUrl) {
  try {
    return new URL(serverUrl).origin;
  } catch {
    return String(serverUrl ?? "");
  }
}

/** The locale for dates in the chosen language. */
export function dateLocale(lang) {
  return lang === "nl" ? "nl-NL" : "en-GB";
}

/** A phone number as a tel: URL (digits and a leading +), or null when there is nothing to dial. */
export function telUrl(phone) {
  const digits = String(phone ?? "").trim().replace(/(?!^\+)[^\d]/g, "");
  return /\d{3,}/.test(digits) ? `tel:${digits}` : null;
}

/** An e-mail address as a mailto: URL, or null when it does not look like one. */
export function mailtoUrl(email) {
  const value = String(email ?? "").trim();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? `mailto:${value}` : null;
}

/**
 * The first `max` characters of a text, counted as the server counts them (code points), so an
 * emoji is never cut in half into a lone surrogate.
 */
export function truncateText(text, max) {
  const chars = Array.from(String(text ?? ""));
  return { text: chars.slice(0, max).join(""), truncated: chars.length > max };
}
