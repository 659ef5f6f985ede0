/**
 * The follow-up list in the popup: the due links at the top, and "put on the follow-up list" with
 * a date for the `monitor` outcome. The list lives in chrome.storage.local only; the pure list
 * logic is lib/followup.js.
 */
import { el, fill } from "../lib/dom.js";
import {
  FOLLOW_UP_KEY, addDays, addFollowUp, dueFollowUps, followUpLink, isoDate, removeFollowUp, sayDate, shortLink,
  withoutExpired,
} from "../lib/followup.js";
import { $, clearStatus, setStatus } from "./widgets.js";

function today() {
  return isoDate(new Date());
}

/** The kept list without expired entries (and written back when that removed any). */
async function followUps(settings) {
  const kept = (await chrome.storage.local.get(FOLLOW_UP_KEY))[FOLLOW_UP_KEY];
  const list = withoutExpired(kept, today(), settings.followUpExpiryDays);
  if (!Array.isArray(kept) || list.length !== kept.length) await chrome.storage.local.set({ [FOLLOW_UP_KEY]: list });
  return list;
}

export async function renderDue(ui) {
  const { t } = ui;
  const due = dueFollowUps(await followUps(ui.settings), today());
  $("due").hidden = due.length === 0;
  fill($("due-list"), due.map((e) => el("li", {},
    el("a", { href: e.url, target: "_blank", rel: "noopener noreferrer" }, shortLink(e.url)),
    el("span", { class: "small" }, ` ${t("dueItem", sayDate(e.due, ui.lang))}`),
    el("button", {
      type: "button",
      class: "linkish",
      "aria-label": t("dueDoneLabel", shortLink(e.url)),
      onclick: async () => {
        await chrome.storage.local.set({ [FOLLOW_UP_KEY]: removeFollowUp(await followUps(ui.settings), e.url) });
        await renderDue(ui);
      },
    }, t("dueDone")))));
}

/** The block for an outcome that asks for a follow-up, when the post's page has a link. */
export function renderFollowUp(ui, outcome) {
  const link = followUpLink(ui.session.pending?.pageUrl);
  $("followup").hidden = !(outcome.follow_up && link);
  $("followup-date").min = today();
  $("followup-date").value = addDays(today(), ui.settings.followUpDays);
  sayFollowUpDate(ui);
  clearStatus("followup-status");
}

/** The chosen date in words beside the date field. */
export function sayFollowUpDate(ui) {
  $("followup-date-said").textContent = sayDate($("followup-date").value, ui.lang);
}

export async function addToFollowUps(ui) {
  const { t } = ui;
  const due = $("followup-date").value;
  try {
    const list = addFollowUp(await followUps(ui.settings), {
      url: ui.session.pending?.pageUrl,
      due,
      platform: ui.session.pending?.platform ?? null,
      outcome: ui.advice?.outcome?.id ?? null,
    }, today());
    await chrome.storage.local.set({ [FOLLOW_UP_KEY]: list });
    setStatus("followup-status", "ok", t("followupAdded", sayDate(due, ui.lang)));
    await renderDue(ui);
  } catch {
    setStatus("followup-status", "error", t(followUpLink(ui.session.pending?.pageUrl) ? "followupBadDate" : "followupNoLink"));
  }
}
