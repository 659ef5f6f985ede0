/**
 * The follow-up list for "keep an eye on it": post links with a reminder date. It lives only in
 * this browser (chrome.storage.local, key FOLLOW_UP_KEY); nothing of it goes to the server.
 * Plain functions over plain lists, dates as "YYYY-MM-DD" in the worker's local time.
 */

export const FOLLOW_UP_KEY = "followUps";

const DAY_MS = 24 * 60 * 60 * 1000;

/** A local date as "YYYY-MM-DD". */
export function isoDate(date) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The date `days` after `date` ("YYYY-MM-DD"). */
export function addDays(day, days) {
  const [y, m, d] = day.split("-").map(Number);
  return isoDate(new Date(y, m - 1, d + days));
}

function daysBetween(from, to) {
  const parse = (day) => { const [y, m, d] = day.split("-").map(Number); return Date.UTC(y, m - 1, d); };
  return Math.round((parse(to) - parse(from)) / DAY_MS);
}

export const isDay = (value) => typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)
  && !Number.isNaN(new Date(`${value}T00:00:00`).getTime());

/** A link worth keeping: http(s) only (no text, no javascript: or data: URLs). */
export function followUpLink(url) {
  try {
    const parsed = new URL(String(url ?? ""));
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** The list with one more entry (the same link replaces its older entry). */
export function addFollowUp(list, { url, due, platform = null, outcome = null }, today) {
  const link = followUpLink(url);
  if (!link) throw new Error("a follow-up needs the post's http(s) link");
  if (!isDay(due) || due < today) throw new Error("the reminder date must be today or later");
  const entry = { url: link, due, added: today, platform, outcome };
  return [...(list || []).filter((e) => e.url !== link), entry].sort((a, b) => a.due.localeCompare(b.due));
}

export function removeFollowUp(list, url) {
  return (list || []).filter((e) => e.url !== url);
}

/** Entries whose reminder date has come. */
export function dueFollowUps(list, today) {
  return (list || []).filter((e) => e.due <= today);
}

/**
 * The list without entries older than `expireDays` after their reminder date, and without
 * damaged entries: the list forgets by itself.
 */
export function withoutExpired(list, today, expireDays) {
  return (Array.isArray(list) ? list : []).filter((e) => e && followUpLink(e.url) && isDay(e.due)
    && daysBetween(e.due, today) <= expireDays);
}
