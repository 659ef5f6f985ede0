/**
 * "Save as example": the text as the server will store it (scrubbed, editable), the category and
 * the post's language, and the save itself. Only on a server that offers it (lib/session.js
 * offersSave).
 */
import { exampleBody } from "../lib/api.js";
import { el, fill } from "../lib/dom.js";
import { saveFailureKey } from "../lib/failures.js";
import { percent } from "../lib/format.js";
import { messageOr } from "../lib/i18n.js";
import { offersSave } from "../lib/session.js";
import { categoryMessageKey, languageMessageKey } from "../lib/vocabulary.js";
import { $, clearStatus, growing, setStatus } from "./widgets.js";

/** The "save as example" block: only on a server that offers it, for a post text, on request. */
export function renderSave(ui) {
  const { t } = ui;
  const show = offersSave(ui.session);
  $("save").hidden = !show;
  if (!show) return;
  const contentAnswer = ui.session.answers.content;
  const { classification } = ui.session;
  const score = classification ? percent(classification.score) : t("saveNoScore");
  $("save-what").textContent = t("saveWhat", t(contentAnswer ? "answerYes" : "answerNo"), score);
  $("save-category-label").hidden = !contentAnswer;
  const key = JSON.stringify([contentAnswer]);
  if ($("save").dataset.for !== key) {
    // A different confirmed answer is a different example: it may be saved again.
    $("save").dataset.for = key;
    $("save-button").disabled = false;
    clearStatus("save-status");
    $("save-settings").hidden = true;
  }
  if (!$("save").dataset.built) {
    $("save").dataset.built = "1";
    buildSaveMenus(ui);
    previewText(ui);
  }
}

/** The category and language menus, from the server's vocabulary (or the kept or bundled copy). */
function buildSaveMenus(ui) {
  const { t } = ui;
  fill($("save-category"),
    el("option", { value: "" }, t("categoryNone")),
    ui.vocabulary.categories.map((c) => el("option", { value: c }, messageOr(t, categoryMessageKey(c), c))));
  $("save-category").value = ui.category ?? "";
  fill($("save-lang"),
    el("option", { value: "" }, t("saveLangAuto")),
    ui.vocabulary.languages.map((l) => el("option", { value: l }, messageOr(t, languageMessageKey(l), l))));
  $("save-lang").value = "";
}

/** Show the text as the server would store it, editable (POST /examples/preview stores nothing). */
async function previewText(ui) {
  const { t } = ui;
  const original = ui.session.pending.text;
  const fit = growing($("save-text"));
  $("save-text").value = original;
  $("save-replaced").hidden = true;
  try {
    const preview = await ui.client.previewExample(original);
    if (typeof preview.text !== "string") throw new Error("no text in the preview");
    // The worker may have started editing while the preview was on its way: keep their edits.
    if ($("save-text").value === original) $("save-text").value = preview.text;
    fit();
    const replaced = Object.entries(preview.replaced || {}).filter(([, n]) => Number(n) > 0)
      .map(([kind, n]) => `${messageOr(t, `replaced_${kind}`, kind)} (${n})`);
    if (replaced.length) {
      $("save-replaced").textContent = t("saveReplaced", replaced.join(", "));
      $("save-replaced").hidden = false;
    }
  } catch {
    // A server without the preview still scrubs on saving: say what it removes.
    $("save-replaced").textContent = t("savePreviewMissing");
    $("save-replaced").hidden = false;
    fit();
  }
}

export async function saveExample(ui) {
  const { t } = ui;
  const button = $("save-button");
  const text = $("save-text").value.trim();
  clearStatus("save-status");
  if (!text) {
    setStatus("save-status", "error", t("saveEmpty"));
    return;
  }
  button.disabled = true;
  const body = exampleBody({
    text,
    contentAnswer: ui.session.answers.content,
    lang: $("save-lang").value,
    category: $("save-category").value,
    categories: ui.vocabulary.categories,
    classification: ui.session.classification,
  });
  try {
    const saved = await ui.client.saveExample(body);
    setStatus("save-status", "ok", t(saved.created === false ? "saveDuplicate" : "saveDone"));
    $("save-settings").hidden = true;
  } catch (err) {
    const info = saveFailureKey(err);
    setStatus("save-status", "error", t(info.key, ...info.args));
    $("save-settings").hidden = !info.settings;
    button.disabled = false;
  }
}
