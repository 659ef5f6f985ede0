/**
 * Two records of a finished walk, both plain data:
 * - caseSummary: the plain text a worker copies into the case file (no post text unless asked);
 * - caseRecord: the body of POST /api/v1/cases for an organisation's case log, which never holds
 *   the text, the link or anything about the worker.
 */
import { confidenceBand } from "./confidence.js";

/**
 * The advice as plain text. `t` translates; `entry` is
 * {date, platform, answers: [{question, answer}], outcome, tips, emergency, text|null}.
 */
export function caseSummary(entry, t) {
  const lines = [t("caseTitle"), `${t("caseDate")}: ${entry.date}`];
  if (entry.platform) lines.push(`${t("casePlatform")}: ${entry.platform}`);
  if (entry.text) lines.push("", `${t("casePost")}:`, entry.text);
  lines.push("", `${t("caseAnswers")}:`);
  for (const { question, answer } of entry.answers) lines.push(`- ${question} ${answer}`);
  const o = entry.outcome;
  lines.push("", `${t("caseOutcome")}: ${o.title}`, o.advice);
  for (const addendum of o.addenda || []) lines.push(addendum);
  if (o.emergency) {
    lines.push("");
    for (const c of o.emergency.contacts) lines.push(`- ${c.text}${c.url ? ` ${c.url}` : ""}`);
    lines.push(o.emergency.support);
  }
  if (entry.tips?.length) {
    lines.push("", `${t("tipsHeading")}:`);
    for (const tip of entry.tips) lines.push(`- ${tip.title}: ${tip.text}`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * The case-log record of a walk that reached an outcome: {outcome, path, platform, category,
 * prefill_agreed, model_version, score_band}. `prefill_agreed` is null when the classifier made
 * no suggestion (no text, or no answer from it).
 */
export function caseRecord({ advice, answers, platform = null, category = null, classification = null }) {
  const suggested = classification ? classification.label === 1 : null;
  return {
    outcome: advice.outcome.id,
    // The questions asked, in order: with the outcome they say every answer given.
    path: [...advice.path],
    platform: platform || null,
    category: category || null,
    prefill_agreed: suggested === null || typeof answers.content !== "boolean" ? null : suggested === answers.content,
    model_version: typeof classification?.model_version === "string" ? classification.model_version : null,
    score_band: confidenceBand(classification),
  };
}
