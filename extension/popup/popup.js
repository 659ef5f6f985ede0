/**
 * The popup: shows the selected post, asks the guideline's questions one at a time with the first
 * answer suggested by the classifier, and gives the advice. It asks the server (the source of
 * truth) while the server answers, and walks the guideline itself when it does not.
 *
 * This file starts the popup, holds its state (`ui`), walks, and wires the events; each part of
 * the page renders in its own module (post.js, question.js, trail.js, outcome.js, drafts.js,
 * followup.js, casefile.js, save.js), given `ui` and the handlers it needs. The walk's state
 * lives in lib/session.js (pure, tested under node).
 */
import { createClient } from "../lib/api.js";
import { describeFailure } from "../lib/failures.js";
import { displayOrigin } from "../lib/format.js";
import { isGuideline, walk } from "../lib/guideline.js";
import { applyI18n, loadMessages, translator } from "../lib/i18n.js";
import { PENDING_KEY, guidelineKey } from "../lib/ids.js";
import * as walkSession from "../lib/session.js";
import { loadSettings, resolveLang } from "../lib/settings.js";
import { chooseVocabulary, topCategory } from "../lib/vocabulary.js";
import { copyCaseFile, recordCase, renderCaseFile } from "./casefile.js";
import { renderDrafts } from "./drafts.js";
import { addToFollowUps, renderDue, renderFollowUp, sayFollowUpDate } from "./followup.js";
import { renderOutcome } from "./outcome.js";
import { renderPost, renderPostToggle, togglePost } from "./post.js";
import { renderQuestion } from "./question.js";
import { renderSave, saveExample } from "./save.js";
import { renderTrail } from "./trail.js";
import { $ } from "./widgets.js";

const ui = {
  t: (key) => key,
  lang: "nl",
  settings: null,
  client: null,
  vocabulary: null,
  guideline: null,
  guidelineSource: "bundled", // "server" | "stored" | "bundled"
  session: walkSession.newSession(),
  advice: null,
  // The harm category the tips are chosen for: the classifier's, until the worker picks one.
  category: null,
  caseLogged: new Set(),
  busy: false,
};

// -- start ----------------------------------------------------------------------------------

async function init() {
  if (new URLSearchParams(location.search).has("window")) document.body.classList.add("windowed");
  ui.settings = await loadSettings();
  ui.lang = resolveLang(ui.settings.lang, chrome.i18n.getUILanguage());
  ui.t = translator(await loadMessages(ui.lang));
  document.documentElement.lang = ui.lang;
  applyI18n(document, ui.t);
  document.title = ui.t("popupTitle");
  wireEvents();
  renderKeys();

  const stored = await chrome.storage.session.get(PENDING_KEY);
  ui.client = createClient({ baseUrl: ui.settings.serverUrl, token: ui.settings.token });
  ui.vocabulary = await chooseVocabulary(null, chrome.storage.local, bundledVocabulary);
  ui.session = walkSession.newSession(walkSession.cutToLimit(stored[PENDING_KEY] || null, ui.vocabulary.max_text_chars));
  renderPost(ui);
  await renderDue(ui);

  await connect();
  await advise();
  document.body.dataset.ready = "1";
}

async function bundledVocabulary() {
  return (await fetch(chrome.runtime.getURL("guideline/vocabulary.json"))).json();
}

/** Ask the server for its health, the guideline and the classifier's view, all at once. */
async function connect() {
  const text = ui.session.pending?.text || "";
  const [health, guideline, classification] = await Promise.allSettled([
    ui.client.health(),
    ui.client.guideline(ui.lang),
    text ? ui.client.classify(text, ui.lang) : Promise.resolve(null),
  ]);
  const { session, failure } = walkSession.connected(ui.session, { health, guideline, classification });
  ui.session = session;
  if (session.health) {
    // The server's vocabulary replaces the kept one; its limit may be lower than the one used.
    ui.vocabulary = await chooseVocabulary(session.health.vocabulary, chrome.storage.local, bundledVocabulary);
  }
  ui.guideline = await chooseGuideline(guideline);
  ui.category = topCategory(session.classification, ui.vocabulary.categories);
  if (failure) showFailure(failure);
  renderServerState();
  renderPost(ui);
}

/** The server's guideline when it sent one (kept for next time), else the last one kept, else the bundled one. */
async function chooseGuideline(result) {
  const key = guidelineKey(ui.lang);
  if (result.status === "fulfilled" && isGuideline(result.value)) {
    ui.guidelineSource = "server";
    await chrome.storage.local.set({ [key]: result.value });
    return result.value;
  }
  const stored = (await chrome.storage.local.get(key))[key];
  if (isGuideline(stored)) {
    ui.guidelineSource = "stored";
    return stored;
  }
  ui.guidelineSource = "bundled";
  const response = await fetch(chrome.runtime.getURL(`guideline/${ui.lang}.json`));
  return response.json();
}

// -- walking --------------------------------------------------------------------------------

/** Where the answers lead: from the server while it answers, else from the guideline here. */
async function advise() {
  setBusy(true);
  const category = walkSession.adviceCategory(ui.session, ui.category);
  try {
    let advice = null;
    if (walkSession.asksServer(ui.session)) {
      try {
        advice = await ui.client.advice(ui.session.answers, ui.lang, category);
      } catch (err) {
        ui.session = walkSession.adviceFailed(ui.session, err);
        showFailure(err);
        renderServerState();
      }
    }
    ui.advice = advice ?? walk(ui.guideline, ui.session.answers, category);
  } finally {
    setBusy(false);
  }
  render();
  if (ui.advice.complete) recordCase(ui);
}

