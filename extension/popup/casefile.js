/**
 * The case file (a plain-text summary the worker copies, the post text only on request) and the
 * case log (one record per outcome reached, when the organisation keeps one; never the text).
 * What goes into each is lib/casefile.js.
 */
import { caseRecord, caseSummary } from "../lib/casefile.js";
import { statusDetail } from "../lib/failures.js";
import { dateLocale } from "../lib/format.js";
import { answeredPath, questionText } from "../lib/guideline.js";
import { reportingHelp } from "../lib/platforms.js";
import { adviceCategory, asksServer } from "../lib/session.js";
import { $, clearStatus, copyText, setStatus } from "./widgets.js";

/** `first`: the outcome has just appeared, so an earlier "copied" no longer applies. */
export function renderCaseFile(ui, first) {
  if (first) clearStatus("casefile-status");
  $("casefile-text-label").hidden = !ui.session.pending?.text;
}

export function copyCaseFile(ui) {
  const { t } = ui;
  const advice = ui.advice;
  const { answers, pending } = ui.session;
  const help = reportingHelp(pending?.platform, ui.lang);
  const summary = caseSummary({
    date: new Date().toLocaleString(dateLocale(ui.lang), { dateStyle: "long", timeStyle: "short" }),
    platform: help?.name ?? null,
    answers: answeredPath(advice, answers)
      .map((qid) => ({ question: questionText(ui.guideline, qid), answer: t(answers[qid] ? "answerYes" : "answerNo") })),
    outcome: advice.outcome,
    tips: advice.tips,
    text: $("casefile-text").checked ? pending?.text || null : null,
  }, t);
  return copyText(summary, $("casefile-status"), t, "casefileCopied");
}

/** Record the outcome reached, once per outcome and path, on a server with `case_log`. */
export async function recordCase(ui) {
  const { health } = ui.session;
  if (!asksServer(ui.session) || !(health?.features ?? []).includes("case_log")) return;
  const record = caseRecord({
    advice: ui.advice,
    answers: ui.session.answers,
    platform: ui.session.pending?.platform ?? null,
    category: adviceCategory(ui.session, ui.category),
    classification: ui.session.classification,
  });
  const key = JSON.stringify([record.outcome, record.path]);
  if (ui.caseLogged.has(key)) return;
  ui.caseLogged.add(key);
  try {
    await ui.client.recordCase(record);
    setStatus("caselog", "ok", ui.t("caselogDone"));
  } catch (err) {
    ui.caseLogged.delete(key);
    setStatus("caselog", "error", ui.t("caselogFailed", statusDetail(err)));
  }
}
