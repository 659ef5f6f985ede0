/** The question being asked: its text and help, the classifier's suggestion, and the focus. */
import { confidenceBand, confidenceMessageKey } from "../lib/confidence.js";
import { el, fill } from "../lib/dom.js";
import { statusDetail } from "../lib/failures.js";
import { percent } from "../lib/format.js";
import { suggestion } from "../lib/session.js";
import { $ } from "./widgets.js";

export function renderQuestion(ui, advice) {
  const { t } = ui;
  const q = advice.next_question;
  $("q-step").textContent = t("stepNumber", String(advice.path.length));
  $("q-text").textContent = q.text;
  $("q-help").textContent = q.help || "";
  $("q-help").hidden = !q.help;

  const suggested = suggestion(ui.session, q);
  const yes = $("answer-yes");
  const no = $("answer-no");
  yes.classList.toggle("suggested", suggested === true);
  no.classList.toggle("suggested", suggested === false);
  $("q-prefill").hidden = suggested === null;
  if (suggested !== null) renderSuggestion(ui, suggested);
  const failure = ui.session.classifyFailure;
  const failed = q.prefill === "classifier" && suggested === null && failure
    ? t("classifyFailed", statusDetail(failure)) : "";
  $("classify-failed").hidden = !failed;
  $("classify-failed").textContent = failed;
  // The suggested answer takes the focus, so Enter confirms it. Without a suggestion the question
  // itself does: no answer is pressed by an Enter meant for something else.
  if (suggested === null) $("q-text").focus();
  else (suggested ? yes : no).focus();
}

/** The suggestion in words first ("Voorstel: ‘Ja’ · vrijwel zeker"), the score second. */
function renderSuggestion(ui, suggested) {
  const { t } = ui;
  const c = ui.session.classification;
  const band = confidenceBand(c);
  fill($("prefill-line"),
    t("prefillSuggestion", t(suggested ? "answerYes" : "answerNo")),
    band ? [" · ", el("strong", { class: "band", dataset: { band } }, t(confidenceMessageKey(band)))] : null);
  // The percentage inside the sentence, wherever the language puts it.
  const [before, after = ""] = t("classifierScore", "\u0000").split("\u0000");
  fill($("score-line"), before, el("span", { class: "pct" }, percent(c.score)), after);
}