/** Run one change of the answers, unless one is already under way. */
async function step(change) {
  if (ui.busy) return;
  ui.session = change(ui.session);
  await advise();
}

function answer(value) {
  const q = ui.advice?.next_question;
  if (!q) return Promise.resolve();
  return step((s) => walkSession.withAnswer(s, q.id, value));
}

const changeAnswer = (qid) => step((s) => walkSession.backTo(s, ui.guideline, qid));
const setOptional = (qid, value) => step((s) => walkSession.withOptional(s, qid, value));
const restart = () => step(walkSession.restarted);

async function chooseCategory(value) {
  ui.category = value || null;
  // The tips depend on the category: ask again, the answers unchanged.
  await step((s) => s);
}

// -- rendering ------------------------------------------------------------------------------

function setBusy(busy) {
  ui.busy = busy;
  document.body.dataset.busy = busy ? "1" : "0";
  $("answer-yes").disabled = busy;
  $("answer-no").disabled = busy;
  $("busy").textContent = busy ? ui.t("busy") : "";
}

function renderKeys() {
  const on = ui.settings.shortcuts;
  for (const [id, key] of [["answer-yes", "keyYes"], ["answer-no", "keyNo"]]) {
    if (on) $(id).setAttribute("aria-keyshortcuts", ui.t(key));
    else $(id).removeAttribute("aria-keyshortcuts");
    $(id).querySelector("kbd").hidden = !on;
  }
  $("keys-hint").textContent = ui.t(on ? "keysHint" : "keysHintOff");
}

function renderServerState() {
  const pill = $("server-state");
  const state = walkSession.pillState(ui.session);
  pill.dataset.state = state;
  pill.textContent = ui.t({ online: "serverOnline", offline: "serverOffline", checking: "serverChecking" }[state]);
}

function showFailure(err) {
  const info = describeFailure(err, displayOrigin(ui.settings.serverUrl), ui.settings.serverUrl);
  $("notice").hidden = false;
  $("notice").dataset.kind = err.kind;
  $("notice-text").textContent = ui.t(info.key, ...info.args);
  $("notice-settings").hidden = !info.settings;
}

function render() {
  const advice = ui.advice;
  const wasOutcome = document.body.dataset.phase === "outcome";
  document.body.dataset.phase = advice.complete ? "outcome" : "question";
  renderTrail(ui, advice, { onChange: changeAnswer });
  if (advice.complete) {
    $("question").hidden = true;
    $("outcome").hidden = false;
    renderOutcomeParts(advice, !wasOutcome);
    document.body.dataset.step = `outcome:${advice.outcome.id}`;
    // Move focus (and the view) to the advice when it first appears, not on later updates.
    if (!wasOutcome) $("o-title").focus();
  } else {
    $("outcome").hidden = true;
    $("question").hidden = false; // visible first: a hidden button cannot take the focus
    renderQuestion(ui, advice);
    document.body.dataset.step = `question:${advice.next_question.id}`;
  }
  renderPostToggle(ui);
  renderSource();
}

/** The outcome card; `first` when it has just appeared (drafts and the follow-up date start afresh). */
function renderOutcomeParts(advice, first) {
  renderOutcome(ui, advice, { onOptional: setOptional });
  if (first) {
    renderDrafts(ui, advice.outcome);
    renderFollowUp(ui, advice.outcome);
  }
  renderCaseFile(ui, first);
  renderSave(ui);
}

function renderSource() {
  const key = walkSession.sourceKey(ui.session, ui.guidelineSource);
  $("source").textContent = ui.t(key, ui.guideline?.title ?? "");
}

// -- events ---------------------------------------------------------------------------------

function isTyping(target) {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName));
}

function onKeyDown(event) {
  if (!ui.settings.shortcuts) return;
  if ($("question").hidden || ui.busy || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
  const key = event.key.toLowerCase();
  const yesKeys = new Set(["j", "y", ui.t("keyYes").toLowerCase()]);
  const noKeys = new Set(["n", ui.t("keyNo").toLowerCase()]);
  if (yesKeys.has(key)) {
    event.preventDefault();
    answer(true);
  } else if (noKeys.has(key)) {
    event.preventDefault();
    answer(false);
  }
}

function wireEvents() {
  const openSettings = () => chrome.runtime.openOptionsPage();
  $("open-settings").addEventListener("click", openSettings);
  $("notice-settings").addEventListener("click", openSettings);
  $("partners-manage").addEventListener("click", openSettings);
  $("save-settings").addEventListener("click", openSettings);
  $("answer-yes").addEventListener("click", () => answer(true));
  $("answer-no").addEventListener("click", () => answer(false));
  $("restart").addEventListener("click", restart);
  $("save-button").addEventListener("click", () => saveExample(ui));
  $("save-category").addEventListener("change", (e) => chooseCategory(e.target.value));
  $("followup-add").addEventListener("click", () => addToFollowUps(ui));
  $("followup-date").addEventListener("input", () => sayFollowUpDate(ui));
  $("casefile-copy").addEventListener("click", () => copyCaseFile(ui));
  $("post-toggle").addEventListener("click", () => togglePost(ui));
  document.addEventListener("keydown", onKeyDown);
  // A new menu click while this popup (or window) is open: start over with the new selection.
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === "session" && changes[PENDING_KEY]) location.reload();
  });
}

init().catch((err) => {
  $("notice").hidden = false;
  // The error's name only: its message may be English, or hold a detail of the post.
  const detail = String(err?.name || "Error");
  const text = ui.t("popupFailed", detail);
  $("notice-text").textContent = text === "popupFailed" ? detail : text;
  document.body.dataset.ready = "error";
});
