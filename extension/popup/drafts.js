/** Reply drafts from the guideline: editable, copied on request; nothing is ever posted. */
import { el, fill } from "../lib/dom.js";
import { $, copyText, growing } from "./widgets.js";

export function renderDrafts(ui, outcome) {
  const { t } = ui;
  const drafts = outcome.drafts || [];
  $("drafts").hidden = drafts.length === 0;
  fill($("drafts-list"), drafts.map((d, i) => {
    const n = String(i + 1);
    const tipTitle = ui.guideline?.tips?.[d.tip]?.title ?? d.tip;
    const area = el("textarea", { id: `draft-${d.id}`, rows: "3", dataset: { draft: d.id } });
    area.value = d.text;
    growing(area);
    const status = el("span", { class: "copy-status small", role: "status" });
    return el("li", {},
      el("label", { for: `draft-${d.id}`, class: "small draft-label" }, t("draftLabel", n, tipTitle)),
      area,
      el("div", { class: "copy-row" },
        el("button", {
          type: "button",
          class: "secondary",
          "aria-label": t("draftCopyLabel", n),
          onclick: () => copyText(area.value, status, t, "copied"),
        }, t("draftCopy")),
        status));
  }));
}
