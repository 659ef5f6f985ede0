/**
 * The post at the top of the popup: its text in whole lines (with the classifier's words marked
 * when it suggests "yes"), "show all", the platform, and where the text went.
 */
import { el, fill } from "../lib/dom.js";
import { displayOrigin } from "../lib/format.js";
import { highlightSegments } from "../lib/highlight.js";
import { reportingHelp } from "../lib/platforms.js";
import { CONNECTION } from "../lib/session.js";
import { $ } from "./widgets.js";

export function renderPost(ui) {
  const { t } = ui;
  const { pending, classification, connection, textSent } = ui.session;
  const text = pending?.text || "";
  $("post-text").hidden = !text;
  $("post-empty").hidden = Boolean(text);
  $("post-truncated").hidden = !pending?.truncated;
  $("post-truncated").textContent = t("postTruncated", String(ui.vocabulary.max_text_chars));

  const help = reportingHelp(pending?.platform, ui.lang);
  $("platform").hidden = !help;
  $("platform").textContent = help ? t("platformDetected", help.name) : "";

  // Highlights explain a "yes" suggestion: only then, and only words that pushed towards it.
  const explanation = classification?.label === 1 ? classification.explanation : [];
  const segments = highlightSegments(text, explanation);
  fill($("post-text"), segments.map((s) => (s.highlight ? el("mark", {}, s.text) : s.text)));
  $("terms-line").hidden = !segments.some((s) => s.highlight);
  renderPostToggle(ui);

  $("privacy").hidden = !text;
  $("privacy-text").textContent = connection !== CONNECTION.CHECKING && !textSent
    ? t("privacyNotSent")
    : t("privacySent", displayOrigin(ui.settings.serverUrl));
}

/** "Show all" only when the folded post hides lines. */
export function renderPostToggle(ui) {
  const post = $("post-text");
  const toggle = $("post-toggle");
  const expanded = post.classList.contains("expanded");
  const overflows = !post.hidden && (expanded || post.scrollHeight > post.clientHeight + 1);
  toggle.hidden = !overflows;
  toggle.setAttribute("aria-expanded", String(expanded));
  toggle.textContent = ui.t(expanded ? "postShowLess" : "postShowAll");
}

/** Fold or unfold the post. */
export function togglePost(ui) {
  $("post-text").classList.toggle("expanded");
  renderPostToggle(ui);
}
