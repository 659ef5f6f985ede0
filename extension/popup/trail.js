/** The answers given so far, each with whether it kept the suggestion, and a button to change it. */
import { el, fill } from "../lib/dom.js";
import { answeredPath, questionText } from "../lib/guideline.js";
import { suggestion } from "../lib/session.js";
import { $ } from "./widgets.js";

/** `onChange(qid)` goes back to that question. */
export function renderTrail(ui, advice, { onChange }) {
  const { t } = ui;
  const { answers } = ui.session;
  const answered = answeredPath(advice, answers);
  $("trail-section").hidden = answered.length === 0;
  fill($("trail"), answered.map((qid) => {
    const value = answers[qid];
    const text = questionText(ui.guideline, qid);
    const suggested = suggestion(ui.session, ui.guideline.questions[qid]);
    const note = suggested === null ? null
      : el("span", { class: "t-note" }, ` · ${t(suggested === value ? "trailConfirmed" : "trailOverruled")}`);
    return el("li", { dataset: { qid } },
      el("span", { class: "t-q" }, text),
      el("span", { class: "t-a" }, t(value ? "answerYes" : "answerNo"), note),
      el("button", {
        type: "button",
        class: "linkish",
        "aria-label": t("trailChangeLabel", text),
        onclick: () => onChange(qid),
      }, t("trailChange")));
  }));
}
